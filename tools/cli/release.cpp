#include "release.hpp"

#include "io.hpp"

#include <utility>

namespace relkit::cli {

namespace cm = relkit::commits;
namespace sv = relkit::semver;

std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status) {
  const auto current_text = args.option("--current");
  if (!current_text) {
    status = usage_error("--current VERSION is required", command);
    return std::nullopt;
  }
  auto current = sv::parse(*current_text, sv::npm_options);
  if (!current) {
    status = input_error("--current", current.error());
    return std::nullopt;
  }
  release_decision r;
  r.current = std::move(*current);
  if (!read_stdin(log_text)) {
    status = usage_error("cannot read stdin", command);
    return std::nullopt;
  }
  auto entries = cm::read_git_log(log_text);
  if (!entries) {
    status = input_error("stdin (git log)", entries.error());
    return std::nullopt;
  }
  r.entries = std::move(*entries);
  auto decision = cm::next_version(r.current, r.entries, cm::presets::semantic_release(),
                                   args.option("--prerelease").value_or(std::string_view()));
  if (!decision) {
    status = input_error("next version", decision.error());
    return std::nullopt;
  }
  r.decision = std::move(*decision);
  return r;
}

}  // namespace relkit::cli
