#pragma once
// Compiled mode (relkit/src.hpp only): the one explicit instantiation of each
// `template <class Unused = void>` function of rollout, so translation units
// built with RELKIT_SEPARATE_COMPILATION link to these instead of compiling
// the bodies.

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/rollout/impl/advance.hpp"
#include "relkit/rollout/impl/plan.hpp"
#include "relkit/rollout/impl/plan_text.hpp"
#include "relkit/rollout/impl/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

template result<plan> make_plan<>(canary_spec spec);
template result<plan> make_plan<>(blue_green_spec spec);
template result<plan> make_plan<>(progressive_spec spec);
template result<plan_document> parse_plan<>(std::string_view text, const parse_options& options);
template std::string to_string<>(const state& s);
template result<state> parse_state<>(std::string_view text);
template result<state> parse_state<>(std::string_view text, const plan& p);
template transition advance<>(const plan& p, const state& s, const event& e);
template transition advance<>(const plan& p, state&& s, const event& e);
template action_list advance_in_place<>(const plan& p, state& s, const event& e);

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
