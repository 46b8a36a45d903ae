#pragma once
// The machinery of relkit::changelog::render (internal): section and bullet
// building, reference and mention links, the headings of each preset.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/changelog/detail/text.hpp"
#include "relkit/changelog/detail/url.hpp"
#include "relkit/changelog/repository.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/detail/prefix_key.hpp"
#include "relkit/detail/rust_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {

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
[[nodiscard]] inline std::string rule_type(const entry& e, bool case_insensitive) {
  std::string type = case_insensitive ? lower(e.type) : e.type;
  if (e.revert_target) type = "revert";
  return type;
}

[[nodiscard]] inline bool rule_matches(const rule& r, const entry& e, const std::string& type) {
  switch (r.kind) {
    case rule::match::type:
      return type == r.text;
    case rule::match::header_prefix: {
      // git-cliff matches its parsers against the trimmed message: " fix: x" is a fix.
      const std::string_view header = relkit::detail::rust_trim(e.header);
      return header.substr(0, r.text.size()) == r.text;
    }
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

[[nodiscard]] inline url_pattern make_pattern(std::string expanded, std::string_view key) {
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
[[nodiscard]] inline std::string link_text(std::string_view text, const repository& repo,
                                           const link_cache& links, const preset& s,
                                           std::vector<std::string>* linked) {
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
      const std::size_t skip = protected_segment(text, i);
      if (skip > 0) {
        out.append(text.substr(i, skip));
        i += skip;
        continue;
      }
    }
    const char c = text[i];
    if (c == '#' && i + 1 < n) {
      std::size_t k = i + 1;
      while (k < n && (relkit::detail::is_digit(text[k]) ||
                       (!s.issues_digits_only && relkit::detail::is_lower(text[k])))) {
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
    if (c == '@' && (i == 0 || !relkit::detail::is_word_char(text[i - 1])) && i + 1 < n) {
      auto user_char = [](char ch) {
        return relkit::detail::is_lower(ch) || relkit::detail::is_digit(ch) || ch == '/';
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

[[nodiscard]] inline std::string strip_v(std::string_view v) {
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.remove_prefix(1);
  return std::string(v);
}

// semver patch != 0 (angular's isPatch), read from "1.2.3…" or "v1.2.3…".
[[nodiscard]] inline bool is_patch(std::string_view version) {
  const std::string v = strip_v(version);
  const std::size_t a = v.find('.');
  if (a == std::string::npos) return false;
  const std::size_t b = v.find('.', a + 1);
  if (b == std::string::npos) return false;
  std::size_t e = b + 1;
  while (e < v.size() && relkit::detail::is_digit(v[e])) ++e;
  const std::string patch = v.substr(b + 1, e - b - 1);
  return !patch.empty() && patch.find_first_not_of('0') != std::string::npos;
}

[[nodiscard]] inline std::string upper_first(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = relkit::detail::to_upper(out[0]);
  return out;
}

// git-cliff's Tera `trim` filter: Rust's str::trim (Unicode White_Space).
[[nodiscard]] inline std::string trim(std::string_view s) {
  return std::string(relkit::detail::rust_trim(s));
}

// A stable merge sort of indices through a function pointer: one instantiation for
// every sort here (std::stable_sort per lambda would weigh on compile time).
using index_less = bool (*)(const void* context, std::size_t a, std::size_t b);
[[nodiscard]] inline std::vector<std::size_t> sorted_indices(std::size_t n, index_less less,
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
[[nodiscard]] inline std::vector<std::size_t> sorted_string_indices(
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
[[nodiscard]] inline std::vector<const entry*> effective_entries(const release& r,
                                                                 const preset& s) {
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

[[nodiscard]] inline std::size_t section_rank(const preset& s, std::string_view title) {
  std::size_t rank = 0;
  while (rank < s.section_order.size() && s.section_order[rank] != title) ++rank;
  return rank;
}

struct note_line {
  const entry* source;
  std::string text;        // linked (issue references, @mentions)
  const std::string* raw;  // the note as the commit wrote it
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
                               const preset& s) {
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
                             const link_cache& links, const preset& s) {
  const entry& e = *it.source;
  out += s.bullet;
  std::string_view text = it.subject.empty() ? std::string_view(e.header) : it.subject;
  // conventional-changelog-writer 9 trims each word and drops the empty ones.
  if (s.trim_subject) text = relkit::detail::js_trim(text);
  const bool dropped = s.trim_subject && text.empty();
  if (!e.scope.empty()) {
    out += "**";
    out += e.scope;
    out += dropped ? ":**" : ":** ";
  }
  out += text;
  if (!e.hash.empty() && s.show_hashes) {
    if (!dropped || !e.scope.empty()) out += ' ';
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

inline void append_cliff_bullet(std::string& out, const item& it, const preset& s) {
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

[[nodiscard]] inline std::string heading(const release& r, const preset& s,
                                         const repository& repo) {
  std::string out;
  const std::string tag = r.tag.empty() ? r.version : r.tag;
  if (s.kind != layout::conventional_changelog || s.dashed_date) {
    out += "## [";
    if (r.unreleased) {
      out += s.unreleased_name;
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

// A release's bullets in their sections (in display order) and its breaking notes.
struct laid_out {
  std::vector<section_block> sections;
  std::vector<note_line> notes;
};

// Which entries a release shows, in which section, in what order: everything of
// render_release but the writing.
[[nodiscard]] inline laid_out lay_out(const release& r, const preset& s, const repository& repo,
                                      const link_cache& links) {
  const std::vector<const entry*> entries = effective_entries(r, s);
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
        notes.push_back({e, link_text(note, repo, links, s, nullptr), &note});
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
      keys[i] = collation_key(items[i].source->scope + items[i].subject);
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

  // Group into sections, in the preset's order.
  std::vector<section_block> sections;
  for (item& it : items) {
    std::size_t at = 0;
    while (at < sections.size() && sections[at].title != it.section) ++at;
    if (at == sections.size()) sections.push_back({it.section, {}});
    sections[at].items.push_back(std::move(it));
  }
  {
    struct section_context {
      const preset* s;
      const std::vector<section_block>* list;
    } context{&s, &sections};
    const std::vector<std::size_t> order = sorted_indices(
        sections.size(),
        [](const void* raw, std::size_t a, std::size_t b) {
          const auto& ctx = *static_cast<const section_context*>(raw);
          const std::string& ta = (*ctx.list)[a].title;
          const std::string& tb = (*ctx.list)[b].title;
          if (ctx.s->sections_alphabetical) return collate(ta, tb) < 0;
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
          return collate(list[a].text, list[b].text) < 0;
        },
        &notes);
    std::vector<note_line> ordered;
    ordered.reserve(notes.size());
    for (std::size_t i : order) ordered.push_back(std::move(notes[i]));
    notes = std::move(ordered);
  }

  return laid_out{std::move(sections), std::move(notes)};
}

// The body of changelog::render(release, preset, repository).
[[nodiscard]] inline std::string render_release(const release& r, const preset& s,
                                                const repository& repo) {
  const link_cache links(repo);
  const bool cliff = s.git_cliff_bullets;
  laid_out parts = lay_out(r, s, repo, links);
  const std::vector<section_block>& sections = parts.sections;
  const std::vector<note_line>& notes = parts.notes;
  std::string out = heading(r, s, repo);
  std::size_t estimate = 0;
  for (const section_block& block : sections) {
    for (const item& it : block.items)
      estimate += it.subject.size() + it.source->scope.size() + 160;
  }
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

}  // namespace detail
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
