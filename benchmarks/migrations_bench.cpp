// relkit::migrations: planning, runbook rendering and linting costs.
#include <benchmark/benchmark.h>
#include <relkit/migrations.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

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

// Issue 19: the adversarial scripts that made lint quadratic (every DEFAULT
// re-scanned the statement for a volatile call, every REFERENCES for NOT
// VALID) or amplified its memory, from 1 KB to 4 MB. Each must fit O(N).
namespace {

std::string repeat_to(std::string head, std::string_view unit, std::size_t size) {
  while (head.size() < size) head += unit;
  return head;
}

std::string lint_pattern(int which, std::size_t size) {
  switch (which) {
    case 0:
      return repeat_to("ALTER TABLE t ADD COLUMN c int ", "DEFAULT ", size);
    case 1:
      return repeat_to("ALTER TABLE t ADD COLUMN c int ", "REFERENCES ", size);
    case 2:
      return repeat_to("ALTER TABLE t ", "ADD COLUMN c int REFERENCES p (id), ", size);
    case 3:
      return repeat_to("SELECT ", "(", size);
    default:  // two findings per statement (lint_options::max_findings lifted below)
      return repeat_to("", "DROP TABLE t;\n", size);
  }
}

void BM_LintAdversarial(benchmark::State& state, int which) {
  const std::string script = lint_pattern(which, static_cast<std::size_t>(state.range(0)));
  m::lint_options options;
  if (which == 4) options.max_findings = std::numeric_limits<std::size_t>::max();
  for (auto _ : state) {
    auto findings = m::lint(script, options);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(script.size()));
  state.SetComplexityN(static_cast<std::int64_t>(script.size()));
}

}  // namespace

BENCHMARK_CAPTURE(BM_LintAdversarial, default_repeated, 0)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 4 << 20)
    ->Complexity(benchmark::oN);
BENCHMARK_CAPTURE(BM_LintAdversarial, references_repeated, 1)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 4 << 20)
    ->Complexity(benchmark::oN);
BENCHMARK_CAPTURE(BM_LintAdversarial, add_column_references_repeated, 2)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 4 << 20)
    ->Complexity(benchmark::oN);
BENCHMARK_CAPTURE(BM_LintAdversarial, select_open_parens, 3)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 4 << 20)
    ->Complexity(benchmark::oN);
BENCHMARK_CAPTURE(BM_LintAdversarial, many_findings, 4)
    ->RangeMultiplier(4)
    ->Range(1 << 10, 4 << 20)
    ->Complexity(benchmark::oN);
