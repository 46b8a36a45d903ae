// relkit: release decisions for shell pipelines. Reads arguments, stdin or files, writes
// stdout; errors go to stderr and name the input and the byte (or line) where they were
// found. Exit codes: 0 yes/ok, 1 no (not satisfied, no release due), 2 usage or input error.
//
// This file dispatches; args.hpp reads the arguments, io.hpp writes and reads, and each
// command is a source file of its own (commands.hpp).
#include "args.hpp"
#include "commands.hpp"
#include "io.hpp"

#include <relkit/config.hpp>

#include <string>
#include <string_view>

namespace {

using namespace relkit::cli;

constexpr std::string_view main_help =
    R"(Usage: relkit COMMAND [ARGS...]
       relkit help [COMMAND]
       relkit --version

Release decisions for shell pipelines (relkit, a header-only C++17 library).

Commands:
  semver compare A B          print -1, 0 or 1
  semver satisfies V RANGE    exit 0 if V is in the npm RANGE, 1 if not
  semver bump V TYPE          print the next version (TYPE: major, minor, patch,
                              premajor, preminor, prepatch, prerelease, release)
  semver sort                 sort the versions on stdin, one a line
  next-version                print the next version from the commits since the
                              last release tag (git; or --log FILE|- --current V)
  changelog --repo-url URL    print (or prepend) the release notes of those commits
  changelog --all ...         print the whole changelog, one section per release tag
  lint [--edit FILE]          check commit messages as commitlint (config-conventional)
  bucket --system S ...       print the bucket a flag system puts a user in
                              (also: flags bucket)
  flags eval|stale ...        evaluate an Unleash flag; report stale flags
  rollout COMMAND PLAN ...    drive a canary, blue-green or progressive rollout
                              one event per call; simulate its timeline
  gate SPEC --evidence FILE   print the gate's verdict; exit 0 if it promotes
  migrate plan CHANGE ...     print the expand-contract runbook of a schema change
  migrate lint FILE.sql...    check migration scripts as squawk; exit 1 on findings

Every command takes --help. Exit codes: 0 yes/ok, 1 no (not satisfied, no
release due), 2 usage or input error (the message on stderr names the input
and the position).
)";

struct command {
  std::string_view name;
  int (*run)(const arguments& args);
};

constexpr command commands[] = {
    {"semver", semver_command},       {"next-version", next_version_command},
    {"changelog", changelog_command}, {"bucket", bucket_command},
    {"gate", gate_command},           {"migrate", migrate_command},
    {"lint", lint_command},           {"flags", flags_command},
    {"rollout", rollout_command},
};

const command* find_command(std::string_view name) {
  for (const command& c : commands)
    if (c.name == name) return &c;
  return nullptr;
}

int unknown_command(std::string_view name) {
  return usage_error("unknown command '" + std::string(name) + "'", "");
}

// `relkit help [COMMAND]`: the overview, or the command's own --help.
int help_command(const arguments& args) {
  if (args.empty() || (args.size() == 1 && is_help(args[0]))) {
    out(main_help);
    return exit_ok;
  }
  if (args.size() > 1) return usage_error("help takes at most one COMMAND", "");
  const command* c = find_command(args[0]);
  if (c == nullptr) return unknown_command(args[0]);
  return c->run(arguments{"--help"});
}

int version_command(const arguments& args) {
  if (!args.empty()) return usage_error("--version takes no arguments", "");
  out("relkit " + std::to_string(RELKIT_VERSION_MAJOR) + "." +
      std::to_string(RELKIT_VERSION_MINOR) + "." + std::to_string(RELKIT_VERSION_PATCH) + "\n");
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    err(main_help);
    return exit_usage;
  }
  const std::string_view name = argv[1];
  const arguments args(argv + 2, argv + argc);
  if (is_help(name)) return help_command({});
  if (name == "help") return help_command(args);
  if (name == "--version") return version_command(args);
  const command* c = find_command(name);
  if (c == nullptr) return unknown_command(name);
  return c->run(args);
}
