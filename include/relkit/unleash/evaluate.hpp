#pragma once
// Unleash's SDK entry points over a relkit flag set (client-specification
// 6.1.0). Both allocate nothing except for REGEX constraints.

#include "relkit/detail/prologue.hpp"

#include <string_view>

#include "relkit/config.hpp"
#include "relkit/flags/context.hpp"
#include "relkit/flags/evaluation.hpp"
#include "relkit/flags/flag_set.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {

// Unleash's isEnabled: unknown flags are false.
template <class Unused = void>
[[nodiscard]] bool is_enabled(const flags::flag_set& set, std::string_view name,
                              const flags::context& ctx) {
  return set.is_enabled(name, ctx);
}

// Unleash's getVariant: {name:"disabled", enabled:false} when the flag is
// unknown, off, or has no variants.
template <class Unused = void>
[[nodiscard]] flags::variant_result get_variant(const flags::flag_set& set, std::string_view name,
                                                const flags::context& ctx) {
  return set.get_variant(name, ctx);
}

}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
