// relkit::commits bump presets against the real tools: @semantic-release/commit-analyzer
// 13.0.1 (presets conventionalcommits and angular) and conventionalcommits 10.4.1 whatBump,
// on every single message of the corpus and on the 535 real release ranges.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/commit_corpus.hpp"
#include "support/json.hpp"
#include "support/vectors.hpp"

namespace {

namespace rc = relkit::commits;
using relkit_test::json;

std::string expected_bump(const json& value) {
  return value.is_null() ? "none" : value.text;
}

struct corpus_messages {
  std::unordered_map<std::string, std::string> by_sha;
};

// The oracle calls commit-analyzer itself on each message as stored; semantic-release's
// core trims a message before the plugin sees it (the presets' trim_message), which the
// 40 corpus messages with leading whitespace would tell apart: compared untrimmed here.
rc::policy plugin_alone(rc::policy p) {
  p.trim_message = false;
  return p;
}

TEST(CommitsBumpConformance, EverySingleMessage) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  const rc::policy release = plugin_alone(rc::presets::semantic_release());
  const rc::policy angular = plugin_alone(rc::presets::semantic_release_angular());
  const rc::policy what_bump = rc::presets::conventionalcommits_what_bump();
  std::map<std::string, int> disagreements;
  int messages = 0;
  for (const char* repo : relkit_test::commit_corpus_repos) {
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
          rc::log_entry{input["sha"].text, 1, input["message"].text}};
      const std::pair<const char*, const rc::policy*> checks[] = {
          {"release", &release}, {"release_angular", &angular}, {"whatBump", &what_bump}};
      for (const auto& check : checks) {
        const std::string got(rc::to_string(rc::decide(one, *check.second).level));
        const std::string want = expected_bump(answer[check.first]);
        if (got != want) {
          if (disagreements[check.first]++ < 5) {
            std::printf("[%s] %s %s want %s got %s\n  %s\n", check.first, repo,
                        input["sha"].text.c_str(), want.c_str(), got.c_str(),
                        input["message"].text.substr(0, 300).c_str());
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
  for (const char* repo : relkit_test::commit_corpus_repos) {
    for (const std::string& line :
         relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"))) {
      json input;
      ASSERT_TRUE(relkit_test::parse_json(line, input));
      messages[input["sha"].text] = input["message"].text;
      parents[input["sha"].text] = static_cast<std::size_t>(input["parents"].number);
    }
  }
  const auto ranges = relkit_test::read_lines(corpus / "releases.jsonl");
  const auto answers = relkit_test::read_lines(corpus / "releases.expected.jsonl");
  ASSERT_EQ(ranges.size(), 535u);
  ASSERT_EQ(answers.size(), ranges.size());
  const rc::policy release = plugin_alone(rc::presets::semantic_release());
  const rc::policy angular = plugin_alone(rc::presets::semantic_release_angular());
  const rc::policy what_bump = rc::presets::conventionalcommits_what_bump();
  std::map<std::string, int> agree;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    json range;
    json answer;
    ASSERT_TRUE(relkit_test::parse_json(ranges[i], range));
    ASSERT_TRUE(relkit_test::parse_json(answers[i], answer));
    ASSERT_EQ(range["key"].text, answer["key"].text);
    std::vector<rc::log_entry> entries;
    for (const json& sha : range["shas"].items) {
      const auto found = messages.find(sha.text);
      ASSERT_NE(found, messages.end()) << sha.text;
      entries.push_back(rc::log_entry{found->first, parents[sha.text], found->second});
    }
    const std::pair<const char*, const rc::policy*> checks[] = {
        {"release", &release}, {"release_angular", &angular}, {"whatBump", &what_bump}};
    for (const auto& check : checks) {
      const rc::decision d = rc::decide(entries, *check.second);
      const std::string got(rc::to_string(d.level));
      const std::string want = expected_bump(answer[check.first]);
      EXPECT_EQ(got, want) << range["key"].text << " " << check.first << ": " << d.reason;
      agree[check.first] += got == want ? 1 : 0;
    }
  }
  EXPECT_EQ(agree["release"], 535);
  EXPECT_EQ(agree["release_angular"], 535);
  EXPECT_EQ(agree["whatBump"], 535);
}

}  // namespace

namespace {

// commits::lint with config-conventional against @commitlint/lint 21.2.4 on every message.
TEST(CommitsLintConformance, EveryMessage) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  std::map<std::string, int> disagreements;
  int messages = 0;
  int printed = 0;
  for (const char* repo : relkit_test::commit_corpus_repos) {
    const auto inputs = relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"));
    const auto answers = relkit_test::read_lines(corpus / (std::string(repo) + ".expected.jsonl"));
    ASSERT_EQ(inputs.size(), answers.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      json input;
      json answer;
      ASSERT_TRUE(relkit_test::parse_json(inputs[i], input));
      ASSERT_TRUE(relkit_test::parse_json(answers[i], answer));
      ++messages;
      const json& lint = answer["lint"];
      const rc::lint_report report = rc::lint(input["message"].text);
      std::vector<std::string> want_errors;
      std::vector<std::string> want_warnings;
      for (const json& e : lint["errors"].items) want_errors.push_back(e.text);
      for (const json& w : lint["warnings"].items) want_warnings.push_back(w.text);
      std::vector<std::string> got_errors;
      std::vector<std::string> got_warnings;
      for (const rc::finding& f : report.findings) {
        (f.level == rc::severity::error ? got_errors : got_warnings).emplace_back(f.rule);
      }
      std::sort(want_errors.begin(), want_errors.end());
      std::sort(got_errors.begin(), got_errors.end());
      std::sort(want_warnings.begin(), want_warnings.end());
      std::sort(got_warnings.begin(), got_warnings.end());
      const bool same = want_errors == got_errors && want_warnings == got_warnings &&
                        lint["valid"].boolean == report.valid &&
                        lint["ignored"].boolean == report.ignored;
      if (!same) {
        std::string key = "valid/ignored";
        for (const auto& e : want_errors) {
          if (std::find(got_errors.begin(), got_errors.end(), e) == got_errors.end())
            key = "missed " + e;
        }
        for (const auto& e : got_errors) {
          if (std::find(want_errors.begin(), want_errors.end(), e) == want_errors.end())
            key = "extra " + e;
        }
        for (const auto& e : want_warnings) {
          if (std::find(got_warnings.begin(), got_warnings.end(), e) == got_warnings.end())
            key = "missed " + e;
        }
        for (const auto& e : got_warnings) {
          if (std::find(want_warnings.begin(), want_warnings.end(), e) == want_warnings.end())
            key = "extra " + e;
        }
        if (disagreements[key]++ < 3 && printed++ < 40) {
          std::printf("[lint %s] %s %s\n  %s\n", key.c_str(), repo, input["sha"].text.c_str(),
                      input["message"].text.substr(0, 240).c_str());
        }
      }
    }
  }
  EXPECT_EQ(messages, 70257);
  for (const auto& d : disagreements)
    std::printf("lint disagreement %s: %d\n", d.first.c_str(), d.second);
  EXPECT_TRUE(disagreements.empty());
}

}  // namespace
