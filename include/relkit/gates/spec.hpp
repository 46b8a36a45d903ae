#pragma once
// relkit::gates spec text: the line-based gate spec (docs/gates.md) and its
// printer; parse(to_string(g)) == g for every parsed gate.

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/condition.hpp"
#include "relkit/gates/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// Parses a gate spec. Errors (relkit/gates/error.hpp) carry the byte
// position in `spec`; a node that parses but is invalid is errc::invalid_gate
// at its first word. Limits: 64 levels of nesting (errc::too_deep);
// max_spec_gates gate and window lines and max_spec_words words on a line
// (errc::too_large at the first word beyond, relkit/gates/error.hpp). Lines
// are read as the parser reaches them, so a refused spec costs no more.
template <class = void>
[[nodiscard]] result<gate> parse(std::string_view spec);

// The spec text of a gate; parse(to_string(g)) == g for every parsed gate.
template <class = void>
[[nodiscard]] std::string to_string(const gate& g);

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/spec.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
