#pragma once
// relkit::semver ranges: the npm range grammar as node-semver 7.8.6 reads it,
// and the queries on parsed ranges. Included by relkit/semver.hpp.
//
// Parsing follows node-semver's desugaring pipeline step for step (see
// semver/detail/range_desugar.hpp); the parsed range is a list of comparator
// sets (semver/comparator.hpp); matching a parsed range does not allocate.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/comparator.hpp"
#include "relkit/semver/detail/range_parse.hpp"
#include "relkit/semver/detail/range_subset.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

// node-semver `new Comparator(text, options)`: one primitive comparator
// (`<`, `<=`, `>`, `>=`, `=` or none, then a version), or empty for any.
[[nodiscard]] inline relkit::result<comparator> parse_comparator(std::string_view text,
                                                                 const range_options& opts = {}) {
  // JavaScript whitespace runs collapse to one space, trimmed at both ends
  // (trim() and /\s+/: semantic (a) of relkit/detail/js_text.hpp);
  // `kept[k]` is where collapsed byte k came from.
  std::string collapsed;
  std::vector<std::size_t> kept;
  std::size_t i = 0;
  while (std::size_t n = relkit::detail::js_space_length(text, i)) i += n;
  std::size_t pending_space = std::string_view::npos;
  while (i < text.size()) {
    if (std::size_t n = relkit::detail::js_space_length(text, i)) {
      if (pending_space == std::string_view::npos) pending_space = i;
      i += n;
      continue;
    }
    if (pending_space != std::string_view::npos) {
      collapsed += ' ';
      kept.push_back(pending_space);
    }
    pending_space = std::string_view::npos;
    collapsed += text[i];
    kept.push_back(i);
    ++i;
  }
  // `((<|>)?=?)\s?(version)`: one space may follow the operator.
  std::size_t k = 0;
  if (detail::at(collapsed, k) == '<' || detail::at(collapsed, k) == '>') ++k;
  if (detail::at(collapsed, k) == '=') ++k;
  if (detail::at(collapsed, k) == ' ') {
    collapsed.erase(k, 1);
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(k));
  }
  comparator c;
  relkit::error err;
  if (!detail::make_comparator(collapsed, opts, c, err)) {
    err.position = err.position < kept.size() ? kept[err.position] : text.size();
    return err;
  }
  return c;
}

// Range text longer than this is an error (node-semver has no limit):
// errc::invalid_range at byte max_range_length, refused before anything is
// read, so a range's parse time and memory are bounded (a range of 65,536
// bytes holds at most 32,768 comparator sets).
inline constexpr std::size_t max_range_length = 65536;

// node-semver `new Range(text, options)`: the comparator sets after npm's
// desugaring (carets, tildes, x-ranges, hyphen ranges), as node prints them.
[[nodiscard]] inline relkit::result<range> parse_range(std::string_view text,
                                                       const range_options& opts = {}) {
  // Filled in place, with one return (a range holds its first set inline:
  // moving it moves every comparator); the general path decides what the
  // fast one declines.
  auto out = relkit::detail::result_access::make_unset<range>();
  if (text.size() > max_range_length) {
    relkit::detail::result_access::emplace_error(
        out, errc::invalid_range, max_range_length,
        relkit::error_args{}.with_text("longer than 65536 bytes"));
  } else if (!detail::parse_range_fast(text, opts,
                                       relkit::detail::result_access::emplace_default_value(out))) {
    out = detail::parse_range_general(text, opts);
  }
  return out;
}

// Whether version text `v` satisfies range text `range_text`, with the error
// policy of compare(string, string): an error (the range's first, then the
// version's) when either does not parse. node-semver's `satisfies` answers
// false instead, which is `satisfies(v, r).value_or(false)`.
[[nodiscard]] inline relkit::result<bool> satisfies(std::string_view v, std::string_view range_text,
                                                    const range_options& opts = {}) {
  auto r = parse_range(range_text, opts);
  if (!r) return std::move(r).error();
  auto parsed = parse(v, opts.loose ? parse_mode::npm_loose : parse_mode::npm);
  if (!parsed) return std::move(parsed).error();
  return satisfies(*parsed, *r);
}

// The highest / lowest of `versions` that satisfies `r`; nothing if none.
[[nodiscard]] inline const version* max_satisfying(const std::vector<version>& versions,
                                                   const range& r) {
  const version* best = nullptr;
  for (const auto& v : versions)
    if (satisfies(v, r) && (best == nullptr || compare(*best, v) < 0)) best = &v;
  return best;
}
[[nodiscard]] inline const version* min_satisfying(const std::vector<version>& versions,
                                                   const range& r) {
  const version* best = nullptr;
  for (const auto& v : versions)
    if (satisfies(v, r) && (best == nullptr || compare(*best, v) > 0)) best = &v;
  return best;
}

// node-semver `minVersion`: the lowest version that satisfies `r`.
[[nodiscard]] inline std::optional<version> min_version(const range& r) {
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
[[nodiscard]] inline bool outside(const version& v, const range& r, bool above) {
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
[[nodiscard]] inline bool gtr(const version& v, const range& r) {
  return outside(v, r, true);
}
[[nodiscard]] inline bool ltr(const version& v, const range& r) {
  return outside(v, r, false);
}

// node-semver Comparator.intersects.
[[nodiscard]] inline bool intersects(const comparator& a, const comparator& b,
                                     bool include_prerelease) {
  auto test_alone = [include_prerelease](const comparator& c, const version& v) {
    return detail::test_set_one(c, v, include_prerelease);
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

// node-semver `intersects(r1, r2)`: some version could satisfy both.
[[nodiscard]] inline bool intersects(const range& a, const range& b) {
  const bool inc = a.options.include_prerelease;
  // node-semver isSatisfiable: every pair of the set intersects.
  const auto satisfiable = [inc](const comparator_set& set) {
    for (std::size_t k = set.size(); k-- > 1;) {
      for (std::size_t j = 0; j < k; ++j)
        if (!intersects(set[k], set[j], inc)) return false;
    }
    return true;
  };
  for (const auto& x : a.sets) {
    if (!satisfiable(x)) continue;
    for (const auto& y : b.sets) {
      if (!satisfiable(y)) continue;
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

// node-semver `subset(sub, dom)`: every version matching `sub` matches `dom`.
[[nodiscard]] inline bool subset(const range& sub, const range& dom) {
  const bool inc = sub.options.include_prerelease;
  bool saw_non_null = false;
  for (const auto& simple_sub : sub.sets) {
    bool found = false;
    for (const auto& simple_dom : dom.sets) {
      const int is_sub = detail::simple_subset(simple_sub, simple_dom, inc);
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

#include "relkit/detail/epilogue.hpp"
