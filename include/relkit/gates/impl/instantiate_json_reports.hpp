#pragma once
// Compiled mode (relkit/src.hpp only): the one explicit instantiation of each
// `template <class = void>` reader of relkit/gates/vulnerability_report.hpp,
// performance_report.hpp and review_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <string_view>

#include "relkit/gates/impl/performance_report.hpp"
#include "relkit/gates/impl/review_report.hpp"
#include "relkit/gates/impl/vulnerability_report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template result<evidence> read_sarif<>(std::string_view, const read_options&);
template result<evidence> read_trivy<>(std::string_view, const read_options&);
template result<evidence> read_grype<>(std::string_view, const read_options&);
template result<evidence> read_npm_audit<>(std::string_view, const read_options&);
template result<evidence> read_k6<>(std::string_view, const read_options&);
template result<evidence> read_prometheus<>(std::string_view, std::string_view,
                                            const read_options&);
template result<evidence> read_github_reviews<>(std::string_view, const read_options&);
template result<evidence> read_github_jobs<>(std::string_view, const read_options&);
template result<evidence> read_gitlab_approvals<>(std::string_view, const read_options&);
template result<evidence> read_gitlab_jobs<>(std::string_view, const read_options&);

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
