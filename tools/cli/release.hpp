// What `relkit next-version` and `relkit changelog` share: the git log they read and the
// release they decide from it.
#pragma once

#include "args.hpp"

#include <relkit/commits.hpp>
#include <relkit/semver.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli {

// The input format, for both commands' --help.
inline constexpr std::string_view git_log_format_help =
    R"(Commits are read from stdin in the output format of

  git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD

newest first: one record per commit, ended by the byte 0x1e (git adds a newline
after it); fields separated by 0x1f: the full sha, the parent shas separated by
spaces, the raw message (%B). Merge commits (two parents) are read too.
)";

struct release_decision {
  std::vector<relkit::commits::log_entry> entries;  // view into the log text
  relkit::semver::version current;
  relkit::commits::decision decision;
};

// The next version after --current for the git log on stdin (read into `log_text`, which
// the caller keeps alive: the entries and the decision view into it), with --prerelease;
// nullopt after writing the error, with the exit code in `status`.
std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status);

}  // namespace relkit::cli
