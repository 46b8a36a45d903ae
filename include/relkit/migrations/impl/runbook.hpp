#pragma once
// Body of relkit/migrations/runbook.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>

#include "relkit/config.hpp"
#include "relkit/migrations/detail/names.hpp"
#include "relkit/migrations/migration_plan.hpp"
#include "relkit/migrations/runbook.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

RELKIT_INLINE std::string render(const migration_plan& p, const render_options&) {
  std::string out = "# Migration: " + p.summary + "\n\n## App versions\n\n";
  for (const auto& a : p.apps) out += "- **" + a.name + "**: " + a.description + "\n";
  out += "\n## Phases\n\n| # | phase | apps | rollback |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    const phase& ph = p.phases[i];
    out += "| " + std::to_string(i + 1) + " | " + std::string(display_name(ph.kind)) +
           (ph.point_of_no_return ? " (point of no return)" : "") + " | " +
           detail::join_list(ph.apps, ", ") + " | " + std::string(to_string(ph.rollback)) + " |\n";
  }
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    const phase& ph = p.phases[i];
    out += "\n## Phase " + std::to_string(i + 1) + ": " + std::string(display_name(ph.kind)) +
           ": " + ph.title + "\n\n";
    if (ph.point_of_no_return) {
      out += "**Point of no return.** Acknowledge first: `SET relkit.acknowledge = '" +
             ph.acknowledgement + "';`\n\n";
    }
    out += "Apps allowed: " + detail::join_list(ph.apps, ", ") + "\n\n";
    if (ph.sql.empty()) {
      out += "No SQL: a deploy step.\n\n";
    } else {
      out += "```sql\n" + ph.sql + "```\n\n";
    }
    if (!ph.note.empty()) out += "Note: " + ph.note + "\n\n";
    out += "Rollback (" + std::string(to_string(ph.rollback));
    if (!ph.lost.empty()) out += "; lost: " + ph.lost;
    out += ")";
    if (ph.rollback == rollback_kind::impossible) {
      out += ".\n";
      continue;
    }
    if (ph.rollback_sql.empty()) {
      out += ": redeploy the apps of the previous phase; no SQL.\n";
    } else {
      out += ":\n\n```sql\n" + ph.rollback_sql + "```\n";
    }
  }
  return out;
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
