#pragma once
// One request per change kind, shared by tests/migrations_test.cpp and its
// runbook goldens in tests/migrations/<name>.md.
#include <relkit/relkit.hpp>

#include <string>
#include <vector>

namespace relkit_test {

struct migration_case {
  std::string name;
  relkit::migrations::change change;
  relkit::migrations::make_plan_options options;
};

inline std::vector<migration_case> migration_cases() {
  namespace m = relkit::migrations;
  m::make_plan_options lossy_ok;
  lossy_ok.acknowledge_lossy_down = true;
  return {
      {"add_column_nullable", m::add_column{"users", "score", "bigint", false, {}, false, {}}, {}},
      {"add_column_default", m::add_column{"users", "score", "bigint", true, "0", false, {}}, {}},
      {"add_column_volatile_default",
       m::add_column{"users", "seen_at", "timestamptz", true, "clock_timestamp()", false, {}},
       {}},
      {"add_column_backfill",
       m::add_column{"users", "email_lower", "text", true, {}, false, "lower(email)"},
       {}},
      {"rename_column", m::rename_column{"users", "name", "full_name", "text", false}, {}},
      {"change_column_type",
       m::change_column_type{"orders", "amount", "amount_big", "int", "bigint", "amount::bigint",
                             "LEAST(GREATEST(amount_big, -2147483648), 2147483647)::int",
                             "amounts beyond the int range (clamped)", false},
       lossy_ok},
      {"change_column_type_in_place",
       m::change_column_type{"tags", "label", "", "varchar(20)", "text", "", "", {}, false},
       {}},
      {"set_not_null", m::set_not_null{"users", "nickname", std::string("'anonymous'")}, {}},
      {"drop_not_null", m::drop_not_null{"users", "name", {}}, {}},
      {"drop_column",
       m::drop_column{"users", "legacy", "text", true, false, std::string("'gone'")},
       {}},
      {"rename_table", m::rename_table{"users", "accounts"}, {}},
      {"split_column", m::split_column{"users", "email", "text", "profiles", "user_id", false}, {}},
      {"add_index", m::add_index{"users", {"email"}, "", false}, {}},
      {"add_foreign_key", m::add_foreign_key{"orders", {"user_id"}, "users", {"id"}, ""}, {}},
      {"add_check", m::add_check{"orders", "orders_amount_positive", "amount >= 0"}, {}},
      {"add_unique", m::add_unique{"users", {"email"}, ""}, {}},
  };
}

}  // namespace relkit_test
