#include "release.hpp"

#include "git.hpp"
#include "io.hpp"

#include <relkit/detail/ascii.hpp>

#include <cstddef>
#include <utility>

namespace relkit::cli {

namespace cm = relkit::commits;
namespace sv = relkit::semver;

namespace {

struct commit_rules {
  std::string_view name;
  cm::policy (*make)();
};

// --preset's names: the ones users of each tool know (preset_help says what each does).
constexpr commit_rules commit_rules_table[] = {
    {"conventionalcommits", &cm::presets::semantic_release},
    {"angular", &cm::presets::semantic_release_angular},
    {"semantic-release", &cm::presets::semantic_release_angular},
    {"conventional-changelog", +[] { return cm::presets::conventionalcommits_what_bump(); }},
    {"release-please", &cm::presets::release_please},
    {"git-cliff", &cm::presets::git_cliff},
    {"cocogitto", &cm::presets::cocogitto},
    {"spec", &cm::presets::conventional_commits},
};

// "1.2" -> "1.2.0", "v1" -> "1.0.0", "1.2-rc.1" -> "1.2.0-rc.1": the version `text` means
// when it lacks a patch (and minor) number; empty when that is not what is wrong.
std::string completed(std::string_view text, std::size_t& numbers) {
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == 'v') rest.remove_prefix(1);
  std::string out;
  numbers = 0;
  for (;;) {
    std::size_t digits = 0;
    while (digits < rest.size() && relkit::detail::is_digit(rest[digits])) ++digits;
    if (digits == 0) return std::string();
    out.append(rest.substr(0, digits));
    rest.remove_prefix(digits);
    ++numbers;
    if (rest.empty() || rest[0] != '.' || numbers == 3) break;
    out += '.';
    rest.remove_prefix(1);
  }
  if (numbers == 3 || (!rest.empty() && rest[0] != '-' && rest[0] != '+')) return std::string();
  for (std::size_t n = numbers; n < 3; ++n) out += ".0";
  out.append(rest);
  if (!sv::parse(out, sv::npm_options)) return std::string();
  return out;
}

// Where a version starts in a tag name such as "pkg@1.2.3" or "release-v1.2.3": the
// first digit after a prefix from which the rest is a version; npos if none.
std::size_t version_in_tag(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!relkit::detail::is_digit(text[i])) continue;
    if (relkit::detail::is_digit(text[i - 1]) || text[i - 1] == '.') continue;
    if (sv::parse(text.substr(i), sv::npm_options)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<cm::tag_format> tag_format_of(const parsed_args& args, std::string_view command,
                                            int& status) {
  const auto format = args.option("--tag-format");
  const auto prefix = args.option("--tag-prefix");
  if (format && prefix) {
    status =
        usage_error("--tag-prefix P is the tag format P${version}: give one of the two", command);
    return std::nullopt;
  }
  if (!format && !prefix) return cm::tag_format{};
  auto parsed = format ? cm::parse_tag_format(*format)
                       : cm::parse_tag_format(std::string(*prefix) + "${version}");
  if (!parsed) {
    status = input_error(format ? "--tag-format" : "--tag-prefix", parsed.error());
    return std::nullopt;
  }
  return std::move(*parsed);
}

std::optional<sv::version> parse_current(std::string_view text, int& status) {
  auto current = sv::parse(text, sv::npm_options);
  if (current) return std::move(*current);
  std::size_t numbers = 0;
  const std::string meant = completed(text, numbers);
  if (!meant.empty()) {
    err("relkit: --current: '" + std::string(text) + "' lacks " +
        (numbers == 1 ? "a minor and a patch number" : "a patch number") + "; write " + meant +
        "\n");
    status = exit_usage;
    return std::nullopt;
  }
  const std::size_t at = version_in_tag(text);
  if (at != std::string_view::npos) {
    std::string_view prefix = text.substr(0, at);
    err("relkit: --current: '" + std::string(text) + "' is a tag name, not a version; write " +
        std::string(text.substr(at)) + " (tags named like it: --tag-format '" +
        std::string(prefix) + "${version}')\n");
    status = exit_usage;
    return std::nullopt;
  }
  status = input_error("--current", current.error());
  return std::nullopt;
}

std::optional<std::vector<cm::log_entry>> read_log(std::string_view name, std::string_view text,
                                                   location_style style, int& status) {
  // git writes "\n" after each record's 0x1e; "\r\n" there means something converted the
  // line ends (PowerShell's pipe, a CRLF checkout of a saved log), messages included.
  const std::size_t crlf = text.find("\x1e\r\n");
  if (crlf != std::string_view::npos) {
    err("relkit: " + location(name, text, crlf + 1, style) +
        ": the line ends are CRLF (\\r\\n) where git writes \\n\n");
    err(git_log_format_hint);
    status = exit_usage;
    return std::nullopt;
  }
  auto entries = cm::read_git_log(text);
  if (!entries) {
    status = located_error(name, text, entries.error(), style);
    err(git_log_format_hint);
    return std::nullopt;
  }
  return std::move(*entries);
}

std::optional<cm::policy> commit_rules_named(std::string_view name) {
  for (const commit_rules& rules : commit_rules_table) {
    if (rules.name == name) return rules.make();
  }
  return std::nullopt;
}

std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status,
                                               bool topo_order) {
  release_decision r;
  r.preset = std::string(args.option("--preset").value_or("conventionalcommits"));
  auto policy = commit_rules_named(r.preset);
  if (!policy) {
    status = usage_error("unknown --preset '" + r.preset +
                             "' (conventionalcommits, angular, semantic-release, "
                             "conventional-changelog, release-please, git-cliff, cocogitto, spec)",
                         command);
    return std::nullopt;
  }
  r.policy = std::move(*policy);
  auto format = tag_format_of(args, command, status);
  if (!format) return std::nullopt;
  r.format = std::move(*format);
  std::optional<sv::version> release_as;
  if (const auto text = args.option("--release-as")) {
    auto version = sv::parse(*text, sv::npm_options);
    if (!version) {
      status = input_error("--release-as", version.error());
      return std::nullopt;
    }
    release_as = std::move(*version);
  }
  const std::string_view channel = args.option("--prerelease").value_or(std::string_view());
  if (const auto current_text = args.option("--current")) {
    auto current = parse_current(*current_text, status);
    if (!current) return std::nullopt;
    r.current = std::move(*current);
    r.current_tag = cm::make_tag(r.format, *r.current);
  }

  std::string log_name;
  location_style style = location_style::stream;
  if (const auto log_file = args.option("--log")) {
    for (const std::string_view git_only : {"--repo", "--from", "--to"}) {
      if (args.option(git_only)) {
        status = usage_error(
            std::string(git_only) + " reads the repository: it cannot be used with --log", command);
        return std::nullopt;
      }
    }
    if (!r.current) {
      status = usage_error("--current VERSION is required with --log", command);
      return std::nullopt;
    }
    if (*log_file == "-") {
      log_name = "stdin (git log)";
      if (const int e = read_stdin(log_text); e != 0) {
        status = io_error("read", "stdin", e);
        return std::nullopt;
      }
    } else {
      log_name = std::string(*log_file);
      style = location_style::file;
      if (const int e = read_file(log_name, log_text); e != 0) {
        status = io_error("read", log_name, e);
        return std::nullopt;
      }
    }
  } else {
    git::range_options options;
    options.repo = std::string(args.option("--repo").value_or(std::string_view()));
    options.format = r.format;
    options.from = std::string(args.option("--from").value_or(std::string_view()));
    options.to = std::string(args.option("--to").value_or("HEAD"));
    options.channel = std::string(channel);
    options.topo_order = topo_order;
    git::range range;
    std::string error;
    if (!git::read_range(options, range, error)) {
      err("relkit: " + error + "\n");
      status = exit_usage;
      return std::nullopt;
    }
    if (!r.current && range.last_version) {
      r.current = std::move(range.last_version);
      r.current_tag = range.last_tag;
    }
    log_text = std::move(range.log);
    log_name = "git log";
  }

  auto entries = read_log(log_name, log_text, style, status);
  if (!entries) {
    return std::nullopt;
  }
  r.entries = std::move(*entries);
  if (!r.current) {
    // No release yet: the preset's first release (semantic-release's 1.0.0, 1.0.0-ID.1 on
    // a prerelease channel) whatever the bump, when the commits call for one.
    r.decision = cm::first_release(r.entries, r.policy, channel);
  } else {
    auto decision = cm::next_version(*r.current, r.entries, r.policy, channel);
    if (!decision) {
      status = input_error("next version", decision.error());
      return std::nullopt;
    }
    r.decision = std::move(*decision);
  }
  if (release_as) {
    if (r.current && sv::compare(*release_as, *r.current) <= 0) {
      status = usage_error("--release-as " + sv::to_string(*release_as) +
                               " is not above the last release " + sv::to_string(*r.current) +
                               " (" + r.current_tag + ")",
                           command);
      return std::nullopt;
    }
    r.manual = true;
    r.decision.next_version = std::move(*release_as);
    r.decision.reason = "manual: --release-as " + sv::to_string(r.decision.next_version) +
                        " (the commits: " + r.decision.reason + ")";
  }
  return r;
}

}  // namespace relkit::cli
