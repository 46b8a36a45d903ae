#pragma once
// relkit::changelog::presets: the changelogs of the reference tools, as data
// (a relkit::changelog::preset each) you can copy and change before render().
// Included by relkit/changelog.hpp.

#include "relkit/detail/prologue.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "relkit/changelog/detail/rules.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace presets {

// conventional-changelog-conventionalcommits 10.4.1 (writer 9.3.0): `##` headings,
// ⚠ BREAKING CHANGES first, Features / Bug Fixes / Performance Improvements /
// Reverts, other types hidden unless they carry a breaking note; each subject trimmed.
[[nodiscard]] inline preset conventionalcommits() {
  using detail::type_rule;
  preset s;
  s.trim_subject = true;
  s.rules = {type_rule("feat", "Features"),
             type_rule("feature", "Features"),
             type_rule("fix", "Bug Fixes"),
             type_rule("perf", "Performance Improvements"),
             type_rule("revert", "Reverts"),
             type_rule("docs", "Documentation", true),
             type_rule("style", "Styles", true),
             type_rule("chore", "Miscellaneous Chores", true),
             type_rule("refactor", "Code Refactoring", true),
             type_rule("test", "Tests", true),
             type_rule("build", "Build System", true),
             type_rule("ci", "Continuous Integration", true)};
  s.section_order = {
      "Features",      "Bug Fixes",    "Performance Improvements", "Reverts",
      "Documentation", "Styles",       "Miscellaneous Chores",     "Code Refactoring",
      "Tests",         "Build System", "Continuous Integration"};
  return s;
}

// conventional-changelog-angular 9.4.0 (writer 9.3.0): `#` for x.y.0 releases,
// sections alphabetical, BREAKING CHANGES last, every reference after `, closes`;
// commits read with the angular parser options, each subject trimmed.
[[nodiscard]] inline preset angular() {
  using detail::type_rule;
  preset s;
  s.grammar = commits::dialect::semantic_release_angular;
  s.trim_subject = true;
  s.rules = {type_rule("feat", "Features"),
             type_rule("fix", "Bug Fixes"),
             type_rule("perf", "Performance Improvements"),
             type_rule("revert", "Reverts"),
             type_rule("docs", "Documentation", true),
             type_rule("style", "Styles", true),
             type_rule("refactor", "Code Refactoring", true),
             type_rule("test", "Tests", true),
             type_rule("build", "Build System", true),
             type_rule("ci", "Continuous Integration", true)};
  s.type_case_insensitive = false;
  s.sections_alphabetical = true;
  s.h1_unless_patch = true;
  s.breaking_title = "BREAKING CHANGES";
  s.breaking_last = true;
  s.split_references = false;
  s.issues_digits_only = true;
  return s;
}

// @semantic-release/release-notes-generator 14.1.1 with its default preset
// (angular 8.3.1, writer 8.4.0): the angular layout with two blank lines before
// each `###`, breaking notes in commit order, `#123` linked even inside code; the
// messages semantic-release hands it (trimmed), each subject as written.
[[nodiscard]] inline preset semantic_release() {
  preset s = angular();
  s.trim_message = true;
  s.trim_subject = false;
  s.blank_lines = 2;
  s.sort_notes = false;
  s.protect_markdown = false;
  return s;
}

// git-cliff 2.14's built-in configuration: `## [1.0.0] - date`, emoji groups,
// oldest first (in topological order), no links; commits read with git-cliff's own
// grammar, unconventional ones and chore(deps…) dropped. A whole file has no title
// (git-cliff 2.10 made the default header empty) and no blank line between releases, as
// git-cliff 2.14.2 writes it.
[[nodiscard]] inline preset git_cliff() {
  using detail::header_rule;
  using m = rule::match;
  preset s;
  s.kind = layout::git_cliff;
  s.grammar = commits::dialect::git_cliff;
  s.rules = {header_rule(m::header_prefix, "feat", "🚀 Features"),
             header_rule(m::header_prefix, "fix", "🐛 Bug Fixes"),
             header_rule(m::header_prefix, "doc", "📚 Documentation"),
             header_rule(m::header_prefix, "perf", "⚡ Performance"),
             header_rule(m::header_prefix, "refactor", "🚜 Refactor"),
             header_rule(m::header_prefix, "style", "🎨 Styling"),
             header_rule(m::header_prefix, "test", "🧪 Testing"),
             header_rule(m::header_prefix, "chore(release): prepare for", ""),
             header_rule(m::header_prefix, "chore(deps", ""),
             header_rule(m::header_prefix, "chore(pr)", ""),
             header_rule(m::header_prefix, "chore(pull)", ""),
             header_rule(m::header_prefix, "chore", "⚙️ Miscellaneous Tasks"),
             header_rule(m::header_prefix, "ci", "⚙️ Miscellaneous Tasks"),
             header_rule(m::body_contains, "security", "🛡️ Security"),
             header_rule(m::header_prefix, "revert", "◀️ Revert"),
             header_rule(m::any, "", "💼 Other")};
  s.section_order = {
      "🚀 Features",       "🐛 Bug Fixes",   "📚 Documentation", "⚡ Performance",
      "🚜 Refactor",       "🎨 Styling",     "🧪 Testing",    "⚙️ Miscellaneous Tasks",
      "🛡️ Security", "◀️ Revert", "💼 Other"};
  s.dashed_date = true;
  s.link_compare = false;
  s.strip_v = true;
  s.breaking_title.clear();
  s.bullet = "- ";
  s.git_cliff_bullets = true;
  s.sort_entries = false;
  s.link_commits = false;
  s.link_references = false;
  s.drop_revert_pairs = false;  // git-cliff lists both
  s.unreleased_name = "unreleased";
  s.release_gap = false;
  return s;
}

// git-cliff's keepachangelog example configuration (git-cliff --init keepachangelog):
// Added / Changed / Fixed / Removed by the wording of the first line, unconventional
// commits kept; a whole file ends with links to each release's compare (or, for the
// first release, tree) page on GitHub.
[[nodiscard]] inline preset git_cliff_keepachangelog() {
  using detail::header_rule;
  using m = rule::match;
  preset s = git_cliff();
  // Its expressions `^[a|A]dd`, `^[s|S]upport`, `^[r|R]emove`: the class holds '|' too.
  s.rules = {header_rule(m::header_prefix, "add", "Added"),
             header_rule(m::header_prefix, "Add", "Added"),
             header_rule(m::header_prefix, "|dd", "Added"),
             header_rule(m::header_prefix, "support", "Added"),
             header_rule(m::header_prefix, "Support", "Added"),
             header_rule(m::header_prefix, "|upport", "Added"),
             header_rule(m::header_prefix, "remove", "Removed"),
             header_rule(m::header_prefix, "Remove", "Removed"),
             header_rule(m::header_prefix, "|emove", "Removed"),
             header_rule(m::header_contains, ": add", "Added"),
             header_rule(m::header_contains, ": support", "Added"),
             header_rule(m::header_contains, ": remove", "Removed"),
             header_rule(m::header_contains, ": delete", "Removed"),
             header_rule(m::header_prefix, "test", "Fixed"),
             header_rule(m::header_prefix, "fix", "Fixed"),
             header_rule(m::header_contains, ": fix", "Fixed"),
             header_rule(m::any, "", "Changed")};
  s.section_order = {"Added", "Changed", "Fixed", "Removed"};
  s.skip_unconventional = false;
  s.first_line_only = true;
  s.unreleased_name = "Unreleased";
  s.release_gap = true;
  s.file_header =
      "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.0.0/),\n"
      "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n";
  s.file_footer = "<!-- generated by git-cliff -->\n";
  s.git_cliff_links = true;
  return s;
}

// Keep a Changelog 1.1.0: `## [1.0.0] - date`, Added / Changed / Deprecated /
// Removed / Fixed / Security, `- ` bullets, `[Unreleased]`, link definitions at the bottom.
[[nodiscard]] inline preset keep_a_changelog() {
  using detail::type_rule;
  preset s;
  s.kind = layout::keep_a_changelog;
  s.rules = {type_rule("feat", "Added"),
             type_rule("feature", "Added"),
             type_rule("add", "Added"),
             type_rule("perf", "Changed"),
             type_rule("refactor", "Changed"),
             type_rule("change", "Changed"),
             type_rule("deprecate", "Deprecated"),
             type_rule("remove", "Removed"),
             type_rule("revert", "Removed"),
             type_rule("fix", "Fixed"),
             type_rule("security", "Security"),
             type_rule("docs", "Changed", true),
             type_rule("chore", "Changed", true),
             type_rule("build", "Changed", true),
             type_rule("ci", "Changed", true),
             type_rule("test", "Changed", true),
             type_rule("style", "Changed", true)};
  s.section_order = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"};
  s.dashed_date = true;
  s.link_compare = false;
  s.strip_v = true;
  s.breaking_title.clear();
  s.bullet = "- ";
  s.sort_entries = false;
  s.oldest_first = false;
  s.link_commits = false;
  s.link_references = false;
  s.show_hashes = false;
  s.show_references = false;
  s.file_header =
      "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
      "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
      "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n";
  s.link_definitions = true;
  return s;
}

// relkit's own preset: the conventionalcommits sections with `- ` bullets, a
// dashed date, linked compare/commits/issues, identical entries merged.
[[nodiscard]] inline preset relkit() {
  preset s = conventionalcommits();
  s.dashed_date = true;
  s.bullet = "- ";
  s.merge_duplicates = true;
  s.file_header = "# Changelog\n\n";
  return s;
}
namespace detail {
struct preset_name {
  std::string_view name;
  preset (*make)();
};
inline constexpr preset_name preset_names[] = {
    {"conventionalcommits", &conventionalcommits},
    {"angular", &angular},
    {"semantic_release", &semantic_release},
    {"git_cliff", &git_cliff},
    {"git_cliff_keepachangelog", &git_cliff_keepachangelog},
    {"keep_a_changelog", &keep_a_changelog},
    {"relkit", &relkit},
};
}  // namespace detail

// The preset whose function has this name ("keep_a_changelog" -> keep_a_changelog());
// nullopt for any other text. The names are those of the functions above, one table.
[[nodiscard]] inline std::optional<preset> named(std::string_view name) {
  for (const detail::preset_name& entry : detail::preset_names) {
    if (entry.name == name) return entry.make();
  }
  return std::nullopt;
}

}  // namespace presets
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
