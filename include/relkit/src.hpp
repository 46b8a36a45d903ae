#pragma once
// relkit's compiled mode: include this file in exactly one .cpp of a program
// whose every translation unit defines RELKIT_SEPARATE_COMPILATION (CMake:
// link relkit::compiled, which builds src/relkit.cpp and defines the macro
// PUBLIC). With the macro, the headers declare the heavy functions and leave
// their bodies (the impl/ files) out; this file includes every body once:
// functions marked RELKIT_INLINE get their one definition here, and the
// `template <class Unused = void>` functions are explicitly instantiated for
// `void` (each component's impl/instantiate.hpp), so the other translation
// units link to them instead of compiling them.
//
// Not part of relkit/relkit.hpp, and not for the single header.

#ifndef RELKIT_SEPARATE_COMPILATION
#ifdef RELKIT_INLINE
#error "relkit/src.hpp: a relkit header was included without RELKIT_SEPARATE_COMPILATION"
#endif
#define RELKIT_SEPARATE_COMPILATION
#endif

#include "relkit/relkit.hpp"

#include "relkit/commits/impl/parse.hpp"
#include "relkit/commits/impl/tag_format.hpp"
#include "relkit/commits/impl/workspace.hpp"
#include "relkit/commits/impl/workspace_config.hpp"
#include "relkit/gates/impl/coverage_report.hpp"
#include "relkit/gates/impl/evaluate.hpp"
#include "relkit/gates/impl/instantiate.hpp"
#include "relkit/gates/impl/instantiate_json_reports.hpp"
#include "relkit/gates/impl/instantiate_reports.hpp"
#include "relkit/gates/impl/performance_report.hpp"
#include "relkit/gates/impl/review_report.hpp"
#include "relkit/gates/impl/spec.hpp"
#include "relkit/gates/impl/test_report.hpp"
#include "relkit/gates/impl/vulnerability_report.hpp"
#include "relkit/migrations/impl/lint.hpp"
#include "relkit/migrations/impl/plan.hpp"
#include "relkit/migrations/impl/runbook.hpp"
#include "relkit/rollout/impl/action.hpp"
#include "relkit/rollout/impl/advance.hpp"
#include "relkit/rollout/impl/instantiate.hpp"
#include "relkit/rollout/impl/plan.hpp"
#include "relkit/rollout/impl/state.hpp"
#include "relkit/unleash/impl/instantiate.hpp"
#include "relkit/unleash/impl/load.hpp"
