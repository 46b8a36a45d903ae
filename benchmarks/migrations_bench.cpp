// relkit::migrations: planning, runbook rendering and linting costs.
#include <benchmark/benchmark.h>
#include <relkit/migrations.hpp>

#include <string>

#include "support/allocation_counter.hpp"

namespace m = relkit::migrations;

static void BM_PlanRenameColumn(benchmark::State& state) {
  const m::change change = m::rename_column{"users", "name", "full_name", "text", true};
  for (auto _ : state) {
    auto p = m::make_plan(change);
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_PlanRenameColumn);

// A refused change: the error stores its code and small arguments, so
// producing it allocates nothing (allocs/op is 0).
static void BM_PlanInvalid(benchmark::State& state) {
  const m::change change = m::rename_column{"users", "Name", "full_name", "text", false};
  if (m::make_plan(change)) state.SkipWithError("the plan should be refused");
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    auto p = m::make_plan(change);
    benchmark::DoNotOptimize(p);
  }
  state.counters["allocs/op"] = relkit_bench::allocations_per_iteration(state, before);
}
BENCHMARK(BM_PlanInvalid);

static void BM_RenderRunbook(benchmark::State& state) {
  const auto p = m::make_plan(m::rename_column{"users", "name", "full_name", "text", true});
  for (auto _ : state) {
    auto text = m::render(*p);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_RenderRunbook);

// Lint a script made of every phase and rollback of a split-column plan, repeated.
static void BM_LintScript(benchmark::State& state) {
  const auto p =
      m::make_plan(m::split_column{"users", "email", "text", "profiles", "user_id", false});
  std::string script;
  for (int i = 0; i < 20; ++i) {
    for (const auto& ph : p->phases) script += ph.sql + ph.rollback_sql;
  }
  for (auto _ : state) {
    auto findings = m::lint(script);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(script.size()));
}
BENCHMARK(BM_LintScript);
