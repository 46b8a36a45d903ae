// Fuzz target for relkit::gates::read_lcov (lcov tracefiles): never crashes,
// every error points into the input with a message, and an accepted report's
// figures are consistent (covered never above valid, percentages 0-100, the
// overall counts the files' sums).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "relkit/gates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace g = relkit::gates;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto r = g::read_coverage_report(text, g::coverage_format::lcov);
  if (!r) {
    if (r.error().position > size || r.error().message().empty()) std::abort();
    return 0;
  }
  std::uint64_t lines = 0;
  std::uint64_t covered = 0;
  for (const g::file_coverage& f : r->files) {
    if (f.lines_covered > f.lines_valid || f.branches_covered > f.branches_valid) std::abort();
    lines += f.lines_valid;
    covered += f.lines_covered;
  }
  if (lines != r->lines_valid || covered != r->lines_covered) std::abort();
  for (const auto& p : {r->coverage, r->branch_coverage}) {
    if (p && !(*p >= 0.0 && *p <= 100.0)) std::abort();
  }
  const auto e = g::read_lcov(text);
  if (!e || !(*e == g::to_evidence(*r))) std::abort();
  return 0;
}
