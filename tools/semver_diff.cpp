// Differential driver against node-semver 7.8.6.
//
// Compare mode (default): reads node-semver oracle answers (JSON lines from
// `node oracle.js --echo`) on stdin, answers every query with relkit::semver
// and prints the disagreements.
//
// Token-soup mode: `semver_diff --soup N SEED` prints N adversarial range
// queries (validRange and satisfies, loose / strict / includePrerelease):
// random sequences of range tokens (numbers up to and past 2^53 and 2^64,
// leading zeros, x X *, < <= > >= = ~ ~> ^ - ||, prerelease and build tails,
// v, spaces and tabs), for the oracle to answer.
//
// Not part of the build:
//   g++ -std=c++17 -O2 -Iinclude -Itests tools/semver_diff.cpp -o /tmp/semver_diff
//   cd /work/shared/vectors/node-semver   # after `npm install` there
//   node gen.js 10000 42 | node oracle.js --echo | /tmp/semver_diff
//   /tmp/semver_diff --soup 20000 1 | node oracle.js --echo | /tmp/semver_diff
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "support/semver_oracle.hpp"

namespace {

struct xorshift {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <std::size_t N>
  const char* pick(const char* const (&pool)[N]) {
    return pool[below(N)];
  }
};

const char* const numbers[] = {"0",
                               "1",
                               "2",
                               "3",
                               "10",
                               "01",
                               "00",
                               "9007199254740991",
                               "9007199254740992",
                               "99999999999999999999",
                               "18446744073709551616"};
const char* const wildcards[] = {"x", "X", "*"};
const char* const operators[] = {"<", ">", "<=", ">=", "=", "~", "~>", "^", "-", "||", "==", "=<"};
const char* const tails[] = {"-rc", "-0", "-01",  "-alpha.1", "rc", "a",  "-",
                             "+b",  "+",  "+b.1", "-rc+b",    ".",  "-x", "-9007199254740992"};
const char* const spaces[] = {" ", " ", " ", "  ", "\t", " - ", " || "};
const char* const prefixes[] = {"v", "=", "v=", "="};

// One version-ish piece: 1 to 4 parts of numbers or wildcards, maybe a tail.
std::string part(xorshift& rng) {
  std::string out;
  if (rng.below(5) == 0) out += rng.pick(prefixes);
  const std::size_t n = 1 + rng.below(4);
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) out += '.';
    out += rng.below(4) == 0 ? rng.pick(wildcards) : rng.pick(numbers);
  }
  if (rng.below(3) == 0) out += rng.pick(tails);
  return out;
}

std::string soup(xorshift& rng) {
  std::string out;
  const std::size_t n = 1 + rng.below(6);
  for (std::size_t k = 0; k < n; ++k) {
    switch (rng.below(6)) {
      case 0:
        out += rng.pick(operators);
        break;
      case 1:
        out += rng.pick(tails);
        break;
      case 2:
        out += rng.pick(spaces);
        break;
      default:
        if (rng.below(3) == 0) out += rng.pick(operators);
        out += part(rng);
        break;
    }
    if (rng.below(2) == 0) out += ' ';
  }
  return out;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

int emit_soup(std::size_t count, std::uint64_t seed) {
  xorshift rng{seed * 0x9E3779B97F4A7C15ULL + 1};
  const char* const options[] = {"{\"loose\":true}", "{}", "{\"includePrerelease\":true}",
                                 "{\"loose\":true,\"includePrerelease\":true}"};
  const char* const versions[] = {"1.5.0",  "1.2.3",    "0.0.0",   "2.0.0-rc",
                                  "1.0.0",  "3.0.0",    "1.2.4-0", "0.1.2",
                                  "10.0.0", "1.2.3-rc", "99.0.0",  "9007199254740991.0.0"};
  for (std::size_t k = 0; k < count; ++k) {
    const std::string range = soup(rng);
    const char* opts = rng.pick(options);
    if (rng.below(2) == 0) {
      std::printf("{\"op\":\"validRange\",\"range\":%s,\"options\":%s}\n",
                  json_string(range).c_str(), opts);
    } else {
      std::printf("{\"op\":\"satisfies\",\"v\":\"%s\",\"range\":%s,\"options\":%s}\n",
                  rng.pick(versions), json_string(range).c_str(), opts);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--soup") == 0) {
    const std::size_t count = argc >= 3 ? std::strtoull(argv[2], nullptr, 10) : 20000;
    const std::uint64_t seed = argc >= 4 ? std::strtoull(argv[3], nullptr, 10) : 1;
    return emit_soup(count, seed);
  }
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
