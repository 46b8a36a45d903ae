#pragma once
// relkit::semver ranges: the npm range grammar as node-semver 7.8.6 reads it.
// Included by relkit/semver.hpp.
//
// Parsing follows node-semver's desugaring pipeline step for step (strip
// build, hyphen ranges, operator whitespace, `~`/`^` whitespace, then per
// comparator carets, tildes, x-ranges, stars, `>=0.0.0`), with hand-written
// anchored matchers in place of its regular expressions: no regex, no
// recursion, linear in the input. The parsed range is a list of comparator
// sets; matching a parsed range does not allocate.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/operations.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

enum class comparator_op : unsigned char { any, eq, lt, le, gt, ge };

struct comparator {
  comparator_op op = comparator_op::any;
  version operand;  // unused for `any`
};

struct range_options {
  bool loose = false;               // node-semver {loose: true}
  bool include_prerelease = false;  // node-semver {includePrerelease: true}
};

// Comparator sets joined by `||`; a version matches if every comparator of
// some set matches it (and npm's prerelease rule allows it).
struct range {
  std::vector<std::vector<comparator>> sets;
  range_options options;
};

inline std::string_view to_string(comparator_op op) noexcept {
  switch (op) {
    case comparator_op::any:
    case comparator_op::eq:
      return "";
    case comparator_op::lt:
      return "<";
    case comparator_op::le:
      return "<=";
    case comparator_op::gt:
      return ">";
    case comparator_op::ge:
      return ">=";
  }
  return "";
}

// node-semver Comparator.value: "" for any, else operator and version (no build).
inline std::string to_string(const comparator& c) {
  if (c.op == comparator_op::any) return std::string();
  std::string out(to_string(c.op));
  out += to_npm_string(c.operand);
  return out;
}

// node-semver `validRange`: the normalised range, "*" for any version.
inline std::string to_string(const range& r) {
  std::string out;
  for (std::size_t i = 0; i < r.sets.size(); ++i) {
    if (i > 0) out += "||";
    bool first = true;
    for (const auto& c : r.sets[i]) {
      if (!first) out += ' ';
      first = false;
      out += to_string(c);
    }
  }
  if (out.empty()) out = "*";
  return out;
}

inline bool test(const comparator& c, const version& v) noexcept {
  if (c.op == comparator_op::any) return true;
  const int k = compare(v, c.operand);
  switch (c.op) {
    case comparator_op::any:
      return true;
    case comparator_op::eq:
      return k == 0;
    case comparator_op::lt:
      return k < 0;
    case comparator_op::le:
      return k <= 0;
    case comparator_op::gt:
      return k > 0;
    case comparator_op::ge:
      return k >= 0;
  }
  return false;
}

// One comparator set, with npm's prerelease rule: a prerelease version
// matches only if some comparator of the set names a prerelease of the same
// major.minor.patch (unless include_prerelease).
inline bool test_set(const std::vector<comparator>& set, const version& v,
                     bool include_prerelease) noexcept {
  for (const auto& c : set)
    if (!test(c, v)) return false;
  if (v.prerelease.empty() || include_prerelease) return true;
  for (const auto& c : set) {
    if (c.op == comparator_op::any || c.operand.prerelease.empty()) continue;
    if (c.operand.major == v.major && c.operand.minor == v.minor && c.operand.patch == v.patch) {
      return true;
    }
  }
  return false;
}

inline bool satisfies(const version& v, const range& r) noexcept {
  for (const auto& set : r.sets)
    if (test_set(set, v, r.options.include_prerelease)) return true;
  return false;
}

namespace detail_semver {

inline bool is_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_x(std::string_view id) noexcept {
  return id.empty() || id == "x" || id == "X" || id == "*";
}
inline char at(std::string_view s, std::size_t i) noexcept {
  return i < s.size() ? s[i] : '\0';
}

// JavaScript `s.split(/\s+/)` on text whose whitespace is single spaces
// (also `s.split(' ')` then): empty pieces kept, as JavaScript keeps them.
inline std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  for (;;) {
    const std::size_t sp = s.find(' ', i);
    if (sp == std::string_view::npos) {
      out.emplace_back(s.substr(i));
      return out;
    }
    out.emplace_back(s.substr(i, sp - i));
    i = sp + 1;
    while (i < s.size() && s[i] == ' ') ++i;
  }
}

inline std::string join_spaces(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ' ';
    out += parts[i];
  }
  return out;
}

inline std::string_view trim_spaces(std::string_view s) noexcept {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Decimal text plus one (node-semver's `+M + 1`; exact for every value the
// npm modes accept).
inline std::string plus_one(std::string_view digits) {
  return increment_decimal(digits);
}

// The parts of node-semver's XRANGEPLAIN: [v=\s]* M(.m(.p(-pre)?(+build)?)?)?
struct xparts {
  std::string_view major, minor, patch, pre;
};

// Matches `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*` to exactly `end`; strict
// numeric ids without leading zeros.
inline bool whole_identifiers(std::string_view s, std::size_t i, std::size_t end,
                              bool numeric_rule) noexcept {
  for (;;) {
    const std::size_t start = i;
    while (i < end && is_ident_char(s[i])) ++i;
    if (i == start) return false;
    const std::string_view id = s.substr(start, i - start);
    if (numeric_rule && all_digits(id) && id.size() > 1 && id.front() == '0') return false;
    if (i == end) return true;
    if (s[i] != '.') return false;
    ++i;
  }
}

// Prerelease (strict `-ids`, loose `-?ids`) and build from `i` to the end of
// `s`; sets `pre`.
inline bool match_pre_build(std::string_view s, std::size_t i, bool loose,
                            std::string_view& pre) noexcept {
  pre = {};
  if (i == s.size()) return true;
  std::size_t plus = s.find('+', i);
  if (plus == std::string_view::npos) plus = s.size();
  if (plus < s.size() && !whole_identifiers(s, plus + 1, s.size(), false)) return false;
  if (plus == i) return true;
  std::size_t b = i;
  if (s[i] == '-') {
    if (loose && (i + 1 == plus || !is_ident_char(s[i + 1]))) {
      b = i;  // a lone hyphen is the identifier
    } else {
      b = i + 1;
    }
  } else if (!loose) {
    return false;
  }
  if (!whole_identifiers(s, b, plus, !loose)) return false;
  pre = s.substr(b, plus - b);
  return true;
}

inline std::size_t xid_end(std::string_view s, std::size_t i, bool loose) noexcept {
  const char c = at(s, i);
  if (c == 'x' || c == 'X' || c == '*') return i + 1;
  if (!is_digit(c)) return i;
  if (!loose && c == '0') return i + 1;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// node-semver XRANGEPLAIN(LOOSE), anchored at both ends of `s`.
inline bool match_xrange_plain(std::string_view s, bool loose, xparts& out) noexcept {
  out = {};
  std::size_t i = 0;
  while (i < s.size() && (s[i] == 'v' || s[i] == '=' || s[i] == ' ')) ++i;
  std::size_t e = xid_end(s, i, loose);
  if (e == i) return false;
  out.major = s.substr(i, e - i);
  if (e == s.size()) return true;
  if (s[e] != '.') return false;
  i = e + 1;
  e = xid_end(s, i, loose);
  if (e == i) return false;
  out.minor = s.substr(i, e - i);
  if (e == s.size()) return true;
  if (s[e] != '.') return false;
  i = e + 1;
  e = xid_end(s, i, loose);
  if (e == i) return false;
  out.patch = s.substr(i, e - i);
  if (match_pre_build(s, e, loose, out.pre)) return true;
  // Loose: `\d+` gives back its last digit to `-?ids` ("1.2.34.5" is 1.2.3-4.5).
  if (loose && e - i >= 2 && is_digit(s[e - 1])) {
    if (match_pre_build(s, e - 1, true, out.pre)) {
      out.patch = s.substr(i, e - 1 - i);
      return true;
    }
  }
  return false;
}

// ---- the string pipeline of node-semver's Range.parseRange ----

// BUILDSTRIPRE (global) or BUILD (first match only): `\+ids` removed.
inline std::string strip_build(std::string_view s, bool global) {
  std::string out;
  std::size_t i = 0;
  bool done = false;
  while (i < s.size()) {
    if (!done && s[i] == '+' && i + 1 < s.size() && is_ident_char(s[i + 1])) {
      std::size_t k = i + 1;
      for (;;) {
        while (k < s.size() && is_ident_char(s[k])) ++k;
        if (k + 1 < s.size() && s[k] == '.' && is_ident_char(s[k + 1])) {
          ++k;
          continue;
        }
        break;
      }
      i = k;
      if (!global) done = true;
      continue;
    }
    out += s[i];
    ++i;
  }
  return out;
}

inline std::string hyphen_replace(const xparts& from_p, std::string_view from_text,
                                  const xparts& to_p, std::string_view to_text, bool inc_pr) {
  std::string from;
  const std::string z = inc_pr ? "-0" : "";
  if (is_x(from_p.major)) {
    from = "";
  } else if (is_x(from_p.minor)) {
    from = ">=" + std::string(from_p.major) + ".0.0" + z;
  } else if (is_x(from_p.patch)) {
    from = ">=" + std::string(from_p.major) + "." + std::string(from_p.minor) + ".0" + z;
  } else if (!from_p.pre.empty()) {
    from = ">=" + std::string(from_text);
  } else {
    from = ">=" + std::string(from_text) + z;
  }
  std::string to;
  if (is_x(to_p.major)) {
    to = "";
  } else if (is_x(to_p.minor)) {
    to = "<" + plus_one(to_p.major) + ".0.0-0";
  } else if (is_x(to_p.patch)) {
    to = "<" + std::string(to_p.major) + "." + plus_one(to_p.minor) + ".0-0";
  } else if (!to_p.pre.empty()) {
    to = "<=" + std::string(to_p.major) + "." + std::string(to_p.minor) + "." +
         std::string(to_p.patch) + "-" + std::string(to_p.pre);
  } else if (inc_pr) {
    to = "<" + std::string(to_p.major) + "." + std::string(to_p.minor) + "." +
         plus_one(to_p.patch) + "-0";
  } else {
    to = "<=" + std::string(to_text);
  }
  return std::string(trim_spaces(from + " " + to));
}

// HYPHENRANGE(LOOSE): the whole comparator set is `a - b`. The left version
// has spaces only in its `[v=\s]*` prefix, so the first space after that
// prefix is the only place the ` - ` can be: one attempt, linear.
inline std::optional<std::string> try_hyphen(std::string_view s, const range_options& o) {
  std::size_t p = 0;
  while (p < s.size() && (s[p] == 'v' || s[p] == '=' || s[p] == ' ')) ++p;
  const std::size_t dash = s.find(' ', p);
  if (dash == std::string_view::npos || s.substr(dash, 3) != " - ") return std::nullopt;
  const std::string_view left = s.substr(0, dash);
  const std::string_view right = s.substr(dash + 3);
  xparts lp;
  xparts rp;
  if (!match_xrange_plain(left, o.loose, lp) || !match_xrange_plain(right, o.loose, rp)) {
    return std::nullopt;
  }
  return hyphen_replace(lp, left, rp, right, o.include_prerelease);
}

// ---- trimComparatorWhitespace (node-semver 7.8.6), ported as written ----
inline bool tcw_prefix(char c) noexcept {
  return c == 'v' || c == '=' || c == ' ';
}
inline bool tcw_start(char c) noexcept {
  return is_digit(c) || c == 'x' || c == 'X' || c == '*';
}
inline std::size_t tcw_digits_end(std::string_view r, std::size_t i) noexcept {
  while (i < r.size() && is_digit(r[i])) ++i;
  return i;
}
inline std::size_t tcw_number_end(std::string_view r, std::size_t i, bool loose) noexcept {
  if (!loose && at(r, i) == '0') return i + 1;
  return tcw_digits_end(r, i);
}
inline std::size_t tcw_pre_id_end(std::string_view r, std::size_t i, bool loose) noexcept {
  const std::size_t d = tcw_digits_end(r, i);
  if (is_letter(at(r, d)) || at(r, d) == '-') {
    std::size_t e = d + 1;
    while (e < r.size() && is_ident_char(r[e])) ++e;
    return e;
  }
  return tcw_number_end(r, i, loose);
}
inline std::size_t tcw_pre_end(std::string_view r, std::size_t start, bool loose) noexcept {
  const bool hyphen = at(r, start) == '-';
  if (!loose && !hyphen) return start;
  const std::size_t id_start = start + (hyphen ? 1 : 0);
  std::size_t e = tcw_pre_id_end(r, id_start, loose);
  if (e == id_start) {
    if (!loose || !hyphen) return start;
    e = tcw_pre_id_end(r, start, loose);
  }
  while (at(r, e) == '.') {
    const std::size_t next = tcw_pre_id_end(r, e + 1, loose);
    if (next == e + 1) break;
    e = next;
  }
  return e;
}
inline std::size_t tcw_build_end(std::string_view r, std::size_t start) noexcept {
  if (at(r, start) != '+') return start;
  std::size_t e = start + 1;
  while (e < r.size() && is_ident_char(r[e])) ++e;
  if (e == start + 1) return start;
  while (at(r, e) == '.') {
    std::size_t next = e + 1;
    while (next < r.size() && is_ident_char(r[next])) ++next;
    if (next == e + 1) break;
    e = next;
  }
  return e;
}
inline std::size_t tcw_full_end(std::string_view r, std::size_t start) noexcept {
  std::size_t e = start;
  for (int component = 0; component < 3; ++component) {
    const std::size_t next = tcw_number_end(r, e, true);
    if (next == e) return start;
    e = next;
    if (component < 2) {
      if (at(r, e) != '.') return start;
      ++e;
    }
  }
  return tcw_build_end(r, tcw_pre_end(r, e, true));
}
inline std::size_t tcw_partial_component_end(std::string_view r, std::size_t i) noexcept {
  if (is_digit(at(r, i))) return tcw_number_end(r, i, false);
  return tcw_start(at(r, i)) ? i + 1 : i;
}
inline std::size_t tcw_partial_end(std::string_view r, std::size_t start) noexcept {
  std::size_t e = tcw_partial_component_end(r, start);
  for (int component = 0; component < 2; ++component) {
    if (at(r, e) != '.') return e;
    const std::size_t next = tcw_partial_component_end(r, e + 1);
    if (next == e + 1) return e;
    e = next;
  }
  return tcw_build_end(r, tcw_pre_end(r, e, false));
}
inline std::size_t tcw_version_end(std::string_view r, std::size_t start) noexcept {
  const std::size_t full = tcw_full_end(r, start);
  return full != start ? full : tcw_partial_end(r, start);
}
inline std::string trim_comparator_whitespace(std::string_view r) {
  std::string out;
  std::size_t copy_from = 0;
  std::size_t cursor = 0;
  while (cursor < r.size()) {
    const std::size_t match_start = cursor;
    if (r[cursor] == '<' || r[cursor] == '>') {
      ++cursor;
    } else if (!tcw_prefix(r[cursor]) && !tcw_start(r[cursor])) {
      ++cursor;
      continue;
    }
    while (cursor < r.size() && tcw_prefix(r[cursor])) ++cursor;
    if (!tcw_start(at(r, cursor))) continue;
    std::size_t pos = match_start;
    if (at(r, pos) == ' ') ++pos;
    if (at(r, pos) == '<' || at(r, pos) == '>') ++pos;
    if (at(r, pos) == '=') ++pos;
    if (at(r, pos) == ' ') {
      out.append(r.substr(copy_from, pos - copy_from));
      copy_from = pos + 1;
    }
    cursor = tcw_version_end(r, cursor);
  }
  out.append(r.substr(copy_from));
  return out;
}

// TILDETRIM `(\s?)~>?\s` -> `$1~` and CARETTRIM `(\s?)\^\s` -> `$1^`, global.
inline std::string trim_after(std::string_view s, char sigil) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == sigil) {
      std::size_t k = i + 1;
      if (sigil == '~' && at(s, k) == '>') ++k;
      if (at(s, k) == ' ') {
        out += sigil;
        i = k + 1;
        continue;
      }
    }
    out += s[i];
    ++i;
  }
  return out;
}

inline std::string replace_caret(const std::string& comp, const range_options& o) {
  if (comp.empty() || comp[0] != '^') return comp;
  xparts x;
  if (!match_xrange_plain(std::string_view(comp).substr(1), o.loose, x)) return comp;
  const std::string z = o.include_prerelease ? "-0" : "";
  const std::string M(x.major), m(x.minor), p(x.patch), pr(x.pre);
  if (is_x(x.major)) return "";
  if (is_x(x.minor)) return ">=" + M + ".0.0" + z + " <" + plus_one(M) + ".0.0-0";
  if (is_x(x.patch)) {
    if (M == "0") return ">=" + M + "." + m + ".0" + z + " <" + M + "." + plus_one(m) + ".0-0";
    return ">=" + M + "." + m + ".0" + z + " <" + plus_one(M) + ".0.0-0";
  }
  const std::string low = ">=" + M + "." + m + "." + p + (pr.empty() ? "" : "-" + pr);
  if (M == "0") {
    if (m == "0") return low + " <" + M + "." + m + "." + plus_one(p) + "-0";
    return low + " <" + M + "." + plus_one(m) + ".0-0";
  }
  return low + " <" + plus_one(M) + ".0.0-0";
}

inline std::string replace_tilde(const std::string& comp, const range_options& o) {
  if (comp.empty() || comp[0] != '~') return comp;
  std::string_view rest = std::string_view(comp).substr(1);
  if (!rest.empty() && rest[0] == '>') rest.remove_prefix(1);
  xparts x;
  if (!match_xrange_plain(rest, o.loose, x)) {
    // `~>?` is optional-greedy; without the '>' the rest starts with '>'
    // and cannot match either.
    return comp;
  }
  const std::string z = o.include_prerelease ? "-0" : "";
  const std::string M(x.major), m(x.minor), p(x.patch), pr(x.pre);
  if (is_x(x.major)) return "";
  if (is_x(x.minor)) return ">=" + M + ".0.0" + z + " <" + plus_one(M) + ".0.0-0";
  if (is_x(x.patch)) return ">=" + M + "." + m + ".0" + z + " <" + M + "." + plus_one(m) + ".0-0";
  if (!pr.empty())
    return ">=" + M + "." + m + "." + p + "-" + pr + " <" + M + "." + plus_one(m) + ".0-0";
  return ">=" + M + "." + m + "." + p + " <" + M + "." + plus_one(m) + ".0-0";
}

inline std::string replace_xrange(std::string_view token, const range_options& o) {
  const std::string_view comp = trim_spaces(token);
  std::size_t i = 0;
  if (at(comp, i) == '<' || at(comp, i) == '>') ++i;
  if (at(comp, i) == '=') ++i;
  std::string gtlt(comp.substr(0, i));
  std::string_view rest = comp.substr(i);
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  xparts x;
  if (!match_xrange_plain(rest, o.loose, x)) return std::string(comp);
  if ((is_x(x.major) && !is_x(x.minor)) || (is_x(x.minor) && !x.patch.empty() && !is_x(x.patch))) {
    return std::string(comp);
  }
  const bool xM = is_x(x.major);
  const bool xm = xM || is_x(x.minor);
  const bool xp = xm || is_x(x.patch);
  if (gtlt == "=" && xp) gtlt = "";
  std::string pr = o.include_prerelease ? "-0" : "";
  if (xM) {
    if (gtlt == ">" || gtlt == "<") return "<0.0.0-0";
    return "*";
  }
  if (!gtlt.empty() && xp) {
    std::string M(x.major);
    std::string m = xm ? "0" : std::string(x.minor);
    std::string p = "0";
    if (gtlt == ">") {
      gtlt = ">=";
      if (xm) {
        M = plus_one(M);
        m = "0";
      } else {
        m = plus_one(m);
      }
      p = "0";
    } else if (gtlt == "<=") {
      gtlt = "<";
      if (xm) {
        M = plus_one(M);
      } else {
        m = plus_one(m);
      }
    }
    if (gtlt == "<") pr = "-0";
    return gtlt + M + "." + m + "." + p + pr;
  }
  if (xm) {
    const std::string M(x.major);
    return ">=" + M + ".0.0" + pr + " <" + plus_one(M) + ".0.0-0";
  }
  if (xp) {
    const std::string M(x.major), m(x.minor);
    return ">=" + M + "." + m + ".0" + pr + " <" + M + "." + plus_one(m) + ".0-0";
  }
  return std::string(comp);
}

// STAR `(<|>)?=?\s?\*`, first match removed.
inline std::string replace_stars(std::string_view s) {
  s = trim_spaces(s);
  for (std::size_t p = 0; p < s.size(); ++p) {
    // Greedy: each optional part taken when present, given back if needed.
    for (int mask = 7; mask >= 0; --mask) {
      std::size_t k = p;
      bool ok = true;
      if ((mask & 4) != 0) {
        if (at(s, k) == '<' || at(s, k) == '>') {
          ++k;
        } else {
          ok = false;
        }
      }
      if (ok && (mask & 2) != 0) {
        if (at(s, k) == '=') {
          ++k;
        } else {
          ok = false;
        }
      }
      if (ok && (mask & 1) != 0) {
        if (at(s, k) == ' ') {
          ++k;
        } else {
          ok = false;
        }
      }
      if (ok && at(s, k) == '*') {
        std::string out(s.substr(0, p));
        out.append(s.substr(k + 1));
        return out;
      }
    }
  }
  return std::string(s);
}

inline std::string map_tokens(std::string_view s, bool trim_first,
                              std::string (*fn)(const std::string&, const range_options&),
                              const range_options& o) {
  auto parts = split_spaces(trim_first ? trim_spaces(s) : s);
  for (auto& part : parts) part = fn(part, o);
  return join_spaces(parts);
}

inline std::string replace_xrange_token(const std::string& s, const range_options& o) {
  return replace_xrange(s, o);
}

inline std::string parse_comparator_text(std::string_view comp, const range_options& o) {
  std::string s = strip_build(comp, false);
  s = map_tokens(s, true, &replace_caret, o);
  s = map_tokens(s, true, &replace_tilde, o);
  s = map_tokens(s, false, &replace_xrange_token, o);
  return replace_stars(s);
}

// node-semver's COMPARATORLOOSE, anchored, on a token without whitespace:
// `^((?:<|>)?=?)[v=]*\d+\.\d+\.\d+(-?ids)?(\+ids)?$|^$`, where the patch
// number may give its last digit back to the prerelease ("1.2.34.5").
inline bool matches_comparator_loose(std::string_view token) noexcept {
  if (token.empty()) return true;
  std::size_t i = 0;
  if (token[i] == '<' || token[i] == '>') ++i;
  while (i < token.size() && (token[i] == 'v' || token[i] == '=')) ++i;
  for (int part = 0; part < 3; ++part) {
    const std::size_t start = i;
    while (i < token.size() && is_digit(token[i])) ++i;
    if (i == start) return false;
    if (part == 2) {
      const auto tail_matches = [&](std::size_t from) noexcept {
        if (from == token.size()) return true;
        std::size_t plus = token.find('+', from);
        if (plus == std::string_view::npos) plus = token.size();
        if (plus < token.size() && !whole_identifiers(token, plus + 1, token.size(), false)) {
          return false;
        }
        return plus == from || whole_identifiers(token, from, plus, false);
      };
      return tail_matches(i) || (i - start >= 2 && tail_matches(i - 1));
    }
    if (i >= token.size() || token[i] != '.') return false;
    ++i;
  }
  return false;
}

// node-semver Comparator: `((<|>)?=?)\s?(version)` or empty.
// Internal steps return bool and fill `c` or `err`: fewer result<T>
// instantiations keep the header quick to compile.
inline bool make_comparator(std::string_view token, const range_options& o, comparator& c,
                            relkit::error& err) {
  c = comparator{};
  if (token.empty()) return true;
  std::size_t i = 0;
  if (at(token, i) == '<' || at(token, i) == '>') ++i;
  if (at(token, i) == '=') ++i;
  const std::string_view gtlt = token.substr(0, i);
  if (gtlt == "<") c.op = comparator_op::lt;
  if (gtlt == "<=") c.op = comparator_op::le;
  if (gtlt == ">") c.op = comparator_op::gt;
  if (gtlt == ">=") c.op = comparator_op::ge;
  if (gtlt.empty() || gtlt == "=") c.op = comparator_op::eq;
  std::string_view rest = token.substr(i);
  if (!o.loose) {
    // FULLPLAIN: `v?` then the strict grammar; npm mode trims nothing here.
    std::size_t k = 0;
    if (at(rest, k) == 'v') ++k;
    if (k >= rest.size() || !is_digit(rest[k])) {
      err =
          relkit::error{errc::invalid_range, 0, "invalid comparator '" + std::string(token) + "'"};
      return false;
    }
  } else {
    std::size_t k = 0;
    while (k < rest.size() && (rest[k] == 'v' || rest[k] == '=')) ++k;
    if (k >= rest.size() || !is_digit(rest[k])) {
      err =
          relkit::error{errc::invalid_range, 0, "invalid comparator '" + std::string(token) + "'"};
      return false;
    }
  }
  auto v = parse(rest, o.loose ? parse_mode::npm_loose : parse_mode::npm);
  if (!v) {
    err = std::move(v).error();
    err = relkit::error{err.code, err.position,
                        "invalid comparator '" + std::string(token) + "': " + err.message()};
    return false;
  }
  c.operand = std::move(*v);
  c.operand.build.clear();
  return true;
}

inline bool is_null_set_comparator(const comparator& c) noexcept {
  return c.op == comparator_op::lt && c.operand.major == 0 && c.operand.minor == 0 &&
         c.operand.patch == 0 && c.operand.prerelease == "0";
}

inline bool same_comparator(const comparator& a, const comparator& b) noexcept {
  if (a.op != b.op) return false;
  if (a.op == comparator_op::any) return true;
  return a.operand.major == b.operand.major && a.operand.minor == b.operand.minor &&
         a.operand.patch == b.operand.patch && a.operand.prerelease == b.operand.prerelease;
}

// Range.parseRange for one `||` part (already trimmed, whitespace collapsed).
inline bool parse_set(std::string_view part, const range_options& o, std::vector<comparator>& out,
                      relkit::error& err) {
  out.clear();
  std::string s = strip_build(part, true);
  if (auto hyphen = try_hyphen(s, o)) s = std::move(*hyphen);
  s = trim_comparator_whitespace(s);
  s = trim_after(s, '~');
  s = trim_after(s, '^');
  std::vector<std::string> pieces;
  for (const auto& comp : split_spaces(s)) pieces.push_back(parse_comparator_text(comp, o));
  std::vector<std::string> tokens = split_spaces(join_spaces(pieces));
  std::vector<comparator> all;
  all.reserve(tokens.size());
  const std::string_view gte0 = o.include_prerelease ? ">=0.0.0-0" : ">=0.0.0";
  for (auto& token : tokens) {
    if (trim_spaces(token) == gte0) token.clear();
    // Loose mode first drops every token that does not match COMPARATORLOOSE
    // (a grammar that does not look at the size of numbers); what it keeps
    // must then make a comparator, or the whole range fails (a number beyond
    // 2^53-1, a version over 256 bytes), as in node-semver.
    if (o.loose && !matches_comparator_loose(token)) continue;
    comparator made;
    if (!make_comparator(token, o, made, err)) return false;
    all.push_back(std::move(made));
  }
  for (auto& c : all) {
    if (is_null_set_comparator(c)) {
      out.clear();
      out.push_back(std::move(c));
      return true;
    }
    bool seen = false;
    for (const auto& existing : out) {
      if (same_comparator(existing, c)) {
        seen = true;
        break;
      }
    }
    if (!seen) out.push_back(std::move(c));
  }
  if (out.size() > 1) {
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (out[k].op == comparator_op::any) {
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
  }
  return true;
}

}  // namespace detail_semver

// node-semver `new Comparator(text, options)`: one primitive comparator
// (`<`, `<=`, `>`, `>=`, `=` or none, then a version), or empty for any.
inline relkit::result<comparator> parse_comparator(std::string_view text,
                                                   const range_options& opts = {}) {
  using namespace detail_semver;
  std::string collapsed;
  std::size_t i = 0;
  while (std::size_t n = js_space_at(text, i)) i += n;
  bool pending_space = false;
  while (i < text.size()) {
    if (std::size_t n = js_space_at(text, i)) {
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space) collapsed += ' ';
    pending_space = false;
    collapsed += text[i];
    ++i;
  }
  // `((<|>)?=?)\s?(version)`: one space may follow the operator.
  std::size_t k = 0;
  if (at(collapsed, k) == '<' || at(collapsed, k) == '>') ++k;
  if (at(collapsed, k) == '=') ++k;
  if (at(collapsed, k) == ' ') collapsed.erase(k, 1);
  comparator c;
  relkit::error err;
  if (!make_comparator(collapsed, opts, c, err)) {
    err = relkit::error{err.code, 0, err.message() + " at 0"};
    return err;
  }
  return c;
}

// Range text longer than this is an error (node-semver has no limit).
inline constexpr std::size_t max_range_length = 65536;

// Parses an npm range (node-semver `new Range(text, options)`).
namespace detail_semver {

// Fast path for the common shapes, single-spaced: `^M.m.p[-pre]`,
// `~M.m.p[-pre]`, `[op]M.m.p[-pre]` (op one of >= > <= < =), partials and
// x-ranges without op (`2`, `2.x`, `1.2`, `1.2.x`, `2.x.x`), space-AND and
// ` || ` of those. Numbers of 1 to 15 digits without leading zeros. It gives
// up (false) on anything else, on any 0.0.0 operand (node rewrites `>=0.0.0`
// and `<0.0.0-0`) and on a repeated comparator in a set; the general path then
// decides. Only without include_prerelease. The result equals the general
// path's on every accepted input (checked by SemverRangeFastPath tests).
inline bool fast_range_number(std::string_view s, std::size_t& i, std::uint64_t& out) noexcept {
  const std::size_t b = i;
  std::uint64_t value = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (i - b == 15) return false;
    value = value * 10 + static_cast<std::uint64_t>(s[i] - '0');
    ++i;
  }
  if (i == b || (i - b > 1 && s[b] == '0')) return false;
  out = value;
  return true;
}

inline bool fast_range_x(std::string_view s, std::size_t& i) noexcept {
  if (i < s.size() && s[i] == 'x') {
    ++i;
    return true;
  }
  return false;
}

inline bool fast_range_prerelease(std::string_view s, std::size_t& i, std::string& out) {
  const std::size_t first = i;
  for (;;) {
    const std::size_t b = i;
    bool digits = true;
    while (i < s.size() && is_ident_char(s[i])) {
      digits = digits && is_digit(s[i]);
      ++i;
    }
    if (i == b || (digits && i - b > 1 && s[b] == '0')) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  out.assign(s.data() + first, i - first);
  return true;
}

inline bool parse_range_fast(std::string_view s, const range_options& o, range& r) {
  if (o.include_prerelease || s.empty()) return false;
  r.options = o;
  std::size_t i = 0;
  std::vector<comparator> set;
  set.reserve(2);
  for (;;) {
    const std::size_t prim_start = i;
    comparator_op op = comparator_op::eq;
    char sugar = 0;
    const char c0 = s[i];
    if (c0 == '^' || c0 == '~') {
      sugar = c0;
      ++i;
    } else if (c0 == '>' || c0 == '<') {
      const bool eq = i + 1 < s.size() && s[i + 1] == '=';
      op = c0 == '>' ? (eq ? comparator_op::ge : comparator_op::gt)
                     : (eq ? comparator_op::le : comparator_op::lt);
      i += eq ? 2 : 1;
    } else if (c0 == '=') {
      ++i;
    }
    const bool has_op = i != prim_start;
    version v;
    if (!fast_range_number(s, i, v.major)) return false;
    // parts: 1 = major only, 2 = major.minor, 3 = full; x marks a wildcard
    int parts = 1;
    bool wildcard = false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      if (fast_range_x(s, i)) {
        wildcard = true;
        if (i < s.size() && s[i] == '.') {
          ++i;
          if (!fast_range_x(s, i)) return false;
        }
      } else {
        if (!fast_range_number(s, i, v.minor)) return false;
        parts = 2;
        if (i < s.size() && s[i] == '.') {
          ++i;
          if (fast_range_x(s, i)) {
            wildcard = true;
          } else {
            if (!fast_range_number(s, i, v.patch)) return false;
            parts = 3;
          }
        }
      }
    }
    if ((parts < 3 || wildcard) && has_op) return false;
    if (i < s.size() && s[i] == '-') {
      if (parts != 3) return false;
      ++i;
      if (!fast_range_prerelease(s, i, v.prerelease)) return false;
    }
    if (i < s.size() && s[i] != ' ') return false;
    if (v.major == 0 && v.minor == 0 && v.patch == 0) return false;
    const std::size_t before = set.size();
    if (sugar == 0 && parts == 3) {
      set.push_back(comparator{op, std::move(v)});
    } else {
      version upper;
      upper.prerelease = "0";
      if (sugar == '^' && v.major == 0) {
        upper.minor = v.minor;
        if (v.minor == 0) {
          upper.patch = v.patch + 1;
        } else {
          upper.minor = v.minor + 1;
        }
      } else if (sugar == '~' || parts == 2) {
        upper.major = v.major;
        upper.minor = v.minor + 1;
      } else {
        upper.major = v.major + 1;
      }
      set.push_back(comparator{comparator_op::ge, std::move(v)});
      set.push_back(comparator{comparator_op::lt, std::move(upper)});
    }
    for (std::size_t k = before; k < set.size(); ++k)
      for (std::size_t j = 0; j < before; ++j)
        if (same_comparator(set[j], set[k])) return false;
    if (i == s.size()) {
      r.sets.push_back(std::move(set));
      return true;
    }
    // i is at a space: another comparator or ` || `
    ++i;
    if (i + 2 < s.size() && s[i] == '|' && s[i + 1] == '|' && s[i + 2] == ' ') {
      i += 3;
      r.sets.push_back(std::move(set));
      set = {};
      set.reserve(2);
    }
    if (i >= s.size()) return false;
  }
}

inline relkit::result<range> parse_range_general(std::string_view text, const range_options& opts) {
  // trim + collapse every whitespace run to one space
  std::string raw;
  raw.reserve(text.size());
  std::size_t i = 0;
  while (std::size_t n = js_space_at(text, i)) i += n;
  bool pending_space = false;
  while (i < text.size()) {
    if (std::size_t n = js_space_at(text, i)) {
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space) raw += ' ';
    pending_space = false;
    raw += text[i];
    ++i;
  }
  range r;
  r.options = opts;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t bar = raw.find("||", pos);
    const std::string_view part = trim_spaces(std::string_view(raw).substr(
        pos, bar == std::string::npos ? std::string::npos : bar - pos));
    std::vector<comparator> set;
    relkit::error set_error;
    if (!parse_set(part, opts, set, set_error)) {
      // The position of the offending text in the input, where it survives
      // desugaring unchanged; else the start of the `||` part.
      const std::string why = set_error.message();
      std::size_t at_pos = std::string_view::npos;
      const std::size_t q1 = why.find('\'');
      const std::size_t q2 = q1 == std::string::npos ? q1 : why.find('\'', q1 + 1);
      if (q2 != std::string::npos && q2 > q1 + 1)
        at_pos = text.find(why.substr(q1 + 1, q2 - q1 - 1));
      if (at_pos == std::string_view::npos) at_pos = text.find(part.substr(0, 1));
      if (at_pos == std::string_view::npos) at_pos = 0;
      return relkit::error{errc::invalid_range, at_pos,
                           "invalid range: " + why + " at " + std::to_string(at_pos)};
    }
    if (!set.empty()) r.sets.push_back(std::move(set));
    if (bar == std::string::npos) break;
    pos = bar + 2;
  }
  if (r.sets.empty()) {
    return relkit::error{errc::invalid_range, 0, "invalid range: no valid comparator at 0"};
  }
  if (r.sets.size() > 1) {
    std::vector<std::vector<comparator>> kept;
    for (auto& set : r.sets)
      if (!is_null_set_comparator(set[0])) kept.push_back(set);
    if (kept.empty()) {
      kept.push_back(r.sets[0]);
    } else if (kept.size() > 1) {
      for (auto& set : kept) {
        if (set.size() == 1 && set[0].op == comparator_op::any) {
          std::vector<std::vector<comparator>> only{set};
          kept = std::move(only);
          break;
        }
      }
    }
    r.sets = std::move(kept);
  }
  return r;
}

}  // namespace detail_semver

// node-semver `new Range(text, options)`: the comparator sets after npm's
// desugaring (carets, tildes, x-ranges, hyphen ranges), as node prints them.
inline relkit::result<range> parse_range(std::string_view text, const range_options& opts = {}) {
  range r;
  if (text.size() <= max_range_length && detail_semver::parse_range_fast(text, opts, r)) return r;
  return detail_semver::parse_range_general(text, opts);
}

// node-semver `satisfies(version, range, options)` on strings: false when
// either does not parse.
inline bool satisfies(std::string_view v, std::string_view range_text,
                      const range_options& opts = {}) {
  auto r = parse_range(range_text, opts);
  if (!r) return false;
  auto parsed = parse(v, opts.loose ? parse_mode::npm_loose : parse_mode::npm);
  if (!parsed) return false;
  return satisfies(*parsed, *r);
}

// The highest / lowest of `versions` that satisfies `r`; nothing if none.
inline const version* max_satisfying(const std::vector<version>& versions, const range& r) {
  const version* best = nullptr;
  for (const auto& v : versions)
    if (satisfies(v, r) && (best == nullptr || compare(*best, v) < 0)) best = &v;
  return best;
}
inline const version* min_satisfying(const std::vector<version>& versions, const range& r) {
  const version* best = nullptr;
  for (const auto& v : versions)
    if (satisfies(v, r) && (best == nullptr || compare(*best, v) > 0)) best = &v;
  return best;
}

// node-semver `minVersion`: the lowest version that satisfies `r`.
inline std::optional<version> min_version(const range& r) {
  version candidate(0, 0, 0);
  if (satisfies(candidate, r)) return candidate;
  candidate.prerelease = "0";
  if (satisfies(candidate, r)) return candidate;
  std::optional<version> best;
  for (const auto& set : r.sets) {
    std::optional<version> set_min;
    for (const auto& c : set) {
      if (c.op == comparator_op::any || c.op == comparator_op::lt || c.op == comparator_op::le) {
        // node-semver treats ANY as `>=0.0.0` only through the first checks.
        if (c.op != comparator_op::any) continue;
        version zero(0, 0, 0);
        if (!set_min || compare(zero, *set_min) > 0) set_min = zero;
        continue;
      }
      version v = c.operand;
      if (c.op == comparator_op::gt) {
        if (v.prerelease.empty()) {
          ++v.patch;
        } else {
          v.prerelease += ".0";
        }
      }
      if (!set_min || compare(v, *set_min) > 0) set_min = v;
    }
    if (set_min && (!best || compare(*best, *set_min) > 0)) best = set_min;
  }
  if (best && satisfies(*best, r)) return best;
  return std::nullopt;
}

// node-semver `outside(v, r, '>')` (above: gtr) or '<' (below: ltr).
inline bool outside(const version& v, const range& r, bool above) {
  if (satisfies(v, r)) return false;
  const comparator_op comp = above ? comparator_op::gt : comparator_op::lt;
  const comparator_op ecomp = above ? comparator_op::ge : comparator_op::le;
  auto gtfn = [above](const version& a, const version& b) {
    return above ? compare(a, b) > 0 : compare(a, b) < 0;
  };
  auto ltefn = [above](const version& a, const version& b) {
    return above ? compare(a, b) <= 0 : compare(a, b) >= 0;
  };
  auto ltfn = [above](const version& a, const version& b) {
    return above ? compare(a, b) < 0 : compare(a, b) > 0;
  };
  const comparator zero{comparator_op::ge, version(0, 0, 0)};
  for (const auto& set : r.sets) {
    const comparator* high = nullptr;
    const comparator* low = nullptr;
    for (const auto& original : set) {
      const comparator* c = original.op == comparator_op::any ? &zero : &original;
      if (high == nullptr) high = c;
      if (low == nullptr) low = c;
      if (gtfn(c->operand, high->operand)) {
        high = c;
      } else if (ltfn(c->operand, low->operand)) {
        low = c;
      }
    }
    if (high == nullptr || low == nullptr) continue;
    if (high->op == comp || high->op == ecomp) return false;
    const bool low_plain = low->op == comparator_op::eq;
    if ((low_plain || low->op == comp) && ltefn(v, low->operand)) return false;
    if (low->op == ecomp && ltfn(v, low->operand)) return false;
  }
  return true;
}
inline bool gtr(const version& v, const range& r) {
  return outside(v, r, true);
}
inline bool ltr(const version& v, const range& r) {
  return outside(v, r, false);
}

namespace detail_semver {
// `new Range(c.value).test(v)`: one comparator with the prerelease rule.
inline bool test_set_one(const comparator& c, const version& v, bool include_prerelease) noexcept {
  if (!test(c, v)) return false;
  if (v.prerelease.empty() || include_prerelease) return true;
  return c.op != comparator_op::any && !c.operand.prerelease.empty() &&
         c.operand.major == v.major && c.operand.minor == v.minor && c.operand.patch == v.patch;
}
}  // namespace detail_semver

// node-semver Comparator.intersects.
inline bool intersects(const comparator& a, const comparator& b, bool include_prerelease) {
  auto test_alone = [include_prerelease](const comparator& c, const version& v) {
    return detail_semver::test_set_one(c, v, include_prerelease);
  };
  if (a.op == comparator_op::any || a.op == comparator_op::eq) {
    if (a.op == comparator_op::any) return true;
    return test_alone(b, a.operand);
  }
  if (b.op == comparator_op::any || b.op == comparator_op::eq) {
    if (b.op == comparator_op::any) return true;
    return test_alone(a, b.operand);
  }
  const bool a_null = a.op == comparator_op::lt && a.operand.major == 0 && a.operand.minor == 0 &&
                      a.operand.patch == 0;
  const bool b_null = b.op == comparator_op::lt && b.operand.major == 0 && b.operand.minor == 0 &&
                      b.operand.patch == 0;
  if (include_prerelease) {
    if ((a_null && a.operand.prerelease == "0") || (b_null && b.operand.prerelease == "0")) {
      return false;
    }
  } else if (a_null || b_null) {
    return false;
  }
  const bool a_up = a.op == comparator_op::gt || a.op == comparator_op::ge;
  const bool b_up = b.op == comparator_op::gt || b.op == comparator_op::ge;
  if (a_up && b_up) return true;
  if (!a_up && !b_up) return true;
  const bool a_inclusive = a.op == comparator_op::ge || a.op == comparator_op::le;
  const bool b_inclusive = b.op == comparator_op::ge || b.op == comparator_op::le;
  const int k = compare(a.operand, b.operand);
  if (k == 0 && to_npm_string(a.operand) == to_npm_string(b.operand) && a_inclusive &&
      b_inclusive) {
    return true;
  }
  if (k < 0 && a_up && !b_up) return true;
  if (k > 0 && !a_up && b_up) return true;
  return false;
}

namespace detail_semver {
inline bool set_satisfiable(const std::vector<comparator>& set, bool include_prerelease) {
  // node-semver isSatisfiable: every pair intersects.
  for (std::size_t k = set.size(); k-- > 1;) {
    for (std::size_t j = 0; j < k; ++j)
      if (!intersects(set[k], set[j], include_prerelease)) return false;
  }
  return true;
}
}  // namespace detail_semver

// node-semver `intersects(r1, r2)`: some version could satisfy both.
inline bool intersects(const range& a, const range& b) {
  const bool inc = a.options.include_prerelease;
  for (const auto& x : a.sets) {
    if (!detail_semver::set_satisfiable(x, inc)) continue;
    for (const auto& y : b.sets) {
      if (!detail_semver::set_satisfiable(y, inc)) continue;
      bool all = true;
      for (const auto& c : x) {
        for (const auto& d : y) {
          if (!intersects(c, d, inc)) {
            all = false;
            break;
          }
        }
        if (!all) break;
      }
      if (all) return true;
    }
  }
  return false;
}

namespace detail_semver {

// node-semver higherGT / lowerLT: true when `b` is chosen over `a`.
inline bool higher_gt_picks_b(const comparator& a, const comparator& b) noexcept {
  const int k = compare(a.operand, b.operand);
  if (k > 0) return false;
  if (k < 0) return true;
  return b.op == comparator_op::gt && a.op == comparator_op::ge;
}
inline bool lower_lt_picks_b(const comparator& a, const comparator& b) noexcept {
  const int k = compare(a.operand, b.operand);
  if (k < 0) return false;
  if (k > 0) return true;
  return b.op == comparator_op::lt && a.op == comparator_op::le;
}

inline bool same_tuple(const version& a, const version& b) noexcept {
  return a.major == b.major && a.minor == b.minor && a.patch == b.patch;
}

// node-semver simpleSubset: 1 true, 0 false, -1 null (sub is the null set).
inline int simple_subset(std::vector<comparator> sub, std::vector<comparator> dom,
                         bool include_prerelease) {
  const comparator min_pre{comparator_op::ge, version(0, 0, 0, "0")};
  const comparator min_plain{comparator_op::ge, version(0, 0, 0)};
  if (sub.size() == 1 && sub[0].op == comparator_op::any) {
    if (dom.size() == 1 && dom[0].op == comparator_op::any) return 1;
    sub = {include_prerelease ? min_pre : min_plain};
  }
  if (dom.size() == 1 && dom[0].op == comparator_op::any) {
    if (include_prerelease) return 1;
    dom = {min_plain};
  }
  const comparator* gt = nullptr;
  const comparator* lt = nullptr;
  std::vector<const comparator*> eqs;
  for (const auto& c : sub) {
    if (c.op == comparator_op::gt || c.op == comparator_op::ge) {
      if (gt == nullptr || higher_gt_picks_b(*gt, c)) gt = &c;
    } else if (c.op == comparator_op::lt || c.op == comparator_op::le) {
      if (lt == nullptr || lower_lt_picks_b(*lt, c)) lt = &c;
    } else {
      eqs.push_back(&c);
    }
  }
  if (eqs.size() > 1) return -1;
  bool have_gtlt = false;
  int gtlt_comp = 0;
  if (gt != nullptr && lt != nullptr) {
    have_gtlt = true;
    gtlt_comp = compare(gt->operand, lt->operand);
    if (gtlt_comp > 0) return -1;
    if (gtlt_comp == 0 && (gt->op != comparator_op::ge || lt->op != comparator_op::le)) return -1;
  }
  const bool gtlt_not_equal = !have_gtlt || gtlt_comp != 0;
  if (!eqs.empty()) {
    const version& eq = eqs[0]->operand;
    if (gt != nullptr && !test_set_one(*gt, eq, include_prerelease)) return -1;
    if (lt != nullptr && !test_set_one(*lt, eq, include_prerelease)) return -1;
    for (const auto& c : dom)
      if (!test_set_one(c, eq, include_prerelease)) return 0;
    return 1;
  }
  bool has_dom_lt = false;
  bool has_dom_gt = false;
  const version* need_lt_pre =
      lt != nullptr && !include_prerelease && !lt->operand.prerelease.empty() ? &lt->operand
                                                                              : nullptr;
  const version* need_gt_pre =
      gt != nullptr && !include_prerelease && !gt->operand.prerelease.empty() ? &gt->operand
                                                                              : nullptr;
  if (need_lt_pre != nullptr && lt->op == comparator_op::lt && need_lt_pre->prerelease == "0") {
    need_lt_pre = nullptr;
  }
  for (const auto& c : dom) {
    const bool c_gt = c.op == comparator_op::gt || c.op == comparator_op::ge;
    const bool c_lt = c.op == comparator_op::lt || c.op == comparator_op::le;
    const bool c_pre = c.op != comparator_op::any && !c.operand.prerelease.empty();
    has_dom_gt = has_dom_gt || c_gt;
    has_dom_lt = has_dom_lt || c_lt;
    if (gt != nullptr) {
      if (need_gt_pre != nullptr && c_pre && same_tuple(c.operand, *need_gt_pre)) {
        need_gt_pre = nullptr;
      }
      if (c_gt) {
        if (higher_gt_picks_b(*gt, c)) return 0;
      } else if (gt->op == comparator_op::ge && !test(c, gt->operand)) {
        return 0;
      }
    }
    if (lt != nullptr) {
      if (need_lt_pre != nullptr && c_pre && same_tuple(c.operand, *need_lt_pre)) {
        need_lt_pre = nullptr;
      }
      if (c_lt) {
        if (lower_lt_picks_b(*lt, c)) return 0;
      } else if (lt->op == comparator_op::le && !test(c, lt->operand)) {
        return 0;
      }
    }
    const bool no_operator = c.op == comparator_op::eq || c.op == comparator_op::any;
    if (no_operator && (lt != nullptr || gt != nullptr) && gtlt_not_equal) return 0;
  }
  if (gt != nullptr && has_dom_lt && lt == nullptr && gtlt_not_equal) return 0;
  if (lt != nullptr && has_dom_gt && gt == nullptr && gtlt_not_equal) return 0;
  if (need_gt_pre != nullptr || need_lt_pre != nullptr) return 0;
  return 1;
}

}  // namespace detail_semver

// node-semver `subset(sub, dom)`: every version matching `sub` matches `dom`.
inline bool subset(const range& sub, const range& dom) {
  const bool inc = sub.options.include_prerelease;
  bool saw_non_null = false;
  for (const auto& simple_sub : sub.sets) {
    bool found = false;
    for (const auto& simple_dom : dom.sets) {
      const int is_sub = detail_semver::simple_subset(simple_sub, simple_dom, inc);
      saw_non_null = saw_non_null || is_sub != -1;
      if (is_sub == 1) {
        found = true;
        break;
      }
    }
    if (!found && saw_non_null) return false;
  }
  return true;
}

}  // namespace semver
RELKIT_NAMESPACE_END
