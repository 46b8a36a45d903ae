#pragma once
// relkit::unleash's error domain ("unleash"): what a payload can get wrong.

#include "relkit/detail/prologue.hpp"

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {

enum class errc {
  invalid_json = 1,   // the text is not JSON (the message names the JSON error)
  wrong_type,         // a known field has the wrong JSON type
  missing_field,      // a required field is absent (feature name, segment id, event type)
  unknown_event,      // a delta event of a type this library does not know
  out_of_range,       // an integer field holds a fraction or a number beyond its range
  too_many_features,  // more features (or delta events) than load_options::max_features
  too_many_entries,   // more list entries below the features than load_options::max_entries
};

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::invalid_json, "invalid_json", "invalid JSON: {text}"},
    {errc::wrong_type, "wrong_type", "{token} must be {text}"},
    {errc::missing_field, "missing_field", "missing \"{token}\""},
    {errc::unknown_event, "unknown_event", "unknown delta event type \"{token}\""},
    {errc::out_of_range, "out_of_range", "{token} must be an integer from {number} to {number2}"},
    {errc::too_many_features, "too_many_features",
     "more than {number} {token} (raise load_options::max_features)"},
    {errc::too_many_entries, "too_many_entries",
     "more than {number} {token} (raise load_options::max_entries)"},
};
inline constexpr relkit::error_domain errc_domain =
    relkit::make_error_domain<errc_table>("unleash");
}  // namespace detail
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
