// The XML report readers over synthetic reports of 1 KB to 4 MB in the shape
// the tools write: read_junit on GoogleTest-style suites (one failure in
// eight cases) and read_cobertura on gcovr-style classes (lines with
// branches). Both are linear in the input (Complexity oN) and allocate per
// file, never per element.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "relkit/gates.hpp"
#include "support/allocation_counter.hpp"

namespace {

namespace g = relkit::gates;

std::string junit_report(std::size_t bytes) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"0\" name=\"AllTests\">\n";
  for (std::size_t suite = 0; out.size() < bytes; ++suite) {
    out += "  <testsuite name=\"Suite" + std::to_string(suite) +
           "\" tests=\"8\" failures=\"1\" disabled=\"0\" skipped=\"0\" errors=\"0\" time=\"0.01\" "
           "timestamp=\"2026-12-03T12:23:32.166\">\n";
    for (int c = 0; c < 8; ++c) {
      out += "    <testcase name=\"Case" + std::to_string(c) +
             "\" file=\"grade_test.cpp\" line=\"5\" status=\"run\" result=\"completed\" "
             "time=\"0\" classname=\"Suite\"";
      if (c == 3) {
        out +=
            ">\n      <failure message=\"grade_test.cpp:7&#x0A;Expected equality\" "
            "type=\"\"><![CDATA[grade_test.cpp:7\nExpected equality of these values]]></failure>\n"
            "    </testcase>\n";
      } else {
        out += " />\n";
      }
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

std::string cobertura_report(std::size_t bytes) {
  std::string out =
      "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE coverage SYSTEM "
      "'http://cobertura.sourceforge.net/xml/coverage-04.dtd'>\n<coverage line-rate=\"0.9\" "
      "branch-rate=\"0.5\" lines-covered=\"9\" lines-valid=\"10\" branches-covered=\"1\" "
      "branches-valid=\"2\" version=\"gcovr 5.2\">\n<packages><package name=\"\"><classes>\n";
  for (std::size_t file = 0; out.size() < bytes; ++file) {
    out += "<class name=\"f" + std::to_string(file) + "\" filename=\"src/f" + std::to_string(file) +
           ".cpp\" line-rate=\"0.9\" branch-rate=\"0.5\"><methods/><lines>\n";
    for (int line = 1; line <= 20; ++line) {
      out += "<line number=\"" + std::to_string(line) + "\" hits=\"" + std::to_string(line % 3) +
             (line % 5 == 0 ? "\" branch=\"true\" condition-coverage=\"50% (1/2)\"/>\n"
                            : "\" branch=\"false\"/>\n");
    }
    out += "</lines></class>\n";
  }
  return out + "</classes></package></packages></coverage>\n";
}

template <class Read>
void run(benchmark::State& state, const std::string& text, Read read) {
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) {
    auto e = read(text);
    if (!e) state.SkipWithError("the report was refused");
    benchmark::DoNotOptimize(e);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetComplexityN(static_cast<std::int64_t>(text.size()));
  state.counters["allocs"] = relkit_bench::allocations_per_iteration(state, before);
}

void BM_ReadJunit(benchmark::State& state) {
  const std::string text = junit_report(static_cast<std::size_t>(state.range(0)));
  run(state, text, [](const std::string& t) { return g::read_junit(t); });
}
BENCHMARK(BM_ReadJunit)->RangeMultiplier(4)->Range(1 << 10, 4 << 20)->Complexity(benchmark::oN);

void BM_ReadCobertura(benchmark::State& state) {
  const std::string text = cobertura_report(static_cast<std::size_t>(state.range(0)));
  run(state, text, [](const std::string& t) { return g::read_cobertura(t); });
}
BENCHMARK(BM_ReadCobertura)->RangeMultiplier(4)->Range(1 << 10, 4 << 20)->Complexity(benchmark::oN);

}  // namespace
