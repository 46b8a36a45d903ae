// relkit::rollout: plans, Argo AnalysisRun arithmetic, Kayenta scoring, the
// state machine (research note §E scenarios 1-17) and the state's text form.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <string>
#include <vector>

namespace {

namespace ro = relkit::rollout;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const ro::time_point T0 = ro::time_point{} + hours(24 * 365 * 56);

ro::metric make_metric(std::string name, std::optional<std::uint32_t> count,
                       std::int32_t failure_limit = 0) {
  ro::metric m;
  m.name = std::move(name);
  m.count = count;
  m.failure_limit = failure_limit;
  return m;
}

ro::analysis_spec argo(std::string name, std::vector<ro::metric> metrics) {
  ro::analysis_spec a;
  a.name = std::move(name);
  a.metrics = std::move(metrics);
  return a;
}

std::vector<std::string> texts(const ro::action_list& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) out.push_back(ro::render(a));
  return out;
}

using string_list = std::vector<std::string>;

// Drives a plan, remembering the last transition.
struct driver {
  ro::plan plan;
  ro::state state;
  ro::action_list last;

  driver(ro::plan p, std::string stable = "v1")
      : plan(std::move(p)), state(ro::initial_state(plan, std::move(stable))) {}

  string_list on(const ro::event& e) {
    auto t = ro::advance(plan, std::move(state), e);
    state = std::move(t.next);
    last = t.actions;
    // Every reachable state survives its text form.
    const auto text = ro::to_string(state);
    const auto back = ro::parse_state(text, plan);
    EXPECT_TRUE(back.has_value()) << (back ? "" : back.error().message());
    if (back) {
      EXPECT_EQ(*back, state);
    }
    return texts(last);
  }
  string_list measure(ro::time_point at, ro::measurement m, std::size_t metric = 0,
                      ro::analysis_slot slot = ro::analysis_slot::step) {
    return on(ro::analysis_result{at, slot, metric, m});
  }
};

ro::plan canary(std::vector<ro::step> steps, ro::settings options = {}) {
  ro::canary_spec spec;
  spec.steps = std::move(steps);
  spec.options = options;
  auto p = ro::make_plan(std::move(spec));
  EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().message());
  return *p;
}

constexpr auto S = ro::measurement::successful;
constexpr auto F = ro::measurement::failed;
constexpr auto I = ro::measurement::inconclusive;
constexpr auto E = ro::measurement::error;

// ---- plans ----------------------------------------------------------------------

TEST(RolloutPlan, RejectsEmptyCanary) {
  const auto p = ro::make_plan(ro::canary_spec{});
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ro::errc::empty_plan);
  EXPECT_EQ(p.error().position, relkit::no_position);
  EXPECT_EQ(p.error().message(), "a canary plan needs at least one step");
}

TEST(RolloutPlan, RejectsWeightOutOfRangeWithStepIndex) {
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(5), ro::steps::pause(), ro::steps::set_weight(120)};
  const auto p = ro::make_plan(spec);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ro::errc::weight_out_of_range);
  EXPECT_EQ(p.error().position, relkit::no_position);
  EXPECT_EQ(p.error().args.number(), 2);     // the step index
  EXPECT_EQ(p.error().args.number2(), 120);  // the weight
  EXPECT_EQ(p.error().message(), "the weight of step 2 is 120, outside 0..100");
  EXPECT_EQ(relkit::to_string(p.error()),
            "the weight of step 2 is 120, outside 0..100 [rollout.weight_out_of_range]");
  spec.steps[2] = ro::steps::set_weight(-1);
  EXPECT_EQ(ro::make_plan(spec).error().message(), "the weight of step 2 is -1, outside 0..100");
}

TEST(RolloutPlan, RejectsAnalysisWithoutMetrics) {
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(5), ro::steps::analyze(argo("smoke", {}))};
  const auto p = ro::make_plan(spec);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ro::errc::analysis_without_metrics);
  EXPECT_EQ(p.error().position, relkit::no_position);
  EXPECT_EQ(p.error().message(), "analysis \"smoke\" in step 1 has no metrics");
  EXPECT_EQ(p.error().args.number(), 1);  // the step index
}

TEST(RolloutPlan, RejectsBadLimitsCountsAndSpans) {
  ro::canary_spec spec;
  auto m = make_metric("err", 5);
  m.failure_limit = -2;
  spec.steps = {ro::steps::analyze(argo("a", {m}))};
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::bad_limit);
  EXPECT_EQ(ro::make_plan(spec).error().message(),
            "failure_limit of metric \"err\" in step 0 is -2, below -1");
  m.failure_limit = -1;  // -1 disables: fine
  spec.steps = {ro::steps::analyze(argo("a", {m}))};
  EXPECT_TRUE(ro::make_plan(spec).has_value());
  m.count = 0;
  spec.steps = {ro::steps::analyze(argo("a", {m}))};
  const auto zero = ro::make_plan(spec);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, ro::errc::bad_count);
  EXPECT_EQ(zero.error().message(), "metric \"err\" in step 0 has count 0 (1..65535)");
  spec.steps = {ro::steps::analyze(argo("a", std::vector<ro::metric>(9, make_metric("x", 1))))};
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::too_many_metrics);
  spec.steps = {ro::steps::set_weight(10), ro::steps::pause(seconds(-1))};
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::bad_duration);
  EXPECT_EQ(ro::make_plan(spec).error().message(), "the pause of step 1 is -1s, below 0s");
  spec.steps = {ro::steps::set_weight(10), ro::steps::pause()};
  spec.background = ro::background_analysis{argo("bg", {make_metric("x", 1)}), 2, std::nullopt};
  const auto span = ro::make_plan(spec);
  ASSERT_FALSE(span);
  EXPECT_EQ(span.error().code, ro::errc::bad_background_span);
  EXPECT_EQ(span.error().position, relkit::no_position);
  EXPECT_EQ(span.error().message(),
            "background analysis span (first_step 2) is empty or outside the plan's 2 steps");
  EXPECT_EQ(span.error().args.number(), 2);
  spec.background->first_step = 1;
  spec.background->end_step = 1;
  EXPECT_EQ(ro::make_plan(spec).error().message(),
            "background analysis span (first_step 1, end_step 1) is empty or outside the plan's 2 "
            "steps");
  ro::analysis_spec judged;
  judged.name = "judge";
  judged.kind = ro::analysis_kind::kayenta;
  judged.thresholds = {95, 75, 1};
  spec.background = ro::background_analysis{judged, 0, std::nullopt};
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::bad_thresholds);
  EXPECT_EQ(ro::make_plan(spec).error().message(),
            "analysis \"judge\" (background) needs 0 <= marginal <= pass <= 100 and intervals >= "
            "1");
}

TEST(RolloutPlan, ProgressiveValidation) {
  ro::progressive_spec spec;
  EXPECT_EQ(ro::make_plan(spec).error().message(), "step_weight is 0, outside 1..100");
  spec.step_weights = {1, 2, 2};
  const auto p = ro::make_plan(spec);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ro::errc::bad_step_weights);
  EXPECT_EQ(p.error().position, relkit::no_position);
  EXPECT_EQ(p.error().message(), "step_weights[2] is 2, not above the weight before it");
  spec.step_weights = {1, 101};
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::weight_out_of_range);
  EXPECT_EQ(ro::make_plan(spec).error().message(), "step_weights[1] is 101, outside 1..100");
  spec.step_weights = {};
  spec.step_weight = 10;
  spec.threshold = 0;
  EXPECT_EQ(ro::make_plan(spec).error().code, ro::errc::bad_limit);
  EXPECT_EQ(ro::make_plan(spec).error().message(), "threshold is 0, below 1");
}

// Value types compare every member (hidden friends).
TEST(RolloutPlan, SpecsAndEventsCompareEqual) {
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(25), ro::steps::pause(minutes(5))};
  const auto p = ro::make_plan(spec);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->canary(), spec);
  spec.steps[1].duration = minutes(6);
  EXPECT_NE(p->canary(), spec);
  EXPECT_EQ(ro::settings{}, p->options());
  EXPECT_EQ(ro::event(ro::new_artifact{T0, "v2"}), ro::event(ro::new_artifact{T0, "v2"}));
  EXPECT_NE(ro::event(ro::new_artifact{T0, "v2"}), ro::event(ro::new_artifact{T0, "v3"}));
}

// Every plan error code: code, no_position (a plan is not text) and message.
TEST(RolloutPlan, EveryPlanErrorIsPinned) {
  struct expected {
    ro::errc code;
    const char* message;
  };
  const auto check = [](const relkit::result<ro::plan>& p, const expected& e) {
    ASSERT_FALSE(p) << e.message;
    EXPECT_EQ(p.error().code, e.code) << e.message;
    EXPECT_EQ(p.error().position, relkit::no_position) << e.message;
    EXPECT_EQ(p.error().message(), e.message);
  };
  ro::canary_spec canary_spec;
  check(ro::make_plan(canary_spec),
        {ro::errc::empty_plan, "a canary plan needs at least one step"});
  canary_spec.steps.assign(100001, ro::steps::pause());
  check(ro::make_plan(canary_spec),
        {ro::errc::empty_plan, "a canary plan has more than 100000 steps"});
  canary_spec.steps = {ro::steps::set_weight(10), ro::steps::pause(seconds(-1))};
  const auto pause = ro::make_plan(canary_spec);
  check(pause, {ro::errc::bad_duration, "the pause of step 1 is -1s, below 0s"});
  EXPECT_EQ(pause.error().args.number(), 1);
  EXPECT_EQ(pause.error().args.number2(), -1);
  auto m = make_metric("err", 5);
  m.consecutive_error_limit = -1;
  canary_spec.steps = {ro::steps::analyze(argo("a", {m}))};
  check(
      ro::make_plan(canary_spec),
      {ro::errc::bad_limit, "consecutive_error_limit of metric \"err\" in step 0 is -1, below 0"});
  m = make_metric("err", 5);
  m.inconclusive_limit = -3;
  canary_spec.steps = {ro::steps::set_weight(1), ro::steps::analyze(argo("a", {m}))};
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_limit, "inconclusive_limit of metric \"err\" in step 1 is -3, below 0"});
  m = make_metric("err", 5);
  m.consecutive_success_limit = -1;
  canary_spec.steps = {ro::steps::analyze(argo("a", {m}))};
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_limit,
         "consecutive_success_limit of metric \"err\" in step 0 is -1, below 0"});
  m = make_metric("err", 5);
  m.interval = seconds(0);
  canary_spec.steps = {ro::steps::analyze(argo("a", {m}))};
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_duration, "the interval of metric \"err\" in step 0 is 0s, not above 0s"});
  m.count = 70000;
  m.interval = seconds(60);
  canary_spec.steps = {ro::steps::analyze(argo("a", {m}))};
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_count, "metric \"err\" in step 0 has count 70000 (1..65535)"});
  m.count = std::nullopt;
  // A long name is cut; the step survives.
  canary_spec.steps = {ro::steps::analyze(argo(std::string(60, 'n'), {}))};
  const auto long_name = ro::make_plan(canary_spec);
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().message(),
            "analysis \"" + std::string(25, 'n') + "...\" in step 0 has no metrics");
  canary_spec.steps = {ro::steps::set_weight(1),
                       ro::steps::analyze(argo("big", std::vector<ro::metric>(9, m)))};
  check(ro::make_plan(canary_spec),
        {ro::errc::too_many_metrics, "analysis \"big\" in step 1 has more than 8 metrics"});
  ro::analysis_spec judged;
  judged.name = "judge";
  judged.kind = ro::analysis_kind::kayenta;
  judged.thresholds = {95, 75, 1};
  canary_spec.steps = {ro::steps::analyze(judged)};
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_thresholds,
         "analysis \"judge\" in step 0 needs 0 <= marginal <= pass <= 100 and intervals >= 1"});
  canary_spec.steps = {ro::steps::pause()};
  canary_spec.options.progress_deadline = seconds(0);
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_duration, "progress_deadline is 0s, not above 0s"});
  canary_spec.options.progress_deadline = seconds(600);
  canary_spec.options.scale_down_delay = seconds(-30);
  check(ro::make_plan(canary_spec), {ro::errc::bad_duration, "scale_down_delay is -30s, below 0s"});
  canary_spec.options.scale_down_delay = seconds(30);
  canary_spec.options.abort_scale_down_delay = seconds(-1);
  check(ro::make_plan(canary_spec),
        {ro::errc::bad_duration, "abort_scale_down_delay is -1s, below 0s"});

  ro::blue_green_spec blue_green;
  blue_green.auto_promotion_delay = seconds(-1);
  check(ro::make_plan(blue_green),
        {ro::errc::bad_duration, "auto_promotion_delay is -1s, below 0s"});
  blue_green.auto_promotion_delay = seconds(0);
  blue_green.preview_replicas = -1;
  check(ro::make_plan(blue_green), {ro::errc::bad_limit, "preview_replicas is -1, below 0"});
  blue_green.preview_replicas = 0;
  blue_green.pre_promotion = argo("smoke", {});
  const auto pre = ro::make_plan(blue_green);
  check(pre,
        {ro::errc::analysis_without_metrics, "analysis \"smoke\" (pre_promotion) has no metrics"});
  EXPECT_EQ(pre.error().args.number(), 0);
  blue_green.pre_promotion = std::nullopt;
  blue_green.post_promotion = argo("smoke", std::vector<ro::metric>(9, make_metric("x", 1)));
  const auto post = ro::make_plan(blue_green);
  check(post, {ro::errc::too_many_metrics,
               "analysis \"smoke\" (post_promotion) has more than 8 metrics"});
  EXPECT_EQ(post.error().args.number(), 2);

  ro::progressive_spec progressive;
  progressive.step_weight = 10;
  progressive.max_weight = 101;
  check(ro::make_plan(progressive),
        {ro::errc::weight_out_of_range, "max_weight is 101, outside 1..100"});
  progressive.max_weight = 100;
  progressive.step_weights = {5, 0};
  const auto entry = ro::make_plan(progressive);
  check(entry, {ro::errc::weight_out_of_range, "step_weights[1] is 0, outside 1..100"});
  EXPECT_EQ(entry.error().args.number(), 1);
  progressive.step_weights = {};
  progressive.threshold = 0;
  check(ro::make_plan(progressive), {ro::errc::bad_limit, "threshold is 0, below 1"});
  progressive.threshold = 1;
  progressive.interval = seconds(0);
  check(ro::make_plan(progressive), {ro::errc::bad_duration, "interval is 0s, not above 0s"});
  progressive.interval = seconds(60);
  progressive.step_weights = {10, 10};
  check(ro::make_plan(progressive),
        {ro::errc::bad_step_weights, "step_weights[1] is 10, not above the weight before it"});
  progressive.step_weights = {};
  progressive.step_weight = 101;
  check(ro::make_plan(progressive),
        {ro::errc::weight_out_of_range, "step_weight is 101, outside 1..100"});
}

// Scenario 13: Flagger's generators, overshoot included.
TEST(RolloutPlan, Scenario13FlaggerWeights) {
  ro::progressive_spec spec;
  spec.step_weight = 20;
  spec.max_weight = 50;
  EXPECT_EQ(ro::make_plan(spec)->weights(), (std::vector<std::int32_t>{20, 40, 60}));
  spec.step_weights = {1, 2, 10, 80};
  EXPECT_EQ(ro::make_plan(spec)->weights(), (std::vector<std::int32_t>{1, 2, 10, 80}));
  spec.step_weights = {};
  spec.step_weight = 30;
  spec.max_weight = 100;  // 30, 60, 90, then 120 is capped at 100
  EXPECT_EQ(ro::make_plan(spec)->weights(), (std::vector<std::int32_t>{30, 60, 90, 100}));
}

TEST(RolloutPlan, WeightInForcePerStep) {
  const auto p = canary({ro::steps::set_weight(5), ro::steps::pause(minutes(10)),
                         ro::steps::set_weight(25), ro::steps::pause()});
  EXPECT_EQ(p.step_count(), 4u);
  EXPECT_EQ(p.weight_at(0), 5);
  EXPECT_EQ(p.weight_at(1), 5);
  EXPECT_EQ(p.weight_at(2), 25);
  EXPECT_EQ(p.weight_at(3), 25);
}

// ---- AnalysisRun arithmetic ---------------------------------------------------------

ro::metric_status feed(std::initializer_list<ro::measurement> ms) {
  ro::metric_status s;
  for (auto m : ms) s = ro::record(s, m);
  return s;
}

TEST(RolloutAnalysis, Scenario2FailureLimitIsStrictlyGreater) {
  const auto m = make_metric("m", 4, 3);
  const auto s = feed({F, F, F, S});
  EXPECT_EQ(s.count, 4u);
  EXPECT_EQ(s.failed, 3u);
  EXPECT_EQ(ro::assess(m, s), ro::analysis_phase::successful);
  EXPECT_EQ(ro::assess(m, feed({F, F, F, F})), ro::analysis_phase::failed);
}

TEST(RolloutAnalysis, Scenario3DefaultFailureLimitIsZero) {
  const auto m = make_metric("m", 5);
  EXPECT_EQ(ro::assess(m, feed({F})), ro::analysis_phase::failed);
  EXPECT_EQ(ro::assess(m, feed({S})), ro::analysis_phase::running);
}

TEST(RolloutAnalysis, Scenario4ErrorsDoNotConsumeCount) {
  const auto m = make_metric("m", 2);
  const auto four = feed({E, E, E, E});
  EXPECT_EQ(ro::assess(m, four), ro::analysis_phase::running);
  const auto then_success = ro::record(four, S);
  EXPECT_EQ(then_success.count, 1u);
  EXPECT_EQ(then_success.error, 4u);
  EXPECT_EQ(then_success.consecutive_error, 0u);
  EXPECT_EQ(ro::assess(m, then_success), ro::analysis_phase::running);
  EXPECT_EQ(ro::assess(m, feed({E, E, E, E, E})), ro::analysis_phase::error);
  // Error beats Inconclusive beats Failed when several limits fire.
  auto both = feed({F, I});
  both.consecutive_error = 5;
  EXPECT_EQ(ro::assess(make_metric("m", 9), both), ro::analysis_phase::error);
  EXPECT_EQ(ro::assess(make_metric("m", 9), feed({F, I})), ro::analysis_phase::inconclusive);
}

TEST(RolloutAnalysis, Scenario5Conditions) {
  // successCondition r >= 0.9, failureCondition r < 0.5
  const auto at = [](double r) { return ro::evaluate(r >= 0.9, r < 0.5); };
  EXPECT_EQ(at(0.7), I);
  EXPECT_EQ(at(0.95), S);
  EXPECT_EQ(at(0.2), F);
  EXPECT_EQ(ro::evaluate(true, true), F);  // failure wins
  EXPECT_EQ(ro::evaluate(std::nullopt, std::nullopt), S);
  EXPECT_EQ(ro::evaluate(false, std::nullopt), F);
  EXPECT_EQ(ro::evaluate(std::nullopt, false), S);
}

TEST(RolloutAnalysis, Scenario7ConsecutiveSuccessWithoutFailureLimit) {
  auto m = make_metric("m", 4, -1);
  m.consecutive_success_limit = 3;
  EXPECT_EQ(ro::assess(m, feed({F, S, S, F})), ro::analysis_phase::failed);
  EXPECT_EQ(ro::assess(m, feed({S, S})), ro::analysis_phase::running);
  EXPECT_EQ(ro::assess(m, feed({S, S, S})), ro::analysis_phase::successful);
}

TEST(RolloutAnalysis, EffectiveCountAndTermination) {
  ro::metric once;  // neither count nor interval: one measurement
  EXPECT_EQ(ro::assess(once, feed({S})), ro::analysis_phase::successful);
  ro::metric forever;
  forever.interval = seconds(60);  // interval without count: unbounded
  EXPECT_EQ(ro::assess(forever, feed({S, S, S})), ro::analysis_phase::running);
  EXPECT_EQ(ro::assess(forever, feed({S, S, S}), true), ro::analysis_phase::successful);
  EXPECT_EQ(ro::assess(forever, ro::metric_status{}, true), ro::analysis_phase::successful);
  EXPECT_EQ(ro::assess(forever, ro::metric_status{}), ro::analysis_phase::pending);
}

TEST(RolloutAnalysis, Scenario8RunPhaseIsTheWorstMetric) {
  auto a = argo("run", {make_metric("A", 1), make_metric("B", 1), make_metric("C", 1)});
  a.metrics[2].consecutive_error_limit = 0;  // one error is Error
  const auto run_with = [&](ro::measurement c) {
    auto run = ro::start_run(a);
    run.metrics[0] = ro::record(run.metrics[0], S);
    run.metrics[1] = ro::record(run.metrics[1], I);
    run.metrics[2] = ro::record(run.metrics[2], c);
    return ro::settle(a, run);
  };
  EXPECT_EQ(run_with(E).phase, ro::analysis_phase::error);
  EXPECT_EQ(run_with(F).phase, ro::analysis_phase::failed);
  a.metrics[2].dry_run = true;
  const auto dry = run_with(F);
  EXPECT_EQ(dry.phase, ro::analysis_phase::inconclusive);
  const auto summary = ro::summarize_dry_run(a, dry);
  EXPECT_EQ(summary.count, 1u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_EQ(summary.successful, 0u);
}

TEST(RolloutAnalysis, AllDryRunMetricsLeaveTheRunSuccessful) {
  auto a = argo("run", {make_metric("A", 1)});
  a.metrics[0].dry_run = true;
  auto run = ro::start_run(a);
  run.metrics[0] = ro::record(run.metrics[0], F);
  EXPECT_EQ(ro::settle(a, run).phase, ro::analysis_phase::successful);
}

// Scenario 16: Kayenta's weighted sum.
TEST(RolloutKayenta, Scenario16Score) {
  using C = ro::classification;
  const std::vector<ro::score_group> groups = {{"latency", 60.0}, {"errors", 40.0}};
  std::vector<ro::classified_metric> metrics = {{"latency", C::pass},
                                                {"latency", C::pass},
                                                {"latency", C::high},
                                                {"latency", C::low},
                                                {"errors", C::pass}};
  const double score = ro::kayenta_score(groups, metrics);
  EXPECT_DOUBLE_EQ(score, 70.0);
  const ro::judge j{75, 95, 1};
  EXPECT_EQ(ro::judge_score(score, j), ro::verdict::fail);
  EXPECT_EQ(ro::judge_score(80, j), ro::verdict::marginal);
  EXPECT_EQ(ro::judge_score(95, j), ro::verdict::pass);
  metrics[2].critical = true;  // a critical metric High scores 0
  EXPECT_DOUBLE_EQ(ro::kayenta_score(groups, metrics), 0.0);
  // Unweighted groups share the rest; a group with nothing classifiable is 100.
  const std::vector<ro::score_group> open = {{"a", std::nullopt}, {"b", std::nullopt}};
  EXPECT_DOUBLE_EQ(ro::kayenta_score(open, {{"a", C::pass}, {"a", C::high}, {"a", C::low}}), 66.67);
  // Half the metrics without data: 0.
  EXPECT_DOUBLE_EQ(ro::kayenta_score(open, {{"a", C::pass}, {"b", C::nodata}}), 0.0);
}

// Scenario 17: several intervals.
TEST(RolloutKayenta, Scenario17Intervals) {
  const ro::judge j{75, 95, 3};
  // The judge is relkit::gates::judge_intervals (one judge for both components).
  using relkit::gates::judge_intervals;
  EXPECT_EQ(judge_intervals({80, 90, 96}, j.marginal, j.pass).result, relkit::gates::outcome::pass);
  EXPECT_EQ(judge_intervals({80, 75, 99}, j.marginal, j.pass).result, relkit::gates::outcome::fail);
  EXPECT_EQ(judge_intervals({80, 90, 94}, j.marginal, j.pass).result, relkit::gates::outcome::fail);
  EXPECT_EQ(judge_intervals({}, j.marginal, j.pass).result, relkit::gates::outcome::fail);

  // The same as an analysis step of a canary.
  ro::analysis_spec judged;
  judged.name = "judge";
  judged.kind = ro::analysis_kind::kayenta;
  judged.thresholds = j;
  driver ok(canary({ro::steps::set_weight(10), ro::steps::analyze(judged),
                    ro::steps::set_weight(50), ro::steps::pause()}));
  ok.on(ro::new_artifact{T0, "v2"});
  ok.on(ro::score_result{T0 + minutes(1), ro::analysis_slot::step, 80});
  ok.on(ro::score_result{T0 + minutes(2), ro::analysis_slot::step, 90});
  EXPECT_EQ(ok.state.step_index, 1u);
  EXPECT_EQ(ok.on(ro::score_result{T0 + minutes(3), ro::analysis_slot::step, 96}),
            (string_list{"set_weight 50"}));
  EXPECT_EQ(ok.state.step_index, 3u);
  EXPECT_EQ(ok.state.step_run.last_score, 9600);

  driver stops(ok.plan);
  stops.on(ro::new_artifact{T0, "v2"});
  stops.on(ro::score_result{T0 + minutes(1), ro::analysis_slot::step, 80});
  EXPECT_EQ(stops.on(ro::score_result{T0 + minutes(2), ro::analysis_slot::step, 75}),
            (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(stops.state.phase, ro::state_phase::aborted);
  EXPECT_EQ(stops.state.step_run.scores, 2u);

  driver last(ok.plan);
  last.on(ro::new_artifact{T0, "v2"});
  last.on(ro::score_result{T0 + minutes(1), ro::analysis_slot::step, 80});
  last.on(ro::score_result{T0 + minutes(2), ro::analysis_slot::step, 90});
  last.on(ro::score_result{T0 + minutes(3), ro::analysis_slot::step, 94});
  EXPECT_EQ(last.state.phase, ro::state_phase::aborted);
}

// score_result goes through the one Kayenta judge: NaN fails closed (it was
// ignored), score == pass passes, an intermediate score == marginal stops.
TEST(RolloutKayenta, ScoreResultNanAndBoundaries) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto plan_for = [](double marginal, double pass, std::uint32_t intervals) {
    ro::analysis_spec judged;
    judged.name = "judge";
    judged.kind = ro::analysis_kind::kayenta;
    judged.thresholds = ro::judge{marginal, pass, intervals};
    return canary({ro::steps::set_weight(10), ro::steps::analyze(judged), ro::steps::set_weight(50),
                   ro::steps::pause()});
  };
  const auto run = [&](const ro::plan& p, std::vector<double> scores) {
    driver d(p);
    d.on(ro::new_artifact{T0, "v2"});
    int i = 1;
    for (const double score : scores) {
      d.on(ro::score_result{T0 + minutes(i++), ro::analysis_slot::step, score});
    }
    return d.state;
  };
  const auto p2 = plan_for(75, 95, 2);
  // {NaN, 99}: the old rollout judge passed it.
  auto s = run(p2, {nan, 99});
  EXPECT_EQ(s.phase, ro::state_phase::aborted);
  EXPECT_EQ(s.step_run.scores, 1u);
  EXPECT_EQ(s.step_run.last_score, 0);
  EXPECT_EQ(run(p2, {80, nan}).phase, ro::state_phase::aborted);
  EXPECT_EQ(run(plan_for(75, 95, 1), {nan}).phase, ro::state_phase::aborted);
  // Boundaries.
  EXPECT_EQ(run(p2, {75, 99}).phase, ro::state_phase::aborted);
  EXPECT_EQ(run(p2, {75.01, 95}).step_index, 3u);
  EXPECT_EQ(run(p2, {80, 94.99}).phase, ro::state_phase::aborted);
  // marginal == pass == 80.
  const auto same = plan_for(80, 80, 1);
  EXPECT_EQ(run(same, {80}).step_index, 3u);
  EXPECT_EQ(run(plan_for(80, 80, 2), {80, 80}).phase, ro::state_phase::aborted);
}

// ---- the state machine: canary ----------------------------------------------------------

TEST(RolloutCanary, Scenario1FailedInlineAnalysisAborts) {
  driver d(canary({ro::steps::set_weight(25),
                   ro::steps::analyze(argo("errors", {make_metric("error-rate", 5, 1)})),
                   ro::steps::set_weight(50)}));
  EXPECT_EQ(d.on(ro::new_artifact{T0, "v2"}),
            (string_list{"deploy_canary", "set_weight 25", "start_analysis step"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(d.state.step_index, 1u);
  EXPECT_EQ(d.state.weight, 25);
  EXPECT_EQ(d.measure(T0 + minutes(1), F), string_list{});
  EXPECT_EQ(d.state.step_run.phase, ro::analysis_phase::running);
  EXPECT_EQ(d.measure(T0 + minutes(2), F),
            (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(d.state.step_run.phase, ro::analysis_phase::failed);
  EXPECT_EQ(d.state.step_run.metrics[0].count, 2u);  // the other 3 were skipped
  EXPECT_EQ(d.state.phase, ro::state_phase::aborted);
  EXPECT_EQ(d.state.weight, 0);
  EXPECT_EQ(d.state.step_index, 0u);
  EXPECT_EQ(d.state.stable, "v1");
  EXPECT_EQ(d.state.canary, "v2");
  // Further measurements change nothing.
  EXPECT_EQ(d.measure(T0 + minutes(3), S), string_list{});
}

TEST(RolloutCanary, Scenario4FiveErrorsAbort) {
  driver d(canary({ro::steps::set_weight(25),
                   ro::steps::analyze(argo("errors", {make_metric("error-rate", 5)}))}));
  d.on(ro::new_artifact{T0, "v2"});
  for (int i = 0; i < 4; ++i) d.measure(T0 + seconds(10 * (i + 1)), E);
  d.measure(T0 + minutes(1), S);
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(d.state.step_run.metrics[0].count, 1u);
  for (int i = 0; i < 4; ++i) d.measure(T0 + minutes(2) + seconds(10 * i), E);
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  d.measure(T0 + minutes(3), E);
  EXPECT_EQ(d.state.step_run.phase, ro::analysis_phase::error);
  EXPECT_EQ(d.state.phase, ro::state_phase::aborted);
}

TEST(RolloutCanary, Scenario6InconclusivePausesAndPromoteMovesOn) {
  auto m = make_metric("m", 5, 2);
  m.consecutive_success_limit = 3;
  driver d(canary({ro::steps::set_weight(20), ro::steps::analyze(argo("a", {m})),
                   ro::steps::set_weight(40), ro::steps::pause()}));
  d.on(ro::new_artifact{T0, "v2"});
  int minute = 0;
  for (auto x : {S, F, S, S}) d.measure(T0 + minutes(++minute), x);
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(d.measure(T0 + minutes(++minute), F), string_list{});
  EXPECT_EQ(d.state.step_run.phase, ro::analysis_phase::inconclusive);
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.state.pause, ro::pause_reason::inconclusive_analysis);
  EXPECT_EQ(d.state.weight, 20);
  // Paused: ticks do nothing, however late.
  EXPECT_EQ(d.on(ro::tick{T0 + hours(5)}), string_list{});
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.on(ro::promote{T0 + hours(6)}), string_list{"set_weight 40"});
  EXPECT_EQ(d.state.step_index, 3u);
  EXPECT_EQ(d.state.pause, ro::pause_reason::pause_step);
}

TEST(RolloutCanary, Scenario7EarlySuccessMovesOn) {
  auto m = make_metric("m", 4, -1);
  m.consecutive_success_limit = 3;
  driver d(canary({ro::steps::set_weight(20), ro::steps::analyze(argo("a", {m})),
                   ro::steps::set_weight(40), ro::steps::pause()}));
  d.on(ro::new_artifact{T0, "v2"});
  d.measure(T0 + minutes(1), S);
  d.measure(T0 + minutes(2), S);
  EXPECT_EQ(d.measure(T0 + minutes(3), S), string_list{"set_weight 40"});
  EXPECT_EQ(d.state.step_run.phase, ro::analysis_phase::successful);
}

TEST(RolloutCanary, Scenario9TimedPauseAndIndefinitePause) {
  driver d(canary({ro::steps::set_weight(10), ro::steps::pause(minutes(10)),
                   ro::steps::analyze(argo("a", {make_metric("m", 1)})), ro::steps::pause(),
                   ro::steps::set_weight(100)}));
  d.on(ro::new_artifact{T0, "v2"});
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.state.pause, ro::pause_reason::pause_step);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(9) + seconds(59)}), string_list{});
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.state.step_index, 1u);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(10)}), string_list{"start_analysis step"});
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(d.state.step_index, 2u);
  d.measure(T0 + minutes(11), S);
  EXPECT_EQ(d.state.step_index, 3u);
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.on(ro::tick{T0 + hours(100)}), string_list{});
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(
      d.on(ro::promote{T0 + hours(101)}),
      (string_list{"set_weight 100", "promote_stable", "scale_down previous_stable after 30s"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::healthy);
  EXPECT_EQ(d.state.stable, "v2");
  EXPECT_EQ(d.state.previous_stable, "v1");
  EXPECT_EQ(d.state.canary, "");
}

TEST(RolloutCanary, Scenario10PromoteFullAbortRetry) {
  const auto p =
      canary({ro::steps::set_weight(10), ro::steps::analyze(argo("a", {make_metric("m", 5)})),
              ro::steps::set_weight(50), ro::steps::pause()});
  driver full(p);
  full.on(ro::new_artifact{T0, "v2"});
  EXPECT_EQ(full.on(ro::promote_full{T0 + minutes(1)}),
            (string_list{"stop_analysis step", "promote_stable",
                         "scale_down previous_stable after 30s"}));
  EXPECT_EQ(full.state.phase, ro::state_phase::healthy);
  EXPECT_EQ(full.state.stable, "v2");

  driver again(p);
  again.on(ro::new_artifact{T0, "v2"});
  EXPECT_EQ(again.on(ro::abort{T0 + minutes(1)}),
            (string_list{"stop_analysis step", "rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(again.state.phase, ro::state_phase::aborted);
  EXPECT_EQ(again.state.weight, 0);
  EXPECT_EQ(again.state.stable, "v1");
  EXPECT_EQ(again.on(ro::abort{T0 + minutes(2)}), string_list{});  // already aborted
  EXPECT_EQ(again.on(ro::retry{T0 + minutes(3)}),
            (string_list{"deploy_canary", "set_weight 10", "start_analysis step"}));
  EXPECT_EQ(again.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(again.state.step_index, 1u);
  EXPECT_EQ(again.state.step_run.metrics[0].count, 0u);            // a fresh run
  EXPECT_EQ(again.on(ro::retry{T0 + minutes(4)}), string_list{});  // not aborted
}

TEST(RolloutCanary, Scenario11ProgressDeadlineSkipsPausedTime) {
  ro::metric slow;
  slow.name = "slow";
  slow.interval = minutes(5);  // unbounded
  const std::vector<ro::step> steps = {ro::steps::set_weight(20), ro::steps::pause(minutes(20)),
                                       ro::steps::analyze(argo("a", {slow}))};
  driver d(canary(steps));
  d.on(ro::new_artifact{T0, "v2"});
  d.on(ro::tick{T0 + minutes(20)});  // paused 20m, now progressing
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  d.on(ro::tick{T0 + minutes(25)});
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  d.on(ro::tick{T0 + minutes(30)});  // exactly 600 s: not yet exceeded
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(30) + seconds(1)}), string_list{});
  EXPECT_EQ(d.state.phase, ro::state_phase::degraded);
  EXPECT_EQ(d.state.weight, 20);  // not aborted
  // Progress clears it.
  d.measure(T0 + minutes(31), S);
  EXPECT_EQ(d.state.phase, ro::state_phase::progressing);

  ro::settings abort_on_deadline;
  abort_on_deadline.progress_deadline_abort = true;
  driver a(canary(steps, abort_on_deadline));
  a.on(ro::new_artifact{T0, "v2"});
  a.on(ro::tick{T0 + minutes(20)});
  EXPECT_EQ(a.on(ro::tick{T0 + minutes(31)}),
            (string_list{"stop_analysis step", "rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(a.state.phase, ro::state_phase::aborted);

  // A manual pause does not count either.
  driver m(canary(steps));
  m.on(ro::new_artifact{T0, "v2"});
  m.on(ro::tick{T0 + minutes(20)});
  m.on(ro::pause{T0 + minutes(21)});
  EXPECT_EQ(m.state.phase, ro::state_phase::paused);
  m.on(ro::tick{T0 + minutes(50)});
  EXPECT_EQ(m.state.phase, ro::state_phase::paused);
  m.on(ro::resume{T0 + minutes(55)});
  m.on(ro::tick{T0 + minutes(64)});
  EXPECT_EQ(m.state.phase, ro::state_phase::progressing);
  m.on(ro::tick{T0 + minutes(66)});
  EXPECT_EQ(m.state.phase, ro::state_phase::degraded);
}

TEST(RolloutCanary, BackgroundAnalysisOverASpan) {
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(10), ro::steps::pause(minutes(5)),
                ro::steps::set_weight(30), ro::steps::pause(minutes(5)),
                ro::steps::set_weight(60), ro::steps::pause()};
  ro::metric bg_metric;
  bg_metric.name = "bg";
  bg_metric.interval = minutes(1);
  spec.background = ro::background_analysis{argo("bg", {bg_metric}), 2, 4};
  driver d(*ro::make_plan(spec));
  EXPECT_EQ(d.on(ro::new_artifact{T0, "v2"}), (string_list{"deploy_canary", "set_weight 10"}));
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(5)}),
            (string_list{"start_analysis background", "set_weight 30"}));
  EXPECT_EQ(d.state.background_run.phase, ro::analysis_phase::running);
  d.measure(T0 + minutes(6), S, 0, ro::analysis_slot::background);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(10)}),
            (string_list{"stop_analysis background", "set_weight 60"}));
  EXPECT_EQ(d.state.background_run.phase, ro::analysis_phase::successful);

  // A failing background measurement aborts, whatever step is current.
  driver f(d.plan);
  f.on(ro::new_artifact{T0, "v2"});
  f.on(ro::tick{T0 + minutes(5)});
  EXPECT_EQ(f.measure(T0 + minutes(6), F, 0, ro::analysis_slot::background),
            (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(f.state.phase, ro::state_phase::aborted);

  // Inconclusive pauses, even in the middle of a timed pause (Argo #3850).
  driver i(d.plan);
  i.on(ro::new_artifact{T0, "v2"});
  i.on(ro::tick{T0 + minutes(5)});
  i.measure(T0 + minutes(6), I, 0, ro::analysis_slot::background);
  EXPECT_EQ(i.state.pause, ro::pause_reason::inconclusive_analysis);
  EXPECT_EQ(i.on(ro::tick{T0 + minutes(30)}), string_list{});
  EXPECT_EQ(i.state.step_index, 3u);
}

TEST(RolloutCanary, NewArtifactMidUpdateRestartsAndStableRollsBack) {
  const auto p = canary({ro::steps::set_weight(10), ro::steps::pause()});
  driver d(p);
  d.on(ro::new_artifact{T0, "v2"});
  EXPECT_EQ(d.on(ro::new_artifact{T0 + minutes(1), "v2"}), string_list{});  // same artifact
  EXPECT_EQ(
      d.on(ro::new_artifact{T0 + minutes(2), "v3"}),
      (string_list{"rollback", "scale_down canary after 0s", "deploy_canary", "set_weight 10"}));
  EXPECT_EQ(d.state.canary, "v3");
  EXPECT_EQ(d.on(ro::new_artifact{T0 + minutes(3), "v1"}),
            (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::healthy);
  EXPECT_EQ(d.state.stable, "v1");
  EXPECT_EQ(d.state.canary, "");
  EXPECT_EQ(d.on(ro::abort{T0 + minutes(4)}), string_list{});  // nothing to abort
}

// ---- blue-green ---------------------------------------------------------------------

TEST(RolloutBlueGreen, Scenario12ManualPromotionAndFailedPostAnalysis) {
  ro::blue_green_spec spec;
  spec.auto_promotion = false;
  spec.post_promotion = argo("post", {make_metric("m", 1)});
  driver d(*ro::make_plan(spec));
  EXPECT_EQ(d.on(ro::new_artifact{T0, "v2"}), (string_list{"deploy_canary", "switch_preview"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::paused);
  EXPECT_EQ(d.state.pause, ro::pause_reason::blue_green);
  EXPECT_EQ(d.state.weight, 0);
  EXPECT_EQ(d.on(ro::tick{T0 + hours(10)}), string_list{});
  EXPECT_EQ(d.on(ro::promote{T0 + hours(11)}),
            (string_list{"switch_active", "start_analysis step"}));
  EXPECT_EQ(d.state.weight, 100);
  EXPECT_EQ(d.measure(T0 + hours(12), F), (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::aborted);
  EXPECT_EQ(d.state.weight, 0);
  EXPECT_EQ(d.state.stable, "v1");
}

TEST(RolloutBlueGreen, PrePromotionAnalysisThenAutoPromotionDelay) {
  ro::blue_green_spec spec;
  spec.pre_promotion = argo("pre", {make_metric("m", 1)});
  spec.auto_promotion_delay = minutes(5);
  spec.options.scale_down_delay = seconds(120);
  driver d(*ro::make_plan(spec));
  EXPECT_EQ(d.on(ro::new_artifact{T0, "v2"}),
            (string_list{"deploy_canary", "switch_preview", "start_analysis step"}));
  EXPECT_EQ(d.measure(T0 + minutes(1), S), string_list{});
  EXPECT_EQ(d.state.pause, ro::pause_reason::blue_green);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(5)}), string_list{});
  EXPECT_EQ(
      d.on(ro::tick{T0 + minutes(6)}),
      (string_list{"switch_active", "promote_stable", "scale_down previous_stable after 120s"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::healthy);
  EXPECT_EQ(d.state.stable, "v2");

  driver bad(d.plan);
  bad.on(ro::new_artifact{T0, "v2"});
  EXPECT_EQ(bad.measure(T0 + minutes(1), F),
            (string_list{"rollback", "scale_down canary after 30s"}));
  EXPECT_EQ(bad.state.phase, ro::state_phase::aborted);
}

// ---- progressive --------------------------------------------------------------------

ro::plan progressive(std::int32_t step, std::int32_t max, std::uint32_t threshold,
                     bool confirm = false) {
  ro::progressive_spec spec;
  spec.step_weight = step;
  spec.max_weight = max;
  spec.threshold = threshold;
  spec.interval = minutes(1);
  spec.confirm_promotion = confirm;
  return *ro::make_plan(spec);
}

TEST(RolloutProgressive, Scenario13WalksTheWeightsThenPromotes) {
  driver d(progressive(20, 50, 1));
  EXPECT_EQ(d.on(ro::new_artifact{T0, "v2"}), string_list{"deploy_canary"});
  string_list seen;
  for (int i = 1; i <= 4; ++i) {
    d.measure(T0 + minutes(i) - seconds(1), S);
    for (const auto& a : d.on(ro::tick{T0 + minutes(i)})) seen.push_back(a);
  }
  EXPECT_EQ(seen, (string_list{"set_weight 20", "set_weight 40", "set_weight 60", "promote_stable",
                               "scale_down previous_stable after 30s", "post_rollout_hooks"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::healthy);
}

TEST(RolloutProgressive, Scenario14ThresholdRollsBackOnTheNextTick) {
  driver d(progressive(10, 100, 2));
  d.on(ro::new_artifact{T0, "v2"});
  d.measure(T0 + seconds(30), F);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(1)}), string_list{});
  EXPECT_EQ(d.state.failed_checks, 1u);
  d.measure(T0 + seconds(90), S);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(2)}), string_list{"set_weight 10"});
  EXPECT_EQ(d.state.failed_checks, 1u);  // never reset on success
  d.measure(T0 + seconds(150), F);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(3)}), string_list{});
  EXPECT_EQ(d.state.failed_checks, 2u);
  EXPECT_EQ(d.state.weight, 10);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(4)}),
            (string_list{"rollback", "scale_down canary after 30s", "post_rollout_hooks"}));
  EXPECT_EQ(d.state.phase, ro::state_phase::aborted);
  EXPECT_EQ(d.state.weight, 0);
  EXPECT_EQ(d.on(ro::tick{T0 + minutes(5)}), string_list{});  // hooks called once
}

TEST(RolloutProgressive, Scenario15WaitingPromotionKeepsChecking) {
  driver d(progressive(50, 100, 2, true));
  d.on(ro::new_artifact{T0, "v2"});
  for (int i = 1; i <= 3; ++i) {
    d.measure(T0 + minutes(i) - seconds(1), S);
    d.on(ro::tick{T0 + minutes(i)});
  }
  EXPECT_EQ(d.state.weight, 100);
  EXPECT_EQ(d.state.phase, ro::state_phase::waiting_promotion);
  d.measure(T0 + minutes(4) - seconds(1), F);
  d.on(ro::tick{T0 + minutes(4)});
  d.measure(T0 + minutes(5) - seconds(1), F);
  d.on(ro::tick{T0 + minutes(5)});
  EXPECT_EQ(d.state.failed_checks, 2u);
  EXPECT_EQ(d.state.phase, ro::state_phase::waiting_promotion);
  d.on(ro::tick{T0 + minutes(6)});
  EXPECT_EQ(d.state.phase, ro::state_phase::aborted);

  driver ok(d.plan);
  ok.on(ro::new_artifact{T0, "v2"});
  for (int i = 1; i <= 3; ++i) {
    ok.measure(T0 + minutes(i) - seconds(1), S);
    ok.on(ro::tick{T0 + minutes(i)});
  }
  EXPECT_EQ(ok.on(ro::promote{T0 + minutes(3) + seconds(5)}),
            (string_list{"promote_stable", "scale_down previous_stable after 30s",
                         "post_rollout_hooks"}));
  EXPECT_EQ(ok.state.stable, "v2");
}

// ---- persistence --------------------------------------------------------------------

TEST(RolloutState, TextFormRoundTrips) {
  driver d(
      canary({ro::steps::set_weight(25), ro::steps::analyze(argo("a", {make_metric("m", 5, 2)}))}),
      "app:v1 (build 7)");
  d.on(ro::new_artifact{T0, "app%v2\n"});
  d.measure(T0 + minutes(1), F);
  const std::string text = ro::to_string(d.state);
  EXPECT_EQ(text.substr(0, 22), "relkit-rollout-state 2");
  EXPECT_NE(text.find("\nstable app:v1%20(build%207)\n"), std::string::npos);
  EXPECT_NE(text.find("\ncanary app%25v2%0A\n"), std::string::npos);
  EXPECT_NE(text.find("\nstep_run running 1 0 0 running:1:0:1:0:0:0:0\n"), std::string::npos);
  const auto back = ro::parse_state(text, d.plan);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d.state);
  EXPECT_EQ(ro::to_string(*back), text);
}

// Instants are relkit::time_point (milliseconds) and persisted in
// milliseconds; format version 1 (nanoseconds) is still read.
TEST(RolloutState, InstantsArePersistedInMilliseconds) {
  static_assert(std::is_same_v<ro::time_point, relkit::time_point>);
  static_assert(std::is_same_v<relkit::gates::time_point, relkit::time_point>);
  static_assert(std::is_same_v<relkit::time_point::duration, std::chrono::milliseconds>);
  const auto p = canary({ro::steps::set_weight(25), ro::steps::pause()});
  driver d(p);
  const ro::time_point at = ro::time_point(std::chrono::milliseconds(1795435200123));
  d.on(ro::new_artifact{at, "v2"});
  const std::string text = ro::to_string(d.state);
  EXPECT_NE(text.find("\nstep_started 1795435200123\n"), std::string::npos);
  std::string v1 = text;
  v1.replace(0, 22, "relkit-rollout-state 1");
  v1.replace(v1.find("\nstep_started ") + 14, 13, "1795435200123456789");
  const auto old = ro::parse_state(v1, p);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->step_started, at);  // 456789 ns rounded down
}

TEST(RolloutState, VersionMismatchAndCorruptionAreErrors) {
  const auto p = canary({ro::steps::set_weight(25), ro::steps::pause()});
  driver d(p);
  d.on(ro::new_artifact{T0, "v2"});
  const std::string text = ro::to_string(d.state);

  const auto v3 = ro::parse_state("relkit-rollout-state 3\n" + text.substr(23), p);
  ASSERT_FALSE(v3);
  EXPECT_EQ(v3.error().code, ro::errc::state_version);
  EXPECT_EQ(v3.error().position, 21u);
  EXPECT_EQ(v3.error().message(), "state format version 3 is not 2");
  EXPECT_EQ(relkit::to_string(v3.error()),
            "state format version 3 is not 2 at 21 [rollout.state_version]");

  EXPECT_EQ(ro::parse_state("", p).error().code, ro::errc::bad_state_format);

  std::string bad_weight = text;
  const std::size_t w = bad_weight.find("\nweight 25\n") + 8;
  bad_weight.replace(w, 2, "250");
  const auto weight = ro::parse_state(bad_weight, p);
  ASSERT_FALSE(weight);
  EXPECT_EQ(weight.error().code, ro::errc::bad_state_format);
  EXPECT_EQ(weight.error().position, w);
  EXPECT_EQ(weight.error().message(), "number out of range");

  std::string missing = text;
  const std::size_t line = missing.find("\nweight ") + 1;
  missing.erase(line, missing.find('\n', line) + 1 - line);
  const auto gone = ro::parse_state(missing, p);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().position, line);
  EXPECT_EQ(gone.error().message(), "expected \"weight\"");

  std::string name = text;
  const std::size_t pause_at = name.find("\npause pause_step\n") + 7;
  name.replace(pause_at, 10, "pause_stop");
  const auto unknown = ro::parse_state(name, p);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ro::errc::bad_state_format);
  EXPECT_EQ(unknown.error().position, pause_at);
  EXPECT_EQ(unknown.error().message(), "unknown name \"pause_stop\"");

  std::string phase = text;
  phase.replace(phase.find("phase paused"), 12, "phase healthy");
  EXPECT_EQ(ro::parse_state(phase, p).error().message().substr(0, 38),
            "phase does not match the state's flags");

  EXPECT_EQ(ro::parse_state(text + "x", p).error().code, ro::errc::bad_state_format);
  EXPECT_EQ(ro::parse_state(text.substr(0, text.size() - 1), p).error().code,
            ro::errc::bad_state_format);
}

TEST(RolloutState, AStateForAnotherPlanIsAMismatch) {
  const auto p = canary({ro::steps::set_weight(25), ro::steps::pause()});
  const auto other = canary({ro::steps::set_weight(30), ro::steps::pause()});
  driver d(p);
  d.on(ro::new_artifact{T0, "v2"});
  const std::string text = ro::to_string(d.state);
  const auto mismatch = ro::parse_state(text, other);
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().code, ro::errc::state_mismatch);
  EXPECT_EQ(mismatch.error().position, text.find("\nplan ") + 6);
  EXPECT_EQ(mismatch.error().message(), "the state was made for another plan");
  EXPECT_TRUE(ro::parse_state(text).has_value());  // syntax alone is fine
  // A step the plan does not have: both numbers are named.
  std::string far = text;
  const std::size_t step_at = far.find("\nstep ") + 6;
  far.replace(step_at, far.find('\n', step_at) - step_at, "7");
  const auto beyond = ro::parse_state(far, p);
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().code, ro::errc::state_mismatch);
  EXPECT_EQ(beyond.error().position, step_at);
  EXPECT_EQ(beyond.error().message(), "step 7 is beyond the plan's 2 steps");
  EXPECT_EQ(beyond.error().args.number(), 7);
  EXPECT_EQ(beyond.error().args.number2(), 2);
}

TEST(RolloutActions, NoOpTickEmitsNothing) {
  const auto p = canary({ro::steps::set_weight(25), ro::steps::pause()});
  auto s = ro::initial_state(p, "v1");
  auto t = ro::advance(p, s, ro::tick{T0});
  EXPECT_TRUE(t.actions.empty());
  EXPECT_EQ(t.next, s);
  EXPECT_EQ(t.next.phase, ro::state_phase::healthy);
}

TEST(RolloutActions, InPlaceAndByCopyAgree) {
  const auto p = canary({ro::steps::set_weight(25), ro::steps::pause(minutes(10))});
  const auto start = ro::initial_state(p, "v1");
  const ro::event e = ro::new_artifact{T0, "v2"};
  const auto copied = ro::advance(p, start, e);
  ro::state in_place = start;
  const auto actions = ro::advance_in_place(p, in_place, e);
  EXPECT_EQ(in_place, copied.next);
  EXPECT_EQ(actions, copied.actions);
  EXPECT_EQ(texts(actions), (string_list{"deploy_canary", "set_weight 25"}));
  // An empty artifact id is ignored.
  EXPECT_TRUE(ro::advance(p, start, ro::new_artifact{T0, ""}).actions.empty());
}

TEST(RolloutActions, Render) {
  ro::action a;
  a.kind = ro::action_kind::scale_down;
  a.target = ro::artifact_role::previous_stable;
  a.delay = seconds(30);
  EXPECT_EQ(ro::render(a), "scale_down previous_stable after 30s");
  a.kind = ro::action_kind::stop_analysis;
  a.slot = ro::analysis_slot::background;
  EXPECT_EQ(ro::render(a), "stop_analysis background");
  EXPECT_EQ(ro::to_string(ro::state_phase::waiting_promotion), "waiting_promotion");
  EXPECT_EQ(ro::to_string(ro::analysis_phase::inconclusive), "inconclusive");
  EXPECT_EQ(ro::wire_name(ro::analysis_phase::inconclusive), "Inconclusive");
}

// One table per enum: to_string is the snake_case identifier the state text
// uses and parse_<enum> reads back; Argo's names come from wire_name; a
// value outside the enum prints "unknown".
TEST(RolloutEnums, TablesRoundTripAndStrayValuesAreUnknown) {
  for (int i = 0; i < 6; ++i) {
    const auto p = static_cast<ro::analysis_phase>(i);
    EXPECT_EQ(ro::parse_analysis_phase(ro::to_string(p)), p);
  }
  EXPECT_EQ(ro::to_string(ro::analysis_phase::pending), "pending");  // was "Pending"
  EXPECT_EQ(ro::wire_name(ro::analysis_phase::pending), "Pending");
  EXPECT_EQ(ro::parse_analysis_phase("Pending"), std::nullopt);
  EXPECT_EQ(ro::to_string(ro::measurement::successful), "successful");
  EXPECT_EQ(ro::wire_name(ro::measurement::successful), "Successful");
  EXPECT_EQ(ro::parse_measurement("error"), ro::measurement::error);
  EXPECT_EQ(ro::parse_state_phase("waiting_promotion"), ro::state_phase::waiting_promotion);
  EXPECT_EQ(ro::parse_pause_reason("inconclusive_analysis"),
            ro::pause_reason::inconclusive_analysis);
  EXPECT_EQ(ro::parse_analysis_slot("background"), ro::analysis_slot::background);
  EXPECT_EQ(ro::parse_strategy("blue_green"), ro::strategy::blue_green);
  EXPECT_EQ(ro::parse_verdict("marginal"), ro::verdict::marginal);
  EXPECT_EQ(ro::parse_action_kind("scale_down"), ro::action_kind::scale_down);
  EXPECT_EQ(ro::parse_artifact_role("previous_stable"), ro::artifact_role::previous_stable);
  // action_kind and artifact_role: every value round-trips through its table.
  for (int i = 0; i < 10; ++i) {
    const auto k = static_cast<ro::action_kind>(i);
    EXPECT_NE(ro::to_string(k), "unknown");
    EXPECT_EQ(ro::parse_action_kind(ro::to_string(k)), k);
  }
  EXPECT_EQ(ro::to_string(ro::action_kind::post_rollout_hooks), "post_rollout_hooks");
  EXPECT_EQ(ro::parse_action_kind("set_weight 25"), std::nullopt);  // render(action) text
  for (int i = 0; i < 3; ++i) {
    const auto r = static_cast<ro::artifact_role>(i);
    EXPECT_NE(ro::to_string(r), "unknown");
    EXPECT_EQ(ro::parse_artifact_role(ro::to_string(r)), r);
  }
  // Strays: they printed "?", "fail", "background" or "progressive" before.
  EXPECT_EQ(ro::to_string(static_cast<ro::measurement>(99)), "unknown");
  EXPECT_EQ(ro::wire_name(static_cast<ro::measurement>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::analysis_phase>(99)), "unknown");
  EXPECT_EQ(ro::wire_name(static_cast<ro::analysis_phase>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::verdict>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::strategy>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::state_phase>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::pause_reason>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::analysis_slot>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::action_kind>(99)), "unknown");
  EXPECT_EQ(ro::to_string(static_cast<ro::artifact_role>(99)), "unknown");
  EXPECT_EQ(relkit::error_code(static_cast<ro::errc>(99)).name(), "unknown");
  EXPECT_EQ(relkit::to_string(relkit::error_code(ro::errc::state_mismatch)),
            "rollout.state_mismatch");
}

}  // namespace
