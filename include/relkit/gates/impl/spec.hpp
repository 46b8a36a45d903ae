#pragma once
// Bodies of relkit/gates/spec.hpp (the work is in relkit/gates/detail/spec.hpp).

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/detail/spec.hpp"
#include "relkit/gates/spec.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template <class Unused>
result<gate> parse(std::string_view spec) {
  detail::spec_parser<> parser(spec);
  return parser.parse_document();
}

template <class Unused>
std::string to_string(const gate& g) {
  std::string out;
  detail::append_spec(out, g, 0);
  return out;
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
