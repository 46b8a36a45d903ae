// relkit::rollout property test: random valid plans, random event sequences,
// invariants checked after every step. Deterministic: a fixed-seed splitmix64.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace ro = relkit::rollout;
using std::chrono::minutes;
using std::chrono::seconds;

struct splitmix64 {
  std::uint64_t x;
  std::uint64_t next() {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [lo, hi] for a test.
  std::int32_t in(std::int32_t lo, std::int32_t hi) {
    return lo + static_cast<std::int32_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(int percent) { return in(1, 100) <= percent; }
};

ro::analysis_spec random_analysis(splitmix64& rng) {
  ro::analysis_spec a;
  a.name = "a";
  if (rng.chance(20)) {
    a.kind = ro::analysis_kind::kayenta;
    const double marginal = rng.in(0, 90);
    a.thresholds = {marginal, marginal + rng.in(0, 10), static_cast<std::uint32_t>(rng.in(1, 3))};
    return a;
  }
  const std::int32_t n = rng.in(1, 3);
  for (std::int32_t i = 0; i < n; ++i) {
    ro::metric m;
    m.name = "m" + std::to_string(i);
    if (rng.chance(70)) m.count = static_cast<std::uint32_t>(rng.in(1, 5));
    if (rng.chance(40)) m.interval = seconds(rng.in(10, 300));
    m.failure_limit = rng.in(-1, 2);
    m.inconclusive_limit = rng.in(0, 1);
    m.consecutive_error_limit = rng.in(0, 4);
    m.consecutive_success_limit = rng.chance(30) ? rng.in(1, 3) : 0;
    m.dry_run = rng.chance(10);
    a.metrics.push_back(m);
  }
  return a;
}

ro::settings random_options(splitmix64& rng) {
  ro::settings o;
  o.progress_deadline = minutes(rng.in(1, 30));
  o.progress_deadline_abort = rng.chance(30);
  o.scale_down_delay = seconds(rng.in(0, 60));
  o.abort_scale_down_delay = seconds(rng.in(0, 60));
  return o;
}

ro::plan random_plan(splitmix64& rng) {
  const std::int32_t kind = rng.in(0, 5);
  if (kind <= 2) {
    ro::canary_spec spec;
    const std::int32_t n = rng.in(1, 8);
    for (std::int32_t i = 0; i < n; ++i) {
      const std::int32_t k = rng.in(0, 2);
      if (k == 0) {
        spec.steps.push_back(ro::steps::set_weight(rng.in(0, 100)));
      } else if (k == 1) {
        spec.steps.push_back(rng.chance(30) ? ro::steps::pause()
                                            : ro::steps::pause(minutes(rng.in(0, 20))));
      } else {
        spec.steps.push_back(ro::steps::analyze(random_analysis(rng)));
      }
    }
    if (rng.chance(40)) {
      const auto first = static_cast<std::size_t>(rng.in(0, n - 1));
      std::optional<std::size_t> end;
      if (rng.chance(50)) {
        end = static_cast<std::size_t>(rng.in(static_cast<std::int32_t>(first) + 1, n));
      }
      spec.background = ro::background_analysis{random_analysis(rng), first, end};
    }
    spec.options = random_options(rng);
    return ro::make_plan(std::move(spec)).value();
  }
  if (kind == 3) {
    ro::blue_green_spec spec;
    if (rng.chance(50)) spec.pre_promotion = random_analysis(rng);
    if (rng.chance(50)) spec.post_promotion = random_analysis(rng);
    spec.auto_promotion = rng.chance(50);
    spec.auto_promotion_delay = minutes(rng.chance(50) ? 0 : rng.in(1, 10));
    spec.options = random_options(rng);
    return ro::make_plan(std::move(spec)).value();
  }
  ro::progressive_spec spec;
  if (rng.chance(30)) {
    std::int32_t w = 0;
    const std::int32_t n = rng.in(1, 5);
    for (std::int32_t i = 0; i < n && w < 100; ++i) {
      w = rng.in(w + 1, w + 1 + (100 - w - 1) / 2);
      spec.step_weights.push_back(w);
    }
  } else {
    spec.step_weight = rng.in(1, 60);
    spec.max_weight = rng.in(1, 100);
  }
  spec.threshold = static_cast<std::uint32_t>(rng.in(1, 3));
  spec.interval = minutes(1);
  spec.confirm_promotion = rng.chance(40);
  spec.options = random_options(rng);
  return ro::make_plan(std::move(spec)).value();
}

// Whether the rollout must rest at position i (it cannot pass it within one event).
bool blocking(const ro::plan& p, std::size_t i) {
  switch (p.strategy()) {
    case ro::strategy::canary: {
      const auto& st = p.canary().steps[i];
      if (st.kind == ro::step_kind::set_weight) return false;
      if (st.kind == ro::step_kind::pause) return !st.duration || st.duration->count() > 0;
      return true;
    }
    case ro::strategy::blue_green: {
      const auto& bg = p.blue_green();
      if (i == 0) return bg.pre_promotion.has_value();
      if (i == 1) return !bg.auto_promotion || bg.auto_promotion_delay.count() > 0;
      return bg.post_promotion.has_value();
    }
    case ro::strategy::progressive:
      return true;
  }
  return true;
}

bool passable(const ro::plan& p, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < p.step_count(); ++i) {
    if (blocking(p, i)) return false;
  }
  return true;
}

bool has(const ro::action_list& actions, ro::action_kind kind) {
  for (const auto& a : actions) {
    if (a.kind == kind) return true;
  }
  return false;
}

ro::event random_event(splitmix64& rng, ro::time_point& now) {
  const std::int32_t k = rng.in(0, 99);
  if (k < 35) {
    now += seconds(rng.in(0, 900));
    return ro::tick{now};
  }
  if (k < 70) {
    static constexpr ro::measurement all[] = {
        ro::measurement::successful, ro::measurement::successful,   ro::measurement::successful,
        ro::measurement::failed,     ro::measurement::inconclusive, ro::measurement::error};
    return ro::analysis_result{
        now, rng.chance(70) ? ro::analysis_slot::step : ro::analysis_slot::background,
        static_cast<std::size_t>(rng.in(0, 3)), all[rng.in(0, 5)]};
  }
  if (k < 78) {
    return ro::score_result{
        now, rng.chance(70) ? ro::analysis_slot::step : ro::analysis_slot::background,
        rng.in(0, 10000) / 100.0};
  }
  if (k < 84) return ro::promote{now};
  if (k < 86) return ro::promote_full{now};
  if (k < 88) return ro::abort{now};
  if (k < 91) return ro::retry{now};
  if (k < 93) return ro::pause{now};
  if (k < 95) return ro::resume{now};
  return ro::new_artifact{now, "v" + std::to_string(rng.in(1, 6))};
}

TEST(RolloutProperty, InvariantsHoldOnRandomEventSequences) {
  splitmix64 rng{20261123};
  std::size_t steps_checked = 0;
  std::size_t promotions = 0;
  std::size_t aborts = 0;
  for (int plan_number = 0; plan_number < 2000; ++plan_number) {
    const ro::plan p = random_plan(rng);
    ro::state s = ro::initial_state(p, "v1");
    ro::time_point now = ro::time_point{} + std::chrono::hours(24 * 365 * 56);
    for (int i = 0; i < 60; ++i) {
      const ro::event e = random_event(rng, now);
      const ro::state before = s;
      const auto t = ro::advance(p, s, e);
      s = t.next;
      ++steps_checked;
      const std::string text = ro::to_string(s);
      SCOPED_TRACE("plan " + std::to_string(plan_number) + " event " + std::to_string(i) + "\n" +
                   text);

      // Weight within 0..100, never above the current step's weight.
      ASSERT_GE(s.weight, 0);
      ASSERT_LE(s.weight, 100);
      if (s.updating) {
        ASSERT_LT(s.step_index, p.step_count());
        ASSERT_LE(s.weight, p.weight_at(s.step_index));
      } else {
        ASSERT_EQ(s.weight, 0);
        ASSERT_EQ(s.canary, "");
        ASSERT_EQ(s.phase, ro::state_phase::healthy);
      }
      // After an abort: weight 0, stable unchanged.
      if (s.aborted) {
        ASSERT_EQ(s.weight, 0);
        ASSERT_EQ(s.phase, ro::state_phase::aborted);
      }
      if (e.kind == ro::event_kind::abort && before.updating && !before.aborted) {
        ASSERT_TRUE(s.aborted);
        ASSERT_TRUE(has(t.actions, ro::action_kind::rollback));
        ++aborts;
      }
      if (s.aborted && !before.aborted) {
        ASSERT_EQ(s.stable, before.stable);
      }
      // The stable artifact changes only by a promotion, through every step.
      if (s.stable != before.stable) {
        ++promotions;
        ASSERT_TRUE(has(t.actions, ro::action_kind::promote_stable));
        ASSERT_EQ(s.stable, e.kind == ro::event_kind::new_artifact ? e.id : before.canary);
        ASSERT_EQ(s.previous_stable, before.stable);
        ASSERT_EQ(s.phase, ro::state_phase::healthy);
        if (e.kind != ro::event_kind::promote_full) {
          ASSERT_FALSE(before.aborted);
          const bool restarted = has(t.actions, ro::action_kind::deploy_canary);
          ASSERT_TRUE(passable(p, restarted ? 0 : before.step_index + 1, p.step_count()))
              << "promoted past a step it never rested on";
        }
      } else {
        ASSERT_FALSE(has(t.actions, ro::action_kind::promote_stable));
      }
      // Within one event the rollout only passes steps that do not block.
      if (s.updating && before.updating && s.step_index > before.step_index &&
          !has(t.actions, ro::action_kind::deploy_canary)) {
        ASSERT_TRUE(passable(p, before.step_index + 1, s.step_index));
      }
      if (s.updating && has(t.actions, ro::action_kind::deploy_canary)) {
        ASSERT_TRUE(passable(p, 0, s.step_index));
      }
      // Serialization round-trips every reachable state.
      const auto back = ro::parse_state(text, p);
      ASSERT_TRUE(back.has_value()) << back.error().message();
      ASSERT_EQ(*back, s);
      ASSERT_EQ(ro::to_string(*back), text);
    }
  }
  RecordProperty("promotions", std::to_string(promotions));
  RecordProperty("aborts", std::to_string(aborts));
  EXPECT_EQ(steps_checked, 2000u * 60u);
  // The walk must reach the interesting places, or it proves little.
  EXPECT_GT(promotions, 200u);
  EXPECT_GT(aborts, 200u);
}

}  // namespace
