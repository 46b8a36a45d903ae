// Neargye/semver (include/semver.hpp at the commit run.sh pins and records) on the inputs of
// relkit's benchmarks/semver_bench.cpp, with the same benchmark names. Built by run.sh:
//   g++ -std=c++17 -O3 -DNDEBUG -I<dir of semver.hpp> neargye_bench.cpp -lbenchmark -lpthread
// and run with PEERS_INPUTS=<dir of mix1000.txt, mix10000.txt> (dump_inputs' output).
// Differences that the API forces (reported with the figures):
// - ranges: Neargye parses only primitive comparators (<, <=, >, >=, =) and `||`, no ^ ~ or
//   x-ranges, so range parse/satisfies use node-semver's own desugaring of the same range
//   (new Range(r).range in node-semver 7.8.6): a longer text to parse, the same comparator
//   sets to test.
// - sort: Neargye has no build-aware compare, so the 10k sort is std::stable_sort by
//   precedence (relkit's sv::sort is stable by compareBuild).
// - compare: detail::compare_parsed(a, b, include_prerelease) is what its operators call.
#include <semver.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

// relkit's version_mix(n) as dump_inputs wrote it (mix1000.txt, mix10000.txt).
std::vector<std::string> version_mix(std::size_t n) {
  const char* dir = std::getenv("PEERS_INPUTS");
  const std::string path =
      std::string(dir != nullptr ? dir : ".") + "/mix" + std::to_string(n) + ".txt";
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  if (out.size() != n) {
    std::fprintf(stderr, "neargye: %s does not hold %zu versions\n", path.c_str(), n);
    std::abort();
  }
  return out;
}

semver::version<> must_parse(std::string_view s) {
  semver::version<> v;
  if (!semver::parse(s, v)) {
    std::fprintf(stderr, "neargye: cannot parse %.*s\n", int(s.size()), s.data());
    std::abort();
  }
  return v;
}

void BM_ParseMix1000(benchmark::State& state) {
  const auto mix = version_mix(1000);
  for (const auto& t : mix) must_parse(t);  // all 1000 must be accepted
  for (auto _ : state) {
    for (const auto& text : mix) {
      semver::version<> v;
      auto r = semver::parse(text, v);
      benchmark::DoNotOptimize(r);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ParseMix1000);

void BM_ParseInvalid(benchmark::State& state) {
  const std::string text = "1.2.x-beta";
  for (auto _ : state) {
    semver::version<> v;
    auto r = semver::parse(text, v);
    if (r) state.SkipWithError("accepted 1.2.x-beta");
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_ParseInvalid);

void BM_CompareParsed(benchmark::State& state) {
  const auto a = must_parse("1.2.3-alpha.1.beta.7");
  const auto b = must_parse("1.2.3-alpha.1.beta.10");
  if (semver::detail::compare_parsed(a, b, semver::version_compare_option::include_prerelease) >= 0)
    state.SkipWithError("wrong order");
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(
        semver::detail::compare_parsed(a, b, semver::version_compare_option::include_prerelease));
  }
}
BENCHMARK(BM_CompareParsed);

void BM_CompareParsedPlain(benchmark::State& state) {
  const auto a = must_parse("1.2.3");
  const auto b = must_parse("1.2.4");
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(
        semver::detail::compare_parsed(a, b, semver::version_compare_option::include_prerelease));
  }
}
BENCHMARK(BM_CompareParsedPlain);

void BM_CompareStrings(benchmark::State& state) {
  const std::string a = "1.2.3-rc.1";
  const std::string b = "1.2.3";
  for (auto _ : state) {
    semver::version<> va, vb;
    int c = 2;
    if (semver::parse(a, va) && semver::parse(b, vb))
      c = semver::detail::compare_parsed(va, vb,
                                         semver::version_compare_option::include_prerelease);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_CompareStrings);

void BM_Sort10kStrings(benchmark::State& state) {
  const auto mix = version_mix(10000);
  for (auto _ : state) {
    std::vector<semver::version<>> parsed;
    parsed.reserve(mix.size());
    for (const auto& text : mix) parsed.push_back(must_parse(text));
    std::stable_sort(parsed.begin(), parsed.end(),
                     [](const auto& x, const auto& y) { return x < y; });
    benchmark::DoNotOptimize(parsed.data());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_Sort10kStrings);

// node-semver 7.8.6's desugaring of ^1.2.3, `>=1.2.7 <1.3.0 || 2.x`, ~1.2.3-beta.2
constexpr const char* kCaret = ">=1.2.3 <2.0.0-0";
constexpr const char* kOrX = ">=1.2.7 <1.3.0 || >=2.0.0 <3.0.0-0";
constexpr const char* kTildePre = ">=1.2.3-beta.2 <1.3.0-0";

void BM_RangeParse(benchmark::State& state, const char* text) {
  {
    semver::range_set<> r;
    if (!semver::parse(text, r)) state.SkipWithError("range rejected");
  }
  for (auto _ : state) {
    semver::range_set<> r;
    auto res = semver::parse(text, r);
    benchmark::DoNotOptimize(res);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK_CAPTURE(BM_RangeParse, caret, kCaret);
BENCHMARK_CAPTURE(BM_RangeParse, or_xrange, kOrX);
BENCHMARK_CAPTURE(BM_RangeParse, tilde_pre, kTildePre);

void BM_Satisfies(benchmark::State& state, const char* range_text, const char* version_text) {
  semver::range_set<> r;
  if (!semver::parse(range_text, r)) state.SkipWithError("range rejected");
  const auto v = must_parse(version_text);
  if (!r.contains(v)) state.SkipWithError("expected to satisfy");
  for (auto _ : state) {
    benchmark::DoNotOptimize(v);
    benchmark::DoNotOptimize(r.contains(v));
  }
}
BENCHMARK_CAPTURE(BM_Satisfies, caret, kCaret, "1.8.0");
BENCHMARK_CAPTURE(BM_Satisfies, or_xrange, kOrX, "2.4.1");
BENCHMARK_CAPTURE(BM_Satisfies, tilde_pre, kTildePre, "1.2.3-beta.4");

}  // namespace

BENCHMARK_MAIN();
