#pragma once
// relkit::commits: Conventional Commits 1.0.0 messages parsed exactly, or as
// conventional-commits-parser 7.1.4 parses them (conventionalcommits preset);
// commitlint's config-conventional rules; the version bump a range of commits
// implies and the next version, with the commit and the rule that decided.
//
// Parsing is one forward pass over the message: time linear in its length,
// whatever the bytes (a megabyte of '#' or '(' included). Text values are views
// into the message passed to parse(), or into `commit::owned_text` when the
// parser had to join lines the message does not hold contiguously (CRLF line
// ends, dropped `gpg:` lines). Keep the message alive while you use a commit.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/commits_text.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

enum class errc {
  empty_message = 1,  // nothing but whitespace: no commit at all
  message_too_long,   // over options::max_length
  bad_log_record,     // read_git_log: a record that is not `%H 0x1f %P 0x1f %B`
  bad_version,        // next_version: the current version is not SemVer
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::empty_message:
      return "empty_message";
    case errc::message_too_long:
      return "message_too_long";
    case errc::bad_log_record:
      return "bad_log_record";
    case errc::bad_version:
      return "bad_version";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"commits", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// Which grammar parse() follows.
enum class dialect : std::uint8_t {
  // Conventional Commits 1.0.0, its 16 rules and nothing else (the default).
  spec,
  // conventional-commits-parser 7.1.4 with conventional-changelog-conventionalcommits
  // 10.4.1's options: greedy scope, `\w*` type, case-insensitive BREAKING CHANGE note
  // on any line after the header, git-trailer footer start, `""` vs absent body.
  conventional_changelog,
  // What @semantic-release/commit-analyzer 13.0.1 sees with preset "conventionalcommits":
  // its nested parser 6.4.0 also takes ` breaking change for x` (no colon, indented) as a
  // note. Exact for type, scope, subject, breaking and revert (what a bump reads).
  semantic_release_conventionalcommits,
  // commit-analyzer's default preset (conventional-changelog-angular 8.3.1, parser
  // 6.4.0): no `!`, only `BREAKING CHANGE`, reverts need a 7-40 character hash.
  semantic_release_angular,
};

struct options {
  dialect grammar = dialect::spec;
  // Longer messages are an error (errc::message_too_long), not a slow parse.
  std::size_t max_length = std::size_t{64} << 20;
  // Compatible dialects: a `-name-` line starts the parser's meta fields (fieldPattern),
  // which take every later line away from body, footer and notes. commitlint sets it off.
  bool meta_fields = true;
};

// A BREAKING CHANGE note: the footer (or the `!` header) that breaks compatibility.
struct note {
  std::string_view title;  // as written: "BREAKING CHANGE", "BREAKING-CHANGE", "breaking change"
  std::string_view text;   // the description; multi-line values joined by '\n'
  friend bool operator==(const note& a, const note& b) {
    return a.title == b.title && a.text == b.text;
  }
  friend bool operator!=(const note& a, const note& b) { return !(a == b); }
};

// A git-trailer footer: `Token: value` or `Token #value`.
struct footer {
  std::string_view token;      // "Reviewed-by", "BREAKING CHANGE", "Refs"
  std::string_view separator;  // ": " or " #"
  std::string_view value;      // to the next footer token; lines joined by '\n'
  friend bool operator==(const footer& a, const footer& b) {
    return a.token == b.token && a.separator == b.separator && a.value == b.value;
  }
  friend bool operator!=(const footer& a, const footer& b) { return !(a == b); }
};

// An issue reference: `#12`, `owner/repo#1`, `Closes #12, #13`.
struct reference {
  std::string_view raw;     // the parser's raw match (from the end of the previous one)
  std::string_view action;  // "Closes", "fixes", …; empty: a reference without an action
  std::optional<std::string_view> owner;  // `owner` of owner/repo#1
  std::string_view repository;            // `repo` of owner/repo#1, `repo` of repo#1
  std::string_view prefix;                // "#"
  std::string_view issue;                 // "12"
  friend bool operator==(const reference& a, const reference& b) {
    return a.raw == b.raw && a.action == b.action && a.owner == b.owner &&
           a.repository == b.repository && a.prefix == b.prefix && a.issue == b.issue;
  }
  friend bool operator!=(const reference& a, const reference& b) { return !(a == b); }
};

// `Revert "<header>"` + `This reverts commit <hash>.`, or `revert: <header>` + the same.
struct revert {
  std::string_view header;
  std::string_view hash;  // may be empty (`This reverts commit .`)
  friend bool operator==(const revert& a, const revert& b) {
    return a.header == b.header && a.hash == b.hash;
  }
  friend bool operator!=(const revert& a, const revert& b) { return !(a == b); }
};

struct commit {
  // False: the header is not `type(scope)!: description`; `reason` says why and
  // `reason_position` is the byte offset in the message where it stopped matching.
  bool conventional = false;
  std::string_view reason;
  std::size_t reason_position = 0;

  std::string_view header;               // the first line
  std::string_view type;                 // as written ("feat", "Feat"); empty when not conventional
  std::string_view scope;                // empty when absent
  bool exclamation = false;              // `feat!:` / `feat(x)!:`
  std::string_view description;          // the subject after ": "
  std::optional<std::string_view> body;  // absent vs "" as the parser tells them apart
  std::optional<std::string_view> footer;  // the footer section, as one text
  std::vector<struct footer> footers;      // the git trailers of the footer section
  std::vector<note> notes;                 // BREAKING CHANGE notes (the `!` one included)
  bool breaking = false;                   // a breaking note or `!`
  std::vector<reference> references;
  std::vector<std::string_view> mentions;  // `@name` anywhere, without the '@'
  std::optional<struct revert> revert;
  bool merge = false;  // `Merge pull request …`, `Merge branch …`, `Merge remote-tracking …`
  // Backing store for values the message does not hold contiguously (shared,
  // immutable: copies of a commit stay valid). Null when every value is a view.
  std::shared_ptr<const std::string> owned_text;

  friend bool operator==(const commit& a, const commit& b) {
    return a.conventional == b.conventional && a.reason == b.reason &&
           a.reason_position == b.reason_position && a.header == b.header && a.type == b.type &&
           a.scope == b.scope && a.exclamation == b.exclamation && a.description == b.description &&
           a.body == b.body && a.footer == b.footer && a.footers == b.footers &&
           a.notes == b.notes && a.breaking == b.breaking && a.references == b.references &&
           a.mentions == b.mentions && a.revert == b.revert && a.merge == b.merge;
  }
  friend bool operator!=(const commit& a, const commit& b) { return !(a == b); }
};

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/commits_parse.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// Parses one commit message. An error only for a message with nothing but
// whitespace (errc::empty_message; conventional-commits-parser throws there) or
// one over options::max_length; anything else is a commit, conventional or not.
[[nodiscard]] inline result<commit> parse(std::string_view message, const options& opts = {}) {
  if (message.size() > opts.max_length) {
    return relkit::error{errc::message_too_long, opts.max_length,
                         "message longer than " + std::to_string(opts.max_length) + " bytes at " +
                             std::to_string(opts.max_length)};
  }
  if (detail::is_js_blank(message)) {
    return relkit::error{errc::empty_message, 0, "empty commit message at 0"};
  }
  commit out;
  detail::commit_parser parser(message, out);
  if (opts.grammar == dialect::spec) {
    parser.parse_spec();
  } else {
    parser.parse_compatible(opts.grammar, opts.meta_fields);
  }
  return out;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/commits_bump.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// The header of a commit, rebuilt: `type(scope)!: description`.
[[nodiscard]] inline std::string to_string(const commit& c) {
  if (!c.conventional) return std::string(c.header);
  std::string text(c.type);
  if (!c.scope.empty()) {
    text += '(';
    text += c.scope;
    text += ')';
  }
  if (c.exclamation) text += '!';
  text += ": ";
  text += c.description;
  return text;
}

// What a rule says about one parsed commit (no rule: bump::none).
[[nodiscard]] inline bool matches(const rule& r, const commit& c) {
  if (r.breaking && !c.breaking) return false;
  if (r.revert && !c.revert) return false;
  if (r.any_conventional && !c.conventional) return false;
  if (!r.types.empty()) {
    bool found = false;
    for (const std::string& t : r.types) {
      if (r.ignore_case ? detail::iequals_ascii(t, c.type) : std::string_view(t) == c.type) {
        found = true;
        break;
      }
    }
    if (!found || c.type.empty()) return false;
  }
  if (!r.scope.empty() && c.scope != r.scope) return false;
  return r.breaking || r.revert || r.any_conventional || r.any_commit || !r.types.empty() ||
         !r.scope.empty();
}

namespace detail_bump {

inline std::string_view trim_js(std::string_view s) {
  std::size_t b = detail::skip_js_spaces(s, 0);
  std::size_t e = s.size();
  // Trailing ASCII whitespace (what String.prototype.trim leaves around headers in practice).
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return s.substr(b, e - b);
}

struct item {
  std::size_t index;
  commit parsed;
  bool dropped = false;
};

// Lines after a squash commit's header that are conventional headers after a blank line
// (release-please's splitting), each with the lines that follow it.
inline std::vector<std::string_view> squash_parts(std::string_view body) {
  std::vector<std::string_view> parts;
  std::size_t start = std::string_view::npos;
  bool after_blank = true;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view line = body.substr(pos, nl - pos);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (after_blank && !blank) {
      const auto head = parse(line);
      if (head && head->conventional) {
        if (start != std::string_view::npos) parts.push_back(body.substr(start, pos - 1 - start));
        start = pos;
      }
    }
    after_blank = blank;
    pos = nl + 1;
  }
  if (start != std::string_view::npos) parts.push_back(body.substr(start));
  return parts;
}

}  // namespace detail_bump

// The bump a range of commits (newest first, as `git log` lists them) implies under
// `p`, and the commit and rule that decided it. `initial` says the current version is
// 0.y.z (`zero_zero`: 0.0.z), where the policy's initial-development rules apply.
[[nodiscard]] inline decision decide(const std::vector<log_entry>& range, const policy& p,
                                     bool initial = false, bool zero_zero = false) {
  decision out;
  std::vector<detail_bump::item> items;
  items.reserve(range.size());
  for (std::size_t i = 0; i < range.size(); ++i) {
    if (p.skip_merges && range[i].parent_count > 1) {
      ++out.skipped;
      continue;
    }
    auto parsed = parse(range[i].message, options{p.grammar});
    if (!parsed) {
      ++out.skipped;
      continue;
    }
    if (p.split_squash_bodies) {
      const std::string_view message = range[i].message;
      const std::size_t nl = message.find('\n');
      const std::string_view rest =
          nl == std::string_view::npos ? std::string_view() : message.substr(nl + 1);
      for (std::string_view part : detail_bump::squash_parts(rest)) {
        auto extra = parse(part, options{p.grammar});
        if (extra) items.push_back(detail_bump::item{i, std::move(*extra)});
      }
    }
    items.push_back(detail_bump::item{i, std::move(*parsed)});
  }
  if (p.reverts == revert_matching::newer_full_hash) {
    // conventional-commits-filter: a revert is held until an older commit matches it.
    std::vector<std::size_t> held;
    for (std::size_t k = 0; k < items.size(); ++k) {
      const commit& c = items[k].parsed;
      bool matched = false;
      for (std::size_t h = 0; h < held.size(); ++h) {
        const revert& r = *items[held[h]].parsed.revert;
        if (detail_bump::trim_js(r.header) == detail_bump::trim_js(c.header) &&
            r.hash == range[items[k].index].sha) {
          items[k].dropped = true;
          items[held[h]].dropped = true;
          held.erase(held.begin() + static_cast<std::ptrdiff_t>(h));
          matched = true;
          break;
        }
      }
      if (!matched && c.revert) held.push_back(k);
    }
  } else if (p.reverts == revert_matching::hash_prefix_any_order) {
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].dropped || !items[k].parsed.revert) continue;
      const revert& r = *items[k].parsed.revert;
      if (r.hash.size() < 7) continue;
      for (std::size_t t = 0; t < items.size(); ++t) {
        if (t == k || items[t].dropped) continue;
        const std::string_view sha = range[items[t].index].sha;
        if (sha.size() >= r.hash.size() &&
            detail::iequals_ascii(sha.substr(0, r.hash.size()), r.hash) &&
            detail_bump::trim_js(items[t].parsed.header) == detail_bump::trim_js(r.header)) {
          items[k].dropped = true;
          items[t].dropped = true;
          break;
        }
      }
    }
  }
  for (const detail_bump::item& it : items) {
    if (it.dropped) {
      ++out.cancelled;
      continue;
    }
    for (const rule& r : p.rules) {
      if (initial && r.breaking && p.zero_major == initial_development::ignore_breaking) continue;
      if (!matches(r, it.parsed)) continue;
      if (r.level > out.level) {
        out.level = r.level;
        out.commit_index = it.index;
        out.sha = range[it.index].sha;
        out.rule = r.name;
      }
      break;
    }
  }
  bump adjusted = out.level;
  std::string note;
  if (initial && adjusted != bump::none) {
    if (zero_zero && p.zero_zero_patch) {
      adjusted = bump::patch;
    } else if (p.zero_major == initial_development::lower_one_level && adjusted != bump::patch) {
      adjusted = adjusted == bump::major ? bump::minor : bump::patch;
    } else if (p.zero_major == initial_development::breaking_is_minor && adjusted == bump::major) {
      adjusted = bump::minor;
    }
    if (adjusted != out.level) note = " (0.x: " + std::string(to_string(out.level)) + " lowered)";
  }
  out.level = adjusted;
  if (out.level == bump::none) {
    out.reason = "none: no commit matched a rule of " + p.name;
  } else {
    const std::string_view header = items.empty() ? std::string_view() : [&] {
      for (const auto& it : items) {
        if (it.index == out.commit_index) return it.parsed.header;
      }
      return std::string_view();
    }();
    out.reason = std::string(to_string(out.level)) + ": '" + std::string(header) + "' (" +
                 std::string(out.sha.substr(0, 7)) + ") matched " + out.rule + note;
  }
  return out;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/commits_lint.hpp"
