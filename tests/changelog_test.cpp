#include <relkit/relkit.hpp>  // the single-header suite has only relkit.hpp

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

namespace cl = relkit::changelog;

cl::entry make(std::string hash, std::string type, std::string scope, std::string subject) {
  cl::entry e;
  e.hash = std::move(hash);
  e.type = std::move(type);
  e.scope = std::move(scope);
  e.subject = std::move(subject);
  e.header = e.type + (e.scope.empty() ? "" : "(" + e.scope + ")") + ": " + e.subject;
  return e;
}

cl::repository github() {
  cl::repository r;
  r.owner = "acme";
  r.name = "rocket";
  return r;
}

cl::release sample() {
  cl::release r;
  r.version = "1.5.0";
  r.tag = "v1.5.0";
  r.previous_tag = "v1.4.1";
  r.date = "2026-11-23";
  cl::entry fix = make("1111111aaaaaaa", "fix", "parser", "handle empty input (#7)");
  fix.references.push_back({"Closes", "", "", "#", "12"});
  fix.references.push_back({"", "", "", "#", "7"});
  fix.references.push_back({"", "", "", "#", "30"});
  cl::entry feat = make("2222222bbbbbbb", "feat", "", "add `#1` rocket boosters by @ada");
  cl::entry docs = make("3333333ccccccc", "docs", "", "explain boosters");
  cl::entry breaking = make("4444444ddddddd", "refactor", "api", "rename launch()");
  breaking.breaking = true;
  breaking.breaking_notes.push_back("`launch()` is now `start()`, see #40");
  r.entries = {fix, feat, docs, breaking};
  return r;
}

TEST(ChangelogCollation, AsJavaScriptLocaleCompare) {
  using relkit::changelog::detail::collate;
  EXPECT_LT(collate("Add --auto-pre", "add cocogitto"), 0);  // '-' before letters
  EXPECT_LT(collate("add cocogitto", "Allow"), 0);           // case folded at first
  EXPECT_LT(collate("abc", "Abc"), 0);                       // then lower case first
  EXPECT_GT(collate("Abc", "abc"), 0);
  EXPECT_EQ(collate("same", "same"), 0);
  EXPECT_LT(collate("changelogadd", "Consolidate"), 0);
  EXPECT_LT(collate("a_b", "a-b"), 0);  // '_' is the first punctuation
  EXPECT_LT(collate("a9", "aa"), 0);    // digits before letters
  EXPECT_LT(collate("a", "ab"), 0);
}

TEST(ChangelogRepository, HostUrls) {
  cl::repository r = github();
  EXPECT_EQ(cl::compare_url(r, "v1", "v2"), "https://github.com/acme/rocket/compare/v1...v2");
  EXPECT_EQ(cl::commit_url(r, "abc"), "https://github.com/acme/rocket/commit/abc");
  EXPECT_EQ(cl::issue_url(r, "9"), "https://github.com/acme/rocket/issues/9");
  EXPECT_EQ(cl::user_url(r, "ada"), "https://github.com/ada");
  EXPECT_EQ(cl::tag_url(r, "v1"), "https://github.com/acme/rocket/releases/tag/v1");
  r.kind = cl::host::gitlab;
  r.host_url = "https://gitlab.com";
  EXPECT_EQ(cl::compare_url(r, "v1", "v2"), "https://gitlab.com/acme/rocket/-/compare/v1...v2");
  EXPECT_EQ(cl::commit_url(r, "abc"), "https://gitlab.com/acme/rocket/-/commit/abc");
  EXPECT_EQ(cl::issue_url(r, "9"), "https://gitlab.com/acme/rocket/-/issues/9");
  EXPECT_EQ(cl::tag_url(r, "v1"), "https://gitlab.com/acme/rocket/-/tags/v1");
  r.kind = cl::host::bitbucket;
  r.host_url = "https://bitbucket.org";
  EXPECT_EQ(cl::compare_url(r, "v1", "v2"),
            "https://bitbucket.org/acme/rocket/branches/compare/v2%0Dv1");
  EXPECT_EQ(cl::commit_url(r, "abc"), "https://bitbucket.org/acme/rocket/commits/abc");
  r.kind = cl::host::gitea;
  r.host_url = "https://codeberg.org";
  EXPECT_EQ(cl::compare_url(r, "v1", "v2"), "https://codeberg.org/acme/rocket/compare/v1...v2");
  EXPECT_EQ(cl::commit_url(r, "abc"), "https://codeberg.org/acme/rocket/commit/abc");
  r.issue_template = "https://jira.example.com/browse/{issue}";
  EXPECT_EQ(cl::issue_url(r, "OPS-1"), "https://jira.example.com/browse/OPS-1");
}

TEST(ChangelogRepository, ParseUrls) {
  auto a = cl::parse_repository("https://github.com/vuejs/core.git");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, cl::host::github);
  EXPECT_EQ(a->host_url, "https://github.com");
  EXPECT_EQ(a->owner, "vuejs");
  EXPECT_EQ(a->name, "core");
  auto b = cl::parse_repository("git@gitlab.com:group/sub/project.git");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, cl::host::gitlab);
  EXPECT_EQ(b->host_url, "https://gitlab.com");
  EXPECT_EQ(b->owner, "group/sub");
  EXPECT_EQ(b->name, "project");
  auto c = cl::parse_repository("ssh://git@codeberg.org:2222/forgejo/forgejo");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, cl::host::gitea);
  EXPECT_EQ(c->host_url, "https://codeberg.org");
  EXPECT_EQ(c->owner, "forgejo");
  auto d = cl::parse_repository("git+https://bitbucket.org/team/repo/");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, cl::host::bitbucket);
  EXPECT_EQ(d->name, "repo");
  auto bad = cl::parse_repository("https://github.com/only-owner");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, cl::errc::bad_repository_url);
  EXPECT_EQ(bad.error().position, 19u);
  EXPECT_EQ(bad.error().message(), "expected owner/name");
  EXPECT_EQ(relkit::to_string(bad.error()),
            "expected owner/name at 19 [changelog.bad_repository_url]");
  auto none = cl::parse_repository("rocket");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().position, 0u);
  EXPECT_EQ(none.error().message(), "expected a scheme or host:");
  auto hostless = cl::parse_repository("https://github.com");
  ASSERT_FALSE(hostless);
  EXPECT_EQ(hostless.error().position, 18u);
  EXPECT_EQ(hostless.error().message(), "expected /owner/name after the host");
}

TEST(ChangelogRender, ConventionalCommitsPreset) {
  const std::string out = cl::render(sample(), cl::presets::conventionalcommits(), github());
  EXPECT_EQ(out,
            "## [1.5.0](https://github.com/acme/rocket/compare/v1.4.1...v1.5.0) (2026-11-23)\n"
            "\n"
            "### ⚠ BREAKING CHANGES\n"
            "\n"
            "* **api:** `launch()` is now `start()`, see "
            "[#40](https://github.com/acme/rocket/issues/40)\n"
            "\n"
            "### Features\n"
            "\n"
            "* add `#1` rocket boosters by [@ada](https://github.com/ada) "
            "([2222222](https://github.com/acme/rocket/commit/2222222bbbbbbb))\n"
            "\n"
            "### Bug Fixes\n"
            "\n"
            "* **parser:** handle empty input ([#7](https://github.com/acme/rocket/issues/7)) "
            "([1111111](https://github.com/acme/rocket/commit/1111111aaaaaaa)), closes "
            "[#12](https://github.com/acme/rocket/issues/12), references "
            "[#30](https://github.com/acme/rocket/issues/30)\n"
            "\n"
            "### Code Refactoring\n"
            "\n"
            "* **api:** rename launch() "
            "([4444444](https://github.com/acme/rocket/commit/4444444ddddddd))\n");
}

TEST(ChangelogRender, AngularPresetAndSemanticRelease) {
  cl::release r = sample();
  r.entries.resize(2);
  const std::string angular = cl::render(r, cl::presets::angular(), github());
  EXPECT_EQ(angular,
            "# [1.5.0](https://github.com/acme/rocket/compare/v1.4.1...v1.5.0) (2026-11-23)\n"
            "\n"
            "### Bug Fixes\n"
            "\n"
            "* **parser:** handle empty input ([#7](https://github.com/acme/rocket/issues/7)) "
            "([1111111](https://github.com/acme/rocket/commit/1111111aaaaaaa)), closes "
            "[#12](https://github.com/acme/rocket/issues/12) "
            "[#30](https://github.com/acme/rocket/issues/30)\n"
            "\n"
            "### Features\n"
            "\n"
            "* add `#1` rocket boosters by [@ada](https://github.com/ada) "
            "([2222222](https://github.com/acme/rocket/commit/2222222bbbbbbb))\n");
  r.version = "1.5.1";
  r.title = "Patch";
  const std::string sr = cl::render(r, cl::presets::semantic_release(), github());
  EXPECT_EQ(sr.substr(0, sr.find('\n') + 3),
            "## [1.5.1](https://github.com/acme/rocket/compare/v1.4.1...v1.5.0) \"Patch\" "
            "(2026-11-23)\n\n\n");
  // semantic-release's angular 8 links `#1` even inside code.
  EXPECT_NE(sr.find("add `[#1](https://github.com/acme/rocket/issues/1)` rocket"),
            std::string::npos);
}

TEST(ChangelogRender, FirstReleaseHasNoCompareLink) {
  cl::release r = sample();
  r.previous_tag.reset();
  r.entries.resize(1);
  const std::string out = cl::render(r, cl::presets::conventionalcommits(), github());
  EXPECT_EQ(out.substr(0, out.find('\n')), "## 1.5.0 (2026-11-23)");
}

TEST(ChangelogRender, RevertPairsDroppedDuplicatesMerged) {
  cl::release r;
  r.version = "2.0.0";
  r.date = "2026-01-02";
  cl::entry feat = make("aaaaaaa1111", "feat", "", "add x");
  cl::entry fix = make("bbbbbbb2222", "fix", "", "repair y");
  cl::entry revert;
  revert.hash = "ccccccc3333";
  revert.header = "Revert \"feat: add x\"";
  revert.revert_target = "aaaaaaa1111";
  revert.revert_header = "feat: add x";
  cl::entry twice = make("ddddddd4444", "fix", "", "repair y");
  r.entries = {revert, fix, feat, fix, twice};  // `fix` listed twice (same hash)
  const std::string out = cl::render(r, cl::presets::relkit(), {});
  EXPECT_EQ(out,
            "## [2.0.0] - 2026-01-02\n"
            "\n"
            "### Bug Fixes\n"
            "\n"
            "- repair y ([bbbbbbb](https://github.com///commit/bbbbbbb2222), "
            "[ddddddd](https://github.com///commit/ddddddd4444))\n");
  // A revert whose header does not name the target's header keeps both.
  r.entries[0].revert_header = "feat: something else";
  const std::string kept = cl::render(r, cl::presets::conventionalcommits(), {});
  EXPECT_NE(kept.find("### Reverts"), std::string::npos);
  EXPECT_NE(kept.find("* add x"), std::string::npos);
}

TEST(ChangelogRender, ConfigurableStyle) {
  cl::preset s = cl::presets::relkit();
  s.rules.insert(s.rules.begin(), cl::rule{cl::rule::match::type, "docs", "Docs", false});
  s.section_order = {"Docs", "Features"};
  s.link_commits = false;
  cl::release r = sample();
  r.entries = {make("3333333ccccccc", "docs", "", "explain boosters"),
               make("2222222bbbbbbb", "feat", "ui", "dark mode")};
  EXPECT_EQ(cl::render(r, s, github()),
            "## [1.5.0](https://github.com/acme/rocket/compare/v1.4.1...v1.5.0) - 2026-11-23\n"
            "\n"
            "### Docs\n"
            "\n"
            "- explain boosters 3333333\n"
            "\n"
            "### Features\n"
            "\n"
            "- **ui:** dark mode 2222222\n");
}

TEST(ChangelogRender, KeepAChangelogFile) {
  cl::release older;
  older.version = "0.1.0";
  older.tag = "v0.1.0";
  older.date = "2026-01-01";
  older.entries = {make("a1", "feat", "", "first cut")};
  cl::release newer;
  newer.version = "0.2.0";
  newer.tag = "v0.2.0";
  newer.previous_tag = "v0.1.0";
  newer.date = "2026-02-01";
  newer.yanked = true;
  newer.entries = {make("b1", "fix", "", "crash on start"),
                   make("b2", "feat", "cli", "add --dry-run"),
                   make("b3", "deprecate", "", "old flag"), make("b4", "security", "", "bump ssl")};
  EXPECT_EQ(
      cl::render(std::vector<cl::release>{newer, older}, cl::presets::keep_a_changelog(), github()),
      "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
      "and this project adheres to [Semantic Versioning]"
      "(https://semver.org/spec/v2.0.0.html).\n\n"
      "## [Unreleased]\n\n"
      "## [0.2.0] - 2026-02-01 [YANKED]\n\n"
      "### Added\n\n- **cli:** add --dry-run\n\n"
      "### Deprecated\n\n- old flag\n\n"
      "### Fixed\n\n- crash on start\n\n"
      "### Security\n\n- bump ssl\n\n"
      "## [0.1.0] - 2026-01-01\n\n"
      "### Added\n\n- first cut\n\n"
      "[unreleased]: https://github.com/acme/rocket/compare/v0.2.0...HEAD\n"
      "[0.2.0]: https://github.com/acme/rocket/compare/v0.1.0...v0.2.0\n"
      "[0.1.0]: https://github.com/acme/rocket/releases/tag/v0.1.0\n");
}

TEST(ChangelogRender, GitCliffUnreleased) {
  cl::release r;
  r.unreleased = true;
  r.entries = {make("a1", "feat", "", "thing"), make("a2", "chore", "deps", "bump")};
  cl::entry merge;
  merge.hash = "a3";
  merge.header = "Merge branch 'x'";
  merge.merge = true;
  r.entries.push_back(merge);
  EXPECT_EQ(cl::render(r, cl::presets::git_cliff()),
            "## [unreleased]\n\n### 🚀 Features\n\n- Thing\n");
}

// git-cliff 2.14.2 on a repository with two tags and commits after them (`git-cliff` with
// its default configuration, and `--config keepachangelog`): the default file has no
// title and no blank line between releases; keepachangelog's ends with compare links and
// a tree link for the first release, and files unconventional `Add …` under Added.
TEST(ChangelogRender, GitCliffWholeFiles) {
  cl::release unreleased;
  unreleased.unreleased = true;
  unreleased.previous_tag = "v1.0.0";
  unreleased.entries = {make("c1", "fix", "", "late fix")};
  cl::release newer;
  newer.version = "1.0.0";
  newer.tag = "v1.0.0";
  newer.previous_tag = "v0.1.0";
  newer.date = "2024-02-04";
  cl::entry added;
  added.hash = "b2";
  added.header = "Add the docs";
  newer.entries = {added, make("b1", "style", "", "tabs to spaces")};
  cl::release older;
  older.version = "0.1.0";
  older.tag = "v0.1.0";
  older.date = "2024-01-03";
  older.entries = {make("a1", "feat", "", "first feature")};
  const std::vector<cl::release> file{unreleased, newer, older};
  EXPECT_EQ(cl::render(file, cl::presets::git_cliff()),
            "## [unreleased]\n\n### 🐛 Bug Fixes\n\n- Late fix\n"
            "## [1.0.0] - 2024-02-04\n\n### 🎨 Styling\n\n- Tabs to spaces\n"
            "## [0.1.0] - 2024-01-03\n\n### 🚀 Features\n\n- First feature\n");
  EXPECT_EQ(
      cl::render(file, cl::presets::git_cliff_keepachangelog(), github()),
      "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.0.0/),\n"
      "and this project adheres to [Semantic Versioning]"
      "(https://semver.org/spec/v2.0.0.html).\n\n"
      "## [Unreleased]\n\n### Fixed\n\n- Late fix\n\n"
      "## [1.0.0] - 2024-02-04\n\n### Added\n\n- Add the docs\n\n"
      "### Changed\n\n- Tabs to spaces\n\n"
      "## [0.1.0] - 2024-01-03\n\n### Changed\n\n- First feature\n\n"
      "[unreleased]: https://github.com/acme/rocket/compare/v1.0.0..HEAD\n"
      "[1.0.0]: https://github.com/acme/rocket/compare/v0.1.0..v1.0.0\n"
      "[0.1.0]: https://github.com/acme/rocket/tree/v0.1.0\n\n"
      "<!-- generated by git-cliff -->\n");
}

// git-cliff matches its commit parsers against the trimmed message: " fix: revert #6251"
// (vitejs/vite 83ad7bf) is Fixed under the keepachangelog configuration, and its first
// line is shown upper_first, then trimmed.
TEST(ChangelogRender, GitCliffParsersSeeTheTrimmedMessage) {
  cl::release r;
  r.version = "2.7.9";
  r.date = "2021-12-28";
  cl::entry leading;
  leading.hash = "83ad7bf";
  leading.header = " fix: revert #6251 (#6290)";
  r.entries = {leading};
  EXPECT_EQ(cl::render(r, cl::presets::git_cliff_keepachangelog()),
            "## [2.7.9] - 2021-12-28\n\n### Fixed\n\n- fix: revert #6251 (#6290)\n");
}

// @conventional-changelog/template's URL segment is https?://(?:[^\s()]|\([^\s()]*\))+
// with JavaScript's Unicode \s: the URL ends at U+3000 and #7 after it is a
// reference. conventional-changelog-writer 9.3.0 + conventionalcommits 10.4.1
// (node, the vectors' commits/ folder) render these bytes; relkit linked
// nothing after an ideographic space before.
TEST(ChangelogRender, UrlEndsAtUnicodeSpaceAsConventionalChangelog) {
  cl::release r;
  r.version = "1.5.0";
  r.tag = "v1.5.0";
  r.previous_tag = "v1.4.1";
  r.date = "2026-11-23";
  r.entries = {make("1111110aaaa", "feat", "", "see https://x.io/a\u3000#7 now"),
               make("1111111aaaa", "fix", "", "see https://x.io/(a\u00a0b) #8")};
  EXPECT_EQ(cl::render(r, cl::presets::conventionalcommits(), github()),
            "## [1.5.0](https://github.com/acme/rocket/compare/v1.4.1...v1.5.0) (2026-11-23)\n"
            "\n"
            "### Features\n"
            "\n"
            "* see https://x.io/a\u3000[#7](https://github.com/acme/rocket/issues/7) now "
            "([1111110](https://github.com/acme/rocket/commit/1111110aaaa))\n"
            "\n"
            "### Bug Fixes\n"
            "\n"
            "* see https://x.io/(a\u00a0b) [#8](https://github.com/acme/rocket/issues/8) "
            "([1111111](https://github.com/acme/rocket/commit/1111111aaaa))\n");
}

// git-cliff's `upper_first | trim` is Rust's str::trim (Unicode White_Space:
// U+0085 yes, U+FEFF no), not JavaScript's; answers of Rust's str::trim (rustc).
TEST(ChangelogRender, GitCliffTrimIsRustTrim) {
  cl::release r;
  r.version = "1.5.0";
  r.date = "2026-11-23";
  r.entries = {make("a1", "feat", "", "add x\u3000"), make("a2", "fix", "", "z\u0085"),
               make("a3", "fix", "", "\u00a0y\ufeff")};
  const std::string out = cl::render(r, cl::presets::git_cliff_keepachangelog());
  EXPECT_NE(out.find("\n- Add x\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n- Z\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n- y\ufeff\n"), std::string::npos) << out;
}

// Each preset reads commits as its tool does. The outputs below are those of
// conventional-changelog-writer 9.3.0 (conventionalcommits 10.4.1, angular 9.4.0),
// @semantic-release/release-notes-generator 14.1.1 and git-cliff 2.14.2 on a real
// repository holding these commits.
cl::release read_as(const cl::preset& s, std::vector<std::pair<std::string, std::string>> commits) {
  cl::release r;
  r.version = "1.1.0";
  r.tag = "v1.1.0";
  r.previous_tag = "v1.0.0";
  r.date = "2026-01-01";
  for (const auto& [hash, message] : commits) {
    const std::string_view text = cl::prepare_message(message, s);
    const auto parsed = relkit::commits::parse(text, relkit::commits::parse_options{s.grammar});
    if (parsed) r.entries.push_back(cl::from_commit(hash, *parsed, text));
  }
  return r;
}

TEST(ChangelogRender, EachPresetReadsCommitsAsItsTool) {
  const std::vector<std::pair<std::string, std::string>> commits = {
      {"2aa184c0a7953a4835ee6d4ffa327fead1c7cd7c", "fix: trailing   "},
      {"9e7bd5dd0ef21ba05b6c4a6b2ab06f7a6e3cba11", "style: styled"},
      {"48de6454165be9d2fcaf6328679c5259bce4bddb", " feat: leading space"},
      {"d0b7a3c1a2b3c4d5e6f708192a3b4c5d6e7f8091", "fix(node):this"},
      {"43bc0d254dd8775f959cd29aad03e3dae5e7abc4", "fix:  two spaces"}};
  cl::repository repo;
  repo.owner = "o";
  repo.name = "r";
  // conventional-changelog: the parser wants ": " (`fix(node):this` is no commit), the
  // writer trims each subject.
  EXPECT_EQ(cl::render(read_as(cl::presets::conventionalcommits(), commits),
                       cl::presets::conventionalcommits(), repo),
            "## [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2026-01-01)\n"
            "\n"
            "### Bug Fixes\n"
            "\n"
            "* two spaces ([43bc0d2](https://github.com/o/r/commit/"
            "43bc0d254dd8775f959cd29aad03e3dae5e7abc4))\n"
            "* trailing ([2aa184c](https://github.com/o/r/commit/"
            "2aa184c0a7953a4835ee6d4ffa327fead1c7cd7c))\n");
  // semantic-release trims the message (` feat:` is a feature) but not the subject.
  const std::string sr = cl::render(read_as(cl::presets::semantic_release(), commits),
                                    cl::presets::semantic_release(), repo);
  EXPECT_NE(sr.find("\n*  two spaces ([43bc0d2]"), std::string::npos) << sr;
  EXPECT_NE(sr.find("\n* trailing ([2aa184c]"), std::string::npos) << sr;
  EXPECT_NE(sr.find("### Features\n\n* leading space ([48de645]"), std::string::npos) << sr;
  // git-cliff: its own grammar (`fix(node):this`, whitespace after ':' skipped, a leading
  // space is no commit), style commits under Styling.
  EXPECT_EQ(cl::render(read_as(cl::presets::git_cliff(), commits), cl::presets::git_cliff()),
            "## [1.1.0] - 2026-01-01\n"
            "\n"
            "### 🐛 Bug Fixes\n"
            "\n"
            "- Two spaces\n"
            "- *(node)* This\n"
            "- Trailing\n"
            "\n"
            "### 🎨 Styling\n"
            "\n"
            "- Styled\n");
}

TEST(ChangelogRender, StyleCommitsLandInStyles) {
  cl::release r = sample();
  cl::entry style = make("5555555eeeeeee", "style", "", "reformat");
  style.breaking = true;
  style.breaking_notes.push_back("tabs are gone");
  r.entries = {style};
  const std::string out = cl::render(r, cl::presets::conventionalcommits(), github());
  EXPECT_NE(out.find("### Styles\n\n* reformat"), std::string::npos) << out;
}

TEST(ChangelogGroup, SectionsAndNotesAsRendered) {
  const cl::release r = sample();
  const cl::contents c = cl::group(r, cl::presets::conventionalcommits());
  ASSERT_EQ(c.sections.size(), 3u);
  EXPECT_EQ(c.sections[0].title, "Features");
  ASSERT_EQ(c.sections[0].entries.size(), 1u);
  EXPECT_EQ(c.sections[0].entries[0], &r.entries[1]);
  EXPECT_EQ(c.sections[1].title, "Bug Fixes");
  EXPECT_EQ(c.sections[1].entries[0], &r.entries[0]);
  EXPECT_EQ(c.sections[2].title, "Code Refactoring");
  ASSERT_EQ(c.breaking.size(), 1u);
  EXPECT_EQ(c.breaking[0].source, &r.entries[3]);
  EXPECT_EQ(c.breaking[0].text, "`launch()` is now `start()`, see #40");
  // A style without a notes section, and duplicates merged into one bullet.
  cl::release twice = sample();
  twice.entries = {make("aaaaaaa1", "fix", "", "same"), make("bbbbbbb2", "fix", "", "same")};
  const cl::contents merged = cl::group(twice, cl::presets::relkit());
  ASSERT_EQ(merged.sections.size(), 1u);
  EXPECT_EQ(merged.sections[0].entries.size(), 2u);
  EXPECT_TRUE(cl::group(r, cl::presets::git_cliff()).breaking.empty());
}

TEST(ChangelogPresets, ReadCommitsAsTheirTools) {
  namespace rc = relkit::commits;
  EXPECT_EQ(cl::presets::conventionalcommits().grammar, rc::dialect::conventional_changelog);
  EXPECT_EQ(cl::presets::angular().grammar, rc::dialect::semantic_release_angular);
  EXPECT_EQ(cl::presets::semantic_release().grammar, rc::dialect::semantic_release_angular);
  EXPECT_EQ(cl::presets::git_cliff().grammar, rc::dialect::git_cliff);
  EXPECT_EQ(cl::prepare_message("  fix: x \n", cl::presets::semantic_release()), "fix: x");
  EXPECT_EQ(cl::prepare_message("  fix: x \n", cl::presets::angular()), "  fix: x \n");
}

constexpr std::string_view existing =
    "# Changelog\n"
    "\n"
    "All notable changes.\n"
    "\n"
    "## [1.4.1](https://x/compare/v1.4.0...v1.4.1) (2026-10-01)\n"
    "\n"
    "* old fix\n";

TEST(ChangelogPrepend, BeforeTheFirstReleaseKeepingEveryByte) {
  auto out = cl::prepend(existing, "## 1.5.0 (2026-11-23)\n\n* new\n", "1.5.0");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "# Changelog\n\nAll notable changes.\n\n"
            "## 1.5.0 (2026-11-23)\n\n* new\n\n"
            "## [1.4.1](https://x/compare/v1.4.0...v1.4.1) (2026-10-01)\n\n* old fix\n");
}

TEST(ChangelogPrepend, CrlfAndNoTrailingNewline) {
  const std::string crlf = "# Changelog\r\n\r\n## v1.0.0\r\nfirst";
  auto out = cl::prepend(crlf, "## v1.1.0\n\n- x\n", "v1.1.0");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "# Changelog\r\n\r\n## v1.1.0\r\n\r\n- x\r\n\r\n## v1.0.0\r\nfirst");
}

TEST(ChangelogPrepend, FileWithoutReleasesGetsItAtTheEnd) {
  auto a = cl::prepend("# Changelog", "## 0.1.0\n", "0.1.0");
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, "# Changelog\n\n## 0.1.0\n");
  auto b = cl::prepend("", "## 0.1.0\n", "0.1.0");
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, "## 0.1.0\n");
  auto c = cl::prepend("# Changelog\n", "## 0.1.0\n", "0.1.0");
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, "# Changelog\n\n## 0.1.0\n");
}

TEST(ChangelogPrepend, AfterTheUnreleasedSection) {
  const std::string kac = "# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.0.0] - 2026-01-01\n";
  auto out = cl::prepend(kac, "## [1.1.0] - 2026-02-01\n", "1.1.0");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out,
            "# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.1.0] - 2026-02-01\n\n"
            "## [1.0.0] - 2026-01-01\n");
  auto only = cl::prepend("# Changelog\n\n## [Unreleased]\n\n- wip\n", "## [1.1.0]\n", "1.1.0");
  ASSERT_TRUE(only);
  EXPECT_EQ(*only, "# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.1.0]\n");
}

TEST(ChangelogPrepend, RefusesAnExistingVersionUnlessSkipping) {
  auto refused = cl::prepend(existing, "## 1.4.1\n", "v1.4.1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, cl::errc::version_exists);
  EXPECT_EQ(refused.error().position, 35u);
  EXPECT_EQ(refused.error().message(), "version 1.4.1 is already in the changelog");
  EXPECT_EQ(relkit::to_string(refused.error()),
            "version 1.4.1 is already in the changelog at 35 [changelog.version_exists]");
  cl::prepend_options skip;
  skip.skip_existing = true;
  auto same = cl::prepend(existing, "## 1.4.1\n", "1.4.1", skip);
  ASSERT_TRUE(same);
  EXPECT_EQ(*same, existing);
  // Idempotent: a second run with skip_existing changes nothing.
  auto once = cl::prepend(existing, sample(), cl::presets::conventionalcommits(), github(), skip);
  ASSERT_TRUE(once);
  auto twice = cl::prepend(*once, sample(), cl::presets::conventionalcommits(), github(), skip);
  ASSERT_TRUE(twice);
  EXPECT_EQ(*twice, *once);
}

TEST(ChangelogPrepend, RefusesFilesItCannotRead) {
  const std::string nul("# Changelog\n\0", 13);
  auto a = cl::prepend(nul, "## 1.0.0\n", "1.0.0");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, cl::errc::unrecognized_file);
  EXPECT_EQ(a.error().position, 12u);
  EXPECT_EQ(a.error().message(), "unreadable changelog: NUL byte, not a text file");
  auto b = cl::prepend("# Changelog\n\xff\n", "## 1.0.0\n", "1.0.0");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().position, 12u);
  EXPECT_EQ(b.error().message(), "unreadable changelog: invalid UTF-8");
  auto c = cl::prepend("# Changelog\n\n```\n## 0.9.0\n", "## 1.0.0\n", "1.0.0");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().position, 13u);
  EXPECT_EQ(c.error().message(), "unreadable changelog: code fence never closed");
}

// The text check reads 8 bytes at a time: a bad byte at every offset in and
// across those words is found at its exact position, and valid multi-byte
// characters and ASCII control bytes at every offset are accepted.
TEST(ChangelogPrepend, FindsTheFirstUnreadableByteAtEveryOffset) {
  const std::string base = "# Changelog\n\nSome text, then more text here.\n";  // 45 bytes
  for (std::size_t at = 0; at < base.size(); ++at) {
    for (const std::string_view bad :
         {std::string_view("\0", 1), std::string_view("\xff"), std::string_view("\x80"),
          std::string_view("\xc3"), std::string_view("\xed\xa0\x80")}) {
      std::string text = base;
      text.insert(at, bad);
      auto out = cl::read_outline(text);
      ASSERT_FALSE(out) << at;
      EXPECT_EQ(out.error().position, at) << at;
      EXPECT_EQ(out.error().message(), bad[0] == '\0'
                                           ? "unreadable changelog: NUL byte, not a text file"
                                           : "unreadable changelog: invalid UTF-8")
          << at;
      // Only the first bad byte counts.
      text += '\0';
      auto first = cl::read_outline(text);
      ASSERT_FALSE(first) << at;
      EXPECT_EQ(first.error().position, at) << at;
    }
    for (const std::string_view good :
         {std::string_view("\xc3\xa9"), std::string_view("\xe2\x82\xac"),
          std::string_view("\xf0\x9d\x84\x9e"), std::string_view("\x01\x7f")}) {
      std::string text = base;
      text.insert(at, good);
      EXPECT_TRUE(cl::read_outline(text)) << at;
    }
  }
  // A sequence cut off by the end of the file.
  auto cut = cl::read_outline(base + "\xe2\x82");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().position, base.size());
}

TEST(ChangelogPrepend, HeadingsInCodeFencesAreNotReleases) {
  const std::string text = "# Changelog\n\n```md\n## 1.0.0\n```\n\n## 0.9.0\n";
  auto out = cl::prepend(text, "## 1.0.0\n", "1.0.0");
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "# Changelog\n\n```md\n## 1.0.0\n```\n\n## 1.0.0\n\n## 0.9.0\n");
}

TEST(ChangelogErrors, Domain) {
  const relkit::error e{cl::errc::version_exists, 3};
  EXPECT_EQ(relkit::error_code(cl::errc::version_exists).name(), "version_exists");
  EXPECT_EQ(relkit::error_code(cl::errc::unrecognized_file).name(), "unrecognized_file");
  EXPECT_EQ(relkit::error_code(cl::errc::bad_repository_url).name(), "bad_repository_url");
  EXPECT_EQ(relkit::error_code(static_cast<cl::errc>(99)).name(), "unknown");
  EXPECT_EQ(relkit::error_code(cl::errc::version_exists).domain_name(), "changelog");
  EXPECT_EQ(e.code, cl::errc::version_exists);
}

}  // namespace

namespace {
TEST(ChangelogCollation, KeysOrderAsCollate) {
  const char* const words[] = {"Add --auto-pre",
                               "add cocogitto",
                               "Allow",
                               "abc",
                               "Abc",
                               "a_b",
                               "a-b",
                               "a9",
                               "aa",
                               "a",
                               "ab",
                               "",
                               "é",
                               "z",
                               "Z",
                               "a\001b",
                               "changelogadd",
                               "Consolidate",
                               "#12",
                               "@x",
                               "a b",
                               "a\tb"};
  for (const char* a : words) {
    for (const char* b : words) {
      const int by_collate = relkit::changelog::detail::collate(a, b);
      const std::string ka = relkit::changelog::detail::collation_key(a);
      const std::string kb = relkit::changelog::detail::collation_key(b);
      const int by_key = ka < kb ? -1 : (kb < ka ? 1 : 0);
      EXPECT_EQ(by_key, by_collate < 0 ? -1 : (by_collate > 0 ? 1 : 0)) << a << " vs " << b;
    }
  }
}
}  // namespace

namespace {

TEST(ChangelogEnums, ToStringRoundTripsThroughParse) {
  for (const cl::host kind :
       {cl::host::github, cl::host::gitlab, cl::host::gitea, cl::host::bitbucket})
    EXPECT_EQ(cl::parse_host(cl::to_string(kind)), kind);
  for (const cl::layout kind :
       {cl::layout::conventional_changelog, cl::layout::keep_a_changelog, cl::layout::git_cliff})
    EXPECT_EQ(cl::parse_layout(cl::to_string(kind)), kind);
  for (const cl::rule::match kind :
       {cl::rule::match::type, cl::rule::match::header_prefix, cl::rule::match::header_contains,
        cl::rule::match::body_contains, cl::rule::match::any})
    EXPECT_EQ(cl::parse_rule_match(cl::to_string(kind)), kind);
  EXPECT_EQ(cl::to_string(cl::host::gitlab), "gitlab");
  EXPECT_EQ(cl::to_string(static_cast<cl::host>(9)), "unknown");
  EXPECT_EQ(cl::parse_layout("Keep a Changelog"), std::nullopt);
}

TEST(ChangelogPresets, NamedFromOneTable) {
  for (const char* name : {"conventionalcommits", "angular", "semantic_release", "git_cliff",
                           "git_cliff_keepachangelog", "keep_a_changelog", "relkit"})
    EXPECT_TRUE(cl::presets::named(name)) << name;
  const auto kac = cl::presets::named("keep_a_changelog");
  ASSERT_TRUE(kac);
  EXPECT_EQ(kac->kind, cl::layout::keep_a_changelog);
  EXPECT_FALSE(cl::presets::named("keepachangelog"));
}

}  // namespace
