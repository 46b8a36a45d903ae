#pragma once
// Internals of relkit::semver range parsing: node-semver 7.8.6's desugaring
// pipeline (strip build, hyphen ranges, comparator whitespace, `~`/`^`
// whitespace, carets, tildes, x-ranges, stars) as text-to-text steps, with
// hand-written anchored matchers in place of its regular expressions: no
// regex, no recursion, linear in the input.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/semver/comparator.hpp"
#include "relkit/semver/detail/bump.hpp"
#include "relkit/semver/detail/version_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {

[[nodiscard]] inline bool is_x(std::string_view id) noexcept {
  return id.empty() || id == "x" || id == "X" || id == "*";
}
[[nodiscard]] inline char at(std::string_view s, std::size_t i) noexcept {
  return i < s.size() ? s[i] : '\0';
}

// JavaScript `s.split(/\s+/)` on text whose whitespace is single spaces
// (also `s.split(' ')` then): empty pieces kept, as JavaScript keeps them.
[[nodiscard]] inline std::vector<std::string> split_spaces(std::string_view s) {
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

[[nodiscard]] inline std::string join_spaces(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ' ';
    out += parts[i];
  }
  return out;
}

[[nodiscard]] inline std::string_view trim_spaces(std::string_view s) noexcept {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Decimal text plus one (node-semver's `+M + 1`; exact for every value the
// npm modes accept).
[[nodiscard]] inline std::string plus_one(std::string_view digits) {
  return increment_decimal(digits);
}

// The parts of node-semver's XRANGEPLAIN: [v=\s]* M(.m(.p(-pre)?(+build)?)?)?
struct xparts {
  std::string_view major, minor, patch, pre;
};

// Matches `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*` to exactly `end`; strict
// numeric ids without leading zeros.
[[nodiscard]] inline bool whole_identifiers(std::string_view s, std::size_t i, std::size_t end,
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
[[nodiscard]] inline bool match_pre_build(std::string_view s, std::size_t i, bool loose,
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

[[nodiscard]] inline std::size_t xid_end(std::string_view s, std::size_t i, bool loose) noexcept {
  const char c = at(s, i);
  if (c == 'x' || c == 'X' || c == '*') return i + 1;
  if (!is_digit(c)) return i;
  if (!loose && c == '0') return i + 1;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// node-semver XRANGEPLAIN(LOOSE), anchored at both ends of `s`.
[[nodiscard]] inline bool match_xrange_plain(std::string_view s, bool loose, xparts& out) noexcept {
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
[[nodiscard]] inline std::string strip_build(std::string_view s, bool global) {
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

[[nodiscard]] inline std::string hyphen_replace(const xparts& from_p, std::string_view from_text,
                                                const xparts& to_p, std::string_view to_text,
                                                bool inc_pr) {
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
[[nodiscard]] inline std::optional<std::string> try_hyphen(std::string_view s,
                                                           const range_options& o) {
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
// The scanners of its regular expressions, in a namespace of their own.
namespace comparator_scan {
[[nodiscard]] inline bool is_prefix_char(char c) noexcept {
  return c == 'v' || c == '=' || c == ' ';
}
[[nodiscard]] inline bool starts_version(char c) noexcept {
  return is_digit(c) || c == 'x' || c == 'X' || c == '*';
}
[[nodiscard]] inline std::size_t digits_end(std::string_view r, std::size_t i) noexcept {
  while (i < r.size() && is_digit(r[i])) ++i;
  return i;
}
[[nodiscard]] inline std::size_t number_end(std::string_view r, std::size_t i,
                                            bool loose) noexcept {
  if (!loose && at(r, i) == '0') return i + 1;
  return digits_end(r, i);
}
[[nodiscard]] inline std::size_t pre_id_end(std::string_view r, std::size_t i,
                                            bool loose) noexcept {
  const std::size_t d = digits_end(r, i);
  if (relkit::detail::is_alpha(at(r, d)) || at(r, d) == '-') {
    std::size_t e = d + 1;
    while (e < r.size() && is_ident_char(r[e])) ++e;
    return e;
  }
  return number_end(r, i, loose);
}
[[nodiscard]] inline std::size_t pre_end(std::string_view r, std::size_t start,
                                         bool loose) noexcept {
  const bool hyphen = at(r, start) == '-';
  if (!loose && !hyphen) return start;
  const std::size_t id_start = start + (hyphen ? 1 : 0);
  std::size_t e = pre_id_end(r, id_start, loose);
  if (e == id_start) {
    if (!loose || !hyphen) return start;
    e = pre_id_end(r, start, loose);
  }
  while (at(r, e) == '.') {
    const std::size_t next = pre_id_end(r, e + 1, loose);
    if (next == e + 1) break;
    e = next;
  }
  return e;
}
[[nodiscard]] inline std::size_t build_end(std::string_view r, std::size_t start) noexcept {
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
[[nodiscard]] inline std::size_t full_end(std::string_view r, std::size_t start) noexcept {
  std::size_t e = start;
  for (int component = 0; component < 3; ++component) {
    const std::size_t next = number_end(r, e, true);
    if (next == e) return start;
    e = next;
    if (component < 2) {
      if (at(r, e) != '.') return start;
      ++e;
    }
  }
  return build_end(r, pre_end(r, e, true));
}
[[nodiscard]] inline std::size_t partial_component_end(std::string_view r, std::size_t i) noexcept {
  if (is_digit(at(r, i))) return number_end(r, i, false);
  return starts_version(at(r, i)) ? i + 1 : i;
}
[[nodiscard]] inline std::size_t partial_end(std::string_view r, std::size_t start) noexcept {
  std::size_t e = partial_component_end(r, start);
  for (int component = 0; component < 2; ++component) {
    if (at(r, e) != '.') return e;
    const std::size_t next = partial_component_end(r, e + 1);
    if (next == e + 1) return e;
    e = next;
  }
  return build_end(r, pre_end(r, e, false));
}
[[nodiscard]] inline std::size_t version_end(std::string_view r, std::size_t start) noexcept {
  const std::size_t full = full_end(r, start);
  return full != start ? full : partial_end(r, start);
}
}  // namespace comparator_scan

[[nodiscard]] inline std::string trim_comparator_whitespace(std::string_view r) {
  std::string out;
  std::size_t copy_from = 0;
  std::size_t cursor = 0;
  while (cursor < r.size()) {
    const std::size_t match_start = cursor;
    if (r[cursor] == '<' || r[cursor] == '>') {
      ++cursor;
    } else if (!comparator_scan::is_prefix_char(r[cursor]) &&
               !comparator_scan::starts_version(r[cursor])) {
      ++cursor;
      continue;
    }
    while (cursor < r.size() && comparator_scan::is_prefix_char(r[cursor])) ++cursor;
    if (!comparator_scan::starts_version(at(r, cursor))) continue;
    std::size_t pos = match_start;
    if (at(r, pos) == ' ') ++pos;
    if (at(r, pos) == '<' || at(r, pos) == '>') ++pos;
    if (at(r, pos) == '=') ++pos;
    if (at(r, pos) == ' ') {
      out.append(r.substr(copy_from, pos - copy_from));
      copy_from = pos + 1;
    }
    cursor = comparator_scan::version_end(r, cursor);
  }
  out.append(r.substr(copy_from));
  return out;
}

// TILDETRIM `(\s?)~>?\s` -> `$1~` and CARETTRIM `(\s?)\^\s` -> `$1^`, global.
[[nodiscard]] inline std::string trim_after(std::string_view s, char sigil) {
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

[[nodiscard]] inline std::string replace_caret(const std::string& comp, const range_options& o) {
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

[[nodiscard]] inline std::string replace_tilde(const std::string& comp, const range_options& o) {
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

[[nodiscard]] inline std::string replace_xrange(std::string_view token, const range_options& o) {
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
[[nodiscard]] inline std::string replace_stars(std::string_view s) {
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

[[nodiscard]] inline std::string map_tokens(std::string_view s, bool trim_first,
                                            std::string (*fn)(const std::string&,
                                                              const range_options&),
                                            const range_options& o) {
  auto parts = split_spaces(trim_first ? trim_spaces(s) : s);
  for (auto& part : parts) part = fn(part, o);
  return join_spaces(parts);
}

[[nodiscard]] inline std::string replace_xrange_token(const std::string& s,
                                                      const range_options& o) {
  return replace_xrange(s, o);
}

[[nodiscard]] inline std::string parse_comparator_text(std::string_view comp,
                                                       const range_options& o) {
  std::string s = strip_build(comp, false);
  s = map_tokens(s, true, &replace_caret, o);
  s = map_tokens(s, true, &replace_tilde, o);
  s = map_tokens(s, false, &replace_xrange_token, o);
  return replace_stars(s);
}

// node-semver's COMPARATORLOOSE, anchored, on a token without whitespace:
// `^((?:<|>)?=?)[v=]*\d+\.\d+\.\d+(-?ids)?(\+ids)?$|^$`, where the patch
// number may give its last digit back to the prerelease ("1.2.34.5").
[[nodiscard]] inline bool matches_comparator_loose(std::string_view token) noexcept {
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

}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
