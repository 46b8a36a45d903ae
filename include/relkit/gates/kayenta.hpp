#pragma once
// relkit::gates Kayenta judge: the one judgement of a canary's interval
// scores, used by gates and by rollout's Kayenta analyses (rollout reaches it
// through this header).
//
// The rule is Kayenta's (NetflixACAJudge, multi-interval canary stage):
//  - an intermediate interval whose score is <= `marginal` stops the analysis
//    at once as failed;
//  - the last interval decides: a score >= `pass` passes, anything else fails
//    (the marginal cut-off is not applied to the last interval, as Kayenta
//    does not);
//  - no scores at all fail (nothing was measured).
// Boundaries: a score equal to `pass` passes; an intermediate score equal to
// `marginal` fails. With marginal == pass, an intermediate score equal to
// both stops the analysis (fail) while a last score equal to both passes.
// NaN: Kayenta defines no NaN score (its scores are rounded sums); relkit
// fails closed: a NaN score is missing evidence and never passes, neither as
// an intermediate interval (it stops the analysis) nor as the last.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/gates/verdict.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// One interval's judgement: `last` says whether it is the final interval.
// Returns outcome::pending when the analysis continues (an intermediate score
// above `marginal`), outcome::pass or outcome::fail when it ends here.
[[nodiscard]] constexpr outcome judge_interval(double score, bool last, double marginal,
                                               double pass) noexcept {
  if (last) return score >= pass ? outcome::pass : outcome::fail;  // NaN: fail
  return score > marginal ? outcome::pending : outcome::fail;      // NaN: fail
}

// Where and how a multi-interval judgement ended.
struct interval_judgement {
  outcome result = outcome::fail;    // pass or fail
  std::size_t intervals_judged = 0;  // where the judgement stopped (1-based count)

  friend constexpr bool operator==(const interval_judgement& a,
                                   const interval_judgement& b) noexcept {
    return a.result == b.result && a.intervals_judged == b.intervals_judged;
  }
  friend constexpr bool operator!=(const interval_judgement& a,
                                   const interval_judgement& b) noexcept {
    return !(a == b);
  }
};

// The judgement over all of `scores` (see the rule above).
[[nodiscard]] inline interval_judgement judge_intervals(const std::vector<double>& scores,
                                                        double marginal, double pass) noexcept {
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const outcome o = judge_interval(scores[i], i + 1 == scores.size(), marginal, pass);
    if (o != outcome::pending) return {o, i + 1};
  }
  return {outcome::fail, 0};
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
