#pragma once
// The planner's SQL builder (lock timeout, transactions, batched backfills,
// acknowledgement guards), app and phase constructors, and the two-column
// sync plan behind rename_column and change_column_type.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/detail/names.hpp"
#include "relkit/migrations/migration_plan.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

struct builder {
  const make_plan_options& options;

  [[nodiscard]] std::string lock() const {
    return "SET lock_timeout = '" + options.lock_timeout + "';\n";
  }
  [[nodiscard]] std::string txn(const std::string& body) const {
    return lock() + "BEGIN;\n" + body + "COMMIT;\n";
  }

  [[nodiscard]] static std::string guard(const std::string& ack) {
    return "DO $relkit$\nBEGIN\n  IF current_setting('relkit.acknowledge', true) IS DISTINCT FROM "
           "'" +
           ack +
           "' THEN\n    RAISE EXCEPTION 'point of no return: run SET relkit.acknowledge = "
           "''" +
           ack + "'' first';\n  END IF;\nEND\n$relkit$;\n";
  }

  // A batched, idempotent backfill: walks the key in batches of batch_size,
  // committing after each (PostgreSQL 11+ allows COMMIT in DO outside a
  // transaction block). `statement` gets the batch's key-range condition.
  template <class Statement>
  [[nodiscard]] std::string backfill(const std::string& table, Statement statement) const {
    const std::string& k = options.key_column;
    const std::string range =
        "(relkit_last IS NULL OR " + k + " > relkit_last) AND " + k + " <= relkit_high";
    return "DO $relkit$\nDECLARE\n  relkit_last " + table + "." + k + "%TYPE;\n  relkit_high " +
           table + "." + k + "%TYPE;\nBEGIN\n  LOOP\n    SELECT max(" + k +
           ") INTO relkit_high FROM (SELECT " + k + " FROM " + table +
           " WHERE relkit_last IS NULL OR " + k + " > relkit_last ORDER BY " + k + " LIMIT " +
           std::to_string(options.batch_size) +
           ") AS relkit_batch;\n    EXIT WHEN relkit_high IS NULL;\n    " + statement(range) +
           ";\n    relkit_last := relkit_high;\n    COMMIT;\n  END LOOP;\nEND\n$relkit$;\n";
  }

  [[nodiscard]] std::string update_backfill(const std::string& table, const std::string& column,
                                            const std::string& expression) const {
    return backfill(table, [&](const std::string& range) {
      return "UPDATE " + table + " SET " + column + " = " + expression + " WHERE " + range +
             " AND " + column + " IS NULL";
    });
  }

  [[nodiscard]] std::string min_key_where(const std::string& table) const {
    const std::string& k = options.key_column;
    return " WHERE " + k + " = (SELECT min(" + k + ") FROM " + table + ")";
  }
  [[nodiscard]] std::string first_row(const std::string& table) const {
    return " FROM " + table + " ORDER BY " + options.key_column + " LIMIT 1";
  }
  [[nodiscard]] std::string read(const std::string& table, const std::string& column) const {
    const std::string& k = options.key_column;
    return "SELECT " + k + (column.empty() ? std::string() : ", " + column) + " FROM " + table +
           " ORDER BY " + k;
  }
};

[[nodiscard]] inline app_version make_app(std::string name, std::string description,
                                          std::vector<std::string> needs, std::string read_sql,
                                          bool read_has_value, std::vector<std::string> writes) {
  app_version a;
  a.name = std::move(name);
  a.description = std::move(description);
  a.needs = std::move(needs);
  a.read_sql = std::move(read_sql);
  a.read_has_value = read_has_value;
  a.write_sql = std::move(writes);
  return a;
}

[[nodiscard]] inline phase make_phase(phase_kind kind, std::string title, std::string sql,
                                      std::vector<std::string> apps, std::string rollback_sql,
                                      rollback_kind rollback, std::string lost,
                                      std::vector<std::string> schema) {
  phase p;
  p.kind = kind;
  p.title = std::move(title);
  p.sql = std::move(sql);
  p.apps = std::move(apps);
  p.rollback_sql = std::move(rollback_sql);
  p.rollback = rollback;
  p.lost = std::move(lost);
  p.schema = std::move(schema);
  return p;
}

inline void mark_point_of_no_return(phase& p, const std::string& ack, const builder& b,
                                    const std::string& body) {
  p.point_of_no_return = true;
  p.acknowledgement = ack;
  p.sql = b.lock() + "BEGIN;\n" + builder::guard(ack) + body + "COMMIT;\n";
}

// Two columns kept equal (through up/down) by a trigger: the core of rename
// and change-type plans. `a` is the old column, `b` the new one.
struct column_pair {
  std::string table, a, b, old_type, new_type, up, down;
  bool not_null = false;
  std::optional<std::string> down_loses;
};

[[nodiscard]] inline std::string sync_function(const column_pair& p) {
  return truncate_name("relkit_sync_" + base_name(p.table) + "_" + p.a + "_" + p.b);
}
[[nodiscard]] inline std::string sync_trigger(const column_pair& p) {
  return truncate_name("relkit_sync_" + p.a + "_" + p.b);
}

[[nodiscard]] inline migration_plan pair_plan(const column_pair& p, const builder& b,
                                              std::string summary) {
  const std::string& t = p.table;
  const std::string fn = sync_function(p);
  const std::string trg = sync_trigger(p);
  const std::string col_a = "column " + t + "." + p.a;
  const std::string col_b = "column " + t + "." + p.b;
  const std::string synced = "synced " + t + "." + p.a + " " + t + "." + p.b;
  const std::string filled_b = "backfilled " + t + "." + p.b;
  const std::string optional_a = "insert without " + t + "." + p.a;
  const std::string check = truncate_name(base_name(t) + "_" + p.b + "_not_null");

  migration_plan plan;
  plan.summary = std::move(summary);
  const std::string upd = b.min_key_where(t);
  plan.apps.push_back(
      make_app("A0", "reads and writes " + p.a + " only", {col_a}, b.read(t, p.a), true,
               {"INSERT INTO " + t + " (" + p.a + ") SELECT " + p.a + b.first_row(t),
                "UPDATE " + t + " SET " + p.a + " = " + p.a + upd}));
  plan.apps.push_back(
      make_app("A1", "reads " + p.a + ", writes " + p.a + " and " + p.b, {col_a, col_b},
               b.read(t, p.a), true,
               {"INSERT INTO " + t + " (" + p.a + ", " + p.b + ") SELECT " + p.a + ", " + p.up +
                    b.first_row(t),
                "UPDATE " + t + " SET " + p.a + " = " + p.a + ", " + p.b + " = " + p.up + upd}));
  plan.apps.push_back(
      make_app("A2", "reads " + p.b + ", writes " + p.a + " and " + p.b, {col_a, col_b, filled_b},
               b.read(t, p.b), true,
               {"INSERT INTO " + t + " (" + p.a + ", " + p.b + ") SELECT " + p.down + ", " + p.b +
                    b.first_row(t),
                "UPDATE " + t + " SET " + p.b + " = " + p.b + ", " + p.a + " = " + p.down + upd}));
  plan.apps.push_back(
      make_app("A3", "reads and writes " + p.b + " only", {col_b, filled_b, optional_a},
               b.read(t, p.b), true,
               {"INSERT INTO " + t + " (" + p.b + ") SELECT " + p.b + b.first_row(t),
                "UPDATE " + t + " SET " + p.b + " = " + p.b + upd}));
  plan.initial_schema = {col_a};

  const std::string function_sql =
      "CREATE OR REPLACE FUNCTION " + fn +
      "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nDECLARE\n  relkit_up " + p.new_type +
      ";\n  relkit_down " + p.old_type + ";\nBEGIN\n  SELECT " + p.up +
      " INTO relkit_up FROM (SELECT NEW.*) AS relkit_row;\n  SELECT " + p.down +
      " INTO relkit_down FROM (SELECT NEW.*) AS relkit_row;\n  IF TG_OP = 'INSERT' THEN\n    IF "
      "NEW." +
      p.b + " IS NULL THEN\n      NEW." + p.b + " := relkit_up;\n    ELSIF NEW." + p.b +
      " IS DISTINCT FROM relkit_up THEN\n      NEW." + p.a +
      " := relkit_down;\n    END IF;\n  ELSIF NEW." + p.a + " IS DISTINCT FROM OLD." + p.a +
      " AND NEW." + p.b + " IS NOT DISTINCT FROM OLD." + p.b + " THEN\n    NEW." + p.b +
      " := relkit_up;\n  ELSIF NEW." + p.b + " IS DISTINCT FROM OLD." + p.b + " AND NEW." + p.a +
      " IS NOT DISTINCT FROM OLD." + p.a + " AND NEW." + p.b +
      " IS DISTINCT FROM relkit_up THEN\n    NEW." + p.a +
      " := relkit_down;\n  END IF;\n  RETURN NEW;\nEND\n$relkit$;\n";
  const std::string drop_sync =
      "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nDROP FUNCTION IF EXISTS " + fn + "();\n";

  auto expand =
      make_phase(phase_kind::expand, "add " + t + "." + p.b + " and keep it in sync with " + p.a,
                 b.txn("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + p.b + " " + p.new_type +
                       ";\n" + function_sql + "DROP TRIGGER IF EXISTS " + trg + " ON " + t +
                       ";\nCREATE TRIGGER " + trg + " BEFORE INSERT OR UPDATE ON " + t +
                       " FOR EACH ROW EXECUTE FUNCTION " + fn + "();\n"),
                 {"A0"},
                 b.txn(drop_sync + "-- relkit:allow ban-drop-column (" + p.b + " only copies " +
                       p.a + ")\nALTER TABLE " + t + " DROP COLUMN IF EXISTS " + p.b + ";\n"),
                 rollback_kind::lossless, "", {col_a, col_b, synced, optional_a});
  plan.phases.push_back(std::move(expand));

  auto backfill =
      make_phase(phase_kind::backfill, "copy " + p.a + " into " + p.b + " in batches",
                 b.update_backfill(t, p.b, p.up), {"A0", "A1"}, "", rollback_kind::lossless, "",
                 {col_a, col_b, synced, optional_a, filled_b});
  backfill.note = "Idempotent: only rows whose " + p.b + " IS NULL are written; rerun until done.";
  plan.phases.push_back(backfill);

  auto reads = make_phase(phase_kind::switch_reads, "deploy A2, which reads " + p.b, "",
                          {"A1", "A2"}, "", rollback_kind::lossless, "", backfill.schema);
  if (p.down_loses) {
    reads.rollback = rollback_kind::lossy;
    reads.lost = *p.down_loses;
    reads.note = "Rolling back makes apps read " + p.a + " = " + p.down + " again.";
  }
  plan.phases.push_back(reads);

  std::string stop_sql;
  std::string stop_rollback;
  if (p.not_null) {
    stop_sql = b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check +
               ";\nALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + p.b +
               " IS NOT NULL) NOT VALID;\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + check +
               ";\n";
    stop_rollback = b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n";
  }
  auto stop = make_phase(phase_kind::stop_old_writes,
                         "deploy A3, which writes only " + p.b + "; the trigger still fills " + p.a,
                         stop_sql, {"A2", "A3"}, stop_rollback, rollback_kind::lossless, "",
                         backfill.schema);
  plan.phases.push_back(stop);

  std::string contract_body;
  if (p.not_null) {
    contract_body += "ALTER TABLE " + t + " ALTER COLUMN " + p.b +
                     " SET NOT NULL; -- relkit:allow setting-not-null (validated " + check +
                     ")\nALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n";
  }
  contract_body += drop_sync +
                   "-- relkit:allow ban-drop-column (acknowledged point of no return)\n" +
                   "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + p.a + ";\n";
  auto contract =
      make_phase(phase_kind::contract, "drop the trigger and " + t + "." + p.a, "", {"A3"}, "",
                 rollback_kind::impossible,
                 "column " + t + "." + p.a + "; re-adding it needs a fresh backfill from " + p.b +
                     " before A0, A1 or A2 can run again",
                 {col_b, filled_b, optional_a});
  mark_point_of_no_return(contract, "drop " + t + "." + p.a, b, contract_body);
  if (p.not_null && b.options.postgres_major < 12) {
    contract.note = "PostgreSQL 11 scans the table for SET NOT NULL despite the validated check.";
  }
  plan.phases.push_back(std::move(contract));
  return plan;
}

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
