#pragma once
// relkit::gates reports: what every evidence reader shares. A reader turns one
// report a pipeline already writes (JUnit XML, Cobertura, SARIF, k6, ...) into
// an evidence fragment under relkit's names; `merge` joins the fragments of
// several reports into the one evidence a gate is evaluated on.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// Errors of the readers, in the "gates.report" domain. The position is the
// byte offset into the report text; {text} names the report's element, field
// or attribute in the report's own words ("testsuite@tests", "results[3].Severity").
enum class report_errc {
  invalid_xml = 1,       // the XML is malformed or uses what the bounded reader refuses
  invalid_json,          // the JSON is malformed
  wrong_format,          // well-formed, but not the report this reader reads
  missing_field,         // a field the mapping needs is absent
  bad_value,             // a field holds a value of the wrong type or out of range
  bad_time,              // a timestamp that is not RFC 3339 / ISO 8601 as the tool writes it
  too_large,             // the report exceeds a documented limit
  conflicting_evidence,  // two reports give the same metric, or different authors
};

namespace detail {
inline constexpr relkit::error_entry<report_errc> report_errc_table[] = {
    {report_errc::invalid_xml, "invalid_xml", "invalid XML: {text}"},
    {report_errc::invalid_json, "invalid_json", "invalid JSON: {text}"},
    {report_errc::wrong_format, "wrong_format", "not {text}: found '{token}'"},
    {report_errc::missing_field, "missing_field", "{text} is missing"},
    {report_errc::bad_value, "bad_value", "{text}: expected {text2}, found '{token}'"},
    {report_errc::bad_time, "bad_time", "{text}: expected a date and time, found '{token}'"},
    {report_errc::too_large, "too_large", "more than {number} {text}"},
    {report_errc::conflicting_evidence, "conflicting_evidence",
     "{text} '{token}' is given by two reports"},
};
inline constexpr relkit::error_domain report_errc_domain =
    relkit::make_error_domain<report_errc_table>("gates.report");
}  // namespace detail
[[nodiscard]] constexpr const relkit::error_domain& relkit_error_domain(report_errc) noexcept {
  return detail::report_errc_domain;
}

// Adds `fragment` to `into`: counts of one name are summed (two JUnit files
// give the tests of both), approvals and stages are appended; a metric named
// by both, or two different authors, is an error (conflicting_evidence,
// no_position) and leaves `into` unchanged.
[[nodiscard]] inline result<void> merge(evidence& into, const evidence& fragment) {
  for (const metric& m : fragment.metrics) {
    for (const metric& existing : into.metrics) {
      if (existing.name == m.name) {
        return relkit::error{report_errc::conflicting_evidence, no_position,
                             error_args().with_text("the metric").with_token(m.name)};
      }
    }
  }
  if (fragment.author && into.author && *fragment.author != *into.author) {
    return relkit::error{report_errc::conflicting_evidence, no_position,
                         error_args().with_text("the author").with_token(*fragment.author)};
  }
  into.metrics.insert(into.metrics.end(), fragment.metrics.begin(), fragment.metrics.end());
  for (const count& c : fragment.counts) {
    bool summed = false;
    for (count& existing : into.counts) {
      if (existing.name == c.name) {
        existing.value += c.value;
        summed = true;
        break;
      }
    }
    if (!summed) into.counts.push_back(c);
  }
  into.approvals.insert(into.approvals.end(), fragment.approvals.begin(), fragment.approvals.end());
  into.stages.insert(into.stages.end(), fragment.stages.begin(), fragment.stages.end());
  if (fragment.author) into.author = fragment.author;
  if (fragment.approval_requested_at && !into.approval_requested_at) {
    into.approval_requested_at = fragment.approval_requested_at;
  }
  if (fragment.now && !into.now) into.now = fragment.now;
  return relkit::result<void>();
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
