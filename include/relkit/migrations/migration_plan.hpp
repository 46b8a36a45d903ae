#pragma once
// The value make_plan returns: a migration_plan of phases (each with its kind,
// SQL, allowed app versions, rollback and schema facts) and the app versions
// it names; make_plan_options, what make_plan takes besides the change.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

struct make_plan_options {
  int postgres_major = 15;  // 11 or later (errc::unsupported_postgres_version)
  std::string lock_timeout = "5s";
  std::size_t batch_size = 1000;  // rows per backfill batch, at least 1 (errc::invalid_batch_size)
  std::string key_column = "id";  // backfills walk this unique, NOT NULL key in batches
  bool acknowledge_lossy_down = false;

  friend bool operator==(const make_plan_options& a, const make_plan_options& b) {
    return a.postgres_major == b.postgres_major && a.lock_timeout == b.lock_timeout &&
           a.batch_size == b.batch_size && a.key_column == b.key_column &&
           a.acknowledge_lossy_down == b.acknowledge_lossy_down;
  }
  friend bool operator!=(const make_plan_options& a, const make_plan_options& b) {
    return !(a == b);
  }
};

enum class phase_kind { expand, backfill, switch_reads, stop_old_writes, validate, contract };
enum class rollback_kind { lossless, lossy, impossible };

namespace detail {
inline constexpr relkit::detail::enum_name<phase_kind> phase_kind_names[] = {
    {phase_kind::expand, "expand"},
    {phase_kind::backfill, "backfill"},
    {phase_kind::switch_reads, "switch_reads"},
    {phase_kind::stop_old_writes, "stop_old_writes"},
    {phase_kind::validate, "validate"},
    {phase_kind::contract, "contract"},
};
// The words the runbook prints.
inline constexpr relkit::detail::enum_name<phase_kind> phase_kind_display_names[] = {
    {phase_kind::expand, "expand"},
    {phase_kind::backfill, "backfill"},
    {phase_kind::switch_reads, "switch reads"},
    {phase_kind::stop_old_writes, "stop old writes"},
    {phase_kind::validate, "validate"},
    {phase_kind::contract, "contract"},
};
inline constexpr relkit::detail::enum_name<rollback_kind> rollback_kind_names[] = {
    {rollback_kind::lossless, "lossless"},
    {rollback_kind::lossy, "lossy"},
    {rollback_kind::impossible, "impossible"},
};
}  // namespace detail

// "expand", "switch_reads", ...; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(phase_kind kind) noexcept {
  return relkit::detail::enum_to_string(detail::phase_kind_names, kind);
}
// The inverse of to_string(phase_kind); nullopt for any other text.
[[nodiscard]] constexpr std::optional<phase_kind> parse_phase_kind(std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::phase_kind_names, text);
}
// Text for people, as the runbook prints it: "switch reads".
[[nodiscard]] constexpr std::string_view display_name(phase_kind kind) noexcept {
  return relkit::detail::enum_to_string(detail::phase_kind_display_names, kind);
}
// "lossless", "lossy", "impossible"; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(rollback_kind kind) noexcept {
  return relkit::detail::enum_to_string(detail::rollback_kind_names, kind);
}
// The inverse of to_string(rollback_kind); nullopt for any other text.
[[nodiscard]] constexpr std::optional<rollback_kind> parse_rollback_kind(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::rollback_kind_names, text);
}

// An app version and what it needs from the schema ("column users.name"),
// with representative queries: read_sql returns (key[, value]).
struct app_version {
  std::string name;
  std::string description;
  std::vector<std::string> needs;
  std::string read_sql;
  bool read_has_value = false;  // read_sql's second column is the changed data
  std::vector<std::string> write_sql;

  friend bool operator==(const app_version& a, const app_version& b) {
    return a.name == b.name && a.description == b.description && a.needs == b.needs &&
           a.read_sql == b.read_sql && a.read_has_value == b.read_has_value &&
           a.write_sql == b.write_sql;
  }
  friend bool operator!=(const app_version& a, const app_version& b) { return !(a == b); }
};

struct phase {
  phase_kind kind = phase_kind::expand;
  std::string title;
  std::string sql;  // empty: a deploy step only
  std::vector<std::string> apps;
  std::string rollback_sql;  // empty: nothing to run (redeploy the previous apps)
  rollback_kind rollback = rollback_kind::lossless;
  std::string lost;  // what a lossy or impossible rollback loses
  bool point_of_no_return = false;
  std::string acknowledgement;      // SET relkit.acknowledge = '<this>' before sql runs
  std::vector<std::string> schema;  // facts that hold once the phase is done
  std::string note;

  friend bool operator==(const phase& a, const phase& b) {
    return a.kind == b.kind && a.title == b.title && a.sql == b.sql && a.apps == b.apps &&
           a.rollback_sql == b.rollback_sql && a.rollback == b.rollback && a.lost == b.lost &&
           a.point_of_no_return == b.point_of_no_return && a.acknowledgement == b.acknowledgement &&
           a.schema == b.schema && a.note == b.note;
  }
  friend bool operator!=(const phase& a, const phase& b) { return !(a == b); }
};

struct migration_plan {
  std::string summary;
  std::vector<app_version> apps;
  std::vector<std::string> initial_schema;
  std::vector<phase> phases;

  friend bool operator==(const migration_plan& a, const migration_plan& b) {
    return a.summary == b.summary && a.apps == b.apps && a.initial_schema == b.initial_schema &&
           a.phases == b.phases;
  }
  friend bool operator!=(const migration_plan& a, const migration_plan& b) { return !(a == b); }
};

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
