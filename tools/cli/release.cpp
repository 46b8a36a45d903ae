#include "release.hpp"

#include "git.hpp"
#include "io.hpp"

#include <utility>

namespace relkit::cli {

namespace cm = relkit::commits;
namespace sv = relkit::semver;

namespace {

// --tag-format, or changelog's --tag-prefix P (the format P${version}).
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

}  // namespace

std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status) {
  release_decision r;
  auto format = tag_format_of(args, command, status);
  if (!format) return std::nullopt;
  r.format = std::move(*format);
  const std::string_view channel = args.option("--prerelease").value_or(std::string_view());
  if (const auto current_text = args.option("--current")) {
    auto current = sv::parse(*current_text, sv::npm_options);
    if (!current) {
      status = input_error("--current", current.error());
      return std::nullopt;
    }
    r.current = std::move(*current);
    r.current_tag = cm::make_tag(r.format, *r.current);
  }

  std::string log_name;
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
      if (!read_stdin(log_text)) {
        status = usage_error("cannot read stdin", command);
        return std::nullopt;
      }
    } else {
      log_name = std::string(*log_file) + " (git log)";
      if (!read_file(std::string(*log_file), log_text)) {
        status = usage_error("cannot read " + std::string(*log_file), command);
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

  auto entries = cm::read_git_log(log_text);
  if (!entries) {
    status = input_error(log_name, entries.error());
    return std::nullopt;
  }
  r.entries = std::move(*entries);
  const cm::policy policy = cm::presets::semantic_release();
  if (!r.current) {
    // No release yet: semantic-release's first release is 1.0.0 (1.0.0-ID.1 on a
    // prerelease channel) whatever the bump, when the commits call for one.
    r.decision = cm::decide(r.entries, policy);
    if (r.decision.level != cm::bump::none) {
      r.decision.next_version = sv::version(1, 0, 0);
      if (!channel.empty()) r.decision.next_version.prerelease = std::string(channel) + ".1";
      r.decision.reason += " (first release: 1.0.0)";
    }
    return r;
  }
  auto decision = cm::next_version(*r.current, r.entries, policy, channel);
  if (!decision) {
    status = input_error("next version", decision.error());
    return std::nullopt;
  }
  r.decision = std::move(*decision);
  return r;
}

}  // namespace relkit::cli
