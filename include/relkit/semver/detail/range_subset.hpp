#pragma once
// Internals of relkit::semver range algebra: node-semver's simpleSubset and
// the helpers it and Comparator.intersects share.

#include "relkit/detail/prologue.hpp"

#include <vector>

#include "relkit/config.hpp"
#include "relkit/semver/comparator.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {
// `new Range(c.value).test(v)`: one comparator with the prerelease rule.
[[nodiscard]] inline bool test_set_one(const comparator& c, const version& v,
                                       bool include_prerelease) noexcept {
  if (!test(c, v)) return false;
  if (v.prerelease.empty() || include_prerelease) return true;
  return c.op != comparator_op::any && !c.operand.prerelease.empty() &&
         c.operand.major == v.major && c.operand.minor == v.minor && c.operand.patch == v.patch;
}

// node-semver higherGT / lowerLT: true when `b` is chosen over `a`.
[[nodiscard]] inline bool higher_gt_picks_b(const comparator& a, const comparator& b) noexcept {
  const int k = compare(a.operand, b.operand);
  if (k > 0) return false;
  if (k < 0) return true;
  return b.op == comparator_op::gt && a.op == comparator_op::ge;
}
[[nodiscard]] inline bool lower_lt_picks_b(const comparator& a, const comparator& b) noexcept {
  const int k = compare(a.operand, b.operand);
  if (k < 0) return false;
  if (k > 0) return true;
  return b.op == comparator_op::lt && a.op == comparator_op::le;
}

[[nodiscard]] inline bool same_tuple(const version& a, const version& b) noexcept {
  return a.major == b.major && a.minor == b.minor && a.patch == b.patch;
}

// node-semver simpleSubset: 1 true, 0 false, -1 null (sub is the null set).
[[nodiscard]] inline int simple_subset(comparator_set sub, comparator_set dom,
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

}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
