// Release notes from real commits (semantic-release v25.0.0, git log order):
// parse each message, render the release in the conventionalcommits style, then
// prepend it into an existing CHANGELOG.md without touching its other bytes.
#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>

#include <iostream>
#include <string>
#include <vector>

int main() {
  namespace cl = relkit::changelog;
  namespace cm = relkit::commits;

  struct raw_commit {
    const char* hash;
    const char* message;
  };
  const std::vector<raw_commit> log = {
      {"bcbf055e8b68f3b32118c1627e391eddce8c9a6c",
       "Merge pull request #3902 from semantic-release/beta\n\n"},
      {"d9def723917b05f1e96b91b597d5a2a3bd700444",
       "fix(deps): update to the stable version of the release-notes-generator plugin\n"},
      {"116a1880771f8367ce7e245f8541aa10f247bd7f",
       "feat(node-versions): raise the minimum node version for the v24 range\n\n"
       "since v24 has not yet reached LTS status\n\n"
       "BREAKING CHANGE: the minimum node version for the v24 range is now v24.10.0\n"},
      {"0c34a932d9b0695e3eb46e9c50a42a91a4ddeae4",
       "test(verdaccio): update to the current major of verdaccio\n"},
      {"cde9a720d6a005af3ce31670f950adb01f530db9",
       "fix(deps): update dependency yargs to v18 (#3745)\n\n"
       "Co-authored-by: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"},
      {"56d16f428420860cbcc0da67e5b5f370f7c23565",
       "feat(node-versions): drop support for node versions v20, v21, and v23\n\n"
       "BREAKING CHANGE: a minimum of node v22.14 is now required\n"},
  };

  cl::release release;
  release.version = "25.0.0";
  release.tag = "v25.0.0";
  release.previous_tag = "v24.2.9";
  release.date = "2025-10-15";
  cm::parse_options opts;
  opts.grammar = cm::dialect::conventional_changelog;
  for (const raw_commit& c : log) {
    auto parsed = cm::parse(c.message, opts);
    if (!parsed) {
      std::cout << relkit::to_string(parsed.error()) << '\n';
      return 1;
    }
    release.entries.push_back(cl::from_commit(c.hash, *parsed, c.message));
  }

  auto repo = cl::parse_repository("https://github.com/semantic-release/semantic-release.git");
  if (!repo) return 1;
  const std::string section = cl::render(release, cl::presets::conventionalcommits(), *repo);
  std::cout << "--- conventionalcommits\n" << section;
  std::cout << "--- Keep a Changelog\n"
            << cl::render(release, cl::presets::keep_a_changelog(), *repo);

  const std::string existing =
      "# Changelog\n\n"
      "## [24.2.9](https://github.com/semantic-release/semantic-release/compare/"
      "v24.2.8...v24.2.9) (2025-09-25)\n\n"
      "### Bug Fixes\n\n* …\n";
  auto updated = cl::prepend(existing, section, release.version);
  std::cout << "--- prepend into CHANGELOG.md\n" << (updated ? *updated : "error\n");
  auto again = cl::prepend(*updated, section, release.version);
  std::cout << "--- prepend again\n" << relkit::to_string(again.error()) << '\n';
  return 0;
}
