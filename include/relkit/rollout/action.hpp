#pragma once
// relkit::rollout actions: what the state machine asks a controller to do.

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
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

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

namespace detail {
inline constexpr relkit::detail::enum_name<action_kind> action_kind_names[] = {
    {action_kind::deploy_canary, "deploy_canary"},
    {action_kind::set_weight, "set_weight"},
    {action_kind::start_analysis, "start_analysis"},
    {action_kind::stop_analysis, "stop_analysis"},
    {action_kind::switch_preview, "switch_preview"},
    {action_kind::switch_active, "switch_active"},
    {action_kind::promote_stable, "promote_stable"},
    {action_kind::rollback, "rollback"},
    {action_kind::scale_down, "scale_down"},
    {action_kind::post_rollout_hooks, "post_rollout_hooks"},
};
inline constexpr relkit::detail::enum_name<artifact_role> artifact_role_names[] = {
    {artifact_role::canary, "canary"},
    {artifact_role::stable, "stable"},
    {artifact_role::previous_stable, "previous_stable"},
};
}  // namespace detail

// Stable identifiers; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(action_kind k) noexcept {
  return relkit::detail::enum_to_string(detail::action_kind_names, k);
}
[[nodiscard]] constexpr std::optional<action_kind> parse_action_kind(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::action_kind_names, text);
}
[[nodiscard]] constexpr std::string_view to_string(artifact_role r) noexcept {
  return relkit::detail::enum_to_string(detail::artifact_role_names, r);
}
[[nodiscard]] constexpr std::optional<artifact_role> parse_artifact_role(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::artifact_role_names, text);
}

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

// One line for people: "set_weight 25", "start_analysis step",
// "scale_down previous_stable after 30s". Not a format to parse back.
[[nodiscard]] RELKIT_INLINE std::string render(const action& a);

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

}  // namespace rollout
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/rollout/impl/action.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
