#pragma once
// relkit::rollout errors: the "rollout" error domain.

#include "relkit/detail/prologue.hpp"

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// ---- errors -------------------------------------------------------------------

enum class errc {
  empty_plan = 1,       // no steps / too many steps
  weight_out_of_range,  // a weight outside 0..100 (or 1..100 where 0 makes no sense)
  bad_step_weights,     // progressive step_weights not strictly increasing
  analysis_without_metrics,
  too_many_metrics,     // more than max_metrics
  bad_limit,            // a limit below its minimum
  bad_count,            // count 0 or above 65535
  bad_duration,         // a negative (or zero where it must be positive) duration
  bad_thresholds,       // kayenta: not 0 <= marginal <= pass <= 100, or intervals 0
  bad_background_span,  // background analysis outside the steps
  bad_state_format,     // state text: syntax
  state_version,        // state text: another format version
  state_mismatch,       // state text: does not fit this plan
  bad_plan_format,      // plan text (parse_plan): syntax
};

// Plan errors (make_plan) are about values built in code: their position is
// relkit::no_position; a step index is the message's {number} (for the
// background analysis its first_step, for blue-green's pre_promotion 0 and
// post_promotion 2) and is printed through the {token}, the subject of the
// message ("\"smoke\" in step 1", "\"smoke\" (pre_promotion)"); the offending
// value is {number2}. State text errors (parse_state) carry the byte position
// in the text. Plan text errors (parse_plan) carry the byte position of the
// offending word, make_plan's codes included (at the line they are about).
namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::empty_plan, "empty_plan", "{text}"},
    {errc::weight_out_of_range, "weight_out_of_range",
     "{text}{token} is {number2}, outside {text2}"},
    {errc::bad_step_weights, "bad_step_weights",
     "step_weights[{number}] is {number2}, not above the weight before it"},
    {errc::analysis_without_metrics, "analysis_without_metrics", "analysis {token} has no metrics"},
    {errc::too_many_metrics, "too_many_metrics",
     "analysis {token} has more than {number2} metrics"},
    {errc::bad_limit, "bad_limit", "{text}{token} is {number2}, below {text2}"},
    {errc::bad_count, "bad_count", "metric {token} has count {number2} (1..65535)"},
    {errc::bad_duration, "bad_duration", "{text}{token} is {number2}s, {text2}"},
    {errc::bad_thresholds, "bad_thresholds",
     "analysis {token} needs 0 <= marginal <= pass <= 100 and intervals >= 1"},
    {errc::bad_background_span, "bad_background_span",
     "background analysis span ({token}) is empty or outside the plan's {number2} steps"},
    {errc::bad_state_format, "bad_state_format", "{text}{token}{text2}"},
    {errc::state_version, "state_version", "state format version {token} is not {number}"},
    {errc::state_mismatch, "state_mismatch", "{text}{token}{text2}"},
    {errc::bad_plan_format, "bad_plan_format", "{text}{token}{text2}"},
};
inline constexpr relkit::error_domain errc_domain =
    relkit::make_error_domain<errc_table>("rollout");
}  // namespace detail
[[nodiscard]] constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
