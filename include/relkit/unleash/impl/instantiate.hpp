#pragma once
// Compiled mode (relkit/src.hpp only): the one explicit instantiation of each
// `template <class Unused = void>` function of relkit/unleash/load.hpp.

#include "relkit/detail/prologue.hpp"

#include <string_view>
#include <vector>

#include "relkit/unleash/impl/load.hpp"

RELKIT_NAMESPACE_BEGIN
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
