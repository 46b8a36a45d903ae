#pragma once
// Plans for table-level changes: rename_table, split_column, add_index,
// add_foreign_key, add_check, add_unique.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/change.hpp"
#include "relkit/migrations/detail/builder.hpp"
#include "relkit/migrations/detail/names.hpp"
#include "relkit/migrations/migration_plan.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const rename_table& c,
                                                             const builder& b) {
  if (auto e = check_table(c.from)) return *e;
  if (auto e = check_column(c.to, "table name")) return *e;
  if (base_name(c.from) == c.to) {
    return plan_error(
        errc::same_name,
        relkit::error_args().with_token(c.from).with_text("rename_table").with_text2("to itself"));
  }
  const std::string dot = c.from.find('.') == std::string::npos
                              ? std::string()
                              : c.from.substr(0, c.from.find('.') + 1);
  const std::string to = dot + c.to;
  const std::string old_rel = "relation " + c.from;
  const std::string new_rel = "relation " + to;
  const std::string& k = b.options.key_column;
  migration_plan p;
  p.summary = "rename table " + c.from + " to " + to;
  p.apps.push_back(
      make_app("A0", "uses " + c.from, {old_rel}, b.read(c.from, ""), false,
               {"INSERT INTO " + c.from + " DEFAULT VALUES",
                "UPDATE " + c.from + " SET " + k + " = " + k + b.min_key_where(c.from)}));
  p.apps.push_back(make_app("A1", "uses " + to, {new_rel}, b.read(to, ""), false,
                            {"INSERT INTO " + to + " DEFAULT VALUES",
                             "UPDATE " + to + " SET " + k + " = " + k + b.min_key_where(to)}));
  p.initial_schema = {old_rel};
  const std::string view = "CREATE VIEW " + c.from + " AS SELECT * FROM " + to + ";\n";
  auto expand = make_phase(
      phase_kind::expand, "rename the table and keep an updatable view under the old name",
      b.txn("ALTER TABLE " + c.from + " RENAME TO " + c.to +
            "; -- relkit:allow renaming-table (old name stays as a view)\n" + view),
      {"A0"},
      b.txn("DROP VIEW IF EXISTS " + c.from + ";\nALTER TABLE " + to + " RENAME TO " +
            base_name(c.from) + "; -- relkit:allow renaming-table (rollback)\n"),
      rollback_kind::lossless, "", {old_rel, new_rel});
  expand.note = "The view lists the columns as of this phase; add no column before the contract.";
  p.phases.push_back(std::move(expand));
  p.phases.push_back(make_phase(phase_kind::switch_reads, "deploy A1, which uses " + to, "",
                                {"A0", "A1"}, "", rollback_kind::lossless, "", {old_rel, new_rel}));
  p.phases.push_back(make_phase(phase_kind::contract, "drop the view " + c.from,
                                b.txn("DROP VIEW IF EXISTS " + c.from + ";\n"), {"A1"}, b.txn(view),
                                rollback_kind::lossless, "", {new_rel}));
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const split_column& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  if (auto e = check_table(c.new_table)) return *e;
  if (auto e = check_column(c.new_key)) return *e;
  if (c.type.empty()) {
    return plan_error(errc::missing_type,
                      qualified(c.table, c.column).with_text("split_column").with_text2("a type"));
  }
  if (c.not_null) {
    return plan_error(errc::not_null_source_column, qualified(c.table, c.column));
  }
  if (c.table == c.new_table) {
    return plan_error(
        errc::same_name,
        qualified(c.table, c.column).with_text("split_column").with_text2("into its own table"));
  }
  const std::string& t = c.table;
  const std::string& n = c.new_table;
  const std::string& k = b.options.key_column;
  const std::string& nk = c.new_key;
  const std::string& v = c.column;
  const std::string col = "column " + t + "." + v;
  const std::string new_col = "column " + n + "." + v;
  const std::string filled = "backfilled " + n + "." + v;
  const std::string optional = "insert without " + t + "." + v;
  const std::string synced = "synced " + t + "." + v + " " + n + "." + v;
  const std::string fn_old = truncate_name("relkit_split_" + base_name(t) + "_" + v);
  const std::string fn_new = truncate_name("relkit_split_" + base_name(n) + "_" + v);
  const std::string trg = truncate_name("relkit_split_" + v);
  migration_plan p;
  p.summary = "move " + t + "." + v + " into " + n + "(" + nk + ", " + v + ")";
  const std::string read_new = "SELECT o." + k + ", n." + v + " FROM " + t + " o LEFT JOIN " + n +
                               " n ON n." + nk + " = o." + k + " ORDER BY o." + k;
  const std::string upsert = "INSERT INTO " + n + " (" + nk + ", " + v + ") SELECT " + k + ", " +
                             v + " FROM " + t + " WHERE " + k + " = (SELECT min(" + k + ") FROM " +
                             t + ") ON CONFLICT (" + nk + ") DO UPDATE SET " + v + " = EXCLUDED." +
                             v;
  const std::string old_update = "UPDATE " + t + " SET " + v + " = " + v + b.min_key_where(t);
  p.apps.push_back(
      make_app("A0", "reads and writes " + t + "." + v, {col}, b.read(t, v), true,
               {"INSERT INTO " + t + " (" + v + ") SELECT " + v + b.first_row(t), old_update}));
  p.apps.push_back(make_app("A1", "reads " + t + "." + v + ", writes both", {col, new_col},
                            b.read(t, v), true, {old_update, upsert}));
  p.apps.push_back(make_app("A2", "reads " + n + "." + v + ", writes both", {col, new_col, filled},
                            read_new, true, {old_update, upsert}));
  p.apps.push_back(make_app(
      "A3", "reads and writes " + n + "." + v + " only", {new_col, filled, optional}, read_new,
      true,
      {"INSERT INTO " + t + " DEFAULT VALUES",
       "INSERT INTO " + n + " (" + nk + ", " + v + ") SELECT o." + k + ", (SELECT " + v + " FROM " +
           n + " ORDER BY " + nk + " LIMIT 1) FROM " + t + " o WHERE o." + k + " = (SELECT max(" +
           k + ") FROM " + t + ") ON CONFLICT (" + nk + ") DO UPDATE SET " + v + " = EXCLUDED." + v,
       "UPDATE " + n + " SET " + v + " = " + v + " WHERE " + nk + " = (SELECT min(" + nk +
           ") FROM " + n + ")"}));
  p.initial_schema = {col, optional};
  const std::string functions =
      "CREATE OR REPLACE FUNCTION " + fn_old +
      "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nBEGIN\n  IF pg_trigger_depth() > 1 THEN\n"
      "    RETURN NEW;\n  END IF;\n  IF (TG_OP = 'INSERT' AND NEW." +
      v + " IS NOT NULL) OR (TG_OP = 'UPDATE' AND NEW." + v + " IS DISTINCT FROM OLD." + v +
      ") THEN\n    INSERT INTO " + n + " (" + nk + ", " + v + ") VALUES (NEW." + k + ", NEW." + v +
      ")\n      ON CONFLICT (" + nk + ") DO UPDATE SET " + v + " = EXCLUDED." + v +
      ";\n  END IF;\n  RETURN NEW;\nEND\n$relkit$;\n" + "CREATE OR REPLACE FUNCTION " + fn_new +
      "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nBEGIN\n  IF pg_trigger_depth() > 1 THEN\n"
      "    RETURN NEW;\n  END IF;\n  UPDATE " +
      t + " SET " + v + " = NEW." + v + " WHERE " + k + " = NEW." + nk + " AND " + v +
      " IS DISTINCT FROM NEW." + v + ";\n  RETURN NEW;\nEND\n$relkit$;\n";
  const std::string triggers =
      "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nCREATE TRIGGER " + trg +
      " AFTER INSERT OR UPDATE ON " + t + " FOR EACH ROW EXECUTE FUNCTION " + fn_old + "();\n" +
      "DROP TRIGGER IF EXISTS " + trg + " ON " + n + ";\nCREATE TRIGGER " + trg +
      " AFTER INSERT OR UPDATE ON " + n + " FOR EACH ROW EXECUTE FUNCTION " + fn_new + "();\n";
  const std::string drop_triggers = "DROP TRIGGER IF EXISTS " + trg + " ON " + t +
                                    ";\nDROP FUNCTION IF EXISTS " + fn_old + "();\n";
  p.phases.push_back(make_phase(
      phase_kind::expand, "create " + n + " and sync it with " + t + "." + v + " both ways",
      b.txn("CREATE TABLE IF NOT EXISTS " + n + " (\n  " + nk + " " +
            "bigint PRIMARY KEY REFERENCES " + t + " (" + k + ") ON DELETE CASCADE,\n  " + v + " " +
            c.type + "\n);\n" + functions + triggers),
      {"A0"},
      b.txn(drop_triggers + "-- relkit:allow ban-drop-table (" + n + " only copies " + t + "." + v +
            ")\nDROP TABLE IF EXISTS " + n + ";\nDROP FUNCTION IF EXISTS " + fn_new + "();\n"),
      rollback_kind::lossless, "", {col, optional, new_col, synced}));
  p.phases.front().note = "The key column " + n + "." + nk + " is bigint; " + t + "." + k +
                          " must be bigint (or change it in the SQL).";
  auto fill = make_phase(
      phase_kind::backfill, "copy " + t + "." + v + " into " + n + " in batches",
      b.backfill(t,
                 [&](const std::string& range) {
                   return "INSERT INTO " + n + " (" + nk + ", " + v + ") SELECT " + k + ", " + v +
                          " FROM " + t + " WHERE " + range + " ON CONFLICT (" + nk + ") DO NOTHING";
                 }),
      {"A0", "A1"}, "", rollback_kind::lossless, "", {col, optional, new_col, synced, filled});
  fill.note = "Idempotent: rows already in " + n + " are skipped.";
  p.phases.push_back(fill);
  p.phases.push_back(make_phase(phase_kind::switch_reads, "deploy A2, which reads " + n + "." + v,
                                "", {"A1", "A2"}, "", rollback_kind::lossless, "", fill.schema));
  p.phases.push_back(
      make_phase(phase_kind::stop_old_writes,
                 "deploy A3, which writes only " + n + "; the trigger still fills " + t + "." + v,
                 "", {"A2", "A3"}, "", rollback_kind::lossless, "", fill.schema));
  auto contract =
      make_phase(phase_kind::contract, "drop the triggers and " + t + "." + v, "", {"A3"}, "",
                 rollback_kind::impossible,
                 "column " + t + "." + v + "; re-adding it needs a fresh backfill from " + n,
                 {new_col, filled, optional});
  mark_point_of_no_return(
      contract, "drop " + t + "." + v, b,
      drop_triggers + "DROP TRIGGER IF EXISTS " + trg + " ON " + n + ";\nDROP FUNCTION IF EXISTS " +
          fn_new + "();\n-- relkit:allow ban-drop-column (acknowledged point of no return)\n" +
          "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + v + ";\n");
  p.phases.push_back(std::move(contract));
  return p;
}

[[nodiscard]] inline std::optional<relkit::error> check_columns(
    const std::string& table, const std::vector<std::string>& columns) {
  if (auto e = check_table(table)) return e;
  if (columns.empty()) {
    return plan_error(errc::empty_column_list, relkit::error_args().with_token(table));
  }
  for (const auto& col : columns) {
    if (auto e = check_column(col)) return e;
  }
  return std::nullopt;
}

[[nodiscard]] inline migration_plan unchanged_app_plan(const std::string& table, const builder& b,
                                                       std::string summary) {
  migration_plan p;
  p.summary = std::move(summary);
  const std::string& k = b.options.key_column;
  p.apps.push_back(
      make_app("A0", "the running app, unchanged", {"relation " + table}, b.read(table, ""), false,
               {"UPDATE " + table + " SET " + k + " = " + k + b.min_key_where(table)}));
  p.initial_schema = {"relation " + table};
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const add_index& c, const builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  const std::string name = c.name.empty() ? default_name(c.table, c.columns, "idx") : c.name;
  if (auto e = check_column(name, "index name")) return *e;
  migration_plan p = unchanged_app_plan(
      c.table, b, std::string("add ") + (c.unique ? "unique " : "") + "index " + name);
  auto ph = make_phase(phase_kind::expand, "build the index concurrently",
                       b.lock() + "CREATE " + (c.unique ? "UNIQUE " : "") +
                           "INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + c.table + " (" +
                           join_list(c.columns, ", ") + ");\n",
                       {"A0"}, b.lock() + "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n",
                       rollback_kind::lossless, "", p.initial_schema);
  ph.note =
      "Runs outside a transaction. A failed build leaves an INVALID index: drop it "
      "(the rollback) and run again.";
  p.phases.push_back(std::move(ph));
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const add_foreign_key& c,
                                                             const builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  if (auto e = check_columns(c.references_table, c.references_columns)) return *e;
  const std::string name = c.name.empty() ? default_name(c.table, c.columns, "fkey") : c.name;
  if (auto e = check_column(name, "constraint name")) return *e;
  migration_plan p = unchanged_app_plan(c.table, b, "add foreign key " + name);
  const std::string add = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name +
                          ";\nALTER TABLE " + c.table + " ADD CONSTRAINT " + name +
                          " FOREIGN KEY (" + join_list(c.columns, ", ") + ") REFERENCES " +
                          c.references_table + " (" + join_list(c.references_columns, ", ") +
                          ") NOT VALID;\n";
  const std::string drop = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name + ";\n";
  p.phases.push_back(make_phase(phase_kind::expand, "add the foreign key NOT VALID (new rows only)",
                                b.txn(add), {"A0"}, b.txn(drop), rollback_kind::lossless, "",
                                p.initial_schema));
  p.phases.push_back(
      make_phase(phase_kind::validate, "validate existing rows",
                 b.lock() + "ALTER TABLE " + c.table + " VALIDATE CONSTRAINT " + name + ";\n",
                 {"A0"}, b.txn(add), rollback_kind::lossless, "", p.initial_schema));
  p.phases.back().note = "VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on.";
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const add_check& c, const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.name, "constraint name")) return *e;
  if (c.expression.empty()) {
    return plan_error(errc::empty_expression,
                      relkit::error_args().with_token(c.name).with_text("check expression"));
  }
  migration_plan p = unchanged_app_plan(c.table, b, "add check constraint " + c.name);
  const std::string add = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + c.name +
                          ";\nALTER TABLE " + c.table + " ADD CONSTRAINT " + c.name + " CHECK (" +
                          c.expression + ") NOT VALID;\n";
  const std::string drop =
      "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + c.name + ";\n";
  p.phases.push_back(make_phase(phase_kind::expand, "add the check NOT VALID (new rows only)",
                                b.txn(add), {"A0"}, b.txn(drop), rollback_kind::lossless, "",
                                p.initial_schema));
  p.phases.push_back(
      make_phase(phase_kind::validate, "validate existing rows",
                 b.lock() + "ALTER TABLE " + c.table + " VALIDATE CONSTRAINT " + c.name + ";\n",
                 {"A0"}, b.txn(add), rollback_kind::lossless, "", p.initial_schema));
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const add_unique& c,
                                                             const builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  const std::string name = c.name.empty() ? default_name(c.table, c.columns, "key") : c.name;
  if (auto e = check_column(name, "constraint name")) return *e;
  migration_plan p = unchanged_app_plan(c.table, b, "add unique constraint " + name);
  const std::string index = b.lock() + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name +
                            " ON " + c.table + " (" + join_list(c.columns, ", ") + ");\n";
  p.phases.push_back(make_phase(phase_kind::expand, "build the unique index concurrently", index,
                                {"A0"},
                                b.lock() + "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n",
                                rollback_kind::lossless, "", p.initial_schema));
  p.phases.back().note =
      "A failed build leaves an INVALID index: drop it (the rollback) and run "
      "again.";
  p.phases.push_back(
      make_phase(phase_kind::validate, "attach the index as the constraint",
                 b.txn("ALTER TABLE " + c.table + " ADD CONSTRAINT " + name +
                       " UNIQUE USING INDEX " + name + ";\n"),
                 {"A0"},
                 b.txn("ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name + ";\n") +
                     index.substr(b.lock().size()),
                 rollback_kind::lossless, "", p.initial_schema));
  return p;
}

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
