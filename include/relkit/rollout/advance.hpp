#pragma once
// relkit::rollout advance: one step of the state machine.

#include "relkit/detail/prologue.hpp"

#include "relkit/config.hpp"
#include "relkit/rollout/action.hpp"
#include "relkit/rollout/event.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// What advance() answers: the state after the event and the actions to take.
struct transition {
  state next;
  action_list actions;

  friend bool operator==(const transition& a, const transition& b) {
    return a.next == b.next && a.actions == b.actions;
  }
  friend bool operator!=(const transition& a, const transition& b) { return !(a == b); }
};

// The next state and the actions to take. Events that do not apply (retry
// while not aborted, a result for a run that is not running, an empty
// artifact id …) change nothing. Precondition: `s` was made for `p`
// (initial_state(p, …), parse_state(text, p) or an earlier advance with p).
// Pass the state with std::move to avoid copying it (and its artifact ids).
// (The template parameters only defer compiling the bodies until they are used.)
template <class Unused = void>
[[nodiscard]] transition advance(const plan& p, const state& s, const event& e);
template <class Unused = void>
[[nodiscard]] transition advance(const plan& p, state&& s, const event& e);
// The same, changing `s` in place: for a controller's hot loop.
template <class Unused = void>
[[nodiscard]] action_list advance_in_place(const plan& p, state& s, const event& e);

}  // namespace rollout
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/rollout/impl/advance.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
