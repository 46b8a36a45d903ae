// relkit::semver: the benchmarks (parse, invalid parse, compare,
// compare strings, sort 10k strings, range parse, satisfies pre-parsed).
#include <relkit/relkit.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace sv = relkit::semver;

// A fixed, realistic mix: 70% plain, the rest prerelease and/or build.
std::vector<std::string> version_mix(std::size_t n) {
  std::vector<std::string> out;
  std::uint32_t state = 12345;
  auto next = [&state](std::uint32_t mod) {
    state = state * 1103515245U + 12345U;
    return (state >> 16) % mod;
  };
  const char* pre[] = {"alpha", "beta.1", "rc.2", "beta.11", "alpha.beta", "0.3.7", "canary.4"};
  const char* build[] = {"build.5", "sha.5114f85", "20130313144700", "exp.1"};
  for (std::size_t i = 0; i < n; ++i) {
    std::string v =
        std::to_string(next(20)) + "." + std::to_string(next(30)) + "." + std::to_string(next(100));
    const std::uint32_t kind = next(10);
    if (kind >= 7) v += std::string("-") + pre[next(7)];
    if (kind == 9 || kind == 6) v += std::string("+") + build[next(4)];
    out.push_back(v);
  }
  return out;
}

void BM_ParseMix1000(benchmark::State& state) {
  const auto mix = version_mix(1000);
  for (auto _ : state) {
    for (const auto& text : mix) {
      auto v = sv::parse(text);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ParseMix1000);

void BM_ParseInvalid(benchmark::State& state) {
  const std::string text = "1.2.x-beta";
  for (auto _ : state) {
    auto v = sv::parse(text);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_ParseInvalid);

void BM_CompareParsed(benchmark::State& state) {
  const auto a = *sv::parse("1.2.3-alpha.1.beta.7");
  const auto b = *sv::parse("1.2.3-alpha.1.beta.10");
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(sv::compare(a, b));
  }
}
BENCHMARK(BM_CompareParsed);

void BM_CompareParsedPlain(benchmark::State& state) {
  const auto a = *sv::parse("1.2.3");
  const auto b = *sv::parse("1.2.4");
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(sv::compare(a, b));
  }
}
BENCHMARK(BM_CompareParsedPlain);

void BM_CompareStrings(benchmark::State& state) {
  const std::string a = "1.2.3-rc.1";
  const std::string b = "1.2.3";
  for (auto _ : state) {
    auto c = sv::compare(a, b);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_CompareStrings);

void BM_Sort10kStrings(benchmark::State& state) {
  const auto mix = version_mix(10000);
  for (auto _ : state) {
    std::vector<sv::version> parsed;
    parsed.reserve(mix.size());
    for (const auto& text : mix) parsed.push_back(*sv::parse(text));
    sv::sort(parsed);
    benchmark::DoNotOptimize(parsed.data());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_Sort10kStrings);

void BM_RangeParse(benchmark::State& state, const char* text) {
  for (auto _ : state) {
    auto r = sv::parse_range(text);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK_CAPTURE(BM_RangeParse, caret, "^1.2.3");
BENCHMARK_CAPTURE(BM_RangeParse, or_xrange, ">=1.2.7 <1.3.0 || 2.x");
BENCHMARK_CAPTURE(BM_RangeParse, tilde_pre, "~1.2.3-beta.2");

void BM_Satisfies(benchmark::State& state, const char* range_text, const char* version_text) {
  const auto r = *sv::parse_range(range_text);
  const auto v = *sv::parse(version_text);
  for (auto _ : state) {
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(sv::satisfies(v, r));
  }
}
BENCHMARK_CAPTURE(BM_Satisfies, caret, "^1.2.3", "1.8.0");
BENCHMARK_CAPTURE(BM_Satisfies, or_xrange, ">=1.2.7 <1.3.0 || 2.x", "2.4.1");
BENCHMARK_CAPTURE(BM_Satisfies, tilde_pre, "~1.2.3-beta.2", "1.2.3-beta.4");

}  // namespace
