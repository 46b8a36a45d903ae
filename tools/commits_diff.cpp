// Differential driver for relkit::commits against the node oracle
// (../shared/vectors/commits/oracle.js: conventional-commits-parser 7.1.4,
// @semantic-release/commit-analyzer 13.0.1, conventionalcommits whatBump 10.4.1).
// Not part of the build:
//
//   g++ -std=c++17 -O2 -Iinclude -Itests tools/commits_diff.cpp -o /tmp/commits_diff
//   /tmp/commits_diff soup 1 20000 > /tmp/q.jsonl           # adversarial token soup, seed 1
//   node oracle.js < /tmp/q.jsonl > /tmp/a.jsonl             # in a copy of the vectors folder
//     (wrap its analyzeCommits and lint calls in try/catch: both throw on some soup inputs)
//   /tmp/commits_diff check /tmp/q.jsonl /tmp/a.jsonl        # disagreements, then counts
//
// "soup" writes random messages assembled from the tokens the two grammars react to:
// types (the empty one included, mixed case), (scope), `()`, `!`, `:`, spaces and tabs,
// BREAKING CHANGE / BREAKING-CHANGE / breaking change footers, git trailers, #refs and
// owner/repo#refs with actions, @mentions, `Revert "…"` and `This reverts commit x.` lines,
// `-meta-` field lines, gpg: lines, CRLF, U+00A0 and U+2028. Half of the messages start
// from a well-formed header that the soup then cuts and splices, so both the near misses
// and the plain noise are covered.
//
// "check" compares, per message, both compatible grammars:
//   conventional_changelog (parser 7.1.4): type, scope, subject, header, body, footer,
//     notes, references, mentions, revert, breaking, whatBump;
//   semantic_release_conventionalcommits / semantic_release_angular (parser 6.4.0 inside
//     commit-analyzer): the release each preset gives.
//   spec (Conventional Commits 1.0.0): no node reference exists; its differences from
//     the parser are counted by category (spec only, parser only: <reason>, breaking…).
// Exit status 1 when any field of the compatible grammars disagrees.
//
// Last run (2026-12-03, seed 1, 20,000 cases): 19,978 agree on every compared field.
// The 22 others are all "throws": conventional-commits-parser 7.1.4 itself throws
// TypeError "Cannot read properties of undefined (reading 'slice')" when a `-name-`
// meta-field line ends the message (e.g. "...\n-hash-\n"); relkit returns the commit
// (its fields are those before the meta line). Not a relkit defect: kept as is.
// The 89 blank messages throw in both ("Expected a raw commit" / errc::empty_message).
// commit-analyzer's nested parser 6.4.0 threw on 17 (release) and 16 (release_angular)
// more messages, which are therefore not compared for those two fields.
// The same 20,000 cases against the code before the empty-type fix (9e46da8): 390
// disagree, 368 of them breaking/notes/whatBump (and 333 release) on headers such as
// "!: x" and "(api)!: x" -- the class of issue 14 item 10, now covered by the soup.
#include <relkit/commits.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/json.hpp"

namespace {

namespace rc = relkit::commits;

std::vector<std::string> read_lines(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
using relkit_test::json;

// xorshift64*: the same cases for the same seed on every platform.
struct rng {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
};

const std::vector<std::string_view> types = {"",        "feat", "fix",    "Feat",   "FEAT",
                                             "feature", "perf", "revert", "Revert", "chore",
                                             "docs",    "x_1",  "a-b",    "build"};
const std::vector<std::string_view> header_tokens = {"(",
                                                     ")",
                                                     "(api)",
                                                     "()",
                                                     "(a): f(x",
                                                     "(a b)",
                                                     "!",
                                                     "!!",
                                                     ":",
                                                     ": ",
                                                     ":  ",
                                                     " ",
                                                     "  ",
                                                     "\t",
                                                     "!: ",
                                                     ")!: ",
                                                     "word",
                                                     "drop x",
                                                     "#12",
                                                     "owner/repo#3",
                                                     "closes #4",
                                                     "Fixes #5,",
                                                     "@user",
                                                     "\"",
                                                     ".",
                                                     "\xc2\xa0",
                                                     "\xe2\x80\xa8",
                                                     "\r",
                                                     "BREAKING CHANGE",
                                                     "feat",
                                                     "fix",
                                                     "Merge ",
                                                     "Merge pull request #7 from a/b",
                                                     "revert: ",
                                                     "Revert "};
const std::vector<std::string_view> body_tokens = {"BREAKING CHANGE: ",
                                                   "BREAKING CHANGE:",
                                                   "BREAKING-CHANGE: ",
                                                   "breaking change: ",
                                                   "Breaking Change ",
                                                   " breaking change for x",
                                                   "* BREAKING CHANGE: ",
                                                   "| BREAKING CHANGE: ",
                                                   "Refs: ",
                                                   "Refs #",
                                                   "Reviewed-by: Z",
                                                   "Co-authored-by: A <a@b.c>",
                                                   "Closes #12",
                                                   "closes #1, #2",
                                                   "fixes owner/repo#9",
                                                   "resolved #x1",
                                                   "#3",
                                                   "gh-5",
                                                   "@name",
                                                   "a@users.noreply.github.com",
                                                   "This reverts commit ",
                                                   "abcdef1234567",
                                                   "abc",
                                                   ".",
                                                   "\"",
                                                   "-hash-",
                                                   "-x-",
                                                   "gpg: sig",
                                                   "word",
                                                   "more text",
                                                   "  ",
                                                   "\t",
                                                   ": ",
                                                   " #",
                                                   "\xc2\xa0",
                                                   "\xe2\x80\xa8",
                                                   "feat: inner header",
                                                   "fix(x)!: nested",
                                                   "https://x.y/#12"};
const std::vector<std::string_view> line_breaks = {"\n", "\n", "\n\n", "\r\n", "\n\n\n"};

std::string soup_line(rng& r, const std::vector<std::string_view>& tokens, std::size_t max) {
  std::string line;
  const std::size_t n = 1 + r.below(max);
  for (std::size_t i = 0; i < n; ++i) line += tokens[r.below(tokens.size())];
  return line;
}

std::string make_message(rng& r) {
  std::string header;
  if (r.chance(50)) {
    // A well-formed header, then spliced.
    header += types[r.below(types.size())];
    if (r.chance(40)) header += r.chance(80) ? "(api)" : "()";
    if (r.chance(40)) header += '!';
    header += r.chance(85) ? ": " : ":";
    header += r.chance(70) ? "drop x" : soup_line(r, header_tokens, 3);
    if (r.chance(30)) {
      std::size_t at = r.below(header.size() + 1);
      // Not inside a UTF-8 sequence: the messages stay valid UTF-8 (JSON carries no other).
      while (at < header.size() && (static_cast<unsigned char>(header[at]) & 0xC0U) == 0x80U) ++at;
      header.insert(at, header_tokens[r.below(header_tokens.size())]);
    }
  } else {
    if (r.chance(50)) header += types[r.below(types.size())];
    header += soup_line(r, header_tokens, 6);
  }
  std::string message = header;
  const std::size_t lines = r.chance(40) ? 0 : r.below(5);
  for (std::size_t i = 0; i < lines; ++i) {
    message += line_breaks[r.below(line_breaks.size())];
    message += soup_line(r, body_tokens, 4);
  }
  if (r.chance(10)) message = "Revert \"" + header + "\"\n\nThis reverts commit abcdef1." + message;
  if (r.chance(5)) message += "\n";
  return message;
}

int soup(std::uint64_t seed, std::size_t count) {
  rng r{seed * 0x9E3779B97F4A7C15ull + 1};
  for (std::size_t i = 0; i < count; ++i) {
    json q = json::make_object();
    q.members.emplace_back("message", json::make_string(make_message(r)));
    std::printf("%s\n", relkit_test::to_json(q).c_str());
  }
  return 0;
}

std::string opt(std::string_view value) {
  return value.empty() ? std::string("null") : "\"" + std::string(value) + "\"";
}
std::string opt(const json& value) {
  return value.is_null() ? std::string("null") : "\"" + value.text + "\"";
}

std::map<std::string, std::string> expected_fields(const json& answer) {
  std::map<std::string, std::string> out;
  const json& p = answer["parse"];
  for (const char* key : {"type", "scope", "subject", "header", "body", "footer"})
    out[key] = opt(p[key]);
  for (const json& n : p["notes"].items)
    out["notes"] += n["title"].text + "=" + n["text"].text + ";";
  for (const json& x : p["references"].items) {
    out["references"] += opt(x["raw"]) + "|" + opt(x["action"]) + "|" + opt(x["owner"]) + "|" +
                         opt(x["repository"]) + "|" + opt(x["prefix"]) + "|" + opt(x["issue"]) +
                         ";";
  }
  for (const json& m : p["mentions"].items) out["mentions"] += m.text + ";";
  out["revert"] = p["revert"].is_null()
                      ? std::string("null")
                      : opt(p["revert"]["header"]) + "|" + opt(p["revert"]["hash"]);
  out["breaking"] = answer["breaking"].boolean ? "true" : "false";
  for (const char* key : {"whatBump", "release", "release_angular"}) {
    // commit-analyzer's nested parser 6.4.0 throws on some inputs (a TypeError in
    // parseReferences): semantic-release would fail the run; nothing to compare.
    out[key] = answer[key].is_null()     ? std::string("none")
               : answer[key].is_object() ? std::string("oracle_throws")
                                         : answer[key].text;
  }
  return out;
}

std::map<std::string, std::string> actual_fields(std::string_view message) {
  std::map<std::string, std::string> out;
  const auto parsed = rc::parse(message, rc::parse_options{rc::dialect::conventional_changelog});
  if (!parsed) {
    out["throws"] = "true";
    return out;
  }
  const rc::commit& c = *parsed;
  out["type"] = opt(c.type);
  out["scope"] = opt(c.scope);
  out["subject"] = opt(c.description);
  out["header"] = opt(c.header);
  out["body"] = c.body ? "\"" + std::string(*c.body) + "\"" : std::string("null");
  out["footer"] = c.footer ? "\"" + std::string(*c.footer) + "\"" : std::string("null");
  for (const rc::note& n : c.notes)
    out["notes"] += std::string(n.title) + "=" + std::string(n.text) + ";";
  for (const rc::reference& x : c.references) {
    out["references"] += opt(x.raw) + "|" + opt(x.action) + "|" +
                         (x.owner ? "\"" + std::string(*x.owner) + "\"" : std::string("null")) +
                         "|" + opt(x.repository) + "|" + opt(x.prefix) + "|" + opt(x.issue) + ";";
  }
  for (std::string_view m : c.mentions) out["mentions"] += std::string(m) + ";";
  out["revert"] = c.revert ? opt(c.revert->header) + "|" + opt(c.revert->hash) : "null";
  out["breaking"] = c.breaking ? "true" : "false";
  const std::vector<rc::log_entry> one = {rc::log_entry{"0000000", 1, message}};
  out["whatBump"] =
      rc::to_string(rc::decide(one, rc::presets::conventionalcommits_what_bump()).level);
  out["release"] = rc::to_string(rc::decide(one, rc::presets::semantic_release()).level);
  out["release_angular"] =
      rc::to_string(rc::decide(one, rc::presets::semantic_release_angular()).level);
  return out;
}

// The spec grammar has no node reference: Conventional Commits 1.0.0 read exactly is
// compared with the parser by category (as tests/conformance/commits_parser_test.cpp
// does on the corpus). Reported, not failed: each category is a documented difference.
std::string spec_category(std::string_view message, const json& answer) {
  const auto spec = rc::parse(message);
  if (answer.has("throws")) {
    return spec ? "parser throws (a trailing -meta- line), spec parses" : "both reject (blank)";
  }
  if (!spec) return "spec error, parser parses";
  const json& p = answer["parse"];
  const bool parser_typed = !p["type"].is_null();
  if (spec->conventional && !parser_typed) return "spec only";
  if (!spec->conventional && parser_typed) return "parser only: " + std::string(spec->reason);
  if (spec->conventional &&
      (opt(spec->type) != opt(p["type"]) || opt(spec->scope) != opt(p["scope"]) ||
       opt(spec->description) != opt(p["subject"]))) {
    return "type, scope or subject differ";
  }
  const bool parser_breaking = answer["breaking"].boolean;
  if (spec->breaking != parser_breaking) {
    return spec->breaking ? "breaking: spec only" : "breaking: parser only";
  }
  return "same";
}

int check(const char* queries_path, const char* answers_path) {
  const auto queries = read_lines(queries_path);
  const auto answers = read_lines(answers_path);
  if (queries.size() != answers.size()) {
    std::fprintf(stderr, "%zu queries, %zu answers\n", queries.size(), answers.size());
    return 2;
  }
  std::map<std::string, std::size_t> disagreements;
  std::map<std::string, std::size_t> spec_categories;
  std::size_t cases = 0;
  std::size_t bad_cases = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    json q;
    json a;
    if (!relkit_test::parse_json(queries[i], q) || !relkit_test::parse_json(answers[i], a)) {
      std::fprintf(stderr, "line %zu: not JSON\n", i + 1);
      return 2;
    }
    ++cases;
    const std::string& message = q["message"].text;
    const std::string category = spec_category(message, a);
    if (spec_categories[category]++ < 2 && std::getenv("COMMITS_DIFF_SPEC_EXAMPLES") != nullptr) {
      std::fprintf(stderr, "[spec: %s] %s\n", category.c_str(),
                   relkit_test::to_json(json::make_string(message)).c_str());
    }
    const auto got = actual_fields(message);
    bool any = false;
    if (a.has("throws") || got.count("throws") != 0) {
      if (a.has("throws") != (got.count("throws") != 0)) {
        ++disagreements["throws"];
        any = true;
      }
    } else {
      const auto want = expected_fields(a);
      for (const auto& [field, value] : want) {
        const auto it = got.find(field);
        const std::string mine = it == got.end() ? std::string() : it->second;
        if (mine == value) continue;
        if (value == "oracle_throws") {
          ++disagreements["(not compared: " + field + " threw in the oracle)"];
          continue;
        }
        any = true;
        if (disagreements[field]++ < 5) {
          std::printf("[%s] %s\n  want: %s\n  got:  %s\n", field.c_str(),
                      relkit_test::to_json(json::make_string(message)).c_str(), value.c_str(),
                      mine.c_str());
        }
      }
    }
    if (any) ++bad_cases;
  }
  std::printf("cases %zu agree %zu disagree %zu\n", cases, cases - bad_cases, bad_cases);
  for (const auto& [field, n] : disagreements) std::printf("  %s: %zu\n", field.c_str(), n);
  std::printf("spec grammar vs the parser, by category (not failures):\n");
  for (const auto& [category, n] : spec_categories) std::printf("  %s: %zu\n", category.c_str(), n);
  return bad_cases == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "soup" && argc == 4) {
    return soup(std::strtoull(argv[2], nullptr, 10),
                static_cast<std::size_t>(std::strtoull(argv[3], nullptr, 10)));
  }
  if (mode == "check" && argc == 4) return check(argv[2], argv[3]);
  std::fprintf(stderr,
               "usage: commits_diff soup SEED COUNT | commits_diff check Q.jsonl A.jsonl\n");
  return 2;
}
