#pragma once
// relkit::gates test reports: JUnit XML, as GoogleTest (--gtest_output=xml),
// pytest (--junitxml), Maven Surefire and jest-junit write it, read into
// evidence under relkit's names.
//
// Mapping (read_junit):
//   count tests_total    test cases, skipped ones included
//   count tests_failed   cases with a <failure> or an <error> (each case once)
//   count tests_skipped  cases with a <skipped>, and GoogleTest's status="notrun"
//                        (disabled tests) and result="skipped" / "suppressed"
//   stage STAGE          passed when no test failed and at least one ran (ran =
//                        total - skipped); skipped when none ran and none failed
//                        (an empty or all-skipped run is no evidence of success);
//                        failed otherwise. finished_at: the latest suite's
//                        timestamp + time; a timestamp without an offset (as
//                        GoogleTest, pytest and jest-junit write it) is read as
//                        UTC. A report with no timestamp at all gives
//                        time_point::max(): "when" is unknown, so a failure
//                        counts as recent in a no_failure condition (fail closed).
// Shapes: the root is <testsuites> (its attributes are ignored; the suites
// are counted) or a single <testsuite>; suites may nest (a suite holding
// suites counts only its own direct cases). Within the innermost suites each
// figure is the larger of the suite's attribute (tests; failures + errors;
// skipped + GoogleTest's disabled) and the count of its <testcase> elements,
// so a failure recorded only in the attributes (a suite that failed to load,
// as jest-junit writes one) still counts, and a case the attributes leave out
// counts too. Surefire's <flakyFailure> / <flakyError> (a test that passed on
// a rerun) do not fail a case; <rerunFailure> comes with a <failure>, which
// does. <properties>, <system-out>, <system-err> and text are not read.
//
// Errors (report_errc, byte offsets into `text`): invalid_xml and too_large
// from the bounded XML reader (relkit/detail/xml.hpp: no DTD, no entities
// beyond the five predefined ones, read_options' limits); wrong_format when
// the root is neither element; bad_value for a count attribute that is not a
// non-negative integer, or a suite time (read only with a timestamp) that is
// not a non-negative number; bad_time
// for a timestamp that is not a date and time.

#include "relkit/detail/prologue.hpp"

#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// The evidence of one JUnit XML report: the three counts and the stage
// `stage` (the name a gate's `stages_passed` / `no_failure` condition uses).
template <class = void>
[[nodiscard]] result<evidence> read_junit(std::string_view text, std::string_view stage = "tests",
                                          const read_options& options = {});

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/test_report.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
