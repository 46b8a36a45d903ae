#pragma once
// relkit::rollout analysis: Argo AnalysisRun arithmetic (measurements,
// metric limits, the run's phase) and the analyses a plan runs.

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

RELKIT_NAMESPACE_BEGIN
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

namespace detail {
inline constexpr relkit::detail::enum_name<measurement> measurement_names[] = {
    {measurement::successful, "successful"},
    {measurement::failed, "failed"},
    {measurement::inconclusive, "inconclusive"},
    {measurement::error, "error"},
};
inline constexpr relkit::detail::enum_name<measurement> measurement_wire_names[] = {
    {measurement::successful, "Successful"},
    {measurement::failed, "Failed"},
    {measurement::inconclusive, "Inconclusive"},
    {measurement::error, "Error"},
};
inline constexpr relkit::detail::enum_name<analysis_phase> analysis_phase_names[] = {
    {analysis_phase::pending, "pending"},           {analysis_phase::running, "running"},
    {analysis_phase::successful, "successful"},     {analysis_phase::failed, "failed"},
    {analysis_phase::inconclusive, "inconclusive"}, {analysis_phase::error, "error"},
};
inline constexpr relkit::detail::enum_name<analysis_phase> analysis_phase_wire_names[] = {
    {analysis_phase::pending, "Pending"},           {analysis_phase::running, "Running"},
    {analysis_phase::successful, "Successful"},     {analysis_phase::failed, "Failed"},
    {analysis_phase::inconclusive, "Inconclusive"}, {analysis_phase::error, "Error"},
};
}  // namespace detail

// "successful", "failed", "inconclusive", "error"; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(measurement m) noexcept {
  return relkit::detail::enum_to_string(detail::measurement_names, m);
}
// The inverse of to_string(measurement).
[[nodiscard]] constexpr std::optional<measurement> parse_measurement(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::measurement_names, text);
}
// Argo's name on the wire: "Successful", "Failed", "Inconclusive", "Error".
[[nodiscard]] constexpr std::string_view wire_name(measurement m) noexcept {
  return relkit::detail::enum_to_string(detail::measurement_wire_names, m);
}

// "pending", "running", ... (the state text's spelling); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(analysis_phase p) noexcept {
  return relkit::detail::enum_to_string(detail::analysis_phase_names, p);
}
// The inverse of to_string(analysis_phase).
[[nodiscard]] constexpr std::optional<analysis_phase> parse_analysis_phase(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::analysis_phase_names, text);
}
// Argo's AnalysisPhase on the wire: "Pending", "Running", "Successful", ...
[[nodiscard]] constexpr std::string_view wire_name(analysis_phase p) noexcept {
  return relkit::detail::enum_to_string(detail::analysis_phase_wire_names, p);
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

  friend bool operator==(const metric& a, const metric& b) {
    return a.name == b.name && a.count == b.count && a.interval == b.interval &&
           a.failure_limit == b.failure_limit && a.inconclusive_limit == b.inconclusive_limit &&
           a.consecutive_error_limit == b.consecutive_error_limit &&
           a.consecutive_success_limit == b.consecutive_success_limit && a.dry_run == b.dry_run;
  }
  friend bool operator!=(const metric& a, const metric& b) { return !(a == b); }
};

// Kayenta's thresholds for a judged analysis over `intervals` scores.
struct judge {
  double marginal = 75;
  double pass = 95;
  std::uint32_t intervals = 1;

  friend bool operator==(const judge& a, const judge& b) {
    return a.marginal == b.marginal && a.pass == b.pass && a.intervals == b.intervals;
  }
  friend bool operator!=(const judge& a, const judge& b) { return !(a == b); }
};

enum class analysis_kind : std::uint8_t { argo, kayenta };

// An analysis is either Argo metrics or a Kayenta judge over canary scores.
struct analysis_spec {
  std::string name;
  analysis_kind kind = analysis_kind::argo;
  std::vector<metric> metrics;  // argo
  judge thresholds;             // kayenta

  friend bool operator==(const analysis_spec& a, const analysis_spec& b) {
    return a.name == b.name && a.kind == b.kind && a.metrics == b.metrics &&
           a.thresholds == b.thresholds;
  }
  friend bool operator!=(const analysis_spec& a, const analysis_spec& b) { return !(a == b); }
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

namespace detail {
[[nodiscard]] constexpr std::uint16_t saturating_increment(std::uint16_t v) noexcept {
  return v == UINT16_MAX ? v : static_cast<std::uint16_t>(v + 1);
}
}  // namespace detail

// Adds one measurement to a metric's counters (Argo: errors do not count
// towards `count`; any non-error resets the consecutive-error counter).
[[nodiscard]] constexpr metric_status record(metric_status s, measurement m) noexcept {
  using detail::saturating_increment;
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

  friend bool operator==(const dry_run_summary& a, const dry_run_summary& b) {
    return a.count == b.count && a.successful == b.successful && a.failed == b.failed &&
           a.inconclusive == b.inconclusive && a.error == b.error;
  }
  friend bool operator!=(const dry_run_summary& a, const dry_run_summary& b) { return !(a == b); }
};

[[nodiscard]] inline dry_run_summary summarize_dry_run(const analysis_spec& a,
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
[[nodiscard]] inline run_status settle(const analysis_spec& a, run_status run,
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
[[nodiscard]] inline run_status start_run(const analysis_spec& a) noexcept {
  run_status run;
  run.phase = analysis_phase::running;
  if (a.kind == analysis_kind::argo) {
    run.metric_count =
        static_cast<std::uint8_t>(a.metrics.size() < max_metrics ? a.metrics.size() : max_metrics);
  }
  return run;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
