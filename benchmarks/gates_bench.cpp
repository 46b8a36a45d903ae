// A 20-condition promotion gate evaluated over fixed evidence: check() (the
// outcome only) and evaluate() (the explained verdict), with the number of
// heap allocations per evaluation counted by a replaced operator new.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <string>

#include "relkit/gates.hpp"
#include "support/allocation_counter.hpp"

namespace {

namespace g = relkit::gates;
using std::chrono::minutes;

const g::time_point now{std::chrono::seconds(1795435200)};  // Mon 2026-11-23 12:00Z

// 20 leaf conditions: 12 thresholds (4 relative to a baseline, one with a
// warning tier), 2 stage results, 2 recent-failure checks, approvals, deploy
// windows and a 2-objective score.
const char* const spec = R"(all production
  metric coverage >= 80
  metric critical_cves == 0
  metric high_cves <= 3
  metric p95 < +5%
  metric p99 <= +10% baseline p95
  metric error_rate <= +0.1
  metric cpu < *1.2
  metric duplication <= 3
  metric new_bugs == 0
  metric code_smells < 50 warn < 80
  metric bundle_kb <= 512
  metric startup_ms != 0
  stages smoke passed
  stages integration passed
  no_failure test within 30m
  no_failure e2e within 1h
  approvals 1
  windows deploy
    allow mon-fri 09:00-17:00 +01:00 dst eu
    deny 12-24..01-02 +01:00 dst eu
  end
  score slo pass 90 warn 75
    metric availability >= 99.9
    metric latency_budget >= 0 weight 2
  end
end
)";

g::evidence make_evidence() {
  g::evidence e;
  e.now = now;
  e.author = "ann";
  e.metrics = {{"coverage", 84.2, {}, {}},
               {"p95", 212, 205.0, {}},
               {"p99", 400, {}, {380, 390, 400, 410, 420}},
               {"error_rate", 0.3, 0.25, {}},
               {"cpu", 1.1, 1.0, {}},
               {"duplication", 1.5, {}, {}},
               {"code_smells", 20, {}, {}},
               {"bundle_kb", 480, {}, {}},
               {"startup_ms", 310, {}, {}},
               {"availability", 99.95, {}, {}},
               {"latency_budget", 12, {}, {}}};
  e.counts = {{"critical_cves", 0}, {"high_cves", 2}, {"new_bugs", 0}};
  e.approvals = {{"bob", now - minutes(5), g::decision::approve}};
  e.stages = {{"smoke", g::stage_status::passed, now - minutes(10)},
              {"integration", g::stage_status::passed, now - minutes(12)},
              {"test", g::stage_status::passed, now - minutes(15)},
              {"e2e", g::stage_status::passed, now - minutes(20)}};
  return e;
}

void BM_GateCheck(benchmark::State& state) {
  const g::gate gate = *g::parse(spec);
  const g::evidence e = make_evidence();
  if (g::check(gate, e) != g::outcome::pass) state.SkipWithError("gate should pass");
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) benchmark::DoNotOptimize(g::check(gate, e));
  state.counters["allocs/op"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_GateCheck);

void BM_GateEvaluate(benchmark::State& state) {
  const g::gate gate = *g::parse(spec);
  const g::evidence e = make_evidence();
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) benchmark::DoNotOptimize(g::evaluate(gate, e));
  state.counters["allocs/op"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_GateEvaluate);

void BM_GateEvaluateToText(benchmark::State& state) {
  const g::gate gate = *g::parse(spec);
  const g::evidence e = make_evidence();
  for (auto _ : state) benchmark::DoNotOptimize(g::render(g::evaluate(gate, e)));
}
BENCHMARK(BM_GateEvaluateToText);

void BM_GateParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(g::parse(spec));
}
BENCHMARK(BM_GateParse);

}  // namespace
