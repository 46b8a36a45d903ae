// First include of every relkit header that opens relkit's namespace (no
// #pragma once: it runs at the top of each such header, as epilogue.hpp runs
// at its end). It saves the caller's state of relkit's internal macros and
// defines them; epilogue.hpp restores that state, so nesting works and no
// internal macro outlives the outermost relkit header a user includes.
//
// The inline ABI namespace differs between builds with and without
// exceptions (RELKIT_HAS_EXCEPTIONS), so translation units built both ways
// never share a definition under one mangled name (no ODR violation).
//
//   #pragma once
//   #include "relkit/detail/prologue.hpp"
//   ...
//   #include "relkit/detail/epilogue.hpp"
//
// `python3 tools/check_macros.py --fix` adds both lines where missing.

#include "relkit/config.hpp"

#pragma push_macro("RELKIT_NAMESPACE_BEGIN")
#pragma push_macro("RELKIT_NAMESPACE_END")
#undef RELKIT_NAMESPACE_BEGIN
#undef RELKIT_NAMESPACE_END

#if RELKIT_HAS_EXCEPTIONS
#define RELKIT_NAMESPACE_BEGIN \
  namespace relkit {           \
  inline namespace v0 {
#else
#define RELKIT_NAMESPACE_BEGIN \
  namespace relkit {           \
  inline namespace v0_noexcept {
#endif
#define RELKIT_NAMESPACE_END \
  }                          \
  }
