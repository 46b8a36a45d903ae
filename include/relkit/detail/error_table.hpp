#pragma once
// One table per error domain: each code's stable name and message template,
// written once and read by both error_code::name() and error::message().
//
//   namespace semver {
//   enum class errc { empty = 1, leading_zero };
//   namespace detail {
//   inline constexpr relkit::detail::error_entry<errc> errc_table[] = {
//       {errc::empty, "empty", "empty version"},
//       {errc::leading_zero, "leading_zero", "leading zero in {text}"},
//   };
//   }  // namespace detail
//   inline constexpr relkit::error_domain errc_domain =
//       relkit::detail::make_error_domain<detail::errc_table>("semver");
//   constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
//     return errc_domain;
//   }
//   }  // namespace semver

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

template <class Enum>
struct error_entry {
  Enum code;
  std::string_view name;
  std::string_view message;  // template, see relkit::error_domain
};

template <const auto& Table>
constexpr std::string_view error_table_code_name(int code) noexcept {
  for (const auto& entry : Table) {
    if (static_cast<int>(entry.code) == code) return entry.name;
  }
  return "unknown";
}

template <const auto& Table>
constexpr std::string_view error_table_message(int code) noexcept {
  for (const auto& entry : Table) {
    if (static_cast<int>(entry.code) == code) return entry.message;
  }
  return "unknown error";
}

template <const auto& Table>
constexpr relkit::error_domain make_error_domain(std::string_view name) noexcept {
  return relkit::error_domain{name, &error_table_code_name<Table>, &error_table_message<Table>};
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
