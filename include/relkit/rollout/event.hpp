#pragma once
// relkit::rollout events: what a controller tells the state machine, each
// with the time it happened.

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

}  // namespace rollout
RELKIT_NAMESPACE_END
