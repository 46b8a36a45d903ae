// relkit::gates report readers on real reports (tests/data/reports, see its
// PROVENANCE.md) and on broken ones: exact counts, metrics, stages, and
// exact error codes and positions.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include "support/reports.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace gt = relkit::gates;
using gt::report_errc;
using relkit_test::at_rfc3339;
using relkit_test::report_fixture;

gt::evidence junit_evidence(std::uint64_t total, std::uint64_t failed, std::uint64_t skipped,
                            gt::stage_status status, gt::time_point finished,
                            const char* stage = "tests") {
  gt::evidence e;
  e.counts = {{"tests_total", total}, {"tests_failed", failed}, {"tests_skipped", skipped}};
  e.stages = {{stage, status, finished}};
  return e;
}

void expect_error(const relkit::error& e, report_errc code, std::size_t position,
                  std::string_view message) {
  EXPECT_EQ(e.code, code) << relkit::to_string(e);
  EXPECT_EQ(e.position, position) << relkit::to_string(e);
  EXPECT_EQ(e.message(), message);
}

template <class T>
relkit::error error_of(const relkit::result<T>& r) {
  EXPECT_FALSE(r);
  return r ? relkit::error{} : r.error();
}

// ------------------------------------------------------------------ JUnit

TEST(ReadJunit, GoogleTest) {
  // 6 tests: 3 passed, 1 failed, 1 disabled (status="notrun"), 1 GTEST_SKIP.
  auto e = gt::read_junit(report_fixture("gtest.xml"));
  ASSERT_TRUE(e) << relkit::to_string(e.error());
  EXPECT_EQ(*e, junit_evidence(6, 1, 2, gt::stage_status::failed,
                               at_rfc3339("2026-12-03T12:23:32.166Z")));
}

TEST(ReadJunit, Pytest) {
  // 6 tests: 2 passed, 1 failure, 1 error (a fixture), 1 skip, 1 xfail (a skip).
  auto e = gt::read_junit(report_fixture("pytest.xml"), "unit");
  ASSERT_TRUE(e) << relkit::to_string(e.error());
  // timestamp 12:23:43.531992 + time 0.139 s
  EXPECT_EQ(*e, junit_evidence(6, 2, 2, gt::stage_status::failed,
                               at_rfc3339("2026-12-03T12:23:43.670Z"), "unit"));
}

TEST(ReadJunit, JestJunit) {
  auto failing = gt::read_junit(report_fixture("jest-junit-failing.xml"));
  ASSERT_TRUE(failing) << relkit::to_string(failing.error());
  EXPECT_EQ(*failing, junit_evidence(1, 1, 0, gt::stage_status::failed,
                                     at_rfc3339("2017-07-13T00:03:40.523Z")));
  auto passing = gt::read_junit(report_fixture("jest-junit-passing.xml"));
  ASSERT_TRUE(passing) << relkit::to_string(passing.error());
  EXPECT_EQ(*passing, junit_evidence(1, 0, 0, gt::stage_status::passed,
                                     at_rfc3339("2017-03-17T01:05:47.120Z")));
}

TEST(ReadJunit, MavenSurefire) {
  const auto unknown = gt::time_point::max();  // Surefire writes no timestamp
  // 8 cases: one <failure>, one <error>.
  auto circle = gt::read_junit(report_fixture("surefire-CircleTest.xml"));
  ASSERT_TRUE(circle) << relkit::to_string(circle.error());
  EXPECT_EQ(*circle, junit_evidence(8, 2, 0, gt::stage_status::failed, unknown));
  auto failing = gt::read_junit(report_fixture("surefire-FailingTest.xml"));
  ASSERT_TRUE(failing) << relkit::to_string(failing.error());
  EXPECT_EQ(*failing, junit_evidence(2, 2, 0, gt::stage_status::failed, unknown));
  // A flaky test passed on a rerun: <flakyFailure>s do not fail it. The
  // suite says tests="1" but holds 2 cases: the cases count.
  auto flaky = gt::read_junit(report_fixture("surefire-FlakyTest.xml"));
  ASSERT_TRUE(flaky) << relkit::to_string(flaky.error());
  EXPECT_EQ(*flaky, junit_evidence(2, 0, 0, gt::stage_status::passed, unknown));
}

TEST(ReadJunit, AttributesCountWhereCasesSayLess) {
  // jest-junit writes a suite that failed to load with errors="1" and no case.
  auto e = gt::read_junit(
      "<testsuites><testsuite name=\"a\" tests=\"0\" errors=\"1\" failures=\"0\"/>"
      "<testsuite name=\"b\" tests=\"1\"><testcase name=\"x\"/></testsuite></testsuites>");
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, junit_evidence(1, 1, 0, gt::stage_status::failed, gt::time_point::max()));
  // Nested suites: the outer one's attributes are its children's sums.
  e = gt::read_junit(
      "<testsuite tests=\"3\" failures=\"1\" timestamp=\"2026-01-01T00:00:00Z\" time=\"2\">"
      "<testsuite tests=\"2\" failures=\"1\"><testcase/><testcase><failure/></testcase>"
      "</testsuite><testcase/></testsuite>");
  ASSERT_TRUE(e);
  EXPECT_EQ(*e,
            junit_evidence(3, 1, 0, gt::stage_status::failed, at_rfc3339("2026-01-01T00:00:02Z")));
}

TEST(ReadJunit, NothingRunIsNotAPass) {
  auto empty = gt::read_junit("<testsuites name=\"jest tests\" tests=\"0\"></testsuites>");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, junit_evidence(0, 0, 0, gt::stage_status::skipped, gt::time_point::max()));
  auto skipped = gt::read_junit(
      "<testsuite timestamp=\"2026-01-01T00:00:00+01:00\"><testcase><skipped/></testcase>"
      "</testsuite>");
  ASSERT_TRUE(skipped);
  EXPECT_EQ(*skipped,
            junit_evidence(1, 0, 1, gt::stage_status::skipped, at_rfc3339("2025-12-31T23:00:00Z")));
}

TEST(ReadJunit, Errors) {
  expect_error(error_of(gt::read_junit("<coverage/>")), report_errc::wrong_format, 0,
               "not a JUnit XML report (<testsuites> or <testsuite>): found 'coverage'");
  expect_error(error_of(gt::read_junit("<testsuite tests=\"x\"/>")), report_errc::bad_value, 18,
               "testsuite@tests: expected a non-negative integer, found 'x'");
  expect_error(error_of(gt::read_junit("<testsuites><testsuite failures=\"-1\"/></testsuites>")),
               report_errc::bad_value, 33,
               "testsuite@failures: expected a non-negative integer, found '-1'");
  expect_error(
      error_of(gt::read_junit("<testsuite timestamp=\"2026-01-01T00:00:00\" time=\"1,5\"/>")),
      report_errc::bad_value, 49,
      "testsuite@time: expected a non-negative decimal number, found '1,5'");
  expect_error(error_of(gt::read_junit("<testsuite timestamp=\"yesterday\"/>")),
               report_errc::bad_time, 22,
               "testsuite@timestamp: expected a date and time, found 'yesterday'");
  expect_error(error_of(gt::read_junit("<testsuite>")), report_errc::invalid_xml, 11,
               "invalid XML: unclosed element");
  expect_error(error_of(gt::read_junit("not xml")), report_errc::invalid_xml, 0,
               "invalid XML: expected the root element");
  gt::read_options options;
  options.max_depth = 2;
  expect_error(
      error_of(gt::read_junit("<testsuites><testsuite><testcase/></testsuite></testsuites>",
                              "tests", options)),
      report_errc::too_large, 23, "more than 2 levels of XML nesting");
  options = {};
  options.max_bytes = 10;
  expect_error(error_of(gt::read_junit("<testsuites/>", "tests", options)), report_errc::too_large,
               10, "more than 10 bytes of XML");
}

// --------------------------------------------------------------- coverage

gt::evidence coverage_evidence(double lines, double branches) {
  gt::evidence e;
  e.metrics.push_back({"coverage", lines, {}, {}});
  if (branches >= 0) e.metrics.push_back({"branch_coverage", branches, {}, {}});
  return e;
}

TEST(ReadCoverage, Gcovr) {
  const std::string text = report_fixture("gcovr-cobertura.xml");
  auto r = gt::read_coverage_report(text);
  ASSERT_TRUE(r) << relkit::to_string(r.error());
  gt::coverage_report expected;
  expected.format = gt::coverage_format::cobertura;
  expected.lines_valid = 10;
  expected.lines_covered = 9;
  expected.branches_valid = 16;
  expected.branches_covered = 9;
  expected.coverage = 90.0;
  expected.branch_coverage = 56.25;
  expected.files = {{"grade.cpp", 10, 9, 16, 9}};
  EXPECT_EQ(*r, expected);
  auto e = gt::read_cobertura(text);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, coverage_evidence(90.0, 56.25));
}

TEST(ReadCoverage, CoveragePy) {
  auto r = gt::read_coverage_report(report_fixture("coveragepy-cobertura.xml"));
  ASSERT_TRUE(r) << relkit::to_string(r.error());
  // The counts, not the rounded line-rate="0.8333".
  EXPECT_EQ(r->coverage, 1000.0 / 12.0);
  EXPECT_EQ(r->branch_coverage, 87.5);
  EXPECT_EQ(r->files, (std::vector<gt::file_coverage>{{"grade.py", 12, 10, 8, 7}}));
  // coverage.py's own gold files: without --branch, branches-valid="0": no
  // branch_coverage at all (not 0, not 100).
  auto x = gt::read_cobertura(report_fixture("coveragepy-gold-x.xml"));
  ASSERT_TRUE(x) << relkit::to_string(x.error());
  EXPECT_EQ(*x, coverage_evidence(200.0 / 3.0, -1));
  auto y = gt::read_coverage_report(report_fixture("coveragepy-gold-y-branch.xml"));
  ASSERT_TRUE(y) << relkit::to_string(y.error());
  EXPECT_EQ(y->coverage, 80.0);
  EXPECT_EQ(y->branch_coverage, 50.0);
  EXPECT_EQ(y->files, (std::vector<gt::file_coverage>{{"y.py", 5, 4, 2, 1}}));
}

TEST(ReadCoverage, Istanbul) {
  // Method-level <line>s repeat the class's lines and are not counted twice.
  auto r = gt::read_coverage_report(report_fixture("istanbul-cobertura.xml"));
  ASSERT_TRUE(r) << relkit::to_string(r.error());
  EXPECT_EQ(r->coverage, 4600.0 / 47.0);
  EXPECT_EQ(r->branch_coverage, 4100.0 / 43.0);
  EXPECT_EQ(r->files, (std::vector<gt::file_coverage>{{"test-exclude/index.js", 47, 46, 43, 41}}));
}

TEST(ReadCoverage, JaCoCo) {
  const std::string text = report_fixture("jacoco-parse-sample.xml");
  auto r = gt::read_coverage_report(text);
  ASSERT_TRUE(r) << relkit::to_string(r.error());
  EXPECT_EQ(r->format, gt::coverage_format::jacoco);
  EXPECT_EQ(r->lines_valid, 13U);
  EXPECT_EQ(r->lines_covered, 3U);
  EXPECT_EQ(r->coverage, 300.0 / 13.0);
  EXPECT_EQ(r->branch_coverage, 25.0);
  EXPECT_EQ(r->files, (std::vector<gt::file_coverage>{
                          {"com/wmbest/myapplicationtest/MainActivity.java", 13, 3, 4, 1}}));
  auto e = gt::read_jacoco(text);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, coverage_evidence(300.0 / 13.0, 25.0));
}

TEST(ReadCoverage, Lcov) {
  // lcov --capture wrote DA/BRDA lines only; lcov -a the same with LF/LH/BRF/BRH.
  for (const char* name : {"lcov-capture.info", "lcov-merged.info"}) {
    auto r = gt::read_coverage_report(report_fixture(name));
    ASSERT_TRUE(r) << name << ": " << relkit::to_string(r.error());
    EXPECT_EQ(r->format, gt::coverage_format::lcov);
    EXPECT_EQ(r->coverage, 90.0) << name;
    EXPECT_EQ(r->branch_coverage, 56.25) << name;
    EXPECT_EQ(r->files, (std::vector<gt::file_coverage>{{"/tmp/xmlfx/gt/grade.cpp", 10, 9, 16, 9}}))
        << name;
  }
  // Records of one file are summed; BRDA '-' is a branch never reached.
  auto r = gt::read_coverage_report(
      "TN:a\nSF:x.c\nDA:1,1\nDA:2,0\nBRDA:1,0,0,-\nBRDA:1,0,1,3\nend_of_record\n"
      "TN:b\r\nSF:y.c\r\nLF:4\r\nLH:4\r\nend_of_record\r\nSF:x.c\nDA:1,0\nDA:2,5\nend_of_record\n",
      gt::coverage_format::lcov);
  ASSERT_TRUE(r) << relkit::to_string(r.error());
  EXPECT_EQ(r->files, (std::vector<gt::file_coverage>{{"x.c", 4, 2, 2, 1}, {"y.c", 4, 4, 0, 0}}));
  EXPECT_EQ(r->coverage, 75.0);
  EXPECT_EQ(r->branch_coverage, 50.0);
}

TEST(ReadCoverage, DetectsAndNamesFormats) {
  EXPECT_EQ(gt::detect_coverage_format(report_fixture("gcovr-cobertura.xml")),
            gt::coverage_format::cobertura);
  EXPECT_EQ(gt::detect_coverage_format(report_fixture("jacoco-parse-sample.xml")),
            gt::coverage_format::jacoco);
  EXPECT_EQ(gt::detect_coverage_format(report_fixture("lcov-capture.info")),
            gt::coverage_format::lcov);
  EXPECT_EQ(gt::to_string(gt::coverage_format::jacoco), "jacoco");
  EXPECT_EQ(gt::parse_coverage_format("lcov"), gt::coverage_format::lcov);
  EXPECT_EQ(gt::parse_coverage_format("clover"), std::nullopt);
  expect_error(error_of(gt::detect_coverage_format("\n  hello\nworld")), report_errc::wrong_format,
               3, "not a coverage report (Cobertura, JaCoCo or lcov): found 'hello'");
  expect_error(error_of(gt::read_coverage(report_fixture("gtest.xml"))), report_errc::wrong_format,
               39, "not a coverage report (Cobertura, JaCoCo or lcov): found 'testsuites'");
  // A format forced on the wrong report.
  expect_error(error_of(gt::read_jacoco(report_fixture("gcovr-cobertura.xml"))),
               report_errc::wrong_format, 121,
               "not a JaCoCo XML report (<report>): found 'coverage'");
  expect_error(error_of(gt::read_cobertura(report_fixture("jacoco-parse-sample.xml"))),
               report_errc::wrong_format, 128,
               "not a Cobertura XML report (<coverage>): found 'report'");
  expect_error(error_of(gt::read_lcov(report_fixture("gtest.xml"))), report_errc::wrong_format, 0,
               "not an lcov tracefile: found '<?xml version=\"1.0\" encoding=\"UTF-8\"?>'");
}

TEST(ReadCoverage, Errors) {
  expect_error(error_of(gt::read_cobertura("<coverage line-rate=\"1.5\"/>")),
               report_errc::bad_value, 21,
               "coverage@line-rate: expected a rate from 0 to 1, found '1.5'");
  expect_error(error_of(gt::read_cobertura("<coverage lines-valid=\"2\" lines-covered=\"3\"/>")),
               report_errc::bad_value, 41,
               "coverage@lines-covered: expected a count no larger than lines-valid, found '3'");
  expect_error(error_of(gt::read_cobertura("<coverage><classes><class/></classes></coverage>")),
               report_errc::missing_field, 19, "class@filename is missing");
  expect_error(error_of(gt::read_cobertura(
                   "<coverage><class filename=\"a\"><lines><line number=\"1\"/></lines></class>"
                   "</coverage>")),
               report_errc::missing_field, 37, "line@hits is missing");
  expect_error(error_of(gt::read_cobertura(
                   "<coverage><class filename=\"a\"><lines><line hits=\"1\" branch=\"true\" "
                   "condition-coverage=\"50% (3/2)\"/></lines></class></coverage>")),
               report_errc::bad_value, 86,
               "line@condition-coverage: expected a percentage and (a/b), found '50% (3/2)'");
  expect_error(error_of(gt::read_jacoco("<report><counter missed=\"1\" covered=\"2\"/></report>")),
               report_errc::missing_field, 8, "counter@type is missing");
  expect_error(
      error_of(
          gt::read_jacoco("<report><counter type=\"LINE\" missed=\"x\" covered=\"2\"/></report>")),
      report_errc::bad_value, 37, "counter@missed: expected a non-negative integer, found 'x'");
  gt::read_options options;
  options.max_files = 1;
  expect_error(error_of(gt::read_cobertura(
                   "<coverage><class filename=\"a\"/><class filename=\"b\"/></coverage>", options)),
               report_errc::too_large, 31, "more than 1 files");

  expect_error(error_of(gt::read_lcov("SF:a\nDA:x,1\nend_of_record\n")), report_errc::bad_value, 8,
               "DA: expected a line number, found 'x'");
  expect_error(error_of(gt::read_lcov("SF:a\nDA:1,-1\nend_of_record\n")), report_errc::bad_value,
               10, "DA: expected a hit count, found '-1'");
  expect_error(error_of(gt::read_lcov("SF:a\nDA:1\nend_of_record\n")), report_errc::bad_value, 8,
               "DA: expected LINE,HITS[,CHECKSUM], found '1'");
  expect_error(error_of(gt::read_lcov("SF:a\nBRDA:1,0,0,1,9\nend_of_record\n")),
               report_errc::bad_value, 10,
               "BRDA: expected LINE,BLOCK,BRANCH,TAKEN, found '1,0,0,1,9'");
  expect_error(error_of(gt::read_lcov("SF:a\nLF:2\nLH:3\nend_of_record\n")), report_errc::bad_value,
               13, "LH: expected a count no larger than the lines found, found '3'");
  expect_error(error_of(gt::read_lcov("SF:a\nDA:1,1\n")), report_errc::missing_field, 12,
               "end_of_record is missing");
  expect_error(error_of(gt::read_lcov("SF:a\nSF:b\nend_of_record\n")), report_errc::missing_field,
               5, "end_of_record is missing");
  expect_error(error_of(gt::read_lcov("TN:\nDA:1,1\n")), report_errc::wrong_format, 4,
               "not an lcov tracefile (a record before SF:): found 'DA:1,1'");
  expect_error(error_of(gt::read_lcov("TN:\nSF:a\nthis is not lcov\n")), report_errc::wrong_format,
               9, "not an lcov tracefile: found 'this is not lcov'");
  expect_error(error_of(gt::read_lcov("")), report_errc::wrong_format, 0,
               "not an lcov tracefile: found ''");
}

// ----------------------------------------------------------------- merge

TEST(ReadReports, MergeIntoOneEvidence) {
  gt::evidence all;
  for (const char* name : {"gtest.xml", "pytest.xml"}) {
    auto e = gt::read_junit(report_fixture(name));
    ASSERT_TRUE(e);
    ASSERT_TRUE(gt::merge(all, *e));
  }
  auto coverage = gt::read_coverage(report_fixture("gcovr-cobertura.xml"));
  ASSERT_TRUE(coverage);
  ASSERT_TRUE(gt::merge(all, *coverage));
  EXPECT_EQ(all.counts, (std::vector<gt::count>{
                            {"tests_total", 12}, {"tests_failed", 3}, {"tests_skipped", 4}}));
  EXPECT_EQ(all.stages.size(), 2U);
  EXPECT_EQ(all.metrics, coverage_evidence(90.0, 56.25).metrics);
  // A second coverage report gives `coverage` twice: refused.
  auto again = gt::read_coverage(report_fixture("lcov-merged.info"));
  ASSERT_TRUE(again);
  EXPECT_FALSE(gt::merge(all, *again));
}

}  // namespace
