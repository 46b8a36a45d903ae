// relkit::rollout plan text (parse_plan): what each directive builds, the
// conditions and how they classify a value, and every error with its code
// and position.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

namespace {

namespace ro = relkit::rollout;
using std::chrono::seconds;

ro::metric_conditions conditions(std::string name, std::optional<ro::condition> success,
                                 std::optional<ro::condition> failure) {
  ro::metric_conditions c;
  c.metric = std::move(name);
  c.success = success;
  c.failure = failure;
  return c;
}

TEST(RolloutPlanText, CanaryStepsAsArgoWritesThem) {
  const auto doc = ro::parse_plan(
      "# a canary\n"
      "strategy canary\n"
      "progressDeadlineSeconds 900\n"
      "progressDeadlineAbort true\n"
      "scaleDownDelaySeconds 60\n"
      "abortScaleDownDelaySeconds 10\n"
      "setWeight 20\n"
      "pause 1h30m   # a comment\n"
      "analysis smoke\n"
      "  metric error-rate count 3 interval 1m failureLimit -1 successCondition <= 0.01\n"
      "  metric p95 inconclusiveLimit 2 consecutiveErrorLimit 0 consecutiveSuccessLimit 2 "
      "dryRun true failureCondition > 300 successCondition < 250\n"
      "setWeight 50\r\n"
      "pause\n"
      "pause 90\n"
      "backgroundAnalysis health startingStep 1 endStep 5\n"
      "\tmetric up interval 5m\n");
  ASSERT_TRUE(doc) << relkit::to_string(doc.error());
  const ro::plan& p = doc->validated;
  ASSERT_EQ(p.strategy(), ro::strategy::canary);
  const auto& c = p.canary();
  ASSERT_EQ(c.steps.size(), 6U);
  EXPECT_EQ(c.steps[0], ro::steps::set_weight(20));
  EXPECT_EQ(c.steps[1], ro::steps::pause(seconds(5400)));
  EXPECT_EQ(c.steps[2].kind, ro::step_kind::analysis);
  EXPECT_EQ(c.steps[3], ro::steps::set_weight(50));
  EXPECT_EQ(c.steps[4], ro::steps::pause());
  EXPECT_EQ(c.steps[5], ro::steps::pause(seconds(90)));
  const ro::analysis_spec& smoke = c.steps[2].analysis;
  EXPECT_EQ(smoke.name, "smoke");
  EXPECT_EQ(smoke.kind, ro::analysis_kind::argo);
  ASSERT_EQ(smoke.metrics.size(), 2U);
  ro::metric error_rate;
  error_rate.name = "error-rate";
  error_rate.count = 3;
  error_rate.interval = seconds(60);
  error_rate.failure_limit = -1;
  EXPECT_EQ(smoke.metrics[0], error_rate);
  ro::metric p95;
  p95.name = "p95";
  p95.inconclusive_limit = 2;
  p95.consecutive_error_limit = 0;
  p95.consecutive_success_limit = 2;
  p95.dry_run = true;
  EXPECT_EQ(smoke.metrics[1], p95);
  ASSERT_TRUE(c.background);
  EXPECT_EQ(c.background->first_step, 1U);
  EXPECT_EQ(c.background->end_step, std::optional<std::size_t>(5));
  EXPECT_EQ(c.background->analysis.name, "health");
  ASSERT_EQ(c.background->analysis.metrics.size(), 1U);
  EXPECT_EQ(c.background->analysis.metrics[0].interval, std::optional<seconds>(seconds(300)));
  ro::settings options;
  options.progress_deadline = seconds(900);
  options.progress_deadline_abort = true;
  options.scale_down_delay = seconds(60);
  options.abort_scale_down_delay = seconds(10);
  EXPECT_EQ(p.options(), options);

  ASSERT_EQ(doc->conditions.size(), 2U);
  EXPECT_EQ(doc->conditions[0].slot, ro::analysis_slot::step);
  EXPECT_EQ(doc->conditions[0].step, 2U);
  EXPECT_EQ(doc->conditions[0].metrics[0],
            conditions("error-rate", ro::condition{ro::comparison::less_equal, 0.01}, {}));
  EXPECT_EQ(doc->conditions[0].metrics[1],
            conditions("p95", ro::condition{ro::comparison::less, 250},
                       ro::condition{ro::comparison::greater, 300}));
  EXPECT_EQ(doc->conditions[1].slot, ro::analysis_slot::background);
  EXPECT_EQ(doc->conditions[1].step, 1U);
  EXPECT_EQ(doc->conditions[1].metrics[0], conditions("up", {}, {}));
  EXPECT_EQ(ro::conditions_at(*doc, ro::analysis_slot::step, 2), &doc->conditions[0]);
  EXPECT_EQ(ro::conditions_at(*doc, ro::analysis_slot::background, 1), &doc->conditions[1]);
  EXPECT_EQ(ro::conditions_at(*doc, ro::analysis_slot::step, 3), nullptr);

  // The same plan built in code has the same fingerprint.
  ro::canary_spec spec = c;
  EXPECT_EQ(ro::make_plan(spec)->fingerprint(), p.fingerprint());
}

TEST(RolloutPlanText, ConditionsClassifyAsArgoAndFlagger) {
  const auto p95 = conditions("p95", ro::condition{ro::comparison::less, 250},
                              ro::condition{ro::comparison::greater, 300});
  EXPECT_EQ(ro::classify(p95, 200), ro::measurement::successful);
  EXPECT_EQ(ro::classify(p95, 270), ro::measurement::inconclusive);  // neither holds
  EXPECT_EQ(ro::classify(p95, 301), ro::measurement::failed);
  EXPECT_EQ(ro::classify(conditions("x", ro::condition{ro::comparison::greater_equal, 1}, {}), 0),
            ro::measurement::failed);
  EXPECT_EQ(ro::classify(conditions("x", {}, ro::condition{ro::comparison::equal, 1}), 0),
            ro::measurement::successful);
  EXPECT_EQ(ro::classify(conditions("x", {}, {}), 0), ro::measurement::successful);
  // Flagger's thresholdRange: min 99 max 500 is success >= 99, failure > 500.
  const auto range = conditions("r", ro::condition{ro::comparison::greater_equal, 99},
                                ro::condition{ro::comparison::greater, 500});
  EXPECT_TRUE(ro::passes(range, 99));
  EXPECT_TRUE(ro::passes(range, 500));
  EXPECT_FALSE(ro::passes(range, 98.9));
  EXPECT_FALSE(ro::passes(range, 500.5));
  EXPECT_TRUE((ro::condition{ro::comparison::not_equal, 1}.holds(2)));
  EXPECT_FALSE((ro::condition{ro::comparison::not_equal, 1}.holds(1)));
  EXPECT_EQ(ro::wire_name(ro::comparison::greater_equal), ">=");
  EXPECT_EQ(ro::parse_wire_comparison("!="), ro::comparison::not_equal);
  EXPECT_EQ(ro::to_string(ro::comparison::less_equal), "less_equal");
  EXPECT_EQ(ro::parse_comparison("equal"), ro::comparison::equal);
}

TEST(RolloutPlanText, BlueGreen) {
  const auto doc = ro::parse_plan(
      "strategy blue_green\n"
      "autoPromotionEnabled false\n"
      "autoPromotionSeconds 30\n"
      "previewReplicaCount 1\n"
      "prePromotionAnalysis smoke\n"
      "  metric success-rate successCondition >= 0.95\n"
      "postPromotionAnalysis canary-score\n"
      "  judge marginal 70 pass 90.5 intervals 3\n");
  ASSERT_TRUE(doc) << relkit::to_string(doc.error());
  const auto& b = doc->validated.blue_green();
  EXPECT_FALSE(b.auto_promotion);
  EXPECT_EQ(b.auto_promotion_delay, seconds(30));
  EXPECT_EQ(b.preview_replicas, 1);
  ASSERT_TRUE(b.pre_promotion);
  EXPECT_EQ(b.pre_promotion->name, "smoke");
  ASSERT_EQ(b.pre_promotion->metrics.size(), 1U);
  ASSERT_TRUE(b.post_promotion);
  EXPECT_EQ(b.post_promotion->kind, ro::analysis_kind::kayenta);
  EXPECT_EQ(b.post_promotion->thresholds, (ro::judge{70, 90.5, 3}));
  ASSERT_EQ(doc->conditions.size(), 2U);
  EXPECT_EQ(doc->conditions[0].step, 0U);
  EXPECT_EQ(doc->conditions[1].step, 2U);
  EXPECT_TRUE(doc->conditions[1].metrics.empty());
}

TEST(RolloutPlanText, Progressive) {
  const auto doc = ro::parse_plan(
      "strategy progressive\n"
      "interval 2m\n"
      "threshold 3\n"
      "stepWeights 5,10 25, 50\n"
      "confirmPromotion true\n"
      "metric request-success-rate min 99\n"
      "metric request-duration max 500 successCondition > 0\n");
  ASSERT_TRUE(doc) << relkit::to_string(doc.error());
  const auto& pr = doc->validated.progressive();
  EXPECT_EQ(pr.interval, seconds(120));
  EXPECT_EQ(pr.threshold, 3U);
  EXPECT_TRUE(pr.confirm_promotion);
  EXPECT_EQ(doc->validated.weights(), (std::vector<std::int32_t>{5, 10, 25, 50}));
  ASSERT_EQ(doc->conditions.size(), 1U);
  EXPECT_EQ(
      doc->conditions[0].metrics[0],
      conditions("request-success-rate", ro::condition{ro::comparison::greater_equal, 99}, {}));
  EXPECT_EQ(doc->conditions[0].metrics[1],
            conditions("request-duration", ro::condition{ro::comparison::greater, 0},
                       ro::condition{ro::comparison::greater, 500}));
  // A progressive plan's checks answer at every step.
  EXPECT_EQ(ro::conditions_at(*doc, ro::analysis_slot::step, 3), &doc->conditions[0]);

  const auto stepped = ro::parse_plan("strategy progressive\nstepWeight 20\nmaxWeight 50\n");
  ASSERT_TRUE(stepped);
  EXPECT_EQ(stepped->validated.weights(), (std::vector<std::int32_t>{20, 40, 60}));
  EXPECT_TRUE(stepped->conditions.empty());
}

struct bad_plan {
  std::string_view text;
  ro::errc code;
  std::size_t position;
  std::string_view message;
};

TEST(RolloutPlanText, ErrorsWithTheirPositions) {
  const bad_plan cases[] = {
      {"", ro::errc::bad_plan_format, 0,
       "expected \"strategy canary\", \"strategy blue_green\" or \"strategy progressive\""},
      {"# nothing\nsetWeight 5\n", ro::errc::bad_plan_format, 10,
       "expected \"strategy canary|blue_green|progressive\" before 'setWeight'"},
      {"strategy rolling\n", ro::errc::bad_plan_format, 9,
       "unknown strategy 'rolling' (canary, blue_green, progressive)"},
      {"strategy canary\nstrategy canary\n", ro::errc::bad_plan_format, 16,
       "'strategy' given twice"},
      {"strategy canary\nsetweight 5\n", ro::errc::bad_plan_format, 16,
       "unknown directive 'setweight'"},
      {"strategy canary\ninterval 1m\n", ro::errc::bad_plan_format, 16,
       "'interval' is not a directive of this strategy"},
      {"strategy canary\nsetWeight\n", ro::errc::bad_plan_format, 16, "'setWeight' needs a value"},
      {"strategy canary\nsetWeight 5 6\n", ro::errc::bad_plan_format, 28, "unexpected '6'"},
      {"strategy canary\nsetWeight five\n", ro::errc::bad_plan_format, 26,
       "expected an integer, got 'five'"},
      {"strategy canary\npause 1d\n", ro::errc::bad_plan_format, 22,
       "expected a duration (30s, 10m, 1h30m or seconds), got '1d'"},
      {"strategy canary\nprogressDeadlineAbort yes\n", ro::errc::bad_plan_format, 38,
       "expected true or false, got 'yes'"},
      {"strategy canary\nscaleDownDelaySeconds 1\nscaleDownDelaySeconds 2\n",
       ro::errc::bad_plan_format, 40, "'scaleDownDelaySeconds' given twice"},
      {"strategy canary\nmetric x\n", ro::errc::bad_plan_format, 16,
       "'metric' outside an analysis (write it below analysis, backgroundAnalysis, "
       "prePromotionAnalysis or postPromotionAnalysis)"},
      {"strategy canary\nanalysis a\nmetric x count\n", ro::errc::bad_plan_format, 36,
       "'count' needs a value"},
      {"strategy canary\nanalysis a\nmetric x size 3\n", ro::errc::bad_plan_format, 36,
       "unknown metric field 'size'"},
      {"strategy canary\nanalysis a\nmetric x successCondition => 1\n", ro::errc::bad_plan_format,
       53, "expected <, <=, >, >=, == or !=, got '=>'"},
      {"strategy canary\nanalysis a\nmetric x successCondition >= high\n",
       ro::errc::bad_plan_format, 56, "expected a number, got 'high'"},
      {"strategy canary\nanalysis a\nmetric x successCondition >=\n", ro::errc::bad_plan_format, 36,
       "'successCondition' needs a value"},
      {"strategy canary\nanalysis a\nmetric x\nmetric x\n", ro::errc::bad_plan_format, 43,
       "metric 'x' given twice in this analysis"},
      {"strategy canary\nanalysis a\njudge pass 90\nmetric x\n", ro::errc::bad_plan_format, 41,
       "'metric' in an analysis that has a judge (metrics or a judge, not both)"},
      {"strategy canary\nanalysis a\njudge ratio 1\n", ro::errc::bad_plan_format, 33,
       "unknown judge field 'ratio' (marginal, pass, intervals)"},
      {"strategy canary\nsetWeight 5\nbackgroundAnalysis b from 1\n", ro::errc::bad_plan_format, 49,
       "unexpected 'from' (startingStep N, endStep N)"},
      {"strategy progressive\nstepWeights 5,x\n", ro::errc::bad_plan_format, 35,
       "expected an integer, got 'x'"},
      {"strategy progressive\nstepWeight 10\nmetric x count 3\n", ro::errc::bad_plan_format, 44,
       "unknown field 'count' of a progressive check (min, max, successCondition, "
       "failureCondition)"},
      // make_plan's errors, at the line they are about.
      {"strategy canary\nsetWeight 5\nsetWeight 120\n", ro::errc::weight_out_of_range, 28,
       "the weight of step 1 is 120, outside 0..100"},
      {"strategy canary\nsetWeight 5\nanalysis smoke\n", ro::errc::analysis_without_metrics, 28,
       "analysis \"smoke\" in step 1 has no metrics"},
      {"strategy canary\nanalysis a\n  metric x count 0\n", ro::errc::bad_count, 16,
       "metric \"x\" in step 0 has count 0 (1..65535)"},
      {"strategy canary\nsetWeight 5\nbackgroundAnalysis b startingStep 3\n metric m\n",
       ro::errc::bad_background_span, 28,
       "background analysis span (first_step 3) is empty or outside the plan's 1 steps"},
      {"strategy canary\nprogressDeadlineSeconds 0\nsetWeight 5\n", ro::errc::bad_duration, 16,
       "progress_deadline is 0s, not above 0s"},
      {"strategy canary\n", ro::errc::empty_plan, 0, "a canary plan needs at least one step"},
      {"strategy blue_green\npostPromotionAnalysis p\n  judge pass 50 marginal 60\n",
       ro::errc::bad_thresholds, 20,
       "analysis \"p\" (post_promotion) needs 0 <= marginal <= pass <= 100 and intervals >= 1"},
      {"strategy progressive\nstepWeights 10,5\n", ro::errc::bad_step_weights, 21,
       "step_weights[1] is 5, not above the weight before it"},
      {"strategy progressive\ninterval 1m\nthreshold 0\nstepWeight 5\n", ro::errc::bad_limit, 33,
       "threshold is 0, below 1"},
      {"strategy progressive\nmaxWeight 101\nstepWeight 5\n", ro::errc::weight_out_of_range, 21,
       "max_weight is 101, outside 1..100"},
  };
  for (const bad_plan& c : cases) {
    const auto doc = ro::parse_plan(c.text);
    ASSERT_FALSE(doc) << c.text;
    EXPECT_EQ(doc.error().code, relkit::error_code(c.code)) << c.text;
    EXPECT_EQ(doc.error().position, c.position) << c.text;
    EXPECT_EQ(doc.error().message(), c.message) << c.text;
  }
}

TEST(RolloutPlanText, Limits) {
  ro::parse_options small;
  small.max_bytes = 10;
  const auto big = ro::parse_plan("strategy canary\nsetWeight 5\n", small);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().position, 10U);
  EXPECT_EQ(big.error().message(), "the plan text is larger than its limit");
  ro::parse_options few;
  few.max_steps = 2;
  const auto many = ro::parse_plan("strategy canary\nsetWeight 5\npause\npause 1\n", few);
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().position, 34U);
  EXPECT_EQ(many.error().message(), "more steps than the limit, at 'pause'");
}

}  // namespace
