#pragma once
// Bodies of relkit/gates/test_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/gates/detail/report_xml.hpp"
#include "relkit/gates/test_report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// One open <testsuite> (or the document, for cases outside any suite).
struct junit_suite {
  std::uint64_t attr_tests = 0;
  std::uint64_t attr_failed = 0;   // failures + errors
  std::uint64_t attr_skipped = 0;  // skipped + disabled
  std::uint64_t cases = 0;
  std::uint64_t failed = 0;
  std::uint64_t skipped = 0;
  bool has_suites = false;  // holds <testsuite> elements: its attributes are theirs summed
};

struct junit_totals {
  std::uint64_t total = 0;
  std::uint64_t failed = 0;
  std::uint64_t skipped = 0;
  std::optional<std::int64_t> finished_ms;
};

[[nodiscard]] inline std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) noexcept {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

// A suite's attributes and its finish time (timestamp + time) into `suite` and `totals`.
[[nodiscard]] inline relkit::result<void> read_suite_attributes(const xml_reader& r,
                                                                junit_suite& suite,
                                                                junit_totals& totals) {
  const char* names[] = {"tests", "failures", "errors", "skipped", "disabled"};
  const char* whats[] = {"testsuite@tests", "testsuite@failures", "testsuite@errors",
                         "testsuite@skipped", "testsuite@disabled"};
  std::uint64_t values[5] = {};
  for (std::size_t i = 0; i < 5; ++i) {
    auto v = count_attribute(r, names[i], whats[i]);
    if (!v) return std::move(v).error();
    values[i] = v->value_or(0);
  }
  suite.attr_tests = values[0];
  suite.attr_failed = saturating_add(values[1], values[2]);
  suite.attr_skipped = saturating_add(values[3], values[4]);
  auto stamp = time_attribute(r, "timestamp", "testsuite@timestamp");
  if (!stamp) return std::move(stamp).error();
  if (*stamp) {
    // `time` is read only with a timestamp: it is only a finish time's part.
    auto seconds = number_attribute(r, "time", "testsuite@time");
    if (!seconds) return std::move(seconds).error();
    // A duration above a year is not a test run; it is ignored, not added.
    const double s = seconds->value_or(0.0);
    std::int64_t ms = 0;
    if (s <= 31536000.0) ms = std::llround(s * 1000.0);
    const std::int64_t finished = **stamp + ms;
    if (!totals.finished_ms || finished > *totals.finished_ms) totals.finished_ms = finished;
  }
  return {};
}

inline void close_suite(const junit_suite& suite, junit_totals& totals) noexcept {
  if (suite.has_suites) {
    totals.total = saturating_add(totals.total, suite.cases);
    totals.failed = saturating_add(totals.failed, suite.failed);
    totals.skipped = saturating_add(totals.skipped, suite.skipped);
    return;
  }
  totals.total = saturating_add(totals.total, std::max(suite.attr_tests, suite.cases));
  totals.failed = saturating_add(totals.failed, std::max(suite.attr_failed, suite.failed));
  totals.skipped = saturating_add(totals.skipped, std::max(suite.attr_skipped, suite.skipped));
}

}  // namespace detail

template <class Unused>
result<evidence> read_junit(std::string_view text, std::string_view stage,
                            const read_options& options) {
  detail::xml_reader r(text, detail::xml_limits_of(options));
  auto root = detail::read_root(r);
  if (!root) return std::move(root).error();
  const bool is_suites = r.name() == "testsuites";
  if (!is_suites && r.name() != "testsuite") {
    return detail::wrong_root(r, "a JUnit XML report (<testsuites> or <testsuite>)");
  }
  detail::junit_totals totals;
  // Frame 0 is the document: cases outside every suite, and the suites
  // below a <testsuites> root (whose own attributes are not read).
  std::vector<detail::junit_suite> suites(1);
  suites[0].has_suites = true;
  std::optional<std::int64_t> root_stamp;
  if (is_suites) {
    auto stamp = detail::time_attribute(r, "timestamp", "testsuites@timestamp");
    if (!stamp) return std::move(stamp).error();
    root_stamp = *stamp;
  } else {
    suites.emplace_back();
    auto ok = detail::read_suite_attributes(r, suites.back(), totals);
    if (!ok) return std::move(ok).error();
  }
  std::size_t case_depth = 0;  // depth of the open <testcase>, 0 when none
  bool case_failed = false;
  bool case_skipped = false;
  while (true) {
    auto event = r.next();
    if (!event) return detail::report_error_of(event.error());
    if (*event == detail::xml_event::end_document) break;
    if (*event == detail::xml_event::start_element) {
      const std::string_view name = r.name();
      if (case_depth != 0) {
        if (r.depth() == case_depth + 1) {
          if (name == "failure" || name == "error") case_failed = true;
          if (name == "skipped") case_skipped = true;
        }
      } else if (name == "testsuite") {
        suites.back().has_suites = true;
        suites.emplace_back();
        auto ok = detail::read_suite_attributes(r, suites.back(), totals);
        if (!ok) return std::move(ok).error();
      } else if (name == "testcase") {
        case_depth = r.depth();
        case_failed = false;
        const auto* status = r.find_attribute("status");
        const auto* outcome = r.find_attribute("result");
        case_skipped =
            (status != nullptr && status->value == "notrun") ||
            (outcome != nullptr && (outcome->value == "skipped" || outcome->value == "suppressed"));
      }
    } else if (*event == detail::xml_event::end_element) {
      if (case_depth != 0) {
        if (r.depth() + 1 == case_depth) {  // the <testcase> itself closed
          case_depth = 0;
          detail::junit_suite& suite = suites.back();
          ++suite.cases;
          if (case_failed) {
            ++suite.failed;
          } else if (case_skipped) {
            ++suite.skipped;
          }
        }
      } else if (r.name() == "testsuite") {
        detail::close_suite(suites.back(), totals);
        suites.pop_back();
      }
    }
  }
  detail::close_suite(suites[0], totals);

  evidence out;
  out.counts.push_back(count{"tests_total", totals.total});
  out.counts.push_back(count{"tests_failed", totals.failed});
  out.counts.push_back(count{"tests_skipped", totals.skipped});
  stage_result result;
  result.stage = std::string(stage);
  const std::uint64_t ran = totals.total > totals.skipped ? totals.total - totals.skipped : 0;
  result.status = totals.failed != 0 ? stage_status::failed
                  : ran == 0         ? stage_status::skipped
                                     : stage_status::passed;
  const std::optional<std::int64_t> finished = totals.finished_ms ? totals.finished_ms : root_stamp;
  result.finished_at =
      finished ? time_point(std::chrono::milliseconds(*finished)) : time_point::max();
  out.stages.push_back(std::move(result));
  return out;
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
