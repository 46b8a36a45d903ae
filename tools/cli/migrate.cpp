// relkit migrate plan: the expand-contract runbook of one schema change.
// relkit migrate lint: squawk's checks of hand-written migration scripts.
#include "commands.hpp"
#include "io.hpp"
#include "json.hpp"

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

See also: relkit migrate lint --help
)";

constexpr std::string_view migration_lint_help =
    R"(Usage: relkit migrate lint FILE.sql... [OPTIONS]

Checks hand-written PostgreSQL migration scripts with squawk's and
strong_migrations' rules, one finding a line:

  FILE:LINE:COLUMN: RULE: what goes wrong; help: the safe alternative

LINE:COLUMN is where the statement starts. A comment
"-- relkit:allow RULE [RULE...]" before a statement, or after it on its last
line, silences those rules for that statement. "-" reads standard input.

Options:
  --postgres N                    target PostgreSQL major version (default 15)
  --non-volatile-functions F,...  functions a DEFAULT may call without a table
                                  rewrite, besides PostgreSQL's IMMUTABLE and
                                  STABLE ones and those the script declares so
  --exclude RULE,...              rules not to report
  --max-findings N                findings kept per file (default 10000), then
                                  too-many-findings
  --json                          one JSON object instead of the text (below)

--json prints one object on one line:
  {"findings":1,"files":[{"file":"a.sql","findings":[{"rule":"ban-drop-column",
  "line":3,"column":1,"position":40,"statement":1,"message":"...","help":"..."}]}]}

Exit codes: 0 no findings, 1 findings, 2 usage error or a file that cannot be
read (the others are still checked).

Example:
  relkit migrate lint migrations/*.sql
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

// Line and column of ascending positions in one text, each found from the previous one.
class locator {
 public:
  explicit locator(std::string_view text) : text_(text) {}
  relkit::text_location at(std::size_t position) {
    if (position < base_) {
      base_ = 0;
      base_at_ = relkit::text_location{};
    }
    const relkit::text_location step =
        relkit::locate(text_.substr(base_ < text_.size() ? base_ : text_.size()), position - base_);
    relkit::text_location result = step;
    if (step.line == 1) {
      result.line = base_at_.line;
      result.column = base_at_.column + step.column - 1;
    } else {
      result.line = base_at_.line + step.line - 1;
    }
    base_ = position;
    base_at_ = result;
    return result;
  }

 private:
  std::string_view text_;
  std::size_t base_ = 0;
  relkit::text_location base_at_;
};

// Reads the count option `name` into `value` when it is given: nothing on success or
// absence, the exit status of a usage error naming `expected` otherwise.
template <class Count>
std::optional<int> count_option(const parsed_args& args, std::string_view name,
                                std::string_view expected, std::string_view command, Count& value) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  const auto n = parse_count(*text);
  if (!n) return usage_error(std::string(name) + " must be " + std::string(expected), command);
  value = static_cast<Count>(*n);
  return std::nullopt;
}

int migrate_lint(const arguments& words) {
  const parsed_args args = parse_args(
      words, 1, {"--postgres", "--non-volatile-functions", "--exclude", "--max-findings"},
      {"--json"});
  if (args.help) {
    out(migration_lint_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "migrate lint");
  if (args.positional.empty()) return usage_error("migrate lint needs FILE.sql", "migrate lint");
  mg::lint_options options;
  if (const auto bad = count_option(args, "--postgres", "a version number", "migrate lint",
                                    options.postgres_major)) {
    return *bad;
  }
  if (const auto bad =
          count_option(args, "--max-findings", "a count", "migrate lint", options.max_findings)) {
    return *bad;
  }
  if (auto v = args.option("--non-volatile-functions")) {
    options.non_volatile_functions = split_commas(*v);
  }
  std::vector<std::string> excluded;
  if (auto v = args.option("--exclude")) {
    const auto known = mg::lint_rule_names();
    for (auto& rule : split_commas(*v)) {
      bool found = false;
      for (auto k : known) found = found || k == rule;
      if (!found) return usage_error("--exclude: unknown rule '" + rule + "'", "migrate lint");
      excluded.push_back(std::move(rule));
    }
  }
  const bool as_json = args.flag("--json");
  int status = exit_ok;
  std::size_t total = 0;
  std::string text_out;
  std::string json_files;
  for (const std::string_view file : args.positional) {
    std::string text;
    const int failed = file == "-" ? read_stdin(text) : read_file(std::string(file), text);
    if (failed != 0) {
      io_error("read", file, failed);
      status = exit_usage;
      continue;
    }
    const auto findings = mg::lint(text, options);
    locator where(text);
    json::append_separator(json_files);
    json_files += "{\"file\":";
    json::append_string(json_files, file);
    json_files += ",\"findings\":[";
    for (const auto& f : findings) {
      bool skip = false;
      for (const auto& e : excluded) skip = skip || e == f.rule;
      if (skip) continue;
      ++total;
      const relkit::text_location at = where.at(f.position);
      if (as_json) {
        json::append_separator(json_files);
        json_files += "{\"rule\":";
        json::append_string(json_files, f.rule);
        json_files += ",\"line\":" + std::to_string(at.line) +
                      ",\"column\":" + std::to_string(at.column) +
                      ",\"position\":" + std::to_string(f.position) +
                      ",\"statement\":" + std::to_string(f.statement) + ",\"message\":";
        json::append_string(json_files, f.why);
        json_files += ",\"help\":";
        json::append_string(json_files, f.safe_alternative);
        json_files += "}";
      } else {
        text_out += std::string(file) + ":" + std::to_string(at.line) + ":" +
                    std::to_string(at.column) + ": " + f.rule + ": " + f.why +
                    "; help: " + f.safe_alternative + "\n";
      }
    }
    json_files += "]}";
  }
  if (as_json) {
    out("{\"findings\":" + std::to_string(total) + ",\"files\":[" + json_files + "]}\n");
  } else {
    out(text_out);
  }
  if (status == exit_ok && total > 0) status = exit_no;
  return status;
}

}  // namespace

int migrate_command(const arguments& words) {
  if (!words.empty() && words[0] == "lint") return migrate_lint(words);
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
  if (args.positional.empty()) return usage_error("migrate needs a command: plan, lint", "migrate");
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
  if (const auto bad =
          count_option(args, "--postgres", "a version number", "migrate", options.postgres_major)) {
    return *bad;
  }
  if (const auto bad =
          count_option(args, "--batch-size", "a positive integer", "migrate", options.batch_size)) {
    return *bad;
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
