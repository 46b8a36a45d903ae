#pragma once
// relkit's compiled mode: include this file in exactly one .cpp of a program
// whose every translation unit defines RELKIT_SEPARATE_COMPILATION (CMake:
// link relkit::compiled, which builds src/relkit.cpp and defines the macro
// PUBLIC). With the macro, the headers declare the heavy functions and leave
// their bodies (the impl/ files) out; this file includes every body once:
// functions marked RELKIT_INLINE get their one definition here, and the
// `template <class Unused = void>` functions are explicitly instantiated for
// `void`, so other translation units link to them instead of compiling them.

#include "relkit/detail/prologue.hpp"

#ifndef RELKIT_SEPARATE_COMPILATION
#error "relkit/src.hpp needs RELKIT_SEPARATE_COMPILATION, defined in every translation unit"
#endif

#include <string>
#include <string_view>
#include <vector>

#include "relkit/relkit.hpp"

#include "relkit/migrations/impl/lint.hpp"
#include "relkit/migrations/impl/plan.hpp"
#include "relkit/migrations/impl/runbook.hpp"
#include "relkit/rollout/impl/action.hpp"
#include "relkit/rollout/impl/advance.hpp"
#include "relkit/rollout/impl/plan.hpp"
#include "relkit/rollout/impl/state.hpp"
#include "relkit/unleash/impl/load.hpp"

RELKIT_NAMESPACE_BEGIN

namespace rollout {
template result<plan> make_plan<>(canary_spec spec);
template result<plan> make_plan<>(blue_green_spec spec);
template result<plan> make_plan<>(progressive_spec spec);
template std::string to_string<>(const state& s);
template result<state> parse_state<>(std::string_view text);
template result<state> parse_state<>(std::string_view text, const plan& p);
template transition advance<>(const plan& p, const state& s, const event& e);
template transition advance<>(const plan& p, state&& s, const event& e);
template action_list advance_in_place<>(const plan& p, state& s, const event& e);
}  // namespace rollout

namespace unleash {
template relkit::result<features_payload> parse_features<>(std::string_view json,
                                                           const load_options& options);
template relkit::result<std::vector<delta_event>> parse_delta<>(std::string_view json,
                                                                const load_options& options);
template void apply_delta<>(flags::flag_set& set, const std::vector<delta_event>& events);
template relkit::result<flags::flag_set> load<>(std::string_view json, const load_options& options);
}  // namespace unleash

RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
