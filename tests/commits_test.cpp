#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

namespace rc = relkit::commits;

const rc::parse_options compatible{rc::dialect::conventional_changelog};

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

TEST(CommitsParse, SpecHeaderBodyFootersAsViews) {
  const std::string message =
      "feat(api)!: drop v1\n\nThe v1 endpoints are gone.\n\nBREAKING CHANGE: v1 clients must "
      "move\n  to v2\nReviewed-by: Z\nRefs #133\n";
  const auto c = rc::parse(message);
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->conventional);
  EXPECT_EQ(c->type, "feat");
  EXPECT_EQ(c->scope, "api");
  EXPECT_TRUE(c->exclamation);
  EXPECT_EQ(c->description, "drop v1");
  ASSERT_TRUE(c->body);
  EXPECT_EQ(*c->body, "The v1 endpoints are gone.");
  ASSERT_EQ(c->footers.size(), 3u);
  EXPECT_EQ(c->footers[0], (rc::footer{"BREAKING CHANGE", ": ", "v1 clients must move\n  to v2"}));
  EXPECT_EQ(c->footers[1], (rc::footer{"Reviewed-by", ": ", "Z"}));
  EXPECT_EQ(c->footers[2], (rc::footer{"Refs", " #", "133"}));
  ASSERT_EQ(c->notes.size(), 1u);
  EXPECT_EQ(c->notes[0], (rc::note{"BREAKING CHANGE", "v1 clients must move\n  to v2"}));
  EXPECT_TRUE(c->breaking);
  // Every value is a view into the message: nothing was copied.
  EXPECT_EQ(c->owned_text, nullptr);
  EXPECT_TRUE(inside(c->description, message));
  EXPECT_TRUE(inside(*c->body, message));
  EXPECT_TRUE(inside(c->notes[0].text, message));
  EXPECT_EQ(rc::rebuild_header(*c), "feat(api)!: drop v1");
}

TEST(CommitsParse, CrlfValuesAreOwnedAndSurviveCopies) {
  const std::string message = "fix: a\r\n\r\nline one\r\nline two\r\n";
  rc::commit copy;
  {
    const auto c = rc::parse(message);
    ASSERT_TRUE(c);
    copy = *c;
  }
  ASSERT_TRUE(copy.body);
  EXPECT_EQ(*copy.body, "line one\nline two");
  ASSERT_NE(copy.owned_text, nullptr);
  EXPECT_FALSE(inside(*copy.body, message));
  EXPECT_EQ(copy.description, "a");
}

TEST(CommitsParse, SpecRejectsWithReasonAndPosition) {
  struct {
    std::string_view message;
    std::string_view reason;
    std::size_t position;
  } const cases[] = {
      {"update readme", "expected '(scope)', '!' or ': ' after the type", 6},
      {": nothing", "the header does not start with a type", 0},
      {"fix(): x", "the scope is empty", 4},
      {"fix(a: x", "the scope is not closed by ')'", 8},
      {"fix(a)x", "expected ': ' after the type and scope", 6},
      {"fix:x", "expected a space after ':'", 4},
      {"fix:  x", "the description is empty or does not follow ': ' immediately", 5},
      {"fix: x\nbody", "the body must begin one blank line after the description", 7},
      {"\u2728 feat: emoji", "the header does not start with a type", 0},
  };
  for (const auto& t : cases) {
    const auto c = rc::parse(t.message);
    ASSERT_TRUE(c) << t.message;
    EXPECT_FALSE(c->conventional) << t.message;
    EXPECT_EQ(c->reason, t.reason) << t.message;
    EXPECT_EQ(c->reason_position, t.position) << t.message;
    EXPECT_FALSE(c->breaking) << t.message;
  }
}

TEST(CommitsParse, SpecBreakingChangeMustBeUpperCaseFooter) {
  const auto lower = rc::parse("fix: a\n\nbreaking change: no");
  ASSERT_TRUE(lower);
  EXPECT_FALSE(lower->breaking);
  const auto dash = rc::parse("fix: a\n\nBREAKING-CHANGE: yes");
  ASSERT_TRUE(dash);
  EXPECT_TRUE(dash->breaking);
  ASSERT_EQ(dash->notes.size(), 1u);
  EXPECT_EQ(dash->notes[0].title, "BREAKING-CHANGE");
  const auto bang = rc::parse("refactor(core)!: rename x");
  ASSERT_TRUE(bang);
  ASSERT_EQ(bang->notes.size(), 1u);
  EXPECT_EQ(bang->notes[0], (rc::note{"BREAKING CHANGE", "rename x"}));
}

TEST(CommitsParse, CompatibleQuirksOfTheParser) {
  // Greedy scope, as conventional-commits-parser reads `(.*)`.
  const auto greedy = rc::parse("fix(a): f(x): y", compatible);
  ASSERT_TRUE(greedy);
  EXPECT_EQ(greedy->scope, "a): f(x");
  EXPECT_EQ(greedy->description, "y");
  // `()`: conventional, scope absent.
  const auto empty_scope = rc::parse("chore(): x", compatible);
  ASSERT_TRUE(empty_scope);
  EXPECT_TRUE(empty_scope->conventional);
  EXPECT_EQ(empty_scope->scope, "");
  // A case-insensitive note keyword anywhere after the header.
  const auto note = rc::parse("feat: x\nbreaking change: gone", compatible);
  ASSERT_TRUE(note);
  ASSERT_EQ(note->notes.size(), 1u);
  EXPECT_EQ(note->notes[0], (rc::note{"breaking change", "gone"}));
  EXPECT_FALSE(note->body);
  // "" body (a blank line follows the header) vs absent body.
  const auto blank = rc::parse("feat: x\n\n\nBREAKING CHANGE: y", compatible);
  const auto none = rc::parse("feat: x", compatible);
  ASSERT_TRUE(blank);
  ASSERT_TRUE(none);
  EXPECT_EQ(blank->body, std::optional<std::string_view>(""));
  EXPECT_EQ(none->body, std::nullopt);
  // `feat!:` with another note: the parser adds no `!` note.
  const auto both = rc::parse("feat!: x\n\nBREAKING CHANGE: y", compatible);
  ASSERT_TRUE(both);
  ASSERT_EQ(both->notes.size(), 1u);
  EXPECT_EQ(both->notes[0].text, "y");
  // The angular grammar of semantic-release's default preset has no `!`.
  const auto angular = rc::parse("feat!: x", {rc::dialect::semantic_release_angular});
  ASSERT_TRUE(angular);
  EXPECT_FALSE(angular->conventional);
  EXPECT_FALSE(angular->breaking);
}

TEST(CommitsParse, ReferencesActionsAndMentions) {
  const auto c = rc::parse(
      "fix(ui): crash on open (#7)\n\nSee owner/repo#1 and gh#x, by @alice.\n\nCloses #12, #13\n"
      "Co-authored-by: Bob <bob@users.noreply.github.com>",
      compatible);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->references.size(), 4u);
  EXPECT_EQ(c->references[0].raw, "fix(ui): crash on open (#7");
  EXPECT_EQ(c->references[0].issue, "7");
  EXPECT_EQ(c->references[0].action, "");
  EXPECT_EQ(c->references[1].owner, std::optional<std::string_view>("owner"));
  EXPECT_EQ(c->references[1].repository, "repo");
  EXPECT_EQ(c->references[1].issue, "1");
  EXPECT_EQ(c->references[2].action, "Closes");
  EXPECT_EQ(c->references[2].raw, "#12");
  EXPECT_EQ(c->references[3].action, "Closes");
  EXPECT_EQ(c->references[3].raw, ", #13");
  EXPECT_EQ(c->references[3].issue, "13");
  ASSERT_EQ(c->mentions.size(), 2u);
  EXPECT_EQ(c->mentions[0], "alice");
  EXPECT_EQ(c->mentions[1], "users");
  // A sentence holding a URL yields no reference; duplicates are dropped.
  const auto url = rc::parse("fix: x\n\nhttps://example.com/#1 #2\nfixes #3 #3", compatible);
  ASSERT_TRUE(url);
  ASSERT_EQ(url->references.size(), 2u);
  EXPECT_EQ(url->references[0].raw, "#3");
  EXPECT_EQ(url->references[1].raw, " #3");
}

TEST(CommitsParse, RevertsAndMerges) {
  const auto quoted = rc::parse(
      "Revert \"feat(x): add y\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.",
      compatible);
  ASSERT_TRUE(quoted);
  ASSERT_TRUE(quoted->revert);
  EXPECT_EQ(quoted->revert->header, "feat(x): add y");
  EXPECT_EQ(quoted->revert->hash, "0123456789abcdef0123456789abcdef01234567");
  const auto typed = rc::parse("revert: feat: add y\n\nThis reverts commit abc1234.", compatible);
  ASSERT_TRUE(typed);
  ASSERT_TRUE(typed->revert);
  EXPECT_EQ(typed->revert->header, "feat: add y");
  EXPECT_EQ(typed->revert->hash, "abc1234");
  // Spec mode also takes the FAQ's form: `revert:` type and a Refs footer.
  const auto refs = rc::parse(
      "revert: let us never again speak of the noodle incident\n\nRefs: "
      "676104e, a215868");
  ASSERT_TRUE(refs);
  ASSERT_TRUE(refs->revert);
  EXPECT_EQ(refs->revert->hash, "676104e");
  const auto merge = rc::parse("Merge pull request #5 from a/b\n\nfeat: x", compatible);
  ASSERT_TRUE(merge);
  EXPECT_TRUE(merge->merge);
  EXPECT_FALSE(merge->conventional);
  ASSERT_EQ(merge->references.size(), 1u);
  EXPECT_EQ(merge->references[0].issue, "5");
}

TEST(CommitsParse, EmptyAndOverlongMessagesAreErrors) {
  const auto empty = rc::parse(" \n\t\n");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, rc::errc::empty_message);
  EXPECT_EQ(empty.error().position, 0u);
  EXPECT_EQ(relkit::to_string(empty.error()), "empty commit message at 0 [commits.empty_message]");
  rc::parse_options small;
  small.max_length = 4;
  const auto longer = rc::parse("fix: x", small);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().code, rc::errc::message_too_long);
  EXPECT_EQ(longer.error().position, 4u);
  EXPECT_EQ(longer.error().message(), "message longer than 4 bytes");
  EXPECT_EQ(relkit::to_string(longer.error()),
            "message longer than 4 bytes at 4 [commits.message_too_long]");
  EXPECT_EQ(empty.error().message(), "empty commit message");
}

// parse(message, out): the commit parse(message) returns, in a commit reused from one
// message to the next (its lists keep their capacity); an error leaves it empty.
TEST(CommitsParse, ParseIntoReusesTheCommit) {
  const std::vector<std::string> messages = {
      "feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone\nCloses #12, #13\nCc @ann", "fix: x",
      "Revert \"feat: y\"\r\n\r\nThis reverts commit abc1234.\r\n",
      "docs: a\n\nRefs: #1\nReviewed-by: Z", "update stuff"};
  rc::commit reused;
  for (const rc::dialect grammar :
       {rc::dialect::spec, rc::dialect::conventional_changelog, rc::dialect::git_cliff,
        rc::dialect::release_please, rc::dialect::semantic_release_angular}) {
    const rc::parse_options opts{grammar};
    for (const std::string& m : messages) {
      const auto fresh = rc::parse(m, opts);
      ASSERT_TRUE(fresh);
      ASSERT_TRUE(rc::parse(m, reused, opts));
      EXPECT_EQ(reused, *fresh) << m;
    }
  }
  ASSERT_TRUE(rc::parse(messages[0], reused, {rc::dialect::conventional_changelog}));
  EXPECT_EQ(reused.references.size(), 2u);
  const std::size_t capacity = reused.references.capacity();
  ASSERT_TRUE(rc::parse("fix: no references", reused));
  EXPECT_TRUE(reused.references.empty());
  EXPECT_EQ(reused.references.capacity(), capacity);
  const auto empty = rc::parse(" \n", reused);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, rc::errc::empty_message);
  EXPECT_EQ(reused, rc::commit{});
  rc::parse_options one;
  one.max_items = 1;
  const auto too_many = rc::parse(messages[0], reused, one);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code, rc::errc::too_many_items);
  EXPECT_EQ(too_many.error(), rc::parse(messages[0], one).error());
  EXPECT_EQ(reused, rc::commit{});
}

// A megabyte of each adversarial pattern: the parser is one forward pass per line
// (no regular-expression backtracking), so these finish like any other megabyte.
TEST(CommitsParse, AdversarialMegabyteInputs) {
  const std::size_t mb = std::size_t{1} << 20;
  for (const rc::dialect grammar : {rc::dialect::spec, rc::dialect::conventional_changelog,
                                    rc::dialect::semantic_release_conventionalcommits}) {
    const rc::parse_options opts{grammar};
    const auto hashes = rc::parse(std::string(mb, '#'), opts);
    ASSERT_TRUE(hashes);
    EXPECT_FALSE(hashes->conventional);
    EXPECT_TRUE(hashes->references.empty());
    const auto parens = rc::parse("fix" + std::string(mb, '('), opts);
    ASSERT_TRUE(parens);
    EXPECT_FALSE(parens->conventional);
    std::string refs;
    while (refs.size() < mb) refs += "a#1 ";
    const auto many = rc::parse("fix: x\n\n" + refs, opts);
    ASSERT_TRUE(many);
    EXPECT_EQ(many->references.size(), 2u);  // raw "a#1", then " a#1" over and over
    std::string actions;
    while (actions.size() < mb) actions += "fixes ";
    const auto fixes = rc::parse("fix: x\n\n" + actions, opts);
    ASSERT_TRUE(fixes);
    EXPECT_TRUE(fixes->references.empty());
    std::string reverts = "Revert \"";
    while (reverts.size() < mb) reverts += "This reverts commit x ";
    const auto revert = rc::parse(reverts, opts);
    ASSERT_TRUE(revert);
    EXPECT_FALSE(revert->revert);
    const auto mentions = rc::parse(std::string(mb, '@'), opts);
    ASSERT_TRUE(mentions);
    EXPECT_TRUE(mentions->mentions.empty());
    std::string lines;
    while (lines.size() < mb) lines += "BREAKING CHANGE: x\n";
    const auto notes = rc::parse("feat: x\n\n" + lines, opts);
    // 55,189 footers: more than parse_options::max_items (issue 19), refused
    // at the 10,001st; within the limit each is a note.
    ASSERT_FALSE(notes);
    EXPECT_EQ(notes.error().code, rc::errc::too_many_items);
    EXPECT_EQ(notes.error().position, 9u + 10000u * 19u);
    rc::parse_options unlimited = opts;
    unlimited.max_items = mb;
    const auto all_notes = rc::parse("feat: x\n\n" + lines, unlimited);
    ASSERT_TRUE(all_notes);
    EXPECT_EQ(all_notes->notes.size(), (mb + 18) / 19);
  }
}

TEST(CommitsLint, ConfigConventionalFindings) {
  const std::string message = "Feat: Add thing.\nno blank line";
  const rc::lint_report report = rc::lint(message);
  EXPECT_FALSE(report.valid);
  ASSERT_EQ(report.findings.size(), 5u);
  EXPECT_EQ(report.findings[0].rule, "body-leading-blank");
  EXPECT_EQ(report.findings[0].level, rc::severity::warning);
  EXPECT_EQ(report.findings[0].position, 17u);
  EXPECT_EQ(report.findings[0].message, "body must have leading blank line");
  EXPECT_EQ(report.findings[1].rule, "subject-case");
  EXPECT_EQ(report.findings[1].position, 6u);
  EXPECT_EQ(report.findings[1].message, "subject must not be sentence-case");
  EXPECT_EQ(report.findings[2].rule, "subject-full-stop");
  EXPECT_EQ(report.findings[2].message, "subject may not end with full stop");
  EXPECT_EQ(report.findings[3].rule, "type-case");
  EXPECT_EQ(report.findings[3].message, "type must be lower-case");
  EXPECT_EQ(report.findings[4].rule, "type-enum");
  EXPECT_EQ(
      report.findings[4].message,
      "type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, "
      "test]");
  EXPECT_TRUE(rc::lint("fix(ui): handle empty lists").valid);
  const rc::lint_report merge = rc::lint("Merge branch 'main' into dev");
  EXPECT_TRUE(merge.ignored);
  EXPECT_TRUE(merge.findings.empty());
}

// commitlint trims with JavaScript's Unicode trimEnd()/trim() (whitespace (a)
// of relkit/detail/js_text.hpp): lint's message.trimEnd() before the default
// ignores, and isSemver's trim(). Answers of @commitlint/lint 21.2.4 (node
// oracle in the vectors' commits/ folder); relkit saw one-byte spaces only.
TEST(CommitsLint, UnicodeTrimsAsCommitlint) {
  struct expected {
    const char* message;
    bool valid;
    bool ignored;
    std::vector<std::string> rules;
  };
  const expected cases[] = {
      {"Revert \u3000", false, false, {"header-trim", "subject-empty", "type-empty"}},
      {"1.2.3\u3000", true, true, {}},
      {"\u3000v1.2.3", true, true, {}},
      {"chore: 1.2.3\u00a0[skip ci]\u2028", true, true, {}},
      {"Merge tag 'v1'\u3000\n", true, true, {}},
      {"fix: Add `x`\u3000", false, false, {"header-trim", "subject-case"}},
      {"fix: add Foo\u3000", false, false, {"header-trim"}},
      {"fix: \u3000x", true, false, {}},
      {"Revert\u00a0\u3000", false, false, {"header-trim", "subject-empty", "type-empty"}},
  };
  for (const expected& e : cases) {
    const rc::lint_report report = rc::lint(e.message);
    EXPECT_EQ(report.valid, e.valid) << e.message;
    EXPECT_EQ(report.ignored, e.ignored) << e.message;
    std::vector<std::string> rules;
    for (const auto& f : report.findings) rules.push_back(f.rule);
    EXPECT_EQ(rules, e.rules) << e.message;
  }
}

// subject-case names the cases that matched, as commitlint 21.2.4 does: start case and
// pascal case through es-toolkit/compat 1.53.2's words, deburr and normalizeForCase
// (@commitlint/lint 21.2.4's messages for "feat: " + the subject).
TEST(CommitsLint, SubjectCaseNamesTheCasesCommitlintMatches) {
  const std::pair<const char*, const char*> cases[] = {
      {"Add X.", "sentence-case"},
      {"Update CHANGELOG.md", "sentence-case"},
      {"ExpressEngineConfig", "sentence-case, pascal-case"},
      {"HTTPServer", "sentence-case"},
      {"Fix 1st Bug", "sentence-case, start-case"},
      {"Foo Bar", "sentence-case, start-case"},
      {"CHANGELOG", "sentence-case, start-case, upper-case"},
      {"\u00c9moji Support", "sentence-case"},
      {"Add \U0001f44d\U0001f3fd Reaction", "sentence-case, start-case"},
      {"\u041f\u0440\u0438\u0432\u0435\u0442 \u041c\u0438\u0440", "sentence-case, start-case"},
      {"\u041f\u0440\u0438\u0432\u0435\u0442\u041c\u0438\u0440", "sentence-case, start-case"},
      {"Don't Panic", "sentence-case"},
      {"Foo-Bar", "sentence-case"},
      {"FooBar2", "sentence-case, pascal-case"},
      {"A", "sentence-case, start-case, pascal-case, upper-case"},
      {"\u00dcber", "sentence-case"},
      {"Add 2FA", "sentence-case"},
      {"X Y Z", "sentence-case, start-case, upper-case"},
      {"Use HTTP", "sentence-case, start-case"},
      {"Emoji \U0001f1fa\U0001f1f8 Flag", "sentence-case, start-case"},
      {"Foo  Bar", "sentence-case"},
      {"IPv6 Support", "sentence-case"},
      {"Add `x` Y", "sentence-case"},
      {"Fix 2nd Issue", "sentence-case, start-case"},
      {"README", "sentence-case, start-case, upper-case"},
      {"Fix3RD Thing", "sentence-case"},
      {"H\u00e9llo", "sentence-case"},
      {"Tab\tSeparated", "sentence-case"},
  };
  for (const auto& c : cases) {
    const rc::lint_report report = rc::lint(std::string("feat: ") + c.first);
    std::string message;
    for (const rc::finding& f : report.findings) {
      if (f.rule == "subject-case") message = f.message;
    }
    EXPECT_EQ(message, std::string("subject must not be ") + c.second) << c.first;
  }
  // The parser drops `gpg:` lines; nothing left is commitlint's empty commit: valid.
  const rc::lint_report gpg = rc::lint("gpg: Signature made Tue 01 Dec 2026");
  EXPECT_TRUE(gpg.valid);
  EXPECT_FALSE(gpg.ignored);
  EXPECT_TRUE(gpg.findings.empty());
}

TEST(CommitsLint, RulesAreData) {
  rc::lint_options config = rc::presets::config_conventional();
  for (rc::lint_rule& r : config.rules) {
    if (r.name == "type-enum") r.values.push_back("wip");
    if (r.name == "header-max-length") r.limit = 10;
  }
  const rc::lint_report report = rc::lint("wip: a longer header", config);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule, "header-max-length");
  EXPECT_EQ(report.findings[0].message,
            "header must not be longer than 10 characters, current length is 20");
}

std::vector<rc::log_entry> range(
    const std::vector<std::pair<std::string_view, std::string_view>>& shas_and_messages) {
  std::vector<rc::log_entry> out;
  for (const auto& [sha, message] : shas_and_messages)
    out.push_back(rc::log_entry{sha, 1, message});
  return out;
}

// Regression (issue 14, item 10): a breaking header with an empty type. The oracle
// (conventional-commits-parser 7.1.4, commit-analyzer 13.0.1, whatBump 10.4.1) answers
//   "!: drop x"      -> type null, scope null,  subject "drop x", notes [{BREAKING CHANGE, drop
//   x}],
//   "(api)!: drop x" -> type null, scope "api", subject "drop x", the same note;
//   release major, release_angular null, whatBump major, breaking true.
TEST(CommitsParse, EmptyTypeBreakingHeaderIsBreaking) {
  for (const rc::dialect grammar :
       {rc::dialect::conventional_changelog, rc::dialect::semantic_release_conventionalcommits}) {
    for (const std::string_view message : {"!: drop x", "(api)!: drop x"}) {
      const auto c = rc::parse(message, rc::parse_options{grammar});
      ASSERT_TRUE(c) << message;
      EXPECT_FALSE(c->conventional) << message;
      EXPECT_TRUE(c->type.empty()) << message;
      EXPECT_EQ(c->scope, message[0] == '(' ? "api" : "") << message;
      EXPECT_EQ(c->description, "drop x") << message;
      EXPECT_TRUE(c->breaking) << message;
      ASSERT_EQ(c->notes.size(), 1u) << message;
      EXPECT_EQ(c->notes[0], (rc::note{"BREAKING CHANGE", "drop x"})) << message;
    }
  }
  // A note in the footer wins over the header's, as for a typed header.
  const auto footer = rc::parse("!: drop x\n\nBREAKING CHANGE: y", compatible);
  ASSERT_TRUE(footer);
  ASSERT_EQ(footer->notes.size(), 1u);
  EXPECT_EQ(footer->notes[0], (rc::note{"BREAKING CHANGE", "y"}));
  // The spec grammar has no commit without a type: not conventional, not breaking.
  const auto spec = rc::parse("!: drop x");
  ASSERT_TRUE(spec);
  EXPECT_FALSE(spec->breaking);
  EXPECT_TRUE(spec->notes.empty());
}

TEST(CommitsBump, EmptyTypeBreakingHeaderBumpsMajor) {
  for (const std::string_view message : {"!: drop x", "(api)!: drop x"}) {
    const auto one = range({{"aaaaaaa", message}});
    EXPECT_EQ(rc::decide(one, rc::presets::semantic_release()).level, rc::bump::major) << message;
    EXPECT_EQ(rc::decide(one, rc::presets::semantic_release_angular()).level, rc::bump::none)
        << message;
    EXPECT_EQ(rc::decide(one, rc::presets::conventionalcommits_what_bump()).level, rc::bump::major)
        << message;
  }
}

TEST(CommitsBump, DecisionNamesCommitAndRule) {
  const auto commits = range({{"1111111aaaa", "docs: typo"},
                              {"2222222bbbb", "feat(api): add list"},
                              {"3333333cccc", "fix: crash"}});
  const rc::decision d = rc::decide(commits, rc::presets::semantic_release());
  EXPECT_EQ(d.level, rc::bump::minor);
  EXPECT_EQ(d.commit_index, 1u);
  EXPECT_EQ(d.sha, "2222222bbbb");
  EXPECT_EQ(d.rule, "feat -> minor");
  EXPECT_EQ(d.reason, "minor: 'feat(api): add list' (2222222) matched feat -> minor");
  const rc::decision none =
      rc::decide(range({{"1111111", "chore: x"}}), rc::presets::semantic_release());
  EXPECT_EQ(none.level, rc::bump::none);
  EXPECT_EQ(none.reason,
            "none: no commit matched a rule of semantic-release (conventionalcommits)");
}

TEST(CommitsBump, PresetsDisagreeWhereTheToolsDo) {
  const auto bang = range({{"aaaaaaa", "feat!: drop node 16"}});
  EXPECT_EQ(rc::decide(bang, rc::presets::semantic_release()).level, rc::bump::major);
  EXPECT_EQ(rc::decide(bang, rc::presets::semantic_release_angular()).level, rc::bump::none);
  const auto upper = range({{"aaaaaaa", "FEAT: shout"}});
  EXPECT_EQ(rc::decide(upper, rc::presets::semantic_release()).level, rc::bump::minor);
  EXPECT_EQ(rc::decide(upper, rc::presets::conventionalcommits_what_bump()).level, rc::bump::patch);
  const auto chore = range({{"aaaaaaa", "chore: deps"}});
  EXPECT_EQ(rc::decide(chore, rc::presets::git_cliff()).level, rc::bump::patch);
  EXPECT_EQ(rc::decide(chore, rc::presets::cocogitto()).level, rc::bump::none);
  // release-please bumps a patch for it, but a chore is not user-facing: no release.
  EXPECT_EQ(rc::decide(chore, rc::presets::release_please()).level, rc::bump::none);
  const auto perf = range({{"aaaaaaa", "perf: faster"}});
  EXPECT_EQ(rc::decide(perf, rc::presets::cocogitto()).level, rc::bump::none);
  EXPECT_EQ(rc::decide(perf, rc::presets::semantic_release()).level, rc::bump::patch);
}

TEST(CommitsBump, InitialDevelopmentPolicies) {
  const auto breaking = range({{"aaaaaaa", "fix!: change api"}});
  EXPECT_EQ(rc::decide(breaking, rc::presets::semantic_release(), true).level, rc::bump::major);
  EXPECT_EQ(rc::decide(breaking, rc::presets::conventionalcommits_what_bump(true), true).level,
            rc::bump::minor);
  // cocogitto at 0.x: the breaking mark is ignored, `fix` decides.
  EXPECT_EQ(rc::decide(breaking, rc::presets::cocogitto(), true).level, rc::bump::patch);
  rc::policy zero = rc::presets::conventional_commits();
  zero.zero_major = rc::initial_development::lower_one_level;
  zero.zero_zero_patch = true;
  const auto feat = range({{"aaaaaaa", "feat: x"}});
  EXPECT_EQ(rc::decide(feat, zero, true).level, rc::bump::patch);
  EXPECT_EQ(rc::decide(breaking, zero, true).level, rc::bump::minor);
  EXPECT_EQ(rc::decide(breaking, zero, true, true).level, rc::bump::patch);
  EXPECT_EQ(rc::decide(breaking, zero, true).reason,
            "minor: 'fix!: change api' (aaaaaaa) matched breaking -> major (0.x: major lowered)");
}

TEST(CommitsBump, RevertsCancelByShaPrefixAndHeaderInAnyOrder) {
  const std::string revert = "Revert \"feat: add x\"\n\nThis reverts commit 1234567.";
  // The revert older than its target (a rebase reordered them) still cancels it.
  const auto older = range({{"1234567890abcdef", "feat: add x"}, {"fedcba9", revert}});
  const rc::decision d = rc::decide(older, rc::presets::conventional_commits());
  EXPECT_EQ(d.level, rc::bump::none);
  EXPECT_EQ(d.cancelled, 2u);
  // commit-analyzer needs the full sha and the revert first: no cancel, a patch.
  EXPECT_EQ(rc::decide(older, rc::presets::semantic_release()).level, rc::bump::minor);
  // Six characters are not enough to name a commit.
  const auto short_sha =
      range({{"fedcba9", "Revert \"feat: add x\"\n\nThis reverts commit 123456."},
             {"1234567890", "feat: add x"}});
  EXPECT_EQ(rc::decide(short_sha, rc::presets::conventional_commits()).level, rc::bump::minor);
}

TEST(CommitsBump, SquashBodiesAndMerges) {
  const auto squash = range({{"aaaaaaa", "chore: release batch (#9)\n\nfix: a\n\nfeat(ui): b\n"}});
  EXPECT_EQ(rc::decide(squash, rc::presets::conventional_commits()).level, rc::bump::none);
  rc::policy split = rc::presets::conventional_commits();
  split.split_squash_bodies = true;
  EXPECT_EQ(rc::decide(squash, split).level, rc::bump::minor);
  std::vector<rc::log_entry> merge = {rc::log_entry{"bbbbbbb", 2, "feat: merged work"}};
  rc::policy skip = rc::presets::conventional_commits();
  skip.skip_merges = true;
  EXPECT_EQ(rc::decide(merge, skip).level, rc::bump::none);
  EXPECT_EQ(rc::decide(merge, skip).skipped, 1u);
  EXPECT_EQ(rc::decide(merge, rc::presets::conventional_commits()).level, rc::bump::minor);
}

// semantic-release's core trims each message before commit-analyzer reads it
// (lib/git.js getCommits): ` feat: x` is a feature there, nothing for the plugin alone.
TEST(CommitsBump, SemanticReleaseTrimsTheMessage) {
  const auto lead = range({{"aaaaaaa", " feat: leading space"}});
  EXPECT_EQ(rc::decide(lead, rc::presets::semantic_release()).level, rc::bump::minor);
  EXPECT_EQ(rc::decide(lead, rc::presets::semantic_release_angular()).level, rc::bump::minor);
  rc::policy plugin = rc::presets::semantic_release();
  plugin.trim_message = false;
  EXPECT_EQ(rc::decide(lead, plugin).level, rc::bump::none);
  const auto blank_first = range({{"aaaaaaa", "\n\nfix: after blank lines\n"}});
  EXPECT_EQ(rc::decide(blank_first, rc::presets::semantic_release()).level, rc::bump::patch);
  // Other tools read the message as stored.
  EXPECT_EQ(rc::decide(lead, rc::presets::conventionalcommits_what_bump()).level, rc::bump::none);
  EXPECT_EQ(rc::decide(lead, rc::presets::git_cliff()).level, rc::bump::none);
}

// git-cliff 2.14.2's grammar (git-conventional 1.1.0), each answer checked against
// `git-cliff -x` on a real repository.
TEST(CommitsParse, GitCliffGrammar) {
  const rc::parse_options cliff{rc::dialect::git_cliff};
  const auto spaces = rc::parse("fix:  two spaces", cliff);
  ASSERT_TRUE(spaces);
  EXPECT_TRUE(spaces->conventional);
  EXPECT_EQ(spaces->description, "two spaces");
  const auto tight = rc::parse("fix(node):this", cliff);
  ASSERT_TRUE(tight);
  EXPECT_TRUE(tight->conventional);
  EXPECT_EQ(tight->scope, "node");
  EXPECT_EQ(tight->description, "this");
  const auto tab = rc::parse("fix:\ttab", cliff);
  EXPECT_EQ(tab->description, "tab");
  const auto trailing = rc::parse("fix: trailing   \n\n", cliff);
  EXPECT_EQ(trailing->description, "trailing");
  const auto lead = rc::parse(" feat: x", cliff);
  EXPECT_FALSE(lead->conventional);
  EXPECT_EQ(lead->reason, "the header does not start with a type");
  EXPECT_EQ(lead->reason_position, 0u);
  const auto wrapped = rc::parse("feat: x\nwrapped", cliff);
  EXPECT_FALSE(wrapped->conventional);
  EXPECT_EQ(wrapped->reason, "the body must begin one blank line after the description");
  EXPECT_EQ(wrapped->reason_position, 8u);
  const auto any_type = rc::parse("Feat-2!: shout", cliff);
  EXPECT_TRUE(any_type->conventional);
  EXPECT_EQ(any_type->type, "Feat-2");
  EXPECT_TRUE(any_type->breaking);
  const auto dash = rc::parse("ci: c\n\nbody\n\nRefs: #1\nBREAKING-CHANGE: dash", cliff);
  ASSERT_TRUE(dash->conventional);
  EXPECT_EQ(dash->body, std::optional<std::string_view>("body"));
  ASSERT_EQ(dash->footers.size(), 2u);
  EXPECT_EQ(dash->footers[1].token, "BREAKING-CHANGE");
  EXPECT_EQ(dash->footers[1].value, "dash");
  EXPECT_TRUE(dash->breaking);
  ASSERT_EQ(dash->notes.size(), 1u);
  EXPECT_EQ(dash->notes[0].title, "BREAKING-CHANGE");
  // `breaking change:` in lower case is a footer, not a break.
  EXPECT_FALSE(rc::parse("fix: x\n\nbreaking change: y", cliff)->breaking);
  // A footer without a value: git-conventional rejects the whole commit.
  const auto empty_footer = rc::parse("fix: x\n\nSigned-off-by:", cliff);
  EXPECT_FALSE(empty_footer->conventional);
  EXPECT_EQ(empty_footer->reason, "a footer has no value");
  EXPECT_EQ(empty_footer->reason_position, 22u);
  EXPECT_FALSE(rc::parse("feat(): x", cliff)->conventional);
  EXPECT_FALSE(rc::parse("feat(x: y", cliff)->conventional);
  EXPECT_FALSE(rc::parse("fix:   ", cliff)->conventional);
}

// git-cliff 2.14.2 --bumped-version with its default configuration, each answer checked
// against the binary on a real repository.
TEST(CommitsBump, GitCliffRules) {
  const rc::policy p = rc::presets::git_cliff();
  auto level = [&p](std::string_view message) {
    return rc::decide(range({{"aaaaaaa", message}}), p).level;
  };
  EXPECT_EQ(level("my change"), rc::bump::none);  // not conventional: filtered out
  EXPECT_EQ(level("chore(deps): bump x"), rc::bump::none);
  EXPECT_EQ(level("chore(deps)!: major bump"), rc::bump::none);
  EXPECT_EQ(level("chore(release): prepare for v1"), rc::bump::none);
  EXPECT_EQ(level("docs: x"), rc::bump::patch);
  EXPECT_EQ(level("fix(node):this"), rc::bump::patch);
  EXPECT_EQ(level("Feat: upper"), rc::bump::minor);
  EXPECT_EQ(level("refactor: r\n\nBREAKING CHANGE: gone"), rc::bump::major);
  EXPECT_EQ(rc::decide(range({{"aaaaaaa", "chore(deps): bump x"}}), p).rule, "");
  const rc::decision first = rc::first_release(range({{"aaaaaaa", "fix: first"}}), p);
  EXPECT_EQ(relkit::semver::to_string(first.next_version), "0.1.0");
  EXPECT_EQ(first.reason,
            "patch: 'fix: first' (aaaaaaa) matched other -> patch (first release: 0.1.0)");
}

TEST(CommitsBump, FirstRelease) {
  const auto fix = range({{"aaaaaaa", "fix: x"}});
  const rc::decision d = rc::first_release(fix, rc::presets::semantic_release());
  EXPECT_EQ(d.level, rc::bump::patch);
  EXPECT_EQ(relkit::semver::to_string(d.next_version), "1.0.0");
  EXPECT_EQ(relkit::semver::to_string(
                rc::first_release(fix, rc::presets::semantic_release(), "rc").next_version),
            "1.0.0-rc.1");
  const rc::decision none =
      rc::first_release(range({{"aaaaaaa", "docs: x"}}), rc::presets::semantic_release());
  EXPECT_EQ(none.level, rc::bump::none);
  EXPECT_EQ(relkit::semver::to_string(none.next_version), "0.0.0");
}

// release-please 17.11.1's reading (parseConventionalCommits) and decision
// (DefaultVersioningStrategy, no release when the changelog would be empty), each
// answer checked against release-please itself.
TEST(CommitsBump, ReleasePleaseRules) {
  const rc::policy p = rc::presets::release_please();
  auto decide = [&p](std::string_view message, std::size_t parents = 1) {
    return rc::decide(std::vector<rc::log_entry>{rc::log_entry{"aaaaaaa", parents, message}}, p);
  };
  // A trailer is read as a commit of type Co-authored-by: not user-facing.
  const rc::decision docs = decide("docs: x\n\nCo-authored-by: Jane <j@example.com>");
  EXPECT_EQ(docs.level, rc::bump::none);
  EXPECT_EQ(docs.reason,
            "none: no user-facing commit (release-please: feat, feature, fix, perf, revert, or "
            "breaking)");
  EXPECT_EQ(decide("fix: y\n\nCo-authored-by: Jane <j@example.com>").level, rc::bump::patch);
  // The message is split before a blank line and a conventional header.
  const rc::decision split = decide("chore: deps\n\nfix: something");
  EXPECT_EQ(split.level, rc::bump::patch);
  EXPECT_EQ(split.reason, "patch: 'fix: something' (aaaaaaa) matched other -> patch");
  EXPECT_EQ(decide("chore!: drop node 16").level, rc::bump::major);
  EXPECT_EQ(decide("foo!: drop").level, rc::bump::major);
  // `Feat` is shown under Features (the writer ignores case) but bumps a patch.
  EXPECT_EQ(decide("Feat: upper").level, rc::bump::patch);
  EXPECT_EQ(decide("feature: long").level, rc::bump::minor);
  EXPECT_EQ(decide(" feat: lead").level, rc::bump::minor);
  EXPECT_EQ(decide("fix(node):this").level, rc::bump::patch);
  // A scope parenthesis left open in the body makes the parser throw: no commit at all.
  const rc::decision thrown = decide("fix: x\n\nsome(thing");
  EXPECT_EQ(thrown.level, rc::bump::none);
  EXPECT_EQ(thrown.skipped, 1u);
  EXPECT_EQ(decide("Revert \"feat: x\"\n\nThis reverts commit abcdef1.").level, rc::bump::none);
  EXPECT_EQ(decide("Merge pull request #1 from a/b\n\nfeat: thing", 2).level, rc::bump::minor);
  EXPECT_EQ(decide("docs: x\n\nBREAKING CHANGE: gone").level, rc::bump::major);
  EXPECT_EQ(decide("docs: x\n\nbody\nfeat: y").level, rc::bump::minor);  // a footer
  EXPECT_EQ(decide("docs: x\n\nfeat!: y").level, rc::bump::major);
  EXPECT_EQ(decide("refactor: r\n\nBREAKING-CHANGE: dash").level, rc::bump::major);
  EXPECT_EQ(decide("docs: a\n\nBEGIN_NESTED_COMMIT\nperf: b\nEND_NESTED_COMMIT").level,
            rc::bump::patch);
}

TEST(CommitsParse, ReleasePleaseGrammar) {
  const rc::parse_options rp{rc::dialect::release_please};
  const auto hash = rc::parse("feat #12 thing", rp);  // " #" separates type and text too
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->conventional);
  EXPECT_EQ(hash->type, "feat");
  EXPECT_EQ(hash->description, "12 thing");
  const auto thrown = rc::parse("fix: x\n\nsome(thing", rp);
  EXPECT_FALSE(thrown->conventional);
  EXPECT_EQ(thrown->reason, "a footer token's parenthesis is not closed");
  EXPECT_EQ(thrown->reason_position, 18u);
  EXPECT_EQ(thrown->header, "fix: x");
  const auto first = rc::parse("  chore: deps\n\nfix!: something", rp);  // the first part
  EXPECT_EQ(first->type, "chore");
  EXPECT_FALSE(first->breaking);
  EXPECT_EQ(first->header, "chore: deps");
  const auto merge = rc::parse("Merge pull request #1 from a/b", rp);
  EXPECT_FALSE(merge->conventional);
  EXPECT_TRUE(merge->merge);
  // Only an upper-case BREAKING CHANGE breaks.
  EXPECT_FALSE(rc::parse("fix: x\n\nbreaking change: y", rp)->breaking);
  EXPECT_TRUE(rc::parse("fix: x\n\nBREAKING CHANGE: y", rp)->breaking);
}

TEST(CommitsBump, HeaderPrefixRule) {
  rc::policy p = rc::presets::conventional_commits();
  p.rules.insert(p.rules.begin(), rc::presets::skip_rule("fix(deps)"));
  EXPECT_EQ(rc::decide(range({{"aaaaaaa", "fix(deps): bump"}}), p).level, rc::bump::none);
  EXPECT_EQ(rc::decide(range({{"aaaaaaa", "fix(api): crash"}}), p).level, rc::bump::patch);
}

TEST(CommitsBump, CustomRules) {
  rc::policy p = rc::presets::conventional_commits();
  rc::rule docs = rc::presets::make_rule("docs(readme) -> patch", rc::bump::patch, {"docs"});
  docs.scope = "readme";
  p.rules.insert(p.rules.begin() + 1, docs);
  EXPECT_EQ(rc::decide(range({{"aaaaaaa", "docs(readme): x"}}), p).level, rc::bump::patch);
  EXPECT_EQ(rc::decide(range({{"aaaaaaa", "docs(api): x"}}), p).level, rc::bump::none);
}

TEST(CommitsGitLog, ReadsTheDocumentedFormat) {
  const std::string log =
      "1111111111111111111111111111111111111111\x1f"
      "2222222222222222222222222222222222222222 "
      "3333333333333333333333333333333333333333\x1f"
      "Merge branch 'x'\n\x1e\n"
      "2222222222222222222222222222222222222222\x1f\x1f"
      "feat: first\n\nbody\n\x1e\n";
  const auto entries = rc::read_git_log(log);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].parent_count, 2u);
  EXPECT_EQ((*entries)[0].message, "Merge branch 'x'\n");
  EXPECT_EQ((*entries)[1].parent_count, 0u);
  EXPECT_EQ((*entries)[1].message, "feat: first\n\nbody\n");
  const auto bad = rc::read_git_log("zzz\x1f\x1fmessage\x1e");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, rc::errc::bad_log_record);
  EXPECT_EQ(bad.error().position, 0u);
  EXPECT_EQ(bad.error().message(), "expected a commit sha of 7-64 hex digits in a git log record");
  const auto open = rc::read_git_log(
      "abcdef1\x1f\x1f"
      "fix: x");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().position, 0u);
  EXPECT_EQ(open.error().message(), "expected the 0x1e terminator in a git log record");
  const auto fields = rc::read_git_log(
      "abcdef1\x1f"
      "fix: x\x1e");
  ASSERT_FALSE(fields);
  EXPECT_EQ(fields.error().position, 0u);
  EXPECT_EQ(fields.error().message(), "expected `%H 0x1f %P 0x1f %B` in a git log record");
  const auto parent = rc::read_git_log(
      "abcdef1\x1f"
      "abcdef2 xyz\x1f"
      "fix: x\x1e");
  ASSERT_FALSE(parent);
  EXPECT_EQ(parent.error().position, 16u);
  EXPECT_EQ(parent.error().message(),
            "expected a parent sha of 7-64 hex digits in a git log record");
  EXPECT_EQ(relkit::to_string(parent.error()),
            "expected a parent sha of 7-64 hex digits in a git log record at 16 "
            "[commits.bad_log_record]");
}

TEST(CommitsNextVersion, StableZeroAndPrereleaseChannels) {
  namespace sv = relkit::semver;
  const auto feat = range({{"aaaaaaa", "feat(ui): dark mode"}});
  const auto fix = range({{"bbbbbbb", "fix: crash"}});
  const auto breaking = range({{"ccccccc", "feat!: drop v1"}});
  const rc::policy p = rc::presets::semantic_release();
  auto next = [&](std::string_view current, const std::vector<rc::log_entry>& commits,
                  const rc::policy& policy, std::string_view channel = {}) {
    const auto d = rc::next_version(sv::parse(current).value(), commits, policy, channel);
    return d ? sv::to_string(d->next_version) : relkit::to_string(d.error());
  };
  EXPECT_EQ(next("1.4.1", feat, p), "1.5.0");
  EXPECT_EQ(next("1.4.1", fix, p), "1.4.2");
  EXPECT_EQ(next("1.4.1", breaking, p), "2.0.0");
  EXPECT_EQ(next("1.4.1", range({{"ddddddd", "docs: x"}}), p), "1.4.1");
  // Prerelease channels.
  EXPECT_EQ(next("1.4.1", feat, p, "rc"), "1.5.0-rc.1");
  EXPECT_EQ(next("1.5.0-rc.1", fix, p, "rc"), "1.5.0-rc.2");
  EXPECT_EQ(next("1.5.0-rc.1", feat, p, "rc"), "1.5.0-rc.2");
  EXPECT_EQ(next("1.5.0-rc.2", breaking, p, "rc"), "2.0.0-rc.1");
  EXPECT_EQ(next("1.5.0-beta.3", fix, p, "rc"), "1.5.0-rc.1");
  EXPECT_EQ(next("1.5.0-rc.2", fix, p), "1.5.0");
  // 0.x: semantic-release goes to 1.0.0; whatBump with preMajor stays in 0.x.
  EXPECT_EQ(next("0.3.2", breaking, p), "1.0.0");
  EXPECT_EQ(next("0.3.2", breaking, rc::presets::conventionalcommits_what_bump(true)), "0.4.0");
  EXPECT_EQ(next("0.3.2", feat, rc::presets::conventionalcommits_what_bump(true)), "0.3.3");
  const auto d = rc::next_version(sv::parse("1.4.1").value(), feat, p);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->level, rc::bump::minor);
  EXPECT_EQ(d->sha, "aaaaaaa");
  EXPECT_EQ(d->rule, "feat -> minor");
}

}  // namespace

namespace {

// Each enum's to_string and parse_<enum> read one table: every value round-trips,
// and a value outside the enum prints "unknown" (to_string(bump) said "none").
TEST(CommitsEnums, ToStringRoundTripsThroughParse) {
  for (const rc::bump level : {rc::bump::none, rc::bump::patch, rc::bump::minor, rc::bump::major})
    EXPECT_EQ(rc::parse_bump(rc::to_string(level)), level);
  for (const rc::severity level : {rc::severity::off, rc::severity::warning, rc::severity::error})
    EXPECT_EQ(rc::parse_severity(rc::to_string(level)), level);
  for (const rc::dialect grammar :
       {rc::dialect::spec, rc::dialect::conventional_changelog,
        rc::dialect::semantic_release_conventionalcommits, rc::dialect::semantic_release_angular,
        rc::dialect::git_cliff, rc::dialect::release_please})
    EXPECT_EQ(rc::parse_dialect(rc::to_string(grammar)), grammar);
  for (const rc::initial_development policy :
       {rc::initial_development::as_stable, rc::initial_development::lower_one_level,
        rc::initial_development::breaking_is_minor, rc::initial_development::ignore_breaking})
    EXPECT_EQ(rc::parse_initial_development(rc::to_string(policy)), policy);
  for (const rc::revert_matching policy :
       {rc::revert_matching::none, rc::revert_matching::newer_full_hash,
        rc::revert_matching::hash_prefix_any_order})
    EXPECT_EQ(rc::parse_revert_matching(rc::to_string(policy)), policy);
  EXPECT_EQ(rc::to_string(rc::bump::minor), "minor");
  EXPECT_EQ(rc::to_string(rc::dialect::conventional_changelog), "conventional_changelog");
  EXPECT_EQ(rc::to_string(static_cast<rc::bump>(9)), "unknown");
  EXPECT_EQ(rc::to_string(static_cast<rc::severity>(9)), "unknown");
  EXPECT_EQ(rc::to_string(static_cast<rc::dialect>(9)), "unknown");
  EXPECT_EQ(rc::parse_bump("Major"), std::nullopt);
  EXPECT_EQ(rc::parse_dialect("unknown"), std::nullopt);
}

TEST(CommitsPresets, NamedFromOneTable) {
  const auto cliff = rc::presets::named("git_cliff");
  ASSERT_TRUE(cliff);
  EXPECT_EQ(cliff->name, rc::presets::git_cliff().name);
  const auto what_bump = rc::presets::named("conventionalcommits_what_bump");
  ASSERT_TRUE(what_bump);
  EXPECT_EQ(what_bump->zero_major, rc::initial_development::as_stable);
  for (const char* name : {"semantic_release", "semantic_release_angular", "cocogitto",
                           "release_please", "conventional_commits"})
    EXPECT_TRUE(rc::presets::named(name)) << name;
  EXPECT_FALSE(rc::presets::named("git-cliff"));
}

TEST(CommitsErrors, EveryCodeHasItsNameAndTemplate) {
  EXPECT_EQ(relkit::error_code(rc::errc::empty_message).name(), "empty_message");
  EXPECT_EQ(relkit::error_code(rc::errc::message_too_long).name(), "message_too_long");
  EXPECT_EQ(relkit::error_code(rc::errc::bad_log_record).name(), "bad_log_record");
  EXPECT_EQ(relkit::error_code(static_cast<rc::errc>(99)).name(), "unknown");
  EXPECT_EQ(relkit::error_code(rc::errc::bad_log_record).domain_name(), "commits");
}

// rebuild_header gives the header back, not the commit: parsing it again yields the
// same type, scope, `!` and description for every conventional header.
TEST(CommitsParse, RebuildHeaderRoundTripsTheHeader) {
  for (const std::string_view header :
       {"feat: x", "fix(api)!: drop v1", "docs(readme): typo", "feat!: y"}) {
    const std::string message = std::string(header) + "\n\nbody\n\nRefs: #1";
    const auto c = rc::parse(message);  // views into `message`: keep it alive
    ASSERT_TRUE(c);
    EXPECT_EQ(rc::rebuild_header(*c), header);
    const std::string rebuilt = rc::rebuild_header(*c);
    const auto again = rc::parse(rebuilt);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->type, c->type);
    EXPECT_EQ(again->scope, c->scope);
    EXPECT_EQ(again->exclamation, c->exclamation);
    EXPECT_EQ(again->description, c->description);
  }
  const auto plain = rc::parse("Update README");
  ASSERT_TRUE(plain);
  EXPECT_EQ(rc::rebuild_header(*plain), "Update README");
}

}  // namespace
