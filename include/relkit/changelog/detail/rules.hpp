#pragma once
// Shorthands the presets are written with (internal).

#include "relkit/detail/prologue.hpp"

#include <string>
#include <utility>

#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {
[[nodiscard]] inline rule type_rule(std::string type, std::string section, bool hidden = false) {
  return rule{rule::match::type, std::move(type), std::move(section), hidden};
}
[[nodiscard]] inline rule header_rule(rule::match kind, std::string text, std::string section) {
  return rule{kind, std::move(text), std::move(section), false};
}
}  // namespace detail
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
