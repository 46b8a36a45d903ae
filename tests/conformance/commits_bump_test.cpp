// relkit::commits bump presets against the real tools: @semantic-release/commit-analyzer
// 13.0.1 (presets conventionalcommits and angular) and conventionalcommits 10.4.1 whatBump,
// on every single message of the corpus and on the 535 real release ranges.
#include <relkit/commits.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/jsonl.hpp"
#include "support/vectors.hpp"

namespace {

namespace rc = relkit::commits;
using relkit_test::json;

constexpr std::array<const char*, 12> repos = {"angular+angular-cli",
                                               "angular+components",
                                               "carloscuesta+gitmoji",
                                               "cocogitto+cocogitto",
                                               "conventional-changelog+commitlint",
                                               "conventional-changelog+conventional-changelog",
                                               "googleapis+release-please",
                                               "orhun+git-cliff",
                                               "semantic-release+semantic-release",
                                               "typescript-eslint+typescript-eslint",
                                               "vitejs+vite",
                                               "vuejs+core"};

std::string expected_bump(const json& value) {
  return value.is_null() ? "none" : value.string;
}

struct corpus_messages {
  std::unordered_map<std::string, std::string> by_sha;
};

TEST(CommitsBumpConformance, EverySingleMessage) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  const rc::policy release = rc::presets::semantic_release();
  const rc::policy angular = rc::presets::semantic_release_angular();
  const rc::policy what_bump = rc::presets::conventionalcommits_what_bump();
  std::map<std::string, int> disagreements;
  int messages = 0;
  for (const char* repo : repos) {
    const auto inputs = relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"));
    const auto answers = relkit_test::read_lines(corpus / (std::string(repo) + ".expected.jsonl"));
    ASSERT_EQ(inputs.size(), answers.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      json input;
      json answer;
      ASSERT_TRUE(relkit_test::parse_json(inputs[i], input));
      ASSERT_TRUE(relkit_test::parse_json(answers[i], answer));
      ++messages;
      const std::vector<rc::log_entry> one = {
          rc::log_entry{input["sha"].string, 1, input["message"].string}};
      const std::pair<const char*, const rc::policy*> checks[] = {
          {"release", &release}, {"release_angular", &angular}, {"whatBump", &what_bump}};
      for (const auto& check : checks) {
        const std::string got(rc::to_string(rc::decide(one, *check.second).level));
        const std::string want = expected_bump(answer[check.first]);
        if (got != want) {
          if (disagreements[check.first]++ < 5) {
            std::printf("[%s] %s %s want %s got %s\n  %s\n", check.first, repo,
                        input["sha"].string.c_str(), want.c_str(), got.c_str(),
                        input["message"].string.substr(0, 300).c_str());
          }
        }
      }
    }
  }
  EXPECT_EQ(messages, 70257);
  EXPECT_EQ(disagreements["release"], 0);
  EXPECT_EQ(disagreements["release_angular"], 0);
  EXPECT_EQ(disagreements["whatBump"], 0);
}

TEST(CommitsBumpConformance, EveryReleaseRange) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  std::unordered_map<std::string, std::string> messages;
  std::unordered_map<std::string, std::size_t> parents;
  for (const char* repo : repos) {
    for (const std::string& line :
         relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"))) {
      json input;
      ASSERT_TRUE(relkit_test::parse_json(line, input));
      messages[input["sha"].string] = input["message"].string;
      parents[input["sha"].string] = static_cast<std::size_t>(input["parents"].number);
    }
  }
  const auto ranges = relkit_test::read_lines(corpus / "releases.jsonl");
  const auto answers = relkit_test::read_lines(corpus / "releases.expected.jsonl");
  ASSERT_EQ(ranges.size(), 535u);
  ASSERT_EQ(answers.size(), ranges.size());
  const rc::policy release = rc::presets::semantic_release();
  const rc::policy angular = rc::presets::semantic_release_angular();
  const rc::policy what_bump = rc::presets::conventionalcommits_what_bump();
  std::map<std::string, int> agree;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    json range;
    json answer;
    ASSERT_TRUE(relkit_test::parse_json(ranges[i], range));
    ASSERT_TRUE(relkit_test::parse_json(answers[i], answer));
    ASSERT_EQ(range["key"].string, answer["key"].string);
    std::vector<rc::log_entry> entries;
    for (const json& sha : range["shas"].array) {
      const auto found = messages.find(sha.string);
      ASSERT_NE(found, messages.end()) << sha.string;
      entries.push_back(rc::log_entry{found->first, parents[sha.string], found->second});
    }
    const std::pair<const char*, const rc::policy*> checks[] = {
        {"release", &release}, {"release_angular", &angular}, {"whatBump", &what_bump}};
    for (const auto& check : checks) {
      const rc::decision d = rc::decide(entries, *check.second);
      const std::string got(rc::to_string(d.level));
      const std::string want = expected_bump(answer[check.first]);
      EXPECT_EQ(got, want) << range["key"].string << " " << check.first << ": " << d.reason;
      agree[check.first] += got == want ? 1 : 0;
    }
  }
  EXPECT_EQ(agree["release"], 535);
  EXPECT_EQ(agree["release_angular"], 535);
  EXPECT_EQ(agree["whatBump"], 535);
}

}  // namespace
