#pragma once
// relkit::changelog value types: the error codes, the input (entry, release,
// repository) and the preset that says how a release is written.
// Included by relkit/changelog.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "relkit/commits/dialect.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
struct commit;  // relkit/commits.hpp: include it to use from_commit
}  // namespace commits
namespace changelog {

enum class errc {
  version_exists = 1,  // prepend: the file already has a section for this version
  unrecognized_file,  // prepend: the existing file is not a Markdown text we can place a section in
  bad_repository_url,  // parse_repository: not `https://host/owner/name` or `git@host:owner/name`
};

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::version_exists, "version_exists", "version {token} is already in the changelog"},
    {errc::unrecognized_file, "unrecognized_file", "unreadable changelog: {text}"},
    {errc::bad_repository_url, "bad_repository_url", "expected {text}"},
};
inline constexpr relkit::error_domain errc_domain =
    relkit::make_error_domain<errc_table>("changelog");
}  // namespace detail
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

// An issue reference of a commit: `Closes #12`, `owner/repo#3`, `(#45)`.
struct reference {
  std::string action;      // "Closes", "fixes"; empty: mentioned without an action
  std::string owner;       // `owner` of owner/repo#3; empty for the release's repository
  std::string repository;  // `repo` of owner/repo#3
  std::string prefix = "#";
  std::string issue;  // "12"
  [[nodiscard]] friend bool operator==(const reference& a, const reference& b) {
    return a.action == b.action && a.owner == b.owner && a.repository == b.repository &&
           a.prefix == b.prefix && a.issue == b.issue;
  }
  [[nodiscard]] friend bool operator!=(const reference& a, const reference& b) { return !(a == b); }
};

// One commit as a changelog sees it.
struct entry {
  std::string hash;       // full hash; the first 7 characters are shown
  std::string header;     // the first line of the message
  std::string type;       // "feat"; empty when the commit is not conventional
  std::string scope;      // empty when absent
  std::string subject;    // the description after ": "; empty when not conventional
  std::string body;       // body and footers, for body rules (git-cliff's Security group)
  bool breaking = false;  // `!` or a BREAKING CHANGE footer
  std::vector<std::string> breaking_notes;   // the notes' texts (the `!` subject included)
  std::vector<reference> references;         // in the order the message holds them
  std::optional<std::string> revert_target;  // hash named by `This reverts commit <hash>.`
  std::string revert_header;                 // the header the revert names
  bool merge = false;
  // The message's second line is not blank (the summary wraps): git-cliff's parser
  // then rejects the commit as not conventional.
  bool wrapped_header = false;
  [[nodiscard]] friend bool operator==(const entry& a, const entry& b) {
    return a.hash == b.hash && a.header == b.header && a.type == b.type && a.scope == b.scope &&
           a.subject == b.subject && a.body == b.body && a.breaking == b.breaking &&
           a.breaking_notes == b.breaking_notes && a.references == b.references &&
           a.revert_target == b.revert_target && a.revert_header == b.revert_header &&
           a.merge == b.merge && a.wrapped_header == b.wrapped_header;
  }
  [[nodiscard]] friend bool operator!=(const entry& a, const entry& b) { return !(a == b); }
};

// The adapter from relkit::commits: parse each message in the grammar of the preset you
// render (preset::grammar, after trimming it when preset::trim_message says so). A template
// only so that this header does not include relkit/commits.hpp (the parser): it takes a
// commits::commit, nothing else.
template <class Commit, std::enable_if_t<std::is_same<Commit, commits::commit>::value, int> = 0>
[[nodiscard]] entry from_commit(std::string_view hash, const Commit& c) {
  entry e;
  e.hash = std::string(hash);
  e.header = std::string(c.header);
  if (c.conventional) {
    e.type = std::string(c.type);
    e.scope = std::string(c.scope);
    e.subject = std::string(c.description);
  }
  if (c.body) e.body = std::string(*c.body);
  if (c.footer) {
    if (!e.body.empty()) e.body += '\n';
    e.body += *c.footer;
  }
  e.breaking = c.breaking;
  for (const auto& n : c.notes) e.breaking_notes.emplace_back(n.text);
  for (const auto& r : c.references) {
    reference out;
    out.action = std::string(r.action);
    if (r.owner) out.owner = std::string(*r.owner);
    out.repository = std::string(r.repository);
    out.prefix = std::string(r.prefix);
    out.issue = std::string(r.issue);
    e.references.push_back(std::move(out));
  }
  if (c.revert) {
    e.revert_target = std::string(c.revert->hash);
    e.revert_header = std::string(c.revert->header);
  }
  e.merge = c.merge;
  return e;
}

// The same, with the raw message the commit was parsed from (sets wrapped_header).
template <class Commit, std::enable_if_t<std::is_same<Commit, commits::commit>::value, int> = 0>
[[nodiscard]] entry from_commit(std::string_view hash, const Commit& c, std::string_view message) {
  entry e = from_commit(hash, c);
  const std::size_t eol = message.find('\n');
  if (eol != std::string_view::npos) {
    std::size_t next = message.find('\n', eol + 1);
    if (next == std::string_view::npos) next = message.size();
    std::string_view second = message.substr(eol + 1, next - eol - 1);
    while (!second.empty() &&
           (second.back() == '\r' || second.back() == ' ' || second.back() == '\t')) {
      second.remove_suffix(1);
    }
    e.wrapped_header = !second.empty();
  }
  return e;
}

// The kind of forge a repository lives on: it picks the default URL shapes.
enum class host : std::uint8_t { github, gitlab, gitea, bitbucket };
namespace detail {
inline constexpr relkit::detail::enum_name<host> host_names[] = {
    {host::github, "github"},
    {host::gitlab, "gitlab"},
    {host::gitea, "gitea"},
    {host::bitbucket, "bitbucket"},
};
}  // namespace detail
// The stable identifier of a host kind ("github"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(host value) noexcept {
  return relkit::detail::enum_to_string(detail::host_names, value);
}
// The host kind that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<host> parse_host(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::host_names, name);
}

// Where links point. Templates override the host's defaults; placeholders:
// {base} (= url, or host/owner/name), {host}, {owner}, {repo}, {from}, {to},
// {hash}, {issue}, {user}, {tag}.
struct repository {
  host kind = host::github;
  std::string host_url = "https://github.com";  // scheme and host, no trailing '/'
  std::string owner;                            // "vuejs"; GitLab groups: "group/subgroup"
  std::string name;                             // "core"
  std::string compare_template;  // default GitHub/Gitea: {base}/compare/{from}...{to}
  std::string commit_template;   // default GitHub/Gitea: {base}/commit/{hash}
  std::string issue_template;    // default GitHub/Gitea: {base}/issues/{issue}
  std::string user_template;     // default: {host}/{user}
  std::string tag_template;      // default GitHub/Gitea: {base}/releases/tag/{tag}
  [[nodiscard]] friend bool operator==(const repository& a, const repository& b) {
    return a.kind == b.kind && a.host_url == b.host_url && a.owner == b.owner && a.name == b.name &&
           a.compare_template == b.compare_template && a.commit_template == b.commit_template &&
           a.issue_template == b.issue_template && a.user_template == b.user_template &&
           a.tag_template == b.tag_template;
  }
  [[nodiscard]] friend bool operator!=(const repository& a, const repository& b) {
    return !(a == b);
  }
};

// A release and its commits. `entries` in git log order (newest first).
struct release {
  std::string version;                      // shown in the heading: "3.5.0"
  std::string tag;                          // links: "v3.5.0"; empty: the version
  std::optional<std::string> previous_tag;  // "v3.5.0-rc.1"; none: the first release
  std::string date;                         // "YYYY-MM-DD"; empty: no date shown
  std::string title;                        // optional release title
  bool unreleased = false;                  // `## [Unreleased]` (Keep a Changelog, git-cliff)
  bool yanked = false;                      // Keep a Changelog's ` [YANKED]`
  std::vector<entry> entries;
};

// The heading and bullet shapes a preset writes in.
enum class layout : std::uint8_t { conventional_changelog, keep_a_changelog, git_cliff };
namespace detail {
inline constexpr relkit::detail::enum_name<layout> layout_names[] = {
    {layout::conventional_changelog, "conventional_changelog"},
    {layout::keep_a_changelog, "keep_a_changelog"},
    {layout::git_cliff, "git_cliff"},
};
}  // namespace detail
// The stable identifier of a changelog layout ("conventional_changelog"); "unknown" outside the
// enum.
[[nodiscard]] constexpr std::string_view to_string(layout value) noexcept {
  return relkit::detail::enum_to_string(detail::layout_names, value);
}
// The changelog layout that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<layout> parse_layout(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::layout_names, name);
}

// How an entry lands in a section: the first rule that matches decides.
struct rule {
  enum class match : std::uint8_t {
    type,             // the entry's type (a revert counts as "revert") equals `text`
    header_prefix,    // the first line starts with `text`
    header_contains,  // the first line contains `text`
    body_contains,    // the body contains `text`
    any,
  };
  match kind = match::any;
  std::string text;
  std::string section;  // the section title; empty: drop the entry
  bool hidden = false;  // shown only when the entry carries a breaking note
};

namespace detail {
inline constexpr relkit::detail::enum_name<rule::match> rule_match_names[] = {
    {rule::match::type, "type"},
    {rule::match::header_prefix, "header_prefix"},
    {rule::match::header_contains, "header_contains"},
    {rule::match::body_contains, "body_contains"},
    {rule::match::any, "any"},
};
}  // namespace detail
// The stable identifier of a rule match kind ("type"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(rule::match value) noexcept {
  return relkit::detail::enum_to_string(detail::rule_match_names, value);
}
// The rule match kind that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<rule::match> parse_rule_match(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::rule_match_names, name);
}

// A changelog preset: how commits are read, how entries land in sections and how they
// are written; data you can copy and change (relkit::changelog::presets has the
// references').
struct preset {
  layout kind = layout::conventional_changelog;
  // How its reference tool reads a commit: the grammar to parse messages in before
  // from_commit, and whether the message is trimmed first (semantic-release trims it).
  commits::dialect grammar = commits::dialect::conventional_changelog;
  bool trim_message = false;
  std::vector<rule> rules;
  bool type_case_insensitive = true;  // rule::match::type ignores case
  // Section display order (titles); sections missing from it follow, alphabetically.
  std::vector<std::string> section_order;
  bool sections_alphabetical = false;
  bool skip_unconventional = true;  // drop entries without a type (merges included)
  // Headings.
  bool h1_unless_patch = false;  // angular: `#` for x.y.0, `##` for patches
  bool dashed_date = false;      // `## [1.0.0] - date` instead of `## [1.0.0](compare) (date)`
  bool link_compare = true;
  bool strip_v = false;  // git-cliff: `v1.0.0` shows as `1.0.0`
  // The heading of the unreleased changes, `## [Unreleased]` (git-cliff's default: lower case).
  std::string unreleased_name = "Unreleased";
  // Breaking notes.
  std::string breaking_title = "⚠ BREAKING CHANGES";  // empty: no notes section
  bool breaking_last = false;
  bool sort_notes = true;
  // Bullets.
  std::string bullet = "* ";
  bool git_cliff_bullets = false;  // `- *(scope)* [**breaking**] Upper first`
  bool first_line_only = false;    // git-cliff keepachangelog: no scope, message's first line
  bool trim_subject = false;       // conventional-changelog-writer 9: each word of a bullet trimmed
  bool sort_entries = true;        // by scope + subject, ICU collation; else oldest first
  bool oldest_first = true;        // when not sorted
  bool show_hashes = true;         // ` ([abc1234](url))` after the subject
  bool show_references = true;     // `, closes [#12](url)`
  bool link_commits = true;
  bool link_references = true;      // issue references and @mentions become links
  bool split_references = true;     // `, closes …, references …` (actionless ones last)
  bool issues_digits_only = false;  // angular's issue pattern #[0-9]+ (else #[a-z0-9]+)
  bool protect_markdown = true;     // no links inside code, links and URLs
  bool merge_duplicates = false;    // same scope and subject: one bullet, all hashes
  bool drop_revert_pairs = true;    // a revert and the commit it reverts, both in the release
  int blank_lines = 1;              // blank lines before each `###`
  // Whole files.
  std::string file_header;  // title and preamble
  bool release_gap = true;  // a blank line between releases (git-cliff's default: none)
  std::string file_footer;
  bool link_definitions = false;  // Keep a Changelog's `[1.0.0]: compare-url` lines
  bool git_cliff_links = false;   // git-cliff keepachangelog footer links
};

// The text of a commit message that the preset's reference tool parses: the message
// trimmed (String.prototype.trim) when s.trim_message says so, else as it is. Parse it with
// commits::parse_options{s.grammar}, then from_commit.
[[nodiscard]] inline std::string_view prepare_message(std::string_view message, const preset& s) {
  return s.trim_message ? relkit::detail::js_trim(message) : message;
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
