// The cost of relkit::result itself: every parser pays it on every call.
#include <relkit/relkit.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace {

enum class bench_errc { odd = 1 };
inline constexpr relkit::error_entry<bench_errc> bench_table[] = {
    {bench_errc::odd, "odd", "odd number {number}"}};
inline constexpr relkit::error_domain bench_domain =
    relkit::make_error_domain<bench_table>("bench");
constexpr const relkit::error_domain& relkit_error_domain(bench_errc) noexcept {
  return bench_domain;
}

relkit::result<int> half(int x) {
  if (x % 2 != 0) return relkit::error{bench_errc::odd, 0, relkit::error_args{}.with_number(x)};
  return x / 2;
}

void BM_ResultValuePath(benchmark::State& state) {
  int input = 2;
  for (auto _ : state) {
    benchmark::DoNotOptimize(input);
    auto r = half(input);
    benchmark::DoNotOptimize(r.has_value() ? *r : -1);
  }
}
BENCHMARK(BM_ResultValuePath);

// The error path stores code, position and arguments; no message is built.
void BM_ResultErrorPath(benchmark::State& state) {
  int input = 3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(input);
    auto r = half(input);
    benchmark::DoNotOptimize(r.has_value() ? 0 : r.error().position);
  }
}
BENCHMARK(BM_ResultErrorPath);

}  // namespace
