#pragma once
// Compiled mode (relkit/src.hpp only): the one explicit instantiation of each
// `template <class = void>` function of relkit/gates/spec.hpp and evaluate.hpp.

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/gates/impl/evaluate.hpp"
#include "relkit/gates/impl/spec.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template result<gate> parse<>(std::string_view spec);
template std::string to_string<>(const gate& g);
template verdict evaluate<>(const gate& g, const evidence& e);
template outcome check<>(const gate& g, const evidence& e) noexcept;
template std::string render<>(const verdict& v, render_options options);

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
