// relkit::semver against node-semver 7.8.6: every fixture case, every
// recorded call of node-semver's own tests, and 5,000 random cases, all with
// node's answers (vectors/node-semver). Disagreements must be one of the
// documented deliberate differences (docs/semver.md).
#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/semver_oracle.hpp"
#include "support/vectors.hpp"

namespace {

using relkit_test::json;

// Does this string hold an all-digit prerelease/build identifier of 16+
// digits (node-semver compares those as doubles and loses precision)?
bool has_huge_numeric_identifier(const std::string& s) {
  std::size_t run = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++run;
      continue;
    }
    if (run >= 16) return true;
    run = 0;
  }
  return false;
}

bool any_string(const json& j, bool (*pred)(const std::string&)) {
  if (j.is_string()) return pred(j.text);
  for (const auto& item : j.items)
    if (any_string(item, pred)) return true;
  for (const auto& m : j.members)
    if (any_string(m.second, pred)) return true;
  return false;
}

// The documented deliberate differences, recognised by their inputs.
std::string documented_difference(const json& q) {
  const json* op = q.find("op");
  const std::string name = op != nullptr ? op->text : "";
  if ((name == "compare" || name == "rcompare" || name == "compareBuild" || name == "eq" ||
       name == "neq" || name == "gt" || name == "gte" || name == "lt" || name == "lte" ||
       name == "sort" || name == "rsort" || name == "cmp" || name == "diff" ||
       name == "compareLoose" || name == "maxSatisfying" || name == "minSatisfying" ||
       name == "satisfies" || name == "gtr" || name == "ltr" || name == "intersects" ||
       name == "subset" || name == "minVersion") &&
      any_string(q, has_huge_numeric_identifier)) {
    return "numeric identifiers of 16+ digits compared exactly, not as doubles";
  }
  return "";
}

struct tally {
  std::size_t agree = 0, documented = 0, unsupported = 0;
  std::vector<std::string> failures;
};

void check(const json& q, const json& expected, const std::string& where, tally& t) {
  const auto mine = relkit_test::answer_query(q);
  if (!mine.supported) {
    ++t.unsupported;
    return;
  }
  if (relkit_test::agrees(mine, expected)) {
    ++t.agree;
    return;
  }
  if (!documented_difference(q).empty()) {
    ++t.documented;
    return;
  }
  t.failures.push_back(where + ": " + relkit_test::to_json(q) + " node " +
                       relkit_test::to_json(expected) + " relkit " +
                       (mine.throws ? std::string("throws") : relkit_test::to_json(mine.result)));
}

void report(const tally& t, std::size_t expected_total) {
  EXPECT_EQ(t.agree + t.documented + t.unsupported + t.failures.size(), expected_total);
  std::size_t shown = 0;
  for (const auto& f : t.failures) {
    if (++shown > 40) break;
    ADD_FAILURE() << f;
  }
  EXPECT_EQ(t.failures.size(), 0U);
  std::printf("agree %zu, documented differences %zu, JavaScript-only inputs %zu, disagree %zu\n",
              t.agree, t.documented, t.unsupported, t.failures.size());
}

TEST(SemverNodeConformance, FixtureCases) {
  RELKIT_TEST_VECTORS_OR_SKIP(path, "node-semver/fixtures/cases.jsonl");
  tally t;
  std::size_t n = 0;
  for (const auto& line : relkit_test::read_lines(path)) {
    if (line.empty()) continue;
    ++n;
    const json row = relkit_test::parse_json(line);
    check(*row.find("q"), *row.find("expect"), row.find("src")->text, t);
  }
  EXPECT_EQ(n, 1286U);
  report(t, n);
}

TEST(SemverNodeConformance, RandomSeed1) {
  RELKIT_TEST_VECTORS_OR_SKIP(path, "node-semver/vectors/random-5000-seed1.jsonl");
  tally t;
  std::size_t n = 0;
  for (const auto& line : relkit_test::read_lines(path)) {
    if (line.empty()) continue;
    ++n;
    const json row = relkit_test::parse_json(line);
    check(*row.find("q"), row, "random#" + std::to_string(n - 1), t);
  }
  EXPECT_EQ(n, 5000U);
  report(t, n);
}

// Recorded calls: {"args": [...], "result"|"throws"} per function.
json recorded_query(const std::string& fn, const json& args) {
  static const std::map<std::string, std::vector<std::string>> fields = {
      {"clean", {"op:clean", "v", "options"}},
      {"coerce", {"op:coerce", "v", "options"}},
      {"compare", {"op:compare", "a", "b", "options"}},
      {"compare-build", {"op:compareBuild", "a", "b", "options"}},
      {"compare-loose", {"op:compareLoose", "a", "b"}},
      {"cmp", {"op:cmp", "a", "cmp", "b", "options"}},
      {"diff", {"op:diff", "a", "b"}},
      {"eq", {"op:eq", "a", "b", "options"}},
      {"neq", {"op:neq", "a", "b", "options"}},
      {"gt", {"op:gt", "a", "b", "options"}},
      {"gte", {"op:gte", "a", "b", "options"}},
      {"lt", {"op:lt", "a", "b", "options"}},
      {"lte", {"op:lte", "a", "b", "options"}},
      {"inc", {"op:inc", "v", "release", "options", "id", "base"}},
      {"major", {"op:major", "v", "options"}},
      {"minor", {"op:minor", "v", "options"}},
      {"patch", {"op:patch", "v", "options"}},
      {"prerelease", {"op:prerelease", "v", "options"}},
      {"parse", {"op:parse", "v", "options", "throwErrors"}},
      {"rcompare", {"op:rcompare", "a", "b", "options"}},
      {"rsort", {"op:rsort", "versions", "options"}},
      {"sort", {"op:sort", "versions", "options"}},
      {"satisfies", {"op:satisfies", "v", "range", "options"}},
      {"truncate", {"op:truncate", "v", "release", "options"}},
      {"valid", {"op:valid", "v", "options"}},
      {"gtr", {"op:gtr", "v", "range", "options"}},
      {"ltr", {"op:ltr", "v", "range", "options"}},
      {"intersects", {"op:intersects", "r1", "r2", "options"}},
      {"max-satisfying", {"op:maxSatisfying", "versions", "range", "options"}},
      {"min-satisfying", {"op:minSatisfying", "versions", "range", "options"}},
      {"min-version", {"op:minVersion", "range", "options"}},
      {"outside", {"op:outside", "v", "range", "hilo", "options"}},
      {"subset", {"op:subset", "sub", "dom", "options"}},
      {"to-comparators", {"op:toComparators", "range", "options"}},
      {"valid-range", {"op:validRange", "range", "options"}},
  };
  json q = json::make_object();
  auto it = fields.find(fn);
  if (it == fields.end()) {
    q.set("op", json::make_string("unsupported:" + fn));
    return q;
  }
  q.set("op", json::make_string(it->second[0].substr(3)));
  for (std::size_t k = 1; k < it->second.size() && k - 1 < args.items.size(); ++k) {
    q.set(it->second[k], args.items[k - 1]);
  }
  return q;
}

TEST(SemverNodeConformance, RecordedCalls) {
  RELKIT_TEST_VECTORS_OR_SKIP(dir, "node-semver/fixtures/recorded");
  tally t;
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string file = entry.path().stem().string();  // functions-inc, ranges-valid
    std::string fn = file.substr(file.find('-') + 1);
    if (file == "ranges-valid") fn = "valid-range";
    const json calls = relkit_test::parse_json(relkit_test::read_file(entry.path()));
    std::size_t k = 0;
    for (const auto& call : calls.items) {
      ++n;
      check(recorded_query(fn, *call.find("args")), call, file + "#" + std::to_string(k++), t);
    }
  }
  EXPECT_EQ(n, 4189U);
  report(t, n);
}

}  // namespace
