#pragma once
// relkit::changelog: release notes from classified commits, byte for byte as
// conventional-changelog (conventionalcommits and angular presets),
// semantic-release's release-notes-generator and git-cliff render them, Keep a
// Changelog 1.1.0, and a configurable style of relkit's own; whole CHANGELOG.md
// files; prepend into an existing file that keeps every byte it had.
//
// Input is plain data (`entry`, `release`, `repository`), so a changelog can be
// built from any source; `from_commit` adapts a parsed relkit::commits::commit.
// Everything here is pure: the date is a string the caller gives.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/changelog/detail/text.hpp"
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

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::version_exists:
      return "version_exists";
    case errc::unrecognized_file:
      return "unrecognized_file";
    case errc::bad_repository_url:
      return "bad_repository_url";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"changelog", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// An issue reference of a commit: `Closes #12`, `owner/repo#3`, `(#45)`.
struct reference {
  std::string action;      // "Closes", "fixes"; empty: mentioned without an action
  std::string owner;       // `owner` of owner/repo#3; empty for the release's repository
  std::string repository;  // `repo` of owner/repo#3
  std::string prefix = "#";
  std::string issue;  // "12"
  friend bool operator==(const reference& a, const reference& b) {
    return a.action == b.action && a.owner == b.owner && a.repository == b.repository &&
           a.prefix == b.prefix && a.issue == b.issue;
  }
  friend bool operator!=(const reference& a, const reference& b) { return !(a == b); }
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
  friend bool operator==(const entry& a, const entry& b) {
    return a.hash == b.hash && a.header == b.header && a.type == b.type && a.scope == b.scope &&
           a.subject == b.subject && a.body == b.body && a.breaking == b.breaking &&
           a.breaking_notes == b.breaking_notes && a.references == b.references &&
           a.revert_target == b.revert_target && a.revert_header == b.revert_header &&
           a.merge == b.merge && a.wrapped_header == b.wrapped_header;
  }
  friend bool operator!=(const entry& a, const entry& b) { return !(a == b); }
};

// The adapter from relkit::commits (parse with the dialect of the style you render:
// dialect::conventional_changelog for the conventionalcommits preset and git-cliff,
// dialect::semantic_release_angular for the angular presets). A template only so that
// this header does not include relkit/commits.hpp: it takes a commits::commit, nothing else.
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

enum class host : std::uint8_t { github, gitlab, gitea, bitbucket };

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
  friend bool operator==(const repository& a, const repository& b) {
    return a.kind == b.kind && a.host_url == b.host_url && a.owner == b.owner && a.name == b.name &&
           a.compare_template == b.compare_template && a.commit_template == b.commit_template &&
           a.issue_template == b.issue_template && a.user_template == b.user_template &&
           a.tag_template == b.tag_template;
  }
  friend bool operator!=(const repository& a, const repository& b) { return !(a == b); }
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

enum class layout : std::uint8_t { conventional_changelog, keep_a_changelog, git_cliff };

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

// A changelog style: data you can copy and change.
struct style {
  layout kind = layout::conventional_changelog;
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
  // Breaking notes.
  std::string breaking_title = "⚠ BREAKING CHANGES";  // empty: no notes section
  bool breaking_last = false;
  bool sort_notes = true;
  // Bullets.
  std::string bullet = "* ";
  bool git_cliff_bullets = false;  // `- *(scope)* [**breaking**] Upper first`
  bool first_line_only = false;    // git-cliff keepachangelog: no scope, message's first line
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
  std::string file_footer;
  bool link_definitions = false;  // Keep a Changelog's `[1.0.0]: compare-url` lines
  bool git_cliff_links = false;   // git-cliff keepachangelog footer links
};

namespace detail_impl {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline void replace_all(std::string& text, std::string_view key, std::string_view value) {
  std::size_t at = 0;
  while ((at = text.find(key, at)) != std::string::npos) {
    text.replace(at, key.size(), value);
    at += value.size();
  }
}

inline std::string base_url(const repository& r) {
  std::string out = r.host_url;
  out += '/';
  out += r.owner;
  out += '/';
  out += r.name;
  return out;
}

inline std::string expand(std::string tmpl, const repository& r) {
  replace_all(tmpl, "{base}", base_url(r));
  replace_all(tmpl, "{host}", r.host_url);
  replace_all(tmpl, "{owner}", r.owner);
  replace_all(tmpl, "{repo}", r.name);
  return tmpl;
}

}  // namespace detail_impl

// URLs of a repository (the host's defaults unless a template is set).
[[nodiscard]] inline std::string compare_url(const repository& r, std::string_view from,
                                             std::string_view to) {
  std::string t = r.compare_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/compare/{from}...{to}"
        : r.kind == host::bitbucket ? "{base}/branches/compare/{to}%0D{from}"
                                    : "{base}/compare/{from}...{to}";
  }
  std::string out = detail_impl::expand(std::move(t), r);
  detail_impl::replace_all(out, "{from}", from);
  detail_impl::replace_all(out, "{to}", to);
  return out;
}
[[nodiscard]] inline std::string commit_url(const repository& r, std::string_view hash) {
  std::string t = r.commit_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/commit/{hash}"
        : r.kind == host::bitbucket ? "{base}/commits/{hash}"
                                    : "{base}/commit/{hash}";
  }
  std::string out = detail_impl::expand(std::move(t), r);
  detail_impl::replace_all(out, "{hash}", hash);
  return out;
}
[[nodiscard]] inline std::string issue_url(const repository& r, std::string_view issue) {
  std::string t = r.issue_template;
  if (t.empty()) t = r.kind == host::gitlab ? "{base}/-/issues/{issue}" : "{base}/issues/{issue}";
  std::string out = detail_impl::expand(std::move(t), r);
  detail_impl::replace_all(out, "{issue}", issue);
  return out;
}
[[nodiscard]] inline std::string user_url(const repository& r, std::string_view user) {
  std::string out =
      detail_impl::expand(r.user_template.empty() ? "{host}/{user}" : r.user_template, r);
  detail_impl::replace_all(out, "{user}", user);
  return out;
}
[[nodiscard]] inline std::string tag_url(const repository& r, std::string_view tag) {
  std::string t = r.tag_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/tags/{tag}"
        : r.kind == host::bitbucket ? "{base}/src/{tag}"
                                    : "{base}/releases/tag/{tag}";
  }
  std::string out = detail_impl::expand(std::move(t), r);
  detail_impl::replace_all(out, "{tag}", tag);
  return out;
}

// A repository from its URL: `https://github.com/owner/name(.git)`,
// `git@gitlab.com:group/sub/name.git`, `ssh://git@host/owner/name`, `git+https://…`.
// The host kind comes from the host name (github, gitlab, bitbucket), else `fallback`
// (self-hosted Gitea/Forgejo, or say so for a self-hosted GitLab).
[[nodiscard]] inline result<repository> parse_repository(std::string_view url,
                                                         host fallback = host::gitea) {
  std::string_view rest = url;
  if (rest.substr(0, 4) == "git+") rest.remove_prefix(4);
  std::string scheme = "https://";
  std::string_view hostname;
  std::string_view path;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) {
    const std::string_view s = rest.substr(0, scheme_end);
    if (s == "http") scheme = "http://";
    rest.remove_prefix(scheme_end + 3);
    const std::size_t at = rest.find('@');
    const std::size_t slash = rest.find('/');
    if (at != std::string_view::npos && at < slash) rest.remove_prefix(at + 1);
    const std::size_t host_end = rest.find('/');
    if (host_end == std::string_view::npos) {
      return relkit::error{errc::bad_repository_url, url.size(),
                           "expected /owner/name after the host at " + std::to_string(url.size())};
    }
    hostname = rest.substr(0, host_end);
    // Drop a port of ssh:// URLs; keep it for http(s).
    if (s == "ssh" || s == "git") {
      const std::size_t colon = hostname.find(':');
      if (colon != std::string_view::npos) hostname = hostname.substr(0, colon);
    }
    path = rest.substr(host_end + 1);
  } else {
    const std::size_t at = rest.find('@');
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return relkit::error{errc::bad_repository_url, 0, "expected a scheme or host: at 0"};
    }
    hostname = rest.substr(at == std::string_view::npos || at > colon ? 0 : at + 1,
                           colon - (at == std::string_view::npos || at > colon ? 0 : at + 1));
    path = rest.substr(colon + 1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() >= 4 && path.substr(path.size() - 4) == ".git") path.remove_suffix(4);
  const std::size_t last = path.rfind('/');
  const std::size_t position =
      url.size() - (rest.size() - static_cast<std::size_t>(path.data() - rest.data()));
  if (hostname.empty() || last == std::string_view::npos || last == 0 || last + 1 == path.size()) {
    return relkit::error{errc::bad_repository_url, position,
                         "expected owner/name at " + std::to_string(position)};
  }
  repository out;
  const std::string lower_host = detail_impl::lower(hostname);
  out.kind = lower_host.find("github") != std::string::npos      ? host::github
             : lower_host.find("gitlab") != std::string::npos    ? host::gitlab
             : lower_host.find("bitbucket") != std::string::npos ? host::bitbucket
                                                                 : fallback;
  out.host_url = scheme + std::string(hostname);
  out.owner = std::string(path.substr(0, last));
  out.name = std::string(path.substr(last + 1));
  return out;
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/changelog/render.hpp"
