#pragma once
// relkit::migrations::make_plan: the expand-contract plan of one schema change
// for PostgreSQL 11+, and the invariant every plan keeps. A plan is ordered
// phases; each names its SQL, the app versions allowed to run during it, and
// its rollback (lossless, lossy with what is lost, or impossible). The point
// of no return is a phase whose SQL refuses to run until the operator
// acknowledges it in the session.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/migrations/change.hpp"
#include "relkit/migrations/error.hpp"
#include "relkit/migrations/migration_plan.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

// Every app allowed in phase k must find what it needs in the schema after
// phase k and after phase k-1 (the initial schema for the first phase), so
// rolling phase k back never breaks a running app. Errors (no_position):
// errc::unknown_app_version for an app name the plan does not list,
// errc::invariant_violated for a missing fact; the phase's index is
// violated_phase(error), its 1-based number is in the message.
[[nodiscard]] RELKIT_INLINE relkit::result<void> check_invariant(const migration_plan& p);

// The index into plan.phases of the phase an error of check_invariant (or of
// make_plan, which runs it) is about; nullopt for any other error.
[[nodiscard]] RELKIT_INLINE std::optional<std::size_t> violated_phase(
    const relkit::error& err) noexcept;

// The expand-contract plan for one change, checked with check_invariant.
// Errors carry relkit::no_position (a change is a value built in code):
// errc::unsupported_postgres_version, errc::invalid_batch_size, and per
// change errc::invalid_identifier, missing_type, empty_expression,
// empty_column_list, same_name, missing_conversion,
// lossy_down_needs_acknowledgement, not_null_needs_default_or_backfill,
// drop_needs_down, not_null_source_column.
[[nodiscard]] RELKIT_INLINE relkit::result<migration_plan> make_plan(
    const change& what, const make_plan_options& options = {});

}  // namespace migrations
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/migrations/impl/plan.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
