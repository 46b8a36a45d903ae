// The canonical production gate, built in code and parsed from its spec, and
// its verdict for a passing and a failing evidence set.
#include <relkit/relkit.hpp>

#include <chrono>
#include <iostream>

namespace gates = relkit::gates;
using gates::comparator;
using gates::reference;
using std::chrono::hours;
using std::chrono::minutes;

int main() {
  // coverage >= 80, zero critical CVEs, p95 less than 5% above its baseline,
  // smoke tests all passed, one approval by someone other than the author,
  // no failed test stage in the last 30 minutes.
  const gates::gate production = gates::all_of(
      "production", {gates::threshold("coverage", {{comparator::ge, 80}}),
                     gates::threshold("critical_cves", {{comparator::eq, 0}}),
                     gates::threshold("p95", {{comparator::lt, 5, reference::baseline_percent}}),
                     gates::stages_passed("smoke"), gates::approvals(1),
                     gates::no_failure_within("test", minutes(30))});

  // The same gate as a spec kept next to the pipeline config.
  const auto parsed = gates::parse(R"(all production
  metric coverage >= 80
  metric critical_cves == 0
  metric p95 < +5%
  stages smoke passed
  approvals 1
  no_failure test within 30m
end
)");
  std::cout << "spec equals code: " << (parsed && *parsed == production ? "yes" : "no") << "\n\n";

  const auto now = gates::time_point(std::chrono::seconds(1795435200));  // 2026-11-23T12:00:00Z
  gates::evidence good;
  good.now = now;  // passed in, never read from a clock
  good.author = "ann";
  good.metrics = {{"coverage", 84.2, {}, {}}, {"p95", 212, 205.0, {}}};
  good.counts = {{"critical_cves", 0}};
  good.approvals = {{"bob", now - minutes(5), gates::decision::approve}};
  good.stages = {{"smoke", gates::stage_status::passed, now - minutes(10)},
                 {"test", gates::stage_status::failed, now - hours(3)},
                 {"test", gates::stage_status::passed, now - hours(1)}};
  std::cout << gates::render(gates::evaluate(production, good)) << '\n';

  gates::evidence bad = good;
  bad.metrics = {{"coverage", 79.9, {}, {}}, {"p95", 221, {}, {}}};  // no p95 baseline yet
  bad.counts = {{"critical_cves", 2}};
  bad.approvals = {{"ann", now - minutes(5), gates::decision::approve}};  // the author
  bad.stages.push_back({"smoke", gates::stage_status::failed, now - minutes(9)});
  bad.stages.push_back({"test", gates::stage_status::failed, now - minutes(29)});
  const gates::verdict verdict = gates::evaluate(production, bad);
  std::cout << gates::render(verdict);
  std::cout << "promotes: " << (gates::promotes(verdict.result) ? "yes" : "no") << '\n';
  // The outcome alone, without building reason strings:
  std::cout << "check: " << gates::display_name(gates::check(production, bad)) << '\n';
}
