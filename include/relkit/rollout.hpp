#pragma once
// relkit::rollout: canary, blue-green and progressive (Flagger-style) rollouts
// as a pure state machine. A plan is validated once; then
//   transition t = advance(plan, state, event);
// gives the next state and the actions a controller must take. Nothing here
// reads a clock: every event carries the time it happened.
//
// Pieces: rollout/analysis.hpp (Argo analysis runs), rollout/kayenta.hpp
// (Kayenta score and judge), rollout/plan.hpp (specs, make_plan),
// rollout/state.hpp (state, its text form), rollout/event.hpp,
// rollout/action.hpp, rollout/advance.hpp (the state machine), rollout/error.hpp (errors).

#include "relkit/rollout/action.hpp"
#include "relkit/rollout/advance.hpp"
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/error.hpp"
#include "relkit/rollout/event.hpp"
#include "relkit/rollout/kayenta.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/plan_text.hpp"
#include "relkit/rollout/state.hpp"
