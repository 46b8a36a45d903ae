#pragma once
// Compiled mode (relkit/src.hpp only): the one explicit instantiation of each
// `template <class = void>` function of relkit/gates/test_report.hpp and
// coverage_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <string_view>

#include "relkit/gates/impl/coverage_report.hpp"
#include "relkit/gates/impl/test_report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template result<evidence> read_junit<>(std::string_view text, std::string_view stage,
                                       const read_options& options);
template result<coverage_format> detect_coverage_format<>(std::string_view text,
                                                          const read_options& options);
template result<coverage_report> read_coverage_report<>(std::string_view text,
                                                        coverage_format format,
                                                        const read_options& options);
template result<coverage_report> read_coverage_report<>(std::string_view text,
                                                        const read_options& options);
template result<evidence> read_cobertura<>(std::string_view text, const read_options& options);
template result<evidence> read_jacoco<>(std::string_view text, const read_options& options);
template result<evidence> read_lcov<>(std::string_view text, const read_options& options);
template result<evidence> read_coverage<>(std::string_view text, const read_options& options);

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
