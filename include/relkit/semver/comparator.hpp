#pragma once
// relkit::semver comparators and ranges as values: comparator_op, comparator,
// range_options, range; their canonical text (node-semver's `value` and
// `validRange`) and matching a version against them. Parsing ranges is in
// relkit/semver/range.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <optional>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/semver/small_vector.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

enum class comparator_op : unsigned char { any, eq, lt, le, gt, ge };

namespace detail {
inline constexpr relkit::detail::enum_name<comparator_op> comparator_op_names[] = {
    {comparator_op::any, "any"}, {comparator_op::eq, "eq"}, {comparator_op::lt, "lt"},
    {comparator_op::le, "le"},   {comparator_op::gt, "gt"}, {comparator_op::ge, "ge"},
};
}  // namespace detail

// "any", "eq", "lt", "le", "gt", "ge"; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(comparator_op op) noexcept {
  return relkit::detail::enum_to_string(detail::comparator_op_names, op);
}
// The inverse of to_string(comparator_op).
[[nodiscard]] constexpr std::optional<comparator_op> parse_comparator_op(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::comparator_op_names, name);
}

// The operator as node-semver writes it: "" for any and eq, "<", "<=", ">",
// ">="; "" outside the enum.
[[nodiscard]] constexpr std::string_view symbol(comparator_op op) noexcept {
  switch (op) {
    case comparator_op::lt:
      return "<";
    case comparator_op::le:
      return "<=";
    case comparator_op::gt:
      return ">";
    case comparator_op::ge:
      return ">=";
    case comparator_op::any:
    case comparator_op::eq:
      break;
  }
  return "";
}

struct comparator {
  comparator_op op = comparator_op::any;
  version operand;  // unused for `any`

  // User-provided (not `= default`): `comparator()` and a small_vector's
  // emplace_back() then run the member initializers only, instead of first
  // zeroing the object's 96 bytes (what value-initializing a class with an
  // implicit default constructor does).
  comparator() noexcept {}
  explicit comparator(comparator_op op_) noexcept : op(op_) {}
  comparator(comparator_op op_, version operand_) noexcept
      : op(op_), operand(std::move(operand_)) {}

  // Same operator and identical operand (build included).
  [[nodiscard]] friend bool operator==(const comparator& a, const comparator& b) noexcept {
    return a.op == b.op && identical(a.operand, b.operand);
  }
  [[nodiscard]] friend bool operator!=(const comparator& a, const comparator& b) noexcept {
    return !(a == b);
  }
};

struct range_options {
  bool loose = false;               // node-semver {loose: true}
  bool include_prerelease = false;  // node-semver {includePrerelease: true}

  [[nodiscard]] friend constexpr bool operator==(const range_options& a,
                                                 const range_options& b) noexcept {
    return a.loose == b.loose && a.include_prerelease == b.include_prerelease;
  }
  [[nodiscard]] friend constexpr bool operator!=(const range_options& a,
                                                 const range_options& b) noexcept {
    return !(a == b);
  }
};

// One comparator set: the comparators a version must all satisfy. It reads
// like a std::vector<comparator> and keeps up to two inline (`^1.2.3` is
// `>=1.2.3 <2.0.0-0`); make one from a std::vector with
// `comparator_set(v.begin(), v.end())`.
using comparator_set = small_vector<comparator, 2>;

// Comparator sets joined by `||`; a version matches if every comparator of
// some set matches it (and npm's prerelease rule allows it). One set is kept
// inline: parsing a range of one set of up to two comparators allocates
// nothing.
struct range {
  small_vector<comparator_set, 1> sets;
  range_options options;

  // Same sets, comparator for comparator, and same options.
  [[nodiscard]] friend bool operator==(const range& a, const range& b) noexcept {
    return a.sets == b.sets && a.options == b.options;
  }
  [[nodiscard]] friend bool operator!=(const range& a, const range& b) noexcept {
    return !(a == b);
  }
};

// node-semver Comparator.value: "" for any, else operator and version (no build).
[[nodiscard]] inline std::string to_string(const comparator& c) {
  if (c.op == comparator_op::any) return std::string();
  std::string out(symbol(c.op));
  out += to_npm_string(c.operand);
  return out;
}

// node-semver `validRange`: the normalised range, "*" for any version.
[[nodiscard]] inline std::string to_string(const range& r) {
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

[[nodiscard]] inline bool test(const comparator& c, const version& v) noexcept {
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
namespace detail {
[[nodiscard]] inline bool test_comparators(const comparator* first, const comparator* last,
                                           const version& v, bool include_prerelease) noexcept {
  for (const comparator* c = first; c != last; ++c)
    if (!test(*c, v)) return false;
  if (v.prerelease.empty() || include_prerelease) return true;
  for (const comparator* c = first; c != last; ++c) {
    if (c->op == comparator_op::any || c->operand.prerelease.empty()) continue;
    if (c->operand.major == v.major && c->operand.minor == v.minor && c->operand.patch == v.patch) {
      return true;
    }
  }
  return false;
}
}  // namespace detail

[[nodiscard]] inline bool test_set(const comparator_set& set, const version& v,
                                   bool include_prerelease) noexcept {
  return detail::test_comparators(set.begin(), set.end(), v, include_prerelease);
}
// The same for a set held in a std::vector.
[[nodiscard]] inline bool test_set(const std::vector<comparator>& set, const version& v,
                                   bool include_prerelease) noexcept {
  const comparator* first = set.data();
  return detail::test_comparators(first, first + set.size(), v, include_prerelease);
}

[[nodiscard]] inline bool satisfies(const version& v, const range& r) noexcept {
  for (const auto& set : r.sets)
    if (test_set(set, v, r.options.include_prerelease)) return true;
  return false;
}

}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
