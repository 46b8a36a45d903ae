#pragma once
// Bodies of relkit/migrations/lint.hpp: one pass over the script's tokens
// (relkit/migrations/detail/sql_scan.hpp) that keeps, per statement, only the
// state its rules need (the first words, the clause being read, paren depth),
// so every token is looked at once and nothing is re-scanned.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/migrations/detail/lint_rules.hpp"
#include "relkit/migrations/detail/sql_scan.hpp"
#include "relkit/migrations/lint.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

class linter {
 public:
  linter(std::string_view script, const lint_options& options) : script_(script), o_(options) {
    catalog_.allowed = &options.non_volatile_functions;
  }

  [[nodiscard]] std::vector<finding> run() {
    sql_lexer lexer(script_);
    sql_token pending;
    bool have = false;
    for (;;) {
      const sql_token t = lexer.next();
      if (t.kind == sql_token_kind::comment) {
        const std::uint64_t allow = allowed_rules(t.text);
        if (st_.open) {
          st_.allow |= allow;
          st_.unterminated = st_.unterminated || t.unterminated;
        } else if (awaiting_ && t.trailing) {
          st_.allow |= allow;
        } else {
          flush();
          next_allow_ |= allow;
          if (t.unterminated) {
            next_unterminated_ = true;
            next_unterminated_at_ = t.position;
          }
        }
        continue;
      }
      if (have) {
        on_token(pending, t);
        have = false;
      }
      if (t.kind == sql_token_kind::semicolon) {
        if (st_.open) finish();
        continue;
      }
      if (t.kind == sql_token_kind::end) {
        if (st_.open) finish();
        flush();
        break;
      }
      flush();
      if (stop_) break;
      if (!st_.open) open(t.position);
      pending = t;
      have = true;
    }
    if (in_transaction_) {
      emit(rule_index("ban-uncommitted-transaction"), last_position_,
           statements_ == 0 ? 0 : statements_ - 1);
    }
    // A comment left open after the last statement.
    if (next_unterminated_)
      emit(rule_index("unterminated-input"), next_unterminated_at_, statements_);
    return std::move(out_);
  }

 private:
  enum class kind : unsigned char {
    other,
    alter_table,
    create_table,
    create_function,
    alter_function
  };
  enum class action : unsigned char {
    none,
    add,
    add_column,
    add_constraint,
    drop,
    alter_column,
    rename,
    detach,
    other
  };

  struct clause_state {
    action act = action::none;
    std::size_t ci = 0;    // depth-0 tokens of the clause so far
    std::size_t skip = 0;  // depth-0 tokens still to skip (IF NOT EXISTS, a constraint's name)
    sql_token prev;        // the previous depth-0 token of the clause
    // ADD [COLUMN]
    int column_part = 0;  // 0 the name, 1 the type, 2 its constraints
    bool has_default = false, not_null = false, generated = false, serial = false,
         references = false;
    default_scan def;
    // ADD [CONSTRAINT name] kind
    sql_token constraint_kind;
    bool kind_pending = false;
    // NOT VALID, USING INDEX, CONCURRENTLY / FINALIZE anywhere at depth 0
    bool not_valid = false, using_index = false, concurrently = false;
    // ALTER [COLUMN] name action
    std::size_t action_at = 0;
    sql_token action_word;
  };

  struct type_state {
    bool expect = false;  // the next name at `depth` is a column's type
    std::size_t depth = 0;
    bool varying = false;          // CHAR / CHARACTER then VARYING: its '(' decides
    bool timestamp_paren = false;  // TIMESTAMP(p): the word after ')' decides
    std::size_t timestamp_depth = 0;
  };

  struct statement_state {
    bool open = false;
    std::size_t position = 0;
    std::size_t index = 0;
    std::uint64_t rules = 0;
    std::uint64_t allow = 0;
    bool unterminated = false;
    bool too_long = false;
    std::size_t depth = 0;
    std::size_t n0 = 0;  // depth-0 tokens so far
    sql_token head[4];   // the first four depth-0 tokens
    kind k = kind::other;
    bool where = false, cascade = false, concurrently = false, full = false;
    // ALTER TABLE: 0 before the table's name, 1 after a part of it, 2 in its clauses
    int header = 0;
    clause_state clause;
    // CREATE TABLE's column list
    bool elements = false, elements_done = false, not_a_list = false, locks_existing = false;
    std::size_t element_at = 0;
    type_state type;
    // CREATE / ALTER FUNCTION
    sql_token function_name;
    bool function_paren = false;
    int volatility = 0;  // 0 none given, 1 VOLATILE, 2 IMMUTABLE or STABLE
  };

  void add(std::string_view rule) { st_.rules |= rule_bit(rule); }

  [[nodiscard]] bool head(std::size_t i, std::string_view upper) const {
    return i < st_.n0 && is_word(st_.head[i], upper);
  }

  void open(std::size_t position) {
    st_ = statement_state();
    st_.open = true;
    st_.position = position;
    st_.index = statements_;
    st_.allow = next_allow_;
    st_.unterminated = next_unterminated_;
    next_allow_ = 0;
    next_unterminated_ = false;
  }

  void emit(std::size_t rule, std::size_t position, std::size_t statement) {
    if (stop_) return;
    if (out_.size() >= o_.max_findings) {
      rule = rule_index("too-many-findings");
      stop_ = true;
    }
    const rule_text& r = rule_table[rule];
    out_.push_back(finding{std::string(r.rule), position, statement, std::string(r.why),
                           std::string(r.safe_alternative)});
  }

  void flush() {
    if (!awaiting_) return;
    awaiting_ = false;
    const std::uint64_t hits = st_.rules & ~st_.allow;
    for (std::size_t r = 0; r < rule_count && hits != 0; ++r) {
      if ((hits >> r) & 1u) emit(r, st_.position, st_.index);
    }
  }

  void on_token(const sql_token& t, const sql_token& next) {
    statement_state& s = st_;
    if (t.unterminated) s.unterminated = true;
    if (is_name(t) && t.length > 63) s.too_long = true;
    if (is_punct(t, ')') && s.depth > 0) --s.depth;
    const std::size_t d = s.depth;
    if (d == 0 && s.n0 < 4) s.head[s.n0] = t;
    if (t.kind == sql_token_kind::word) {
      if (d == 0 && same_word(t.text, "WHERE")) s.where = true;
      if (d == 0 && same_word(t.text, "CASCADE")) s.cascade = true;
      if (d <= 1 && same_word(t.text, "CONCURRENTLY")) s.concurrently = true;
      if (d <= 1 && same_word(t.text, "FULL")) s.full = true;
    }
    if (s.k == kind::other && d == 0 && s.n0 >= 1 && s.n0 <= 3) {
      decide_kind(t);
    } else if (s.k == kind::alter_table) {
      alter_table_token(t, next, d);
    } else if (s.k == kind::create_table) {
      create_table_token(t, next, d);
    } else if (s.k == kind::create_function || s.k == kind::alter_function) {
      function_token(t, d);
    }
    if (d == 0) ++s.n0;
    if (is_punct(t, '(')) ++s.depth;
  }

  void decide_kind(const sql_token& t) {
    statement_state& s = st_;
    if (s.n0 == 1 && head(0, "ALTER")) {
      if (is_word(t, "TABLE")) s.k = kind::alter_table;
      if (is_word(t, "FUNCTION")) s.k = kind::alter_function;
    } else if (head(0, "CREATE")) {
      if (s.n0 == 1 && is_word(t, "FUNCTION")) s.k = kind::create_function;
      if (s.n0 == 3 && head(1, "OR") && head(2, "REPLACE") && is_word(t, "FUNCTION"))
        s.k = kind::create_function;
      if (is_word(t, "TABLE")) {
        bool modifiers = true;
        for (std::size_t i = 1; i < s.n0; ++i) {
          modifiers = modifiers && (head(i, "GLOBAL") || head(i, "LOCAL") || head(i, "TEMP") ||
                                    head(i, "TEMPORARY") || head(i, "UNLOGGED"));
        }
        if (modifiers) s.k = kind::create_table;
      }
    }
  }

  // A column's type: the first name at the expected depth (a schema-qualified
  // name's last part), with the lookahead its spelling needs.
  void type_token(const sql_token& t, const sql_token& next, std::size_t d) {
    type_state& y = st_.type;
    if (y.varying) {
      y.varying = false;
      if (is_punct(next, '(') && o_.prefer_text_field) add("prefer-text-field");
      return;
    }
    if (y.timestamp_paren && d == y.timestamp_depth && is_punct(t, ')')) {
      y.timestamp_paren = false;
      if (!is_word(next, "WITH") && o_.prefer_timestamptz) add("prefer-timestamptz");
      return;
    }
    if (!y.expect || d != y.depth) return;
    if (is_punct(t, '.') || (is_name(t) && is_punct(next, '.'))) return;
    y.expect = false;
    if (t.kind != sql_token_kind::word) return;
    const std::string_view w = t.text;
    if (same_word(w, "CHAR") || same_word(w, "CHARACTER") || same_word(w, "NCHAR")) {
      if (is_word(next, "VARYING")) {
        y.varying = true;
      } else {
        add("ban-char-field");
      }
    } else if (same_word(w, "BPCHAR")) {
      add("ban-char-field");
    } else if (same_word(w, "VARCHAR")) {
      if (is_punct(next, '(') && o_.prefer_text_field) add("prefer-text-field");
    } else if (same_word(w, "TIMESTAMP")) {
      if (is_punct(next, '(')) {
        y.timestamp_paren = true;
        y.timestamp_depth = d;
      } else if (!is_word(next, "WITH") && o_.prefer_timestamptz) {
        add("prefer-timestamptz");
      }
    } else if (same_word(w, "INT") || same_word(w, "INTEGER") || same_word(w, "INT4") ||
               same_word(w, "SERIAL") || same_word(w, "SERIAL4")) {
      if (o_.prefer_bigint) add("prefer-bigint-over-int");
    } else if (same_word(w, "SMALLINT") || same_word(w, "INT2") || same_word(w, "SMALLSERIAL") ||
               same_word(w, "SERIAL2")) {
      if (o_.prefer_bigint) add("prefer-bigint-over-smallint");
    } else if (same_word(w, "JSON")) {
      add("prefer-jsonb");
    }
    if (same_word(w, "SERIAL") || same_word(w, "SERIAL4") || same_word(w, "SMALLSERIAL") ||
        same_word(w, "SERIAL2") || same_word(w, "BIGSERIAL") || same_word(w, "SERIAL8")) {
      st_.clause.serial = true;
    }
  }

  void expect_type(std::size_t depth) {
    st_.type.expect = true;
    st_.type.depth = depth;
  }

  void alter_table_token(const sql_token& t, const sql_token& next, std::size_t d) {
    statement_state& s = st_;
    if (s.header < 2) {
      if (d != 0) return;
      if (s.header == 0) {
        if (is_word(t, "IF") || is_word(t, "EXISTS") || is_word(t, "ONLY")) return;
        if (is_name(t)) s.header = 1;
        return;
      }
      if (is_punct(t, '.')) {
        s.header = 0;
        return;
      }
      if (is_punct(t, '*')) return;
      s.header = 2;
    }
    type_token(t, next, d);
    clause_state& c = s.clause;
    if (d == 0 && is_punct(t, ',')) {
      end_clause();
      return;
    }
    if (d > 0) {
      if (c.def.active) c.def.feed(t, next, catalog_);
      return;
    }
    const sql_token prev = c.prev;
    c.prev = t;
    const std::size_t ci = c.ci++;
    if (is_word(prev, "NOT") && is_word(t, "VALID")) c.not_valid = true;
    if (is_word(prev, "USING") && is_word(t, "INDEX")) c.using_index = true;
    if (is_word(t, "CONCURRENTLY") || is_word(t, "FINALIZE")) c.concurrently = true;
    if (c.skip > 0) {
      --c.skip;
      return;
    }
    if (ci == 0) {
      if (is_word(t, "ADD"))
        c.act = action::add;
      else if (is_word(t, "DROP"))
        c.act = action::drop;
      else if (is_word(t, "ALTER"))
        c.act = action::alter_column;
      else if (is_word(t, "RENAME"))
        c.act = action::rename;
      else if (is_word(t, "DETACH"))
        c.act = action::detach;
      else
        c.act = action::other;
      return;
    }
    switch (c.act) {
      case action::add:
        if (is_word(t, "CONSTRAINT")) {
          c.act = action::add_constraint;
          c.skip = 1;
          c.kind_pending = true;
        } else if (is_word(t, "CHECK") || is_word(t, "UNIQUE") || is_word(t, "PRIMARY") ||
                   is_word(t, "FOREIGN") || is_word(t, "EXCLUDE")) {
          c.act = action::add_constraint;
          c.constraint_kind = t;
        } else {
          c.act = action::add_column;
          if (!is_word(t, "COLUMN")) column_token(t, next);
        }
        return;
      case action::add_column:
        column_token(t, next);
        return;
      case action::add_constraint:
        if (c.kind_pending) {
          c.kind_pending = false;
          c.constraint_kind = t;
        }
        return;
      case action::drop:
        if (!is_word(t, "CONSTRAINT")) add("ban-drop-column");
        c.act = action::other;
        return;
      case action::alter_column:
        if (ci == 1) {
          if (is_word(t, "CONSTRAINT")) c.act = action::other;
          c.action_at = is_word(t, "COLUMN") ? 3 : 2;
        } else if (ci == c.action_at) {
          c.action_word = t;
          if (is_word(t, "TYPE")) {
            add("changing-column-type");
            expect_type(0);
          }
        } else if (ci == c.action_at + 1) {
          if (is_word(c.action_word, "SET") && is_word(t, "NOT")) add("setting-not-null");
          if (is_word(c.action_word, "SET") && is_word(t, "DATA")) add("changing-column-type");
          if (is_word(c.action_word, "DROP") && is_word(t, "NOT")) add("ban-drop-not-null");
        } else if (ci == c.action_at + 2) {
          if (is_word(c.action_word, "SET") && is_word(prev, "DATA") && is_word(t, "TYPE"))
            expect_type(0);
        }
        return;
      case action::rename:
        if (is_word(t, "TO"))
          add("renaming-table");
        else if (!is_word(t, "CONSTRAINT"))
          add("renaming-column");
        c.act = action::other;
        return;
      default:
        return;
    }
  }

  // ADD [COLUMN] [IF NOT EXISTS] name type [constraints], at depth 0.
  void column_token(const sql_token& t, const sql_token& next) {
    clause_state& c = st_.clause;
    if (c.column_part == 0) {
      if (is_word(t, "IF") && is_word(next, "NOT")) {
        c.skip = 2;
        return;
      }
      c.column_part = 1;
      expect_type(0);
      return;
    }
    if (c.column_part == 1) {
      c.column_part = 2;
      return;
    }
    const bool keyword = is_word(t, "NOT") || is_word(t, "NULL") || is_word(t, "CONSTRAINT") ||
                         is_word(t, "CHECK") || is_word(t, "UNIQUE") || is_word(t, "PRIMARY") ||
                         is_word(t, "REFERENCES") || is_word(t, "GENERATED") ||
                         is_word(t, "COLLATE") || is_word(t, "DEFAULT");
    if (c.def.active && !keyword) {
      c.def.feed(t, next, catalog_);
      return;
    }
    c.def.active = false;
    if (is_word(t, "DEFAULT")) {
      c.has_default = true;
      c.def.start();
    } else if (is_word(t, "NOT") && is_word(next, "NULL")) {
      c.not_null = true;
    } else if (is_word(t, "PRIMARY")) {
      add("adding-serial-primary-key-field");
    } else if (is_word(t, "UNIQUE")) {
      add("disallowed-unique-constraint");
    } else if (is_word(t, "REFERENCES")) {
      c.references = true;
    } else if (is_word(t, "GENERATED")) {
      c.generated = true;
    } else if (is_word(t, "CONSTRAINT") || is_word(t, "COLLATE")) {
      c.skip = 1;
    }
  }

  void end_clause() {
    clause_state& c = st_.clause;
    if (c.act == action::add_column) {
      if ((c.has_default && (c.def.volatile_call || o_.postgres_major < 11)) || c.generated ||
          c.serial)
        add("adding-field-with-default");
      if (c.not_null && !c.has_default && !c.generated && !c.serial) add("adding-required-field");
      if (c.references && !c.not_valid) add("adding-foreign-key-constraint");
    } else if (c.act == action::add_constraint) {
      const sql_token& k = c.constraint_kind;
      if (is_word(k, "CHECK") && !c.not_valid) add("constraint-missing-not-valid");
      if (is_word(k, "FOREIGN") && !c.not_valid) {
        add("adding-foreign-key-constraint");
        add("constraint-missing-not-valid");
      }
      if (is_word(k, "UNIQUE") && !c.using_index) add("disallowed-unique-constraint");
      if (is_word(k, "PRIMARY") && !c.using_index) add("adding-serial-primary-key-field");
      if (is_word(k, "EXCLUDE")) add("ban-exclusion-constraint");
    } else if (c.act == action::detach) {
      if (!c.concurrently) add("require-concurrent-partition-detach");
    }
    c = clause_state();
    st_.type = type_state();
  }

  void create_table_token(const sql_token& t, const sql_token& next, std::size_t d) {
    statement_state& s = st_;
    if (is_word(t, "REFERENCES") || (d == 0 && (is_word(t, "INHERITS") || is_word(t, "PARTITION"))))
      s.locks_existing = true;
    if (!s.elements) {
      if (d == 0 && (is_word(t, "AS") || is_word(t, "OF"))) s.not_a_list = true;
      if (d == 0 && is_punct(t, '(') && !s.not_a_list) s.elements = true;
      return;
    }
    if (s.elements_done) return;
    if (d == 0) {
      s.elements_done = true;
      return;
    }
    type_token(t, next, d);
    if (d != 1) return;
    if (is_punct(t, ',')) {
      s.element_at = 0;
      s.type = type_state();
      return;
    }
    if (s.element_at++ == 0) {
      const bool column = !(is_word(t, "CONSTRAINT") || is_word(t, "CHECK") ||
                            is_word(t, "UNIQUE") || is_word(t, "PRIMARY") ||
                            is_word(t, "FOREIGN") || is_word(t, "EXCLUDE") || is_word(t, "LIKE"));
      if (column) expect_type(1);
    }
  }

  void function_token(const sql_token& t, std::size_t d) {
    statement_state& s = st_;
    if (d != 0) return;
    if (!s.function_paren) {
      if (is_punct(t, '('))
        s.function_paren = true;
      else if (is_name(t))
        s.function_name = t;
      return;
    }
    if (is_word(t, "IMMUTABLE") || is_word(t, "STABLE")) s.volatility = 2;
    if (is_word(t, "VOLATILE")) s.volatility = 1;
  }

  void finish() {
    statement_state& s = st_;
    if (s.k == kind::alter_table && s.header == 2) end_clause();
    if (is_name(s.function_name)) {
      if (s.k == kind::create_function) {
        catalog_.declared[function_key(s.function_name)] = s.volatility != 2;
      } else if (s.k == kind::alter_function && s.volatility != 0) {
        catalog_.declared[function_key(s.function_name)] = s.volatility == 1;
      }
    }
    if (head(0, "SET") && (head(1, "LOCK_TIMEOUT") ||
                           ((head(1, "SESSION") || head(1, "LOCAL")) && head(2, "LOCK_TIMEOUT"))))
      lock_timeout_set_ = true;
    // A new table that references, inherits or partitions nothing locks nothing that exists.
    const bool new_table_alone = s.k == kind::create_table && !s.locks_existing;
    const bool ddl = head(0, "ALTER") || (head(0, "CREATE") && !new_table_alone) || head(0, "DROP");
    if (ddl && !lock_timeout_set_) add("require-lock-timeout");
    if (head(0, "CREATE") && ((head(1, "INDEX") && !head(2, "CONCURRENTLY")) ||
                              (head(1, "UNIQUE") && head(2, "INDEX") && !head(3, "CONCURRENTLY"))))
      add("require-concurrent-index-creation");
    if (head(0, "DROP") && head(1, "INDEX") && !head(2, "CONCURRENTLY"))
      add("require-concurrent-index-deletion");
    if (in_transaction_ && s.concurrently &&
        (head(0, "CREATE") || head(0, "DROP") || head(0, "REINDEX")))
      add("ban-concurrent-index-creation-in-transaction");
    if (head(0, "REINDEX") && !s.concurrently) add("require-concurrent-reindex");
    if ((head(0, "VACUUM") && s.full) || head(0, "CLUSTER")) add("prefer-repack");
    if (head(0, "DROP") && head(1, "TABLE")) add("ban-drop-table");
    if (head(0, "DROP") && head(1, "DATABASE")) add("ban-drop-database");
    if (head(0, "TRUNCATE") && s.cascade) add("ban-truncate-cascade");
    if ((head(0, "UPDATE") || head(0, "DELETE")) && !s.where) add("unbatched-backfill");
    if (s.too_long) add("identifier-too-long");
    if (head(0, "BEGIN") || (head(0, "START") && head(1, "TRANSACTION"))) {
      if (in_transaction_) add("transaction-nesting");
      in_transaction_ = true;
    }
    if (head(0, "COMMIT") || head(0, "END") || head(0, "ABORT") ||
        (head(0, "ROLLBACK") && !head(1, "TO"))) {
      // Ending a transaction the script did not open ends the migration tool's.
      if (!in_transaction_) add("transaction-nesting");
      in_transaction_ = false;
    }
    if (s.unterminated) add("unterminated-input");
    s.open = false;
    awaiting_ = true;
    last_position_ = s.position;
    ++statements_;
  }

  std::string_view script_;
  const lint_options& o_;
  function_catalog catalog_;
  statement_state st_;
  std::vector<finding> out_;
  std::uint64_t next_allow_ = 0;
  bool next_unterminated_ = false;
  std::size_t next_unterminated_at_ = 0;
  bool awaiting_ = false;  // st_ ended; its trailing comment may still come
  bool stop_ = false;
  bool lock_timeout_set_ = false;
  bool in_transaction_ = false;
  std::size_t statements_ = 0;
  std::size_t last_position_ = 0;
};

}  // namespace detail

RELKIT_INLINE std::vector<finding> lint(std::string_view sql, const lint_options& options) {
  return detail::linter(sql, options).run();
}

RELKIT_INLINE std::vector<std::string_view> lint_rule_names() {
  std::vector<std::string_view> names;
  for (const auto& r : detail::rule_table) names.push_back(r.rule);
  return names;
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
