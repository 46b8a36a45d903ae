#pragma once
// The migration linter's rule table (strong_migrations' and squawk's rules:
// name, why, safe alternative) and the token tests its pass is written with.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
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
     "DDL waits for its lock behind long transactions and every query queues behind it (a new "
     "table only when it references, inherits or partitions an existing one)",
     "run SET lock_timeout = '5s' before the first DDL statement and retry on timeout"},
    {"adding-field-with-default",
     "a volatile default (a call not known to be IMMUTABLE or STABLE), a serial, identity or "
     "stored generated column (or any default before PostgreSQL 11) rewrites the whole table "
     "under an ACCESS EXCLUSIVE lock",
     "add the column without a default, SET DEFAULT separately, then backfill in batches"},
    {"adding-required-field",
     "ADD COLUMN ... NOT NULL without a default fails on a table with rows and breaks inserts of "
     "the running app",
     "add it nullable (or with a constant default), backfill, then CHECK (c IS NOT NULL) NOT "
     "VALID, "
     "VALIDATE, SET NOT NULL"},
    {"adding-serial-primary-key-field",
     "a primary key builds its index while blocking reads and writes",
     "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX"},
    {"adding-foreign-key-constraint",
     "adding a foreign key validates every row while blocking writes on both tables",
     "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a separate transaction"},
    {"constraint-missing-not-valid",
     "adding a CHECK or FOREIGN KEY constraint scans the table while blocking writes",
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
    {"disallowed-unique-constraint",
     "a UNIQUE constraint (on the table or on an added column) builds its index while blocking "
     "reads and writes",
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
    {"prefer-bigint-over-smallint", "16-bit ids and counters run out", "use bigint"},
    {"prefer-jsonb", "json has no equality operator, so DISTINCT and UNION break", "use jsonb"},
    {"identifier-too-long", "PostgreSQL silently truncates identifiers to 63 bytes",
     "use a name of at most 63 bytes"},
    {"transaction-nesting",
     "BEGIN inside an open transaction is ignored with a warning; COMMIT or ROLLBACK without "
     "BEGIN ends the migration tool's transaction",
     "one BEGIN / COMMIT pair per transaction, or none when the tool wraps each migration"},
    {"ban-uncommitted-transaction", "the script leaves a transaction open",
     "end every BEGIN with COMMIT"},
    {"unbatched-backfill",
     "an UPDATE or DELETE without WHERE touches every row in one transaction and holds its locks",
     "batch it by key ranges, commit between batches, outside the DDL transaction"},
    {"unterminated-input", "a quote, dollar-quote, identifier or comment is never closed",
     "close it"},
    {"too-many-findings",
     "the script has more findings than lint_options::max_findings; the rest is not linted",
     "fix or allow the findings reported, or split the script"},
};

// The rule's index in rule_table (rule_count when unknown).
inline constexpr std::size_t rule_count = sizeof(rule_table) / sizeof(rule_table[0]);
static_assert(rule_count <= 64, "rule sets are 64-bit masks");

[[nodiscard]] constexpr std::size_t rule_index(std::string_view rule) noexcept {
  for (std::size_t i = 0; i < rule_count; ++i) {
    if (rule_table[i].rule == rule) return i;
  }
  return rule_count;
}

[[nodiscard]] constexpr std::uint64_t rule_bit(std::string_view rule) noexcept {
  return std::uint64_t{1} << rule_index(rule);
}

// The rules a comment allows: "relkit:allow rule-a rule-b, rule-c (why)". One pass.
[[nodiscard]] inline std::uint64_t allowed_rules(std::string_view comment) noexcept {
  constexpr std::string_view marker = "relkit:allow";
  const std::size_t at = comment.find(marker);
  if (at == std::string_view::npos) return 0;
  std::uint64_t mask = 0;
  std::size_t i = at + marker.size();
  while (i < comment.size()) {
    while (i < comment.size() && (comment[i] == ' ' || comment[i] == ',' || comment[i] == '\t'))
      ++i;
    std::size_t j = i;
    while (j < comment.size() && (relkit::detail::is_word_char(comment[j]) || comment[j] == '-'))
      ++j;
    if (j == i) break;  // "(why)" or the end: no more rule names
    const std::size_t r = rule_index(comment.substr(i, j - i));
    if (r < rule_count) mask |= std::uint64_t{1} << r;
    i = j;
  }
  return mask;
}

// Functions PostgreSQL's catalog marks IMMUTABLE or STABLE that defaults use,
// and keywords written like calls: a DEFAULT calling one of them is evaluated
// once, without a rewrite. Every other call is volatile (fail closed).
inline constexpr std::string_view non_volatile_functions[] = {"ABS",
                                                              "AGE",
                                                              "ALL",
                                                              "AND",
                                                              "ANY",
                                                              "ARRAY",
                                                              "ARRAY_FILL",
                                                              "AS",
                                                              "BTRIM",
                                                              "CASE",
                                                              "CAST",
                                                              "CEIL",
                                                              "CEILING",
                                                              "COALESCE",
                                                              "CONCAT",
                                                              "CONCAT_WS",
                                                              "CURRENT_DATE",
                                                              "CURRENT_SCHEMA",
                                                              "CURRENT_SETTING",
                                                              "CURRENT_TIME",
                                                              "CURRENT_TIMESTAMP",
                                                              "CURRENT_USER",
                                                              "DATE_PART",
                                                              "DATE_TRUNC",
                                                              "DECODE",
                                                              "ENCODE",
                                                              "EXISTS",
                                                              "EXTRACT",
                                                              "FLOOR",
                                                              "GREATEST",
                                                              "IN",
                                                              "INTERVAL",
                                                              "IS",
                                                              "JSONB_BUILD_ARRAY",
                                                              "JSONB_BUILD_OBJECT",
                                                              "JSON_BUILD_ARRAY",
                                                              "JSON_BUILD_OBJECT",
                                                              "LEAST",
                                                              "LEFT",
                                                              "LENGTH",
                                                              "LOCALTIME",
                                                              "LOCALTIMESTAMP",
                                                              "LOWER",
                                                              "LPAD",
                                                              "LTRIM",
                                                              "MAKE_DATE",
                                                              "MAKE_INTERVAL",
                                                              "MAKE_TIMESTAMP",
                                                              "MAKE_TIMESTAMPTZ",
                                                              "MD5",
                                                              "NOT",
                                                              "NOW",
                                                              "NULLIF",
                                                              "OR",
                                                              "POWER",
                                                              "REPLACE",
                                                              "RIGHT",
                                                              "ROUND",
                                                              "ROW",
                                                              "RPAD",
                                                              "RTRIM",
                                                              "STATEMENT_TIMESTAMP",
                                                              "SUBSTR",
                                                              "SUBSTRING",
                                                              "THEN",
                                                              "TIMEZONE",
                                                              "TO_CHAR",
                                                              "TO_DATE",
                                                              "TO_JSON",
                                                              "TO_JSONB",
                                                              "TO_NUMBER",
                                                              "TO_TIMESTAMP",
                                                              "TRANSACTION_TIMESTAMP",
                                                              "TRIM",
                                                              "UPPER",
                                                              "WHEN",
                                                              "ELSE"};

[[nodiscard]] inline bool is_non_volatile_builtin(std::string_view word) noexcept {
  for (auto f : non_volatile_functions) {
    if (same_word(word, f)) return true;
  }
  return false;
}

[[nodiscard]] inline bool is_word(const sql_token& t, std::string_view upper) noexcept {
  return t.kind == sql_token_kind::word && same_word(t.text, upper);
}
[[nodiscard]] inline bool is_punct(const sql_token& t, char c) noexcept {
  return t.kind == sql_token_kind::punct && t.text.size() == 1 && t.text[0] == c;
}
[[nodiscard]] inline bool is_name(const sql_token& t) noexcept {
  return t.kind == sql_token_kind::word || t.kind == sql_token_kind::quoted;
}

// The key a function is known by: upper-cased, quotes removed.
[[nodiscard]] inline std::string function_key(const sql_token& t) {
  std::string_view text = t.text;
  if (t.kind == sql_token_kind::quoted && text.size() >= 2) text = text.substr(1, text.size() - 2);
  std::string key;
  key.reserve(text.size());
  for (const char c : text) key += relkit::detail::to_upper(c);
  return key;
}

// Which calls a DEFAULT may make without a rewrite.
struct function_catalog {
  std::unordered_map<std::string, bool> declared;  // key -> volatile, as the script declares
  const std::vector<std::string>* allowed = nullptr;

  [[nodiscard]] bool is_volatile(const sql_token& name) const {
    const auto it = declared.find(function_key(name));
    if (it != declared.end()) return it->second;
    if (allowed != nullptr) {
      const std::string key = function_key(name);
      for (const auto& a : *allowed) {
        if (a.size() == key.size() && same_word(a, key)) return false;
      }
    }
    return !(name.kind == sql_token_kind::word && is_non_volatile_builtin(name.text));
  }
};

// The calls of one DEFAULT expression, fed token by token with one token of lookahead.
struct default_scan {
  bool active = false;
  bool volatile_call = false;
  sql_token p1, p2;  // the two previous tokens of the expression

  void start() {
    active = true;
    p1 = sql_token();
    p2 = sql_token();
  }
  void feed(const sql_token& t, const sql_token& next, const function_catalog& catalog) {
    if (is_name(t) && is_punct(next, '(')) {
      // A type's modifiers after :: or CAST(... AS type(n)) are no call.
      const bool type_position = (is_punct(p1, ':') && is_punct(p2, ':')) || is_word(p1, "AS");
      if (!type_position && catalog.is_volatile(t)) volatile_call = true;
    }
    p2 = p1;
    p1 = t;
  }
};

// A DEFAULT expression (the planner's) calls a function not known to be
// IMMUTABLE or STABLE.
[[nodiscard]] inline bool default_is_volatile(std::string_view expression) {
  const function_catalog catalog;
  default_scan scan;
  scan.start();
  sql_lexer lexer(expression);
  sql_token pending;
  bool have = false;
  for (;;) {
    const sql_token t = lexer.next();
    if (t.kind == sql_token_kind::comment) continue;
    if (have) scan.feed(pending, t, catalog);
    if (t.kind == sql_token_kind::end || t.kind == sql_token_kind::semicolon) break;
    pending = t;
    have = true;
  }
  return scan.volatile_call;
}

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
