#pragma once
// relkit::rollout events: what a controller tells the state machine, each
// with the time it happened.

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
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/state.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// ---- events -------------------------------------------------------------------

struct tick {
  time_point now;

  friend bool operator==(const tick& a, const tick& b) { return a.now == b.now; }
  friend bool operator!=(const tick& a, const tick& b) { return !(a == b); }
};
// One measurement of metric `metric` of the run in `slot` (Argo kinds), or,
// for a progressive plan, the result of this iteration's checks
// (successful passes; anything else is a failed check).
struct analysis_result {
  time_point now;
  analysis_slot slot = analysis_slot::step;
  std::size_t metric = 0;
  rollout::measurement value = rollout::measurement::successful;

  friend bool operator==(const analysis_result& a, const analysis_result& b) {
    return a.now == b.now && a.slot == b.slot && a.metric == b.metric && a.value == b.value;
  }
  friend bool operator!=(const analysis_result& a, const analysis_result& b) { return !(a == b); }
};
// One interval's canary score for a Kayenta analysis.
struct score_result {
  time_point now;
  analysis_slot slot = analysis_slot::step;
  double score = 0;

  friend bool operator==(const score_result& a, const score_result& b) {
    return a.now == b.now && a.slot == b.slot && a.score == b.score;
  }
  friend bool operator!=(const score_result& a, const score_result& b) { return !(a == b); }
};
struct promote {
  time_point now;

  friend bool operator==(const promote& a, const promote& b) { return a.now == b.now; }
  friend bool operator!=(const promote& a, const promote& b) { return !(a == b); }
};
struct promote_full {
  time_point now;

  friend bool operator==(const promote_full& a, const promote_full& b) { return a.now == b.now; }
  friend bool operator!=(const promote_full& a, const promote_full& b) { return !(a == b); }
};
struct abort {
  time_point now;

  friend bool operator==(const abort& a, const abort& b) { return a.now == b.now; }
  friend bool operator!=(const abort& a, const abort& b) { return !(a == b); }
};
struct retry {
  time_point now;

  friend bool operator==(const retry& a, const retry& b) { return a.now == b.now; }
  friend bool operator!=(const retry& a, const retry& b) { return !(a == b); }
};
struct pause {
  time_point now;

  friend bool operator==(const pause& a, const pause& b) { return a.now == b.now; }
  friend bool operator!=(const pause& a, const pause& b) { return !(a == b); }
};
struct resume {
  time_point now;

  friend bool operator==(const resume& a, const resume& b) { return a.now == b.now; }
  friend bool operator!=(const resume& a, const resume& b) { return !(a == b); }
};
// The desired artifact changed (Argo: the pod template; Flagger: a revision).
struct new_artifact {
  time_point now;
  std::string id;

  friend bool operator==(const new_artifact& a, const new_artifact& b) {
    return a.now == b.now && a.id == b.id;
  }
  friend bool operator!=(const new_artifact& a, const new_artifact& b) { return !(a == b); }
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

  friend bool operator==(const event& a, const event& b) {
    return a.kind == b.kind && a.now == b.now && a.slot == b.slot && a.metric == b.metric &&
           a.value == b.value && a.score == b.score && a.id == b.id;
  }
  friend bool operator!=(const event& a, const event& b) { return !(a == b); }
};

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
