#include "args.hpp"

#include "io.hpp"

#include <relkit/detail/ascii.hpp>
#include <relkit/detail/civil_time.hpp>
#include <relkit/detail/decimal.hpp>

#include <cmath>

namespace relkit::cli {

bool is_help(std::string_view word) {
  return word == "--help" || word == "-h";
}

std::optional<std::string_view> parsed_args::option(std::string_view name) const {
  for (const auto& o : options)
    if (o.first == name) return o.second;
  return std::nullopt;
}

bool parsed_args::flag(std::string_view name) const {
  for (const auto f : flags)
    if (f == name) return true;
  return false;
}

namespace {

bool listed(std::initializer_list<std::string_view> names, std::string_view name) {
  for (const auto n : names)
    if (n == name) return true;
  return false;
}

}  // namespace

parsed_args parse_args(const arguments& words, std::size_t first,
                       std::initializer_list<std::string_view> value_options,
                       std::initializer_list<std::string_view> flag_options,
                       repeatable repeatable_options) {
  parsed_args r;
  auto fail = [&r](std::string problem) {
    if (r.problem.empty()) r.problem = std::move(problem);
  };
  bool only_positional = false;
  for (std::size_t i = first; i < words.size(); ++i) {
    const std::string_view a = words[i];
    if (only_positional || a.size() < 2 || a[0] != '-' || relkit::detail::is_digit(a[1])) {
      r.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    if (is_help(a)) {
      r.help = true;
      continue;
    }
    const std::size_t eq = a.find('=');
    const std::string_view name = a.substr(0, eq);
    const bool given = r.option(name).has_value() || r.flag(name);
    const bool again = listed(repeatable_options.names, name);
    if (again || listed(value_options, name)) {
      std::string_view value;
      if (eq != std::string_view::npos) {
        value = a.substr(eq + 1);
      } else if (i + 1 < words.size()) {
        value = words[++i];
      } else {
        fail("option " + std::string(name) + " needs a value");
        continue;
      }
      if (given && !again) {
        fail("option " + std::string(name) + " given twice");
        continue;
      }
      r.options.emplace_back(name, value);
    } else if (listed(flag_options, name)) {
      if (eq != std::string_view::npos) {
        fail("option " + std::string(name) + " takes no value");
      } else if (given) {
        fail("option " + std::string(name) + " given twice");
      } else {
        r.flags.push_back(name);
      }
    } else {
      fail("unknown option " + std::string(name));
    }
  }
  return r;
}

bool unexpected_argument(const parsed_args& args, std::string_view command, std::size_t allowed,
                         std::string_view note) {
  if (args.positional.size() <= allowed) return false;
  usage_error(
      "unexpected argument '" + std::string(args.positional[allowed]) + "'" + std::string(note),
      command);
  return true;
}

std::optional<int> settle_args(const parsed_args& args, std::string_view help,
                               std::string_view command, std::size_t allowed) {
  if (args.help) {
    out(help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, command);
  if (unexpected_argument(args, command, allowed)) return exit_usage;
  return std::nullopt;
}

std::optional<relkit::time_point> parse_time(std::string_view text, std::string& problem) {
  const auto parsed = relkit::detail::parse_timestamp(text);
  if (parsed.status == relkit::detail::timestamp_status::ok && parsed.end == text.size()) {
    return relkit::time_point(relkit::time_point::duration(parsed.ms));
  }
  problem = parsed.status == relkit::detail::timestamp_status::bad_date
                ? "'" + std::string(text) + "' is not a date in the calendar"
                : "expected a time YYYY-MM-DDTHH:MM:SSZ, got '" + std::string(text) + "'";
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  const auto parsed = relkit::detail::parse_decimal(text, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != text.size() ||
      !std::isfinite(parsed.value)) {
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<std::uint32_t> parse_count(std::string_view text) {
  if (text.size() > 9) return std::nullopt;
  const auto n = relkit::detail::parse_uint(text);
  if (!n) return std::nullopt;
  return static_cast<std::uint32_t>(*n);
}

}  // namespace relkit::cli
