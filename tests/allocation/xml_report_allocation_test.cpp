// The XML and lcov report readers' peak heap use on 1 MB adversarial reports: at most 8x
// the input plus a constant, or the input is refused by a documented limit
// (read_options). A program of its own because it replaces operator new to
// keep the bytes in use and their peak.

#include <relkit/gates.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <string_view>

#include "heap_counter.hpp"

namespace {

namespace gt = relkit::gates;

constexpr std::size_t megabyte = std::size_t{1} << 20U;
constexpr std::size_t slack = std::size_t{64} << 10U;  // the constant: 64 KiB

// `head` + `unit` repeated (numbered where it holds '#') to about 1 MB + `tail`.
std::string adversarial(std::string_view head, std::string_view unit, std::string_view tail) {
  std::string out(head);
  for (std::size_t i = 0; out.size() + unit.size() + tail.size() < megabyte; ++i) {
    for (char c : unit) {
      if (c == '#') {
        out += std::to_string(i);
      } else {
        out += c;
      }
    }
  }
  out += tail;
  return out;
}

struct measured {
  std::size_t peak_bytes = 0;
  bool accepted = false;
  std::string error;
};

template <class Read>
measured measure(const std::string& input, Read read) {
  const std::size_t before = heap_counter::live_bytes;
  heap_counter::peak_bytes = before;
  measured m;
  {
    auto r = read(input);
    m.accepted = static_cast<bool>(r);
    if (!r) m.error = relkit::to_string(r.error());
  }
  m.peak_bytes = heap_counter::peak_bytes - before;
  return m;
}

void expect_bounded(const std::string& input, const measured& m, std::string_view what) {
  if (std::getenv("RELKIT_SHOW_PEAKS") != nullptr) {
    std::printf("%-24.*s %9zu bytes in, peak %9zu (%.2fx) %s\n", static_cast<int>(what.size()),
                what.data(), input.size(), m.peak_bytes,
                static_cast<double>(m.peak_bytes) / static_cast<double>(input.size()),
                m.accepted ? "accepted" : m.error.c_str());
  }
  EXPECT_LE(m.peak_bytes, 8 * input.size() + slack)
      << what << ": " << m.peak_bytes << " bytes at the peak for " << input.size()
      << " bytes of input (" << (m.accepted ? "accepted" : m.error) << ")";
}

const auto junit = [](const std::string& s) { return gt::read_junit(s); };
const auto cobertura = [](const std::string& s) { return gt::read_cobertura(s); };
const auto jacoco = [](const std::string& s) { return gt::read_jacoco(s); };
const auto lcov = [](const std::string& s) { return gt::read_lcov(s); };
const auto coverage = [](const std::string& s) { return gt::read_coverage_report(s); };

TEST(ReportAllocation, DeepNestingIsRefusedByTheDepthLimit) {
  const std::string deep = adversarial("<testsuites>", "<testsuite>", "");
  const measured m = measure(deep, junit);
  EXPECT_FALSE(m.accepted);
  EXPECT_EQ(m.error, "more than 256 levels of XML nesting at 2817 [gates.report.too_large]");
  expect_bounded(deep, m, "nested suites");
  const std::string deep_coverage = adversarial("<coverage>", "<a>", "");
  for (const auto& m2 : {measure(deep_coverage, cobertura), measure(deep_coverage, coverage)}) {
    EXPECT_FALSE(m2.accepted);
    expect_bounded(deep_coverage, m2, "nested coverage");
  }
}

TEST(ReportAllocation, ManyAttributesAreRefusedByTheAttributeLimit) {
  const std::string attributes = adversarial("<testsuite", " a#=\"1\"", "/>");
  const measured m = measure(attributes, junit);
  EXPECT_FALSE(m.accepted);
  EXPECT_EQ(m.error,
            "more than 256 attributes on one XML element at 2205 [gates.report.too_large]");
  expect_bounded(attributes, m, "attributes");
  const std::string on_report = adversarial("<report", " a#=\"1\"", "/>");
  expect_bounded(on_report, measure(on_report, jacoco), "attributes (JaCoCo)");
}

TEST(ReportAllocation, ManyTestCasesAreBounded) {
  const std::string cases =
      adversarial("<testsuites><testsuite name=\"s\">",
                  "<testcase name=\"t#\"><failure/></testcase>", "</testsuite></testsuites>");
  const measured m = measure(cases, junit);
  EXPECT_TRUE(m.accepted) << m.error;
  expect_bounded(cases, m, "test cases");
  const std::string suites =
      adversarial("<testsuites>", "<testsuite tests=\"1\"/>", "</testsuites>");
  expect_bounded(suites, measure(suites, junit), "suites");
}

TEST(ReportAllocation, ManyFilesAreBounded) {
  const std::string classes = adversarial("<coverage>", "<class filename=\"f#\"/>", "</coverage>");
  for (const auto& m : {measure(classes, cobertura), measure(classes, coverage)}) {
    EXPECT_TRUE(m.accepted) << m.error;
    expect_bounded(classes, m, "Cobertura classes");
  }
  const std::string lines = adversarial("<coverage><class filename=\"f\"><lines>",
                                        "<line hits=\"1\"/>", "</lines></class></coverage>");
  expect_bounded(lines, measure(lines, cobertura), "Cobertura lines");
  const std::string sourcefiles = adversarial("<report><package name=\"p\">",
                                              "<sourcefile name=\"f#\"/>", "</package></report>");
  for (const auto& m : {measure(sourcefiles, jacoco), measure(sourcefiles, coverage)}) {
    EXPECT_TRUE(m.accepted) << m.error;
    expect_bounded(sourcefiles, m, "JaCoCo source files");
  }
  const std::string records = adversarial("TN:\n", "SF:#\nend_of_record\n", "");
  for (const auto& m : {measure(records, lcov), measure(records, coverage)}) {
    EXPECT_TRUE(m.accepted) << m.error;
    expect_bounded(records, m, "lcov records");
  }
  // Two files in turn: each record a new entry until they are merged at the end.
  const std::string alternating = adversarial("", "SF:a\nend_of_record\nSF:b\nend_of_record\n", "");
  expect_bounded(alternating, measure(alternating, lcov), "lcov alternating");
  const std::string alternating_classes =
      adversarial("<coverage>", "<class filename=\"a\"/><class filename=\"b\"/>", "</coverage>");
  expect_bounded(alternating_classes, measure(alternating_classes, cobertura),
                 "Cobertura alternating");
  const std::string da = adversarial("SF:f\n", "DA:#,1\n", "end_of_record\n");
  expect_bounded(da, measure(da, lcov), "lcov DA lines");
}

TEST(ReportAllocation, LongTextAndValuesAreBounded) {
  const std::string text = adversarial("<testsuite><testcase><system-out>", "&lt;x&amp;",
                                       "</system-out></testcase></testsuite>");
  const measured m = measure(text, junit);
  EXPECT_TRUE(m.accepted) << m.error;
  expect_bounded(text, m, "text");
  const std::string cdata = adversarial("<testsuite><![CDATA[", "x\r\n", "]]></testsuite>");
  expect_bounded(cdata, measure(cdata, junit), "CDATA");
  const std::string path = adversarial("<coverage><class filename=\"", "x", "\"/></coverage>");
  const measured m2 = measure(path, cobertura);
  EXPECT_TRUE(m2.accepted) << m2.error;
  expect_bounded(path, m2, "a long file name");
}

}  // namespace
