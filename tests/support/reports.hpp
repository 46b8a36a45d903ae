#pragma once
// The report fixtures of tests/data/reports/ (each with its source and licence
// beside it), and the timestamps the gate tests compare with.

#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace relkit_test {

inline std::string report_fixture(const std::string& name) {
  std::string here = __FILE__;  // tests/support/reports.hpp
  const std::string tests = here.substr(0, here.find_last_of("/\\"));
  const std::string path = tests.substr(0, tests.find_last_of("/\\")) + "/data/reports/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline relkit::gates::time_point at_rfc3339(std::string_view rfc3339) {
  const auto ms = relkit::detail::parse_timestamp_ms(rfc3339);
  EXPECT_TRUE(ms) << rfc3339;
  return relkit::gates::time_point(std::chrono::milliseconds(ms.value_or(0)));
}

}  // namespace relkit_test
