#pragma once
// relkit::migrations::render: a plan as a Markdown runbook for the operator.

#include "relkit/detail/prologue.hpp"

#include <string>

#include "relkit/config.hpp"
#include "relkit/migrations/migration_plan.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

// How render writes a runbook. There is one format today (Markdown); the
// struct keeps the signature stable when options come.
struct render_options {
  friend bool operator==(const render_options&, const render_options&) { return true; }
  friend bool operator!=(const render_options&, const render_options&) { return false; }
};

// A Markdown runbook of `plan`: its app versions, a table of the phases, then
// each phase with its SQL, allowed apps, note, rollback (and what it loses)
// and, for the point of no return, the acknowledgement to SET first.
[[nodiscard]] RELKIT_INLINE std::string render(const migration_plan& plan,
                                               const render_options& options = render_options());

}  // namespace migrations
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/migrations/impl/runbook.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
