// relkit migrate plan: the expand-contract runbook of one schema change.
#include "commands.hpp"
#include "io.hpp"

#include <relkit/migrations.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli {

namespace {

namespace mg = relkit::migrations;

constexpr std::string_view migrate_help =
    R"(Usage: relkit migrate plan CHANGE ARGS... [OPTIONS]

Prints the expand-contract runbook (Markdown: app versions, phases with their
SQL for PostgreSQL 11+, rollback of each phase, the point of no return) of one
schema change. Types and SQL expressions are passed through as given; quote them.

Changes:
  add-column TABLE COLUMN TYPE [--not-null] [--default SQL] [--volatile-default]
                               [--backfill SQL]
  rename-column TABLE FROM TO TYPE [--not-null]
  change-type TABLE COLUMN NEW_COLUMN OLD_TYPE NEW_TYPE UP_SQL DOWN_SQL
                               [--down-loses TEXT] [--not-null]
  set-not-null TABLE COLUMN [--backfill SQL]
  drop-not-null TABLE COLUMN [--rollback-fill SQL]
  drop-column TABLE COLUMN TYPE [--not-null] [--has-default] [--down SQL]
  rename-table FROM TO
  split-column TABLE COLUMN TYPE NEW_TABLE NEW_KEY [--not-null]
  add-index TABLE COL[,COL...] [--name NAME] [--unique]
  add-foreign-key TABLE COL[,COL...] REF_TABLE REF_COL[,REF_COL...] [--name NAME]
  add-check TABLE NAME EXPRESSION
  add-unique TABLE COL[,COL...] [--name NAME]

Options:
  --postgres N               target PostgreSQL major version (default 15, 11 or later)
  --lock-timeout T           lock_timeout of the DDL (default 5s)
  --batch-size N             rows per backfill batch (default 1000)
  --key COLUMN               the unique NOT NULL key backfills walk (default id)
  --acknowledge-lossy-down   accept a change-type whose rollback loses data

Exit codes: 0 ok, 2 usage error or a change that cannot be planned safely.

Example:
  relkit migrate plan rename-column users name full_name text > runbook.md
)";

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> items;
  for (;;) {
    const std::size_t comma = text.find(',');
    items.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return items;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace

int migrate_command(const arguments& words) {
  const parsed_args args =
      parse_args(words, 0,
                 {"--default", "--backfill", "--down-loses", "--rollback-fill", "--down", "--name",
                  "--postgres", "--lock-timeout", "--batch-size", "--key"},
                 {"--not-null", "--volatile-default", "--has-default", "--unique",
                  "--acknowledge-lossy-down"});
  if (args.help) {
    out(migrate_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "migrate");
  if (args.positional.empty()) return usage_error("migrate needs a command: plan", "migrate");
  const auto& pos = args.positional;
  if (pos[0] != "plan") {
    return usage_error("unknown migrate command '" + std::string(pos[0]) + "'", "migrate");
  }
  if (pos.size() < 2) return usage_error("migrate plan needs a CHANGE", "migrate");
  const std::string_view kind = pos[1];
  auto arg = [&pos](std::size_t i) { return std::string(pos[i + 2]); };
  auto opt = [&args](std::string_view name) -> std::optional<std::string> {
    if (auto v = args.option(name)) return std::string(*v);
    return std::nullopt;
  };
  const bool not_null = args.flag("--not-null");
  struct shape {
    std::string_view name;
    std::size_t arity;
  };
  static constexpr shape shapes[] = {
      {"add-column", 3},    {"rename-column", 4},   {"change-type", 7},  {"set-not-null", 2},
      {"drop-not-null", 2}, {"drop-column", 3},     {"rename-table", 2}, {"split-column", 5},
      {"add-index", 2},     {"add-foreign-key", 4}, {"add-check", 3},    {"add-unique", 2}};
  const shape* found = nullptr;
  for (const shape& sh : shapes)
    if (sh.name == kind) found = &sh;
  if (found == nullptr) return usage_error("unknown change '" + std::string(kind) + "'", "migrate");
  if (pos.size() - 2 != found->arity) {
    return usage_error(std::string(kind) + " takes " + std::to_string(found->arity) + " arguments",
                       "migrate");
  }
  mg::change change;
  if (kind == "add-column") {
    mg::add_column c{arg(0),           arg(1),           arg(2),
                     not_null,         opt("--default"), args.flag("--volatile-default"),
                     opt("--backfill")};
    change = c;
  } else if (kind == "rename-column") {
    change = mg::rename_column{arg(0), arg(1), arg(2), arg(3), not_null};
  } else if (kind == "change-type") {
    change = mg::change_column_type{
        arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), opt("--down-loses"), not_null};
  } else if (kind == "set-not-null") {
    change = mg::set_not_null{arg(0), arg(1), opt("--backfill")};
  } else if (kind == "drop-not-null") {
    change = mg::drop_not_null{arg(0), arg(1), opt("--rollback-fill")};
  } else if (kind == "drop-column") {
    change = mg::drop_column{arg(0),       arg(1), arg(2), not_null, args.flag("--has-default"),
                             opt("--down")};
  } else if (kind == "rename-table") {
    change = mg::rename_table{arg(0), arg(1)};
  } else if (kind == "split-column") {
    change = mg::split_column{arg(0), arg(1), arg(2), arg(3), arg(4), not_null};
  } else if (kind == "add-index") {
    change = mg::add_index{arg(0), split_commas(pos[3]), opt("--name").value_or(""),
                           args.flag("--unique")};
  } else if (kind == "add-foreign-key") {
    change = mg::add_foreign_key{arg(0), split_commas(pos[3]), arg(2), split_commas(pos[5]),
                                 opt("--name").value_or("")};
  } else if (kind == "add-check") {
    change = mg::add_check{arg(0), arg(1), arg(2)};
  } else {
    change = mg::add_unique{arg(0), split_commas(pos[3]), opt("--name").value_or("")};
  }
  mg::make_plan_options options;
  if (auto v = args.option("--postgres")) {
    auto n = parse_count(*v);
    if (!n) return usage_error("--postgres must be a version number", "migrate");
    options.postgres_major = static_cast<int>(*n);
  }
  if (auto v = args.option("--batch-size")) {
    auto n = parse_count(*v);
    if (!n) return usage_error("--batch-size must be a positive integer", "migrate");
    options.batch_size = *n;
  }
  if (auto v = opt("--lock-timeout")) options.lock_timeout = *v;
  if (auto v = opt("--key")) options.key_column = *v;
  options.acknowledge_lossy_down = args.flag("--acknowledge-lossy-down");
  auto plan = mg::make_plan(change, options);
  if (!plan) return input_error(std::string(kind), plan.error());
  out(mg::render(*plan));
  return exit_ok;
}

}  // namespace relkit::cli
