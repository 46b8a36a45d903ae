// Instructions per operation of bench_semver's cases, for before/after decisions on a
// shared machine (wall-clock moves 2-3x with the load; instruction counts do not).
// Not built by CMake; see semver_ir.sh.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <relkit/relkit.hpp>
#include <string>
#include <vector>
namespace sv = relkit::semver;
template <class T>
inline void keep(T const& v) {
  asm volatile("" : : "r,m"(v) : "memory");
}
template <class T>
inline void keep(T& v) {
  asm volatile("" : "+r,m"(v) : : "memory");
}
// version_mix() of semver_bench.cpp, copied by semver_ir.sh (the same strings).
#include "version_mix.inc"
__attribute__((noinline)) void run_mix(const std::vector<std::string>& mix, int n) {
  for (int k = 0; k < n; ++k)
    for (const auto& t : mix) {
      auto v = sv::parse(t);
      keep(v);
    }
}
__attribute__((noinline)) void run_invalid(int n) {
  const std::string text = "1.2.x-beta";
  for (int k = 0; k < n; ++k) {
    auto v = sv::parse(text);
    keep(v);
  }
}
__attribute__((noinline)) void run_cmp(const sv::version& a, const sv::version& b, int n) {
  for (int k = 0; k < n; ++k) {
    keep(a);
    keep(b);
    int c = sv::compare(a, b);
    keep(c);
  }
}
__attribute__((noinline)) void run_sort(const std::vector<std::string>& mix, int n) {
  for (int k = 0; k < n; ++k) {
    std::vector<sv::version> parsed;
    parsed.reserve(mix.size());
    for (const auto& t : mix) parsed.push_back(*sv::parse(t));
    sv::sort(parsed);
    keep(parsed.data());
  }
}
__attribute__((noinline)) void run_range(const char* t, int n) {
  for (int k = 0; k < n; ++k) {
    auto r = sv::parse_range(t);
    keep(r);
  }
}
__attribute__((noinline)) void run_sat(const sv::range& r, const sv::version& v, int n) {
  for (int k = 0; k < n; ++k) {
    keep(v);
    bool b = sv::satisfies(v, r);
    keep(b);
  }
}
int main(int, char** argv) {
  const char* m = argv[1];
  int n = std::atoi(argv[2]);
  if (!std::strcmp(m, "mix")) {
    auto mix = version_mix(1000);
    run_mix(mix, n);
  } else if (!std::strcmp(m, "invalid"))
    run_invalid(n);
  else if (!std::strcmp(m, "cmp")) {
    auto a = *sv::parse("1.2.3-alpha.1.beta.7"), b = *sv::parse("1.2.3-alpha.1.beta.10");
    run_cmp(a, b, n);
  } else if (!std::strcmp(m, "cmpplain")) {
    auto a = *sv::parse("1.2.3"), b = *sv::parse("1.2.4");
    run_cmp(a, b, n);
  } else if (!std::strcmp(m, "sort")) {
    auto mix = version_mix(10000);
    run_sort(mix, n);
  } else if (!std::strcmp(m, "caret"))
    run_range("^1.2.3", n);
  else if (!std::strcmp(m, "orx"))
    run_range(">=1.2.7 <1.3.0 || 2.x", n);
  else if (!std::strcmp(m, "tilde"))
    run_range("~1.2.3-beta.2", n);
  else if (!std::strcmp(m, "satcaret")) {
    auto r = *sv::parse_range("^1.2.3");
    auto v = *sv::parse("1.8.0");
    run_sat(r, v, n);
  }
  return 0;
}
