#pragma once
// relkit::gates evidence: everything a gate may look at (metrics, counts,
// approvals, test stages, the evaluation time), filled by the caller.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// The instant type of every relkit component (relkit/time.hpp).
using relkit::time_point;

// ---------------------------------------------------------------- evidence

enum class decision : std::uint8_t { approve, reject };

struct approval {
  std::string who;
  time_point at{};
  decision choice = decision::approve;

  friend bool operator==(const approval& a, const approval& b) {
    return a.who == b.who && a.at == b.at && a.choice == b.choice;
  }
  friend bool operator!=(const approval& a, const approval& b) { return !(a == b); }
};

// A measured value. A relative criterion reads `baseline` if set, otherwise
// an aggregate of `baseline_samples`; with neither it fails (Keptn passes).
struct metric {
  std::string name;
  double value = 0;
  std::optional<double> baseline;
  std::vector<double> baseline_samples;

  friend bool operator==(const metric& a, const metric& b) {
    return a.name == b.name && a.value == b.value && a.baseline == b.baseline &&
           a.baseline_samples == b.baseline_samples;
  }
  friend bool operator!=(const metric& a, const metric& b) { return !(a == b); }
};

// An integer count such as critical CVEs; read by threshold conditions exactly
// like a metric of the same name (metrics are looked up first).
struct count {
  std::string name;
  std::uint64_t value = 0;

  friend bool operator==(const count& a, const count& b) {
    return a.name == b.name && a.value == b.value;
  }
  friend bool operator!=(const count& a, const count& b) { return !(a == b); }
};

// Only `passed` counts as passed: skipped and canceled stages are not evidence
// of success; running ones make a stage condition pending.
enum class stage_status : std::uint8_t { passed, failed, running, skipped, canceled };

struct stage_result {
  std::string stage;  // "smoke", "test", "integration"
  stage_status status = stage_status::failed;
  time_point finished_at{};

  friend bool operator==(const stage_result& a, const stage_result& b) {
    return a.stage == b.stage && a.status == b.status && a.finished_at == b.finished_at;
  }
  friend bool operator!=(const stage_result& a, const stage_result& b) { return !(a == b); }
};

// Everything a gate may look at, filled by the caller. Absent fields are
// missing evidence, which fails every condition that needs them.
struct evidence {
  std::vector<metric> metrics;
  std::vector<count> counts;
  std::vector<approval> approvals;
  std::optional<std::string> author;                // who made the change
  std::optional<time_point> approval_requested_at;  // start of an approval timeout
  std::vector<stage_result> stages;
  std::optional<time_point> now;  // the evaluation time; never read from a clock

  friend bool operator==(const evidence& a, const evidence& b) {
    return a.metrics == b.metrics && a.counts == b.counts && a.approvals == b.approvals &&
           a.author == b.author && a.approval_requested_at == b.approval_requested_at &&
           a.stages == b.stages && a.now == b.now;
  }
  friend bool operator!=(const evidence& a, const evidence& b) { return !(a == b); }
};

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
