// The relkit command's commands, one source file each: each takes the words after its
// name and returns the exit code (io.hpp: exit_ok, exit_no, exit_usage).
#pragma once

#include "args.hpp"

namespace relkit::cli {

int semver_command(const arguments& args);        // semver.cpp
int next_version_command(const arguments& args);  // next_version.cpp
int changelog_command(const arguments& args);     // changelog.cpp
int bucket_command(const arguments& args);        // bucket.cpp
int gate_command(const arguments& args);          // gate.cpp
int migrate_command(const arguments& args);       // migrate.cpp
int lint_command(const arguments& args);          // lint.cpp
int flags_command(const arguments& args);         // flags.cpp
int rollout_command(const arguments& args);       // rollout.cpp

}  // namespace relkit::cli
