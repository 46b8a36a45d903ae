#pragma once
// The expand-contract planner behind relkit::migrations::plan, and the
// Markdown runbook. Included at the end of relkit/migrations.hpp only.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

inline bool mig_is_identifier(std::string_view s) noexcept {
  if (s.empty() || s.size() > 63) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

inline bool mig_is_table(std::string_view s) noexcept {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return mig_is_identifier(s);
  return mig_is_identifier(s.substr(0, dot)) && mig_is_identifier(s.substr(dot + 1));
}

// The table name without its schema, for naming triggers and constraints.
inline std::string mig_base(std::string_view table) {
  const std::size_t dot = table.find('.');
  return std::string(dot == std::string_view::npos ? table : table.substr(dot + 1));
}

// PostgreSQL truncates names to 63 bytes; truncate here so the SQL says what it gets.
inline std::string mig_name(std::string name) {
  if (name.size() > 63) name.resize(63);
  return name;
}

inline std::string mig_join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

inline relkit::error mig_error(migrations::errc code, std::string message) {
  return relkit::error{code, 0, std::move(message) + " at 0"};
}

inline std::optional<relkit::error> mig_check_table(std::string_view table) {
  if (mig_is_table(table)) return std::nullopt;
  return mig_error(migrations::errc::invalid_identifier,
                   "invalid table name '" + std::string(table) +
                       "' (expected [a-z_][a-z0-9_]*, at most 63 bytes, optionally schema.table)");
}

inline std::optional<relkit::error> mig_check_column(std::string_view column) {
  if (mig_is_identifier(column)) return std::nullopt;
  return mig_error(migrations::errc::invalid_identifier,
                   "invalid column name '" + std::string(column) +
                       "' (expected [a-z_][a-z0-9_]*, at most 63 bytes)");
}

struct mig_builder {
  const migrations::plan_options& options;

  std::string lock() const { return "SET lock_timeout = '" + options.lock_timeout + "';\n"; }
  std::string txn(const std::string& body) const {
    return lock() + "BEGIN;\n" + body + "COMMIT;\n";
  }

  static std::string guard(const std::string& ack) {
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
  std::string backfill(const std::string& table, Statement statement) const {
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

  std::string update_backfill(const std::string& table, const std::string& column,
                              const std::string& expression) const {
    return backfill(table, [&](const std::string& range) {
      return "UPDATE " + table + " SET " + column + " = " + expression + " WHERE " + range +
             " AND " + column + " IS NULL";
    });
  }

  std::string min_key_where(const std::string& table) const {
    const std::string& k = options.key_column;
    return " WHERE " + k + " = (SELECT min(" + k + ") FROM " + table + ")";
  }
  std::string first_row(const std::string& table) const {
    return " FROM " + table + " ORDER BY " + options.key_column + " LIMIT 1";
  }
  std::string read(const std::string& table, const std::string& column) const {
    const std::string& k = options.key_column;
    return "SELECT " + k + (column.empty() ? std::string() : ", " + column) + " FROM " + table +
           " ORDER BY " + k;
  }
};

inline migrations::app_version mig_app(std::string name, std::string description,
                                       std::vector<std::string> needs, std::string read_sql,
                                       bool read_has_value, std::vector<std::string> writes) {
  migrations::app_version a;
  a.name = std::move(name);
  a.description = std::move(description);
  a.needs = std::move(needs);
  a.read_sql = std::move(read_sql);
  a.read_has_value = read_has_value;
  a.write_sql = std::move(writes);
  return a;
}

inline migrations::phase mig_phase(migrations::phase_kind kind, std::string title, std::string sql,
                                   std::vector<std::string> apps, std::string rollback_sql,
                                   migrations::rollback_kind rollback, std::string lost,
                                   std::vector<std::string> schema) {
  migrations::phase p;
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

inline void mig_mark_point_of_no_return(migrations::phase& p, const std::string& ack,
                                        const mig_builder& b, const std::string& body) {
  p.point_of_no_return = true;
  p.acknowledgement = ack;
  p.sql = b.lock() + "BEGIN;\n" + mig_builder::guard(ack) + body + "COMMIT;\n";
}

// Two columns kept equal (through up/down) by a trigger: the core of rename
// and change-type plans. `a` is the old column, `b` the new one.
struct mig_pair {
  std::string table, a, b, old_type, new_type, up, down;
  bool not_null = false;
  std::optional<std::string> down_loses;
};

inline std::string mig_sync_function(const mig_pair& p) {
  return mig_name("relkit_sync_" + mig_base(p.table) + "_" + p.a + "_" + p.b);
}
inline std::string mig_sync_trigger(const mig_pair& p) {
  return mig_name("relkit_sync_" + p.a + "_" + p.b);
}

inline migrations::migration_plan mig_pair_plan(const mig_pair& p, const mig_builder& b,
                                                std::string summary) {
  using migrations::phase_kind;
  using migrations::rollback_kind;
  const std::string& t = p.table;
  const std::string fn = mig_sync_function(p);
  const std::string trg = mig_sync_trigger(p);
  const std::string col_a = "column " + t + "." + p.a;
  const std::string col_b = "column " + t + "." + p.b;
  const std::string synced = "synced " + t + "." + p.a + " " + t + "." + p.b;
  const std::string filled_b = "backfilled " + t + "." + p.b;
  const std::string optional_a = "insert without " + t + "." + p.a;
  const std::string check = mig_name(mig_base(t) + "_" + p.b + "_not_null");

  migrations::migration_plan plan;
  plan.summary = std::move(summary);
  const std::string upd = b.min_key_where(t);
  plan.apps.push_back(mig_app("A0", "reads and writes " + p.a + " only", {col_a}, b.read(t, p.a),
                              true,
                              {"INSERT INTO " + t + " (" + p.a + ") SELECT " + p.a + b.first_row(t),
                               "UPDATE " + t + " SET " + p.a + " = " + p.a + upd}));
  plan.apps.push_back(
      mig_app("A1", "reads " + p.a + ", writes " + p.a + " and " + p.b, {col_a, col_b},
              b.read(t, p.a), true,
              {"INSERT INTO " + t + " (" + p.a + ", " + p.b + ") SELECT " + p.a + ", " + p.up +
                   b.first_row(t),
               "UPDATE " + t + " SET " + p.a + " = " + p.a + ", " + p.b + " = " + p.up + upd}));
  plan.apps.push_back(
      mig_app("A2", "reads " + p.b + ", writes " + p.a + " and " + p.b, {col_a, col_b, filled_b},
              b.read(t, p.b), true,
              {"INSERT INTO " + t + " (" + p.a + ", " + p.b + ") SELECT " + p.down + ", " + p.b +
                   b.first_row(t),
               "UPDATE " + t + " SET " + p.b + " = " + p.b + ", " + p.a + " = " + p.down + upd}));
  plan.apps.push_back(mig_app("A3", "reads and writes " + p.b + " only",
                              {col_b, filled_b, optional_a}, b.read(t, p.b), true,
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
      mig_phase(phase_kind::expand, "add " + t + "." + p.b + " and keep it in sync with " + p.a,
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
      mig_phase(phase_kind::backfill, "copy " + p.a + " into " + p.b + " in batches",
                b.update_backfill(t, p.b, p.up), {"A0", "A1"}, "", rollback_kind::lossless, "",
                {col_a, col_b, synced, optional_a, filled_b});
  backfill.note = "Idempotent: only rows whose " + p.b + " IS NULL are written; rerun until done.";
  plan.phases.push_back(backfill);

  auto reads = mig_phase(phase_kind::switch_reads, "deploy A2, which reads " + p.b, "",
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
  auto stop = mig_phase(phase_kind::stop_old_writes,
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
      mig_phase(phase_kind::contract, "drop the trigger and " + t + "." + p.a, "", {"A3"}, "",
                rollback_kind::impossible,
                "column " + t + "." + p.a + "; re-adding it needs a fresh backfill from " + p.b +
                    " before A0, A1 or A2 can run again",
                {col_b, filled_b, optional_a});
  mig_mark_point_of_no_return(contract, "drop " + t + "." + p.a, b, contract_body);
  if (p.not_null && b.options.postgres_major < 12) {
    contract.note = "PostgreSQL 11 scans the table for SET NOT NULL despite the validated check.";
  }
  plan.phases.push_back(std::move(contract));
  return plan;
}

inline std::string mig_index_name(const std::string& table, const std::vector<std::string>& cols,
                                  const std::string& suffix) {
  return mig_name(mig_base(table) + "_" + mig_join(cols, "_") + "_" + suffix);
}

}  // namespace detail

namespace migrations {

namespace planner {
using detail::mig_app;
using detail::mig_builder;
using detail::mig_error;
using detail::mig_mark_point_of_no_return;
using detail::mig_phase;

inline relkit::result<migration_plan> plan_for(const add_column& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  if (c.type.empty()) {
    return mig_error(errc::missing_type,
                     "add_column " + c.table + "." + c.column + " needs a type");
  }
  if (c.default_sql && c.default_sql->empty()) {
    return mig_error(errc::empty_expression, "empty default for " + c.table + "." + c.column);
  }
  if (c.backfill_sql && c.backfill_sql->empty()) {
    return mig_error(errc::empty_expression, "empty backfill for " + c.table + "." + c.column);
  }
  if (c.not_null && !c.default_sql && !c.backfill_sql) {
    return mig_error(errc::not_null_needs_default_or_backfill,
                     "NOT NULL column " + c.table + "." + c.column +
                         " needs a default or a backfill expression");
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string filled = "backfilled " + t + "." + c.column;
  bool is_volatile = c.volatile_default;
  if (c.default_sql) {
    detail::sql_statement st;
    st.tokens = detail::scan_sql(*c.default_sql).empty()
                    ? std::vector<detail::sql_token>()
                    : detail::scan_sql(*c.default_sql).front().tokens;
    is_volatile = is_volatile || detail::lint_is_volatile_call(st, 0);
  }
  migration_plan p;
  p.summary = "add column " + t + "." + c.column + " " + c.type + (c.not_null ? " NOT NULL" : "") +
              (c.default_sql ? " DEFAULT " + *c.default_sql : "");
  const std::string value =
      c.backfill_sql ? *c.backfill_sql : (c.default_sql ? *c.default_sql : c.column);
  p.apps.push_back(mig_app("A0", "does not know " + c.column, {}, b.read(t, ""), false,
                           {"INSERT INTO " + t + " DEFAULT VALUES"}));
  std::vector<std::string> a1_needs = {col};
  if (c.not_null) a1_needs.push_back(filled);
  p.apps.push_back(
      mig_app("A1", "reads and writes " + c.column, a1_needs, b.read(t, c.column), false,
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
    p.phases.push_back(mig_phase(phase_kind::expand, "add " + t + "." + c.column, sql, {"A0"}, drop,
                                 rollback_kind::lossy, lost, schema));
    if (c.default_sql && is_volatile) {
      schema.push_back(filled);
      auto fill = mig_phase(phase_kind::backfill, "fill existing rows in batches",
                            b.update_backfill(t, c.column, *c.default_sql), {"A0"}, "",
                            rollback_kind::lossless, "", schema);
      fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
      p.phases.push_back(std::move(fill));
    }
    p.phases.push_back(mig_phase(phase_kind::switch_reads, "deploy A1, which uses " + c.column, "",
                                 {"A0", "A1"}, "", rollback_kind::lossless, "", schema));
    if (c.default_sql && !is_volatile && c.not_null) {
      p.phases.front().note =
          "PostgreSQL 11+ stores a non-volatile default in the catalog: no "
          "table rewrite.";
    }
    return p;
  }
  // NOT NULL with a volatile default or a backfill expression.
  const std::string check = detail::mig_name(detail::mig_base(t) + "_" + c.column + "_not_null");
  std::string expand_body =
      "ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS " + c.column + " " + c.type + ";\n";
  std::string fill_fn = detail::mig_name("relkit_fill_" + detail::mig_base(t) + "_" + c.column);
  std::string fill_trg = detail::mig_name("relkit_fill_" + c.column);
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
  p.phases.push_back(mig_phase(
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
  auto fill = mig_phase(phase_kind::backfill, "fill existing rows in batches",
                        b.update_backfill(t, c.column, value), {"A0"}, "", rollback_kind::lossless,
                        "", schema);
  fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
  p.phases.push_back(std::move(fill));
  p.phases.push_back(mig_phase(
      phase_kind::validate, "CHECK (" + c.column + " IS NOT NULL) NOT VALID, then VALIDATE",
      b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\nALTER TABLE " +
          t + " ADD CONSTRAINT " + check + " CHECK (" + c.column + " IS NOT NULL) NOT VALID;\n" +
          "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n",
      {"A0", "A1"}, b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n",
      rollback_kind::lossless, "", schema));
  auto set_nn = mig_phase(
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
        mig_phase(phase_kind::contract, "A1 only; drop the fill trigger", b.txn(drop_fill), {"A1"},
                  b.txn(fill_function), rollback_kind::lossless, "", final_schema);
    p.phases.push_back(std::move(drop_trigger));
  }
  return p;
}

inline relkit::result<migration_plan> plan_for(const rename_column& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.from)) return *e;
  if (auto e = detail::mig_check_column(c.to)) return *e;
  if (c.from == c.to) {
    return mig_error(errc::same_name, "rename_column " + c.table + "." + c.from + " to itself");
  }
  if (c.type.empty()) {
    return mig_error(errc::missing_type,
                     "rename_column " + c.table + "." + c.from + " needs the column type");
  }
  detail::mig_pair p{c.table, c.from, c.to, c.type, c.type, c.from, c.to, c.not_null, std::nullopt};
  return detail::mig_pair_plan(p, b, "rename column " + c.table + "." + c.from + " to " + c.to);
}

// No-rewrite type changes (strong_migrations' list, the cases that need no
// knowledge of indexes): the old type's text, the new type's text.
inline bool no_rewrite_change(std::string_view from, std::string_view to) {
  auto varchar_limit = [](std::string_view t) -> long {
    if (t.substr(0, 8) != "varchar(" || t.back() != ')') return -1;
    long n = 0;
    for (char ch : t.substr(8, t.size() - 9)) {
      if (ch < '0' || ch > '9' || n > 100000000) return -1;
      n = n * 10 + (ch - '0');
    }
    return n;
  };
  if (varchar_limit(from) >= 0 && (to == "text" || to == "varchar")) return true;
  if (varchar_limit(from) >= 0 && varchar_limit(to) > varchar_limit(from)) return true;
  if (from == "cidr" && to == "inet") return true;
  return false;
}

inline relkit::result<migration_plan> plan_for(const change_column_type& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  if (c.old_type.empty() || c.new_type.empty()) {
    return mig_error(errc::missing_type,
                     "change_column_type " + c.table + "." + c.column + " needs old and new types");
  }
  if (c.new_column.empty() && no_rewrite_change(c.old_type, c.new_type)) {
    migration_plan p;
    p.summary = "change type of " + c.table + "." + c.column + " from " + c.old_type + " to " +
                c.new_type + " in place (no rewrite)";
    const std::string col = "column " + c.table + "." + c.column;
    p.apps.push_back(mig_app("A0", "reads and writes " + c.column, {col}, b.read(c.table, c.column),
                             true,
                             {"INSERT INTO " + c.table + " (" + c.column + ") SELECT " + c.column +
                              b.first_row(c.table)}));
    p.initial_schema = {col};
    p.phases.push_back(mig_phase(
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
  if (auto e = detail::mig_check_column(c.new_column)) return *e;
  if (c.new_column == c.column) {
    return mig_error(errc::same_name, "change_column_type " + c.table + "." + c.column +
                                          " needs a new column name for the converted copy");
  }
  if (c.up.empty() || c.down.empty()) {
    return mig_error(errc::missing_conversion, "change_column_type " + c.table + "." + c.column +
                                                   " needs both up and down conversions");
  }
  if (c.down_loses && !b.options.acknowledge_lossy_down) {
    return mig_error(
        errc::lossy_down_needs_acknowledgement,
        "down conversion " + c.down + " loses " + *c.down_loses + "; set acknowledge_lossy_down");
  }
  detail::mig_pair p{c.table, c.column, c.new_column, c.old_type,  c.new_type,
                     c.up,    c.down,   c.not_null,   c.down_loses};
  return detail::mig_pair_plan(p, b,
                               "change type of " + c.table + "." + c.column + " from " +
                                   c.old_type + " to " + c.new_type + " as " + c.new_column);
}

inline relkit::result<migration_plan> plan_for(const set_not_null& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  if (c.backfill_sql && c.backfill_sql->empty()) {
    return mig_error(errc::empty_expression, "empty backfill for " + c.table + "." + c.column);
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string nullable = "nullable " + t + "." + c.column;
  const std::string check = detail::mig_name(detail::mig_base(t) + "_" + c.column + "_not_null");
  migration_plan p;
  p.summary = "set " + t + "." + c.column + " NOT NULL";
  p.apps.push_back(mig_app("A0", "may write NULL into " + c.column, {col, nullable},
                           b.read(t, c.column), true,
                           {"INSERT INTO " + t + " (" + c.column + ") VALUES (NULL)"}));
  p.apps.push_back(mig_app(
      "A1", "never writes NULL into " + c.column, {col}, b.read(t, c.column), true,
      {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + " FROM " + t + " WHERE " +
       c.column + " IS NOT NULL ORDER BY " + b.options.key_column + " LIMIT 1"}));
  p.initial_schema = {col, nullable};
  p.phases.push_back(mig_phase(phase_kind::switch_reads, "deploy A1, which never writes NULL", "",
                               {"A0", "A1"}, "", rollback_kind::lossless, "", {col, nullable}));
  if (c.backfill_sql) {
    auto fill =
        mig_phase(phase_kind::backfill, "fill NULLs in batches",
                  b.update_backfill(t, c.column, *c.backfill_sql), {"A1"}, "", rollback_kind::lossy,
                  "which rows of " + t + "." + c.column +
                      " were NULL before the backfill (they keep the filled value)",
                  {col, nullable});
    fill.note = "Idempotent: only rows whose " + c.column + " IS NULL are written.";
    p.phases.push_back(std::move(fill));
  }
  auto validate = mig_phase(
      phase_kind::validate, "CHECK (" + c.column + " IS NOT NULL) NOT VALID, then VALIDATE",
      b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\nALTER TABLE " +
          t + " ADD CONSTRAINT " + check + " CHECK (" + c.column + " IS NOT NULL) NOT VALID;\n" +
          "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";\n",
      {"A1"}, b.lock() + "ALTER TABLE " + t + " DROP CONSTRAINT IF EXISTS " + check + ";\n",
      rollback_kind::lossless, "", {col});
  if (!c.backfill_sql) validate.note = "VALIDATE fails while any row still holds NULL.";
  p.phases.push_back(std::move(validate));
  auto set_nn = mig_phase(
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

inline relkit::result<migration_plan> plan_for(const drop_not_null& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string nullable = "nullable " + t + "." + c.column;
  migration_plan p;
  p.summary = "drop NOT NULL of " + t + "." + c.column;
  p.apps.push_back(
      mig_app("A0", "never writes NULL into " + c.column, {col}, b.read(t, c.column), true,
              {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + b.first_row(t)}));
  p.apps.push_back(mig_app("A1", "may write NULL into " + c.column, {col, nullable},
                           b.read(t, c.column), true,
                           {"INSERT INTO " + t + " (" + c.column + ") VALUES (NULL)"}));
  p.initial_schema = {col};
  p.phases.push_back(mig_phase(
      phase_kind::expand, "DROP NOT NULL",
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " DROP NOT NULL; -- relkit:allow ban-drop-not-null (planned)\n"),
      {"A0"},
      b.txn("ALTER TABLE " + t + " ALTER COLUMN " + c.column +
            " SET NOT NULL; -- relkit:allow setting-not-null (rollback; scans the table)\n"),
      rollback_kind::lossless, "", {col, nullable}));
  p.phases.front().note = "The rollback scans the table under an ACCESS EXCLUSIVE lock.";
  auto deploy = mig_phase(phase_kind::switch_reads, "deploy A1, which may write NULL", "",
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

inline relkit::result<migration_plan> plan_for(const drop_column& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  if (c.type.empty()) {
    return mig_error(errc::missing_type, "drop_column " + c.table + "." + c.column +
                                             " needs the column type (for its down trigger)");
  }
  if (c.not_null && !c.has_default && !c.down_sql) {
    return mig_error(errc::drop_needs_down,
                     "NOT NULL column " + c.table + "." + c.column +
                         " without a default needs a down expression, or inserts by the new app "
                         "fail");
  }
  const std::string& t = c.table;
  const std::string col = "column " + t + "." + c.column;
  const std::string optional = "insert without " + t + "." + c.column;
  migration_plan p;
  p.summary = "drop column " + t + "." + c.column;
  p.apps.push_back(
      mig_app("A0", "reads and writes " + c.column, {col}, b.read(t, c.column), true,
              {"INSERT INTO " + t + " (" + c.column + ") SELECT " + c.column + b.first_row(t)}));
  p.apps.push_back(mig_app("A1", "neither reads nor writes " + c.column, {optional}, b.read(t, ""),
                           false, {"INSERT INTO " + t + " DEFAULT VALUES"}));
  p.initial_schema = {col};
  if (!c.not_null || c.has_default) p.initial_schema.push_back(optional);
  const std::string fn = detail::mig_name("relkit_down_" + detail::mig_base(t) + "_" + c.column);
  const std::string trg = detail::mig_name("relkit_down_" + c.column);
  std::string trigger_drop;
  if (c.down_sql) {
    const std::string function_sql =
        "CREATE OR REPLACE FUNCTION " + fn +
        "() RETURNS trigger LANGUAGE plpgsql AS $relkit$\nBEGIN\n  IF NEW." + c.column +
        " IS NULL THEN\n    SELECT " + *c.down_sql + " INTO NEW." + c.column +
        " FROM (SELECT NEW.*) AS relkit_row;\n  END IF;\n  RETURN NEW;\nEND\n$relkit$;\n";
    trigger_drop =
        "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nDROP FUNCTION IF EXISTS " + fn + "();\n";
    p.phases.push_back(mig_phase(
        phase_kind::expand, "fill " + c.column + " for rows written without it",
        b.txn(function_sql + "DROP TRIGGER IF EXISTS " + trg + " ON " + t + ";\nCREATE TRIGGER " +
              trg + " BEFORE INSERT ON " + t + " FOR EACH ROW EXECUTE FUNCTION " + fn + "();\n"),
        {"A0"}, b.txn(trigger_drop), rollback_kind::lossless, "", {col, optional}));
  }
  p.phases.push_back(mig_phase(phase_kind::stop_old_writes,
                               "deploy A1, which neither reads nor writes " + c.column, "",
                               {"A0", "A1"}, "", rollback_kind::lossless, "",
                               p.phases.empty() ? p.initial_schema : p.phases.back().schema));
  if (c.not_null && !c.has_default && !c.down_sql) {
    // unreachable: rejected above
  }
  auto contract =
      mig_phase(phase_kind::contract, "drop " + t + "." + c.column, "", {"A1"}, "",
                rollback_kind::impossible, "every value of " + t + "." + c.column, {optional});
  mig_mark_point_of_no_return(contract, "drop " + t + "." + c.column, b,
                              trigger_drop +
                                  "-- relkit:allow ban-drop-column (acknowledged point of no "
                                  "return)\nALTER TABLE " +
                                  t + " DROP COLUMN IF EXISTS " + c.column + ";\n");
  p.phases.push_back(std::move(contract));
  return p;
}

inline relkit::result<migration_plan> plan_for(const rename_table& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.from)) return *e;
  if (auto e = detail::mig_check_column(c.to)) return *e;
  if (detail::mig_base(c.from) == c.to) {
    return mig_error(errc::same_name, "rename_table " + c.from + " to itself");
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
      mig_app("A0", "uses " + c.from, {old_rel}, b.read(c.from, ""), false,
              {"INSERT INTO " + c.from + " DEFAULT VALUES",
               "UPDATE " + c.from + " SET " + k + " = " + k + b.min_key_where(c.from)}));
  p.apps.push_back(mig_app("A1", "uses " + to, {new_rel}, b.read(to, ""), false,
                           {"INSERT INTO " + to + " DEFAULT VALUES",
                            "UPDATE " + to + " SET " + k + " = " + k + b.min_key_where(to)}));
  p.initial_schema = {old_rel};
  const std::string view = "CREATE VIEW " + c.from + " AS SELECT * FROM " + to + ";\n";
  auto expand = mig_phase(
      phase_kind::expand, "rename the table and keep an updatable view under the old name",
      b.txn("ALTER TABLE " + c.from + " RENAME TO " + c.to +
            "; -- relkit:allow renaming-table (old name stays as a view)\n" + view),
      {"A0"},
      b.txn("DROP VIEW IF EXISTS " + c.from + ";\nALTER TABLE " + to + " RENAME TO " +
            detail::mig_base(c.from) + "; -- relkit:allow renaming-table (rollback)\n"),
      rollback_kind::lossless, "", {old_rel, new_rel});
  expand.note = "The view lists the columns as of this phase; add no column before the contract.";
  p.phases.push_back(std::move(expand));
  p.phases.push_back(mig_phase(phase_kind::switch_reads, "deploy A1, which uses " + to, "",
                               {"A0", "A1"}, "", rollback_kind::lossless, "", {old_rel, new_rel}));
  p.phases.push_back(mig_phase(phase_kind::contract, "drop the view " + c.from,
                               b.txn("DROP VIEW IF EXISTS " + c.from + ";\n"), {"A1"}, b.txn(view),
                               rollback_kind::lossless, "", {new_rel}));
  return p;
}

inline relkit::result<migration_plan> plan_for(const split_column& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.column)) return *e;
  if (auto e = detail::mig_check_table(c.new_table)) return *e;
  if (auto e = detail::mig_check_column(c.new_key)) return *e;
  if (c.type.empty()) {
    return mig_error(errc::missing_type,
                     "split_column " + c.table + "." + c.column + " needs a type");
  }
  if (c.not_null) {
    return mig_error(errc::not_null_source_column,
                     "split_column " + c.table + "." + c.column +
                         " is NOT NULL: plan drop_not_null first, or new-table writers break "
                         "inserts");
  }
  if (c.table == c.new_table) {
    return mig_error(errc::same_name, "split_column into its own table " + c.table);
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
  const std::string fn_old = detail::mig_name("relkit_split_" + detail::mig_base(t) + "_" + v);
  const std::string fn_new = detail::mig_name("relkit_split_" + detail::mig_base(n) + "_" + v);
  const std::string trg = detail::mig_name("relkit_split_" + v);
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
      mig_app("A0", "reads and writes " + t + "." + v, {col}, b.read(t, v), true,
              {"INSERT INTO " + t + " (" + v + ") SELECT " + v + b.first_row(t), old_update}));
  p.apps.push_back(mig_app("A1", "reads " + t + "." + v + ", writes both", {col, new_col},
                           b.read(t, v), true, {old_update, upsert}));
  p.apps.push_back(mig_app("A2", "reads " + n + "." + v + ", writes both", {col, new_col, filled},
                           read_new, true, {old_update, upsert}));
  p.apps.push_back(mig_app(
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
  p.phases.push_back(mig_phase(
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
  auto fill = mig_phase(
      phase_kind::backfill, "copy " + t + "." + v + " into " + n + " in batches",
      b.backfill(t,
                 [&](const std::string& range) {
                   return "INSERT INTO " + n + " (" + nk + ", " + v + ") SELECT " + k + ", " + v +
                          " FROM " + t + " WHERE " + range + " ON CONFLICT (" + nk + ") DO NOTHING";
                 }),
      {"A0", "A1"}, "", rollback_kind::lossless, "", {col, optional, new_col, synced, filled});
  fill.note = "Idempotent: rows already in " + n + " are skipped.";
  p.phases.push_back(fill);
  p.phases.push_back(mig_phase(phase_kind::switch_reads, "deploy A2, which reads " + n + "." + v,
                               "", {"A1", "A2"}, "", rollback_kind::lossless, "", fill.schema));
  p.phases.push_back(
      mig_phase(phase_kind::stop_old_writes,
                "deploy A3, which writes only " + n + "; the trigger still fills " + t + "." + v,
                "", {"A2", "A3"}, "", rollback_kind::lossless, "", fill.schema));
  auto contract =
      mig_phase(phase_kind::contract, "drop the triggers and " + t + "." + v, "", {"A3"}, "",
                rollback_kind::impossible,
                "column " + t + "." + v + "; re-adding it needs a fresh backfill from " + n,
                {new_col, filled, optional});
  mig_mark_point_of_no_return(
      contract, "drop " + t + "." + v, b,
      drop_triggers + "DROP TRIGGER IF EXISTS " + trg + " ON " + n + ";\nDROP FUNCTION IF EXISTS " +
          fn_new + "();\n-- relkit:allow ban-drop-column (acknowledged point of no return)\n" +
          "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + v + ";\n");
  p.phases.push_back(std::move(contract));
  return p;
}

inline std::optional<relkit::error> check_columns(const std::string& table,
                                                  const std::vector<std::string>& columns) {
  if (auto e = detail::mig_check_table(table)) return e;
  if (columns.empty()) {
    return mig_error(errc::empty_column_list, "no columns given for " + table);
  }
  for (const auto& col : columns) {
    if (auto e = detail::mig_check_column(col)) return e;
  }
  return std::nullopt;
}

inline migration_plan unchanged_app_plan(const std::string& table, const mig_builder& b,
                                         std::string summary) {
  migration_plan p;
  p.summary = std::move(summary);
  const std::string& k = b.options.key_column;
  p.apps.push_back(mig_app("A0", "the running app, unchanged", {"relation " + table},
                           b.read(table, ""), false,
                           {"UPDATE " + table + " SET " + k + " = " + k + b.min_key_where(table)}));
  p.initial_schema = {"relation " + table};
  return p;
}

inline relkit::result<migration_plan> plan_for(const add_index& c, const mig_builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  const std::string name =
      c.name.empty() ? detail::mig_index_name(c.table, c.columns, "idx") : c.name;
  if (auto e = detail::mig_check_column(name)) return *e;
  migration_plan p = unchanged_app_plan(
      c.table, b, std::string("add ") + (c.unique ? "unique " : "") + "index " + name);
  auto ph = mig_phase(phase_kind::expand, "build the index concurrently",
                      b.lock() + "CREATE " + (c.unique ? "UNIQUE " : "") +
                          "INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + c.table + " (" +
                          detail::mig_join(c.columns, ", ") + ");\n",
                      {"A0"}, b.lock() + "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n",
                      rollback_kind::lossless, "", p.initial_schema);
  ph.note =
      "Runs outside a transaction. A failed build leaves an INVALID index: drop it "
      "(the rollback) and run again.";
  p.phases.push_back(std::move(ph));
  return p;
}

inline relkit::result<migration_plan> plan_for(const add_foreign_key& c, const mig_builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  if (auto e = check_columns(c.references_table, c.references_columns)) return *e;
  const std::string name =
      c.name.empty() ? detail::mig_index_name(c.table, c.columns, "fkey") : c.name;
  if (auto e = detail::mig_check_column(name)) return *e;
  migration_plan p = unchanged_app_plan(c.table, b, "add foreign key " + name);
  const std::string add = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name +
                          ";\nALTER TABLE " + c.table + " ADD CONSTRAINT " + name +
                          " FOREIGN KEY (" + detail::mig_join(c.columns, ", ") + ") REFERENCES " +
                          c.references_table + " (" + detail::mig_join(c.references_columns, ", ") +
                          ") NOT VALID;\n";
  const std::string drop = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name + ";\n";
  p.phases.push_back(mig_phase(phase_kind::expand, "add the foreign key NOT VALID (new rows only)",
                               b.txn(add), {"A0"}, b.txn(drop), rollback_kind::lossless, "",
                               p.initial_schema));
  p.phases.push_back(
      mig_phase(phase_kind::validate, "validate existing rows",
                b.lock() + "ALTER TABLE " + c.table + " VALIDATE CONSTRAINT " + name + ";\n",
                {"A0"}, b.txn(add), rollback_kind::lossless, "", p.initial_schema));
  p.phases.back().note = "VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on.";
  return p;
}

inline relkit::result<migration_plan> plan_for(const add_check& c, const mig_builder& b) {
  if (auto e = detail::mig_check_table(c.table)) return *e;
  if (auto e = detail::mig_check_column(c.name)) return *e;
  if (c.expression.empty()) {
    return mig_error(errc::empty_expression, "empty check expression for " + c.name);
  }
  migration_plan p = unchanged_app_plan(c.table, b, "add check constraint " + c.name);
  const std::string add = "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + c.name +
                          ";\nALTER TABLE " + c.table + " ADD CONSTRAINT " + c.name + " CHECK (" +
                          c.expression + ") NOT VALID;\n";
  const std::string drop =
      "ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + c.name + ";\n";
  p.phases.push_back(mig_phase(phase_kind::expand, "add the check NOT VALID (new rows only)",
                               b.txn(add), {"A0"}, b.txn(drop), rollback_kind::lossless, "",
                               p.initial_schema));
  p.phases.push_back(
      mig_phase(phase_kind::validate, "validate existing rows",
                b.lock() + "ALTER TABLE " + c.table + " VALIDATE CONSTRAINT " + c.name + ";\n",
                {"A0"}, b.txn(add), rollback_kind::lossless, "", p.initial_schema));
  return p;
}

inline relkit::result<migration_plan> plan_for(const add_unique& c, const mig_builder& b) {
  if (auto e = check_columns(c.table, c.columns)) return *e;
  const std::string name =
      c.name.empty() ? detail::mig_index_name(c.table, c.columns, "key") : c.name;
  if (auto e = detail::mig_check_column(name)) return *e;
  migration_plan p = unchanged_app_plan(c.table, b, "add unique constraint " + name);
  const std::string index = b.lock() + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name +
                            " ON " + c.table + " (" + detail::mig_join(c.columns, ", ") + ");\n";
  p.phases.push_back(mig_phase(phase_kind::expand, "build the unique index concurrently", index,
                               {"A0"},
                               b.lock() + "DROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n",
                               rollback_kind::lossless, "", p.initial_schema));
  p.phases.back().note =
      "A failed build leaves an INVALID index: drop it (the rollback) and run "
      "again.";
  p.phases.push_back(
      mig_phase(phase_kind::validate, "attach the index as the constraint",
                b.txn("ALTER TABLE " + c.table + " ADD CONSTRAINT " + name +
                      " UNIQUE USING INDEX " + name + ";\n"),
                {"A0"},
                b.txn("ALTER TABLE " + c.table + " DROP CONSTRAINT IF EXISTS " + name + ";\n") +
                    index.substr(b.lock().size()),
                rollback_kind::lossless, "", p.initial_schema));
  return p;
}

}  // namespace planner

// The expand-contract plan for one change, checked against the invariant.
[[nodiscard]] inline relkit::result<migration_plan> plan(const change& what,
                                                         const plan_options& options = {}) {
  if (options.postgres_major < 11) {
    return detail::mig_error(
        errc::unsupported_postgres_version,
        "PostgreSQL " + std::to_string(options.postgres_major) + " is not supported (11 or later)");
  }
  if (!detail::mig_is_identifier(options.key_column)) {
    return detail::mig_error(errc::invalid_identifier,
                             "invalid key column '" + options.key_column + "'");
  }
  if (options.batch_size == 0) {
    return detail::mig_error(errc::empty_expression, "batch_size must be positive");
  }
  const detail::mig_builder builder{options};
  relkit::result<migration_plan> out =
      std::visit([&](const auto& c) { return planner::plan_for(c, builder); }, what);
  if (!out) return out;
  const relkit::result<void> ok = check_invariant(*out);
  if (!ok) return ok.error();
  return out;
}

// A Markdown runbook: phases, SQL, allowed apps, rollback, point of no return.
[[nodiscard]] inline std::string render_runbook(const migration_plan& p) {
  std::string out = "# Migration: " + p.summary + "\n\n## App versions\n\n";
  for (const auto& a : p.apps) out += "- **" + a.name + "**: " + a.description + "\n";
  out += "\n## Phases\n\n| # | phase | apps | rollback |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    const phase& ph = p.phases[i];
    out += "| " + std::to_string(i + 1) + " | " + std::string(to_string(ph.kind)) +
           (ph.point_of_no_return ? " (point of no return)" : "") + " | " +
           detail::mig_join(ph.apps, ", ") + " | " + std::string(to_string(ph.rollback)) + " |\n";
  }
  for (std::size_t i = 0; i < p.phases.size(); ++i) {
    const phase& ph = p.phases[i];
    out += "\n## Phase " + std::to_string(i + 1) + ": " + std::string(to_string(ph.kind)) + ": " +
           ph.title + "\n\n";
    if (ph.point_of_no_return) {
      out += "**Point of no return.** Acknowledge first: `SET relkit.acknowledge = '" +
             ph.acknowledgement + "';`\n\n";
    }
    out += "Apps allowed: " + detail::mig_join(ph.apps, ", ") + "\n\n";
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
