// Fuzz target for relkit's bounded XML reader and the XML report readers of
// relkit::gates (read_junit, read_cobertura, read_jacoco, read_coverage):
// never crashes, every error points into the input with a message, every
// reader answers the same on the same input, and what a reader accepts is
// consistent (counts within their totals, percentages within 0-100).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "relkit/detail/xml.hpp"
#include "relkit/gates.hpp"

namespace {

namespace g = relkit::gates;

void check_error(const relkit::error& e, std::size_t size) {
  if (e.position > size) std::abort();
  if (e.message().empty()) std::abort();
}

void check_percent(const std::optional<double>& p) {
  if (p && !(*p >= 0.0 && *p <= 100.0)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  g::read_options options;
  options.max_depth = 64;

  // The reader alone: events until the end or an error, depth never above the limit.
  relkit::detail::xml_limits limits;
  limits.max_depth = 64;
  relkit::detail::xml_reader<> reader(text, limits);
  for (std::size_t events = 0;; ++events) {
    auto e = reader.next();
    if (!e) {
      check_error(e.error(), size);
      break;
    }
    if (*e == relkit::detail::xml_event::end_document) break;
    if (reader.depth() > limits.max_depth || events > 2 * size + 2) std::abort();
  }

  const auto junit = g::read_junit(text, "tests", options);
  if (!junit) {
    check_error(junit.error(), size);
  } else {
    if (junit->counts.size() != 3 || junit->stages.size() != 1) std::abort();
    const bool failed = junit->counts[1].value != 0;
    if (failed != (junit->stages[0].status == g::stage_status::failed)) std::abort();
    if (!(junit == g::read_junit(text, "tests", options))) std::abort();
  }

  const auto coverage = g::read_coverage_report(text, options);
  if (!coverage) {
    check_error(coverage.error(), size);
  } else {
    check_percent(coverage->branch_coverage);
    check_percent(coverage->coverage);
    for (const g::file_coverage& f : coverage->files) {
      if (f.lines_covered > f.lines_valid || f.branches_covered > f.branches_valid) std::abort();
    }
    const auto evidence = g::read_coverage(text, options);
    if (!evidence || !(*evidence == g::to_evidence(*coverage))) std::abort();
  }
  for (const auto format : {g::coverage_format::cobertura, g::coverage_format::jacoco}) {
    const auto forced = g::read_coverage_report(text, format, options);
    if (!forced) check_error(forced.error(), size);
  }
  return 0;
}
