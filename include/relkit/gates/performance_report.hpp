#pragma once
// relkit::gates performance reports: k6's `--summary-export` JSON and a
// Prometheus HTTP API query result, read into metrics.
//
// k6 (`read_k6`): every numeric statistic of every metric of `metrics` is a
// metric `k6.<metric>.<stat>`, in k6's units (milliseconds for times, a 0-1
// rate for `checks` and rates): `k6.http_reqs.count`,
// `k6.checks.value`. Names are made fit for a gate spec (docs/gates.md: only
// `[A-Za-z0-9_.:/-]`): a percentile `p(95)` is written `p95` (`p(99.9)`:
// `p99.9`), a sub-metric's `{tag:value}` becomes `.tag:value`
// (`k6.http_req_duration.expected_response:true.p95`), and any other byte
// outside the set becomes `_`. `http_req_duration`'s `p(95)` is also the
// metric `p95`, the name the seed gate reads (absent when k6 was told not to
// compute it with --summary-trend-stats). `thresholds`: the export writes
// `true` for a threshold that FAILED (k6's LastFailed, inverted from what it
// reads like); the count `k6.thresholds_failed` is how many did (always
// present). `root_group`'s checks are summed by k6 in the `checks` metric and
// not read again. Errors: no `metrics` object is wrong_format; two names made
// equal by the renaming are conflicting_evidence.
//
// Prometheus (`read_prometheus`, the JSON of /api/v1/query): `status` must be
// "success" (an "error" document is refused as bad_value quoting the API's
// `error`); `data.resultType` "scalar" gives its value, "vector" must hold
// exactly one sample (none: missing_field; several: bad_value, since one gate
// name cannot hold several series - narrow the query, e.g. with sum() or a
// label matcher); "matrix" and "string" are bad_value. The value string must
// be a finite number: "NaN", "+Inf" and "-Inf" are bad_value. The metric is
// named `name`, the caller's choice (`relkit gate --prometheus NAME=FILE`). A
// baseline is a second query's result: the caller stores its value in
// metric::baseline (`--prometheus-baseline NAME=FILE`).
//
// Limits: read_options (max_bytes, max_depth, max_entries: k6 metrics one
// report gives) are too_large.

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template <class = void>
[[nodiscard]] result<evidence> read_k6(std::string_view text, const read_options& options = {});

template <class = void>
[[nodiscard]] result<evidence> read_prometheus(std::string_view text, std::string_view name,
                                               const read_options& options = {});

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/performance_report.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
