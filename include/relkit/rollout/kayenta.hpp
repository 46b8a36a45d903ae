#pragma once
// relkit::rollout Kayenta: NetflixACAJudge's score of classified metrics and
// the judgement of one run. Over several intervals the judge is
// relkit::gates::judge_intervals (one NaN and boundary policy, see
// relkit/gates/kayenta.hpp).

#include "relkit/detail/prologue.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/gates/kayenta.hpp"
#include "relkit/rollout/analysis.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// ---- Kayenta ---------------------------------------------------------------

// A metric's classification by the canary judge (Mann-Whitney is the caller's).
enum class classification : std::uint8_t { pass, high, low, nodata, nodata_fail };

struct classified_metric {
  std::string_view group;
  classification result = classification::pass;
  bool critical = false;

  friend bool operator==(const classified_metric& a, const classified_metric& b) {
    return a.group == b.group && a.result == b.result && a.critical == b.critical;
  }
  friend bool operator!=(const classified_metric& a, const classified_metric& b) {
    return !(a == b);
  }
};

struct score_group {
  std::string_view name;
  std::optional<double> weight;  // unset: shares 100 - sum(weights) equally

  friend bool operator==(const score_group& a, const score_group& b) {
    return a.name == b.name && a.weight == b.weight;
  }
  friend bool operator!=(const score_group& a, const score_group& b) { return !(a == b); }
};

enum class verdict : std::uint8_t { pass, marginal, fail };

namespace detail {
inline constexpr relkit::detail::enum_name<verdict> verdict_names[] = {
    {verdict::pass, "pass"}, {verdict::marginal, "marginal"}, {verdict::fail, "fail"}};
}  // namespace detail

// "pass", "marginal", "fail"; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
  return relkit::detail::enum_to_string(detail::verdict_names, v);
}
// The inverse of to_string(verdict).
[[nodiscard]] constexpr std::optional<verdict> parse_verdict(std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::verdict_names, text);
}

// NetflixACAJudge's weighted-sum score, rounded to 2 decimals: per group
// pass / (pass + high + low + nodata_fail) x 100 (100 when nothing is
// classifiable), summed by weight; any critical metric not Pass, or >= 50%
// of metrics Nodata, scores 0.
[[nodiscard]] inline double kayenta_score(const std::vector<score_group>& groups,
                                          const std::vector<classified_metric>& metrics) noexcept {
  std::size_t nodata = 0;
  for (const auto& m : metrics) {
    if (m.critical && m.result != classification::pass) return 0.0;
    if (m.result == classification::nodata) ++nodata;
  }
  if (!metrics.empty() && nodata * 2 >= metrics.size()) return 0.0;
  double fixed = 0;
  std::size_t unweighted = 0;
  for (const auto& g : groups) {
    if (g.weight) {
      fixed += *g.weight;
    } else {
      ++unweighted;
    }
  }
  const double share = unweighted == 0 ? 0.0 : (100.0 - fixed) / static_cast<double>(unweighted);
  double total = 0;
  for (const auto& g : groups) {
    std::size_t pass = 0;
    std::size_t counted = 0;
    for (const auto& m : metrics) {
      if (m.group != g.name || m.result == classification::nodata) continue;
      ++counted;
      if (m.result == classification::pass) ++pass;
    }
    const double group_score =
        counted == 0 ? 100.0 : static_cast<double>(pass) / static_cast<double>(counted) * 100.0;
    total += group_score * (g.weight ? *g.weight : share) / 100.0;
  }
  // total is within 0..100: round half up to hundredths without <cmath>.
  return static_cast<double>(static_cast<std::int64_t>(total * 100.0 + 0.5)) / 100.0;
}

// One run: score >= pass is pass, >= marginal is marginal, else fail (a NaN
// score fails, as in relkit::gates::judge_interval).
[[nodiscard]] constexpr verdict judge_score(double score, const judge& j) noexcept {
  return score >= j.pass ? verdict::pass : score >= j.marginal ? verdict::marginal : verdict::fail;
}

// Over several intervals, Kayenta's judge is relkit::gates::judge_intervals
// (relkit/gates/kayenta.hpp): one rule, one NaN and boundary policy for gates
// and rollout. A Kayenta analysis judges its score_result events with it.

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
