#pragma once
// Access to the external suites in ../shared/vectors (never copied into the
// project). The build passes RELKIT_VECTORS_DIR (a string) and
// RELKIT_REQUIRE_VECTORS (0 or 1): missing vectors skip a test, or fail it
// when they are required (CI).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef RELKIT_VECTORS_DIR
#error "the build must define RELKIT_VECTORS_DIR"
#endif
#ifndef RELKIT_REQUIRE_VECTORS
#define RELKIT_REQUIRE_VECTORS 0
#endif

namespace relkit_test {

inline std::filesystem::path vectors_dir() {
  return std::filesystem::path(RELKIT_VECTORS_DIR);
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Lines without their '\n'; a trailing empty line is not returned.
inline std::vector<std::string> read_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace relkit_test

// Declares `var` as the path of `relative` under the vectors directory; when
// that path does not exist, skips the test (or fails it when required).
#define RELKIT_TEST_VECTORS_OR_SKIP(var, relative)                                           \
  const std::filesystem::path var = ::relkit_test::vectors_dir() / (relative);               \
  if (!std::filesystem::exists(var)) {                                                       \
    if (RELKIT_REQUIRE_VECTORS) {                                                            \
      FAIL() << "required vectors missing: " << var << " (set RELKIT_VECTORS_DIR)";          \
    }                                                                                        \
    GTEST_SKIP() << "vectors not found: " << var << " (set RELKIT_VECTORS_DIR to run this)"; \
  }
