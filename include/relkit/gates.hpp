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
// gates/read_options.hpp (the readers' limits), gates/test_report.hpp (JUnit
// XML), gates/coverage_report.hpp (Cobertura, JaCoCo, lcov).

#include "relkit/gates/condition.hpp"
#include "relkit/gates/coverage_report.hpp"
#include "relkit/gates/error.hpp"
#include "relkit/gates/evaluate.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/kayenta.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/gates/spec.hpp"
#include "relkit/gates/test_report.hpp"
#include "relkit/gates/verdict.hpp"
