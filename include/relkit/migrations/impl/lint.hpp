#pragma once
// Bodies of relkit/migrations/lint.hpp: the pass that applies the rule table
// (relkit/migrations/detail/lint_rules.hpp) to a scanned script.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/migrations/detail/lint_rules.hpp"
#include "relkit/migrations/detail/sql_scan.hpp"
#include "relkit/migrations/lint.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

[[nodiscard]] inline finding make_finding(std::string_view rule, std::size_t position,
                                          std::size_t statement) {
  for (const auto& r : rule_table) {
    if (r.rule == rule) {
      return finding{std::string(r.rule), position, statement, std::string(r.why),
                     std::string(r.safe_alternative)};
    }
  }
  return finding{std::string(rule), position, statement, std::string(), std::string()};
}

// Findings of one script, in statement order; within a statement in rule-table order.
[[nodiscard]] inline std::vector<finding> run_lint(std::string_view script,
                                                   const lint_options& options) {
  std::vector<finding> out;
  const std::vector<sql_statement> statements = scan_sql(script);
  bool lock_timeout_set = false;
  bool in_transaction = false;
  for (std::size_t index = 0; index < statements.size(); ++index) {
    const sql_statement& st = statements[index];
    std::vector<std::string_view> rules;
    const std::string_view first = word_at(st, 0);
    const std::string_view second = word_at(st, 1);
    const bool is_ddl = first == "ALTER" || first == "CREATE" || first == "DROP";
    if (first == "SET" && (has_word(st, "LOCK_TIMEOUT"))) lock_timeout_set = true;
    if (is_ddl && !lock_timeout_set) rules.push_back("require-lock-timeout");
    const bool alter_table = first == "ALTER" && second == "TABLE";
    if (alter_table) {
      for (std::size_t i = 0; i < st.tokens.size(); ++i) {
        const std::string_view w = word_at(st, i);
        if (w == "ADD" && (word_at(st, i + 1) == "COLUMN" ||
                           (word_at(st, i + 1) != "CONSTRAINT" && word_at(st, i + 1) != "UNIQUE" &&
                            word_at(st, i + 1) != "CHECK" && word_at(st, i + 1) != "FOREIGN" &&
                            word_at(st, i + 1) != "PRIMARY" && word_at(st, i + 1) != "EXCLUDE"))) {
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
            const std::string_view x = word_at(st, j);
            if (x == "DEFAULT") {
              has_default = true;
              volatile_default = is_volatile_call(st, j + 1);
            }
            if (x == "NOT" && word_at(st, j + 1) == "NULL") not_null = true;
            if (x == "SERIAL" || x == "BIGSERIAL" || x == "SMALLSERIAL" || x == "PRIMARY" ||
                x == "GENERATED")
              rules.push_back("adding-serial-primary-key-field");
            if (x == "REFERENCES" && !has_sequence(st, "NOT", "VALID"))
              rules.push_back("adding-foreign-key-constraint");
          }
          if (has_default && (volatile_default || options.postgres_major < 11))
            rules.push_back("adding-field-with-default");
          if (not_null && !has_default) rules.push_back("adding-required-field");
          i = end;
        }
      }
      const bool not_valid = has_sequence(st, "NOT", "VALID");
      if ((has_word(st, "FOREIGN")) && !not_valid) rules.push_back("adding-foreign-key-constraint");
      if (has_sequence(st, "ADD", "CHECK") ||
          (has_sequence(st, "ADD", "CONSTRAINT") && has_word(st, "CHECK"))) {
        if (!not_valid) rules.push_back("constraint-missing-not-valid");
      }
      if (has_sequence(st, "DROP", "COLUMN")) rules.push_back("ban-drop-column");
      if (has_word(st, "TYPE") && has_word(st, "ALTER", 2)) rules.push_back("changing-column-type");
      if (has_sequence(st, "SET", "NOT")) rules.push_back("setting-not-null");
      if (has_sequence(st, "DROP", "NOT")) rules.push_back("ban-drop-not-null");
      if ((has_sequence(st, "ADD", "UNIQUE") ||
           (has_sequence(st, "ADD", "CONSTRAINT") && has_word(st, "UNIQUE"))) &&
          !has_sequence(st, "USING", "INDEX"))
        rules.push_back("disallowed-unique-constraint");
      if (has_sequence(st, "ADD", "PRIMARY") ||
          (has_sequence(st, "ADD", "CONSTRAINT") && has_word(st, "PRIMARY") &&
           !has_sequence(st, "USING", "INDEX")))
        rules.push_back("adding-serial-primary-key-field");
      if (has_word(st, "EXCLUDE")) rules.push_back("ban-exclusion-constraint");
      if (has_sequence(st, "RENAME", "COLUMN") ||
          (has_word(st, "RENAME") && !has_sequence(st, "RENAME", "TO") &&
           !has_sequence(st, "RENAME", "CONSTRAINT")))
        rules.push_back("renaming-column");
      if (has_sequence(st, "RENAME", "TO")) rules.push_back("renaming-table");
      if (has_sequence(st, "DETACH", "PARTITION") && !has_word(st, "CONCURRENTLY"))
        rules.push_back("require-concurrent-partition-detach");
    }
    if (first == "CREATE" &&
        (second == "INDEX" || (second == "UNIQUE" && word_at(st, 2) == "INDEX"))) {
      if (!has_word(st, "CONCURRENTLY")) rules.push_back("require-concurrent-index-creation");
    }
    if (first == "DROP" && second == "INDEX" && !has_word(st, "CONCURRENTLY"))
      rules.push_back("require-concurrent-index-deletion");
    if (in_transaction && has_word(st, "CONCURRENTLY") &&
        (first == "CREATE" || first == "DROP" || first == "REINDEX"))
      rules.push_back("ban-concurrent-index-creation-in-transaction");
    if (first == "REINDEX" && !has_word(st, "CONCURRENTLY"))
      rules.push_back("require-concurrent-reindex");
    if ((first == "VACUUM" && has_word(st, "FULL")) || first == "CLUSTER")
      rules.push_back("prefer-repack");
    if (first == "DROP" && second == "TABLE") rules.push_back("ban-drop-table");
    if (first == "DROP" && second == "DATABASE") rules.push_back("ban-drop-database");
    if (first == "TRUNCATE" && has_word(st, "CASCADE")) rules.push_back("ban-truncate-cascade");
    if ((first == "UPDATE" || first == "DELETE") && !has_word(st, "WHERE"))
      rules.push_back("unbatched-backfill");
    // Column types, in CREATE TABLE and ALTER TABLE.
    if ((first == "CREATE" && second == "TABLE") || alter_table) {
      bool char_field = false, varchar = false, timestamp = false, small_int = false, json = false;
      for (std::size_t i = 0; i < st.tokens.size(); ++i) {
        const std::string_view w = word_at(st, i);
        if ((w == "CHAR" || w == "CHARACTER" || w == "BPCHAR") && word_at(st, i + 1) != "VARYING")
          char_field = true;
        if (w == "VARCHAR" || (w == "CHARACTER" && word_at(st, i + 1) == "VARYING")) varchar = true;
        if (w == "TIMESTAMP" && !(word_at(st, i + 1) == "WITH")) timestamp = true;
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
    for (const auto& r : rule_table) {
      bool hit = false;
      for (auto x : rules) hit = hit || x == r.rule;
      if (hit && !allows(st, r.rule)) out.push_back(make_finding(r.rule, st.position, index));
    }
  }
  if (in_transaction) {
    const std::size_t at = statements.empty() ? 0 : statements.back().position;
    out.push_back(make_finding("ban-uncommitted-transaction", at,
                               statements.empty() ? 0 : statements.size() - 1));
  }
  return out;
}

}  // namespace detail

RELKIT_INLINE std::vector<finding> lint(std::string_view sql, const lint_options& options) {
  return detail::run_lint(sql, options);
}

RELKIT_INLINE std::vector<std::string_view> lint_rule_names() {
  std::vector<std::string_view> names;
  for (const auto& r : detail::rule_table) names.push_back(r.rule);
  return names;
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
