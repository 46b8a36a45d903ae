#pragma once
// relkit configuration: the one source of the version, the ABI namespace and
// how errors surface when exceptions are disabled.
//
// Documented macros a user may define before including relkit:
//   RELKIT_NO_EXCEPTIONS  never throw, even when the compiler has exceptions on
//   RELKIT_THROW(e)       how relkit raises `e` (default: `throw e`, or print and
//                         abort without exceptions)
//   RELKIT_SEPARATE_COMPILATION  compiled mode: the headers declare the heavy
//                         functions and do not define them; exactly one .cpp
//                         of the program includes relkit/src.hpp, which defines
//                         them (CMake: link relkit::compiled, which does both).
//                         Define it the same way in every translation unit.
// Macros relkit defines for users: RELKIT_VERSION_MAJOR/MINOR/PATCH,
// RELKIT_VERSION, RELKIT_HAS_EXCEPTIONS, RELKIT_THROW, RELKIT_INLINE.

#include <cstdio>
#include <cstdlib>

// Bare lines: CMake and the release tooling read them with a regular expression.
#define RELKIT_VERSION_MAJOR 0
#define RELKIT_VERSION_MINOR 2
#define RELKIT_VERSION_PATCH 0

#define RELKIT_VERSION \
  (RELKIT_VERSION_MAJOR * 10000 + RELKIT_VERSION_MINOR * 100 + RELKIT_VERSION_PATCH)

#if !defined(RELKIT_NO_EXCEPTIONS) && \
    (defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND))
#define RELKIT_HAS_EXCEPTIONS 1
#else
#define RELKIT_HAS_EXCEPTIONS 0
#endif

// The inline namespace carries the major version only (as {fmt} does), so two
// patch releases linked into one program agree on every type; builds without
// exceptions get their own (v0_noexcept), so translation units compiled both
// ways never give two definitions one mangled name. relkit/detail/prologue.hpp
// opens the same namespace for every other header.
namespace relkit {
#if RELKIT_HAS_EXCEPTIONS
inline namespace v0 {
#else
inline namespace v0_noexcept {
#endif
namespace detail {

// Without exceptions a broken precondition must still say what broke before
// the process ends; a bare abort leaves users guessing.
[[noreturn]] inline void abort_with_message(const char* message) noexcept {
  std::fputs("relkit: ", stderr);
  std::fputs(message, stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
  std::abort();
}

}  // namespace detail
}  // namespace v0 / v0_noexcept
}  // namespace relkit

// The linkage of a non-template function whose body sits in an impl/ file:
// `inline` header-only; nothing in compiled mode, where relkit/src.hpp gives
// the one definition.
#ifdef RELKIT_SEPARATE_COMPILATION
#define RELKIT_INLINE
#else
#define RELKIT_INLINE inline
#endif

#ifndef RELKIT_THROW
#if RELKIT_HAS_EXCEPTIONS
#define RELKIT_THROW(exception) throw exception
#else
#define RELKIT_THROW(exception) ::relkit::detail::abort_with_message((exception).what())
#endif
#endif
