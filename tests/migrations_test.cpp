#include <gtest/gtest.h>
#include <relkit/relkit.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support/migration_cases.hpp"

namespace m = relkit::migrations;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string golden_dir() {
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of("/\\")) + "/migrations/";
}

std::vector<m::phase_kind> kinds(const m::migration_plan& p) {
  std::vector<m::phase_kind> out;
  for (const auto& ph : p.phases) out.push_back(ph.kind);
  return out;
}

std::vector<std::vector<std::string>> apps(const m::migration_plan& p) {
  std::vector<std::vector<std::string>> out;
  for (const auto& ph : p.phases) out.push_back(ph.apps);
  return out;
}

std::vector<m::rollback_kind> rollbacks(const m::migration_plan& p) {
  std::vector<m::rollback_kind> out;
  for (const auto& ph : p.phases) out.push_back(ph.rollback);
  return out;
}

std::vector<std::string> rules(const std::vector<m::finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule);
  return out;
}

using K = m::phase_kind;
using R = m::rollback_kind;
using Apps = std::vector<std::vector<std::string>>;

}  // namespace

// Scenario 24: rename users.name -> full_name.
TEST(MigrationsPlan, RenameColumnPhasesAppsAndPointOfNoReturn) {
  const auto p = m::make_plan(m::rename_column{"users", "name", "full_name", "text", false});
  ASSERT_TRUE(p) << relkit::to_string(p.error());
  EXPECT_EQ(p->summary, "rename column users.name to full_name");
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::backfill, K::switch_reads, K::stop_old_writes,
                                       K::contract}));
  EXPECT_EQ(apps(*p), (Apps{{"A0"}, {"A0", "A1"}, {"A1", "A2"}, {"A2", "A3"}, {"A3"}}));
  EXPECT_EQ(rollbacks(*p),
            (std::vector<R>{R::lossless, R::lossless, R::lossless, R::lossless, R::impossible}));
  for (std::size_t i = 0; i < 4; ++i) EXPECT_FALSE(p->phases[i].point_of_no_return);
  const m::phase& contract = p->phases[4];
  EXPECT_TRUE(contract.point_of_no_return);
  EXPECT_EQ(contract.acknowledgement, "drop users.name");
  EXPECT_EQ(contract.lost,
            "column users.name; re-adding it needs a fresh backfill from full_name before A0, A1 "
            "or A2 can run again");
  EXPECT_EQ(contract.sql,
            "SET lock_timeout = '5s';\n"
            "BEGIN;\n"
            "DO $relkit$\n"
            "BEGIN\n"
            "  IF current_setting('relkit.acknowledge', true) IS DISTINCT FROM 'drop users.name' "
            "THEN\n"
            "    RAISE EXCEPTION 'point of no return: run SET relkit.acknowledge = ''drop "
            "users.name'' first';\n"
            "  END IF;\n"
            "END\n"
            "$relkit$;\n"
            "DROP TRIGGER IF EXISTS relkit_sync_name_full_name ON users;\n"
            "DROP FUNCTION IF EXISTS relkit_sync_users_name_full_name();\n"
            "-- relkit:allow ban-drop-column (acknowledged point of no return)\n"
            "ALTER TABLE users DROP COLUMN IF EXISTS name;\n"
            "COMMIT;\n");
  EXPECT_EQ(p->phases[1].sql,
            "DO $relkit$\n"
            "DECLARE\n"
            "  relkit_last users.id%TYPE;\n"
            "  relkit_high users.id%TYPE;\n"
            "BEGIN\n"
            "  LOOP\n"
            "    SELECT max(id) INTO relkit_high FROM (SELECT id FROM users WHERE relkit_last IS "
            "NULL OR id > relkit_last ORDER BY id LIMIT 1000) AS relkit_batch;\n"
            "    EXIT WHEN relkit_high IS NULL;\n"
            "    UPDATE users SET full_name = name WHERE (relkit_last IS NULL OR id > relkit_last) "
            "AND id <= relkit_high AND full_name IS NULL;\n"
            "    relkit_last := relkit_high;\n"
            "    COMMIT;\n"
            "  END LOOP;\n"
            "END\n"
            "$relkit$;\n");
  EXPECT_EQ(p->phases[2].sql, "");
  EXPECT_EQ(p->phases[3].sql, "");
  EXPECT_EQ(p->phases[0].rollback_sql,
            "SET lock_timeout = '5s';\n"
            "BEGIN;\n"
            "DROP TRIGGER IF EXISTS relkit_sync_name_full_name ON users;\n"
            "DROP FUNCTION IF EXISTS relkit_sync_users_name_full_name();\n"
            "-- relkit:allow ban-drop-column (full_name only copies name)\n"
            "ALTER TABLE users DROP COLUMN IF EXISTS full_name;\n"
            "COMMIT;\n");
  // Its SQL passes the linter: lock_timeout set, no rewrite, drops acknowledged.
  for (const auto& ph : p->phases) {
    EXPECT_EQ(rules(m::lint(ph.sql)), std::vector<std::string>()) << ph.title;
    EXPECT_EQ(rules(m::lint(ph.rollback_sql)), std::vector<std::string>()) << ph.title;
  }
}

TEST(MigrationsPlan, RenameColumnNotNullValidatesBeforeContract) {
  const auto p = m::make_plan(m::rename_column{"users", "name", "full_name", "text", true});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->phases[3].sql,
            "SET lock_timeout = '5s';\n"
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_full_name_not_null;\n"
            "ALTER TABLE users ADD CONSTRAINT users_full_name_not_null CHECK (full_name IS NOT "
            "NULL) NOT VALID;\n"
            "ALTER TABLE users VALIDATE CONSTRAINT users_full_name_not_null;\n");
  EXPECT_NE(p->phases[4].sql.find("ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;"),
            std::string::npos);
  m::make_plan_options pg11;
  pg11.postgres_major = 11;
  const auto old = m::make_plan(m::rename_column{"users", "name", "full_name", "text", true}, pg11);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->phases[4].note,
            "PostgreSQL 11 scans the table for SET NOT NULL despite the validated check.");
}

// Scenario 25.
TEST(MigrationsPlan, AddNotNullColumnNeedsDefaultOrBackfill) {
  const auto p = m::make_plan(m::add_column{"users", "c", "int", true, {}, false, {}});
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, m::errc::not_null_needs_default_or_backfill);
  EXPECT_EQ(p.error().message(),
            "NOT NULL column users.c needs a default or a backfill expression");
  EXPECT_EQ(p.error().position, relkit::no_position);
}

TEST(MigrationsPlan, AddNotNullColumnWithConstantDefaultIsOneSqlPhase) {
  const auto p = m::make_plan(m::add_column{"users", "c", "int", true, "0", false, {}});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::switch_reads}));
  EXPECT_EQ(apps(*p), (Apps{{"A0"}, {"A0", "A1"}}));
  EXPECT_EQ(p->phases[0].sql,
            "SET lock_timeout = '5s';\nBEGIN;\n"
            "ALTER TABLE users ADD COLUMN IF NOT EXISTS c int NOT NULL DEFAULT 0;\nCOMMIT;\n");
  EXPECT_EQ(p->phases[0].rollback, R::lossy);
  EXPECT_EQ(p->phases[0].lost, "values written into users.c by A1");
  EXPECT_EQ(p->phases[1].sql, "");
  // The linter only objects to the 32-bit type the request chose.
  EXPECT_EQ(rules(m::lint(p->phases[0].sql)), std::vector<std::string>{"prefer-bigint-over-int"});
}

TEST(MigrationsPlan, AddNotNullColumnWithVolatileDefaultBackfillsAndValidates) {
  const auto p = m::make_plan(
      m::add_column{"users", "c", "timestamptz", true, "clock_timestamp()", false, {}});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::backfill, K::validate, K::contract}));
  EXPECT_EQ(apps(*p), (Apps{{"A0"}, {"A0"}, {"A0", "A1"}, {"A0", "A1"}}));
  EXPECT_EQ(p->phases[0].sql,
            "SET lock_timeout = '5s';\nBEGIN;\n"
            "ALTER TABLE users ADD COLUMN IF NOT EXISTS c timestamptz;\n"
            "ALTER TABLE users ALTER COLUMN c SET DEFAULT clock_timestamp();\nCOMMIT;\n");
  EXPECT_NE(p->phases[1].sql.find("UPDATE users SET c = clock_timestamp() WHERE"),
            std::string::npos);
  EXPECT_EQ(p->phases[2].sql,
            "SET lock_timeout = '5s';\n"
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_c_not_null;\n"
            "ALTER TABLE users ADD CONSTRAINT users_c_not_null CHECK (c IS NOT NULL) NOT VALID;\n"
            "ALTER TABLE users VALIDATE CONSTRAINT users_c_not_null;\n");
  EXPECT_EQ(p->phases[3].sql,
            "SET lock_timeout = '5s';\nBEGIN;\n"
            "ALTER TABLE users ALTER COLUMN c SET NOT NULL; -- relkit:allow setting-not-null "
            "(validated users_c_not_null)\n"
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_c_not_null;\nCOMMIT;\n");
  // volatile_default forces the same plan for a function relkit does not know.
  const auto forced =
      m::make_plan(m::add_column{"users", "c", "timestamptz", true, "my_clock()", true, {}});
  ASSERT_TRUE(forced);
  EXPECT_EQ(kinds(*forced), kinds(*p));
}

TEST(MigrationsPlan, NowIsStableSoItsDefaultIsMetadataOnly) {
  // Deliberate difference from the research scenario: now() is STABLE, and
  // PostgreSQL 11+ stores its value once without rewriting the table.
  const auto p = m::make_plan(m::add_column{"users", "c", "timestamptz", true, "now()", false, {}});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::switch_reads}));
}

TEST(MigrationsPlan, ChangeTypeLossyDownNeedsAcknowledgement) {
  m::change_column_type c{
      "orders", "amount",         "amount_big",      "int",
      "bigint", "amount::bigint", "amount_big::int", "amounts beyond the int range",
      false};
  const auto refused = m::make_plan(c);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, m::errc::lossy_down_needs_acknowledgement);
  EXPECT_EQ(refused.error().message(),
            "down conversion amount_big::int loses data; set acknowledge_lossy_down");
  m::make_plan_options ack;
  ack.acknowledge_lossy_down = true;
  const auto p = m::make_plan(c, ack);
  ASSERT_TRUE(p);
  EXPECT_EQ(rollbacks(*p),
            (std::vector<R>{R::lossless, R::lossless, R::lossy, R::lossless, R::impossible}));
  EXPECT_EQ(p->phases[2].lost, "amounts beyond the int range");
  EXPECT_NE(p->phases[0].sql.find("ADD COLUMN IF NOT EXISTS amount_big bigint;"),
            std::string::npos);
  EXPECT_NE(p->phases[1].sql.find("UPDATE orders SET amount_big = amount::bigint WHERE"),
            std::string::npos);
  c.up.clear();
  const auto missing = m::make_plan(c, ack);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, m::errc::missing_conversion);
}

TEST(MigrationsPlan, ChangeTypeWithoutRewriteIsOnePhaseInPlace) {
  const auto p = m::make_plan(
      m::change_column_type{"tags", "label", "", "varchar(20)", "text", "", "", {}, false});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand}));
  EXPECT_EQ(p->phases[0].sql,
            "SET lock_timeout = '5s';\nBEGIN;\nALTER TABLE tags ALTER COLUMN label TYPE text; -- "
            "relkit:allow changing-column-type (no rewrite)\nCOMMIT;\n");
  EXPECT_EQ(p->phases[0].rollback, R::lossy);
  // A rewriting change needs a new column.
  const auto rewrite =
      m::make_plan(m::change_column_type{"t", "c", "", "int", "bigint", "c", "c", {}, false});
  ASSERT_FALSE(rewrite);
  EXPECT_EQ(rewrite.error().code, m::errc::invalid_identifier);
}

TEST(MigrationsPlan, SetNotNull) {
  const auto p = m::make_plan(m::set_not_null{"users", "nickname", std::string("'anonymous'")});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::switch_reads, K::backfill, K::validate, K::contract}));
  EXPECT_EQ(apps(*p), (Apps{{"A0", "A1"}, {"A1"}, {"A1"}, {"A1"}}));
  EXPECT_EQ(rollbacks(*p), (std::vector<R>{R::lossless, R::lossy, R::lossless, R::lossless}));
  EXPECT_EQ(p->phases[3].rollback_sql,
            "SET lock_timeout = '5s';\nBEGIN;\nALTER TABLE users ALTER COLUMN nickname DROP NOT "
            "NULL; -- relkit:allow ban-drop-not-null (rolls back the SET NOT NULL)\nCOMMIT;\n");
  const auto bare = m::make_plan(m::set_not_null{"users", "nickname", {}});
  ASSERT_TRUE(bare);
  EXPECT_EQ(kinds(*bare), (std::vector<K>{K::switch_reads, K::validate, K::contract}));
  EXPECT_EQ(bare->phases[1].note, "VALIDATE fails while any row still holds NULL.");
}

TEST(MigrationsPlan, DropNotNullWithoutFillIsThePointOfNoReturn) {
  const auto p = m::make_plan(m::drop_not_null{"users", "name", {}});
  ASSERT_TRUE(p);
  EXPECT_EQ(rollbacks(*p), (std::vector<R>{R::lossless, R::impossible}));
  EXPECT_TRUE(p->phases[1].point_of_no_return);
  EXPECT_EQ(p->phases[1].acknowledgement, "allow NULL in users.name");
  const auto filled = m::make_plan(m::drop_not_null{"users", "name", std::string("''")});
  ASSERT_TRUE(filled);
  EXPECT_EQ(rollbacks(*filled), (std::vector<R>{R::lossless, R::lossy}));
  EXPECT_EQ(filled->phases[1].lost, "NULLs written by A1 become ''");
  EXPECT_FALSE(filled->phases[1].point_of_no_return);
}

TEST(MigrationsPlan, DropColumn) {
  const auto refused = m::make_plan(m::drop_column{"users", "legacy", "text", true, false, {}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, m::errc::drop_needs_down);
  const auto p =
      m::make_plan(m::drop_column{"users", "legacy", "text", true, false, std::string("'x'")});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::stop_old_writes, K::contract}));
  EXPECT_EQ(apps(*p), (Apps{{"A0"}, {"A0", "A1"}, {"A1"}}));
  EXPECT_EQ(p->phases[2].lost, "every value of users.legacy");
  EXPECT_TRUE(p->phases[2].point_of_no_return);
  const auto nullable = m::make_plan(m::drop_column{"users", "legacy", "text", false, false, {}});
  ASSERT_TRUE(nullable);
  EXPECT_EQ(kinds(*nullable), (std::vector<K>{K::stop_old_writes, K::contract}));
}

TEST(MigrationsPlan, RenameTableKeepsAViewUntilTheContract) {
  const auto p = m::make_plan(m::rename_table{"users", "accounts"});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::switch_reads, K::contract}));
  EXPECT_EQ(p->phases[0].sql,
            "SET lock_timeout = '5s';\nBEGIN;\nALTER TABLE users RENAME TO accounts; -- "
            "relkit:allow renaming-table (old name stays as a view)\nCREATE VIEW users AS SELECT * "
            "FROM accounts;\nCOMMIT;\n");
  EXPECT_EQ(p->phases[2].sql,
            "SET lock_timeout = '5s';\nBEGIN;\nDROP VIEW IF EXISTS users;\nCOMMIT;\n");
  EXPECT_EQ(rollbacks(*p), (std::vector<R>{R::lossless, R::lossless, R::lossless}));
}

TEST(MigrationsPlan, SplitColumn) {
  const auto p =
      m::make_plan(m::split_column{"users", "email", "text", "profiles", "user_id", false});
  ASSERT_TRUE(p);
  EXPECT_EQ(kinds(*p), (std::vector<K>{K::expand, K::backfill, K::switch_reads, K::stop_old_writes,
                                       K::contract}));
  EXPECT_NE(p->phases[1].sql.find("INSERT INTO profiles (user_id, email) SELECT id, email FROM "
                                  "users WHERE (relkit_last IS NULL OR id > relkit_last) AND id "
                                  "<= relkit_high ON CONFLICT (user_id) DO NOTHING;"),
            std::string::npos);
  const auto refused =
      m::make_plan(m::split_column{"users", "email", "text", "profiles", "user_id", true});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, m::errc::not_null_source_column);
}

TEST(MigrationsPlan, IndexAndConstraints) {
  const auto idx = m::make_plan(m::add_index{"users", {"email", "name"}, "", true});
  ASSERT_TRUE(idx);
  EXPECT_EQ(idx->phases[0].sql,
            "SET lock_timeout = '5s';\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
            "users_email_name_idx ON users (email, name);\n");
  EXPECT_EQ(idx->phases[0].rollback_sql,
            "SET lock_timeout = '5s';\nDROP INDEX CONCURRENTLY IF EXISTS users_email_name_idx;\n");
  const auto fk = m::make_plan(m::add_foreign_key{"orders", {"user_id"}, "users", {"id"}, ""});
  ASSERT_TRUE(fk);
  EXPECT_EQ(kinds(*fk), (std::vector<K>{K::expand, K::validate}));
  EXPECT_EQ(fk->phases[0].sql,
            "SET lock_timeout = '5s';\nBEGIN;\n"
            "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_user_id_fkey;\n"
            "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) "
            "REFERENCES users (id) NOT VALID;\nCOMMIT;\n");
  EXPECT_EQ(
      fk->phases[1].sql,
      "SET lock_timeout = '5s';\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;\n");
  const auto check = m::make_plan(m::add_check{"orders", "orders_amount_positive", "amount >= 0"});
  ASSERT_TRUE(check);
  EXPECT_NE(check->phases[0].sql.find("ADD CONSTRAINT orders_amount_positive CHECK (amount >= 0) "
                                      "NOT VALID;"),
            std::string::npos);
  const auto empty = m::make_plan(m::add_unique{"users", {}, ""});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, m::errc::empty_column_list);
}

TEST(MigrationsPlan, InvalidRequests) {
  const auto bad = m::make_plan(m::rename_column{"users", "Name", "full_name", "text", false});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, m::errc::invalid_identifier);
  EXPECT_EQ(bad.error().message(),
            "invalid column name 'Name' (expected [a-z_][a-z0-9_]*, at most 63 bytes)");
  const auto same = m::make_plan(m::rename_column{"users", "name", "name", "text", false});
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, m::errc::same_name);
  const auto untyped = m::make_plan(m::rename_column{"users", "name", "full_name", "", false});
  ASSERT_FALSE(untyped);
  EXPECT_EQ(untyped.error().code, m::errc::missing_type);
  m::make_plan_options pg10;
  pg10.postgres_major = 10;
  const auto old = m::make_plan(m::rename_table{"users", "accounts"}, pg10);
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code, m::errc::unsupported_postgres_version);
  EXPECT_EQ(relkit::to_string(old.error().code), "migrations.unsupported_postgres_version");
  EXPECT_TRUE(m::make_plan(m::rename_table{"app.users", "accounts"}));
  EXPECT_FALSE(m::make_plan(m::rename_table{"app.users.x", "accounts"}));
}

TEST(MigrationsInvariant, RejectsAnAppThatCannotRunOnThePreviousSchema) {
  auto p = m::make_plan(m::rename_column{"users", "name", "full_name", "text", false});
  ASSERT_TRUE(p);
  EXPECT_TRUE(m::check_invariant(*p));
  // The research table lets A1 (which writes full_name) run during the expand
  // phase; rolling that phase back would break it.
  p->phases[0].apps = {"A0", "A1"};
  const auto broken = m::check_invariant(*p);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, m::errc::invariant_violated);
  EXPECT_EQ(broken.error().position, relkit::no_position);
  EXPECT_EQ(m::violated_phase(broken.error()), std::optional<std::size_t>(0));
  EXPECT_EQ(broken.error().message(),
            "phase 1 allows app version A1 (needs 'column users.full_name'), missing from the "
            "schema before the plan");
  // A3 after the contract's schema but also before it: fine. A0 in the contract: not.
  p->phases[0].apps = {"A0"};
  p->phases[4].apps = {"A3", "A0"};
  const auto late = m::check_invariant(*p);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, m::errc::invariant_violated);
  EXPECT_EQ(m::violated_phase(late.error()), std::optional<std::size_t>(4));
  EXPECT_EQ(late.error().message(),
            "phase 5 allows app version A0 (needs 'column users.name'), missing from the schema "
            "after this phase");
  // A need missing after the previous phase; a long one is cut, the app version kept.
  p->phases[4].apps = {"A3"};
  p->apps[3].needs.push_back("column users.a_column_name_long_enough_to_cut");
  const auto cut = m::check_invariant(*p);
  ASSERT_FALSE(cut);
  EXPECT_EQ(m::violated_phase(cut.error()), std::optional<std::size_t>(3));
  EXPECT_EQ(cut.error().message(),
            "phase 4 allows app version A3 (needs 'column users.a_column_na...'), missing from "
            "the schema after the previous phase");
  p->apps[3].needs.pop_back();
  p->phases[4].apps = {"A9"};
  const auto unknown = m::check_invariant(*p);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, m::errc::unknown_app_version);
  EXPECT_EQ(unknown.error().position, relkit::no_position);
  EXPECT_EQ(m::violated_phase(unknown.error()), std::optional<std::size_t>(4));
  EXPECT_EQ(unknown.error().message(), "phase 5 allows unknown app version A9");
  EXPECT_EQ(relkit::to_string(unknown.error()),
            "phase 5 allows unknown app version A9 [migrations.unknown_app_version]");
}

TEST(MigrationsPlan, EveryKindMatchesItsRunbookGolden) {
  for (const auto& c : relkit_test::migration_cases()) {
    const auto p = m::make_plan(c.change, c.options);
    ASSERT_TRUE(p) << c.name << ": " << relkit::to_string(p.error());
    EXPECT_EQ(m::render(*p), read_text(golden_dir() + c.name + ".md")) << c.name;
    EXPECT_TRUE(m::check_invariant(*p)) << c.name;
    for (const auto& ph : p->phases) {
      EXPECT_EQ(rules(m::lint(ph.sql)), std::vector<std::string>()) << c.name << ": " << ph.title;
      EXPECT_EQ(rules(m::lint(ph.rollback_sql)), std::vector<std::string>())
          << c.name << ": " << ph.title;
      EXPECT_EQ(ph.point_of_no_return, ph.rollback == R::impossible) << c.name;
      if (ph.point_of_no_return && !ph.sql.empty()) {
        EXPECT_NE(ph.sql.find("'" + ph.acknowledgement + "'"), std::string::npos) << c.name;
      }
    }
  }
}

TEST(MigrationsRunbook, RenameColumnHeader) {
  const auto p = m::make_plan(m::rename_column{"users", "name", "full_name", "text", false});
  ASSERT_TRUE(p);
  const std::string text = m::render(*p);
  EXPECT_EQ(text.substr(0, text.find("## Phase 1")),
            "# Migration: rename column users.name to full_name\n\n"
            "## App versions\n\n"
            "- **A0**: reads and writes name only\n"
            "- **A1**: reads name, writes name and full_name\n"
            "- **A2**: reads full_name, writes name and full_name\n"
            "- **A3**: reads and writes full_name only\n\n"
            "## Phases\n\n"
            "| # | phase | apps | rollback |\n|---|---|---|---|\n"
            "| 1 | expand | A0 | lossless |\n"
            "| 2 | backfill | A0, A1 | lossless |\n"
            "| 3 | switch reads | A1, A2 | lossless |\n"
            "| 4 | stop old writes | A2, A3 | lossless |\n"
            "| 5 | contract (point of no return) | A3 | impossible |\n\n");
}

// ---------------------------------------------------------------- lint

TEST(MigrationsLint, FindingsCarryRulePositionWhyAndAlternative) {
  const std::string sql = "ALTER TABLE users ADD COLUMN c int NOT NULL;";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].rule, "require-lock-timeout");
  EXPECT_EQ(f[1].rule, "adding-required-field");
  EXPECT_EQ(f[2].rule, "prefer-bigint-over-int");
  EXPECT_EQ(f[1].position, 0u);
  EXPECT_EQ(f[1].statement, 0u);
  EXPECT_EQ(f[1].why,
            "ADD COLUMN ... NOT NULL without a default fails on a table with rows and breaks "
            "inserts of the running app");
  EXPECT_EQ(f[1].safe_alternative,
            "add it nullable (or with a constant default), backfill, then CHECK (c IS NOT NULL) "
            "NOT VALID, VALIDATE, SET NOT NULL");
}

TEST(MigrationsLint, Rules) {
  const std::string lock = "SET lock_timeout = '2s';\n";
  struct row {
    std::string sql;
    std::vector<std::string> expected;
  };
  const std::vector<row> rows = {
      {"ALTER TABLE t ADD COLUMN c bigint DEFAULT 0;", {}},
      {"ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp();",
       {"adding-field-with-default"}},
      {"ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid() NOT NULL;",
       {"adding-field-with-default"}},
      {"ALTER TABLE t ADD COLUMN id bigserial PRIMARY KEY;",
       {"adding-field-with-default", "adding-serial-primary-key-field"}},
      {"ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id);",
       {"adding-foreign-key-constraint", "constraint-missing-not-valid"}},
      {"ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES u (id) NOT VALID;", {}},
      {"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);", {"constraint-missing-not-valid"}},
      {"ALTER TABLE t DROP COLUMN c;", {"ban-drop-column"}},
      {"DROP TABLE t;", {"ban-drop-table"}},
      {"DROP DATABASE d;", {"ban-drop-database"}},
      {"TRUNCATE t CASCADE;", {"ban-truncate-cascade"}},
      {"ALTER TABLE t ALTER COLUMN c TYPE bigint;", {"changing-column-type"}},
      {"ALTER TABLE t ALTER COLUMN c SET NOT NULL;", {"setting-not-null"}},
      {"ALTER TABLE t ALTER COLUMN c DROP NOT NULL;", {"ban-drop-not-null"}},
      {"ALTER TABLE t ADD CONSTRAINT u UNIQUE (c);", {"disallowed-unique-constraint"}},
      {"ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u;", {}},
      {"ALTER TABLE t RENAME COLUMN a TO b;", {"renaming-column"}},
      {"ALTER TABLE t RENAME a TO b;", {"renaming-column"}},
      {"ALTER TABLE t RENAME TO u;", {"renaming-table"}},
      {"CREATE INDEX i ON t (c);", {"require-concurrent-index-creation"}},
      {"CREATE UNIQUE INDEX CONCURRENTLY i ON t (c);", {}},
      {"DROP INDEX i;", {"require-concurrent-index-deletion"}},
      {"REINDEX TABLE t;", {"require-concurrent-reindex"}},
      {"ALTER TABLE t DETACH PARTITION p;", {"require-concurrent-partition-detach"}},
      {"VACUUM FULL t;", {"prefer-repack"}},
      {"CLUSTER t;", {"prefer-repack"}},
      {"ALTER TABLE t ADD CONSTRAINT e EXCLUDE USING gist (r WITH &&);",
       {"ban-exclusion-constraint"}},
      {"CREATE TABLE t (c char(3));", {"ban-char-field"}},
      {"CREATE TABLE t (c varchar(3));", {"prefer-text-field"}},
      {"CREATE TABLE t (c timestamp);", {"prefer-timestamptz"}},
      {"CREATE TABLE t (c timestamp with time zone);", {}},
      {"CREATE TABLE t (c integer);", {"prefer-bigint-over-int"}},
      {"CREATE TABLE t (c json);", {"prefer-jsonb"}},
      {"UPDATE t SET c = 1;", {"unbatched-backfill"}},
      {"UPDATE t SET c = 1 WHERE id < 100;", {}},
      {"CREATE TABLE " + std::string(64, 'a') + " (c text);", {"identifier-too-long"}},
      {"BEGIN; BEGIN; COMMIT;", {"transaction-nesting"}},
      {"BEGIN; CREATE INDEX CONCURRENTLY i ON t (c); COMMIT;",
       {"ban-concurrent-index-creation-in-transaction"}},
      {"BEGIN; ALTER TABLE t ADD COLUMN c text;", {"ban-uncommitted-transaction"}},
      {"SELECT 'unterminated;", {"unterminated-input"}},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(rules(m::lint(lock + r.sql)), r.expected) << r.sql;
  }
  m::lint_options pg10;
  pg10.postgres_major = 10;
  EXPECT_EQ(rules(m::lint(lock + "ALTER TABLE t ADD COLUMN c bigint DEFAULT 0;", pg10)),
            std::vector<std::string>{"adding-field-with-default"});
}

// Issue 19: the shapes squawk 2.66.0 and relkit disagreed on in supabase/auth
// and LemmyNet/lemmy, each fixed (or kept, where PostgreSQL says otherwise).
TEST(MigrationsLint, SquawkShapesFailClosed) {
  const std::string lock = "SET lock_timeout = '2s';\n";
  struct row {
    std::string sql;
    std::vector<std::string> expected;
  };
  const std::vector<row> rows = {
      // A DEFAULT calling a function the script declares VOLATILE (or not at all).
      {"CREATE FUNCTION r_gen() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'x' $$;\n"
       "ALTER TABLE person ADD COLUMN token text NOT NULL DEFAULT r_gen();",
       {"adding-field-with-default"}},
      {"CREATE OR REPLACE FUNCTION r.gen() RETURNS text AS $$ SELECT 'x' $$ LANGUAGE sql;\n"
       "ALTER TABLE person ADD COLUMN token text DEFAULT r.gen();",
       {"adding-field-with-default"}},
      {"ALTER TABLE person ADD COLUMN token text DEFAULT generate_unique_token();",
       {"adding-field-with-default"}},
      {"CREATE FUNCTION p() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;\n"
       "ALTER TABLE t ADD COLUMN c bigint DEFAULT p();",
       {}},
      {"CREATE FUNCTION p() RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$;\n"
       "ALTER FUNCTION p() VOLATILE;\nALTER TABLE t ADD COLUMN c bigint DEFAULT p();",
       {"adding-field-with-default"}},
      {"ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now() + interval '1 day';", {}},
      {"ALTER TABLE t ADD COLUMN c text DEFAULT lower('X')::varchar(10);", {}},
      {"ALTER TABLE t ADD COLUMN c text DEFAULT md5(random()::text);",
       {"adding-field-with-default"}},
      // A stored generated column or an identity rewrites the table.
      {"ALTER TABLE post ADD COLUMN ts tsvector GENERATED ALWAYS AS "
       "(to_tsvector('english', name)) STORED;",
       {"adding-field-with-default"}},
      {"ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;",
       {"adding-field-with-default"}},
      // NOT VALID where PostgreSQL allows it: CHECK and FOREIGN KEY.
      {"ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id);",
       {"adding-foreign-key-constraint", "constraint-missing-not-valid"}},
      {"ALTER TABLE t ADD CHECK (a > 0);", {"constraint-missing-not-valid"}},
      {"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;", {}},
      {"ALTER TABLE t ADD PRIMARY KEY (id);", {"adding-serial-primary-key-field"}},
      {"ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id;", {}},
      {"ALTER TABLE t ADD UNIQUE (a);", {"disallowed-unique-constraint"}},
      // Column-level UNIQUE and REFERENCES.
      {"ALTER TABLE auth.users ADD COLUMN phone text NULL UNIQUE DEFAULT NULL::character "
       "varying;",
       {"disallowed-unique-constraint"}},
      {"ALTER TABLE t ADD COLUMN c bigint REFERENCES p (id), ADD COLUMN d bigint;",
       {"adding-foreign-key-constraint"}},
      // DROP without COLUMN, and DROP CONSTRAINT.
      {"ALTER TABLE t DROP col;", {"ban-drop-column"}},
      {"ALTER TABLE IF EXISTS t DROP IF EXISTS col;", {"ban-drop-column"}},
      {"ALTER TABLE t DROP CONSTRAINT c;", {}},
      // Keywords in their place: a column named type, rename, not, valid.
      {"ALTER TABLE t ALTER COLUMN type SET DEFAULT 'x';", {}},
      {"ALTER TABLE t ALTER type SET DEFAULT 'x';", {}},
      {"ALTER TABLE t ALTER COLUMN type TYPE text;", {"changing-column-type"}},
      {"ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint;", {"changing-column-type"}},
      {"ALTER TABLE t ADD COLUMN rename text, ADD COLUMN unique_name text;", {}},
      {"ALTER TABLE t RENAME CONSTRAINT a TO b;", {}},
      {"UPDATE t SET c = 1 FROM (SELECT id FROM u WHERE x) AS s;", {"unbatched-backfill"}},
      // smallint is its own rule; varchar without a limit is text.
      {"ALTER TABLE t ADD COLUMN s smallint;", {"prefer-bigint-over-smallint"}},
      {"CREATE TABLE t (a int2, b pg_catalog.int4, c character varying, d character "
       "varying(5), e timestamp(3) with time zone, f timestamp(3), g char(2), h varchar);",
       {"ban-char-field", "prefer-text-field", "prefer-timestamptz", "prefer-bigint-over-int",
        "prefer-bigint-over-smallint"}},
      {"CREATE TABLE t (id bigint PRIMARY KEY, CONSTRAINT c CHECK (id > 0), LIKE u);", {}},
      {"ALTER TABLE t ADD COLUMN c bigserial;", {"adding-field-with-default"}},
      {"ALTER TABLE t DETACH PARTITION p FINALIZE;", {}},
      // COMMIT without BEGIN ends the migration tool's transaction (kratos' legacy shape).
      {"DELETE FROM sessions WHERE true;COMMIT TRANSACTION;BEGIN TRANSACTION;\n"
       "ALTER TABLE \"sessions\" ADD COLUMN \"token\" text;",
       {"transaction-nesting", "ban-uncommitted-transaction"}},
  };
  // A new table that locks nothing existing needs no lock_timeout; one that references does.
  EXPECT_EQ(rules(m::lint("CREATE TABLE captcha_answer (id bigint PRIMARY KEY, answer text);")),
            std::vector<std::string>());
  EXPECT_EQ(rules(m::lint("CREATE TABLE a (id bigint REFERENCES b (id));")),
            std::vector<std::string>{"require-lock-timeout"});
  for (const auto& r : rows) {
    EXPECT_EQ(rules(m::lint(lock + r.sql)), r.expected) << r.sql;
  }
  // The user vouches for a function (case-insensitive, unqualified).
  m::lint_options vouched;
  vouched.non_volatile_functions = {"Generate_Unique_Token"};
  EXPECT_EQ(rules(m::lint(lock + "ALTER TABLE t ADD COLUMN c text DEFAULT "
                                 "app.generate_unique_token();",
                          vouched)),
            std::vector<std::string>());
}

TEST(MigrationsLint, AllowCommentListsRules) {
  const std::string sql =
      "SET lock_timeout = '1s';\n"
      "-- relkit:allow ban-drop-column, renaming-table (acknowledged)\n"
      "ALTER TABLE t DROP COLUMN a, RENAME TO u;\n"
      "ALTER TABLE t DROP COLUMN b; -- relkit:allow x-ban-drop-column\n";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "ban-drop-column");
  EXPECT_EQ(f[0].statement, 2u);
}

TEST(MigrationsLint, StopsAtMaxFindings) {
  std::string sql;
  for (int i = 0; i < 10; ++i) sql += "DROP TABLE t;\n";
  m::lint_options o;
  o.max_findings = 5;
  const auto f = m::lint(sql, o);
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f[4].rule, "require-lock-timeout");
  EXPECT_EQ(f[5].rule, "too-many-findings");
  EXPECT_EQ(f[5].statement, 2u);
}

TEST(MigrationsLint, UnterminatedCommentAfterTheLastStatement) {
  const std::string sql = "SET lock_timeout = '1s'; /* never closed";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "unterminated-input");
  EXPECT_EQ(f[0].position, sql.find("/*"));
  EXPECT_EQ(f[0].statement, 1u);
}

TEST(MigrationsLint, ScannerSkipsQuotesDollarQuotesAndComments) {
  const std::string sql =
      "SET lock_timeout = '1s';\n"
      "-- DROP TABLE a; in a comment\n"
      "/* nested /* DROP TABLE b; */ still comment; */\n"
      "INSERT INTO t VALUES ('it''s; DROP TABLE c', E'\\'; DROP TABLE d', \"odd;\"\"name\");\n"
      "DO $body$ BEGIN DROP TABLE e; END $body$;\n"
      "DROP TABLE f;";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "ban-drop-table");
  EXPECT_EQ(f[0].statement, 3u);
  EXPECT_EQ(f[0].position, sql.find("DROP TABLE f"));
}

TEST(MigrationsLint, AllowCommentSilencesOneRuleForOneStatement) {
  const std::string sql =
      "SET lock_timeout = '1s';\n"
      "-- relkit:allow ban-drop-column (acknowledged)\n"
      "ALTER TABLE t DROP COLUMN a;\n"
      "ALTER TABLE t DROP COLUMN b; -- relkit:allow ban-drop-column\n"
      "ALTER TABLE t DROP COLUMN c; -- relkit:allow ban-drop-columns\n";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].position, sql.find("ALTER TABLE t DROP COLUMN c"));
}

TEST(MigrationsLint, LockTimeoutMustComeBeforeTheFirstDdl) {
  const std::string sql =
      "CREATE TABLE t (id bigint REFERENCES u (id));\nSET lock_timeout = '1s';\n"
      "DROP INDEX CONCURRENTLY i;";
  const auto f = m::lint(sql);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "require-lock-timeout");
  EXPECT_EQ(f[0].statement, 0u);
}

namespace {

struct error_case {
  const char* name;
  m::change change;
  m::make_plan_options options;
  m::errc code;
  const char* message;
};

m::make_plan_options with_batch_size(std::size_t n) {
  m::make_plan_options o;
  o.batch_size = n;
  return o;
}
m::make_plan_options with_key(std::string key) {
  m::make_plan_options o;
  o.key_column = std::move(key);
  return o;
}
m::make_plan_options with_postgres(int major) {
  m::make_plan_options o;
  o.postgres_major = major;
  return o;
}

std::vector<error_case> error_cases() {
  const m::make_plan_options d;
  return {
      {"bad table", m::rename_column{"Users", "name", "full_name", "text", false}, d,
       m::errc::invalid_identifier,
       "invalid table name 'Users' (expected [a-z_][a-z0-9_]*, at most 63 bytes, optionally "
       "schema.table)"},
      {"bad key column", m::rename_table{"users", "accounts"}, with_key("ID"),
       m::errc::invalid_identifier,
       "invalid key column name 'ID' (expected [a-z_][a-z0-9_]*, at most 63 bytes)"},
      {"bad index name", m::add_index{"users", {"email"}, "Bad", false}, d,
       m::errc::invalid_identifier,
       "invalid index name 'Bad' (expected [a-z_][a-z0-9_]*, at most 63 bytes)"},
      {"bad constraint name", m::add_check{"orders", "Ok", "amount > 0"}, d,
       m::errc::invalid_identifier,
       "invalid constraint name 'Ok' (expected [a-z_][a-z0-9_]*, at most 63 bytes)"},
      {"missing type", m::add_column{"users", "c", "", false, {}, false, {}}, d,
       m::errc::missing_type, "add_column users.c needs a type"},
      {"long token",
       m::add_column{
           "a_very_long_table_name_for_testing", "another_long_column", "", false, {}, false, {}},
       d, m::errc::missing_type,
       "add_column a_very_long_table_name_for_testing.an... needs a type"},
      {"drop missing type", m::drop_column{"users", "legacy", "", false, false, {}}, d,
       m::errc::missing_type,
       "drop_column users.legacy needs the column type (for its down trigger)"},
      {"not null", m::add_column{"users", "c", "int", true, {}, false, {}}, d,
       m::errc::not_null_needs_default_or_backfill,
       "NOT NULL column users.c needs a default or a backfill expression"},
      {"missing conversion",
       m::change_column_type{"orders", "amount", "amount_big", "int", "bigint", "", "x", {}, false},
       d, m::errc::missing_conversion,
       "change_column_type orders.amount needs both up and down conversions"},
      {"lossy down",
       m::change_column_type{"orders", "amount", "amount_big", "int", "bigint", "amount::bigint",
                             "amount_big::int", std::string("big amounts"), false},
       d, m::errc::lossy_down_needs_acknowledgement,
       "down conversion amount_big::int loses data; set acknowledge_lossy_down"},
      {"same column", m::rename_column{"users", "name", "name", "text", false}, d,
       m::errc::same_name, "rename_column users.name to itself"},
      {"same table", m::rename_table{"users", "users"}, d, m::errc::same_name,
       "rename_table users to itself"},
      {"same copy",
       m::change_column_type{"orders", "amount", "amount", "int", "bigint", "a", "b", {}, false}, d,
       m::errc::same_name,
       "change_column_type orders.amount needs a new column name for the converted copy"},
      {"split into itself", m::split_column{"users", "email", "text", "users", "user_id", false}, d,
       m::errc::same_name, "split_column users.email into its own table"},
      {"drop needs down", m::drop_column{"users", "legacy", "text", true, false, {}}, d,
       m::errc::drop_needs_down,
       "NOT NULL column users.legacy without a default needs a down expression, or inserts by the "
       "new app fail"},
      {"no columns", m::add_unique{"users", {}, ""}, d, m::errc::empty_column_list,
       "no columns given for users"},
      {"empty default", m::add_column{"users", "c", "int", false, std::string(), false, {}}, d,
       m::errc::empty_expression, "empty default for users.c"},
      {"empty backfill", m::set_not_null{"users", "c", std::string()}, d, m::errc::empty_expression,
       "empty backfill for users.c"},
      {"empty check", m::add_check{"orders", "orders_ok", ""}, d, m::errc::empty_expression,
       "empty check expression for orders_ok"},
      {"postgres 10", m::rename_table{"users", "accounts"}, with_postgres(10),
       m::errc::unsupported_postgres_version, "PostgreSQL 10 is not supported (11 or later)"},
      {"not null source", m::split_column{"users", "email", "text", "profiles", "user_id", true}, d,
       m::errc::not_null_source_column,
       "split_column users.email is NOT NULL: plan drop_not_null first, or new-table writers break "
       "inserts"},
      {"batch size 0", m::rename_column{"users", "name", "full_name", "text", false},
       with_batch_size(0), m::errc::invalid_batch_size, "batch_size must be positive"},
  };
}

}  // namespace

// Every make_plan error: its code, no position (a change is a value built in
// code, not text) and its exact message.
TEST(MigrationsErrors, EveryPlanErrorHasItsCodeNoPositionAndMessage) {
  for (const auto& c : error_cases()) {
    const auto p = m::make_plan(c.change, c.options);
    ASSERT_FALSE(p) << c.name;
    EXPECT_EQ(p.error().code, c.code) << c.name;
    EXPECT_EQ(p.error().position, relkit::no_position) << c.name;
    EXPECT_EQ(p.error().message(), c.message) << c.name;
    EXPECT_EQ(m::violated_phase(p.error()), std::nullopt) << c.name;
  }
}

// Regression: batch_size = 0 answered errc::empty_expression.
TEST(MigrationsErrors, ZeroBatchSizeIsInvalidBatchSize) {
  const auto p = m::make_plan(m::add_column{"users", "c", "int", true, {}, false, "lower(email)"},
                              with_batch_size(0));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, m::errc::invalid_batch_size);
  EXPECT_NE(p.error().code, m::errc::empty_expression);
  EXPECT_EQ(relkit::to_string(p.error()),
            "batch_size must be positive [migrations.invalid_batch_size]");
  EXPECT_TRUE(m::make_plan(m::add_column{"users", "c", "int", true, {}, false, "lower(email)"},
                           with_batch_size(1)));
}

// Every code of the domain is produced by a case above or by check_invariant,
// and has a name of its own.
TEST(MigrationsErrors, EveryCodeIsProducedAndNamed) {
  std::vector<m::errc> produced = {m::errc::invariant_violated, m::errc::unknown_app_version};
  for (const auto& c : error_cases()) produced.push_back(c.code);
  for (const auto& entry : m::detail::errc_table) {
    EXPECT_NE(std::find(produced.begin(), produced.end(), entry.code), produced.end())
        << entry.name;
    EXPECT_EQ(relkit::error_code(entry.code).name(), entry.name);
    EXPECT_EQ(relkit::to_string(relkit::error_code(entry.code)),
              "migrations." + std::string(entry.name));
  }
  EXPECT_EQ(relkit::error_code(static_cast<m::errc>(99)).name(), "unknown");
}

TEST(MigrationsEnums, ToStringRoundTripsAndStraysPrintUnknown) {
  for (const auto k :
       {K::expand, K::backfill, K::switch_reads, K::stop_old_writes, K::validate, K::contract}) {
    EXPECT_EQ(m::parse_phase_kind(m::to_string(k)), k);
  }
  EXPECT_EQ(m::to_string(K::switch_reads), "switch_reads");
  EXPECT_EQ(m::display_name(K::switch_reads), "switch reads");
  EXPECT_EQ(m::display_name(K::stop_old_writes), "stop old writes");
  EXPECT_EQ(m::to_string(static_cast<K>(42)), "unknown");
  EXPECT_EQ(m::display_name(static_cast<K>(42)), "unknown");
  EXPECT_EQ(m::parse_phase_kind("switch reads"), std::nullopt);
  for (const auto r : {R::lossless, R::lossy, R::impossible}) {
    EXPECT_EQ(m::parse_rollback_kind(m::to_string(r)), r);
  }
  EXPECT_EQ(m::to_string(static_cast<R>(42)), "unknown");
  EXPECT_EQ(m::parse_rollback_kind("Lossy"), std::nullopt);
  const m::change changes[] = {m::add_column{},      m::rename_column{}, m::change_column_type{},
                               m::set_not_null{},    m::drop_not_null{}, m::drop_column{},
                               m::rename_table{},    m::split_column{},  m::add_index{},
                               m::add_foreign_key{}, m::add_check{},     m::add_unique{}};
  const char* names[] = {"add_column",    "rename_column",   "change_column_type", "set_not_null",
                         "drop_not_null", "drop_column",     "rename_table",       "split_column",
                         "add_index",     "add_foreign_key", "add_check",          "add_unique"};
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(m::to_string(m::kind_of(changes[i])), names[i]);
    EXPECT_EQ(m::parse_change_kind(names[i]), m::kind_of(changes[i]));
  }
  EXPECT_EQ(m::to_string(static_cast<m::change_kind>(42)), "unknown");
  EXPECT_EQ(m::parse_change_kind("add-column"), std::nullopt);
}

TEST(MigrationsLint, RuleNamesAreTheRuleTable) {
  const auto names = m::lint_rule_names();
  EXPECT_EQ(names.size(), 35u);
  EXPECT_EQ(names.front(), "require-lock-timeout");
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(std::count(names.begin(), names.end(), names[i]), 1) << names[i];
  }
  for (const auto& f : m::lint("ALTER TABLE t DROP COLUMN c; DROP TABLE t; BEGIN;")) {
    EXPECT_NE(std::find(names.begin(), names.end(), f.rule), names.end()) << f.rule;
  }
}

TEST(MigrationsValues, EqualityComparesEveryMember) {
  m::add_column a{"users", "c", "int", false, {}, false, {}};
  m::add_column b = a;
  EXPECT_EQ(a, b);
  b.volatile_default = true;
  EXPECT_NE(a, b);
  EXPECT_EQ(m::change(a), m::change(a));
  m::make_plan_options o;
  m::make_plan_options p = o;
  EXPECT_EQ(o, p);
  p.acknowledge_lossy_down = true;
  EXPECT_NE(o, p);
  m::lint_options l;
  m::lint_options l2 = l;
  EXPECT_EQ(l, l2);
  l2.prefer_bigint = false;
  EXPECT_NE(l, l2);
}
