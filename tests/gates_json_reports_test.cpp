// relkit::gates JSON report readers on real reports (tests/data/reports,
// PROVENANCE.md there) and on broken ones: exact counts, metrics, stages,
// approvals, error codes and positions.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include "support/reports.hpp"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace g = relkit::gates;

namespace {

using relkit_test::at_rfc3339;
using relkit_test::report_fixture;

std::vector<g::count> cves(std::uint64_t critical, std::uint64_t high, std::uint64_t medium,
                           std::uint64_t low) {
  return {
      {"critical_cves", critical}, {"high_cves", high}, {"medium_cves", medium}, {"low_cves", low}};
}

const g::metric* find_metric(const g::evidence& e, const std::string& name) {
  for (const auto& m : e.metrics)
    if (m.name == name) return &m;
  return nullptr;
}

// The error's code name and position, for one-line expectations.
std::string failure(const relkit::result<g::evidence>& r) {
  if (r) return "ok";
  return std::string(r.error().code.name()) + " at " + std::to_string(r.error().position) + ": " +
         r.error().message();
}

}  // namespace

// ------------------------------------------------------------ vulnerabilities

TEST(GatesSarif, ClangAnalyzerResultsWithoutLevelAreWarningsSoMedium) {
  const auto e = g::read_sarif(report_fixture("clang-analyzer.sarif"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(0, 0, 3, 0));
}

TEST(GatesSarif, TrivySecuritySeverityOfTheRuleBeatsTheLevel) {
  // rules carry security-severity 5.3 (medium); results say level warning.
  const auto e = g::read_sarif(report_fixture("trivy-alpine-310.sarif"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(0, 0, 4, 0));
}

TEST(GatesSarif, GrypeRulesFoundByRuleIdScore82And85AreHigh) {
  // results have no ruleIndex and levels note / error; the rules' scores win.
  const auto e = g::read_sarif(report_fixture("grype-directory.sarif"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(0, 2, 0, 0));
}

TEST(GatesSarif, LevelsKindsScoresAndUnknownSeverities) {
  const std::string log = R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t","rules":[
    {"id":"R0","defaultConfiguration":{"level":"error"}},
    {"id":"R1","properties":{"security-severity":"9.1"}}]}},
   "results":[
    {"ruleIndex":0},
    {"ruleIndex":1,"level":"note"},
    {"ruleId":"R1","properties":{"security-severity":3.9}},
    {"ruleIndex":0,"level":"none"},
    {"ruleIndex":7,"level":"bogus"},
    {"ruleId":"nope","properties":{"security-severity":"high"}},
    {"kind":"pass","level":"error"},
    {"kind":"notApplicable"},
    {"kind":"informational"},
    {"kind":"review","properties":{"security-severity":"7"}},
    {}]}]})";
  const auto e = g::read_sarif(log);
  ASSERT_TRUE(e) << failure(e);
  // error->high; 9.1->critical; 3.9->low; none->low; bogus->critical;
  // "high" is not a score->critical; review 7->high; {}->warning->medium.
  EXPECT_EQ(e->counts, cves(3, 2, 1, 2));
}

TEST(GatesSarif, Errors) {
  EXPECT_EQ(failure(g::read_sarif(R"({"version":"2.0.0","runs":[]})")),
            "wrong_format at 11: not a SARIF 2.1.0 log: found '2.0.0'");
  EXPECT_EQ(failure(g::read_sarif(R"({"runs":[]})")),
            "wrong_format at 0: not a SARIF 2.1.0 log: found 'runs'");
  EXPECT_EQ(failure(g::read_sarif(R"({"version":"2.1.0"})")),
            "missing_field at 0: runs is missing");
  EXPECT_EQ(failure(g::read_sarif(R"({"version":"2.1.0","runs":[{"results":{}}]})")),
            "bad_value at 38: runs[].results: expected an array, found 'object'");
  EXPECT_EQ(failure(g::read_sarif(R"({"version":"2.1.0","runs":[})")),
            "invalid_json at 27: invalid JSON: expected a value");
  EXPECT_EQ(failure(g::read_sarif("[1,2")),
            "invalid_json at 4: invalid JSON: unterminated array or object");
  EXPECT_EQ(failure(g::read_sarif("[]")),
            "wrong_format at 0: not a SARIF 2.1.0 log: found 'array'");
}

TEST(GatesTrivy, SameCveInTwoPackagesCountsTwice) {
  const auto e = g::read_trivy(report_fixture("trivy-alpine-39-high-critical.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(2, 0, 0, 0));
}

TEST(GatesTrivy, UnknownSeverityCountsAsCritical) {
  const auto e = g::read_trivy(report_fixture("trivy-gomod.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(4, 0, 1, 0));
}

TEST(GatesTrivy, SecretsAreNotCves) {
  const auto e = g::read_trivy(report_fixture("trivy-secrets.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(0, 0, 0, 0));
}

TEST(GatesTrivy, Errors) {
  EXPECT_EQ(failure(g::read_trivy(R"({"ArtifactName":"x"})")),
            "wrong_format at 0: not a Trivy JSON report: found 'ArtifactName'");
  EXPECT_EQ(
      failure(
          g::read_trivy(R"({"SchemaVersion":2,"Results":[{"Vulnerabilities":[{"Severity":3}]}]})")),
      "bad_value at 62: Results[].Vulnerabilities[].Severity: expected a severity, found '3'");
  // A finding without a severity is critical, never dropped.
  const auto e = g::read_trivy(R"({"SchemaVersion":2,"Results":[{"Vulnerabilities":[{}]}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->counts, cves(1, 0, 0, 0));
}

TEST(GatesGrype, CriticalAndLow) {
  const auto e = g::read_grype(report_fixture("grype-dirs.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(1, 0, 0, 1));
  const auto empty = g::read_grype(report_fixture("grype-empty.json"));
  ASSERT_TRUE(empty) << failure(empty);
  EXPECT_EQ(empty->counts, cves(0, 0, 0, 0));
}

TEST(GatesGrype, Errors) {
  EXPECT_EQ(failure(g::read_grype(R"({"SchemaVersion":2})")),
            "wrong_format at 0: not a Grype JSON report: found 'SchemaVersion'");
  EXPECT_EQ(failure(g::read_grype(R"({"matches":[{"artifact":{}}]})")),
            "missing_field at 12: matches[].vulnerability is missing");
  const auto e = g::read_grype(
      R"({"matches":[{"vulnerability":{"severity":"Negligible"}},{"vulnerability":{"severity":"Unknown"}},{"vulnerability":{}}]})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->counts, cves(2, 0, 0, 1));
}

TEST(GatesNpmAudit, OnePerVulnerablePackage) {
  const auto e = g::read_npm_audit(report_fixture("npm-audit-all-severities.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->counts, cves(2, 5, 1, 8));  // = metadata.vulnerabilities
  const auto dep = g::read_npm_audit(report_fixture("npm-audit-dep-vuln.json"));
  ASSERT_TRUE(dep) << failure(dep);
  EXPECT_EQ(dep->counts, cves(0, 1, 0, 1));
}

TEST(GatesNpmAudit, Npm6AdvisoriesAndErrors) {
  const auto v6 = g::read_npm_audit(
      R"({"actions":[],"advisories":{"1":{"severity":"moderate"},"2":{"severity":"info"},"3":{}},"metadata":{}})");
  ASSERT_TRUE(v6) << failure(v6);
  EXPECT_EQ(v6->counts, cves(1, 0, 1, 1));
  EXPECT_EQ(failure(g::read_npm_audit(R"({"error":{"code":"ENOLOCK","summary":"x"}})")),
            "wrong_format at 17: not an npm audit --json report: found 'ENOLOCK'");
  EXPECT_EQ(failure(g::read_npm_audit(R"({"auditReportVersion":2,"vulnerabilities":[]})")),
            "bad_value at 42: vulnerabilities: expected an object, found 'array'");
}

// ----------------------------------------------------------------- performance

TEST(GatesK6, EveryStatAndFailedThresholds) {
  const auto e = g::read_k6(report_fixture("k6-summary-export.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->metrics.size(), 16U);
  ASSERT_NE(find_metric(*e, "k6.my_trend.p95"), nullptr);
  EXPECT_EQ(find_metric(*e, "k6.my_trend.p95")->value, 19.5);
  EXPECT_EQ(find_metric(*e, "k6.checks.value")->value, 0.75);
  EXPECT_EQ(find_metric(*e, "k6.http_reqs.count")->value, 3);
  EXPECT_EQ(find_metric(*e, "k6.vus.max")->value, 1);
  EXPECT_EQ(find_metric(*e, "p95"), nullptr);  // no http_req_duration in this run
  // k6 writes true for a threshold that failed (LastFailed).
  EXPECT_EQ(e->counts, (std::vector<g::count>{{"k6.thresholds_failed", 2}}));
}

TEST(GatesK6, P95AndSubMetricNames) {
  const auto e = g::read_k6(
      R"J({"metrics":{"http_req_duration":{"p(95)":212.5,"p(99.9)":300,"thresholds":{"p(95)<500":false}},
        "http_req_duration{expected_response:true}":{"p(95)":210}}})J");
  ASSERT_TRUE(e) << failure(e);
  ASSERT_NE(find_metric(*e, "p95"), nullptr);
  EXPECT_EQ(find_metric(*e, "p95")->value, 212.5);
  EXPECT_NE(find_metric(*e, "k6.http_req_duration.p99.9"), nullptr);
  EXPECT_NE(find_metric(*e, "k6.http_req_duration.expected_response:true.p95"), nullptr);
  EXPECT_EQ(e->counts, (std::vector<g::count>{{"k6.thresholds_failed", 0}}));
}

TEST(GatesK6, Errors) {
  EXPECT_EQ(failure(g::read_k6(R"({"root_group":{}})")),
            "wrong_format at 0: not a k6 --summary-export report: found 'root_group'");
  EXPECT_EQ(failure(g::read_k6(R"({"metrics":{"a":{"thresholds":{"x":1}}}})")),
            "bad_value at 35: metrics{}.thresholds{}: expected true or false, found '1'");
  EXPECT_EQ(failure(g::read_k6(R"({"metrics":{"a b":{"c":1},"a_b":{"c":2}}})")),
            "conflicting_evidence at 11: the metric 'k6.a_b.c' is given by two reports");
}

TEST(GatesPrometheus, ScalarGivesTheNamedMetric) {
  const auto e = g::read_prometheus(report_fixture("prometheus-scalar.json"), "p95");
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->metrics, (std::vector<g::metric>{{"p95", 42, {}, {}}}));
}

TEST(GatesPrometheus, VectorOfOneSample) {
  const auto e = g::read_prometheus(
      R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1435781451.781,"0.25"]}]}})",
      "error_rate");
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->metrics, (std::vector<g::metric>{{"error_rate", 0.25, {}, {}}}));
}

TEST(GatesPrometheus, Errors) {
  EXPECT_EQ(failure(g::read_prometheus(report_fixture("prometheus-vector-two-samples.json"), "up")),
            "bad_value at 89: data.result: expected exactly one sample, found 'several samples'");
  EXPECT_EQ(failure(g::read_prometheus(report_fixture("prometheus-matrix.json"), "up")),
            "bad_value at 45: data.resultType: expected \"scalar\" or \"vector\", found 'matrix'");
  EXPECT_EQ(failure(g::read_prometheus(report_fixture("prometheus-histogram.json"), "h")),
            "bad_value at 66: value: expected [time, \"value\"], found 'object'");
  EXPECT_EQ(failure(g::read_prometheus(
                R"({"status":"success","data":{"resultType":"scalar","result":[1,"NaN"]}})", "x")),
            "bad_value at 62: value[1]: expected a finite number, found 'NaN'");
  EXPECT_EQ(failure(g::read_prometheus(
                R"({"status":"success","data":{"resultType":"scalar","result":[1,"+Inf"]}})", "x")),
            "bad_value at 62: value[1]: expected a finite number, found '+Inf'");
  EXPECT_EQ(failure(g::read_prometheus(
                R"({"status":"success","data":{"resultType":"vector","result":[]}})", "x")),
            "missing_field at 59: data.result[0] is missing");
  EXPECT_EQ(
      failure(g::read_prometheus(
          R"({"status":"error","errorType":"bad_data","error":"1:4: parse error: unexpected"})",
          "x")),
      "bad_value at 49: error: expected a successful query, found '1:4: parse error: unexpected'");
}

// ------------------------------------------------------- approvals and history

TEST(GatesGitHubReviews, CommentsDoNotCount) {
  const auto e = g::read_github_reviews(report_fixture("github-reviews.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->approvals, (std::vector<g::approval>{
                              {"orta", at_rfc3339("2018-11-06T16:42:44Z"), g::decision::approve}}));
  EXPECT_FALSE(e->author);
}

TEST(GatesGitHubReviews, LatestDecisiveReviewPerUserWins) {
  const auto e = g::read_github_reviews(R"([
    {"user":{"login":"ann"},"state":"APPROVED","submitted_at":"2026-11-23T10:00:00Z"},
    {"user":{"login":"bob"},"state":"CHANGES_REQUESTED","submitted_at":"2026-11-23T10:05:00Z"},
    {"user":{"login":"ann"},"state":"COMMENTED","submitted_at":"2026-11-23T10:06:00Z"},
    {"user":{"login":"cy"},"state":"APPROVED","submitted_at":"2026-11-23T10:07:00Z"},
    {"user":{"login":"cy"},"state":"DISMISSED","submitted_at":"2026-11-23T10:08:00Z"},
    {"user":{"login":"bob"},"state":"APPROVED","submitted_at":"2026-11-23T10:09:00Z"},
    {"user":null,"state":"CHANGES_REQUESTED","submitted_at":"2026-11-23T10:10:00Z"},
    {"user":{"login":"dee"},"state":"PENDING"}])");
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->approvals, (std::vector<g::approval>{
                              {"ann", at_rfc3339("2026-11-23T10:00:00Z"), g::decision::approve},
                              {"bob", at_rfc3339("2026-11-23T10:09:00Z"), g::decision::approve},
                              {"ghost", at_rfc3339("2026-11-23T10:10:00Z"), g::decision::reject}}));
}

TEST(GatesGitHubReviews, Errors) {
  EXPECT_EQ(failure(g::read_github_reviews(R"({"message":"Not Found"})")),
            "wrong_format at 11: not a GitHub pull request reviews array: found 'Not Found'");
  EXPECT_EQ(failure(g::read_github_reviews(R"([{"user":{"login":"a"},"state":"LGTM"}])")),
            "bad_value at 31: state: expected APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED "
            "or PENDING, found 'LGTM'");
  EXPECT_EQ(
      failure(g::read_github_reviews(
          R"([{"user":{"login":"a"},"state":"APPROVED","submitted_at":"2026-02-30T10:00:00Z"}])")),
      "bad_time at 57: submitted_at: expected a date and time, found '2026-02-30T10:00:00Z'");
  EXPECT_EQ(failure(g::read_github_reviews(R"([{"user":{"login":"a"},"state":"APPROVED"}])")),
            "missing_field at 1: submitted_at is missing");
  EXPECT_EQ(failure(g::read_github_reviews(R"([{"user":{},"state":"APPROVED"}])")),
            "missing_field at 9: user.login is missing");
}

TEST(GatesGitHubJobs, ConclusionsToStages) {
  const auto e = g::read_github_jobs(R"({"total_count":5,"jobs":[
    {"name":"build","status":"completed","conclusion":"success","started_at":"2026-11-23T10:00:00Z","completed_at":"2026-11-23T10:05:00Z"},
    {"name":"test","status":"completed","conclusion":"failure","completed_at":"2026-11-23T10:06:00Z"},
    {"name":"lint","status":"completed","conclusion":"neutral","completed_at":"2026-11-23T10:07:00Z"},
    {"name":"smoke","status":"in_progress","conclusion":null,"started_at":"2026-11-23T10:08:00Z","completed_at":null},
    {"name":"deploy","status":"completed","conclusion":"cancelled","completed_at":"2026-11-23T10:09:00Z"}]})");
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->stages,
            (std::vector<g::stage_result>{
                {"build", g::stage_status::passed, at_rfc3339("2026-11-23T10:05:00Z")},
                {"test", g::stage_status::failed, at_rfc3339("2026-11-23T10:06:00Z")},
                {"lint", g::stage_status::skipped, at_rfc3339("2026-11-23T10:07:00Z")},
                {"smoke", g::stage_status::running, at_rfc3339("2026-11-23T10:08:00Z")},
                {"deploy", g::stage_status::canceled, at_rfc3339("2026-11-23T10:09:00Z")}}));
}

// GitHub's own example response of GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs
// (the OpenAPI description's "job-paginated"; see PROVENANCE.md).
TEST(GatesGitHubJobs, GitHubsExampleResponse) {
  const auto e = g::read_github_jobs(report_fixture("github-jobs.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->stages, (std::vector<g::stage_result>{{"build", g::stage_status::passed,
                                                      at_rfc3339("2020-01-20T17:44:39Z")}}));
  EXPECT_TRUE(e->metrics.empty());
  EXPECT_TRUE(e->approvals.empty());
}

TEST(GatesGitHubJobs, Errors) {
  EXPECT_EQ(failure(g::read_github_jobs(
                R"({"jobs":[{"name":"a","status":"completed","conclusion":"meh"}]})")),
            "bad_value at 55: jobs[].conclusion: expected success, failure, cancelled, skipped, "
            "timed_out, neutral, action_required or stale, found 'meh'");
  EXPECT_EQ(failure(g::read_github_jobs(
                R"({"jobs":[{"name":"a","status":"completed","conclusion":"failure"}]})")),
            "missing_field at 9: jobs[].completed_at is missing");
  EXPECT_EQ(failure(g::read_github_jobs(R"({"jobs":[{"status":"queued"}]})")),
            "missing_field at 9: jobs[].name is missing");
}

TEST(GatesGitLabApprovals, ApproverAtUpdatedAt) {
  const auto e = g::read_gitlab_approvals(report_fixture("gitlab-approvals.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->approvals, (std::vector<g::approval>{{"root", at_rfc3339("2016-06-08T21:20:42.470Z"),
                                                     g::decision::approve}}));
  EXPECT_FALSE(e->author);
  const auto with = g::read_gitlab_approvals(
      R"({"author":{"username":"ann"},"approved_by":[{"user":{"username":"bob"},"approved_at":"2026-11-23T10:00:00Z"}]})");
  ASSERT_TRUE(with) << failure(with);
  EXPECT_EQ(with->author, std::optional<std::string>("ann"));
  EXPECT_EQ(with->approvals, (std::vector<g::approval>{{"bob", at_rfc3339("2026-11-23T10:00:00Z"),
                                                        g::decision::approve}}));
  EXPECT_EQ(failure(g::read_gitlab_approvals(R"({"approved_by":[{"user":{"username":"b"}}]})")),
            "missing_field at 0: updated_at is missing");
  EXPECT_EQ(
      failure(g::read_gitlab_approvals(R"({"message":"404 Not found"})")),
      "wrong_format at 11: not a GitLab merge request approvals document: found '404 Not found'");
}

TEST(GatesGitLabJobs, JobsAndTheirStage) {
  const auto e = g::read_gitlab_jobs(report_fixture("gitlab-pipeline-jobs.json"));
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->stages,
            (std::vector<g::stage_result>{
                {"rspec:other", g::stage_status::failed, at_rfc3339("2015-12-24T17:54:24.921Z")},
                {"test", g::stage_status::failed, at_rfc3339("2015-12-24T17:54:24.921Z")},
                {"teaspoon", g::stage_status::failed, at_rfc3339("2015-12-24T17:54:27.895Z")},
                {"test", g::stage_status::failed, at_rfc3339("2015-12-24T17:54:27.895Z")}}));
  EXPECT_EQ(e->counts, (std::vector<g::count>{{"allow_failure_jobs", 0}, {"allowed_failures", 0}}));
}

TEST(GatesGitLabJobs, AllowFailureNeverPasses) {
  const auto e = g::read_gitlab_jobs(R"([
    {"name":"smoke","stage":"smoke","status":"failed","allow_failure":true,"finished_at":"2026-11-23T11:50:00Z"},
    {"name":"deploy","stage":"deploy","status":"manual","allow_failure":true,"created_at":"2026-11-23T11:40:00Z","finished_at":null},
    {"name":"unit","stage":"test","status":"success","allow_failure":false,"finished_at":"2026-11-23T11:30:00Z"}])");
  ASSERT_TRUE(e) << failure(e);
  EXPECT_EQ(e->stages, (std::vector<g::stage_result>{
                           {"smoke", g::stage_status::failed, at_rfc3339("2026-11-23T11:50:00Z")},
                           {"deploy", g::stage_status::running, at_rfc3339("2026-11-23T11:40:00Z")},
                           {"unit", g::stage_status::passed, at_rfc3339("2026-11-23T11:30:00Z")},
                           {"test", g::stage_status::passed, at_rfc3339("2026-11-23T11:30:00Z")}}));
  EXPECT_EQ(e->counts, (std::vector<g::count>{{"allow_failure_jobs", 2}, {"allowed_failures", 1}}));
  EXPECT_EQ(
      failure(g::read_gitlab_jobs(R"([{"name":"a","status":"weird"}])")),
      "bad_value at 22: status: expected success, failed, canceled, skipped, created, "
      "pending, running, waiting_for_resource, preparing, scheduled or manual, found 'weird'");
  EXPECT_EQ(
      failure(g::read_gitlab_jobs(R"([{"name":"a","status":"failed","finished_at":"yesterday"}])")),
      "bad_time at 45: finished_at: expected a date and time, found 'yesterday'");
}

// ------------------------------------------------------------------- limits

TEST(GatesJsonReports, LimitsAreTooLarge) {
  g::read_options small;
  small.max_bytes = 8;
  EXPECT_EQ(failure(g::read_trivy(R"({"SchemaVersion":2})", small)),
            "too_large at 8: more than 8 bytes");
  g::read_options shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(failure(g::read_trivy(R"({"a":[[1]]})", shallow)),
            "too_large at 6: more than 2 levels of JSON nesting");
  g::read_options few;
  few.max_entries = 2;
  EXPECT_EQ(failure(g::read_k6(R"({"metrics":{"a":{"b":1,"c":2,"d":3}}})", few)),
            "too_large at 33: more than 2 metrics");
}

TEST(GatesJsonReports, ReadersMerge) {
  g::evidence all;
  ASSERT_TRUE(g::merge(all, *g::read_trivy(report_fixture("trivy-gomod.json"))));
  ASSERT_TRUE(g::merge(all, *g::read_grype(report_fixture("grype-dirs.json"))));
  EXPECT_EQ(all.counts, cves(5, 0, 1, 1));
}
