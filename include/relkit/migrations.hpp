#pragma once
// relkit::migrations: expand-contract plans for PostgreSQL 11+ schema changes.
// A change (a value) becomes ordered phases; each phase names its SQL, the
// app versions allowed to run during it, and its rollback (lossless, lossy
// with what is lost, or impossible). The point of no return is a phase whose
// SQL refuses to run until the operator acknowledges it in the session.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/lint.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

enum class errc {
  invalid_identifier = 1,
  missing_type,
  not_null_needs_default_or_backfill,
  missing_conversion,
  lossy_down_needs_acknowledgement,
  same_name,
  drop_needs_down,
  empty_column_list,
  empty_expression,
  unsupported_postgres_version,
  invariant_violated,
  not_null_source_column,
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::invalid_identifier:
      return "invalid_identifier";
    case errc::missing_type:
      return "missing_type";
    case errc::not_null_needs_default_or_backfill:
      return "not_null_needs_default_or_backfill";
    case errc::missing_conversion:
      return "missing_conversion";
    case errc::lossy_down_needs_acknowledgement:
      return "lossy_down_needs_acknowledgement";
    case errc::same_name:
      return "same_name";
    case errc::drop_needs_down:
      return "drop_needs_down";
    case errc::empty_column_list:
      return "empty_column_list";
    case errc::empty_expression:
      return "empty_expression";
    case errc::unsupported_postgres_version:
      return "unsupported_postgres_version";
    case errc::invariant_violated:
      return "invariant_violated";
    case errc::not_null_source_column:
      return "not_null_source_column";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"migrations", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// ---------------------------------------------------------------- changes
// Identifiers are plain lower-case PostgreSQL names ([a-z_][a-z0-9_]*, at most
// 63 bytes; a table may be schema-qualified). Types and expressions are SQL
// text written by the caller and emitted as given.

struct add_column {
  std::string table, column, type;
  bool not_null = false;
  std::optional<std::string> default_sql;   // e.g. "0", "clock_timestamp()"
  bool volatile_default = false;            // forces the multi-phase plan
  std::optional<std::string> backfill_sql;  // over the row's columns, e.g. "lower(email)"
};
struct rename_column {
  std::string table, from, to, type;
  bool not_null = false;  // the new column ends NOT NULL too
};
struct change_column_type {
  std::string table, column;
  std::string new_column;  // the converted copy; empty only for no-rewrite changes in place
  std::string old_type, new_type;
  std::string up, down;  // over the row, e.g. up "amount::bigint", down "amount_v2::int"
  std::optional<std::string> down_loses;  // what the down conversion loses, if anything
  bool not_null = false;
};
struct set_not_null {
  std::string table, column;
  std::optional<std::string> backfill_sql;  // fills existing NULLs
};
struct drop_not_null {
  std::string table, column;
  std::optional<std::string> rollback_fill_sql;  // what NULLs become when rolling back
};
struct drop_column {
  std::string table, column, type;
  bool not_null = false;
  bool has_default = false;
  std::optional<std::string> down_sql;  // value for rows the new app inserts
};
struct rename_table {
  std::string from, to;
};
struct split_column {
  std::string table, column, type;
  std::string new_table, new_key;  // new_table(new_key -> table(key), column)
  bool not_null = false;
};
struct add_index {
  std::string table;
  std::vector<std::string> columns;
  std::string name;  // empty: <table>_<columns>_idx
  bool unique = false;
};
struct add_foreign_key {
  std::string table;
  std::vector<std::string> columns;
  std::string references_table;
  std::vector<std::string> references_columns;
  std::string name;  // empty: <table>_<columns>_fkey
};
struct add_check {
  std::string table, name, expression;
};
struct add_unique {
  std::string table;
  std::vector<std::string> columns;
  std::string name;  // empty: <table>_<columns>_key
};

using change = std::variant<add_column, rename_column, change_column_type, set_not_null,
                            drop_not_null, drop_column, rename_table, split_column, add_index,
                            add_foreign_key, add_check, add_unique>;

// ---------------------------------------------------------------- plans

struct plan_options {
  int postgres_major = 15;  // 11 or later
  std::string lock_timeout = "5s";
  std::size_t batch_size = 1000;
  std::string key_column = "id";  // backfills walk this unique, NOT NULL key in batches
  bool acknowledge_lossy_down = false;
};

enum class phase_kind { expand, backfill, switch_reads, stop_old_writes, validate, contract };
enum class rollback_kind { lossless, lossy, impossible };

constexpr std::string_view to_string(phase_kind k) noexcept {
  switch (k) {
    case phase_kind::expand:
      return "expand";
    case phase_kind::backfill:
      return "backfill";
    case phase_kind::switch_reads:
      return "switch reads";
    case phase_kind::stop_old_writes:
      return "stop old writes";
    case phase_kind::validate:
      return "validate";
    case phase_kind::contract:
      return "contract";
  }
  return "unknown";
}
constexpr std::string_view to_string(rollback_kind k) noexcept {
  switch (k) {
    case rollback_kind::lossless:
      return "lossless";
    case rollback_kind::lossy:
      return "lossy";
    case rollback_kind::impossible:
      return "impossible";
  }
  return "unknown";
}

// An app version and what it needs from the schema ("column users.name"),
// with representative queries: reads[0] returns (key[, value]).
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

// ---------------------------------------------------------------- invariant

// Every app allowed in phase k must find what it needs in the schema after
// phase k and after phase k-1 (the initial schema for the first phase), so
// rolling phase k back never breaks a running app.
[[nodiscard]] inline relkit::result<void> check_invariant(const migration_plan& p) {
  for (std::size_t k = 0; k < p.phases.size(); ++k) {
    const std::vector<std::string>& before = k == 0 ? p.initial_schema : p.phases[k - 1].schema;
    const std::vector<std::string>& after = p.phases[k].schema;
    for (const std::string& name : p.phases[k].apps) {
      const app_version* app = nullptr;
      for (const auto& a : p.apps) {
        if (a.name == name) app = &a;
      }
      const std::string where = "phase " + std::to_string(k + 1) + " (" + p.phases[k].title + ")";
      if (app == nullptr) {
        return relkit::error{
            errc::invariant_violated, k,
            where + " allows unknown app version " + name + " at " + std::to_string(k)};
      }
      for (const std::string& need : app->needs) {
        bool in_before = false;
        bool in_after = false;
        for (const auto& fact : before) in_before = in_before || fact == need;
        for (const auto& fact : after) in_after = in_after || fact == need;
        if (!in_before || !in_after) {
          return relkit::error{errc::invariant_violated, k,
                               where + " allows app version " + name + ", which needs '" + need +
                                   "', missing from the schema " +
                                   (in_before ? std::string("after this phase")
                                              : (k == 0 ? std::string("before the plan")
                                                        : "after phase " + std::to_string(k))) +
                                   " at " + std::to_string(k)};
        }
      }
    }
  }
  return relkit::result<void>();
}

// ---------------------------------------------------------------- lint

using finding = detail::lint_finding;
using lint_options = detail::lint_options;

// Findings for a hand-written migration script, in statement order. A comment
// "-- relkit:allow <rule>" before a statement silences that rule for it.
[[nodiscard]] inline std::vector<finding> lint(std::string_view sql,
                                               const lint_options& options = lint_options()) {
  return detail::lint_sql(sql, options);
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/migrations/plan.hpp"
