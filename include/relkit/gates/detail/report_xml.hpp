#pragma once
// What the XML report readers (JUnit, Cobertura, JaCoCo) share: the bounded
// XML reader's limits from read_options, its errors in the "gates.report"
// domain, and typed attribute values with positioned errors.

#include "relkit/detail/prologue.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/xml.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/detail/report_error.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

using xml_reader = relkit::detail::xml_reader<>;
using relkit::detail::xml_event;

[[nodiscard]] inline relkit::detail::xml_limits xml_limits_of(
    const read_options& options) noexcept {
  relkit::detail::xml_limits limits;
  limits.max_bytes = options.max_bytes;
  limits.max_depth = options.max_depth;
  limits.max_elements = options.max_elements;
  limits.max_attributes = options.max_attributes;
  return limits;
}

// An error of the XML reader as a report error at the same byte: a limit is
// too_large ("more than 256 levels of XML nesting"), anything else
// invalid_xml with the XML reader's phrase.
[[nodiscard]] inline relkit::error report_error_of(const relkit::error& e) noexcept {
  using relkit::detail::xml_errc;
  const char* limit = nullptr;
  if (e.code == xml_errc::too_large) {
    limit = "bytes of XML";
  } else if (e.code == xml_errc::too_deep) {
    limit = "levels of XML nesting";
  } else if (e.code == xml_errc::too_many_elements) {
    limit = "XML elements";
  } else if (e.code == xml_errc::too_many_attributes) {
    limit = "attributes on one XML element";
  }
  return reader_error(e, report_errc::invalid_xml, limit);
}

// "not {text}: found '<name>'" at the root element.
[[nodiscard]] inline relkit::error wrong_root(const xml_reader& r, const char* expected) noexcept {
  return relkit::error{report_errc::wrong_format, r.position(),
                       relkit::error_args{}.with_text(expected).with_token(r.name())};
}

// The next start_element of the document (its root), skipping the prolog.
[[nodiscard]] inline relkit::result<void> read_root(xml_reader& r) {
  auto e = r.next();
  if (!e) return report_error_of(e.error());
  return {};  // the reader's first event is always the root's start
}

[[nodiscard]] inline relkit::error bad_value(const relkit::detail::xml_attribute& a,
                                             const char* what, const char* expected) noexcept {
  return relkit::error{
      report_errc::bad_value, a.value_position,
      relkit::error_args{}.with_text(what).with_text2(expected).with_token(a.value)};
}

// Attribute `name` of the current element as a non-negative integer; nullopt
// when absent. `what` names it in errors ("testsuite@tests").
[[nodiscard]] inline relkit::result<std::optional<std::uint64_t>> count_attribute(
    const xml_reader& r, std::string_view name, const char* what) {
  const relkit::detail::xml_attribute* a = r.find_attribute(name);
  if (a == nullptr) return std::optional<std::uint64_t>();
  // 18 digits: sums of a million such counts still fit 64 bits.
  const auto n = a->value.size() <= 18 ? relkit::detail::parse_uint(a->value) : std::nullopt;
  if (!n) return bad_value(*a, what, "a non-negative integer");
  return std::optional<std::uint64_t>(*n);
}

// Attribute `name` as a finite non-negative decimal number ("0.8333", "1",
// "3.93"); nullopt when absent.
[[nodiscard]] inline relkit::result<std::optional<double>> number_attribute(const xml_reader& r,
                                                                            std::string_view name,
                                                                            const char* what) {
  const relkit::detail::xml_attribute* a = r.find_attribute(name);
  if (a == nullptr) return std::optional<double>();
  const auto parsed =
      relkit::detail::parse_decimal(a->value, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != a->value.size() ||
      !std::isfinite(parsed.value) || parsed.value < 0 || a->value.empty() || a->value[0] == '+') {
    return bad_value(*a, what, "a non-negative decimal number");
  }
  return std::optional<double>(parsed.value);
}

// Attribute `name` as a date and time: RFC 3339, or the same without an
// offset (read as UTC), as GoogleTest, pytest and jest-junit write it;
// milliseconds since the epoch, nullopt when absent.
[[nodiscard]] inline relkit::result<std::optional<std::int64_t>> time_attribute(
    const xml_reader& r, std::string_view name, const char* what) {
  const relkit::detail::xml_attribute* a = r.find_attribute(name);
  if (a == nullptr) return std::optional<std::int64_t>();
  relkit::detail::timestamp_options options;
  options.optional_offset = true;
  const auto ms = relkit::detail::parse_timestamp_ms(a->value, options);
  if (!ms) {
    return relkit::error{report_errc::bad_time, a->value_position,
                         relkit::error_args{}.with_text(what).with_token(a->value)};
  }
  return std::optional<std::int64_t>(*ms);
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
