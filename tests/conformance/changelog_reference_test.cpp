// The five release reference_ranges of ../shared/vectors/changelog/<range>/: commits.jsonl
// (git log order) and context.json in, each reference tool's exact output out.
#include <relkit/relkit.hpp>  // the single-header suite has only relkit.hpp

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/vectors.hpp"

namespace {

namespace cl = relkit::changelog;
using relkit_test::json;

constexpr const char* reference_ranges[] = {"angular-cli-20.0.0-next.1", "cocogitto-7.0.0",
                                            "git-cliff-v2.13.0", "semantic-release-v25.0.0",
                                            "vue-core-v3.5.0"};

struct range_data {
  std::vector<std::string> messages;  // owned: entries copy what they need
  std::vector<std::string> hashes;
  json context;
  std::string cliff_previous;  // git-cliff's own previous tag (git-cliff-context.json)
};

range_data load(const std::filesystem::path& dir) {
  range_data data;
  for (const std::string& line : relkit_test::read_lines(dir / "commits.jsonl")) {
    json record;
    EXPECT_TRUE(relkit_test::parse_json(line, record));
    data.hashes.push_back(record["sha"].text);
    data.messages.push_back(record["message"].text);
  }
  EXPECT_TRUE(relkit_test::parse_json(relkit_test::read_file(dir / "context.json"), data.context));
  json cliff;
  EXPECT_TRUE(
      relkit_test::parse_json(relkit_test::read_file(dir / "git-cliff-context.json"), cliff));
  data.cliff_previous = cliff.items.at(0)["previous"]["version"].text;
  return data;
}

// Each message read as the preset says its reference tool reads it (grammar, trim).
cl::release make_release(const range_data& data, const cl::preset& s) {
  cl::release r;
  r.version = data.context["version"].text;
  r.tag = data.context["currentTag"].text;
  r.previous_tag = data.context["previousTag"].text;
  r.date = data.context["date"].text;
  relkit::commits::parse_options opts;
  opts.grammar = s.grammar;
  for (std::size_t i = 0; i < data.messages.size(); ++i) {
    const std::string_view message = cl::prepare_message(data.messages[i], s);
    auto parsed = relkit::commits::parse(message, opts);
    EXPECT_TRUE(parsed.has_value()) << data.hashes[i];
    if (parsed) r.entries.push_back(cl::from_commit(data.hashes[i], *parsed, message));
  }
  return r;
}

cl::repository make_repository(const range_data& data) {
  cl::repository repo;
  repo.host_url = data.context["host"].text;
  repo.owner = data.context["owner"].text;
  repo.name = data.context["repository"].text;
  return repo;
}

struct case_spec {
  const char* output;
  cl::preset (*style)();
  bool whole_file;
  bool anonymous_remote;  // git-cliff ran without a configured remote: owner/name empty
};

const case_spec reference_cases[] = {
    {"conventionalcommits.md", &cl::presets::conventionalcommits, false, false},
    {"angular.md", &cl::presets::angular, false, false},
    {"semantic-release-angular.md", &cl::presets::semantic_release, false, false},
    {"git-cliff-default.md", &cl::presets::git_cliff, false, false},
    {"git-cliff-keepachangelog.md", &cl::presets::git_cliff_keepachangelog, true, true},
};

TEST(ChangelogReference, EveryRangeEveryToolByteForByte) {
  RELKIT_TEST_VECTORS_OR_SKIP(root, "changelog");
  int compared = 0;
  for (const char* name : reference_ranges) {
    const auto dir = root / name;
    const range_data data = load(dir);
    for (const case_spec& c : reference_cases) {
      const std::string expected = relkit_test::read_file(dir / c.output);
      ASSERT_FALSE(expected.empty()) << name << '/' << c.output;
      const cl::preset s = c.style();
      cl::release r = make_release(data, s);
      // git-cliff finds the previous tag itself (angular-cli: 19.2.2, not 20.0.0-next.0).
      if (c.anonymous_remote) r.previous_tag = data.cliff_previous;
      cl::repository repo = make_repository(data);
      if (c.anonymous_remote) {
        repo.owner.clear();
        repo.name.clear();
      }
      const std::string actual =
          c.whole_file ? cl::render(std::vector<cl::release>{r}, s, repo) : cl::render(r, s, repo);
      EXPECT_TRUE(actual == expected) << name << '/' << c.output << " differs; actual:\n" << actual;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 25);
}

}  // namespace
