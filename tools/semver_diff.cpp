// Differential driver: reads node-semver oracle answers (JSON lines from
// `node gen.js N SEED | node oracle.js --echo`) on stdin, answers every query
// with relkit::semver and prints the disagreements. Not part of the build:
//   g++ -std=c++17 -O2 -Iinclude -Itests tools/semver_diff.cpp -o /tmp/semver_diff
#include <cstdio>
#include <iostream>
#include <string>

#include "support/semver_oracle.hpp"

int main() {
  std::size_t total = 0, agree = 0, unsupported = 0, disagree = 0;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.empty()) continue;
    ++total;
    const auto row = relkit_test::parse_json(line);
    const auto* q = row.find("q");
    if (q == nullptr) continue;
    const auto mine = relkit_test::answer_query(*q);
    if (!mine.supported) {
      ++unsupported;
      continue;
    }
    if (relkit_test::agrees(mine, row)) {
      ++agree;
      continue;
    }
    ++disagree;
    std::cout << "DISAGREE " << line << " relkit "
              << (mine.throws ? std::string("throws") : relkit_test::to_json(mine.result)) << '\n';
  }
  std::printf("cases %zu agree %zu unsupported %zu disagree %zu\n", total, agree, unsupported,
              disagree);
  return disagree == 0 ? 0 : 1;
}
