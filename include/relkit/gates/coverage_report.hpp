#pragma once
// relkit::gates coverage reports: Cobertura XML (gcovr, coverage.py,
// istanbul), JaCoCo XML and lcov tracefiles, read into line and branch
// figures overall and per file, and into evidence under relkit's names.
//
// Evidence (to_evidence, and read_cobertura / read_jacoco / read_lcov /
// read_coverage, which return it directly):
//   metric coverage         covered lines / valid lines * 100 (0-100)
//   metric branch_coverage  covered branches / valid branches * 100
// A figure whose valid count is 0 (a report with no branches, an empty run)
// is absent, not 0 or 100: a gate that needs it fails as missing evidence.
// The per-file figures are in coverage_report::files, not in the evidence.
//
// Cobertura (root <coverage>): overall from the root's lines-valid /
// lines-covered and branches-valid / branches-covered (exact; the rate
// attributes are rounded by some tools, coverage.py to 4 digits); where a
// count pair is absent, from the root's line-rate / branch-rate (0-1) * 100.
// Per file: each <class filename> (classes of one file are summed, in the
// order the files first appear) counts its <lines><line> elements: a line is
// valid, covered when hits > 0; a line with branch="true" adds the (a/b) of
// its condition-coverage ("50% (1/2)") to the file's branches. Method-level
// <line> elements (istanbul, Cobertura for Java) repeat class lines and are
// not counted.
//
// JaCoCo (root <report>): overall from the report's own <counter type="LINE">
// and <counter type="BRANCH"> (valid = missed + covered); JaCoCo writes no
// counter whose total is 0, so an absent counter is a valid count of 0. Per
// file: each <package name>/<sourcefile name>'s LINE and BRANCH counters,
// named "<package>/<sourcefile>" ("com/example/Main.java").
//
// lcov (a tracefile: TN:, SF:, DA:, BRDA:, LF:, LH:, BRF:, BRH:, FN*:,
// end_of_record; other KEY: lines are skipped): per record (SF: ...
// end_of_record), valid and covered lines from LF / LH, or, when absent,
// from its DA: lines (covered when hits > 0); branches from BRF / BRH, or
// from its BRDA: lines (covered when taken is a number > 0; "-" is a branch
// never reached). Overall: the records summed. A file in two records
// (several TN: sections) is summed too, which averages the runs; merge them
// with lcov -a first for the union.
//
// Errors (report_errc, byte offsets into the report): invalid_xml and
// too_large from the bounded XML reader (relkit/detail/xml.hpp) and
// read_options' limits (max_files: files in one report); wrong_format for a
// report of another kind (its root element, or its first lcov line);
// bad_value for a count or rate that is not a number in range (a rate
// outside 0-1, a covered count above its valid count); missing_field for a
// Cobertura <class> without filename, a JaCoCo <counter> without type, an
// lcov record without end_of_record.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

enum class coverage_format : std::uint8_t { cobertura, jacoco, lcov };

namespace detail {
inline constexpr relkit::detail::enum_name<coverage_format> coverage_format_names[] = {
    {coverage_format::cobertura, "cobertura"},
    {coverage_format::jacoco, "jacoco"},
    {coverage_format::lcov, "lcov"},
};
}  // namespace detail

// "cobertura", "jacoco", "lcov".
[[nodiscard]] constexpr std::string_view to_string(coverage_format f) noexcept {
  return relkit::detail::enum_to_string(detail::coverage_format_names, f);
}
[[nodiscard]] constexpr std::optional<coverage_format> parse_coverage_format(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::coverage_format_names, text);
}

// One source file's figures.
struct file_coverage {
  std::string path;  // as the report names it
  std::uint64_t lines_valid = 0;
  std::uint64_t lines_covered = 0;
  std::uint64_t branches_valid = 0;
  std::uint64_t branches_covered = 0;

  friend bool operator==(const file_coverage& a, const file_coverage& b) {
    return a.path == b.path && a.lines_valid == b.lines_valid &&
           a.lines_covered == b.lines_covered && a.branches_valid == b.branches_valid &&
           a.branches_covered == b.branches_covered;
  }
  friend bool operator!=(const file_coverage& a, const file_coverage& b) { return !(a == b); }
};

// A whole report's figures. `coverage` and `branch_coverage` are the
// percentages the evidence gets (absent when nothing was measured); the
// counts are the report's own (or the files' summed where it gives none).
struct coverage_report {
  coverage_format format = coverage_format::cobertura;
  std::uint64_t lines_valid = 0;
  std::uint64_t lines_covered = 0;
  std::uint64_t branches_valid = 0;
  std::uint64_t branches_covered = 0;
  std::optional<double> coverage;         // percent of lines covered
  std::optional<double> branch_coverage;  // percent of branches covered
  std::vector<file_coverage> files;       // in the order the report first names them

  friend bool operator==(const coverage_report& a, const coverage_report& b) {
    return a.format == b.format && a.lines_valid == b.lines_valid &&
           a.lines_covered == b.lines_covered && a.branches_valid == b.branches_valid &&
           a.branches_covered == b.branches_covered && a.coverage == b.coverage &&
           a.branch_coverage == b.branch_coverage && a.files == b.files;
  }
  friend bool operator!=(const coverage_report& a, const coverage_report& b) { return !(a == b); }
};

// covered / valid * 100, absent when valid is 0.
[[nodiscard]] inline std::optional<double> percent(std::uint64_t covered,
                                                   std::uint64_t valid) noexcept {
  if (valid == 0) return std::nullopt;
  return static_cast<double>(covered) * 100.0 / static_cast<double>(valid);
}

// The metrics `coverage` and `branch_coverage` of a report (each when present).
[[nodiscard]] inline evidence to_evidence(const coverage_report& report) {
  evidence out;
  if (report.coverage) out.metrics.push_back(metric{"coverage", *report.coverage, {}, {}});
  if (report.branch_coverage) {
    out.metrics.push_back(metric{"branch_coverage", *report.branch_coverage, {}, {}});
  }
  return out;
}

// The format of a coverage report by its first element (<coverage>:
// Cobertura, <report>: JaCoCo) or its first line (TN:, SF: or VER:: lcov);
// wrong_format (or invalid_xml) at the byte that tells none of them.
template <class = void>
[[nodiscard]] result<coverage_format> detect_coverage_format(std::string_view text,
                                                             const read_options& options = {});

// The figures of a report of the given format.
template <class = void>
[[nodiscard]] result<coverage_report> read_coverage_report(std::string_view text,
                                                           coverage_format format,
                                                           const read_options& options = {});
// ... of a report whose format is detected.
template <class = void>
[[nodiscard]] result<coverage_report> read_coverage_report(std::string_view text,
                                                           const read_options& options = {});

// The evidence of one report (to_evidence of its figures).
template <class = void>
[[nodiscard]] result<evidence> read_cobertura(std::string_view text,
                                              const read_options& options = {});
template <class = void>
[[nodiscard]] result<evidence> read_jacoco(std::string_view text, const read_options& options = {});
template <class = void>
[[nodiscard]] result<evidence> read_lcov(std::string_view text, const read_options& options = {});
// ... of a report whose format is detected.
template <class = void>
[[nodiscard]] result<evidence> read_coverage(std::string_view text,
                                             const read_options& options = {});

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/coverage_report.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
