#pragma once
// relkit::migrations::lint: strong_migrations' and squawk's rules over
// hand-written PostgreSQL migration scripts.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

// One rule broken by one statement.
struct finding {
  std::string rule;           // the squawk / strong_migrations rule name, e.g. "ban-drop-column"
  std::size_t position = 0;   // byte offset of the offending statement in the script
  std::size_t statement = 0;  // 0-based statement index
  std::string why;            // what goes wrong in production
  std::string safe_alternative;

  friend bool operator==(const finding& a, const finding& b) {
    return a.rule == b.rule && a.position == b.position && a.statement == b.statement &&
           a.why == b.why && a.safe_alternative == b.safe_alternative;
  }
  friend bool operator!=(const finding& a, const finding& b) { return !(a == b); }
};

struct lint_options {
  int postgres_major = 15;  // adding-field-with-default fires for any default before 11
  // Rules that are off by default in squawk too.
  bool prefer_bigint = true;
  bool prefer_text_field = true;
  bool prefer_timestamptz = true;
  // Functions a DEFAULT may call without a rewrite besides PostgreSQL's own
  // IMMUTABLE / STABLE ones and those the script declares IMMUTABLE or STABLE
  // (case-insensitive, unqualified names). Any other call is volatile.
  std::vector<std::string> non_volatile_functions;
  // Findings kept per script; past it lint() stops with "too-many-findings",
  // which bounds its memory whatever the script.
  std::size_t max_findings = 10000;

  friend bool operator==(const lint_options& a, const lint_options& b) {
    return a.postgres_major == b.postgres_major && a.prefer_bigint == b.prefer_bigint &&
           a.prefer_text_field == b.prefer_text_field &&
           a.prefer_timestamptz == b.prefer_timestamptz &&
           a.non_volatile_functions == b.non_volatile_functions && a.max_findings == b.max_findings;
  }
  friend bool operator!=(const lint_options& a, const lint_options& b) { return !(a == b); }
};

// Findings for a hand-written migration script, in statement order (within a
// statement, in rule-table order, each rule once). A comment
// "-- relkit:allow <rule> [<rule>...]" before a statement, or after it on the
// same line, silences those rules for it. Keywords count only in their place
// in the statement (a column named "type" is not a TYPE change). Never fails:
// an unterminated quote or comment is the finding "unterminated-input", more
// than options.max_findings findings end with "too-many-findings". Linear
// time; memory: the findings, plus the names of the functions the script
// declares.
[[nodiscard]] RELKIT_INLINE std::vector<finding> lint(std::string_view sql,
                                                      const lint_options& options = lint_options());

// The names of every rule lint() knows, in rule-table order (35).
[[nodiscard]] RELKIT_INLINE std::vector<std::string_view> lint_rule_names();

}  // namespace migrations
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/migrations/impl/lint.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
