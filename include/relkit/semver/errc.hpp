#pragma once
// relkit::semver's error codes and their domain ("semver"): each code's
// stable name and message template, in one table.

#include "relkit/detail/prologue.hpp"

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

enum class errc {
  empty = 1,             // nothing to parse
  too_long,              // input over options::max_length bytes
  unexpected_character,  // a character the grammar does not allow here
  unexpected_end,        // input ended inside a version
  leading_zero,          // numeric part with a leading zero (strict and npm modes)
  number_too_large,      // beyond uint64 (strict) or 2^53-1 (npm modes, as node-semver)
  invalid_range,         // a range node-semver's validRange rejects
  invalid_identifier,    // a bump identifier that is not a prerelease identifier
  not_a_prerelease,      // bump(release) of a version without prerelease
  identifier_exists,     // bump with identifier_base::none would not change the version
  empty_identifier,      // bump with identifier_base::none and no identifier
};

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::empty, "empty", "empty version"},
    {errc::too_long, "too_long", "version is longer than {number} characters"},
    {errc::unexpected_character, "unexpected_character", "unexpected {token} while parsing {text}"},
    {errc::unexpected_end, "unexpected_end", "unexpected end of input while parsing {text}"},
    {errc::leading_zero, "leading_zero", "leading zero in {text}"},
    {errc::number_too_large, "number_too_large", "{text} exceeds {text2}"},
    {errc::invalid_range, "invalid_range", "invalid range: {text}{token}"},
    {errc::invalid_identifier, "invalid_identifier", "invalid prerelease identifier '{token}'"},
    {errc::not_a_prerelease, "not_a_prerelease", "version {token} is not a prerelease"},
    {errc::identifier_exists, "identifier_exists", "prerelease identifier already exists"},
    {errc::empty_identifier, "empty_identifier", "empty prerelease identifier"},
};
inline constexpr relkit::error_domain errc_domain = relkit::make_error_domain<errc_table>("semver");
}  // namespace detail
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
