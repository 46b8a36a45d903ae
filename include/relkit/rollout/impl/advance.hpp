#pragma once
// relkit::rollout: advance() and advance_in_place(). Included at the end of
// relkit/rollout/advance.hpp.

#include "relkit/detail/prologue.hpp"

#include <utility>

#include "relkit/config.hpp"
#include "relkit/rollout/advance.hpp"
#include "relkit/rollout/detail/machine.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

template <class Unused>
transition advance(const plan& p, const state& s, const event& e) {
  transition t{s, {}};
  detail::run<Unused>(p, t.next, t.actions, e);
  return t;
}

template <class Unused>
transition advance(const plan& p, state&& s, const event& e) {
  transition t{std::move(s), {}};
  detail::run<Unused>(p, t.next, t.actions, e);
  return t;
}

template <class Unused>
action_list advance_in_place(const plan& p, state& s, const event& e) {
  action_list out;
  detail::run<Unused>(p, s, out, e);
  return out;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
