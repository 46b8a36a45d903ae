#pragma once
// Plans for the changes to one column: add_column, rename_column,
// change_column_type, set_not_null, drop_not_null, drop_column.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/migrations/change.hpp"
#include "relkit/migrations/detail/builder.hpp"
#include "relkit/migrations/detail/lint_rules.hpp"
#include "relkit/migrations/detail/names.hpp"
#include "relkit/migrations/detail/sql_scan.hpp"
#include "relkit/migrations/migration_plan.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const add_column& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  if (c.type.empty()) {
    return plan_error(errc::missing_type,
                      qualified(c.table, c.column).with_text("add_column").with_text2("a type"));
  }
  if (c.default_sql && c.default_sql->empty()) {
    return plan_error(errc::empty_expression, qualified(c.table, c.column).with_text("default"));
  }
  if (c.backfill_sql && c.backfill_sql->empty()) {
    return plan_error(errc::empty_expression, qualified(c.table, c.column).with_text("backfill"));
  }
  if (c.not_null && !c.default_sql && !c.backfill_sql) {
    return plan_error(errc::not_null_needs_default_or_backfill, qualified(c.table, c.column));
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string filled = "backfilled " + t + "." + c.column;
  bool is_volatile = c.volatile_default;
  if (c.default_sql) {
    is_volatile = is_volatile || default_is_volatile(*c.default_sql);
  }
  migration_plan p;
  p.summary = "add column " + t + "." + c.column + " " + c.type + (c.not_null ? " NOT NULL" : "") +
              (c.default_sql ? " DEFAULT " + *c.default_sql : "");
  const std::string value =
      c.backfill_sql ? *c.backfill_sql : (c.default_sql ? *c.default_sql : c.column);
  p.apps.push_back(make_app("A0", "does not know " + c.column, {}, b.read(t, ""), false,
                            {"INSERT INTO " + t + " DEFAULT VALUES"}));
  std::vector<std::string> a1_needs = {col};
  if (c.not_null) a1_needs.push_back(filled);
  p.apps.push_back(
      make_app("A1", "reads and writes " + c.column, a1_needs, b.read(t, c.column), false,
               {"INSERT INTO " + t + " (" + c.column + ") SELECT " + value + b.first_row(t),
                "UPDATE " + t + " SET " + c.column + " = " + c.column + b.min_key_where(t)}));
  const std::string drop =
      b.txn("-- relkit:allow ban-drop-column (rolls back the add)\nALTER TABLE " + t +
            " DROP COLUMN IF EXISTS " + c.column + ";\n");
  const std::string lost = "values written into " + t + "." + c.column + " by A1";
  const bool simple = !c.not_null || (!is_volatile && c.default_sql && !c.backfill_sql);
  if (simple) {
    std::string def = "ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + c.column + " " + c.type;
    if (c.not_null) def += " NOT NULL";
    if (c.default_sql) def += " DEFAULT " + *c.default_sql;
    std::string sql = b.txn(def + ";\n");
    std::vector<std::string> schema = {col};
    if (c.default_sql && !is_volatile) {
      schema.push_back(filled);
    }
    if (c.default_sql && is_volatile) {
      // A volatile default would rewrite the table: set it separately, then backfill.
      sql = b.txn("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + c.column + " " + c.type +
                  ";\nALTER TABLE " + t + " ALTER COLUMN " + c.column + " SET DEFAULT " +
                  *c.default_sql + ";\n");
    }
    p.phases.push_back(make_phase(phase_kind::expand, "add " + t + "." + c.column, sql, {"A0"},
                                  drop, rollback_kind::lossy, lost, schema));
    if (c.default_sql && is_volatile) {
      schema.push_back(filled);
      auto fill = make_phase(phase_kind::backfill, "fill existing rows in batches",
                             b.update_backfill(t, c.column, *c.default_sql), {"A0"}, "",
                             rollback_kind::lossless, "", schema);
      fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
      p.phases.push_back(std::move(fill));
    }
    p.phases.push_back(make_phase(phase_kind::switch_reads, "deploy A1, which uses " + c.column, "",
                                  {"A0", "A1"}, "", rollback_kind::lossless, "", schema));
    if (c.default_sql && !is_volatile && c.not_null) {
      p.phases.front().note =
          "PostgreSQL 11+ stores a non-volatile default in the catalog: no "
          "table rewrite.";
    }
    return p;
  }
  // NOT NULL with a volatile default or a backfill expression.
  const std::string check = truncate_name(base_name(t) + "_" + c.column + "_not_null");
  std::string expand_body =
      "ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + c.column + " " + c.type + ";\n";
  std::string fill_fn = truncate_name("relkit_fill_" + base_name(t) + "_" + c.column);
  std::string fill_trg = truncate_name("relkit_fill_" + c.column);
  std::string fill_function;
  if (c.default_sql) {
    expand_body +=
        "ALTER TABLE " + t + " ALTER COLUMN " + c.column + " SET DEFAULT " + *c.default_sql + ";\n";
  } else {
    fill_function =
        "CREATE OR REPLACE FUNCTION " + fill_fn +
        "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nBEGIN\n  IF NEW." + c.column +
        " IS NULL THEN\n    SELECT " + *c.backfill_sql + " INTO NEW." + c.column +
        " FROM (SELECT NEW.*) AS relkit_row;\n  END IF;\n  RETURN NEW;\nEND\n$relkit$;\n"
        "DROP TRIGGER IF EXISTS " +
        fill_trg + " ON " + t + ";\nCREATE TRIGGER " + fill_trg + " BEFORE INSERT OR UPDATE ON " +
        t + " FOR EACH ROW EXECUTE FUNCTION " + fill_fn + "();\n";
    expand_body += fill_function;
  }
  const std::string drop_fill = "DROP TRIGGER IF EXISTS " + fill_trg + " ON " + t +
                                ";\nDROP FUNCTION IF EXISTS " + fill_fn + "();\n";
  const std::string filled_writes = "filled on insert " + t + "." + c.column;
  std::vector<std::string> schema = {col, filled_writes};
  p.phases.push_back(make_phase(
      phase_kind::expand,
      "add " + t + "." + c.column + " nullable, " +
          (c.default_sql ? std::string("then set its default")
                         : std::string("filled by a trigger")),
      b.txn(expand_body), {"A0"},
      c.default_sql ? drop
                    : b.txn(drop_fill + "-- relkit:allow ban-drop-column (rolls back the add)\n" +
                            "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + c.column + ";\n"),
      rollback_kind::lossy, lost, schema));
  schema.push_back(filled);
  auto fill = make_phase(phase_kind::backfill, "fill existing rows in batches",
                         b.update_backfill(t, c.column, value), {"A0"}, "", rollback_kind::lossless,
                         "", schema);
  fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
  p.phases.push_back(std::move(fill));
  p.phases.push_back(make_phase(
      phase_kind::validate, "CHECK (" + c.column + " IS NOT NULL) NOT VALID, then VALIDATE",
      b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\nALTER TABLE " +
          t + " ADD CONSTRAINT " + check + " CHECK (" + c.column + " IS NOT NULL) NOT VALID;\n" +
          "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n",
      {"A0", "A1"}, b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n",
      rollback_kind::lossless, "", schema));
  auto set_nn = make_phase(
      phase_kind::contract, "SET NOT NULL using the validated check, then drop the check",
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " SET NOT NULL; -- relkit:allow setting-not-null (validated " + check + ")\n" +
            "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n"),
      {"A0", "A1"},
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " DROP NOT NULL; -- relkit:allow ban-drop-not-null (rolls back the SET NOT NULL)\n"),
      rollback_kind::lossless, "", schema);
  if (b.options.postgres_major < 12) {
    set_nn.note = "PostgreSQL 11 scans the table for SET NOT NULL despite the validated check.";
  }
  p.phases.push_back(std::move(set_nn));
  if (!c.default_sql) {
    // The fill trigger stays while A0 (which omits the column) may run.
    std::vector<std::string> final_schema = {col, filled};
    auto drop_trigger =
        make_phase(phase_kind::contract, "A1 only; drop the fill trigger", b.txn(drop_fill), {"A1"},
                   b.txn(fill_function), rollback_kind::lossless, "", final_schema);
    p.phases.push_back(std::move(drop_trigger));
  }
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const rename_column& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.from)) return *e;
  if (auto e = check_column(c.to)) return *e;
  if (c.from == c.to) {
    return plan_error(
        errc::same_name,
        qualified(c.table, c.from).with_text("rename_column").with_text2("to itself"));
  }
  if (c.type.empty()) {
    return plan_error(
        errc::missing_type,
        qualified(c.table, c.from).with_text("rename_column").with_text2("the column type"));
  }
  column_pair p{c.table, c.from, c.to, c.type, c.type, c.from, c.to, c.not_null, std::nullopt};
  return pair_plan(p, b, "rename column " + c.table + "." + c.from + " to " + c.to);
}

// No-rewrite type changes (strong_migrations' list, the cases that need no
// knowledge of indexes): the old type's text, the new type's text.
[[nodiscard]] inline bool no_rewrite_change(std::string_view from, std::string_view to) {
  // n of "varchar(n)", or -1 (PostgreSQL's maximum n is 10485760).
  auto varchar_limit = [](std::string_view t) -> long {
    if (t.substr(0, 8) != "varchar(" || t.back() != ')') return -1;
    const std::optional<std::uint64_t> n =
        relkit::detail::parse_uint(t.substr(8, t.size() - 9), 100000000);
    return n ? static_cast<long>(*n) : -1;
  };
  if (varchar_limit(from) >= 0 && (to == "text" || to == "varchar")) return true;
  if (varchar_limit(from) >= 0 && varchar_limit(to) > varchar_limit(from)) return true;
  if (from == "cidr" && to == "inet") return true;
  return false;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const change_column_type& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  if (c.old_type.empty() || c.new_type.empty()) {
    return plan_error(errc::missing_type, qualified(c.table, c.column)
                                              .with_text("change_column_type")
                                              .with_text2("old and new types"));
  }
  if (c.new_column.empty() && no_rewrite_change(c.old_type, c.new_type)) {
    migration_plan p;
    p.summary = "change type of " + c.table + "." + c.column + " from " + c.old_type + " to " +
                c.new_type + " in place (no rewrite)";
    const std::string col = "column " + c.table + "." + c.column;
    p.apps.push_back(make_app("A0", "reads and writes " + c.column, {col},
                              b.read(c.table, c.column), true,
                              {"INSERT INTO " + c.table + " (" + c.column + ") SELECT " + c.column +
                               b.first_row(c.table)}));
    p.initial_schema = {col};
    p.phases.push_back(make_phase(
        phase_kind::expand, "widen " + c.table + "." + c.column,
        b.txn("ALTER TABLE " + c.table + " ALTER COLUMN " + c.column + " TYPE " + c.new_type +
              "; -- relkit:allow changing-column-type (no rewrite)\n"),
        {"A0"},
        b.txn("ALTER TABLE " + c.table + " ALTER COLUMN " + c.column + " TYPE " + c.old_type +
              " USING " + c.column + "::" + c.old_type +
              "; -- relkit:allow changing-column-type, prefer-text-field (rollback rewrites the "
              "table)\n"),
        rollback_kind::lossy,
        "values that do not fit " + c.old_type + " are cut to fit; the rollback rewrites the table",
        {col}));
    return p;
  }
  if (auto e = check_column(c.new_column)) return *e;
  if (c.new_column == c.column) {
    return plan_error(errc::same_name,
                      qualified(c.table, c.column)
                          .with_text("change_column_type")
                          .with_text2("needs a new column name for the converted copy"));
  }
  if (c.up.empty() || c.down.empty()) {
    return plan_error(errc::missing_conversion, qualified(c.table, c.column));
  }
  if (c.down_loses && !b.options.acknowledge_lossy_down) {
    return plan_error(errc::lossy_down_needs_acknowledgement,
                      relkit::error_args().with_token(c.down));
  }
  column_pair p{c.table, c.column, c.new_column, c.old_type,  c.new_type,
                c.up,    c.down,   c.not_null,   c.down_loses};
  return pair_plan(p, b,
                   "change type of " + c.table + "." + c.column + " from " + c.old_type + " to " +
                       c.new_type + " as " + c.new_column);
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const set_not_null& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  if (c.backfill_sql && c.backfill_sql->empty()) {
    return plan_error(errc::empty_expression, qualified(c.table, c.column).with_text("backfill"));
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string nullable = "nullable " + t + "." + c.column;
  const std::string check = truncate_name(base_name(t) + "_" + c.column + "_not_null");
  migration_plan p;
  p.summary = "set " + t + "." + c.column + " NOT NULL";
  p.apps.push_back(make_app("A0", "may write NULL into " + c.column, {col, nullable},
                            b.read(t, c.column), true,
                            {"INSERT INTO " + t + " (" + c.column + ") VALUES (NULL)"}));
  p.apps.push_back(make_app(
      "A1", "never writes NULL into " + c.column, {col}, b.read(t, c.column), true,
      {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + " FROM " + t + " WHERE " +
       c.column + " IS NOT NULL ORDER BY " + b.options.key_column + " LIMIT 1"}));
  p.initial_schema = {col, nullable};
  p.phases.push_back(make_phase(phase_kind::switch_reads, "deploy A1, which never writes NULL", "",
                                {"A0", "A1"}, "", rollback_kind::lossless, "", {col, nullable}));
  if (c.backfill_sql) {
    auto fill = make_phase(phase_kind::backfill, "fill NULLs in batches",
                           b.update_backfill(t, c.column, *c.backfill_sql), {"A1"}, "",
                           rollback_kind::lossy,
                           "which rows of " + t + "." + c.column +
                               " were NULL before the backfill (they keep the filled value)",
                           {col, nullable});
    fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
    p.phases.push_back(std::move(fill));
  }
  auto validate = make_phase(
      phase_kind::validate, "CHECK (" + c.column + " IS NOT NULL) NOT VALID, then VALIDATE",
      b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\nALTER TABLE " +
          t + " ADD CONSTRAINT " + check + " CHECK (" + c.column + " IS NOT NULL) NOT VALID;\n" +
          "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n",
      {"A1"}, b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n",
      rollback_kind::lossless, "", {col});
  if (!c.backfill_sql) validate.note = "VALIDATE fails while any row still holds NULL.";
  p.phases.push_back(std::move(validate));
  auto set_nn = make_phase(
      phase_kind::contract, "SET NOT NULL using the validated check, then drop the check",
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " SET NOT NULL; -- relkit:allow setting-not-null (validated " + check + ")\n" +
            "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n"),
      {"A1"},
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " DROP NOT NULL; -- relkit:allow ban-drop-not-null (rolls back the SET NOT NULL)\n"),
      rollback_kind::lossless, "", {col});
  if (b.options.postgres_major < 12) {
    set_nn.note = "PostgreSQL 11 scans the table for SET NOT NULL despite the validated check.";
  }
  p.phases.push_back(std::move(set_nn));
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const drop_not_null& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string nullable = "nullable " + t + "." + c.column;
  migration_plan p;
  p.summary = "drop NOT NULL of " + t + "." + c.column;
  p.apps.push_back(
      make_app("A0", "never writes NULL into " + c.column, {col}, b.read(t, c.column), true,
               {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + b.first_row(t)}));
  p.apps.push_back(make_app("A1", "may write NULL into " + c.column, {col, nullable},
                            b.read(t, c.column), true,
                            {"INSERT INTO " + t + " (" + c.column + ") VALUES (NULL)"}));
  p.initial_schema = {col};
  p.phases.push_back(make_phase(
      phase_kind::expand, "DROP NOT NULL",
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " DROP NOT NULL; -- relkit:allow ban-drop-not-null (planned)\n"),
      {"A0"},
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " SET NOT NULL; -- relkit:allow setting-not-null (rollback; scans the table)\n"),
      rollback_kind::lossless, "", {col, nullable}));
  p.phases.front().note = "The rollback scans the table under an ACCESS EXCLUSIVE lock.";
  auto deploy = make_phase(phase_kind::switch_reads, "deploy A1, which may write NULL", "",
                           {"A0", "A1"}, "", rollback_kind::lossless, "", {col, nullable});
  if (c.rollback_fill_sql) {
    deploy.rollback_sql = b.update_backfill(t, c.column, *c.rollback_fill_sql);
    deploy.rollback = rollback_kind::lossy;
    deploy.lost = "NULLs written by A1 become " + *c.rollback_fill_sql;
  } else {
    deploy.rollback = rollback_kind::impossible;
    deploy.lost = "NULLs written by A1 have no value to go back to";
    deploy.point_of_no_return = true;
    deploy.acknowledgement = "allow NULL in " + t + "." + c.column;
    deploy.note = "Nothing runs in the database: acknowledge before deploying A1.";
  }
  p.phases.push_back(std::move(deploy));
  return p;
}

[[nodiscard]] inline relkit::result<migration_plan> plan_for(const drop_column& c,
                                                             const builder& b) {
  if (auto e = check_table(c.table)) return *e;
  if (auto e = check_column(c.column)) return *e;
  if (c.type.empty()) {
    return plan_error(errc::missing_type,
                      qualified(c.table, c.column)
                          .with_text("drop_column")
                          .with_text2("the column type (for its down trigger)"));
  }
  if (c.not_null && !c.has_default && !c.down_sql) {
    return plan_error(errc::drop_needs_down, qualified(c.table, c.column));
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string optional = "insert without " + t + "." + c.column;
  migration_plan p;
  p.summary = "drop column " + t + "." + c.column;
  p.apps.push_back(
      make_app("A0", "reads and writes " + c.column, {col}, b.read(t, c.column), true,
               {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + b.first_row(t)}));
  p.apps.push_back(make_app("A1", "neither reads nor writes " + c.column, {optional}, b.read(t, ""),
                            false, {"INSERT INTO " + t + " DEFAULT VALUES"}));
  p.initial_schema = {col};
  if (!c.not_null || c.has_default) p.initial_schema.push_back(optional);
  const std::string fn = truncate_name("relkit_down_" + base_name(t) + "_" + c.column);
  const std::string trg = truncate_name("relkit_down_" + c.column);
  std::string trigger_drop;
  if (c.down_sql) {
    const std::string function_sql =
        "CREATE OR REPLACE FUNCTION " + fn +
        "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nBEGIN\n  IF NEW." + c.column +
        " IS NULL THEN\n    SELECT " + *c.down_sql + " INTO NEW." + c.column +
        " FROM (SELECT NEW.*) AS relkit_row;\n  END IF;\n  RETURN NEW;\nEND\n$relkit$;\n";
    trigger_drop =
        "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nDROP FUNCTION IF EXISTS " + fn + "();\n";
    p.phases.push_back(make_phase(
        phase_kind::expand, "fill " + c.column + " for rows written without it",
        b.txn(function_sql + "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nCREATE TRIGGER " +
              trg + " BEFORE INSERT ON " + t + " FOR EACH ROW EXECUTE FUNCTION " + fn + "();\n"),
        {"A0"}, b.txn(trigger_drop), rollback_kind::lossless, "", {col, optional}));
  }
  p.phases.push_back(make_phase(phase_kind::stop_old_writes,
                                "deploy A1, which neither reads nor writes " + c.column, "",
                                {"A0", "A1"}, "", rollback_kind::lossless, "",
                                p.phases.empty() ? p.initial_schema : p.phases.back().schema));
  if (c.not_null && !c.has_default && !c.down_sql) {
    // unreachable: rejected above
  }
  auto contract =
      make_phase(phase_kind::contract, "drop " + t + "." + c.column, "", {"A1"}, "",
                 rollback_kind::impossible, "every value of " + t + "." + c.column, {optional});
  mark_point_of_no_return(contract, "drop " + t + "." + c.column, b,
                          trigger_drop +
                              "-- relkit:allow ban-drop-column (acknowledged point of no "
                              "return)\nALTER TABLE " +
                              t + " DROP COLUMN IF EXISTS " + c.column + ";\n");
  p.phases.push_back(std::move(contract));
  return p;
}
}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
