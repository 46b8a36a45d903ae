#pragma once
// Internals of relkit::semver range parsing: comparators from desugared
// tokens, one `||` part (node-semver Range.parseRange), the whole range, and
// a fast path for the common shapes that gives the same answer.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/comparator.hpp"
#include "relkit/semver/detail/range_desugar.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {
// The arguments of "invalid range: invalid comparator '<token>'", the token
// quoted (and cut to fit) without allocating.
[[nodiscard]] inline relkit::error_args invalid_comparator_args(std::string_view token) noexcept {
  constexpr std::size_t room = relkit::error_args::token_capacity - 2;
  char quoted[relkit::error_args::token_capacity];
  std::size_t n = 0;
  quoted[n++] = '\'';
  if (token.size() > room) {
    for (std::size_t k = 0; k < room - 3; ++k) quoted[n++] = token[k];
    for (int k = 0; k < 3; ++k) quoted[n++] = '.';
  } else {
    for (const char c : token) quoted[n++] = c;
  }
  quoted[n++] = '\'';
  return relkit::error_args{}
      .with_text("invalid comparator ")
      .with_token(std::string_view(quoted, n));
}

// node-semver Comparator: `((<|>)?=?)\s?(version)` or empty.
// Internal steps return bool and fill `c` or `err`: fewer result<T>
// instantiations keep the header quick to compile.
[[nodiscard]] inline bool make_comparator(std::string_view token, const range_options& o,
                                          comparator& c, relkit::error& err) {
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
      err = relkit::error{errc::invalid_range, 0, invalid_comparator_args(token)};
      return false;
    }
  } else {
    std::size_t k = 0;
    while (k < rest.size() && (rest[k] == 'v' || rest[k] == '=')) ++k;
    if (k >= rest.size() || !is_digit(rest[k])) {
      err = relkit::error{errc::invalid_range, 0, invalid_comparator_args(token)};
      return false;
    }
  }
  auto v = parse(rest, o.loose ? parse_mode::npm_loose : parse_mode::npm);
  if (!v) {
    // The version's own error, its position counted from the token's start.
    err = std::move(v).error();
    err.position += i;
    return false;
  }
  c.operand = std::move(*v);
  c.operand.build.clear();
  return true;
}

[[nodiscard]] inline bool is_null_set_comparator(const comparator& c) noexcept {
  return c.op == comparator_op::lt && c.operand.major == 0 && c.operand.minor == 0 &&
         c.operand.patch == 0 && c.operand.prerelease == "0";
}

[[nodiscard]] inline bool same_comparator(const comparator& a, const comparator& b) noexcept {
  if (a.op != b.op) return false;
  if (a.op == comparator_op::any) return true;
  return a.operand.major == b.operand.major && a.operand.minor == b.operand.minor &&
         a.operand.patch == b.operand.patch && a.operand.prerelease == b.operand.prerelease;
}

// Range.parseRange for one `||` part (already trimmed, whitespace collapsed).
[[nodiscard]] inline bool parse_set(std::string_view part, const range_options& o,
                                    comparator_set& out, relkit::error& err) {
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
    if (!make_comparator(token, o, made, err)) {
      err = relkit::error{errc::invalid_range, 0, invalid_comparator_args(token)};
      return false;
    }
    all.push_back(std::move(made));
  }
  // Repeated comparators are dropped (node-semver keys a Map by the
  // comparator's value); past a few, an open-addressing set of indexes into
  // `out` keeps this linear in the set's size.
  constexpr std::size_t npos = std::string_view::npos;
  std::vector<std::size_t> slots;
  auto hash = [](const comparator& c) {
    std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(c.op);
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    if (c.op != comparator_op::any) {
      mix(c.operand.major);
      mix(c.operand.minor);
      mix(c.operand.patch);
      for (const char ch : c.operand.prerelease) mix(static_cast<unsigned char>(ch));
    }
    return h;
  };
  auto index = [&](std::size_t k) {
    std::size_t slot = std::size_t{hash(out[k])} & (slots.size() - 1);
    while (slots[slot] != npos) slot = (slot + 1) & (slots.size() - 1);
    slots[slot] = k;
  };
  for (auto& c : all) {
    if (is_null_set_comparator(c)) {
      out.clear();
      out.push_back(std::move(c));
      return true;
    }
    bool seen = false;
    if (slots.empty()) {
      for (const auto& existing : out) {
        if (same_comparator(existing, c)) {
          seen = true;
          break;
        }
      }
    } else {
      std::size_t slot = std::size_t{hash(c)} & (slots.size() - 1);
      for (; slots[slot] != npos && !seen; slot = (slot + 1) & (slots.size() - 1)) {
        seen = same_comparator(out[slots[slot]], c);
      }
    }
    if (seen) continue;
    out.push_back(std::move(c));
    if (out.size() * 2 > slots.size() && out.size() > 16) {
      std::size_t capacity = 64;
      while (capacity < out.size() * 4) capacity *= 2;
      slots.assign(capacity, npos);
      for (std::size_t k = 0; k < out.size(); ++k) index(k);
    } else if (!slots.empty()) {
      index(out.size() - 1);
    }
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

// Fast path for the common shapes, single-spaced: `^M.m.p[-pre]`,
// `~M.m.p[-pre]`, `[op]M.m.p[-pre]` (op one of >= > <= < =), partials and
// x-ranges without op (`2`, `2.x`, `1.2`, `1.2.x`, `2.x.x`), space-AND (at
// most 16 comparators in a set) and ` || ` of those. Numbers of 1 to 15 digits without leading
// zeros. It gives up (false) on anything else, on any 0.0.0 operand (node rewrites `>=0.0.0` and
// `<0.0.0-0`) and on a repeated comparator in a set; the general path then decides. Only without
// include_prerelease. The result equals the general path's on every accepted input (checked by
// SemverRangeFastPath tests).
// A number of 1 to 15 digits without a leading zero: version parsing's
// always-inlined scanner (one- and two-digit numbers without a loop).
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
inline bool
fast_range_number(std::string_view s, std::size_t& i, std::uint64_t& out) noexcept {
  return fast_number(s, i, out) > 0;
}

[[nodiscard]] inline bool fast_range_x(std::string_view s, std::size_t& i) noexcept {
  if (i < s.size() && s[i] == 'x') {
    ++i;
    return true;
  }
  return false;
}

// The prerelease from `i` (after the '-'): its end, or npos when the general
// path must decide.
[[nodiscard]] inline std::size_t fast_range_prerelease(std::string_view s, std::size_t i) noexcept {
  const std::size_t end = fast_identifiers(s, i, s.size(), true);
  return end;
}

[[nodiscard]] inline bool parse_range_fast(std::string_view s, const range_options& o, range& r) {
  if (o.include_prerelease || s.empty()) return false;
  r.options = o;
  std::size_t bars = 0;
  for (std::size_t k = s.find('|'); k < s.size(); ++k) bars += s[k] == '|' ? 1U : 0U;
  r.sets.reserve(bars / 2 + 1);
  std::size_t i = 0;
  // Comparators are made in place in the set being read, r.sets.back().
  comparator_set* set = &r.sets.emplace_back();
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
    std::uint64_t major = 0;
    std::uint64_t minor = 0;
    std::uint64_t patch = 0;
    if (!fast_range_number(s, i, major)) return false;
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
        if (!fast_range_number(s, i, minor)) return false;
        parts = 2;
        if (i < s.size() && s[i] == '.') {
          ++i;
          if (fast_range_x(s, i)) {
            wildcard = true;
          } else {
            if (!fast_range_number(s, i, patch)) return false;
            parts = 3;
          }
        }
      }
    }
    if ((parts < 3 || wildcard) && has_op) return false;
    std::string_view pre;
    if (i < s.size() && s[i] == '-') {
      if (parts != 3) return false;
      ++i;
      const std::size_t pre_end = fast_range_prerelease(s, i);
      if (pre_end == std::string_view::npos) return false;
      pre = s.substr(i, pre_end - i);
      i = pre_end;
    }
    if (i < s.size() && s[i] != ' ') return false;
    if (major == 0 && minor == 0 && patch == 0) return false;
    const std::ptrdiff_t before = set->end() - set->begin();
    comparator& low = set->emplace_back();
    low.operand.major = major;
    low.operand.minor = minor;
    low.operand.patch = patch;
    if (!pre.empty()) low.operand.prerelease.assign(pre.data(), pre.size());
    if (sugar == 0 && parts == 3) {
      low.op = op;
    } else {
      low.op = comparator_op::ge;
      comparator& upper = set->emplace_back();  // `low` is not used after this
      upper.op = comparator_op::lt;
      upper.operand.prerelease.push_back('0');
      if (sugar == '^' && major == 0) {
        upper.operand.minor = minor;
        if (minor == 0) {
          upper.operand.patch = patch + 1;
        } else {
          upper.operand.minor = minor + 1;
        }
      } else if (sugar == '~' || parts == 2) {
        upper.operand.major = major;
        upper.operand.minor = minor + 1;
      } else {
        upper.operand.major = major + 1;
      }
    }
    // A set of more than 16 comparators goes to the general path, whose
    // repeat check is a hash set (this pairwise one would be quadratic).
    const comparator* const made = set->begin() + before;
    if (set->end() - set->begin() > 16) return false;
    for (const comparator* k = made; k != set->end(); ++k)
      for (const comparator* j = set->begin(); j != made; ++j)
        if (same_comparator(*j, *k)) return false;
    if (i == s.size()) return true;
    // i is at a space: another comparator or ` || `
    ++i;
    if (i + 2 < s.size() && s[i] == '|' && s[i + 1] == '|' && s[i + 2] == ' ') {
      i += 3;
      set = &r.sets.emplace_back();
    }
    if (i >= s.size()) return false;
  }
}

[[nodiscard]] inline relkit::result<range> parse_range_general(std::string_view text,
                                                               const range_options& opts) {
  // trim + collapse every whitespace run to one space: node-semver's trim()
  // and /\s+/, JavaScript whitespace (a) of relkit/detail/js_text.hpp
  std::string raw;
  raw.reserve(text.size());
  std::size_t i = 0;
  while (std::size_t n = relkit::detail::js_space_length(text, i)) i += n;
  bool pending_space = false;
  while (i < text.size()) {
    if (std::size_t n = relkit::detail::js_space_length(text, i)) {
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
  // node-semver keeps the sets that are not the null set `<0.0.0-0` (all of
  // them when every set is null: then the first), and when more than one is
  // kept and one of them is the any set, only that one. Applied as the sets
  // are read, so a range of many sets (`||||...`) keeps only what it returns.
  std::size_t count = 0;
  comparator_set first;   // the first set, when it is the null set
  bool kept_any = false;  // an any set is kept: the answer is that set alone
  std::size_t pos = 0;
  for (;;) {
    const std::size_t bar = raw.find("||", pos);
    const std::string_view part = trim_spaces(std::string_view(raw).substr(
        pos, bar == std::string::npos ? std::string::npos : bar - pos));
    comparator_set set;
    relkit::error set_error;
    if (!parse_set(part, opts, set, set_error)) {
      // The position of the offending comparator in the input, where it
      // survives desugaring unchanged; else the start of the `||` part.
      std::string_view bad = set_error.args.token();
      if (bad.size() >= 2) bad = bad.substr(1, bad.size() - 2);
      std::size_t at_pos = std::string_view::npos;
      if (!bad.empty() && bad.substr(bad.size() < 3 ? 0 : bad.size() - 3) != "...") {
        at_pos = text.find(bad);
      }
      if (at_pos == std::string_view::npos) at_pos = text.find(part.substr(0, 1));
      if (at_pos == std::string_view::npos) at_pos = 0;
      set_error.position = at_pos;
      return set_error;
    }
    if (!set.empty()) {
      ++count;
      if (is_null_set_comparator(set[0])) {
        if (count == 1) first = std::move(set);
      } else if (!kept_any) {
        kept_any = set.size() == 1 && set[0].op == comparator_op::any;
        if (kept_any) r.sets.clear();
        r.sets.push_back(std::move(set));
      }
    }
    if (bar == std::string::npos) break;
    pos = bar + 2;
  }
  if (count == 0) {
    return relkit::error{errc::invalid_range, 0,
                         relkit::error_args{}.with_text("no valid comparator")};
  }
  if (r.sets.empty()) r.sets.push_back(std::move(first));
  return r;
}

}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
