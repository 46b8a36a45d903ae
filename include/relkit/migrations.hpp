#pragma once
// relkit::migrations: expand-contract plans for PostgreSQL 11+ schema changes,
// their Markdown runbooks, and a linter for hand-written migration SQL.
//
//   relkit/migrations/change.hpp          the changes (add_column, ...), change_kind
//   relkit/migrations/migration_plan.hpp  the plan: phases, app versions, make_plan_options
//   relkit/migrations/plan.hpp            make_plan, check_invariant
//   relkit/migrations/runbook.hpp         render (Markdown)
//   relkit/migrations/lint.hpp            lint, finding, lint_options
//   relkit/migrations/error.hpp           errc and its error domain

#include "relkit/migrations/change.hpp"
#include "relkit/migrations/error.hpp"
#include "relkit/migrations/lint.hpp"
#include "relkit/migrations/migration_plan.hpp"
#include "relkit/migrations/plan.hpp"
#include "relkit/migrations/runbook.hpp"
