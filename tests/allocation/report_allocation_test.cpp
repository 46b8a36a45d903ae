// Peak heap use of the JSON report readers on 1 MB adversarial inputs: at
// most 8 times the input plus a constant, or refused by a documented limit
// (read_options). A program of its own because it replaces the global
// operator new.
#include <relkit/gates.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <string_view>

#include "heap_counter.hpp"

namespace {

namespace g = relkit::gates;

// `head` + `item` repeated to 1 MB + `tail`.
std::string megabyte(std::string_view head, std::string_view item, std::string_view tail) {
  std::string s(head);
  while (s.size() < (std::size_t{1} << 20)) {
    s += item;
    s += ',';
  }
  s += item;
  s += tail;
  return s;
}

std::size_t peak_of(const std::function<void()>& run) {
  const std::size_t before = heap_counter::live_bytes;
  heap_counter::peak_bytes = before;
  run();
  return heap_counter::peak_bytes - before;
}

constexpr std::size_t constant = std::size_t{64} << 10;  // 64 KiB

void expect_bounded(const std::string& input,
                    const std::function<relkit::result<g::evidence>(std::string_view)>& read) {
  bool refused = false;
  const std::size_t used = peak_of([&] {
    auto r = read(input);
    refused = !r && r.error().code == g::report_errc::too_large;
  });
  if (!refused) {
    EXPECT_LE(used, 8 * input.size() + constant) << "input " << input.size();
  }
}

TEST(ReportAllocation, VulnerabilityReaders) {
  expect_bounded(megabyte(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"rules":[)",
                          R"({"id":"r"})", R"(]}},"results":[{"ruleId":"r"}]}]})"),
                 [](std::string_view t) { return g::read_sarif(t); });
  expect_bounded(
      megabyte(R"({"version":"2.1.0","runs":[{"results":[)", R"({"ruleId":"x"})", "]}]}"),
      [](std::string_view t) { return g::read_sarif(t); });
  expect_bounded(megabyte(R"({"SchemaVersion":2,"Results":[{"Vulnerabilities":[)", "{}", "]}]}"),
                 [](std::string_view t) { return g::read_trivy(t); });
  expect_bounded(megabyte(R"({"matches":[)", R"({"vulnerability":{}})", "]}"),
                 [](std::string_view t) { return g::read_grype(t); });
  expect_bounded(megabyte(R"({"auditReportVersion":2,"vulnerabilities":{"a":)", "{}", "}}"),
                 [](std::string_view t) { return g::read_npm_audit(t); });
  expect_bounded(megabyte("", "[", ""), [](std::string_view t) { return g::read_trivy(t); });
}

TEST(ReportAllocation, PerformanceReaders) {
  expect_bounded(megabyte(R"({"metrics":{"a":{"b":0)", R"("c":0)", "}}}"),
                 [](std::string_view t) { return g::read_k6(t); });
  expect_bounded(
      megabyte(R"({"status":"success","data":{"resultType":"scalar","result":[1,"2"],"x":[)", "0",
               "]}}"),
      [](std::string_view t) { return g::read_prometheus(t, "m"); });
}

TEST(ReportAllocation, ReviewReaders) {
  expect_bounded(
      megabyte("[",
               R"({"user":{"login":"a"},"state":"APPROVED","submitted_at":"2026-11-23T10:00:00Z"})",
               "]"),
      [](std::string_view t) { return g::read_github_reviews(t); });
  expect_bounded(megabyte(R"({"jobs":[)", R"({"name":"a","status":"queued"})", "]}"),
                 [](std::string_view t) { return g::read_github_jobs(t); });
  expect_bounded(megabyte(R"({"updated_at":"2026-11-23T10:00:00Z","approved_by":[)",
                          R"({"user":{"username":"a"}})", "]}"),
                 [](std::string_view t) { return g::read_gitlab_approvals(t); });
  expect_bounded(megabyte("[", R"({"name":"a","status":"success","stage":"b"})", "]"),
                 [](std::string_view t) { return g::read_gitlab_jobs(t); });
}

}  // namespace
