// relkit::commits in dialect::conventional_changelog against conventional-commits-parser
// 7.1.4 (conventionalcommits preset) on every message of the real corpus in
// ../shared/vectors/commits/corpus/<repo>.jsonl (<repo>.expected.jsonl: the parser's answer).
// The counts of the deliberate disagreements are pinned: a change either way fails.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "support/commit_corpus.hpp"
#include "support/json.hpp"
#include "support/vectors.hpp"

namespace {

namespace rc = relkit::commits;
using relkit_test::json;

constexpr std::array<const char*, 9> parser_fields = {
    "type", "scope", "subject", "notes", "references", "mentions", "header", "body", "revert"};

std::string opt_text(const json& value) {
  return value.is_null() ? std::string("\x01null") : value.text;
}
std::string opt_text(std::string_view value) {
  return value.empty() ? std::string("\x01null") : std::string(value);
}

std::string expected_field(const json& parse, std::string_view field) {
  const json& v = parse[field];
  if (field == "notes") {
    std::string out;
    for (const json& n : v.items) out += n["title"].text + "\x02" + n["text"].text + "\x03";
    return out;
  }
  if (field == "references") {
    std::string out;
    for (const json& r : v.items) {
      out += opt_text(r["raw"]) + "|" + opt_text(r["action"]) + "|" + opt_text(r["owner"]) + "|" +
             opt_text(r["repository"]) + "|" + opt_text(r["prefix"]) + "|" + opt_text(r["issue"]) +
             "\x03";
    }
    return out;
  }
  if (field == "mentions") {
    std::string out;
    for (const json& m : v.items) out += m.text + "\x03";
    return out;
  }
  if (field == "revert") {
    if (v.is_null()) return "\x01null";
    return opt_text(v["header"]) + "\x02" + opt_text(v["hash"]);
  }
  return opt_text(v);
}

std::string actual_field(const rc::commit& c, std::string_view field) {
  if (field == "type") return opt_text(c.type);
  if (field == "scope") return opt_text(c.scope);
  if (field == "subject") return opt_text(c.description);
  if (field == "header") return opt_text(c.header);
  if (field == "body") return c.body ? std::string(*c.body) : std::string("\x01null");
  if (field == "footer") return c.footer ? std::string(*c.footer) : std::string("\x01null");
  if (field == "notes") {
    std::string out;
    for (const rc::note& n : c.notes)
      out += std::string(n.title) + "\x02" + std::string(n.text) + "\x03";
    return out;
  }
  if (field == "references") {
    std::string out;
    for (const rc::reference& r : c.references) {
      out += opt_text(r.raw) + "|" + opt_text(r.action) + "|" +
             (r.owner ? std::string(*r.owner) : std::string("\x01null")) + "|" +
             opt_text(r.repository) + "|" + opt_text(r.prefix) + "|" + opt_text(r.issue) + "\x03";
    }
    return out;
  }
  if (field == "mentions") {
    std::string out;
    for (std::string_view m : c.mentions) out += std::string(m) + "\x03";
    return out;
  }
  if (field == "revert") {
    if (!c.revert) return "\x01null";
    return opt_text(c.revert->header) + "\x02" + opt_text(c.revert->hash);
  }
  return {};
}

TEST(CommitsConformance, ParserAgreementPerFieldPerRepo) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  std::map<std::string, std::map<std::string, int>> disagreements;
  std::map<std::string, int> totals;
  std::map<std::string, int> printed;
  int messages = 0;
  for (const char* repo : relkit_test::commit_corpus_repos) {
    const auto inputs = relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"));
    const auto answers = relkit_test::read_lines(corpus / (std::string(repo) + ".expected.jsonl"));
    ASSERT_EQ(inputs.size(), answers.size()) << repo;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      json input;
      json answer;
      ASSERT_TRUE(relkit_test::parse_json(inputs[i], input)) << repo << ':' << i;
      ASSERT_TRUE(relkit_test::parse_json(answers[i], answer)) << repo << ':' << i;
      ASSERT_EQ(input["sha"].text, answer["sha"].text);
      ++messages;
      ++totals[repo];
      const std::string& message = input["message"].text;
      const auto parsed = rc::parse(message, {rc::dialect::conventional_changelog});
      if (answer.has("throws")) {
        EXPECT_FALSE(parsed) << repo << ' ' << input["sha"].text;
        if (parsed) ++disagreements[repo]["throws"];
        continue;
      }
      ASSERT_TRUE(parsed) << repo << ' ' << input["sha"].text;
      for (const char* field : parser_fields) {
        const std::string want = expected_field(answer["parse"], field);
        const std::string got = actual_field(*parsed, field);
        if (want != got) {
          ++disagreements[repo][field];
          if (printed[field]++ < 3) {
            std::printf("[%s] %s %s\n  message: %s\n  want: %s\n  got:  %s\n", field, repo,
                        input["sha"].text.c_str(), message.substr(0, 300).c_str(), want.c_str(),
                        got.c_str());
          }
        }
      }
    }
  }
  std::printf("| repo | messages |");
  for (const char* field : parser_fields) std::printf(" %s |", field);
  std::printf("\n");
  for (const char* repo : relkit_test::commit_corpus_repos) {
    std::printf("| %s | %d |", repo, totals[repo]);
    for (const char* field : parser_fields) std::printf(" %d |", disagreements[repo][field]);
    std::printf("\n");
  }
  EXPECT_EQ(messages, 70257);
  // Every field of every message agrees: no disagreement category to pin.
  for (const char* repo : relkit_test::commit_corpus_repos) {
    for (const char* field : parser_fields)
      EXPECT_EQ(disagreements[repo][field], 0) << repo << ' ' << field;
    EXPECT_EQ(disagreements[repo]["throws"], 0) << repo;
  }
}

}  // namespace

namespace {

// Spec mode against the parser: where Conventional Commits 1.0.0 read exactly differs
// from conventional-commits-parser, by category (pinned; see docs/commits-conformance.md).
TEST(CommitsConformance, SpecModeDifferencesFromTheParser) {
  RELKIT_TEST_VECTORS_OR_SKIP(corpus, "commits/corpus");
  std::map<std::string, int> categories;
  std::map<std::string, int> printed;
  for (const char* repo : relkit_test::commit_corpus_repos) {
    for (const std::string& line :
         relkit_test::read_lines(corpus / (std::string(repo) + ".jsonl"))) {
      json input;
      ASSERT_TRUE(relkit_test::parse_json(line, input));
      const std::string& message = input["message"].text;
      const auto compat = rc::parse(message, {rc::dialect::conventional_changelog});
      const auto spec = rc::parse(message, {rc::dialect::spec});
      ASSERT_EQ(bool(compat), bool(spec));
      if (!compat) continue;
      std::string category;
      if (compat->conventional && !spec->conventional) {
        category = "parser only: " + std::string(spec->reason);
      } else if (!compat->conventional && spec->conventional) {
        category = "spec only";
      } else if (compat->conventional) {
        if (compat->type != spec->type) {
          category = "type differs";
        } else if (compat->scope != spec->scope) {
          category = "scope differs";
        } else if (compat->description != spec->description) {
          category = "description differs";
        } else if (compat->breaking != spec->breaking) {
          category = compat->breaking ? "breaking: parser only" : "breaking: spec only";
          if (compat->breaking && !compat->notes.empty()) {
            const rc::note& n = compat->notes.front();
            const std::size_t at = static_cast<std::size_t>(n.title.data() - message.data());
            const std::size_t line_start =
                message.rfind('\n', at) == std::string::npos ? 0 : message.rfind('\n', at) + 1;
            const std::string_view after(message.data() + at + 15, message.size() - at - 15);
            if (n.title != "BREAKING CHANGE" && n.title != "BREAKING-CHANGE") {
              category += ", keyword not upper case";
            } else if (at != line_start) {
              category += ", keyword after '* ' on its line";
            } else if (after.substr(0, 2) != ": " || after.size() < 3 || after[2] == '\n' ||
                       after[2] == '\r') {
              category += ", no ': value' on the keyword line";
            } else {
              category += ", not in the footer section (no trailer paragraph)";
            }
          }
        }
      }
      if (category.empty()) {
        ++categories["same"];
        continue;
      }
      ++categories[category];
      if (printed[category]++ < 2) {
        std::printf("[%s] %s %s\n  %s\n", category.c_str(), repo, input["sha"].text.c_str(),
                    message.substr(0, 200).c_str());
      }
    }
  }
  for (const auto& c : categories)
    std::printf("spec vs parser | %s | %d |\n", c.first.c_str(), c.second);
  const std::map<std::string, int> pinned = {
      {"same", 69717},
      {"breaking: parser only, no ': value' on the keyword line", 249},
      {"breaking: parser only, keyword after '* ' on its line", 2},
      {"breaking: parser only, keyword not upper case", 1},
      {"parser only: the body must begin one blank line after the description", 102},
      {"parser only: the description is empty or does not follow ': ' immediately", 42},
      {"parser only: the scope is empty", 129},
      {"scope differs", 4},
      {"spec only", 11}};
  EXPECT_EQ(categories, pinned);
}

}  // namespace
