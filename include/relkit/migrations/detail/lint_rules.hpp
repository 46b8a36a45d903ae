#pragma once
// The migration linter's rule table (strong_migrations' and squawk's rules:
// name, why, safe alternative) and the token tests its pass is written with.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/detail/sql_scan.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

struct rule_text {
  std::string_view rule;
  std::string_view why;
  std::string_view safe_alternative;
};

inline constexpr rule_text rule_table[] = {
    {"require-lock-timeout",
     "DDL waits for its lock behind long transactions and every query queues behind it",
     "run SET lock_timeout = '5s' before the first DDL statement and retry on timeout"},
    {"adding-field-with-default",
     "a volatile default (or any default before PostgreSQL 11) rewrites the whole table under an "
     "ACCESS EXCLUSIVE lock",
     "add the column without a default, SET DEFAULT separately, then backfill in batches"},
    {"adding-required-field",
     "ADD COLUMN ... NOT NULL without a default fails on a table with rows and breaks inserts of "
     "the running app",
     "add it nullable (or with a constant default), backfill, then CHECK (c IS NOT NULL) NOT "
     "VALID, "
     "VALIDATE, SET NOT NULL"},
    {"adding-serial-primary-key-field",
     "a serial / identity / primary key column rewrites the table and builds an index under lock",
     "create a new table and copy the rows, or add the column and a unique index concurrently"},
    {"adding-foreign-key-constraint",
     "adding a foreign key validates every row while blocking writes on both tables",
     "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a separate transaction"},
    {"constraint-missing-not-valid",
     "adding a CHECK constraint scans the table while blocking reads and writes",
     "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a separate transaction"},
    {"ban-drop-column", "the running app still selects or inserts the column and errors",
     "deploy an app that ignores the column first; drop it as the acknowledged contract step"},
    {"ban-drop-table", "the running app still uses the table and every row is gone",
     "rename it away or stop using it first, and drop it only as an acknowledged contract step"},
    {"ban-drop-database", "drops every table of the database",
     "do not drop databases in migrations"},
    {"ban-truncate-cascade", "TRUNCATE ... CASCADE empties every referencing table too",
     "truncate the tables explicitly, or delete in batches"},
    {"changing-column-type",
     "changing a column's type rewrites the table under an ACCESS EXCLUSIVE lock and breaks the "
     "app",
     "add a new column, sync it by trigger, backfill, switch reads, stop old writes, drop the old "
     "column"},
    {"setting-not-null", "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
     "ADD CONSTRAINT ... CHECK (c IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL "
     "(PostgreSQL 12+ skips the scan) and drop the check"},
    {"ban-drop-not-null", "the running app may rely on the column never being NULL",
     "make sure every reader handles NULL before dropping NOT NULL"},
    {"disallowed-unique-constraint", "ADD UNIQUE builds its index while blocking reads and writes",
     "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX"},
    {"renaming-column", "the running app still uses the old name and errors",
     "add the new column, sync both by trigger, backfill, switch reads, stop old writes, drop the "
     "old one"},
    {"renaming-table", "the running app still uses the old name and errors",
     "rename and keep an updatable view under the old name until no app uses it"},
    {"require-concurrent-index-creation", "CREATE INDEX blocks writes while it builds",
     "CREATE INDEX CONCURRENTLY, outside a transaction"},
    {"require-concurrent-index-deletion", "DROP INDEX blocks reads and writes of the table",
     "DROP INDEX CONCURRENTLY, outside a transaction"},
    {"ban-concurrent-index-creation-in-transaction",
     "CONCURRENTLY cannot run inside a transaction block; the migration fails",
     "run the concurrent statement alone, outside BEGIN / COMMIT"},
    {"require-concurrent-reindex", "REINDEX without CONCURRENTLY blocks writes",
     "REINDEX ... CONCURRENTLY (PostgreSQL 12+)"},
    {"require-concurrent-partition-detach",
     "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the parent",
     "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+)"},
    {"prefer-repack", "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock",
     "use pg_repack"},
    {"ban-exclusion-constraint", "an exclusion constraint cannot be added NOT VALID",
     "there is no safe way on a large table; build it on a new table"},
    {"ban-char-field", "char(n) pads with blanks and is never faster than text", "use text"},
    {"prefer-text-field", "changing a varchar(n) limit later needs a rewrite or a table scan",
     "use text with a CHECK (char_length(c) <= n) constraint"},
    {"prefer-timestamptz", "timestamp without time zone loses the offset", "use timestamptz"},
    {"prefer-bigint-over-int", "32-bit ids and counters run out", "use bigint"},
    {"prefer-jsonb", "json has no equality operator, so DISTINCT and UNION break", "use jsonb"},
    {"identifier-too-long", "PostgreSQL silently truncates identifiers to 63 bytes",
     "use a name of at most 63 bytes"},
    {"transaction-nesting", "BEGIN inside an open transaction is ignored with a warning",
     "one BEGIN / COMMIT pair per transaction"},
    {"ban-uncommitted-transaction", "the script leaves a transaction open",
     "end every BEGIN with COMMIT"},
    {"unbatched-backfill",
     "an UPDATE or DELETE without WHERE touches every row in one transaction and holds its locks",
     "batch it by key ranges, commit between batches, outside the DDL transaction"},
    {"unterminated-input", "a quote, dollar-quote, identifier or comment is never closed",
     "close it"},
};

// Word at index i (empty when out of range or not a plain word).
[[nodiscard]] inline std::string_view word_at(const sql_statement& st, std::size_t i) {
  if (i >= st.tokens.size()) return std::string_view();
  const sql_token& t = st.tokens[i];
  if (t.quoted || t.literal) return std::string_view();
  return t.text;
}

[[nodiscard]] inline bool has_word(const sql_statement& st, std::string_view w,
                                   std::size_t from = 0) {
  for (std::size_t i = from; i < st.tokens.size(); ++i) {
    if (word_at(st, i) == w) return true;
  }
  return false;
}

[[nodiscard]] inline bool has_sequence(const sql_statement& st, std::string_view a,
                                       std::string_view b) {
  for (std::size_t i = 0; i + 1 < st.tokens.size(); ++i) {
    if (word_at(st, i) == a && word_at(st, i + 1) == b) return true;
  }
  return false;
}

[[nodiscard]] inline bool is_volatile_call(const sql_statement& st, std::size_t from) {
  static constexpr std::string_view volatile_functions[] = {
      "RANDOM",    "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V4",
      "TIMEOFDAY", "NEXTVAL",         "TXID_CURRENT",    "SETSEED"};
  for (std::size_t i = from; i + 1 < st.tokens.size(); ++i) {
    if (st.tokens[i + 1].text != "(" || !st.tokens[i + 1].punct) continue;
    for (auto f : volatile_functions) {
      if (word_at(st, i) == f) return true;
    }
  }
  return false;
}

[[nodiscard]] inline bool allows(const sql_statement& st, std::string_view rule) {
  for (const auto& c : st.comments) {
    const auto at = c.find("relkit:allow");
    if (at == std::string::npos) continue;
    const auto r = c.find(rule, at);
    if (r != std::string::npos) {
      const std::size_t after = r + rule.size();
      if (after == c.size() || c[after] == ' ' || c[after] == ',' || c[after] == ')') return true;
    }
  }
  return false;
}

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
