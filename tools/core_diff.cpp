// Differential driver for the shared core: reads `node tools/core_diff.js`
// lines on stdin and compares relkit::detail::string_to_number, skip_js_spaces,
// js_trim and parse_timestamp_ms with node's Number(), trimStart(), trim() and
// Date.parse(). Days past the end of their month (2026-02-31) are counted
// apart: Date.parse rolls them over, relkit refuses them on purpose.
// Not part of the build:
//   g++ -std=c++17 -O2 -Iinclude tools/core_diff.cpp -o /tmp/core_diff
//   node tools/core_diff.js 300000 12345 | /tmp/core_diff
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/js_text.hpp"

namespace rd = relkit::detail;

namespace {

std::string unhex(const std::string& h) {
  std::string s;
  if (h == "-") return s;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2) {
    s += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  }
  return s;
}

}  // namespace

int main() {
  long numbers = 0, number_disagreements = 0, stamps = 0, stamp_disagreements = 0, rolled = 0;
  for (std::string line; std::getline(std::cin, line);) {
    std::istringstream fields(line);
    std::string kind, hex;
    fields >> kind >> hex;
    const std::string s = unhex(hex);
    if (kind == "N") {
      std::string bits;
      std::size_t start = 0, trimmed = 0;
      fields >> bits >> start >> trimmed;
      ++numbers;
      unsigned char bytes[8];
      for (std::size_t i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(std::stoi(bits.substr(2 * i, 2), nullptr, 16));
      }
      double want = 0;
      std::memcpy(&want, bytes, 8);
      const double got = rd::string_to_number(s);
      const bool same = (want != want && got != got) || std::memcmp(&want, &got, 8) == 0;
      if (!same || rd::skip_js_spaces(s, 0) != start || rd::js_trim(s).size() != trimmed) {
        ++number_disagreements;
        std::printf("DISAGREE Number/trim [%s]: node %.17g %zu %zu, relkit %.17g %zu %zu\n",
                    s.c_str(), want, start, trimmed, got, rd::skip_js_spaces(s, 0),
                    rd::js_trim(s).size());
      }
    } else if (kind == "T") {
      std::string want;
      fields >> want;
      ++stamps;
      const auto got = rd::parse_timestamp_ms(s);
      if (want != "nan" && !got &&
          rd::parse_timestamp(s).status == rd::timestamp_status::bad_date) {
        ++rolled;
        continue;
      }
      if (want == "nan" ? got.has_value() : (!got || std::to_string(*got) != want)) {
        ++stamp_disagreements;
        std::printf("DISAGREE Date.parse [%s]: node %s, relkit %s\n", s.c_str(), want.c_str(),
                    got ? std::to_string(*got).c_str() : "refused");
      }
    }
  }
  std::printf(
      "Number()/trim: %ld cases, %ld disagreements; Date.parse: %ld cases, %ld disagreements, "
      "%ld days past month end refused on purpose\n",
      numbers, number_disagreements, stamps, stamp_disagreements, rolled);
  return number_disagreements + stamp_disagreements == 0 ? 0 : 1;
}
