#pragma once
// One table per enum: its stable identifiers, read by both to_string and the
// matching parse, so the two cannot drift apart. A value outside the table
// (a cast from a stray integer) prints as "unknown", never as a valid name.
//
//   inline constexpr relkit::detail::enum_name<phase> phase_names[] = {
//       {phase::pending, "pending"}, {phase::running, "running"}};
//   to_string(p)  -> relkit::detail::enum_to_string(phase_names, p)
//   parse_phase(s) -> relkit::detail::enum_from_string(phase_names, s)

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

template <class Enum>
struct enum_name {
  Enum value;
  std::string_view name;
};

template <class Enum, std::size_t N>
constexpr std::string_view enum_to_string(const enum_name<Enum> (&table)[N], Enum value) noexcept {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
constexpr std::optional<Enum> enum_from_string(const enum_name<Enum> (&table)[N],
                                               std::string_view name) noexcept {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
