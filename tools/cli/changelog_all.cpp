#include "changelog_all.hpp"

#include "git.hpp"
#include "history.hpp"
#include "io.hpp"
#include "release.hpp"

#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/semver.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;

// The entries of a release's commits (newest first), each read as the style's tool reads
// it (cl::prepare_message, the style's grammar); merge commits included (git-cliff and
// release-notes-generator list a conventional merge; a "Merge branch" title is no
// conventional commit and the styles that skip those skip it).
std::vector<cl::entry> entries_of(const std::vector<history::commit>& commits,
                                  const std::vector<std::size_t>& indices,
                                  const cl::preset& style) {
  const cm::parse_options opts{style.grammar};
  std::vector<cl::entry> entries;
  entries.reserve(indices.size());
  for (const std::size_t i : indices) {
    const std::string_view message = cl::prepare_message(commits[i].message, style);
    auto parsed = cm::parse(message, opts);
    if (!parsed) continue;  // an empty message: nothing to list
    entries.push_back(cl::from_commit(commits[i].sha, *parsed, message));
  }
  return entries;
}

// True when the release renders to its heading alone: nothing of it is listed.
bool renders_empty(const cl::release& r, const cl::preset& style, const cl::repository& repo) {
  cl::release heading_only;
  heading_only.version = r.version;
  heading_only.tag = r.tag;
  heading_only.previous_tag = r.previous_tag;
  heading_only.date = r.date;
  heading_only.unreleased = r.unreleased;
  return cl::render(r, style, repo) == cl::render(heading_only, style, repo);
}

}  // namespace

int changelog_all(const parsed_args& args, const cl::preset& style, const cl::repository& repo) {
  for (const std::string_view single : {"--log", "--from", "--current", "--prerelease", "--date",
                                        "--prepend", "--release-as", "--preset", "--json"}) {
    if (args.option(single) || args.flag(single)) {
      return usage_error(std::string(single) +
                             " is for one release: --all writes every release of the "
                             "repository, each dated by its tag",
                         "changelog");
    }
  }
  int status = exit_ok;
  auto format = tag_format_of(args, "changelog", status);
  if (!format) return status;
  const std::string repo_dir(args.option("--repo").value_or(std::string_view()));
  const std::string to(args.option("--to").value_or("HEAD"));

  std::string sha;
  std::string error;
  std::string text;
  // A clear message for a missing ref (or a directory that is no repository) first.
  if (!git::resolve(repo_dir, to, sha, error) || !git::history(repo_dir, to, text, error)) {
    err("relkit: " + error + "\n");
    return exit_usage;
  }
  std::vector<history::commit> commits;
  if (!history::read(text, commits, error)) {
    err("relkit: " + error + "\n");
    return exit_usage;
  }
  const bool cliff = style.kind == cl::layout::git_cliff;
  // git-cliff leaves out the commits .git-blame-ignore-revs names (two more git
  // processes, only with the git-cliff styles and such a file).
  std::vector<bool> left_out;
  if (cliff) {
    constexpr const char* ignore_file = ".git-blame-ignore-revs";
    std::string file;
    bool found = false;
    if (!git::file_at(repo_dir, to, ignore_file, file, found, error)) {
      err("relkit: " + error + "\n");
      return exit_usage;
    }
    const std::vector<std::string_view> revs = history::blame_ignore_revs(file);
    if (!revs.empty()) {
      std::vector<std::string> only_file;
      if (!git::commits_changing_only(repo_dir, to, ignore_file, only_file, error)) {
        err("relkit: " + error + "\n");
        return exit_usage;
      }
      left_out = history::left_out_commits(commits, revs, only_file);
    }
  }
  const history::graph graph = history::link(commits);
  const std::vector<history::release> cut =
      history::split(commits, graph, history::topological_order(graph), *format, left_out);

  const bool with_unreleased = !args.flag("--no-unreleased");
  std::vector<cl::release> releases;
  releases.reserve(cut.size());
  for (std::size_t k = 0; k < cut.size(); ++k) {
    const history::release& from = cut[k];
    cl::release r;
    // The release before this one in the history, listed or not: its compare base.
    const history::release* previous = nullptr;
    for (std::size_t j = k + 1; j < cut.size() && previous == nullptr; ++j) {
      if (!cut[j].tag.empty()) previous = &cut[j];
    }
    if (previous != nullptr) r.previous_tag = std::string(previous->tag);
    if (from.tag.empty()) {
      if (!with_unreleased) continue;
      r.unreleased = true;
      r.version = "Unreleased";  // the conventional-changelog headings show the version
      r.tag = to;
    } else {
      r.version = relkit::semver::to_string(from.version);
      r.tag = std::string(from.tag);
      r.date = history::utc_date(from.time);
    }
    r.entries = entries_of(commits, from.commits, style);
    // git-cliff leaves out a release with nothing to list, except the oldest under its
    // default configuration (render_always = true: the keepachangelog one, the style
    // with footer links, has it false); an empty Unreleased section is left out in
    // every style.
    const bool oldest = k + 1 == cut.size() && !r.unreleased;
    const bool render_always = cliff && !style.git_cliff_links && oldest;
    if ((cliff || r.unreleased) && !render_always && renders_empty(r, style, repo)) continue;
    releases.push_back(std::move(r));
  }
  out(cl::render(releases, style, repo));
  return exit_ok;
}

}  // namespace relkit::cli
