#pragma once
// The schema changes relkit::migrations plans: one struct per kind of change,
// and `change`, the variant of them all that make_plan takes.

#include "relkit/detail/prologue.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

// ---------------------------------------------------------------- changes
// Identifiers are plain lower-case PostgreSQL names ([a-z_][a-z0-9_]*, at most
// 63 bytes; a table may be schema-qualified). Types and expressions are SQL
// text written by the caller and emitted as given.

struct add_column {
  std::string table, column, type;
  bool not_null = false;
  std::optional<std::string> default_sql;   // e.g. "0", "clock_timestamp()"
  bool volatile_default = false;            // forces the multi-phase plan
  std::optional<std::string> backfill_sql;  // over the row's columns, e.g. "lower(email)"

  friend bool operator==(const add_column& a, const add_column& b) {
    return a.table == b.table && a.column == b.column && a.type == b.type &&
           a.not_null == b.not_null && a.default_sql == b.default_sql &&
           a.volatile_default == b.volatile_default && a.backfill_sql == b.backfill_sql;
  }
  friend bool operator!=(const add_column& a, const add_column& b) { return !(a == b); }
};
struct rename_column {
  std::string table, from, to, type;
  bool not_null = false;  // the new column ends NOT NULL too

  friend bool operator==(const rename_column& a, const rename_column& b) {
    return a.table == b.table && a.from == b.from && a.to == b.to && a.type == b.type &&
           a.not_null == b.not_null;
  }
  friend bool operator!=(const rename_column& a, const rename_column& b) { return !(a == b); }
};
struct change_column_type {
  std::string table, column;
  std::string new_column;  // the converted copy; empty only for no-rewrite changes in place
  std::string old_type, new_type;
  std::string up, down;  // over the row, e.g. up "amount::bigint", down "amount_v2::int"
  std::optional<std::string> down_loses;  // what the down conversion loses, if anything
  bool not_null = false;

  friend bool operator==(const change_column_type& a, const change_column_type& b) {
    return a.table == b.table && a.column == b.column && a.new_column == b.new_column &&
           a.old_type == b.old_type && a.new_type == b.new_type && a.up == b.up &&
           a.down == b.down && a.down_loses == b.down_loses && a.not_null == b.not_null;
  }
  friend bool operator!=(const change_column_type& a, const change_column_type& b) {
    return !(a == b);
  }
};
struct set_not_null {
  std::string table, column;
  std::optional<std::string> backfill_sql;  // fills existing NULLs

  friend bool operator==(const set_not_null& a, const set_not_null& b) {
    return a.table == b.table && a.column == b.column && a.backfill_sql == b.backfill_sql;
  }
  friend bool operator!=(const set_not_null& a, const set_not_null& b) { return !(a == b); }
};
struct drop_not_null {
  std::string table, column;
  std::optional<std::string> rollback_fill_sql;  // what NULLs become when rolling back

  friend bool operator==(const drop_not_null& a, const drop_not_null& b) {
    return a.table == b.table && a.column == b.column && a.rollback_fill_sql == b.rollback_fill_sql;
  }
  friend bool operator!=(const drop_not_null& a, const drop_not_null& b) { return !(a == b); }
};
struct drop_column {
  std::string table, column, type;
  bool not_null = false;
  bool has_default = false;
  std::optional<std::string> down_sql;  // value for rows the new app inserts

  friend bool operator==(const drop_column& a, const drop_column& b) {
    return a.table == b.table && a.column == b.column && a.type == b.type &&
           a.not_null == b.not_null && a.has_default == b.has_default && a.down_sql == b.down_sql;
  }
  friend bool operator!=(const drop_column& a, const drop_column& b) { return !(a == b); }
};
struct rename_table {
  std::string from, to;

  friend bool operator==(const rename_table& a, const rename_table& b) {
    return a.from == b.from && a.to == b.to;
  }
  friend bool operator!=(const rename_table& a, const rename_table& b) { return !(a == b); }
};
struct split_column {
  std::string table, column, type;
  std::string new_table, new_key;  // new_table(new_key -> table(key), column)
  bool not_null = false;

  friend bool operator==(const split_column& a, const split_column& b) {
    return a.table == b.table && a.column == b.column && a.type == b.type &&
           a.new_table == b.new_table && a.new_key == b.new_key && a.not_null == b.not_null;
  }
  friend bool operator!=(const split_column& a, const split_column& b) { return !(a == b); }
};
struct add_index {
  std::string table;
  std::vector<std::string> columns;
  std::string name;  // empty: <table>_<columns>_idx
  bool unique = false;

  friend bool operator==(const add_index& a, const add_index& b) {
    return a.table == b.table && a.columns == b.columns && a.name == b.name && a.unique == b.unique;
  }
  friend bool operator!=(const add_index& a, const add_index& b) { return !(a == b); }
};
struct add_foreign_key {
  std::string table;
  std::vector<std::string> columns;
  std::string references_table;
  std::vector<std::string> references_columns;
  std::string name;  // empty: <table>_<columns>_fkey

  friend bool operator==(const add_foreign_key& a, const add_foreign_key& b) {
    return a.table == b.table && a.columns == b.columns &&
           a.references_table == b.references_table &&
           a.references_columns == b.references_columns && a.name == b.name;
  }
  friend bool operator!=(const add_foreign_key& a, const add_foreign_key& b) { return !(a == b); }
};
struct add_check {
  std::string table, name, expression;

  friend bool operator==(const add_check& a, const add_check& b) {
    return a.table == b.table && a.name == b.name && a.expression == b.expression;
  }
  friend bool operator!=(const add_check& a, const add_check& b) { return !(a == b); }
};
struct add_unique {
  std::string table;
  std::vector<std::string> columns;
  std::string name;  // empty: <table>_<columns>_key

  friend bool operator==(const add_unique& a, const add_unique& b) {
    return a.table == b.table && a.columns == b.columns && a.name == b.name;
  }
  friend bool operator!=(const add_unique& a, const add_unique& b) { return !(a == b); }
};

using change = std::variant<add_column, rename_column, change_column_type, set_not_null,
                            drop_not_null, drop_column, rename_table, split_column, add_index,
                            add_foreign_key, add_check, add_unique>;

// The kind of a change, in the order of the variant's alternatives.
enum class change_kind {
  add_column,
  rename_column,
  change_column_type,
  set_not_null,
  drop_not_null,
  drop_column,
  rename_table,
  split_column,
  add_index,
  add_foreign_key,
  add_check,
  add_unique,
};

namespace detail {
inline constexpr relkit::detail::enum_name<change_kind> change_kind_names[] = {
    {change_kind::add_column, "add_column"},
    {change_kind::rename_column, "rename_column"},
    {change_kind::change_column_type, "change_column_type"},
    {change_kind::set_not_null, "set_not_null"},
    {change_kind::drop_not_null, "drop_not_null"},
    {change_kind::drop_column, "drop_column"},
    {change_kind::rename_table, "rename_table"},
    {change_kind::split_column, "split_column"},
    {change_kind::add_index, "add_index"},
    {change_kind::add_foreign_key, "add_foreign_key"},
    {change_kind::add_check, "add_check"},
    {change_kind::add_unique, "add_unique"},
};
}  // namespace detail

// Which alternative `what` holds.
[[nodiscard]] inline change_kind kind_of(const change& what) noexcept {
  return static_cast<change_kind>(what.index());
}
// "add_column", ... (the struct's name); "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(change_kind kind) noexcept {
  return relkit::detail::enum_to_string(detail::change_kind_names, kind);
}
// The inverse of to_string(change_kind); nullopt for any other text.
[[nodiscard]] constexpr std::optional<change_kind> parse_change_kind(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::change_kind_names, text);
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
