#pragma once
// relkit::changelog: the styles, rendering of one release and of whole files.
// Included by relkit/changelog.hpp; include that header instead.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/changelog.hpp"
#include "relkit/config.hpp"
#include "relkit/changelog/detail/text.hpp"
#include "relkit/detail/prefix_key.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace styles {

namespace detail_impl {
inline rule type_rule(std::string type, std::string section, bool hidden = false) {
  return rule{rule::match::type, std::move(type), std::move(section), hidden};
}
inline rule header_rule(rule::match kind, std::string text, std::string section) {
  return rule{kind, std::move(text), std::move(section), false};
}
}  // namespace detail_impl

// conventional-changelog-conventionalcommits 10.4.1 (writer 9.3.0): `##` headings,
// ⚠ BREAKING CHANGES first, Features / Bug Fixes / Performance Improvements /
// Reverts, other types hidden unless they carry a breaking note.
[[nodiscard]] inline style conventionalcommits() {
  using detail_impl::type_rule;
  style s;
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
// sections alphabetical, BREAKING CHANGES last, every reference after `, closes`.
[[nodiscard]] inline style angular() {
  using detail_impl::type_rule;
  style s;
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
// each `###`, breaking notes in commit order, `#123` linked even inside code.
[[nodiscard]] inline style semantic_release() {
  style s = angular();
  s.blank_lines = 2;
  s.sort_notes = false;
  s.protect_markdown = false;
  return s;
}

// git-cliff 2.14's built-in configuration: `## [1.0.0] - date`, emoji groups,
// oldest first, no links; unconventional commits and chore(deps…) dropped.
[[nodiscard]] inline style git_cliff() {
  using detail_impl::header_rule;
  using m = rule::match;
  style s;
  s.kind = layout::git_cliff;
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
  s.file_header =
      "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n";
  return s;
}

// git-cliff's keepachangelog example configuration: Added / Changed / Fixed /
// Removed by the wording of the first line, unconventional commits kept.
[[nodiscard]] inline style git_cliff_keepachangelog() {
  using detail_impl::header_rule;
  using m = rule::match;
  style s = git_cliff();
  s.rules = {header_rule(m::header_contains, ": add", "Added"),
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
[[nodiscard]] inline style keep_a_changelog() {
  using detail_impl::type_rule;
  style s;
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

// relkit's own style: the conventionalcommits sections with `- ` bullets, a
// dashed date, linked compare/commits/issues, identical entries merged.
[[nodiscard]] inline style relkit() {
  style s = conventionalcommits();
  s.dashed_date = true;
  s.bullet = "- ";
  s.merge_duplicates = true;
  s.file_header = "# Changelog\n\n";
  return s;
}

}  // namespace styles

namespace detail_impl {

// A bullet ready to print.
struct item {
  const entry* source = nullptr;
  std::string section;
  std::string subject;  // linked text (conventional-changelog) or the git-cliff message
  std::vector<const reference*> references;
  std::vector<const entry*> also;  // merged duplicates
  bool unconventional = false;
};

// The type rules compare: a revert counts as "revert"; lower-cased unless exact.
inline std::string rule_type(const entry& e, bool case_insensitive) {
  std::string type = case_insensitive ? lower(e.type) : e.type;
  if (e.revert_target) type = "revert";
  return type;
}

inline bool rule_matches(const rule& r, const entry& e, const std::string& type) {
  switch (r.kind) {
    case rule::match::type:
      return type == r.text;
    case rule::match::header_prefix:
      return e.header.compare(0, r.text.size(), r.text) == 0;
    case rule::match::header_contains:
      return e.header.find(r.text) != std::string::npos;
    case rule::match::body_contains:
      return e.body.find(r.text) != std::string::npos;
    case rule::match::any:
      return true;
  }
  return false;
}

// A URL template expanded for the repository once, split around its one
// placeholder: appending a link is then two appends, not a template expansion.
struct url_pattern {
  std::string before;
  std::string after;
  std::string full;  // the expanded template when the placeholder is not there exactly once
  std::string_view key;
  void append(std::string& out, std::string_view value) const {
    if (full.empty()) {
      out += before;
      out += value;
      out += after;
      return;
    }
    std::string text = full;
    replace_all(text, key, value);
    out += text;
  }
};

inline url_pattern make_pattern(std::string expanded, std::string_view key) {
  url_pattern p;
  p.key = key;
  const std::size_t at = expanded.find(key);
  if (at == std::string::npos || expanded.find(key, at + 1) != std::string::npos) {
    p.full = std::move(expanded);
    if (p.full.empty()) p.full = " ";  // never empty: marks the slow path
    return p;
  }
  p.before = expanded.substr(0, at);
  p.after = expanded.substr(at + key.size());
  return p;
}

struct link_cache {
  url_pattern commit;
  url_pattern issue;
  explicit link_cache(const repository& repo)
      : commit(make_pattern(commit_url(repo, "{hash}"), "{hash}")),
        issue(make_pattern(issue_url(repo, "{issue}"), "{issue}")) {}
};

// conventional-changelog's reference formatter: issue references and @mentions
// become links outside code, links and URLs; `linked` receives each issue match.
inline std::string link_text(std::string_view text, const repository& repo, const link_cache& links,
                             const style& s, std::vector<std::string>* linked) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Copy the run of bytes that can start nothing (most of the text) at once.
    std::size_t plain = i;
    while (plain < n) {
      const char p = text[plain];
      if (p == '#' || p == '@' || p == '[' || p == '`' || p == 'h' ||
          ((p == '~' || p == ' ' || p == '\t') && (plain == 0 || text[plain - 1] == '\n'))) {
        break;
      }
      ++plain;
    }
    if (plain > i) {
      out.append(text.substr(i, plain - i));
      i = plain;
      continue;
    }
    if (s.protect_markdown) {
      const std::size_t skip = relkit::detail::protected_segment(text, i);
      if (skip > 0) {
        out.append(text.substr(i, skip));
        i += skip;
        continue;
      }
    }
    const char c = text[i];
    if (c == '#' && i + 1 < n) {
      std::size_t k = i + 1;
      while (k < n && ((text[k] >= '0' && text[k] <= '9') ||
                       (!s.issues_digits_only && text[k] >= 'a' && text[k] <= 'z'))) {
        ++k;
      }
      if (k > i + 1) {
        const std::string_view match = text.substr(i, k - i);
        if (linked) linked->emplace_back(match);
        out += '[';
        out += match;
        out += "](";
        links.issue.append(out, match.substr(1));
        out += ')';
        i = k;
        continue;
      }
    }
    if (c == '@' && (i == 0 || !relkit::detail::is_js_word(text[i - 1])) && i + 1 < n) {
      auto user_char = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '/';
      };
      std::size_t k = i + 1;
      if (text[k] != '/' && user_char(text[k])) {
        ++k;
        for (int rep = 0; rep < 38 && k < n; ++rep) {
          if (text[k] == '-' && k + 1 < n && user_char(text[k + 1])) {
            k += 2;
          } else if (user_char(text[k])) {
            ++k;
          } else {
            break;
          }
        }
        const std::string_view user = text.substr(i + 1, k - i - 1);
        if (user.find('/') == std::string_view::npos) {
          out += "[@";
          out += user;
          out += "](";
          out += user_url(repo, user);
          out += ')';
        } else {
          out.append(text.substr(i, k - i));
        }
        i = k;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

inline std::string strip_v(std::string_view v) {
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.remove_prefix(1);
  return std::string(v);
}

// semver patch != 0 (angular's isPatch), read from "1.2.3…" or "v1.2.3…".
inline bool is_patch(std::string_view version) {
  const std::string v = strip_v(version);
  const std::size_t a = v.find('.');
  if (a == std::string::npos) return false;
  const std::size_t b = v.find('.', a + 1);
  if (b == std::string::npos) return false;
  std::size_t e = b + 1;
  while (e < v.size() && v[e] >= '0' && v[e] <= '9') ++e;
  const std::string patch = v.substr(b + 1, e - b - 1);
  return !patch.empty() && patch.find_first_not_of('0') != std::string::npos;
}

inline std::string upper_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

inline std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && relkit::detail::is_js_space(s[b])) ++b;
  while (e > b && relkit::detail::is_js_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// A stable merge sort of indices through a function pointer: one instantiation for
// every sort here (std::stable_sort per lambda would weigh on compile time).
using index_less = bool (*)(const void* context, std::size_t a, std::size_t b);
inline std::vector<std::size_t> sorted_indices(std::size_t n, index_less less,
                                               const void* context) {
  std::vector<std::size_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = i;
  std::vector<std::size_t> tmp(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = lo + width < n ? lo + width : n;
      const std::size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
      std::size_t i = lo;
      std::size_t j = mid;
      std::size_t k = lo;
      while (i < mid && j < hi) tmp[k++] = less(context, idx[j], idx[i]) ? idx[j++] : idx[i++];
      while (i < mid) tmp[k++] = idx[i++];
      while (j < hi) tmp[k++] = idx[j++];
    }
    idx.swap(tmp);
  }
  return idx;
}

// Sorts strings[i] (stable) by prefix key first, then by the whole string.
inline std::vector<std::size_t> sorted_string_indices(
    const std::vector<const std::string*>& strings) {
  struct keyed {
    std::vector<std::uint64_t> keys;
    const std::vector<const std::string*>* strings;
  } context{{}, &strings};
  context.keys.reserve(strings.size());
  for (const std::string* text : strings) context.keys.push_back(relkit::detail::prefix_key(*text));
  return sorted_indices(
      strings.size(),
      [](const void* raw, std::size_t a, std::size_t b) {
        const auto& ctx = *static_cast<const keyed*>(raw);
        if (ctx.keys[a] != ctx.keys[b]) return ctx.keys[a] < ctx.keys[b];
        return *(*ctx.strings)[a] < *(*ctx.strings)[b];
      },
      &context);
}

// The entries a release shows: duplicates (same hash) once, revert pairs dropped.
// O(n log n): releases of tens of thousands of commits stay in milliseconds.
inline std::vector<const entry*> effective_entries(const release& r, const style& s) {
  const std::size_t n = r.entries.size();
  std::vector<const std::string*> hashes;
  hashes.reserve(n);
  for (const entry& e : r.entries) hashes.push_back(&e.hash);
  const std::vector<std::size_t> by_hash = sorted_string_indices(hashes);
  std::vector<bool> dropped(n, false);
  for (std::size_t k = 1; k < n; ++k) {
    const entry& a = r.entries[by_hash[k - 1]];
    const entry& b = r.entries[by_hash[k]];
    if (!b.hash.empty() && a.hash == b.hash) dropped[by_hash[k]] = true;  // a later copy
  }
  if (s.drop_revert_pairs) {
    for (std::size_t i = 0; i < n; ++i) {
      const entry& rev = r.entries[i];
      if (dropped[i] || !rev.revert_target || rev.revert_target->size() < 7) continue;
      const std::string& target_hash = *rev.revert_target;
      std::size_t lo = 0;  // first hash not less than the target (binary search)
      std::size_t hi = n;
      while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (r.entries[by_hash[mid]].hash < target_hash) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (; lo < n; ++lo) {
        const std::size_t at = by_hash[lo];
        const entry& target = r.entries[at];
        if (target.hash.compare(0, target_hash.size(), target_hash) != 0) break;
        if (at == i || dropped[at]) continue;
        if (!rev.revert_header.empty() && rev.revert_header != target.header) continue;
        dropped[i] = true;
        dropped[at] = true;
        break;
      }
    }
  }
  std::vector<const entry*> kept;
  kept.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!dropped[i]) kept.push_back(&r.entries[i]);
  }
  return kept;
}

inline std::size_t section_rank(const style& s, std::string_view title) {
  std::size_t rank = 0;
  while (rank < s.section_order.size() && s.section_order[rank] != title) ++rank;
  return rank;
}

struct note_line {
  const entry* source;
  std::string text;
};

struct section_block {
  std::string title;
  std::vector<item> items;
};

inline void append_reference(std::string& out, const reference& ref, const repository& repo,
                             const link_cache& links, bool link) {
  std::string label;
  if (!ref.owner.empty()) {
    label += ref.owner;
    label += '/';
  }
  label += ref.repository;
  label += ref.prefix;
  label += ref.issue;
  out += ' ';
  if (!link) {
    out += label;
    return;
  }
  out += '[';
  out += label;
  out += "](";
  if (!ref.repository.empty()) {
    repository other = repo;
    if (!ref.owner.empty()) other.owner = ref.owner;
    other.name = ref.repository;
    out += issue_url(other, ref.issue);
  } else {
    links.issue.append(out, ref.issue);
  }
  out += ')';
}

inline void append_commit_link(std::string& out, const entry& e, const link_cache& links,
                               const style& s) {
  const std::string_view short_hash = std::string_view(e.hash).substr(0, 7);
  if (s.link_commits) {
    out += "([";
    out += short_hash;
    out += "](";
    links.commit.append(out, e.hash);
    out += "))";
  } else {
    out += short_hash;
  }
}

inline void append_cc_bullet(std::string& out, const item& it, const repository& repo,
                             const link_cache& links, const style& s) {
  const entry& e = *it.source;
  out += s.bullet;
  if (!e.scope.empty()) {
    out += "**";
    out += e.scope;
    out += ":** ";
  }
  out += it.subject.empty() ? e.header : it.subject;
  if (!e.hash.empty() && s.show_hashes) {
    out += ' ';
    if (it.also.empty()) {
      append_commit_link(out, e, links, s);
    } else {
      // Merged duplicates: one link group listing every hash.
      out += '(';
      bool first = true;
      for (const entry* dup : it.also) {
        if (!first) out += ", ";
        first = false;
        std::string one;
        append_commit_link(one, *dup, links, s);
        out += s.link_commits ? one.substr(1, one.size() - 2) : one;
      }
      out += ')';
    }
  }
  if (it.references.empty() || !s.show_references) return;
  if (!s.split_references) {
    out += ", closes";
    for (const reference* ref : it.references)
      append_reference(out, *ref, repo, links, s.link_references);
    return;
  }
  bool any_closing = false;
  bool any_plain = false;
  for (const reference* ref : it.references) (ref->action.empty() ? any_plain : any_closing) = true;
  if (any_closing) {
    out += ", closes";
    for (const reference* ref : it.references) {
      if (!ref->action.empty()) append_reference(out, *ref, repo, links, s.link_references);
    }
  }
  if (any_plain) {
    out += ", references";
    for (const reference* ref : it.references) {
      if (ref->action.empty()) append_reference(out, *ref, repo, links, s.link_references);
    }
  }
}

inline void append_cliff_bullet(std::string& out, const item& it, const style& s) {
  const entry& e = *it.source;
  out += s.bullet;
  if (s.first_line_only) {
    out += trim(upper_first(it.subject));
    return;
  }
  if (!e.scope.empty() && !it.unconventional) {
    out += "*(";
    out += e.scope;
    out += ")* ";
  }
  if (e.breaking && !it.unconventional) out += "[**breaking**] ";
  out += upper_first(it.subject);
}

inline std::string heading(const release& r, const style& s, const repository& repo) {
  std::string out;
  const std::string tag = r.tag.empty() ? r.version : r.tag;
  if (s.kind != layout::conventional_changelog || s.dashed_date) {
    out += "## [";
    if (r.unreleased) {
      out += s.kind == layout::git_cliff ? "unreleased" : "Unreleased";
      out += "]";
      return out + "\n";
    }
    out += s.strip_v ? strip_v(r.version) : r.version;
    out += ']';
    if (s.link_compare && r.previous_tag) {
      out += '(';
      out += compare_url(repo, *r.previous_tag, tag);
      out += ')';
    }
    if (!r.title.empty()) {
      out += " \"";
      out += r.title;
      out += '"';
    }
    if (!r.date.empty()) {
      out += " - ";
      out += r.date;
    }
    if (r.yanked) out += " [YANKED]";
    return out + "\n";
  }
  out += s.h1_unless_patch && !is_patch(r.version) ? "# " : "## ";
  if (s.link_compare && r.previous_tag) {
    out += '[';
    out += r.version;
    out += "](";
    out += compare_url(repo, *r.previous_tag, tag);
    out += ')';
  } else {
    out += r.version;
  }
  if (!r.title.empty()) {
    out += " \"";
    out += r.title;
    out += '"';
  }
  if (!r.date.empty()) {
    out += " (";
    out += r.date;
    out += ')';
  }
  return out + "\n";
}

}  // namespace detail_impl

// The notes of one release in `s`: a heading and its sections, ending in one '\n'.
[[nodiscard]] inline std::string render(const release& r, const style& s,
                                        const repository& repo = {}) {
  using namespace detail_impl;
  const std::vector<const entry*> entries = effective_entries(r, s);
  const link_cache links(repo);
  const bool cliff = s.git_cliff_bullets;

  std::vector<item> items;
  items.reserve(entries.size());
  std::vector<note_line> notes;
  for (const entry* e : entries) {
    const bool conventional = !e->type.empty() && !(cliff && e->wrapped_header);
    if (s.skip_unconventional && (!conventional || e->merge) && (cliff || !e->revert_target)) {
      continue;
    }
    const rule* hit = nullptr;
    const std::string type = rule_type(*e, s.type_case_insensitive);
    for (const rule& candidate : s.rules) {
      if (rule_matches(candidate, *e, type)) {
        hit = &candidate;
        break;
      }
    }
    const bool has_notes = !s.breaking_title.empty() && !e->breaking_notes.empty();
    if (!s.breaking_title.empty()) {
      for (const std::string& note : e->breaking_notes) {
        notes.push_back({e, link_text(note, repo, links, s, nullptr)});
      }
    }
    item it;
    it.source = e;
    if (hit != nullptr && hit->section.empty()) continue;  // a skip rule
    if (hit == nullptr || hit->hidden) {
      if (!has_notes) continue;
      it.section = hit != nullptr ? hit->section : e->type;
    } else {
      it.section = hit->section;
    }
    if (cliff) {
      if (s.first_line_only || !conventional) {
        const std::string_view first =
            !conventional ? std::string_view(e->header) : std::string_view(e->subject);
        it.subject = std::string(first.substr(0, first.find('\n')));
      } else {
        it.subject = e->subject;
      }
      if (!conventional) it.unconventional = true;
    } else {
      std::vector<std::string> linked;
      if (!e->subject.empty()) {
        it.subject =
            s.link_references ? link_text(e->subject, repo, links, s, &linked) : e->subject;
      }
      for (const reference& ref : e->references) {
        const std::string key = ref.prefix + ref.issue;
        bool in_subject = false;
        for (const std::string& done : linked) in_subject = in_subject || done == key;
        if (!in_subject) it.references.push_back(&ref);
      }
    }
    items.push_back(std::move(it));
  }

  // Order the bullets.
  if (s.sort_entries) {
    std::vector<std::string> keys(items.size());
    std::vector<const std::string*> key_refs(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      keys[i] = relkit::detail::collation_key(items[i].source->scope + items[i].subject);
      key_refs[i] = &keys[i];
    }
    const std::vector<std::size_t> order = sorted_string_indices(key_refs);
    std::vector<item> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
  } else if (s.oldest_first) {
    std::reverse(items.begin(), items.end());
  }
  if (s.merge_duplicates && !items.empty()) {
    // Same section, scope and subject: the first keeps the others' hashes and references.
    const index_less key_less = [](const void* context, std::size_t a, std::size_t b) {
      const auto& list = *static_cast<const std::vector<item>*>(context);
      const item& x = list[a];
      const item& y = list[b];
      if (x.section != y.section) return x.section < y.section;
      if (x.source->scope != y.source->scope) return x.source->scope < y.source->scope;
      return x.subject < y.subject;
    };
    const std::vector<std::size_t> order = sorted_indices(items.size(), key_less, &items);
    std::vector<bool> absorbed(items.size(), false);
    for (std::size_t k = 1, head = order[0]; k < order.size(); ++k) {
      const std::size_t cur = order[k];
      if (key_less(&items, head, cur)) {
        head = cur;
        continue;
      }
      item& first = items[head];
      if (first.also.empty()) first.also.push_back(first.source);
      first.also.push_back(items[cur].source);
      for (const reference* ref : items[cur].references) {
        bool known = false;
        for (const reference* seen : first.references) known = known || *seen == *ref;
        if (!known) first.references.push_back(ref);
      }
      absorbed[cur] = true;
    }
    std::vector<item> merged;
    merged.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!absorbed[i]) merged.push_back(std::move(items[i]));
    }
    items = std::move(merged);
  }

  // Group into sections, in the style's order.
  std::vector<section_block> sections;
  for (item& it : items) {
    std::size_t at = 0;
    while (at < sections.size() && sections[at].title != it.section) ++at;
    if (at == sections.size()) sections.push_back({it.section, {}});
    sections[at].items.push_back(std::move(it));
  }
  {
    struct section_context {
      const style* s;
      const std::vector<section_block>* list;
    } context{&s, &sections};
    const std::vector<std::size_t> order = sorted_indices(
        sections.size(),
        [](const void* raw, std::size_t a, std::size_t b) {
          const auto& ctx = *static_cast<const section_context*>(raw);
          const std::string& ta = (*ctx.list)[a].title;
          const std::string& tb = (*ctx.list)[b].title;
          if (ctx.s->sections_alphabetical) return relkit::detail::collate(ta, tb) < 0;
          const std::size_t ra = section_rank(*ctx.s, ta);
          const std::size_t rb = section_rank(*ctx.s, tb);
          if (ra != rb) return ra < rb;
          return ta < tb;
        },
        &context);
    std::vector<section_block> ordered;
    ordered.reserve(sections.size());
    for (std::size_t i : order) ordered.push_back(std::move(sections[i]));
    sections = std::move(ordered);
  }
  if (s.sort_notes) {
    const std::vector<std::size_t> order = sorted_indices(
        notes.size(),
        [](const void* context, std::size_t a, std::size_t b) {
          const auto& list = *static_cast<const std::vector<note_line>*>(context);
          return relkit::detail::collate(list[a].text, list[b].text) < 0;
        },
        &notes);
    std::vector<note_line> ordered;
    ordered.reserve(notes.size());
    for (std::size_t i : order) ordered.push_back(std::move(notes[i]));
    notes = std::move(ordered);
  }

  std::string out = heading(r, s, repo);
  std::size_t estimate = 0;
  for (const item& it : items) estimate += it.subject.size() + it.source->scope.size() + 160;
  for (const note_line& note : notes) estimate += note.text.size() + 32;
  out.reserve(out.size() + estimate + sections.size() * 32);
  const std::string gap(static_cast<std::size_t>(s.blank_lines < 0 ? 0 : s.blank_lines), '\n');
  auto notes_block = [&] {
    if (notes.empty()) return;
    out += gap;
    out += "### ";
    out += s.breaking_title;
    out += "\n\n";
    for (const note_line& note : notes) {
      out += s.bullet;
      if (!note.source->scope.empty()) {
        out += "**";
        out += note.source->scope;
        out += ":** ";
      }
      out += note.text;
      out += '\n';
    }
  };
  if (!s.breaking_last) notes_block();
  for (const section_block& block : sections) {
    out += gap;
    out += "### ";
    out += block.title;
    out += "\n\n";
    for (const item& it : block.items) {
      if (cliff) {
        append_cliff_bullet(out, it, s);
      } else {
        append_cc_bullet(out, it, repo, links, s);
      }
      out += '\n';
    }
  }
  if (s.breaking_last) notes_block();
  return out;
}

// A whole CHANGELOG.md: the style's title/preamble, the releases newest first
// (as given), link definitions or footer.
[[nodiscard]] inline std::string render_file(const std::vector<release>& newest_first,
                                             const style& s, const repository& repo = {}) {
  std::string out = s.file_header;
  const bool kac = s.link_definitions;
  bool has_unreleased = false;
  for (const release& r : newest_first) has_unreleased = has_unreleased || r.unreleased;
  if (kac && !has_unreleased) out += "## [Unreleased]\n\n";
  bool first = true;
  for (const release& r : newest_first) {
    if (!first) out += '\n';
    first = false;
    out += render(r, s, repo);
  }
  if (kac) {
    out += '\n';
    for (std::size_t i = 0; i < newest_first.size(); ++i) {
      const release& r = newest_first[i];
      const std::string tag = r.tag.empty() ? r.version : r.tag;
      if (i == 0 && !r.unreleased) {
        out += "[unreleased]: " + compare_url(repo, tag, "HEAD") + "\n";
      }
      if (r.unreleased) {
        if (r.previous_tag) {
          out += "[unreleased]: " + compare_url(repo, *r.previous_tag, "HEAD") + "\n";
        }
        continue;
      }
      out += '[';
      out += detail_impl::strip_v(r.version);
      out += "]: ";
      out += r.previous_tag ? compare_url(repo, *r.previous_tag, tag) : tag_url(repo, tag);
      out += '\n';
    }
  }
  if (s.git_cliff_links) {
    std::string links;
    for (const release& r : newest_first) {
      const std::string tag = r.tag.empty() ? r.version : r.tag;
      const std::string base = detail_impl::base_url(repo);
      if (r.unreleased) {
        if (r.previous_tag)
          links += "[unreleased]: " + base + "/compare/" + *r.previous_tag + "..HEAD\n";
      } else if (r.previous_tag) {
        links += "[" + detail_impl::strip_v(r.version) + "]: " + base + "/compare/" +
                 *r.previous_tag + ".." + tag + "\n";
      }
    }
    out += '\n';
    out += links;
  }
  if (!s.file_footer.empty()) {
    out += '\n';
    out += s.file_footer;
  }
  return out;
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/changelog/prepend.hpp"
