#pragma once
// relkit::rollout: canary, blue-green and progressive (Flagger-style) rollouts
// as a pure state machine. A plan is validated once; then
//   transition t = advance(plan, state, event);
// gives the next state and the actions a controller must take. Nothing here
// reads a clock: every event carries the time it happened.

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
#include "relkit/gates/kayenta.hpp"
#include "relkit/result.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN

// ---- analysis: Argo AnalysisRun and Kayenta judge arithmetic ---------------

namespace rollout {

// One measurement of one metric, as Argo classifies it.
enum class measurement : std::uint8_t { successful, failed, inconclusive, error };

// A metric's or a run's phase. `pending`: not started (or not running).
enum class analysis_phase : std::uint8_t {
  pending,
  running,
  successful,
  failed,
  inconclusive,
  error
};

[[nodiscard]] constexpr std::string_view to_string(measurement m) noexcept {
  switch (m) {
    case measurement::successful:
      return "Successful";
    case measurement::failed:
      return "Failed";
    case measurement::inconclusive:
      return "Inconclusive";
    case measurement::error:
      return "Error";
  }
  return "?";
}

[[nodiscard]] constexpr std::string_view to_string(analysis_phase p) noexcept {
  switch (p) {
    case analysis_phase::pending:
      return "Pending";
    case analysis_phase::running:
      return "Running";
    case analysis_phase::successful:
      return "Successful";
    case analysis_phase::failed:
      return "Failed";
    case analysis_phase::inconclusive:
      return "Inconclusive";
    case analysis_phase::error:
      return "Error";
  }
  return "?";
}

[[nodiscard]] constexpr bool is_completed(analysis_phase p) noexcept {
  return p == analysis_phase::successful || p == analysis_phase::failed ||
         p == analysis_phase::inconclusive || p == analysis_phase::error;
}

// Argo's order for "the worst phase wins":
// Successful < Running < Pending < Inconclusive < Error < Failed.
[[nodiscard]] constexpr int severity(analysis_phase p) noexcept {
  switch (p) {
    case analysis_phase::successful:
      return 0;
    case analysis_phase::running:
      return 1;
    case analysis_phase::pending:
      return 2;
    case analysis_phase::inconclusive:
      return 3;
    case analysis_phase::error:
      return 4;
    case analysis_phase::failed:
      return 5;
  }
  return 5;
}

// A single measurement from Argo's successCondition / failureCondition, each
// given as its evaluated value or nullopt when the condition is not set. An
// expression that cannot be evaluated is an `error` measurement: pass that
// directly.
[[nodiscard]] constexpr measurement evaluate(std::optional<bool> success_condition,
                                             std::optional<bool> failure_condition) noexcept {
  if (success_condition && failure_condition) {
    if (*failure_condition) return measurement::failed;  // failure wins
    return *success_condition ? measurement::successful : measurement::inconclusive;
  }
  if (success_condition) return *success_condition ? measurement::successful : measurement::failed;
  if (failure_condition) return *failure_condition ? measurement::failed : measurement::successful;
  return measurement::successful;  // the code, not the docs: neither set is Successful
}

// An Argo metric: how many measurements, and the limits that end it early.
struct metric {
  std::string name;
  // Measurements wanted (errors excluded). Unset: 1 without an interval,
  // unbounded with one.
  std::optional<std::uint32_t> count;
  // Only whether it is set matters to the phase; scheduling measurements at
  // this interval is the controller's job.
  std::optional<std::chrono::seconds> interval;
  std::int32_t failure_limit = 0;  // Failed when failed > limit; -1 disables
  std::int32_t inconclusive_limit = 0;
  std::int32_t consecutive_error_limit = 4;
  std::int32_t consecutive_success_limit = 0;  // 0: off
  bool dry_run = false;                        // never affects the run's phase
};

// Kayenta's thresholds for a judged analysis over `intervals` scores.
struct judge {
  double marginal = 75;
  double pass = 95;
  std::uint32_t intervals = 1;
};

enum class analysis_kind : std::uint8_t { argo, kayenta };

// An analysis is either Argo metrics or a Kayenta judge over canary scores.
struct analysis {
  std::string name;
  analysis_kind kind = analysis_kind::argo;
  std::vector<metric> metrics;  // argo
  judge thresholds;             // kayenta
};

// Counters of one metric, as Argo's MetricResult keeps them. They saturate at
// 65535 (a documented limit; count is validated to be at most 65535).
struct metric_status {
  std::uint16_t count = 0;  // successful + failed + inconclusive (errors excluded)
  std::uint16_t successful = 0;
  std::uint16_t failed = 0;
  std::uint16_t inconclusive = 0;
  std::uint16_t error = 0;
  std::uint16_t consecutive_error = 0;
  std::uint16_t consecutive_success = 0;
  analysis_phase phase = analysis_phase::pending;

  friend constexpr bool operator==(const metric_status& a, const metric_status& b) noexcept {
    return a.count == b.count && a.successful == b.successful && a.failed == b.failed &&
           a.inconclusive == b.inconclusive && a.error == b.error &&
           a.consecutive_error == b.consecutive_error &&
           a.consecutive_success == b.consecutive_success && a.phase == b.phase;
  }
  friend constexpr bool operator!=(const metric_status& a, const metric_status& b) noexcept {
    return !(a == b);
  }
};

// At most this many metrics per analysis: the run status lives inline in the
// rollout state, so copying a state never allocates for it.
inline constexpr std::size_t max_metrics = 8;

// One AnalysisRun (Argo) or judged run (Kayenta).
struct run_status {
  analysis_phase phase = analysis_phase::pending;  // pending: no run
  std::uint8_t metric_count = 0;
  std::array<metric_status, max_metrics> metrics{};
  std::uint32_t scores = 0;     // kayenta: scores received
  std::int32_t last_score = 0;  // kayenta: last score in hundredths

  friend bool operator==(const run_status& a, const run_status& b) noexcept {
    return a.phase == b.phase && a.metric_count == b.metric_count && a.metrics == b.metrics &&
           a.scores == b.scores && a.last_score == b.last_score;
  }
  friend bool operator!=(const run_status& a, const run_status& b) noexcept { return !(a == b); }
};

}  // namespace rollout
namespace detail {
constexpr std::uint16_t rollout_saturating_increment(std::uint16_t v) noexcept {
  return v == UINT16_MAX ? v : static_cast<std::uint16_t>(v + 1);
}
}  // namespace detail
namespace rollout {

// Adds one measurement to a metric's counters (Argo: errors do not count
// towards `count`; any non-error resets the consecutive-error counter).
[[nodiscard]] constexpr metric_status record(metric_status s, measurement m) noexcept {
  using relkit::detail::rollout_saturating_increment;
  const auto saturating_increment = [](std::uint16_t v) { return rollout_saturating_increment(v); };
  if (m == measurement::error) {
    s.error = saturating_increment(s.error);
    s.consecutive_error = saturating_increment(s.consecutive_error);
    s.consecutive_success = 0;
    return s;
  }
  s.count = saturating_increment(s.count);
  s.consecutive_error = 0;
  if (m == measurement::successful) {
    s.successful = saturating_increment(s.successful);
    s.consecutive_success = saturating_increment(s.consecutive_success);
  } else {
    s.consecutive_success = 0;
    if (m == measurement::failed) s.failed = saturating_increment(s.failed);
    if (m == measurement::inconclusive) s.inconclusive = saturating_increment(s.inconclusive);
  }
  return s;
}

// Argo's assessMetricStatus: the phase of one metric from its counters.
// `terminating`: the run was terminated (another metric ended it, or the
// rollout finished or aborted).
[[nodiscard]] inline analysis_phase assess(const metric& m, const metric_status& s,
                                           bool terminating = false) noexcept {
  if (is_completed(s.phase)) return s.phase;
  const std::uint64_t measured = std::uint64_t{s.count} + s.error;
  if (measured == 0) return terminating ? analysis_phase::successful : analysis_phase::pending;
  std::optional<analysis_phase> limit_phase;  // the later check wins: Error > Inconclusive > Failed
  if (m.failure_limit >= 0 && std::int64_t{s.failed} > m.failure_limit) {
    limit_phase = analysis_phase::failed;
  }
  if (std::int64_t{s.inconclusive} > m.inconclusive_limit) {
    limit_phase = analysis_phase::inconclusive;
  }
  if (std::int64_t{s.consecutive_error} > m.consecutive_error_limit) {
    limit_phase = analysis_phase::error;
  }
  if (limit_phase) return *limit_phase;
  const bool success_applies = m.consecutive_success_limit > 0;
  if (success_applies && std::int64_t{s.consecutive_success} >= m.consecutive_success_limit) {
    return analysis_phase::successful;
  }
  std::optional<std::uint32_t> effective_count = m.count;
  if (!effective_count && !m.interval) effective_count = 1;
  if (effective_count && s.count >= *effective_count) {
    const bool failure_applies = m.failure_limit >= 0;
    if (failure_applies && success_applies) return analysis_phase::inconclusive;
    if (success_applies) return analysis_phase::failed;
    return analysis_phase::successful;
  }
  return terminating ? analysis_phase::successful : analysis_phase::running;
}

// Dry-run metrics' outcomes, counted apart (Argo's dryRunSummary).
struct dry_run_summary {
  std::uint32_t count = 0;
  std::uint32_t successful = 0;
  std::uint32_t failed = 0;
  std::uint32_t inconclusive = 0;
  std::uint32_t error = 0;
};

[[nodiscard]] inline dry_run_summary summarize_dry_run(const analysis& a,
                                                       const run_status& run) noexcept {
  dry_run_summary summary;
  for (std::size_t i = 0; i < a.metrics.size() && i < run.metric_count; ++i) {
    if (!a.metrics[i].dry_run) continue;
    ++summary.count;
    switch (run.metrics[i].phase) {
      case analysis_phase::successful:
        ++summary.successful;
        break;
      case analysis_phase::failed:
        ++summary.failed;
        break;
      case analysis_phase::inconclusive:
        ++summary.inconclusive;
        break;
      case analysis_phase::error:
        ++summary.error;
        break;
      default:
        break;
    }
  }
  return summary;
}

// Re-derives every metric's phase and the run's: a non-dry-run metric that
// ends Failed, Error or Inconclusive terminates the run (the rest are assessed
// as terminated); the run's phase is the worst non-dry-run metric phase once
// every metric is complete.
[[nodiscard]] inline run_status settle(const analysis& a, run_status run,
                                       bool terminating = false) noexcept {
  const std::size_t n = run.metric_count;
  for (std::size_t i = 0; i < n && i < a.metrics.size(); ++i) {
    run.metrics[i].phase = assess(a.metrics[i], run.metrics[i], false);
    if (!a.metrics[i].dry_run) {
      const analysis_phase p = run.metrics[i].phase;
      if (p == analysis_phase::failed || p == analysis_phase::error ||
          p == analysis_phase::inconclusive) {
        terminating = true;
      }
    }
  }
  bool all_complete = true;
  analysis_phase worst = analysis_phase::successful;
  for (std::size_t i = 0; i < n && i < a.metrics.size(); ++i) {
    if (terminating) run.metrics[i].phase = assess(a.metrics[i], run.metrics[i], true);
    const analysis_phase p = run.metrics[i].phase;
    if (!is_completed(p)) all_complete = false;
    if (!a.metrics[i].dry_run && severity(p) > severity(worst)) worst = p;
  }
  run.phase = all_complete ? worst : analysis_phase::running;
  return run;
}

// A fresh run of `a`: every metric pending, the run running.
[[nodiscard]] inline run_status start_run(const analysis& a) noexcept {
  run_status run;
  run.phase = analysis_phase::running;
  if (a.kind == analysis_kind::argo) {
    run.metric_count =
        static_cast<std::uint8_t>(a.metrics.size() < max_metrics ? a.metrics.size() : max_metrics);
  }
  return run;
}

// ---- Kayenta ---------------------------------------------------------------

// A metric's classification by the canary judge (Mann-Whitney is the caller's).
enum class classification : std::uint8_t { pass, high, low, nodata, nodata_fail };

struct classified_metric {
  std::string_view group;
  classification result = classification::pass;
  bool critical = false;
};

struct score_group {
  std::string_view name;
  std::optional<double> weight;  // unset: shares 100 - sum(weights) equally
};

enum class verdict : std::uint8_t { pass, marginal, fail };

[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
  return v == verdict::pass ? "pass" : v == verdict::marginal ? "marginal" : "fail";
}

// NetflixACAJudge's weighted-sum score, rounded to 2 decimals: per group
// pass / (pass + high + low + nodata_fail) x 100 (100 when nothing is
// classifiable), summed by weight; any critical metric not Pass, or >= 50%
// of metrics Nodata, scores 0.
[[nodiscard]] inline double kayenta_score(const std::vector<score_group>& groups,
                                          const std::vector<classified_metric>& metrics) noexcept {
  std::size_t nodata = 0;
  for (const auto& m : metrics) {
    if (m.critical && m.result != classification::pass) return 0.0;
    if (m.result == classification::nodata) ++nodata;
  }
  if (!metrics.empty() && nodata * 2 >= metrics.size()) return 0.0;
  double fixed = 0;
  std::size_t unweighted = 0;
  for (const auto& g : groups) {
    if (g.weight) {
      fixed += *g.weight;
    } else {
      ++unweighted;
    }
  }
  const double share = unweighted == 0 ? 0.0 : (100.0 - fixed) / static_cast<double>(unweighted);
  double total = 0;
  for (const auto& g : groups) {
    std::size_t pass = 0;
    std::size_t counted = 0;
    for (const auto& m : metrics) {
      if (m.group != g.name || m.result == classification::nodata) continue;
      ++counted;
      if (m.result == classification::pass) ++pass;
    }
    const double group_score =
        counted == 0 ? 100.0 : static_cast<double>(pass) / static_cast<double>(counted) * 100.0;
    total += group_score * (g.weight ? *g.weight : share) / 100.0;
  }
  // total is within 0..100: round half up to hundredths without <cmath>.
  return static_cast<double>(static_cast<std::int64_t>(total * 100.0 + 0.5)) / 100.0;
}

// One run: score >= pass is pass, >= marginal is marginal, else fail (a NaN
// score fails, as in relkit::gates::judge_interval).
[[nodiscard]] constexpr verdict judge_score(double score, const judge& j) noexcept {
  return score >= j.pass ? verdict::pass : score >= j.marginal ? verdict::marginal : verdict::fail;
}

// Over several intervals, Kayenta's judge is relkit::gates::judge_intervals
// (relkit/gates/kayenta.hpp): one rule, one NaN and boundary policy for gates
// and rollout. A Kayenta analysis judges its score_result events with it.

}  // namespace rollout

namespace rollout {

// The instant type of every relkit component (relkit/time.hpp).
using relkit::time_point;
using seconds = std::chrono::seconds;

// ---- errors -------------------------------------------------------------------

enum class errc {
  empty_plan = 1,       // no steps / no weights
  weight_out_of_range,  // a weight outside 0..100 (or 1..100 where 0 makes no sense)
  bad_step_weights,     // progressive step_weights not strictly increasing
  analysis_without_metrics,
  too_many_metrics,     // more than max_metrics
  bad_limit,            // a limit below its minimum
  bad_count,            // count 0
  bad_duration,         // a negative duration
  bad_thresholds,       // kayenta: not 0 <= marginal <= pass <= 100, or intervals 0
  bad_background_span,  // background analysis outside the steps
  bad_state_format,     // state text: syntax
  state_version,        // state text: another format version
  state_mismatch,       // state text: does not fit this plan
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::empty_plan:
      return "empty_plan";
    case errc::weight_out_of_range:
      return "weight_out_of_range";
    case errc::bad_step_weights:
      return "bad_step_weights";
    case errc::analysis_without_metrics:
      return "analysis_without_metrics";
    case errc::too_many_metrics:
      return "too_many_metrics";
    case errc::bad_limit:
      return "bad_limit";
    case errc::bad_count:
      return "bad_count";
    case errc::bad_duration:
      return "bad_duration";
    case errc::bad_thresholds:
      return "bad_thresholds";
    case errc::bad_background_span:
      return "bad_background_span";
    case errc::bad_state_format:
      return "bad_state_format";
    case errc::state_version:
      return "state_version";
    case errc::state_mismatch:
      return "state_mismatch";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"rollout", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// ---- plans --------------------------------------------------------------------

enum class step_kind : std::uint8_t { set_weight, pause, analysis };

// One canary step (Argo's steps[] entry).
struct step {
  step_kind kind = step_kind::set_weight;
  std::int32_t weight = 0;          // set_weight
  std::optional<seconds> duration;  // pause: unset waits for promote
  rollout::analysis analysis;       // analysis (inline, blocks the step)
};

namespace steps {
[[nodiscard]] inline step set_weight(std::int32_t weight) {
  step s;
  s.kind = step_kind::set_weight;
  s.weight = weight;
  return s;
}
[[nodiscard]] inline step pause(seconds duration) {
  step s;
  s.kind = step_kind::pause;
  s.duration = duration;
  return s;
}
[[nodiscard]] inline step pause() {
  step s;
  s.kind = step_kind::pause;
  return s;
}
[[nodiscard]] inline step analyze(rollout::analysis a) {
  step s;
  s.kind = step_kind::analysis;
  s.analysis = std::move(a);
  return s;
}
}  // namespace steps

// Argo's canary.analysis: runs while the step index is in [first_step, end_step).
struct background_analysis {
  rollout::analysis analysis;
  std::size_t first_step = 0;
  std::optional<std::size_t> end_step;  // unset: until the steps finish
};

// Settings every strategy shares (Argo's defaults).
struct options {
  seconds progress_deadline{600};  // time progressing without progress; paused time not counted
  bool progress_deadline_abort = false;
  seconds scale_down_delay{30};        // old stable kept after promotion (instant rollback)
  seconds abort_scale_down_delay{30};  // canary kept after an abort
};

struct canary_spec {
  std::vector<step> steps;
  std::optional<background_analysis> background;
  rollout::options options;
};

struct blue_green_spec {
  std::optional<rollout::analysis> pre_promotion;
  std::optional<rollout::analysis> post_promotion;
  bool auto_promotion = true;
  seconds auto_promotion_delay{0};    // with auto promotion: pause this long before the switch
  std::int32_t preview_replicas = 0;  // 0: full size (informational)
  rollout::options options;
};

// Flagger's analysis: either step_weight up to max_weight (overshoot allowed:
// 20 by 20 to 50 gives 20, 40, 60) or explicit step_weights.
struct progressive_spec {
  std::int32_t step_weight = 0;
  std::int32_t max_weight = 100;
  std::vector<std::int32_t> step_weights;
  std::uint32_t threshold = 1;  // failed checks that roll back
  seconds interval{60};
  bool confirm_promotion = false;  // wait for `promote` at max weight (confirm-promotion hook)
  rollout::options options;
};

enum class strategy : std::uint8_t { canary, blue_green, progressive };

[[nodiscard]] constexpr std::string_view to_string(strategy s) noexcept {
  return s == strategy::canary       ? "canary"
         : s == strategy::blue_green ? "blue_green"
                                     : "progressive";
}

class plan;
// Validates a spec into a plan; errors name the offending step (position).
// (The template parameter only defers compiling the body until it is used.)
template <class Unused = void>
[[nodiscard]] result<plan> make_plan(canary_spec spec);
template <class Unused = void>
[[nodiscard]] result<plan> make_plan(blue_green_spec spec);
template <class Unused = void>
[[nodiscard]] result<plan> make_plan(progressive_spec spec);

// A validated plan; build it with make_plan.
class plan {
 public:
  [[nodiscard]] rollout::strategy strategy() const noexcept { return strategy_; }
  [[nodiscard]] const canary_spec& canary() const noexcept { return canary_; }
  [[nodiscard]] const blue_green_spec& blue_green() const noexcept { return blue_green_; }
  [[nodiscard]] const progressive_spec& progressive() const noexcept { return progressive_; }
  [[nodiscard]] const rollout::options& options() const noexcept { return options_; }
  // Progressive: the weights Flagger walks through, in order.
  [[nodiscard]] const std::vector<std::int32_t>& weights() const noexcept { return weights_; }
  // Canary: steps; blue-green: 3 (pre-promotion, promotion pause, post-promotion);
  // progressive: weights().size() + 1 (position 0 is weight 0).
  [[nodiscard]] std::size_t step_count() const noexcept;
  // The weight in force at step `index` (the last set_weight at or before it).
  [[nodiscard]] std::int32_t weight_at(std::size_t index) const noexcept;
  // Hash of everything that shapes the state; a stored state carries it.
  [[nodiscard]] std::uint64_t fingerprint() const noexcept { return fingerprint_; }

 private:
  template <class Unused>
  friend result<plan> make_plan(canary_spec spec);
  template <class Unused>
  friend result<plan> make_plan(blue_green_spec spec);
  template <class Unused>
  friend result<plan> make_plan(progressive_spec spec);
  void finish();

  rollout::strategy strategy_ = rollout::strategy::canary;
  canary_spec canary_;
  blue_green_spec blue_green_;
  progressive_spec progressive_;
  rollout::options options_;
  std::vector<std::int32_t> weights_;   // progressive: the generated weights
  std::vector<std::int32_t> in_force_;  // weight in force at each step index
  std::uint64_t fingerprint_ = 0;
};

// ---- state --------------------------------------------------------------------

enum class phase : std::uint8_t {
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

[[nodiscard]] constexpr std::string_view to_string(phase p) noexcept {
  switch (p) {
    case phase::healthy:
      return "healthy";
    case phase::progressing:
      return "progressing";
    case phase::paused:
      return "paused";
    case phase::waiting_promotion:
      return "waiting_promotion";
    case phase::degraded:
      return "degraded";
    case phase::aborted:
      return "aborted";
  }
  return "?";
}

[[nodiscard]] constexpr std::string_view to_string(pause_reason r) noexcept {
  switch (r) {
    case pause_reason::none:
      return "none";
    case pause_reason::pause_step:
      return "pause_step";
    case pause_reason::blue_green:
      return "blue_green";
    case pause_reason::inconclusive_analysis:
      return "inconclusive_analysis";
    case pause_reason::awaiting_promotion:
      return "awaiting_promotion";
  }
  return "?";
}

[[nodiscard]] constexpr std::string_view to_string(analysis_slot s) noexcept {
  return s == analysis_slot::step ? "step" : "background";
}

// Where a rollout is. Plain data: compare it, store it (to_string / parse_state).
struct state {
  rollout::phase phase = rollout::phase::healthy;
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

// ---- events -------------------------------------------------------------------

struct tick {
  time_point now;
};
// One measurement of metric `metric` of the run in `slot` (Argo kinds), or,
// for a progressive plan, the result of this iteration's checks
// (successful passes; anything else is a failed check).
struct analysis_result {
  time_point now;
  analysis_slot slot = analysis_slot::step;
  std::size_t metric = 0;
  rollout::measurement value = rollout::measurement::successful;
};
// One interval's canary score for a Kayenta analysis.
struct score_result {
  time_point now;
  analysis_slot slot = analysis_slot::step;
  double score = 0;
};
struct promote {
  time_point now;
};
struct promote_full {
  time_point now;
};
struct abort {
  time_point now;
};
struct retry {
  time_point now;
};
struct pause {
  time_point now;
};
struct resume {
  time_point now;
};
// The desired artifact changed (Argo: the pod template; Flagger: a revision).
struct new_artifact {
  time_point now;
  std::string id;
};

enum class event_kind : std::uint8_t {
  tick,
  analysis_result,
  score_result,
  promote,
  promote_full,
  abort,
  retry,
  pause,
  resume,
  new_artifact
};

// Any of the events above; each converts implicitly, so
// advance(plan, state, tick{now}) reads as it should.
struct event {
  event_kind kind = event_kind::tick;
  time_point now;
  analysis_slot slot = analysis_slot::step;
  std::size_t metric = 0;
  rollout::measurement value = rollout::measurement::successful;
  double score = 0;
  std::string id;  // new_artifact

  event(const tick& e) noexcept : kind(event_kind::tick), now(e.now) {}  // NOLINT
  event(const analysis_result& e) noexcept                               // NOLINT
      : kind(event_kind::analysis_result),
        now(e.now),
        slot(e.slot),
        metric(e.metric),
        value(e.value) {}
  event(const score_result& e) noexcept  // NOLINT
      : kind(event_kind::score_result), now(e.now), slot(e.slot), score(e.score) {}
  event(const promote& e) noexcept : kind(event_kind::promote), now(e.now) {}            // NOLINT
  event(const promote_full& e) noexcept : kind(event_kind::promote_full), now(e.now) {}  // NOLINT
  event(const abort& e) noexcept : kind(event_kind::abort), now(e.now) {}                // NOLINT
  event(const retry& e) noexcept : kind(event_kind::retry), now(e.now) {}                // NOLINT
  event(const pause& e) noexcept : kind(event_kind::pause), now(e.now) {}                // NOLINT
  event(const resume& e) noexcept : kind(event_kind::resume), now(e.now) {}              // NOLINT
  event(new_artifact e)                                                                  // NOLINT
      : kind(event_kind::new_artifact), now(e.now), id(std::move(e.id)) {}
};

// ---- actions ------------------------------------------------------------------

enum class action_kind : std::uint8_t {
  deploy_canary,      // bring up the new artifact (canary / preview stack) at its step size
  set_weight,         // route `weight`% of traffic to the canary
  start_analysis,     // start the run in `slot`
  stop_analysis,      // terminate the run in `slot`
  switch_preview,     // blue-green: preview service -> canary
  switch_active,      // blue-green: active service -> canary
  promote_stable,     // the canary becomes the stable artifact (all traffic on it)
  rollback,           // route 100% of traffic to the stable artifact (weight 0, active -> stable)
  scale_down,         // scale down `target` after `delay`
  post_rollout_hooks  // progressive: Flagger's post-rollout webhooks
};

enum class artifact_role : std::uint8_t { canary, stable, previous_stable };

struct action {
  action_kind kind = action_kind::set_weight;
  std::int32_t weight = 0;
  analysis_slot slot = analysis_slot::step;
  artifact_role target = artifact_role::canary;
  seconds delay{0};

  friend constexpr bool operator==(const action& a, const action& b) noexcept {
    return a.kind == b.kind && a.weight == b.weight && a.slot == b.slot && a.target == b.target &&
           a.delay == b.delay;
  }
  friend constexpr bool operator!=(const action& a, const action& b) noexcept { return !(a == b); }
};

// "set_weight 25", "start_analysis step", "scale_down previous_stable after 30s"
[[nodiscard]] inline std::string to_string(const action& a);

// A fixed-capacity list: building it never allocates.
class action_list {
 public:
  static constexpr std::size_t capacity = 12;
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] const action& operator[](std::size_t i) const noexcept { return items_[i]; }
  [[nodiscard]] const action* begin() const noexcept { return items_.data(); }
  [[nodiscard]] const action* end() const noexcept { return items_.data() + size_; }
  void push_back(const action& a) noexcept {
    // Coalesce consecutive weight changes: only the last one matters.
    if (a.kind == action_kind::set_weight && size_ > 0 &&
        items_[size_ - 1].kind == action_kind::set_weight) {
      items_[size_ - 1] = a;
      return;
    }
    if (size_ == capacity) relkit::detail::abort_with_message("rollout: action list overflow");
    items_[size_++] = a;
  }
  friend bool operator==(const action_list& a, const action_list& b) noexcept {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i) {
      if (a.items_[i] != b.items_[i]) return false;
    }
    return true;
  }
  friend bool operator!=(const action_list& a, const action_list& b) noexcept { return !(a == b); }

 private:
  std::array<action, capacity> items_{};
  std::size_t size_ = 0;
};

struct transition {
  rollout::state state;
  action_list actions;
};

// The next state and the actions to take. Events that do not apply (retry
// while not aborted, a result for a run that is not running, an empty
// artifact id …) change nothing. Precondition: `s` was made for `p`
// (initial_state(p, …), parse_state(text, p) or an earlier advance with p).
// Pass the state with std::move to avoid copying it (and its artifact ids).
// (The template parameters only defer compiling the bodies until they are used.)
template <class Unused = void>
[[nodiscard]] transition advance(const plan& p, const state& s, const event& e);
template <class Unused = void>
[[nodiscard]] transition advance(const plan& p, state&& s, const event& e);
// The same, changing `s` in place: for a controller's hot loop.
template <class Unused = void>
[[nodiscard]] action_list advance_in_place(const plan& p, state& s, const event& e);

// ---- persistence --------------------------------------------------------------

// 2: instants in milliseconds (relkit::time_point); parse_state still reads
// version 1 (nanoseconds), rounding its instants down to milliseconds.
inline constexpr int state_format_version = 2;

// A small line-based text form (documented in the README):
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

#include "relkit/rollout/detail/machine.hpp"
