#pragma once
// relkit::rollout state: where a rollout is (plain data), and its
// persistent text form.

#include "relkit/detail/prologue.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/result.hpp"
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// ---- state --------------------------------------------------------------------

enum class state_phase : std::uint8_t {
  healthy,            // no update in progress; stable serves everything
  progressing,        // moving through the steps
  paused,             // a pause condition or a manual pause
  waiting_promotion,  // progressive: at max weight, waiting for `promote`
  degraded,           // progress deadline exceeded (not aborted)
  aborted             // rolled back to stable; `retry` or a new artifact continues
};

enum class pause_reason : std::uint8_t {
  none,
  pause_step,             // Argo CanaryPauseStep
  blue_green,             // Argo BlueGreenPause
  inconclusive_analysis,  // Argo InconclusiveAnalysisRun
  awaiting_promotion      // Flagger WaitingPromotion
};

// Which run an analysis event or action refers to: the step's own (inline,
// blue-green pre/post-promotion, progressive checks) or the background one.
enum class analysis_slot : std::uint8_t { step, background };

namespace detail {
inline constexpr relkit::detail::enum_name<state_phase> phase_names[] = {
    {state_phase::healthy, "healthy"},   {state_phase::progressing, "progressing"},
    {state_phase::paused, "paused"},     {state_phase::waiting_promotion, "waiting_promotion"},
    {state_phase::degraded, "degraded"}, {state_phase::aborted, "aborted"},
};
inline constexpr relkit::detail::enum_name<pause_reason> pause_reason_names[] = {
    {pause_reason::none, "none"},
    {pause_reason::pause_step, "pause_step"},
    {pause_reason::blue_green, "blue_green"},
    {pause_reason::inconclusive_analysis, "inconclusive_analysis"},
    {pause_reason::awaiting_promotion, "awaiting_promotion"},
};
inline constexpr relkit::detail::enum_name<analysis_slot> analysis_slot_names[] = {
    {analysis_slot::step, "step"}, {analysis_slot::background, "background"}};
}  // namespace detail

// Stable identifiers (the state text's spelling); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(state_phase p) noexcept {
  return relkit::detail::enum_to_string(detail::phase_names, p);
}
[[nodiscard]] constexpr std::optional<state_phase> parse_state_phase(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::phase_names, text);
}
[[nodiscard]] constexpr std::string_view to_string(pause_reason r) noexcept {
  return relkit::detail::enum_to_string(detail::pause_reason_names, r);
}
[[nodiscard]] constexpr std::optional<pause_reason> parse_pause_reason(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::pause_reason_names, text);
}
[[nodiscard]] constexpr std::string_view to_string(analysis_slot s) noexcept {
  return relkit::detail::enum_to_string(detail::analysis_slot_names, s);
}
[[nodiscard]] constexpr std::optional<analysis_slot> parse_analysis_slot(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::analysis_slot_names, text);
}

// Where a rollout is. Plain data: compare it, store it (to_string / parse_state).
struct state {
  rollout::state_phase phase = rollout::state_phase::healthy;
  pause_reason pause = pause_reason::none;
  bool manual_pause = false;  // `pause` event (Argo spec.paused)
  bool timed_out = false;     // progress deadline exceeded
  bool updating = false;      // an update is in progress (canary set)
  bool aborted = false;
  std::uint32_t step_index = 0;
  std::int32_t weight = 0;            // percent of traffic on the canary
  std::string stable;                 // artifact serving when healthy; never replaced by a rollback
  std::string canary;                 // artifact being rolled out ("" when none)
  std::string previous_stable;        // the stable before the last promotion
  time_point step_started{};          // entering the current step
  time_point paused_at{};             // the current pause condition began
  time_point progress_at{};           // last progress (for the deadline)
  time_point last_iteration{};        // progressive: last scheduler iteration
  std::uint32_t failed_checks = 0;    // progressive
  std::optional<bool> pending_check;  // progressive: this iteration's check result
  run_status step_run;
  run_status background_run;
  std::uint64_t plan_fingerprint = 0;

  friend bool operator==(const state& a, const state& b) {
    return a.phase == b.phase && a.pause == b.pause && a.manual_pause == b.manual_pause &&
           a.timed_out == b.timed_out && a.updating == b.updating && a.aborted == b.aborted &&
           a.step_index == b.step_index && a.weight == b.weight && a.stable == b.stable &&
           a.canary == b.canary && a.previous_stable == b.previous_stable &&
           a.step_started == b.step_started && a.paused_at == b.paused_at &&
           a.progress_at == b.progress_at && a.last_iteration == b.last_iteration &&
           a.failed_checks == b.failed_checks && a.pending_check == b.pending_check &&
           a.step_run == b.step_run && a.background_run == b.background_run &&
           a.plan_fingerprint == b.plan_fingerprint;
  }
  friend bool operator!=(const state& a, const state& b) { return !(a == b); }
};

// A healthy rollout serving `stable`.
[[nodiscard]] inline state initial_state(const plan& p, std::string stable) {
  state s;
  s.stable = std::move(stable);
  s.plan_fingerprint = p.fingerprint();
  return s;
}

// ---- persistence --------------------------------------------------------------

// 2: instants in milliseconds (relkit::time_point); parse_state still reads
// version 1 (nanoseconds), rounding its instants down to milliseconds.
inline constexpr int state_format_version = 2;

// A small line-based text form (documented in docs/rollout.md):
//   relkit-rollout-state 2\n  then one "key value" line per field, in order.
template <class Unused = void>
[[nodiscard]] std::string to_string(const state& s);
// Parses to_string's output (syntax and internal consistency only). Errors
// carry the byte position of the offending line or value.
template <class Unused = void>
[[nodiscard]] result<state> parse_state(std::string_view text);
// The same, then checks the state against `p`: plan fingerprint, step index,
// analysis run sizes (errc::state_mismatch).
template <class Unused = void>
[[nodiscard]] result<state> parse_state(std::string_view text, const plan& p);

}  // namespace rollout
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/rollout/impl/state.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
