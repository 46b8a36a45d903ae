#pragma once
// relkit::gates read_options: the limits every report reader applies (XML and
// JSON alike), so a report larger, deeper or longer than a pipeline should
// ever write is refused (report_errc::too_large) before it costs more than a
// bounded amount of memory and time.

#include "relkit/detail/prologue.hpp"

#include <cstddef>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

struct read_options {
  std::size_t max_bytes = std::size_t{64} << 20U;  // the report's size: 64 MiB
  // Nesting: XML elements, or JSON arrays and objects, open at once.
  std::size_t max_depth = 256;
  std::size_t max_elements = std::size_t{4} << 20U;  // XML elements in one report
  std::size_t max_attributes = 256;                  // attributes on one XML element
  std::size_t max_files = std::size_t{1} << 20U;     // coverage: files in one report
  // Metrics, stages or approvals one JSON report may give (k6 metrics, jobs,
  // reviews, SARIF rules): bounds what a reader keeps, whatever the report's
  // size.
  std::size_t max_entries = 16384;
};

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
