#pragma once
// Bodies of relkit/gates/evaluate.hpp (the work is in relkit/gates/detail/evaluate.hpp).

#include "relkit/detail/prologue.hpp"

#include <string>

#include "relkit/config.hpp"
#include "relkit/gates/detail/evaluate.hpp"
#include "relkit/gates/evaluate.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template <class Unused>
verdict evaluate(const gate& g, const evidence& e) {
  verdict v;
  (void)detail::eval_node(g, e, &v, 0);
  return v;
}

template <class Unused>
outcome check(const gate& g, const evidence& e) noexcept {
  return detail::eval_node(g, e, nullptr, 0).result;
}

template <class Unused>
std::string render(const verdict& v, render_options options) {
  std::string out;
  detail::append_verdict(out, v, 0, options.format == render_format::markdown);
  return out;
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
