#pragma once
// relkit::gates: promotion gates over evidence. A gate is a tree of
// conditions (thresholds, approvals, test stages, deploy windows) composed
// with all_of / any_of / not_ / a weighted score. Evaluation fails closed:
// missing evidence fails (also under not_), a timeout never approves, and no
// member can be optional. Every verdict explains itself, one line per node.
//
// Pieces: gates/evidence.hpp (what a gate looks at), gates/condition.hpp
// (gate nodes, builders, validate), gates/verdict.hpp (outcomes, verdicts),
// gates/evaluate.hpp (evaluate, check, render), gates/spec.hpp (spec text),
// gates/kayenta.hpp (Kayenta's interval judge), gates/error.hpp (errors),
// gates/report.hpp (what the report readers share: their errors, merge),
// gates/read_options.hpp (every reader's limits), gates/test_report.hpp
// (JUnit XML), gates/coverage_report.hpp (Cobertura, JaCoCo, lcov),
// gates/vulnerability_report.hpp (SARIF, Trivy, Grype, npm audit),
// gates/performance_report.hpp (k6, Prometheus), gates/review_report.hpp
// (GitHub and GitLab reviews, approvals and jobs).

#include "relkit/gates/condition.hpp"
#include "relkit/gates/coverage_report.hpp"
#include "relkit/gates/error.hpp"
#include "relkit/gates/evaluate.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/kayenta.hpp"
#include "relkit/gates/performance_report.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/gates/review_report.hpp"
#include "relkit/gates/spec.hpp"
#include "relkit/gates/test_report.hpp"
#include "relkit/gates/verdict.hpp"
#include "relkit/gates/vulnerability_report.hpp"
