#pragma once
// relkit::rollout: the text of an action for people (render). Included at the end of
// relkit/rollout/action.hpp.

#include "relkit/detail/prologue.hpp"

#include <string>

#include "relkit/config.hpp"
#include "relkit/rollout/action.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

RELKIT_INLINE std::string render(const action& a) {
  std::string out(to_string(a.kind));
  switch (a.kind) {
    case action_kind::set_weight:
      out += ' ';
      out += std::to_string(a.weight);
      break;
    case action_kind::start_analysis:
    case action_kind::stop_analysis:
      out += ' ';
      out += to_string(a.slot);
      break;
    case action_kind::scale_down:
      out += ' ';
      out += to_string(a.target);
      out += " after ";
      out += std::to_string(a.delay.count());
      out += 's';
      break;
    default:
      break;
  }
  return out;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
