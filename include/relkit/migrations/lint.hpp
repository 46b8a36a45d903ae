#pragma once
// The migration linter: strong_migrations' and squawk's rules over hand-written
// PostgreSQL migration scripts. Exposed as relkit::migrations::lint.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/detail/sql_scan.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

struct lint_finding {
  std::string rule;           // squawk / strong_migrations rule name
  std::size_t position = 0;   // byte offset of the offending statement
  std::size_t statement = 0;  // 0-based statement index
  std::string why;            // what goes wrong in production
  std::string safe_alternative;

  friend bool operator==(const lint_finding& a, const lint_finding& b) {
    return a.rule == b.rule && a.position == b.position && a.statement == b.statement &&
           a.why == b.why && a.safe_alternative == b.safe_alternative;
  }
  friend bool operator!=(const lint_finding& a, const lint_finding& b) { return !(a == b); }
};

struct lint_options {
  int postgres_major = 15;
  // Rules that are off by default in squawk too.
  bool prefer_bigint = true;
  bool prefer_text_field = true;
  bool prefer_timestamptz = true;
};

struct lint_rule_text {
  std::string_view rule;
  std::string_view why;
  std::string_view safe_alternative;
};

inline constexpr lint_rule_text lint_rules[] = {
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

inline lint_finding make_lint_finding(std::string_view rule, std::size_t position,
                                      std::size_t statement) {
  for (const auto& r : lint_rules) {
    if (r.rule == rule) {
      return lint_finding{std::string(r.rule), position, statement, std::string(r.why),
                          std::string(r.safe_alternative)};
    }
  }
  return lint_finding{std::string(rule), position, statement, std::string(), std::string()};
}

// Word at index i (empty when out of range or not a plain word).
inline std::string_view lint_word(const sql_statement& st, std::size_t i) {
  if (i >= st.tokens.size()) return std::string_view();
  const sql_token& t = st.tokens[i];
  if (t.quoted || t.literal) return std::string_view();
  return t.text;
}

inline bool lint_has_word(const sql_statement& st, std::string_view w, std::size_t from = 0) {
  for (std::size_t i = from; i < st.tokens.size(); ++i) {
    if (lint_word(st, i) == w) return true;
  }
  return false;
}

inline bool lint_has_sequence(const sql_statement& st, std::string_view a, std::string_view b) {
  for (std::size_t i = 0; i + 1 < st.tokens.size(); ++i) {
    if (lint_word(st, i) == a && lint_word(st, i + 1) == b) return true;
  }
  return false;
}

inline bool lint_is_volatile_call(const sql_statement& st, std::size_t from) {
  static constexpr std::string_view volatile_functions[] = {
      "RANDOM",    "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V4",
      "TIMEOFDAY", "NEXTVAL",         "TXID_CURRENT",    "SETSEED"};
  for (std::size_t i = from; i + 1 < st.tokens.size(); ++i) {
    if (st.tokens[i + 1].text != "(" || !st.tokens[i + 1].punct) continue;
    for (auto f : volatile_functions) {
      if (lint_word(st, i) == f) return true;
    }
  }
  return false;
}

inline bool lint_allows(const sql_statement& st, std::string_view rule) {
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

// Findings of one script, in statement order; within a statement in rule-table order.
inline std::vector<lint_finding> lint_sql(std::string_view script, const lint_options& options) {
  std::vector<lint_finding> out;
  const std::vector<sql_statement> statements = scan_sql(script);
  bool lock_timeout_set = false;
  bool in_transaction = false;
  for (std::size_t index = 0; index < statements.size(); ++index) {
    const sql_statement& st = statements[index];
    std::vector<std::string_view> rules;
    const std::string_view first = lint_word(st, 0);
    const std::string_view second = lint_word(st, 1);
    const bool is_ddl = first == "ALTER" || first == "CREATE" || first == "DROP";
    if (first == "SET" && (lint_has_word(st, "LOCK_TIMEOUT"))) lock_timeout_set = true;
    if (is_ddl && !lock_timeout_set) rules.push_back("require-lock-timeout");
    const bool alter_table = first == "ALTER" && second == "TABLE";
    if (alter_table) {
      for (std::size_t i = 0; i < st.tokens.size(); ++i) {
        const std::string_view w = lint_word(st, i);
        if (w == "ADD" &&
            (lint_word(st, i + 1) == "COLUMN" ||
             (lint_word(st, i + 1) != "CONSTRAINT" && lint_word(st, i + 1) != "UNIQUE" &&
              lint_word(st, i + 1) != "CHECK" && lint_word(st, i + 1) != "FOREIGN" &&
              lint_word(st, i + 1) != "PRIMARY" && lint_word(st, i + 1) != "EXCLUDE"))) {
          // ADD [COLUMN]: inspect up to the next top-level comma.
          std::size_t end = i + 1;
          int depth = 0;
          while (end < st.tokens.size()) {
            const sql_token& t = st.tokens[end];
            if (t.punct && t.text == "(") ++depth;
            if (t.punct && t.text == ")") --depth;
            if (t.punct && t.text == "," && depth == 0) break;
            ++end;
          }
          bool has_default = false;
          bool not_null = false;
          bool volatile_default = false;
          for (std::size_t j = i + 1; j < end; ++j) {
            const std::string_view x = lint_word(st, j);
            if (x == "DEFAULT") {
              has_default = true;
              volatile_default = lint_is_volatile_call(st, j + 1);
            }
            if (x == "NOT" && lint_word(st, j + 1) == "NULL") not_null = true;
            if (x == "SERIAL" || x == "BIGSERIAL" || x == "SMALLSERIAL" || x == "PRIMARY" ||
                x == "GENERATED")
              rules.push_back("adding-serial-primary-key-field");
            if (x == "REFERENCES" && !lint_has_sequence(st, "NOT", "VALID"))
              rules.push_back("adding-foreign-key-constraint");
          }
          if (has_default && (volatile_default || options.postgres_major < 11))
            rules.push_back("adding-field-with-default");
          if (not_null && !has_default) rules.push_back("adding-required-field");
          i = end;
        }
      }
      const bool not_valid = lint_has_sequence(st, "NOT", "VALID");
      if ((lint_has_word(st, "FOREIGN")) && !not_valid)
        rules.push_back("adding-foreign-key-constraint");
      if (lint_has_sequence(st, "ADD", "CHECK") ||
          (lint_has_sequence(st, "ADD", "CONSTRAINT") && lint_has_word(st, "CHECK"))) {
        if (!not_valid) rules.push_back("constraint-missing-not-valid");
      }
      if (lint_has_sequence(st, "DROP", "COLUMN")) rules.push_back("ban-drop-column");
      if (lint_has_word(st, "TYPE") && lint_has_word(st, "ALTER", 2))
        rules.push_back("changing-column-type");
      if (lint_has_sequence(st, "SET", "NOT")) rules.push_back("setting-not-null");
      if (lint_has_sequence(st, "DROP", "NOT")) rules.push_back("ban-drop-not-null");
      if ((lint_has_sequence(st, "ADD", "UNIQUE") ||
           (lint_has_sequence(st, "ADD", "CONSTRAINT") && lint_has_word(st, "UNIQUE"))) &&
          !lint_has_sequence(st, "USING", "INDEX"))
        rules.push_back("disallowed-unique-constraint");
      if (lint_has_sequence(st, "ADD", "PRIMARY") ||
          (lint_has_sequence(st, "ADD", "CONSTRAINT") && lint_has_word(st, "PRIMARY") &&
           !lint_has_sequence(st, "USING", "INDEX")))
        rules.push_back("adding-serial-primary-key-field");
      if (lint_has_word(st, "EXCLUDE")) rules.push_back("ban-exclusion-constraint");
      if (lint_has_sequence(st, "RENAME", "COLUMN") ||
          (lint_has_word(st, "RENAME") && !lint_has_sequence(st, "RENAME", "TO") &&
           !lint_has_sequence(st, "RENAME", "CONSTRAINT")))
        rules.push_back("renaming-column");
      if (lint_has_sequence(st, "RENAME", "TO")) rules.push_back("renaming-table");
      if (lint_has_sequence(st, "DETACH", "PARTITION") && !lint_has_word(st, "CONCURRENTLY"))
        rules.push_back("require-concurrent-partition-detach");
    }
    if (first == "CREATE" &&
        (second == "INDEX" || (second == "UNIQUE" && lint_word(st, 2) == "INDEX"))) {
      if (!lint_has_word(st, "CONCURRENTLY")) rules.push_back("require-concurrent-index-creation");
    }
    if (first == "DROP" && second == "INDEX" && !lint_has_word(st, "CONCURRENTLY"))
      rules.push_back("require-concurrent-index-deletion");
    if (in_transaction && lint_has_word(st, "CONCURRENTLY") &&
        (first == "CREATE" || first == "DROP" || first == "REINDEX"))
      rules.push_back("ban-concurrent-index-creation-in-transaction");
    if (first == "REINDEX" && !lint_has_word(st, "CONCURRENTLY"))
      rules.push_back("require-concurrent-reindex");
    if ((first == "VACUUM" && lint_has_word(st, "FULL")) || first == "CLUSTER")
      rules.push_back("prefer-repack");
    if (first == "DROP" && second == "TABLE") rules.push_back("ban-drop-table");
    if (first == "DROP" && second == "DATABASE") rules.push_back("ban-drop-database");
    if (first == "TRUNCATE" && lint_has_word(st, "CASCADE"))
      rules.push_back("ban-truncate-cascade");
    if ((first == "UPDATE" || first == "DELETE") && !lint_has_word(st, "WHERE"))
      rules.push_back("unbatched-backfill");
    // Column types, in CREATE TABLE and ALTER TABLE.
    if ((first == "CREATE" && second == "TABLE") || alter_table) {
      bool char_field = false, varchar = false, timestamp = false, small_int = false, json = false;
      for (std::size_t i = 0; i < st.tokens.size(); ++i) {
        const std::string_view w = lint_word(st, i);
        if ((w == "CHAR" || w == "CHARACTER" || w == "BPCHAR") && lint_word(st, i + 1) != "VARYING")
          char_field = true;
        if (w == "VARCHAR" || (w == "CHARACTER" && lint_word(st, i + 1) == "VARYING"))
          varchar = true;
        if (w == "TIMESTAMP" && !(lint_word(st, i + 1) == "WITH")) timestamp = true;
        if (w == "INT" || w == "INTEGER" || w == "INT4" || w == "SMALLINT" || w == "INT2" ||
            w == "SERIAL" || w == "SERIAL4")
          small_int = true;
        if (w == "JSON") json = true;
      }
      if (char_field) rules.push_back("ban-char-field");
      if (varchar && options.prefer_text_field) rules.push_back("prefer-text-field");
      if (timestamp && options.prefer_timestamptz) rules.push_back("prefer-timestamptz");
      if (small_int && options.prefer_bigint) rules.push_back("prefer-bigint-over-int");
      if (json) rules.push_back("prefer-jsonb");
    }
    for (const auto& t : st.tokens) {
      if (!t.literal && !t.punct && t.text.size() > 63) {
        rules.push_back("identifier-too-long");
        break;
      }
    }
    if (first == "BEGIN" || (first == "START" && second == "TRANSACTION")) {
      if (in_transaction) rules.push_back("transaction-nesting");
      in_transaction = true;
    }
    if (first == "COMMIT" || first == "ROLLBACK" || first == "END" || first == "ABORT")
      in_transaction = false;
    if (st.unterminated) rules.push_back("unterminated-input");
    // Emit in rule-table order, once each, unless a comment allows it.
    for (const auto& r : lint_rules) {
      bool hit = false;
      for (auto x : rules) hit = hit || x == r.rule;
      if (hit && !lint_allows(st, r.rule))
        out.push_back(make_lint_finding(r.rule, st.position, index));
    }
  }
  if (in_transaction) {
    const std::size_t at = statements.empty() ? 0 : statements.back().position;
    out.push_back(make_lint_finding("ban-uncommitted-transaction", at,
                                    statements.empty() ? 0 : statements.size() - 1));
  }
  return out;
}

}  // namespace detail
RELKIT_NAMESPACE_END
