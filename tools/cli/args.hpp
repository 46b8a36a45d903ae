// The relkit command's arguments: options (`--name VALUE`, `--name=VALUE`), flags
// (`--name`), positional words, and the help request, read the same way by every command.
#pragma once

#include <relkit/time.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

// The words after `relkit COMMAND`, as the shell passed them.
using arguments = std::vector<std::string_view>;

// `--help` or `-h`.
bool is_help(std::string_view word);

struct parsed_args {
  std::vector<std::string_view> positional;
  std::vector<std::pair<std::string_view, std::string_view>> options;  // name, value
  std::vector<std::string_view> flags;
  bool help = false;    // --help or -h anywhere (it wins over any problem)
  std::string problem;  // the first usage error ("unknown option --x"), empty if none

  std::optional<std::string_view> option(std::string_view name) const;
  bool flag(std::string_view name) const;
};

// An option that may be given more than once (`--junit a.xml --junit b.xml`); its
// values are in parsed_args::options in the order given.
struct repeatable {
  std::initializer_list<std::string_view> names;
};

// Reads words[first...]. A word is positional when it does not start with '-', is "-"
// alone, is a negative number ("-5"), or follows "--". An option's value is the next word
// whatever it is (`--id -3Wy3`), or what follows '=' (`--preid=rc`). Problems: an unknown
// option, an option without its value, a flag given a value, and any option or flag given
// twice (but a repeatable option), each naming the option.
parsed_args parse_args(const arguments& words, std::size_t first,
                       std::initializer_list<std::string_view> value_options,
                       std::initializer_list<std::string_view> flag_options,
                       repeatable repeatable_options = {});

// The common start of a command: --help prints `help` (exit_ok); a usage problem of
// parse_args, or more than `allowed` positional words (unexpected_argument), is a usage
// error for `command` (exit_usage). nullopt: the command goes on.
std::optional<int> settle_args(const parsed_args& args, std::string_view help,
                               std::string_view command, std::size_t allowed = 0);

// The usage error for positional words a command does not take: when `args` has more than
// `allowed` of them, prints "unexpected argument 'W'" (W the first one too many, then
// `note`) for `command` (io.hpp: usage_error) and returns true.
bool unexpected_argument(const parsed_args& args, std::string_view command, std::size_t allowed = 0,
                         std::string_view note = {});

// An RFC 3339 instant ("2026-11-23T12:00:00Z", "...T13:00:00.5+01:00") by relkit's one
// calendar (2026-02-31 is refused); nullopt with `problem` saying why ("'x' is not a
// date in the calendar", "expected a time YYYY-MM-DDTHH:MM:SSZ, got 'x'").
std::optional<relkit::time_point> parse_time(std::string_view text, std::string& problem);

// A finite decimal number as JavaScript reads one ("0.5", "-2", "1e3", ".5"), correctly
// rounded and the same in every locale; no spaces, hexadecimal, "nan" or "inf".
std::optional<double> parse_number(std::string_view text);

// A count of at most 9 decimal digits ("0" included); nullopt otherwise.
std::optional<std::uint32_t> parse_count(std::string_view text);

}  // namespace relkit::cli
