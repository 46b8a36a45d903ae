// relkit::gates: the scenarios of research §E (16-23), the canonical
// production gate, every fail-open place of the reference systems, the spec
// format and its errors. Every assertion is on exact text or values.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <relkit/relkit.hpp>

namespace {

namespace g = relkit::gates;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// 2026-11-23T12:00:00Z (a Monday).
const g::time_point noon = g::time_point(seconds(1795435200));

g::time_point utc(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
  const auto days = relkit::detail::days_from_civil(year, month, day);
  return g::time_point(seconds(days * 86400 + hour * 3600 + minute * 60 + second));
}

// Both evaluation modes must agree; returns the explained verdict.
g::verdict judge(const g::gate& gate, const g::evidence& e) {
  g::verdict v = g::evaluate(gate, e);
  EXPECT_EQ(g::check(gate, e), v.result);
  return v;
}

const char* const production_spec = R"(# production gate: every line blocks
all production
  metric coverage >= 80
  metric critical_cves == 0
  metric p95 < +5%
  stages smoke passed
  approvals 1
  no_failure test within 30m
end
)";

g::gate production_gate() {
  using g::comparator;
  using g::reference;
  return g::all_of(
      "production",
      {g::threshold("coverage", {{comparator::ge, 80}}),
       g::threshold("critical_cves", {{comparator::eq, 0}}),
       g::threshold("p95", {{comparator::lt, 5, reference::baseline_percent}}),
       g::stages_passed("smoke"), g::approvals(1), g::no_failure_within("test", minutes(30))});
}

g::evidence passing_evidence() {
  g::evidence e;
  e.now = noon;
  e.author = "ann";
  e.metrics = {{"coverage", 84.2, {}, {}}, {"p95", 212, 205.0, {}}};
  e.counts = {{"critical_cves", 0}};
  e.approvals = {{"bob", noon - minutes(5), g::decision::approve}};
  e.stages = {{"smoke", g::stage_status::passed, noon - minutes(10)},
              {"test", g::stage_status::failed, noon - hours(3)},
              {"test", g::stage_status::passed, noon - hours(1)}};
  return e;
}

g::evidence failing_evidence() {
  g::evidence e = passing_evidence();
  e.metrics = {{"coverage", 79.9, {}, {}}, {"p95", 221, {}, {}}};
  e.counts = {{"critical_cves", 2}};
  e.approvals = {{"ann", noon - minutes(5), g::decision::approve}};
  e.stages.push_back({"smoke", g::stage_status::failed, noon - minutes(9)});
  e.stages.push_back({"test", g::stage_status::failed, noon - minutes(29)});
  return e;
}

TEST(GatesProduction, SpecAndCodeBuildTheSameGate) {
  const auto parsed = g::parse(production_spec);
  ASSERT_TRUE(parsed) << relkit::to_string(parsed.error());
  EXPECT_EQ(*parsed, production_gate());
  EXPECT_EQ(g::to_string(*parsed),
            "all production\n"
            "  metric coverage >= 80\n"
            "  metric critical_cves == 0\n"
            "  metric p95 < +5%\n"
            "  stages smoke passed\n"
            "  approvals 1\n"
            "  no_failure test within 30m\n"
            "end\n");
  EXPECT_TRUE(g::validate(*parsed));
}

TEST(GatesProduction, PassingEvidence) {
  const auto v = judge(production_gate(), passing_evidence());
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_FALSE(v.missing_evidence);
  EXPECT_EQ(g::render(v),
            "PASS all_of production: 6 of 6 passed\n"
            "  PASS coverage 84.2 >= 80\n"
            "  PASS critical_cves 0 == 0\n"
            "  PASS p95 212 < 215.25 (baseline 205 +5%)\n"
            "  PASS smoke 1 of 1 passed\n"
            "  PASS approvals 1 of 1 required (bob)\n"
            "  PASS test last failed at 2026-11-23T09:00:00Z, 3h before now "
            "(required no failure within 30m)\n");
  EXPECT_EQ(g::render(v, {g::render_format::markdown}),
            "- **PASS** `all_of production: 6 of 6 passed`\n"
            "  - **PASS** `coverage 84.2 >= 80`\n"
            "  - **PASS** `critical_cves 0 == 0`\n"
            "  - **PASS** `p95 212 < 215.25 (baseline 205 +5%)`\n"
            "  - **PASS** `smoke 1 of 1 passed`\n"
            "  - **PASS** `approvals 1 of 1 required (bob)`\n"
            "  - **PASS** `test last failed at 2026-11-23T09:00:00Z, 3h before now "
            "(required no failure within 30m)`\n");
  EXPECT_TRUE(g::promotes(v.result));
}

TEST(GatesProduction, FailingEvidence) {
  const auto v = judge(production_gate(), failing_evidence());
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(g::render(v),
            "FAIL all_of production: 0 of 6 passed, 1 pending, 5 failed\n"
            "  FAIL coverage 79.9 < 80 (required >= 80)\n"
            "  FAIL critical_cves 2 > 0 (required == 0)\n"
            "  FAIL p95 221, baseline missing (required < baseline +5%)\n"
            "  FAIL smoke 1 of 2 passed, 1 failed (required all passed)\n"
            "  PENDING approvals 0 of 1 required (self-approval by ann not counted)\n"
            "  FAIL test failed at 2026-11-23T11:31:00Z, 29m before now "
            "(required no failure within 30m)\n");
  EXPECT_FALSE(g::promotes(v.result));
}

// §E 18: all{coverage>=80, critical_cves==0, p95 < baseline*1.05}.
TEST(GatesScenario18, CoverageJustBelowAndMissingP95) {
  const auto gate = g::parse(
      "all\n  metric coverage >= 80\n  metric critical_cves == 0\n  metric p95 < *1.05\nend\n");
  ASSERT_TRUE(gate);
  g::evidence e;
  e.metrics = {{"coverage", 79.9, {}, {}}, {"p95", 100, 100.0, {}}};
  e.counts = {{"critical_cves", 0}};
  auto v = judge(*gate, e);
  EXPECT_EQ(g::render(v),
            "FAIL all_of: 2 of 3 passed, 1 failed\n"
            "  FAIL coverage 79.9 < 80 (required >= 80)\n"
            "  PASS critical_cves 0 == 0\n"
            "  PASS p95 100 < 105 (baseline 100 * 1.05)\n");
  e.metrics = {{"coverage", 80, {}, {}}};
  v = judge(*gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(v.reasons[2].line, "p95 missing (required < baseline * 1.05)");
  EXPECT_EQ(v.reasons[0].line, "coverage 80 >= 80");
}

// §E 19: optional members cannot be built; not(missing) still fails.
TEST(GatesScenario19, AllowFailureIsRejectedAndNotOfMissingFails) {
  const auto spec = g::parse("all\n  metric coverage >= 80 allow_failure\nend\n");
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code, g::errc::optional_not_allowed);
  EXPECT_EQ(spec.error().position, 28u);
  EXPECT_EQ(spec.error().message(),
            "'allow_failure' is not allowed: every gate member blocks, none can be optional");
  for (const char* word : {"optional", "skip", "continue-on-error", "manual"}) {
    const auto other = g::parse(std::string("approvals 1 ") + word);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, g::errc::optional_not_allowed) << word;
    EXPECT_EQ(other.error().position, 12u);
  }
  const auto negated = g::not_(g::threshold("integration_failures", {{g::comparator::gt, 0}}));
  const auto v = judge(negated, g::evidence{});
  EXPECT_EQ(g::render(v),
            "FAIL not: member lacks evidence (fails closed)\n"
            "  FAIL integration_failures missing (required > 0)\n");
  g::evidence e;
  e.metrics = {{"integration_failures", 0, {}, {}}};
  EXPECT_EQ(judge(negated, e).result, g::outcome::pass);
  e.metrics[0].value = 3;
  EXPECT_EQ(judge(negated, e).result, g::outcome::fail);
}

// §E 20: two distinct approvers, self-approval banned, duplicates once, any reject vetoes.
TEST(GatesScenario20, Approvals) {
  const auto gate = *g::parse("approvals 2");
  g::evidence e;
  e.author = "ann";
  e.approvals = {{"ann", noon, g::decision::approve}, {"bob", noon, g::decision::approve}};
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pending);
  EXPECT_EQ(v.line, "approvals 1 of 2 required (bob; self-approval by ann not counted)");
  e.approvals.push_back({"bob", noon + minutes(1), g::decision::approve});
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pending);
  EXPECT_EQ(v.line, "approvals 1 of 2 required (bob; self-approval by ann not counted)");
  e.approvals.push_back({"carol", noon, g::decision::approve});
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line, "approvals 2 of 2 required (bob, carol; self-approval by ann not counted)");
  e.approvals.push_back({"dave", noon, g::decision::reject});
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "approvals rejected by dave (any rejection vetoes)");
}

TEST(GatesScenario20, SelfApprovalOptInAndUnknownAuthor) {
  auto gate = g::approvals(1);
  g::evidence e;
  e.approvals = {{"ann", noon, g::decision::approve}};
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(v.line, "approvals author missing (needed to exclude self-approval)");
  gate = *g::parse("approvals 1 allow_self");
  EXPECT_TRUE(gate.allow_self_approval);
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line, "approvals 1 of 1 required (ann)");
}

// §E 21: "no failed test stage in the last 30 min" at 12:00. The window is
// closed: a failure exactly 30 min before now still fails.
TEST(GatesScenario21, RecentFailureBoundaries) {
  const auto gate = *g::parse("no_failure test within 30m");
  g::evidence e;
  e.now = noon;
  const auto at = [&](g::time_point t) {
    e.stages = {{"test", g::stage_status::failed, t}};
    return judge(gate, e);
  };
  auto v = at(noon - minutes(30) + seconds(1));
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line,
            "test failed at 2026-11-23T11:30:01Z, 29m59s before now "
            "(required no failure within 30m)");
  v = at(noon - minutes(30));
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line,
            "test failed at 2026-11-23T11:30:00Z, 30m before now (required no failure within 30m)");
  v = at(noon - minutes(30) - seconds(1));
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line,
            "test last failed at 2026-11-23T11:29:59Z, 30m1s before now "
            "(required no failure within 30m)");
  v = at(noon + minutes(2));  // stamped after now: clock skew is not a pass
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line,
            "test failed at 2026-11-23T12:02:00Z, 2m after now (required no failure within 30m)");
  e.stages = {{"test", g::stage_status::passed, noon - minutes(1)}};
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line, "test no failure recorded (required no failure within 30m)");
  e.stages.clear();
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "test no results (required no failure within 30m)");
  e.stages = {{"test", g::stage_status::passed, noon}};
  e.now.reset();
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "test evaluation time missing (required no failure within 30m)");
}

// §E 22: allow Mon-Fri 09:00-17:00 Europe/Berlin, deny 24 Dec - 2 Jan.
const char* const berlin_windows = R"(windows deploy
  allow mon-fri 09:00-17:00 +01:00 dst eu
  deny 12-24..01-02 +01:00 dst eu
end
)";

g::verdict at_time(const g::gate& gate, g::time_point now) {
  g::evidence e;
  e.now = now;
  return judge(gate, e);
}

TEST(GatesScenario22, DeployWindows) {
  const auto gate = g::parse(berlin_windows);
  ASSERT_TRUE(gate) << relkit::to_string(gate.error());
  // Tue 2026-11-24 10:00 CET = 09:00Z.
  auto v = at_time(*gate, utc(2026, 11, 24, 9, 0));
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line,
            "deploy open: allow mon-fri 09:00-17:00 +01:00 dst eu "
            "(local tue 2026-11-24 10:00 +01:00)");
  v = at_time(*gate, utc(2026, 11, 24, 17, 0));  // 18:00 CET
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "deploy closed: no allow window open (local tue 2026-11-24 18:00 +01:00)");
  v = at_time(*gate, utc(2026, 11, 24, 16, 0));  // 17:00 CET: the end is exclusive
  EXPECT_EQ(v.result, g::outcome::fail);
  v = at_time(*gate, utc(2026, 11, 24, 7, 59));  // 08:59 CET
  EXPECT_EQ(v.result, g::outcome::fail);
  // Tue 2026-12-29 10:00 CET: inside the allow window and the deny period.
  v = at_time(*gate, utc(2026, 12, 29, 9, 0));
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line,
            "deploy closed: deny 12-24..01-02 +01:00 dst eu active "
            "(local tue 2026-12-29 10:00 +01:00)");
  // The deny period wraps New Year and ends with 2 Jan (inclusive).
  EXPECT_EQ(at_time(*gate, utc(2027, 1, 1, 9, 0)).result, g::outcome::fail);
  EXPECT_EQ(at_time(*gate, utc(2027, 1, 4, 9, 0)).result, g::outcome::pass);  // Mon 4 Jan
  EXPECT_EQ(at_time(*gate, utc(2026, 12, 23, 9, 0)).result, g::outcome::pass);
  EXPECT_EQ(at_time(*gate, utc(2026, 12, 23, 23, 0)).result, g::outcome::fail);  // 24 Dec 00:00
}

TEST(GatesScenario22, DaylightSavingTransition) {
  const auto gate = *g::parse(berlin_windows);
  // Summer time 2026 begins Sun 29 Mar 01:00Z. On Mon 30 Mar 09:00 CEST = 07:00Z.
  auto v = at_time(gate, utc(2026, 3, 30, 7, 0));
  EXPECT_EQ(v.result, g::outcome::pass);
  EXPECT_EQ(v.line,
            "deploy open: allow mon-fri 09:00-17:00 +01:00 dst eu "
            "(local mon 2026-03-30 09:00 +02:00)");
  // The Monday before, 07:00Z is 08:00 CET: closed.
  v = at_time(gate, utc(2026, 3, 23, 7, 0));
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "deploy closed: no allow window open (local mon 2026-03-23 08:00 +01:00)");
  // 15:30Z is 16:30 CET (open) in winter and 17:30 CEST (closed) in summer.
  EXPECT_EQ(at_time(gate, utc(2026, 3, 27, 15, 30)).result, g::outcome::pass);
  EXPECT_EQ(at_time(gate, utc(2026, 3, 30, 15, 30)).result, g::outcome::fail);
  // Summer time ends Sun 25 Oct 2026 01:00Z; Mon 26 Oct 08:30Z is 09:30 CET.
  EXPECT_EQ(at_time(gate, utc(2026, 10, 26, 8, 30)).result, g::outcome::pass);
  EXPECT_EQ(at_time(gate, utc(2026, 10, 23, 7, 30)).result, g::outcome::pass);  // 09:30 CEST
  EXPECT_EQ(at_time(gate, utc(2026, 10, 26, 7, 30)).result, g::outcome::fail);  // 08:30 CET
}

TEST(GatesWindows, UsRuleOvernightAndDatedRanges) {
  // New York: standard -05:00; 2026 DST from Sun 8 Mar 07:00Z to Sun 1 Nov 06:00Z.
  const auto gate = *g::parse(
      "windows night\n  allow daily 22:00-06:00 -05:00 dst us\n"
      "  deny 2026-07-03..2026-07-05 -05:00 dst us\nend\n");
  EXPECT_EQ(
      at_time(gate, utc(2026, 3, 8, 6, 59)).line,
      "night open: allow mon-sun 22:00-06:00 -05:00 dst us (local sun 2026-03-08 01:59 -05:00)");
  EXPECT_EQ(
      at_time(gate, utc(2026, 3, 8, 7, 0)).line,
      "night open: allow mon-sun 22:00-06:00 -05:00 dst us (local sun 2026-03-08 03:00 -04:00)");
  EXPECT_EQ(at_time(gate, utc(2026, 3, 8, 10, 0)).result, g::outcome::fail);  // 06:00 EDT
  EXPECT_EQ(at_time(gate, utc(2026, 7, 4, 3, 0)).result, g::outcome::fail);   // denied date
  EXPECT_EQ(at_time(gate, utc(2026, 7, 7, 3, 0)).result, g::outcome::pass);
  EXPECT_EQ(
      at_time(gate, utc(2026, 11, 1, 5, 59)).line,
      "night open: allow mon-sun 22:00-06:00 -05:00 dst us (local sun 2026-11-01 01:59 -04:00)");
  EXPECT_EQ(
      at_time(gate, utc(2026, 11, 1, 6, 0)).line,
      "night open: allow mon-sun 22:00-06:00 -05:00 dst us (local sun 2026-11-01 01:00 -05:00)");
  EXPECT_EQ(at_time(gate, g::time_point{}).line,
            "night closed: no allow window open (local wed 1969-12-31 19:00 -05:00)");
  g::evidence no_time;
  const auto v = judge(gate, no_time);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "night evaluation time missing (required an open deploy window)");
}

// §E 23: Keptn objectives, weights 1, 1, 2; pass, warning, fail.
TEST(GatesScenario23, KeptnScore) {
  const auto gate = g::parse(R"(score slo pass 90 warn 75
  metric response_time <= 300 warn <= 500
  metric error_rate <= 1 warn <= 2
  metric throughput >= 100 weight 2
end
)");
  ASSERT_TRUE(gate) << relkit::to_string(gate.error());
  g::evidence e;
  e.metrics = {
      {"response_time", 250, {}, {}}, {"error_rate", 1.5, {}, {}}, {"throughput", 90, {}, {}}};
  auto v = judge(*gate, e);
  EXPECT_EQ(g::render(v),
            "FAIL score slo 37.5 < 75 (pass >= 90, warn >= 75)\n"
            "  PASS response_time 250 <= 300 [weight 1 -> 1]\n"
            "  WARN error_rate 1.5 > 1 (required <= 1; warning <= 2) [weight 1 -> 0.5]\n"
            "  FAIL throughput 90 < 100 (required >= 100) [weight 2 -> 0]\n");
  e.metrics[2].value = 120;
  v = judge(*gate, e);
  EXPECT_EQ(v.result, g::outcome::warn);
  EXPECT_EQ(v.line, "score slo 87.5 < 90 (pass >= 90, warn >= 75)");
  e.metrics[1].value = 0.5;
  EXPECT_EQ(judge(*gate, e).line, "score slo 100 >= 90 (pass >= 90, warn >= 75)");
}

TEST(GatesScenario23, FailedKeySliFailsWhateverTheScore) {
  const auto gate = *g::parse(R"(score pass 90 warn 75
  metric response_time <= 300
  metric error_rate <= 1 key
  metric a >= 0
  metric b >= 0
  metric c >= 0
  metric d >= 0
  metric e >= 0
  metric f >= 0
  metric g >= 0
  metric h >= 0
end
)");
  g::evidence e;
  e.metrics = {{"response_time", 250, {}, {}}, {"error_rate", 3, {}, {}}};
  for (const char* name : {"a", "b", "c", "d", "e", "f", "g", "h"})
    e.metrics.push_back({name, 1, {}, {}});
  const auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "score 90, key objective error_rate failed (pass >= 90, warn >= 75)");
  EXPECT_EQ(v.reasons[1].line, "error_rate 3 > 1 (required <= 1) [key, weight 1 -> 0]");
}

TEST(GatesScenario23, KeptnRelativePercentAndNoBaseline) {
  const auto gate = *g::parse("metric response_time <=+10% baseline avg");
  g::evidence e;
  e.metrics = {{"response_time", 221, {}, {190, 200, 210}}};
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "response_time 221 > 220 (required <= 220: baseline 200 +10%)");
  e.metrics[0].value = 220;
  EXPECT_EQ(judge(gate, e).line, "response_time 220 <= 220 (baseline 200 +10%)");
  // Keptn: no previous results -> the relative criterion counts as met. relkit fails closed.
  e.metrics[0].baseline_samples.clear();
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(v.line, "response_time 220, baseline missing (required <= baseline +10%)");
}

// §E 16: Kayenta groups {latency: 60, errors: 40}; nested scores contribute their value.
TEST(GatesScenario16, KayentaWeightedGroups) {
  const auto gate = g::parse(R"(score canary pass 95 warn 75
  score latency pass 100 warn 50 weight 60
    metric p50 <= +10%
    metric p90 <= +10%
    metric p95 <= +10%
    metric p99 <= +10%
  end
  score errors pass 100 warn 50 weight 40
    metric error_rate <= +0
  end
end
)");
  ASSERT_TRUE(gate) << relkit::to_string(gate.error());
  g::evidence e;
  e.metrics = {{"p50", 100, 100.0, {}},
               {"p90", 105, 100.0, {}},
               {"p95", 150, 100.0, {}},
               {"p99", 300, 100.0, {}},
               {"error_rate", 0, 0.0, {}}};
  auto v = judge(*gate, e);
  EXPECT_EQ(g::render(v),
            "FAIL score canary 70 < 75 (pass >= 95, warn >= 75)\n"
            "  WARN score latency 50 < 100 (pass >= 100, warn >= 50) [weight 60 -> 30]\n"
            "    PASS p50 100 <= 110 (baseline 100 +10%) [weight 1 -> 1]\n"
            "    PASS p90 105 <= 110 (baseline 100 +10%) [weight 1 -> 1]\n"
            "    FAIL p95 150 > 110 (required <= 110: baseline 100 +10%) [weight 1 -> 0]\n"
            "    FAIL p99 300 > 110 (required <= 110: baseline 100 +10%) [weight 1 -> 0]\n"
            "  PASS score errors 100 >= 100 (pass >= 100, warn >= 50) [weight 40 -> 40]\n"
            "    PASS error_rate 0 <= 0 (baseline 0 +0) [weight 1 -> 1]\n");
  // A critical metric that is High: a key objective vetoes the whole score.
  auto critical = *gate;
  critical.children[1].key = true;
  critical.children[1].children[0].key = true;
  e.metrics[4].value = 0.2;
  v = judge(critical, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "score canary 30, key objective errors failed (pass >= 95, warn >= 75)");
}

// §E 17: Kayenta interval scores with marginal 75, pass 95.
TEST(GatesScenario17, IntervalJudgement) {
  EXPECT_EQ(g::judge_intervals({80, 90, 96}, 75, 95), (g::interval_judgement{g::outcome::pass, 3}));
  EXPECT_EQ(g::judge_intervals({80, 75, 99}, 75, 95), (g::interval_judgement{g::outcome::fail, 2}));
  EXPECT_EQ(g::judge_intervals({80, 90, 94}, 75, 95), (g::interval_judgement{g::outcome::fail, 3}));
  EXPECT_EQ(g::judge_intervals({}, 75, 95), (g::interval_judgement{g::outcome::fail, 0}));
}

// One judge for gates and rollout (relkit/gates/kayenta.hpp): NaN fails
// closed, a score equal to pass passes, an intermediate score equal to
// marginal stops the analysis.
TEST(GatesKayenta, NanNeverPasses) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // rollout's old judge passed {NaN, 99}: an intermediate NaN now stops at once.
  EXPECT_EQ(g::judge_intervals({nan, 99}, 75, 95), (g::interval_judgement{g::outcome::fail, 1}));
  EXPECT_EQ(g::judge_intervals({80, nan}, 75, 95), (g::interval_judgement{g::outcome::fail, 2}));
  EXPECT_EQ(g::judge_intervals({nan}, 75, 95), (g::interval_judgement{g::outcome::fail, 1}));
  EXPECT_EQ(g::judge_interval(nan, false, 75, 95), g::outcome::fail);
  EXPECT_EQ(g::judge_interval(nan, true, 75, 95), g::outcome::fail);
}

TEST(GatesKayenta, Boundaries) {
  // score == pass passes; just below fails.
  EXPECT_EQ(g::judge_intervals({95}, 75, 95), (g::interval_judgement{g::outcome::pass, 1}));
  EXPECT_EQ(g::judge_intervals({94.99}, 75, 95), (g::interval_judgement{g::outcome::fail, 1}));
  // An intermediate score == marginal stops; just above continues.
  EXPECT_EQ(g::judge_intervals({75, 99}, 75, 95), (g::interval_judgement{g::outcome::fail, 1}));
  EXPECT_EQ(g::judge_intervals({75.01, 99}, 75, 95), (g::interval_judgement{g::outcome::pass, 2}));
  // marginal == pass == 80: the two old judges disagreed on a single 80. The
  // last interval is judged against pass only (Kayenta), not against marginal.
  EXPECT_EQ(g::judge_intervals({80}, 80, 80), (g::interval_judgement{g::outcome::pass, 1}));
  EXPECT_EQ(g::judge_intervals({80, 80}, 80, 80), (g::interval_judgement{g::outcome::fail, 1}));
  EXPECT_EQ(g::judge_intervals({81, 80}, 80, 80), (g::interval_judgement{g::outcome::pass, 2}));
}

// The reference systems' fail-open places, each with relkit's fail-closed answer.
TEST(GatesFailClosed, KeptnNoBaselineYet) {
  const auto gate = *g::parse("metric p95 < +5%");
  g::evidence e;
  e.metrics = {{"p95", 120, {}, {}}};
  EXPECT_EQ(judge(gate, e).result, g::outcome::fail);
  e.metrics[0].baseline_samples = {100, std::nan("")};  // a broken sample is no baseline
  EXPECT_EQ(judge(gate, e).result, g::outcome::fail);
  e.metrics[0].value = std::nan("");
  e.metrics[0].baseline = 100;
  const auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line, "p95 is not a finite number (required < baseline +5%)");
}

TEST(GatesFailClosed, GitLabFreezeIsAlwaysChecked) {
  // GitLab: $CI_DEPLOY_FREEZE blocks only if a rules: entry checks it. In relkit
  // a windows member is evaluated whenever the gate is, and without a time it fails.
  const auto gate = g::all_of(
      {g::approvals(1),
       g::deploy_windows("freeze",
                         {g::window{g::window_effect::deny, 0, 0, 1440, g::month_day{0, 12, 24},
                                    g::month_day{0, 1, 2}, 0, g::dst_rule::none}})});
  g::evidence e;
  e.author = "ann";
  e.approvals = {{"bob", noon, g::decision::approve}};
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.reasons[1].line, "freeze evaluation time missing (required an open deploy window)");
  e.now = utc(2026, 12, 25, 12, 0);
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.reasons[1].line,
            "freeze closed: deny 12-24..01-02 +00:00 active (local fri 2026-12-25 12:00 +00:00)");
  e.now = noon;
  EXPECT_EQ(judge(gate, e).result, g::outcome::pass);
}

TEST(GatesFailClosed, TimeoutNeverApproves) {
  // Codefresh can approve on timeout; Spinnaker's judgment waits 3 days. relkit: fail.
  const auto gate = *g::parse("approvals 2 timeout 2h");
  EXPECT_EQ(gate.timeout, std::chrono::seconds(7200));
  g::evidence e;
  e.author = "ann";
  e.approvals = {{"bob", noon, g::decision::approve}};
  e.now = noon;
  e.approval_requested_at = noon - hours(1) - minutes(59);
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::pending);
  EXPECT_EQ(v.line, "approvals 1 of 2 required (bob)");
  e.approval_requested_at = noon - hours(2);
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_EQ(v.line,
            "approvals 1 of 2 required (bob), timed out after 2h (a timeout never approves)");
  e.approval_requested_at.reset();
  v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(v.line,
            "approvals 1 of 2 required (bob), approval request time missing "
            "(a timeout never approves)");
}

TEST(GatesFailClosed, SonarFudgeFactorAndSkippedStagesNeverPass) {
  // SonarQube skips coverage on fewer than 20 new lines; relkit has no skip: no value, no pass.
  EXPECT_EQ(judge(*g::parse("metric new_coverage >= 80"), g::evidence{}).line,
            "new_coverage missing (required >= 80)");
  const auto smoke = g::stages_passed("smoke");
  g::evidence e;
  e.stages = {{"smoke", g::stage_status::skipped, noon}};
  EXPECT_EQ(judge(smoke, e).line,
            "smoke 0 of 1 passed, 1 skipped or canceled (required all passed)");
  e.stages = {{"smoke", g::stage_status::passed, noon}, {"smoke", g::stage_status::running, noon}};
  auto v = judge(smoke, e);
  EXPECT_EQ(v.result, g::outcome::pending);
  EXPECT_EQ(v.line, "smoke 1 of 2 passed, 1 running");
  e.stages.clear();
  v = judge(smoke, e);
  EXPECT_TRUE(v.missing_evidence);
  EXPECT_EQ(v.line, "smoke no results (required all passed)");
}

TEST(GatesFailClosed, DegenerateGatesCannotPassVacuously) {
  EXPECT_EQ(judge(g::all_of({}), g::evidence{}).line,
            "invalid gate: a group needs at least one member");
  EXPECT_EQ(judge(g::any_of({}), g::evidence{}).result, g::outcome::fail);
  EXPECT_EQ(judge(g::score("s", 0, 0, {g::stages_passed("x")}), g::evidence{}).line,
            "invalid gate: pass score must be in (0, 100]");
  EXPECT_EQ(judge(g::approvals(0), g::evidence{}).line,
            "invalid gate: approvals must require at least 1");
  const auto zero_weight = g::score("s", 90, 75, {g::weighted(g::stages_passed("x"), 0)});
  EXPECT_EQ(judge(zero_weight, g::evidence{}).reasons[0].line.substr(0, 50),
            "invalid gate: weight must be a finite number above");
  const auto checked = g::validate(g::all_of({g::all_of({})}));
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, g::errc::invalid_gate);
  EXPECT_EQ(checked.error().position, relkit::no_position);
  EXPECT_EQ(checked.error().message(), "a group needs at least one member");
  const auto parsed = g::parse("all\nend\n");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, g::errc::invalid_gate);
  EXPECT_EQ(parsed.error().position, 0u);
  EXPECT_EQ(parsed.error().message(), "a group needs at least one member");
  const auto weightless = g::parse("score pass 90 warn 75\n  metric x >= 1 weight 0\nend");
  ASSERT_FALSE(weightless);
  EXPECT_EQ(weightless.error().code, g::errc::bad_number);
  EXPECT_EQ(weightless.error().position, 45u);
}

TEST(GatesConditions, AllSixComparators) {
  g::evidence e;
  e.metrics = {{"x", 5, {}, {}}};
  const auto line = [&](g::comparator op, double target) {
    return judge(g::threshold("x", {{op, target}}), e);
  };
  EXPECT_EQ(line(g::comparator::lt, 6).line, "x 5 < 6");
  EXPECT_EQ(line(g::comparator::lt, 5).line, "x 5 == 5 (required < 5)");
  EXPECT_EQ(line(g::comparator::le, 5).line, "x 5 <= 5");
  EXPECT_EQ(line(g::comparator::le, 4).line, "x 5 > 4 (required <= 4)");
  EXPECT_EQ(line(g::comparator::eq, 5).line, "x 5 == 5");
  EXPECT_EQ(line(g::comparator::eq, 4.5).line, "x 5 > 4.5 (required == 4.5)");
  EXPECT_EQ(line(g::comparator::ne, 4).line, "x 5 != 4");
  EXPECT_EQ(line(g::comparator::ne, 5).line, "x 5 == 5 (required != 5)");
  EXPECT_EQ(line(g::comparator::ge, 5).line, "x 5 >= 5");
  EXPECT_EQ(line(g::comparator::ge, 6).line, "x 5 < 6 (required >= 6)");
  EXPECT_EQ(line(g::comparator::gt, 4).line, "x 5 > 4");
  EXPECT_EQ(line(g::comparator::gt, 5).line, "x 5 == 5 (required > 5)");
  EXPECT_EQ(line(g::comparator::gt, 5).result, g::outcome::fail);
}

TEST(GatesConditions, RelativeTargetsAreSignAware) {
  g::evidence e;
  e.metrics = {{"m", 0, -200.0, {}}};
  const auto target_line = [&](const char* spec, double value) {
    e.metrics[0].value = value;
    return judge(*g::parse(spec), e).line;
  };
  // +10% of a negative baseline is still higher: -200 + 20 = -180.
  EXPECT_EQ(target_line("metric m <= +10%", -185), "m -185 <= -180 (baseline -200 +10%)");
  EXPECT_EQ(target_line("metric m >= -5%", -215),
            "m -215 < -210 (required >= -210: baseline -200 -5%)");
  EXPECT_EQ(target_line("metric m > -5", -204), "m -204 > -205 (baseline -200 -5)");
  EXPECT_EQ(target_line("metric m <= 10%", -190), "m -190 <= -180 (baseline -200 +10%)");
  EXPECT_EQ(target_line("metric m < *1.05", -195), "m -195 < -190 (baseline -200 * 1.05)");
  EXPECT_EQ(target_line("metric m >= (-3)", -2), "m -2 >= -3");
}

TEST(GatesConditions, BaselineAggregatesAndPrecedence) {
  g::evidence e;
  e.metrics = {{"lat", 100, {}, {50, 10, 40, 30, 20, 90, 60, 80, 70, 100}}};
  EXPECT_EQ(judge(*g::parse("metric lat <= +0 baseline p50"), e).line,
            "lat 100 > 50 (required <= 50: baseline 50 +0)");
  EXPECT_EQ(judge(*g::parse("metric lat <= +0 baseline p90"), e).line,
            "lat 100 > 90 (required <= 90: baseline 90 +0)");
  EXPECT_EQ(judge(*g::parse("metric lat <= +0 baseline p95"), e).line,
            "lat 100 <= 100 (baseline 100 +0)");
  EXPECT_EQ(judge(*g::parse("metric lat <= +0"), e).line,
            "lat 100 > 55 (required <= 55: baseline 55 +0)");
  e.metrics[0].baseline = 120;  // an explicit baseline wins over samples
  EXPECT_EQ(judge(*g::parse("metric lat <= +0 baseline p50"), e).line,
            "lat 100 <= 120 (baseline 120 +0)");
}

TEST(GatesConditions, MultipleCriteriaAndWarnTier) {
  const auto gate = *g::parse("metric p95 <=+10% < 600 warn <=+20% baseline avg");
  g::evidence e;
  e.metrics = {{"p95", 210, 200.0, {}}};
  EXPECT_EQ(judge(gate, e).line, "p95 210 <= 220 (baseline 200 +10%), < 600");
  e.metrics[0].value = 230;
  auto v = judge(gate, e);
  EXPECT_EQ(v.result, g::outcome::warn);
  EXPECT_EQ(v.line,
            "p95 230 > 220 (required <= 220: baseline 200 +10% and < 600; warning <= 240: "
            "baseline 200 +20%)");
  e.metrics[0].value = 241;
  EXPECT_EQ(judge(gate, e).result, g::outcome::fail);
  EXPECT_EQ(g::to_string(gate), "metric p95 <= +10% < 600 warn <= +20%\n");
}

TEST(GatesComposition, AnyOfAndNot) {
  const auto gate = *g::parse(R"(any release-path
  all canary
    metric canary_score >= 95
  end
  approvals 2
end
)");
  g::evidence e;
  e.author = "ann";
  e.metrics = {{"canary_score", 90, {}, {}}};
  e.approvals = {{"bob", noon, g::decision::approve}};
  auto v = judge(gate, e);
  EXPECT_EQ(g::render(v),
            "PENDING any_of release-path: 0 of 2 passed, 1 pending, 1 failed\n"
            "  FAIL all_of canary: 0 of 1 passed, 1 failed\n"
            "    FAIL canary_score 90 < 95 (required >= 95)\n"
            "  PENDING approvals 1 of 2 required (bob)\n");
  e.metrics[0].value = 97;
  EXPECT_EQ(judge(gate, e).line, "any_of release-path: 1 of 2 passed, 1 pending");
  EXPECT_EQ(judge(g::not_(g::approvals(2)), e).line, "not: member pending");
  EXPECT_EQ(judge(g::not_(g::threshold("canary_score", {{g::comparator::ge, 95}})), e).line,
            "not: member passed");
}

TEST(GatesSpec, ErrorsNamePositions) {
  struct bad {
    const char* spec;
    g::errc code;
    std::size_t position;
    const char* message;
  };
  const bad cases[] = {
      {"", g::errc::empty_spec, 0, "expected a gate, found no content"},
      {"metric", g::errc::unexpected_end, 6, "expected a metric name after 'metric'"},
      {"metric x", g::errc::unexpected_end, 8,
       "expected a criterion such as '>= 80' or '<=+10%' after 'x'"},
      {"metric x >= abc", g::errc::bad_number, 12,
       "expected a number, +N, -N, N%, +N%, -N%, *N or (N), found 'abc'"},
      {"metric x >=inf", g::errc::bad_number, 11,
       "expected a number, +N, -N, N%, +N%, -N%, *N or (N), found 'inf'"},
      {"metric x => 3", g::errc::bad_number, 10,
       "expected a number, +N, -N, N%, +N%, -N%, *N or (N), found '>'"},
      {"metric x! >= 3", g::errc::bad_name, 7,
       "expected a metric name of [A-Za-z0-9_.:/-], found 'x!'"},
      {"all\n  metric x >= 1\n", g::errc::unclosed_group, 20,
       "expected 'end' for 'all' opened at 0"},
      {"gate x", g::errc::unexpected_token, 0,
       "expected metric, approvals, stages, no_failure, windows, all, any, not or score, found "
       "'gate'"},
      {"no_failure test within 30x", g::errc::bad_duration, 23,
       "expected a duration such as 30m, 2h or 1h30m, found '30x'"},
      {"windows w\n  allow mon-fry 09:00-17:00\nend", g::errc::bad_window, 18,
       "expected days such as mon-fri, sat,sun or daily, found 'mon-fry'"},
      {"windows w\n  allow mon 09:00-09:00\nend", g::errc::bad_window, 22,
       "expected a time range such as 09:00-17:00, found '09:00-09:00'"},
      {"windows w\n  deny 12-24..2027-01-02\nend", g::errc::bad_window, 17,
       "expected a date range MM-DD..MM-DD or YYYY-MM-DD..YYYY-MM-DD, found "
       "'12-24..2027-01-02'"},
      {"score pass 90\n  metric x >= 1\nend", g::errc::unexpected_end, 13,
       "expected 'warn' after '90'"},
      {"approvals 1\napprovals 2", g::errc::unexpected_token, 12,
       "expected end of input after the root gate, found 'approvals'"},
      {"metric x !3", g::errc::bad_comparator, 9, "expected one of < <= == != >= >, found '!3'"},
      {"approvals 1 optional", g::errc::optional_not_allowed, 12,
       "'optional' is not allowed: every gate member blocks, none can be optional"},
      {"all\nend\n", g::errc::invalid_gate, 0, "a group needs at least one member"},
      {"metric x >= 1 weight 0", g::errc::bad_number, 21, "expected a weight above 0, found '0'"},
  };
  for (const auto& c : cases) {
    const auto parsed = g::parse(c.spec);
    ASSERT_FALSE(parsed) << c.spec;
    EXPECT_EQ(parsed.error().code, c.code) << c.spec;
    EXPECT_EQ(parsed.error().position, c.position) << c.spec;
    EXPECT_EQ(parsed.error().message(), c.message) << c.spec;
  }
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "not\n";
  const auto too_deep = g::parse(deep);
  ASSERT_FALSE(too_deep);
  EXPECT_EQ(too_deep.error().code, g::errc::too_deep);
  EXPECT_EQ(too_deep.error().position, 260u);
  EXPECT_EQ(too_deep.error().message(), "gate nested deeper than 64 levels");
  EXPECT_EQ(relkit::to_string(too_deep.error()),
            "gate nested deeper than 64 levels at 260 [gates.too_deep]");
  EXPECT_EQ(relkit::to_string(too_deep.error().code), "gates.too_deep");
}

// Deploy windows name only dates that exist: 2026-02-31 and 04-31 are refused
// at the impossible date's own position; 02-29 recurs (leap years only), a
// dated 02-29 needs a leap year. The shared calendar is relkit/detail/civil_time.hpp.
TEST(GatesSpec, WindowDatesMustExist) {
  struct bad {
    const char* spec;
    std::size_t position;
    const char* token;
  };
  const bad cases[] = {
      {"windows w\n  deny 2026-02-31..2026-03-05\nend", 17, "2026-02-31"},
      {"windows w\n  deny 2026-02-01..2026-02-29\nend", 29, "2026-02-29"},
      {"windows w\n  deny 04-31..05-02\nend", 17, "04-31"},
      {"windows w\n  allow 12-24..02-30\nend", 25, "02-30"},
      {"windows w\n  deny 2100-02-29..2100-03-01\nend", 17, "2100-02-29"},
  };
  for (const auto& c : cases) {
    const auto parsed = g::parse(c.spec);
    ASSERT_FALSE(parsed) << c.spec;
    EXPECT_EQ(parsed.error().code, g::errc::bad_window) << c.spec;
    EXPECT_EQ(parsed.error().position, c.position) << c.spec;
    EXPECT_EQ(parsed.error().message(),
              std::string("expected a date in the calendar, found '") + c.token + "'")
        << c.spec;
  }
  // 02-29 recurring, and dated in a leap year (2000 and 2028), are dates.
  EXPECT_TRUE(g::parse("windows w\n  deny 02-29..03-01\nend"));
  EXPECT_TRUE(g::parse("windows w\n  deny 2028-02-29..2028-03-01\nend"));
  EXPECT_TRUE(g::parse("windows w\n  deny 2000-02-29..2000-03-01\nend"));
  const auto leap = g::parse("windows w\n  deny 02-29..02-29\nend");
  ASSERT_TRUE(leap);
  g::evidence e;
  e.now = utc(2028, 2, 29, 12, 0);
  EXPECT_EQ(judge(*leap, e).result, g::outcome::fail);
  e.now = utc(2027, 3, 1, 12, 0);
  EXPECT_EQ(judge(*leap, e).result, g::outcome::pass);

  // A window built in code is held to the same calendar by validate().
  g::window w;
  w.effect = g::window_effect::deny;
  w.from = g::month_day{2026, 2, 31};
  w.to = g::month_day{2026, 3, 5};
  EXPECT_FALSE(g::validate(g::deploy_windows("w", {w})));
  w.from = g::month_day{2028, 2, 29};
  EXPECT_TRUE(g::validate(g::deploy_windows("w", {w})));
  w.from = g::month_day{0, 2, 29};
  w.to = g::month_day{0, 3, 1};
  EXPECT_TRUE(g::validate(g::deploy_windows("w", {w})));
  w.from = g::month_day{0, 2, 30};
  EXPECT_FALSE(g::validate(g::deploy_windows("w", {w})));
}

// Errors about a gate built in code have no position; the depth limit is
// validate()'s own (it lost its depth parameter).
TEST(GatesErrors, ValidateHasNoPosition) {
  g::gate deep = g::stages_passed("x");
  for (int i = 0; i < 70; ++i) deep = g::not_(deep);
  const auto checked = g::validate(deep);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, g::errc::too_deep);
  EXPECT_EQ(checked.error().position, relkit::no_position);
  EXPECT_EQ(checked.error().message(), "gate nested deeper than 64 levels");
  EXPECT_EQ(relkit::to_string(checked.error()),
            "gate nested deeper than 64 levels [gates.too_deep]");
  EXPECT_TRUE(g::validate(g::not_(g::stages_passed("x"))));
}

TEST(GatesSpec, RoundTripsEveryConstruct) {
  const char* const spec = R"(all gate-1 weight 2
  metric a >= 80 warn >= 70 baseline p90 key
  metric b == (-1.5) != 0
  metric c <= -5 > +1 < -2% >= +0.5% < *1.1
  approvals 3 allow_self timeout 1h30m
  stages smoke passed weight 0.5
  no_failure test within 1d2h3m4s
  windows deploy
    allow mon,wed-fri 22:00-06:00 -05:00 dst us
    allow sat-sun 10:00-24:00 +00:00
    deny 2026-12-24..2027-01-02 +01:00 dst eu
  end
  any
    not
      metric x > 0
    end
  end
  score s pass 95.5 warn 50
    metric y >= 1 weight 3 key
  end
end
)";
  const auto parsed = g::parse(spec);
  ASSERT_TRUE(parsed) << relkit::to_string(parsed.error());
  EXPECT_EQ(g::to_string(*parsed), spec);
  EXPECT_EQ(*g::parse(g::to_string(*parsed)), *parsed);
  // Keptn's one-'=' equality and "Z" offsets are accepted and printed canonically.
  EXPECT_EQ(g::to_string(*g::parse("metric x =5")), "metric x == 5\n");
  // Negative zero keeps its sign through a round trip (a fuzzer find).
  EXPECT_EQ(g::to_string(*g::parse("metric x >= -0 < (-0) < -0%")),
            "metric x >= -0 < (-0) < -0%\n");
  EXPECT_EQ(g::to_string(*g::parse("windows w\n  allow daily 00:00-24:00 Z\nend")),
            "windows w\n  allow mon-sun 00:00-24:00 +00:00\nend\n");
}

TEST(GatesErrors, Domain) {
  EXPECT_EQ(relkit::error_code(g::errc::optional_not_allowed).name(), "optional_not_allowed");
  EXPECT_EQ(relkit::to_string(relkit::error_code(g::errc::bad_window)), "gates.bad_window");
  EXPECT_EQ(relkit::error_code(static_cast<g::errc>(999)).name(), "unknown");
  EXPECT_EQ(g::to_string(g::outcome::pending), "pending");
  EXPECT_EQ(g::display_name(g::outcome::pending), "PENDING");
}

TEST(GatesEnums, OutcomeTableRoundTripsAndStrayValuesAreUnknown) {
  for (const auto o : {g::outcome::pass, g::outcome::warn, g::outcome::pending, g::outcome::fail}) {
    EXPECT_EQ(g::parse_outcome(g::to_string(o)), o);
  }
  EXPECT_EQ(g::parse_outcome("FAIL"), std::nullopt);
  // It printed "FAIL" for a stray value.
  EXPECT_EQ(g::to_string(static_cast<g::outcome>(99)), "unknown");
  EXPECT_EQ(g::display_name(static_cast<g::outcome>(99)), "unknown");
}

TEST(GatesMerge, CountsAreSummedAndAppendsTheRest) {
  g::evidence into;
  into.counts.push_back({"tests_total", 3});
  into.stages.push_back({"build", g::stage_status::passed, relkit::time_point{}});
  g::evidence fragment;
  fragment.counts.push_back({"tests_total", 4});
  fragment.counts.push_back({"tests_failed", 1});
  fragment.metrics.push_back({"coverage", 81.5, std::nullopt, {}});
  fragment.stages.push_back({"tests", g::stage_status::failed, relkit::time_point{}});
  fragment.author = "ana";
  ASSERT_TRUE(g::merge(into, fragment).has_value());
  ASSERT_EQ(into.counts.size(), 2U);
  EXPECT_EQ(into.counts[0], (g::count{"tests_total", 7}));
  EXPECT_EQ(into.counts[1], (g::count{"tests_failed", 1}));
  ASSERT_EQ(into.metrics.size(), 1U);
  EXPECT_EQ(into.stages.size(), 2U);
  EXPECT_EQ(into.author, "ana");
}

TEST(GatesMerge, AMetricFromTwoReportsOrTwoAuthorsIsAnErrorAndChangesNothing) {
  g::evidence into;
  into.metrics.push_back({"coverage", 80, std::nullopt, {}});
  into.author = "ana";
  g::evidence again;
  again.metrics.push_back({"coverage", 90, std::nullopt, {}});
  again.counts.push_back({"tests_total", 1});
  const auto twice = g::merge(into, again);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(relkit::to_string(twice.error()),
            "the metric 'coverage' is given by two reports [gates.report.conflicting_evidence]");
  EXPECT_TRUE(into.counts.empty());
  g::evidence other_author;
  other_author.author = "bo";
  const auto authors = g::merge(into, other_author);
  ASSERT_FALSE(authors.has_value());
  EXPECT_EQ(authors.error().message(), "the author 'bo' is given by two reports");
  EXPECT_EQ(into.author, "ana");
}

}  // namespace
