// The cost of rollout::advance per event, and whether a tick that changes
// nothing allocates (global operator new is counted in this program).
#include <relkit/rollout.hpp>

#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <string>

#include "support/allocation_counter.hpp"

namespace {

namespace ro = relkit::rollout;
using std::chrono::minutes;

const ro::time_point T0 = ro::time_point{} + std::chrono::hours(24 * 365 * 56);

ro::plan walk_plan() {
  ro::metric m;
  m.name = "error-rate";
  m.count = 3;
  ro::analysis_spec a;
  a.name = "smoke";
  a.metrics = {m};
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(5),  ro::steps::pause(minutes(10)), ro::steps::analyze(a),
                ro::steps::set_weight(25), ro::steps::pause(minutes(10)), ro::steps::set_weight(50),
                ro::steps::pause()};
  ro::metric bg;
  bg.name = "latency";
  bg.interval = std::chrono::seconds(60);
  ro::analysis_spec b;
  b.name = "background";
  b.metrics = {bg};
  spec.background = ro::background_analysis{b, 0, std::nullopt};
  return ro::make_plan(spec).value();
}

// Ids longer than the small-string buffer, so a copied state would allocate.
const std::string stable_id = "registry.example.com/shop/checkout@sha256:1111aaaa";
const std::string canary_id = "registry.example.com/shop/checkout@sha256:2222bbbb";

// A tick during a 10-minute pause that is not over: nothing changes.
void BM_AdvanceNoOpTick(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  ro::state s =
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next;
  const ro::event tick = ro::tick{T0 + minutes(5)};
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    auto t = ro::advance(plan, std::move(s), tick);
    benchmark::DoNotOptimize(t.actions.size());
    s = std::move(t.next);
  }
  state.counters["allocs_per_event"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_AdvanceNoOpTick);

// The same tick with the state passed by copy (const& callers).
void BM_AdvanceNoOpTickCopy(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  const ro::state s =
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next;
  const ro::event tick = ro::tick{T0 + minutes(5)};
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    auto t = ro::advance(plan, s, tick);
    benchmark::DoNotOptimize(t.actions.size());
  }
  state.counters["allocs_per_event"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_AdvanceNoOpTickCopy);

// The same tick changing the state in place (advance_in_place).
void BM_AdvanceNoOpTickInPlace(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  ro::state s =
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next;
  const ro::event tick = ro::tick{T0 + minutes(5)};
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    const auto actions = ro::advance_in_place(plan, s, tick);
    benchmark::DoNotOptimize(actions.size());
  }
  state.counters["allocs_per_event"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_AdvanceNoOpTickInPlace);

// A background measurement that is recorded and assessed (the run goes on).
void BM_AdvanceMeasurement(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  ro::state s =
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next;
  const ro::event result = ro::analysis_result{T0 + minutes(1), ro::analysis_slot::background, 0,
                                               ro::measurement::successful};
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    auto t = ro::advance(plan, std::move(s), result);
    benchmark::DoNotOptimize(t.actions.size());
    s = std::move(t.next);
  }
  state.counters["allocs_per_event"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_AdvanceMeasurement);

// A whole rollout, new artifact to promotion: 9 events per iteration.
void BM_AdvanceFullCanary(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  const ro::event events[] = {
      ro::new_artifact{T0, canary_id},
      ro::tick{T0 + minutes(5)},
      ro::tick{T0 + minutes(10)},
      ro::analysis_result{T0 + minutes(11), ro::analysis_slot::step, 0,
                          ro::measurement::successful},
      ro::analysis_result{T0 + minutes(12), ro::analysis_slot::step, 0,
                          ro::measurement::successful},
      ro::analysis_result{T0 + minutes(13), ro::analysis_slot::step, 0,
                          ro::measurement::successful},
      ro::tick{T0 + minutes(23)},
      ro::promote{T0 + minutes(30)},
      ro::new_artifact{T0 + minutes(31), stable_id},
  };
  ro::state s = ro::initial_state(plan, stable_id);
  for (auto _ : state) {
    for (const auto& e : events) {
      auto t = ro::advance(plan, std::move(s), e);
      benchmark::DoNotOptimize(t.actions.size());
      s = std::move(t.next);
    }
  }
  state.SetItemsProcessed(state.iterations() * 9);
}
BENCHMARK(BM_AdvanceFullCanary);

void BM_StateToString(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  const ro::state s =
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next;
  for (auto _ : state) benchmark::DoNotOptimize(ro::to_string(s));
}
BENCHMARK(BM_StateToString);

void BM_ParseState(benchmark::State& state) {
  const ro::plan plan = walk_plan();
  const std::string text = ro::to_string(
      ro::advance(plan, ro::initial_state(plan, stable_id), ro::new_artifact{T0, canary_id}).next);
  for (auto _ : state) benchmark::DoNotOptimize(ro::parse_state(text, plan));
}
BENCHMARK(BM_ParseState);

}  // namespace
