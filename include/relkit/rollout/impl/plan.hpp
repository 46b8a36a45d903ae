#pragma once
// relkit::rollout: make_plan and the plan's members (plan validation).
// Included at the end of relkit/rollout/plan.hpp.

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/rollout/plan.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {
namespace detail {

struct fnv {
  std::uint64_t hash = 14695981039346656037ULL;
  void add(std::uint64_t value) noexcept {
    for (int i = 0; i < 8; ++i) {
      hash ^= (value >> (8 * i)) & 0xFFu;
      hash *= 1099511628211ULL;
    }
  }
  void add_analysis(const rollout::analysis_spec& a) noexcept {
    add(static_cast<std::uint64_t>(a.kind));
    add(a.kind == rollout::analysis_kind::argo ? a.metrics.size() : a.thresholds.intervals);
  }
};

// Plan errors are about values built in code: no position; the step index
// (and the offending value) are arguments of the message.
inline relkit::error plan_error(rollout::errc code, relkit::error_args args) noexcept {
  return relkit::error{code, relkit::no_position, args};
}

// Where an analysis sits in a plan, for its messages: canary step `step`
// (role null), or a role ("background", "pre_promotion", "post_promotion")
// whose step index is `step`.
struct analysis_place {
  std::size_t step = 0;
  const char* role = nullptr;
};

// The subject of a message about analysis or metric `name` at `at`:
// "\"smoke\" in step 1", "\"smoke\" (pre_promotion)". The step index is also
// the message's number.
inline relkit::error_args named_at(std::string_view name, analysis_place at) noexcept {
  const relkit::detail::integer_text step(at.step);
  relkit::error_args args =
      at.role == nullptr ? relkit::detail::joined_token({"\"", name, "\" in step ", step.view()}, 1)
                         : relkit::detail::joined_token({"\"", name, "\" (", at.role, ")"}, 1);
  args.with_number(static_cast<std::int64_t>(at.step));
  return args;
}

template <class Unused>
std::optional<relkit::error> check_analysis(const rollout::analysis_spec& a, analysis_place at) {
  using rollout::errc;
  if (a.kind == rollout::analysis_kind::kayenta) {
    const auto& j = a.thresholds;
    if (!(j.marginal >= 0 && j.marginal <= j.pass && j.pass <= 100) || j.intervals == 0) {
      return plan_error(errc::bad_thresholds, named_at(a.name, at));
    }
    return std::nullopt;
  }
  if (a.metrics.empty()) return plan_error(errc::analysis_without_metrics, named_at(a.name, at));
  if (a.metrics.size() > rollout::max_metrics) {
    return plan_error(errc::too_many_metrics,
                      named_at(a.name, at).with_number2(rollout::max_metrics));
  }
  for (const auto& m : a.metrics) {
    // A limit below its minimum: which one, its value and the minimum.
    const auto limit = [&](const char* what, std::int32_t value, const char* minimum) {
      return plan_error(
          errc::bad_limit,
          named_at(m.name, at).with_text(what).with_number2(value).with_text2(minimum));
    };
    if (m.failure_limit < -1) return limit("failure_limit of metric ", m.failure_limit, "-1");
    if (m.inconclusive_limit < 0) {
      return limit("inconclusive_limit of metric ", m.inconclusive_limit, "0");
    }
    if (m.consecutive_error_limit < 0) {
      return limit("consecutive_error_limit of metric ", m.consecutive_error_limit, "0");
    }
    if (m.consecutive_success_limit < 0) {
      return limit("consecutive_success_limit of metric ", m.consecutive_success_limit, "0");
    }
    if (m.count && (*m.count == 0 || *m.count > 65535)) {
      return plan_error(errc::bad_count, named_at(m.name, at).with_number2(*m.count));
    }
    if (m.interval && m.interval->count() <= 0) {
      return plan_error(errc::bad_duration, named_at(m.name, at)
                                                .with_text("the interval of metric ")
                                                .with_number2(m.interval->count())
                                                .with_text2("not above 0s"));
    }
  }
  return std::nullopt;
}

// A duration field of a spec out of its range: "progress_deadline is 0s, not above 0s".
inline relkit::error duration_error(const char* field, std::chrono::seconds value,
                                    const char* expected) noexcept {
  return plan_error(
      rollout::errc::bad_duration,
      relkit::error_args{}.with_text(field).with_number2(value.count()).with_text2(expected));
}

template <class Unused>
std::optional<relkit::error> check_options(const rollout::settings& o) {
  if (o.progress_deadline.count() <= 0) {
    return duration_error("progress_deadline", o.progress_deadline, "not above 0s");
  }
  if (o.scale_down_delay.count() < 0) {
    return duration_error("scale_down_delay", o.scale_down_delay, "below 0s");
  }
  if (o.abort_scale_down_delay.count() < 0) {
    return duration_error("abort_scale_down_delay", o.abort_scale_down_delay, "below 0s");
  }
  return std::nullopt;
}

}  // namespace detail

RELKIT_INLINE std::size_t plan::step_count() const noexcept {
  return in_force_.size();
}

RELKIT_INLINE std::int32_t plan::weight_at(std::size_t index) const noexcept {
  if (in_force_.empty()) return 0;
  return index < in_force_.size() ? in_force_[index] : in_force_.back();
}

RELKIT_INLINE void plan::finish() {
  detail::fnv h;
  h.add(static_cast<std::uint64_t>(strategy_));
  in_force_.clear();
  if (strategy_ == rollout::strategy::canary) {
    std::int32_t weight = 0;
    for (const auto& st : canary_.steps) {
      if (st.kind == step_kind::set_weight) weight = st.weight;
      in_force_.push_back(weight);
      h.add(static_cast<std::uint64_t>(st.kind));
      h.add(static_cast<std::uint64_t>(st.weight));
      h.add(st.duration ? static_cast<std::uint64_t>(st.duration->count()) : ~0ULL);
      if (st.kind == step_kind::analysis) h.add_analysis(st.analysis);
    }
    h.add(canary_.background ? 1 : 0);
    if (canary_.background) {
      h.add(canary_.background->first_step);
      h.add(canary_.background->end_step ? *canary_.background->end_step : ~0ULL);
      h.add_analysis(canary_.background->analysis);
    }
  } else if (strategy_ == rollout::strategy::blue_green) {
    in_force_ = {0, 0, 100};
    h.add(blue_green_.pre_promotion ? 1 : 0);
    if (blue_green_.pre_promotion) h.add_analysis(*blue_green_.pre_promotion);
    h.add(blue_green_.post_promotion ? 1 : 0);
    if (blue_green_.post_promotion) h.add_analysis(*blue_green_.post_promotion);
    h.add(blue_green_.auto_promotion ? 1 : 0);
    h.add(static_cast<std::uint64_t>(blue_green_.auto_promotion_delay.count()));
  } else {
    in_force_.push_back(0);
    for (const std::int32_t w : weights_) {
      in_force_.push_back(w);
      h.add(static_cast<std::uint64_t>(w));
    }
    h.add(progressive_.threshold);
    h.add(static_cast<std::uint64_t>(progressive_.interval.count()));
    h.add(progressive_.confirm_promotion ? 1 : 0);
  }
  fingerprint_ = h.hash;
}

template <class Unused>
result<plan> make_plan(canary_spec spec) {
  if (spec.steps.empty()) {
    return detail::plan_error(
        errc::empty_plan, relkit::error_args{}.with_text("a canary plan needs at least one step"));
  }
  if (spec.steps.size() > 100000) {
    return detail::plan_error(errc::empty_plan, relkit::error_args{}.with_text(
                                                    "a canary plan has more than 100000 steps"));
  }
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const step& st = spec.steps[i];
    if (st.kind == step_kind::set_weight && (st.weight < 0 || st.weight > 100)) {
      return detail::plan_error(errc::weight_out_of_range,
                                relkit::error_args{}
                                    .with_token(relkit::detail::integer_text(i).view())
                                    .with_text("the weight of step ")
                                    .with_text2("0..100")
                                    .with_number(static_cast<std::int64_t>(i))
                                    .with_number2(st.weight));
    }
    if (st.kind == step_kind::pause && st.duration && st.duration->count() < 0) {
      return detail::plan_error(errc::bad_duration,
                                relkit::error_args{}
                                    .with_token(relkit::detail::integer_text(i).view())
                                    .with_text("the pause of step ")
                                    .with_text2("below 0s")
                                    .with_number(static_cast<std::int64_t>(i))
                                    .with_number2(st.duration->count()));
    }
    if (st.kind == step_kind::analysis) {
      if (auto err = detail::check_analysis<Unused>(st.analysis, {i, nullptr})) {
        return std::move(*err);
      }
    }
  }
  if (spec.background) {
    const auto& bg = *spec.background;
    const std::size_t end = bg.end_step ? *bg.end_step : spec.steps.size();
    if (bg.first_step >= spec.steps.size() || end <= bg.first_step || end > spec.steps.size()) {
      const relkit::detail::integer_text first(bg.first_step);
      const relkit::detail::integer_text last(bg.end_step ? *bg.end_step : 0);
      relkit::error_args args =
          bg.end_step ? relkit::detail::joined_token(
                            {"first_step ", first.view(), ", end_step ", last.view()}, 4)
                      : relkit::detail::joined_token({"first_step ", first.view()}, 2);
      return detail::plan_error(errc::bad_background_span,
                                args.with_number(static_cast<std::int64_t>(bg.first_step))
                                    .with_number2(static_cast<std::int64_t>(spec.steps.size())));
    }
    if (auto err = detail::check_analysis<Unused>(bg.analysis, {bg.first_step, "background"})) {
      return std::move(*err);
    }
  }
  if (auto err = detail::check_options<Unused>(spec.options)) return std::move(*err);
  plan p;
  p.strategy_ = strategy::canary;
  p.options_ = spec.options;
  p.canary_ = std::move(spec);
  p.finish();
  return p;
}

template <class Unused>
result<plan> make_plan(blue_green_spec spec) {
  if (spec.pre_promotion) {
    if (auto err = detail::check_analysis<Unused>(*spec.pre_promotion, {0, "pre_promotion"})) {
      return std::move(*err);
    }
  }
  if (spec.post_promotion) {
    if (auto err = detail::check_analysis<Unused>(*spec.post_promotion, {2, "post_promotion"})) {
      return std::move(*err);
    }
  }
  if (spec.auto_promotion_delay.count() < 0) {
    return detail::duration_error("auto_promotion_delay", spec.auto_promotion_delay, "below 0s");
  }
  if (spec.preview_replicas < 0) {
    return detail::plan_error(errc::bad_limit, relkit::error_args{}
                                                   .with_text("preview_replicas")
                                                   .with_number2(spec.preview_replicas)
                                                   .with_text2("0"));
  }
  if (auto err = detail::check_options<Unused>(spec.options)) return std::move(*err);
  plan p;
  p.strategy_ = strategy::blue_green;
  p.options_ = spec.options;
  p.blue_green_ = std::move(spec);
  p.finish();
  return p;
}

template <class Unused>
result<plan> make_plan(progressive_spec spec) {
  std::vector<std::int32_t> weights;
  if (!spec.step_weights.empty()) {
    for (std::size_t i = 0; i < spec.step_weights.size(); ++i) {
      const std::int32_t w = spec.step_weights[i];
      if (w < 1 || w > 100) {
        const relkit::detail::integer_text index(i);
        return detail::plan_error(errc::weight_out_of_range,
                                  relkit::detail::joined_token({"[", index.view(), "]"}, 3)
                                      .with_text("step_weights")
                                      .with_text2("1..100")
                                      .with_number(static_cast<std::int64_t>(i))
                                      .with_number2(w));
      }
      if (i > 0 && w <= spec.step_weights[i - 1]) {
        return detail::plan_error(
            errc::bad_step_weights,
            relkit::error_args{}.with_number(static_cast<std::int64_t>(i)).with_number2(w));
      }
    }
    weights = spec.step_weights;
  } else {
    if (spec.step_weight < 1 || spec.step_weight > 100) {
      return detail::plan_error(errc::weight_out_of_range, relkit::error_args{}
                                                               .with_text("step_weight")
                                                               .with_text2("1..100")
                                                               .with_number2(spec.step_weight));
    }
    if (spec.max_weight < 1 || spec.max_weight > 100) {
      return detail::plan_error(errc::weight_out_of_range, relkit::error_args{}
                                                               .with_text("max_weight")
                                                               .with_text2("1..100")
                                                               .with_number2(spec.max_weight));
    }
    // Flagger: while weight < max_weight, weight += step (it may overshoot),
    // never above 100.
    std::int32_t w = 0;
    while (w < spec.max_weight) {
      w = w + spec.step_weight > 100 ? 100 : w + spec.step_weight;
      weights.push_back(w);
    }
  }
  if (spec.threshold == 0) {
    return detail::plan_error(
        errc::bad_limit,
        relkit::error_args{}.with_text("threshold").with_number2(spec.threshold).with_text2("1"));
  }
  if (spec.interval.count() <= 0) {
    return detail::duration_error("interval", spec.interval, "not above 0s");
  }
  if (auto err = detail::check_options<Unused>(spec.options)) return std::move(*err);
  plan p;
  p.strategy_ = strategy::progressive;
  p.options_ = spec.options;
  p.progressive_ = std::move(spec);
  p.weights_ = std::move(weights);
  p.finish();
  return p;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
