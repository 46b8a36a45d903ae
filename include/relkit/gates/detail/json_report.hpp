#pragma once
// What the JSON report readers of relkit::gates share: the in-place scanner
// of relkit/detail/json_scan.hpp (no document tree; a reader keeps only what
// it maps: counts, metrics, stages, approvals) with read_options' limits, and
// the readers' errors (gates.report, relkit/gates/report.hpp) with the byte
// position in the report.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/detail/json_scan.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/detail/report_error.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

using relkit::detail::json_span;
using relkit::detail::json_text;

// An error of the JSON scanner as a report error at the same byte: a limit is
// too_large ("more than 256 levels of JSON nesting"), anything else
// invalid_json with the JSON lexer's phrase.
[[nodiscard]] inline relkit::error report_error_of_json(const relkit::error& e) noexcept {
  using relkit::detail::json_errc;
  const char* limit = nullptr;
  if (e.code == json_errc::too_large) {
    limit = "bytes";
  } else if (e.code == json_errc::too_deep) {
    limit = "levels of JSON nesting";
  }
  return reader_error(e, report_errc::invalid_json, limit);
}

// Checks the whole report; its top value on success.
template <class Unused = void>
[[nodiscard]] relkit::result<json_span> scan(const json_text& doc, const read_options& options) {
  auto top = doc.scan<>(options.max_bytes, options.max_depth);
  if (!top) return report_error_of_json(top.error());
  return top;
}

// ------------------------------------------------------------ reader errors

[[nodiscard]] inline relkit::error wrong_format(const json_text& doc, json_span found,
                                                const char* what) noexcept {
  // Names the first key of an object (what it is, most often), else its type.
  std::string_view token = doc.token(found);
  if (found.is_object()) {
    doc.members(found, [&](json_span key, json_span) {
      token = doc.token(key);
      return false;
    });
  }
  return relkit::error{report_errc::wrong_format, found.begin,
                       error_args().with_text(what).with_token(token)};
}

[[nodiscard]] inline relkit::error missing_field(json_span where, const char* field) noexcept {
  return relkit::error{report_errc::missing_field, where.begin, error_args().with_text(field)};
}

[[nodiscard]] inline relkit::error bad_value(const json_text& doc, json_span found,
                                             const char* field, const char* expected) noexcept {
  return relkit::error{
      report_errc::bad_value, found.begin,
      error_args().with_text(field).with_text2(expected).with_token(doc.token(found))};
}

[[nodiscard]] inline relkit::error too_many(json_span where, const read_options& limits,
                                            const char* what) noexcept {
  return too_large(where.begin, what, limits.max_entries);
}

// wrong_format naming what was found, or the `message` of an API's error
// document (GitHub's and GitLab's `{"message": ...}`) when it is one.
[[nodiscard]] inline relkit::error not_a(const json_text& doc, json_span found, const char* what) {
  const json_span message = doc.find(found, "message");
  return wrong_format(doc, message.is_string() ? message : found, what);
}

// Scans the report: its top value, which must be of `kind` ('{' an object,
// '[' an array); anything else is not_a(what).
template <class Unused = void>
[[nodiscard]] relkit::result<json_span> scan_top(const json_text& doc, const read_options& options,
                                                 char kind, const char* what) {
  auto top = scan<>(doc, options);
  if (!top) return top;
  if (top->kind != kind) return not_a(doc, *top, what);
  return top;
}

// The array `key` of the report's top object: absent is not_a(what), not an
// array bad_value.
template <class Unused = void>
[[nodiscard]] relkit::result<json_span> array_member(const json_text& doc, json_span top,
                                                     const char* key, const char* what) {
  const json_span list = doc.find(top, key);
  if (list.absent()) return not_a(doc, top, what);
  if (!list.is_array()) return bad_value(doc, list, key, "an array");
  return list;
}

// Calls f(item) for each item of an array, stopping at the first error f
// gives (f returns relkit::result<void>); that error is the answer.
template <class F>
[[nodiscard]] relkit::result<void> for_each_item(const json_text& doc, json_span array, F&& f) {
  relkit::result<void> outcome;
  doc.items(array, [&](json_span item) {
    outcome = f(item);
    return outcome.has_value();
  });
  return outcome;
}

// As for_each_item, f(key, value) for each member of an object.
template <class F>
[[nodiscard]] relkit::result<void> for_each_member(const json_text& doc, json_span object, F&& f) {
  relkit::result<void> outcome;
  doc.members(object, [&](json_span key, json_span value) {
    outcome = f(key, value);
    return outcome.has_value();
  });
  return outcome;
}

// f(entry) for each item of an array, or each member's value of an object,
// that must be an object: one that is not is bad_value naming `path`
// ("runs[]", "vulnerabilities{}").
template <class F>
[[nodiscard]] relkit::result<void> for_each_object(const json_text& doc, json_span container,
                                                   const char* path, F&& f) {
  const auto each = [&](json_span entry) -> relkit::result<void> {
    if (!entry.is_object()) return bad_value(doc, entry, path, "an object");
    return f(entry);
  };
  if (container.is_object()) {
    return for_each_member(doc, container, [&](json_span, json_span value) { return each(value); });
  }
  return for_each_item(doc, container, each);
}

// An RFC 3339 time (relkit/detail/civil_time.hpp) of a string span.
[[nodiscard]] inline relkit::result<time_point> time_of(const json_text& doc, json_span s,
                                                        const char* field) {
  if (!s.is_string()) return bad_value(doc, s, field, "an RFC 3339 time");
  const auto ms = relkit::detail::parse_timestamp_ms(doc.token(s));
  if (!ms) {
    return relkit::error{report_errc::bad_time, s.begin,
                         error_args().with_text(field).with_token(doc.token(s))};
  }
  return time_point(std::chrono::milliseconds(*ms));
}

// ASCII case-insensitive equality (severity words are written in every case).
[[nodiscard]] constexpr bool same_word(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (relkit::detail::to_lower(a[i]) != relkit::detail::to_lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
