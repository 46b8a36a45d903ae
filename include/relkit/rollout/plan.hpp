#pragma once
// relkit::rollout plans: canary steps (Argo), blue-green (Argo) and
// progressive (Flagger) specs, validated once into a plan by make_plan.

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
#include "relkit/rollout/error.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// The instant type of every relkit component (relkit/time.hpp).
using relkit::time_point;
using seconds = std::chrono::seconds;

// ---- plans --------------------------------------------------------------------

enum class step_kind : std::uint8_t { set_weight, pause, analysis };

// One canary step (Argo's steps[] entry).
struct step {
  step_kind kind = step_kind::set_weight;
  std::int32_t weight = 0;          // set_weight
  std::optional<seconds> duration;  // pause: unset waits for promote
  rollout::analysis_spec analysis;  // analysis (inline, blocks the step)

  friend bool operator==(const step& a, const step& b) {
    return a.kind == b.kind && a.weight == b.weight && a.duration == b.duration &&
           a.analysis == b.analysis;
  }
  friend bool operator!=(const step& a, const step& b) { return !(a == b); }
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
[[nodiscard]] inline step analyze(rollout::analysis_spec a) {
  step s;
  s.kind = step_kind::analysis;
  s.analysis = std::move(a);
  return s;
}
}  // namespace steps

// Argo's canary.analysis: runs while the step index is in [first_step, end_step).
struct background_analysis {
  rollout::analysis_spec analysis;
  std::size_t first_step = 0;
  std::optional<std::size_t> end_step;  // unset: until the steps finish

  friend bool operator==(const background_analysis& a, const background_analysis& b) {
    return a.analysis == b.analysis && a.first_step == b.first_step && a.end_step == b.end_step;
  }
  friend bool operator!=(const background_analysis& a, const background_analysis& b) {
    return !(a == b);
  }
};

// Settings every strategy shares (Argo's defaults).
struct settings {
  seconds progress_deadline{600};  // time progressing without progress; paused time not counted
  bool progress_deadline_abort = false;
  seconds scale_down_delay{30};        // old stable kept after promotion (instant rollback)
  seconds abort_scale_down_delay{30};  // canary kept after an abort

  friend bool operator==(const settings& a, const settings& b) {
    return a.progress_deadline == b.progress_deadline &&
           a.progress_deadline_abort == b.progress_deadline_abort &&
           a.scale_down_delay == b.scale_down_delay &&
           a.abort_scale_down_delay == b.abort_scale_down_delay;
  }
  friend bool operator!=(const settings& a, const settings& b) { return !(a == b); }
};

struct canary_spec {
  std::vector<step> steps;
  std::optional<background_analysis> background;
  rollout::settings options;

  friend bool operator==(const canary_spec& a, const canary_spec& b) {
    return a.steps == b.steps && a.background == b.background && a.options == b.options;
  }
  friend bool operator!=(const canary_spec& a, const canary_spec& b) { return !(a == b); }
};

struct blue_green_spec {
  std::optional<rollout::analysis_spec> pre_promotion;
  std::optional<rollout::analysis_spec> post_promotion;
  bool auto_promotion = true;
  seconds auto_promotion_delay{0};    // with auto promotion: pause this long before the switch
  std::int32_t preview_replicas = 0;  // 0: full size (informational)
  rollout::settings options;

  friend bool operator==(const blue_green_spec& a, const blue_green_spec& b) {
    return a.pre_promotion == b.pre_promotion && a.post_promotion == b.post_promotion &&
           a.auto_promotion == b.auto_promotion &&
           a.auto_promotion_delay == b.auto_promotion_delay &&
           a.preview_replicas == b.preview_replicas && a.options == b.options;
  }
  friend bool operator!=(const blue_green_spec& a, const blue_green_spec& b) { return !(a == b); }
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
  rollout::settings options;

  friend bool operator==(const progressive_spec& a, const progressive_spec& b) {
    return a.step_weight == b.step_weight && a.max_weight == b.max_weight &&
           a.step_weights == b.step_weights && a.threshold == b.threshold &&
           a.interval == b.interval && a.confirm_promotion == b.confirm_promotion &&
           a.options == b.options;
  }
  friend bool operator!=(const progressive_spec& a, const progressive_spec& b) { return !(a == b); }
};

enum class strategy : std::uint8_t { canary, blue_green, progressive };

namespace detail {
inline constexpr relkit::detail::enum_name<strategy> strategy_names[] = {
    {strategy::canary, "canary"},
    {strategy::blue_green, "blue_green"},
    {strategy::progressive, "progressive"}};
}  // namespace detail

// "canary", "blue_green", "progressive"; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(strategy s) noexcept {
  return relkit::detail::enum_to_string(detail::strategy_names, s);
}
// The inverse of to_string(strategy).
[[nodiscard]] constexpr std::optional<strategy> parse_strategy(std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::strategy_names, text);
}

class plan;
// Validates a spec into a plan. Errors (relkit/rollout/error.hpp) have
// relkit::no_position; a step index is the error's args().number().
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
  [[nodiscard]] const rollout::settings& options() const noexcept { return options_; }
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
  rollout::settings options_;
  std::vector<std::int32_t> weights_;   // progressive: the generated weights
  std::vector<std::int32_t> in_force_;  // weight in force at each step index
  std::uint64_t fingerprint_ = 0;
};

}  // namespace rollout
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/rollout/impl/plan.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
