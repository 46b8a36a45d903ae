#pragma once
// The errors every report reader of relkit::gates (XML, JSON, lcov) makes
// alike: a read_options limit reached, and an error of a shared-core reader
// (relkit/detail/xml.hpp, relkit/detail/json.hpp) in the "gates.report"
// domain at the same byte.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// too_large: "more than {limit} {what}" ("more than 16384 jobs").
[[nodiscard]] inline relkit::error too_large(std::size_t position, const char* what,
                                             std::size_t limit) noexcept {
  return relkit::error{
      report_errc::too_large, position,
      relkit::error_args{}.with_text(what).with_number(static_cast<std::int64_t>(limit))};
}

// A shared-core reader's error as a report error: a limit (`limit` names
// it: "levels of XML nesting"; null when `e` is no limit) is too_large with
// the reader's figure, anything else `invalid` (invalid_xml, invalid_json)
// with the reader's phrase, a string literal.
[[nodiscard]] inline relkit::error reader_error(const relkit::error& e, report_errc invalid,
                                                const char* limit) noexcept {
  if (limit != nullptr) {
    return relkit::error{report_errc::too_large, e.position,
                         relkit::error_args{}.with_text(limit).with_number(e.args.number())};
  }
  return relkit::error{invalid, e.position, relkit::error_args{}.with_text(e.args.text().data())};
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
