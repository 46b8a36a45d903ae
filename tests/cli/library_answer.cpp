// Test helper for cli_test.sh: the library's own answer for a git log on stdin, written the
// way docs/commits.md and docs/changelog.md show the calls, so that the test can check that
// `relkit next-version` and `relkit changelog` print the same version and section.
// Usage: relkit_cli_library_answer CURRENT REPO_URL DATE < git-log-output
#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/semver.hpp>

#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  namespace cl = relkit::changelog;
  namespace cm = relkit::commits;
  const std::string log((std::istreambuf_iterator<char>(std::cin)),
                        std::istreambuf_iterator<char>());
  const auto current = relkit::semver::parse(argv[1], relkit::semver::npm_options);
  const auto history = cm::read_git_log(log);
  if (!current || !history) return 2;
  const auto next = cm::next_version(*current, *history, cm::presets::semantic_release());
  if (!next) return 2;
  const std::string version = relkit::semver::to_string(next->next_version);
  std::cout << version << '\n';

  cl::release release;
  release.version = version;
  release.tag = "v" + version;
  release.previous_tag = "v" + relkit::semver::to_string(*current);
  release.date = argv[3];
  const cl::preset style = cl::presets::conventionalcommits();
  const cm::parse_options options{style.grammar};
  for (const cm::log_entry& e : *history) {  // merges too: the style leaves out what it does
    const std::string_view text = cl::prepare_message(e.message, style);
    release.entries.push_back(cl::from_commit(e.sha, cm::parse(text, options).value(), text));
  }
  const auto repo = cl::parse_repository(argv[2]);
  if (!repo) return 2;
  std::cout << cl::render(release, style, *repo);
  return 0;
}
