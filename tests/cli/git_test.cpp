// tools/cli/git.hpp on real git repositories built in temporary directories: tags in
// several formats, tags that do not parse, prereleases, merges, unmerged branches, no tag
// at all, and the errors (no repository, no commit, unknown refs, no git binary); and
// tools/cli/history.hpp, the whole history cut into releases as git-cliff cuts it.
#include "../../tools/cli/git.hpp"
#include "../../tools/cli/history.hpp"

#include <relkit/commits.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace {

namespace git = relkit::cli::git;
namespace rc = relkit::commits;
namespace sv = relkit::semver;

// Runs a shell command (test set-up only; the code under test uses no shell) and returns
// its stdout without the last newline; fails the test when it exits non-zero.
std::string sh(const std::string& command) {
  std::string out;
  std::FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) {
    ADD_FAILURE() << "popen " << command;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
  const int status = ::pclose(p);
  EXPECT_EQ(status, 0) << command;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class GitTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The user's git configuration must not change what the repositories hold.
    ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    ::setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    ::unsetenv("GIT_DIR");
    ::unsetenv("GIT_WORK_TREE");
  }

  void SetUp() override {
    char pattern[] = "/tmp/relkit-git-test-XXXXXX";
    const char* made = ::mkdtemp(pattern);
    ASSERT_NE(made, nullptr);
    root_ = made;
    dir_ = root_ + "/repo";
  }
  void TearDown() override { sh("rm -rf '" + root_ + "'"); }

  void init() { sh("git init -q -b main '" + dir_ + "'"); }

  // A commit with `message` at second `second` of 2026-01-01 UTC (deterministic shas).
  void commit(const std::string& message) {
    ++clock_;
    const std::string file = root_ + "/message";
    std::ofstream(file, std::ios::binary) << message;
    const std::string date = "2026-01-01T00:00:" + std::string(clock_ < 10 ? "0" : "") +
                             std::to_string(clock_) + "+00:00";
    sh("cd '" + dir_ + "' && GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date +
       " git -c user.name=t -c user.email=t@t commit -q --allow-empty --cleanup=verbatim -F '" +
       file + "'");
  }
  void in_repo(const std::string& command) { sh("cd '" + dir_ + "' && " + command); }
  std::string sha(const std::string& ref) {
    return sh("cd '" + dir_ + "' && git rev-parse '" + ref + "^{commit}'");
  }

  // The messages of a log, newest first, with their parent counts ("2:Merge ...").
  static std::vector<std::string> messages(const std::string& log) {
    std::vector<std::string> out;
    const auto entries = rc::read_git_log(log);
    EXPECT_TRUE(entries);
    if (!entries) return out;
    for (const rc::log_entry& e : *entries) {
      out.push_back(std::to_string(e.parent_count) + ":" + std::string(e.message));
    }
    return out;
  }

  std::string root_;
  std::string dir_;
  int clock_ = 0;
};

TEST_F(GitTest, TagsMergedIntoARefInGitsOrder) {
  init();
  commit("chore: init\n");
  in_repo("git tag v1.0.0 && git tag vnext && git tag v && git tag pkg@2.0.0");
  in_repo("git -c user.name=t -c user.email=t@t tag -a -m annotated v1.0.1");
  in_repo("git checkout -q -b other");
  commit("feat: other\n");
  in_repo("git tag v9.0.0 && git checkout -q main");
  std::vector<std::string> tags;
  std::string error;
  ASSERT_TRUE(git::merged_tags(dir_, "HEAD", tags, error)) << error;
  EXPECT_EQ(tags, (std::vector<std::string>{"pkg@2.0.0", "v", "v1.0.0", "v1.0.1", "vnext"}));
  ASSERT_TRUE(git::merged_tags(dir_, "other", tags, error)) << error;
  EXPECT_EQ(tags,
            (std::vector<std::string>{"pkg@2.0.0", "v", "v1.0.0", "v1.0.1", "v9.0.0", "vnext"}));
}

TEST_F(GitTest, ResolveAndLog) {
  init();
  commit("fix: one\n");
  commit("feat: two\n\nbody\n");
  std::string head;
  std::string error;
  ASSERT_TRUE(git::resolve(dir_, "HEAD", head, error)) << error;
  EXPECT_EQ(head, sha("HEAD"));
  EXPECT_EQ(head.size(), 40u);
  std::string first;
  ASSERT_TRUE(git::resolve(dir_, "HEAD~1", first, error)) << error;
  EXPECT_EQ(first, sha("HEAD~1"));

  std::string text;
  ASSERT_TRUE(git::log(dir_, "", "HEAD", text, error)) << error;
  EXPECT_EQ(text, head + "\x1f" + first + "\x1f" + "feat: two\n\nbody\n\x1e\n" + first +
                      "\x1f\x1f" + "fix: one\n\x1e\n");
  ASSERT_TRUE(git::log(dir_, first, "HEAD", text, error)) << error;
  EXPECT_EQ(messages(text), (std::vector<std::string>{"1:feat: two\n\nbody\n"}));
  ASSERT_TRUE(git::log(dir_, "HEAD", "HEAD", text, error)) << error;
  EXPECT_EQ(text, "");
}

TEST_F(GitTest, DateOfATag) {
  init();
  commit("feat: dated\n");
  in_repo(
      "GIT_COMMITTER_DATE='2026-03-04T05:06:07+01:00' git -c user.name=t -c user.email=t@t "
      "commit -q --allow-empty -m 'fix: later'");
  in_repo("git tag v1.0.0 HEAD~1 && git -c user.name=t -c user.email=t@t tag -a -m notes v1.1.0");
  git::commit_date date;
  std::string error;
  ASSERT_TRUE(git::date_of(dir_, "v1.0.0", date, error)) << error;
  EXPECT_EQ(date.seconds, 1767225601);  // 2026-01-01T00:00:01Z
  EXPECT_EQ(date.iso, "2026-01-01T00:00:01+00:00");
  // An annotated tag: the date of its commit, not of the tag object.
  ASSERT_TRUE(git::date_of(dir_, "v1.1.0", date, error)) << error;
  EXPECT_EQ(date.seconds, 1772597167);  // 2026-03-04T04:06:07Z
  EXPECT_EQ(date.iso, "2026-03-04T05:06:07+01:00");
  EXPECT_FALSE(git::date_of(dir_, "v2.0.0", date, error));
  EXPECT_NE(error.find("git -C " + dir_ +
                       " log -1 --no-show-signature --format=%ct%x1f%cI "
                       "v2.0.0^{commit} --: fatal: "),
            std::string::npos)
      << error;
}

class GitRangeTest : public GitTest {
 protected:
  // main: c1 (v1.0.0) -> c2 (tags "v", "vnext") -> c3 (v1.1.0-rc.1, pkg@2.0.0)
  //   -> merge of `side` (one fix, branched at c3) -> c5 feat (HEAD).
  // `other` (from c1, v9.0.0) is never merged.
  void build() {
    init();
    commit("chore: init\n");
    in_repo("git tag v1.0.0");
    in_repo("git checkout -q -b other && echo x > x && git add x");
    commit("feat!: never merged\n");
    in_repo("git tag v9.0.0 && git checkout -q main");
    commit("fix: two\n");
    in_repo("git tag v && git tag vnext");
    commit("feat: three\n");
    in_repo("git tag v1.1.0-rc.1 && git tag pkg@2.0.0");
    in_repo("git checkout -q -b side");
    commit("fix: side\n");
    in_repo("git checkout -q main");
    ++clock_;
    in_repo(
        "GIT_AUTHOR_DATE=2026-01-01T00:00:30+00:00 GIT_COMMITTER_DATE=2026-01-01T00:00:30+00:00"
        " git -c user.name=t -c user.email=t@t merge -q --no-ff -m 'Merge branch side' side");
    commit("feat: five\n");
  }
};

TEST_F(GitRangeTest, LastReleaseIsTheHighestReachableNonPrerelease) {
  build();
  git::range_options options;
  options.repo = dir_;
  git::range r;
  std::string error;
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  // v9.0.0 is not reachable, v1.1.0-rc.1 is a prerelease, "v" and "vnext" do not parse.
  EXPECT_EQ(r.last_tag, "v1.0.0");
  ASSERT_TRUE(r.last_version);
  EXPECT_TRUE(sv::identical(*r.last_version, sv::version(1, 0, 0)));
  EXPECT_EQ(r.from, "v1.0.0");
  EXPECT_EQ(r.to, "HEAD");
  EXPECT_EQ(messages(r.log),
            (std::vector<std::string>{"1:feat: five\n", "2:Merge branch side\n", "1:fix: side\n",
                                      "1:feat: three\n", "1:fix: two\n"}));
  // The library decides on that log: feat -> 1.1.0.
  const auto entries = rc::read_git_log(r.log);
  ASSERT_TRUE(entries);
  const auto d = rc::next_version(*r.last_version, *entries, rc::presets::semantic_release());
  ASSERT_TRUE(d);
  EXPECT_EQ(sv::to_string(d->next_version), "1.1.0");
}

TEST_F(GitRangeTest, OtherTagFormats) {
  build();
  git::range_options options;
  options.repo = dir_;
  options.format = *rc::parse_tag_format("pkg@${version}");
  git::range r;
  std::string error;
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "pkg@2.0.0");
  EXPECT_EQ(messages(r.log),
            (std::vector<std::string>{"1:feat: five\n", "2:Merge branch side\n", "1:fix: side\n"}));
  // A format no tag has: the whole history, no last release.
  options.format = *rc::parse_tag_format("pkg-v${version}");
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "");
  EXPECT_FALSE(r.last_version);
  EXPECT_EQ(r.from, "");
  EXPECT_EQ(messages(r.log).size(), 6u);
}

TEST_F(GitRangeTest, PrereleaseChannel) {
  build();
  git::range_options options;
  options.repo = dir_;
  options.channel = "rc";
  git::range r;
  std::string error;
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "v1.1.0-rc.1");
  EXPECT_EQ(messages(r.log),
            (std::vector<std::string>{"1:feat: five\n", "2:Merge branch side\n", "1:fix: side\n"}));
}

TEST_F(GitRangeTest, FromAndTo) {
  build();
  git::range_options options;
  options.repo = dir_;
  options.to = "side";
  git::range r;
  std::string error;
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "v1.0.0");
  EXPECT_EQ(r.to, "side");
  EXPECT_EQ(messages(r.log),
            (std::vector<std::string>{"1:fix: side\n", "1:feat: three\n", "1:fix: two\n"}));
  // --from: the range starts there; the last release is the newest reachable from it.
  options.to = "HEAD";
  options.from = "pkg@2.0.0";
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.from, "pkg@2.0.0");
  EXPECT_EQ(r.last_tag, "v1.0.0");
  EXPECT_EQ(messages(r.log).size(), 3u);
  // A sha works as well; the other branch's v9.0.0 is reachable from it.
  options.from = sha("other");
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "v9.0.0");
  EXPECT_EQ(messages(r.log).size(), 5u);  // HEAD's commits not in other: all but c1
}

TEST_F(GitTest, NoTagAtAll) {
  init();
  commit("chore: init\n");
  commit("fix: first\n");
  git::range_options options;
  options.repo = dir_;
  git::range r;
  std::string error;
  ASSERT_TRUE(git::read_range(options, r, error)) << error;
  EXPECT_EQ(r.last_tag, "");
  EXPECT_FALSE(r.last_version);
  EXPECT_EQ(r.from, "");
  EXPECT_EQ(messages(r.log), (std::vector<std::string>{"1:fix: first\n", "0:chore: init\n"}));
}

TEST_F(GitTest, NotARepository) {
  sh("mkdir -p '" + dir_ + "'");
  git::range_options options;
  options.repo = dir_;
  git::range r;
  std::string error;
  EXPECT_FALSE(git::read_range(options, r, error));
  EXPECT_EQ(error, "not a git repository: run in a repository or pass --repo DIR (git -C " + dir_ +
                       " rev-parse --verify --quiet HEAD^{commit}: fatal: not a git repository "
                       "(or any of the parent directories): .git)");
  std::vector<std::string> tags;
  EXPECT_FALSE(git::merged_tags(dir_, "HEAD", tags, error));
  EXPECT_EQ(error.rfind("not a git repository: run in a repository or pass --repo DIR (git -C " +
                            dir_ + " tag --merged HEAD: fatal: not a git repository",
                        0),
            0u)
      << error;
}

TEST_F(GitTest, NoSuchDirectory) {
  std::string sha_text;
  std::string error;
  EXPECT_FALSE(git::resolve(root_ + "/missing", "HEAD", sha_text, error));
  EXPECT_EQ(error, "cannot enter the --repo directory (git -C " + root_ +
                       "/missing rev-parse --verify --quiet HEAD^{commit}: fatal: cannot change "
                       "to '" +
                       root_ + "/missing': No such file or directory)");
}

TEST_F(GitTest, NoCommitYetAndUnknownRefs) {
  init();
  git::range_options options;
  options.repo = dir_;
  git::range r;
  std::string error;
  EXPECT_FALSE(git::read_range(options, r, error));
  EXPECT_EQ(error, "no commit named 'HEAD' (a repository without commits yet?) (git -C " + dir_ +
                       " rev-parse --verify --quiet HEAD^{commit}: exit status 1)");
  commit("fix: x\n");
  options.to = "nope";
  EXPECT_FALSE(git::read_range(options, r, error));
  EXPECT_EQ(error, "no commit named 'nope' (git -C " + dir_ +
                       " rev-parse --verify --quiet nope^{commit}: exit status 1)");
  options.to = "HEAD";
  options.from = "--output=/tmp/x";
  EXPECT_FALSE(git::read_range(options, r, error));
  EXPECT_EQ(error, "the ref '--output=/tmp/x' begins with '-', which git would read as an option");
}

TEST_F(GitTest, NoGitBinary) {
  init();
  const std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
  ::setenv("PATH", (root_ + "/empty").c_str(), 1);
  std::string out;
  std::string error;
  const bool ran = git::run(dir_, {"status"}, out, error);
  ::setenv("PATH", path.c_str(), 1);
  EXPECT_FALSE(ran);
  EXPECT_EQ(error, "git not found: install git or put it on PATH (relkit runs `git -C " + dir_ +
                       " status`)");
}

TEST_F(GitTest, BigOutputAndStderrTogether) {
  // Over a pipe's 64 KiB on both stdout and stderr: neither blocks the other.
  init();
  std::string message = "feat: big\n\n";
  for (int i = 0; i < 3000; ++i) message += "line " + std::to_string(i) + " of a long body\n";
  commit(message);
  std::string text;
  std::string error;
  ASSERT_TRUE(git::log(dir_, "", "HEAD", text, error)) << error;
  EXPECT_EQ(messages(text), (std::vector<std::string>{"0:" + message}));
  EXPECT_FALSE(git::run(dir_, {"cat-file", "-p", std::string(70000, 'a')}, text, error));
  EXPECT_EQ(error.size() > 70000u, true);
}

// ------------------------------------------------ the whole history (changelog --all)

namespace history = relkit::cli::history;

class HistoryTest : public GitTest {
 protected:
  void merge(const std::string& branch, const std::string& message) {
    ++clock_;
    const std::string date = "2026-01-01T00:00:" + std::string(clock_ < 10 ? "0" : "") +
                             std::to_string(clock_) + "+00:00";
    in_repo("GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date +
            " git -c user.name=t -c user.email=t@t merge -q --no-ff -m '" + message + "' " +
            branch);
  }
  // The history of HEAD read and linked; `text_` keeps the views alive.
  void read() {
    std::string error;
    ASSERT_TRUE(git::history(dir_, "HEAD", text_, error)) << error;
    ASSERT_TRUE(history::read(text_, commits_, error)) << error;
    graph_ = history::link(commits_);
  }
  // The first line of each commit's message, for indices into commits_.
  std::vector<std::string> titles(const std::vector<std::size_t>& indices) const {
    std::vector<std::string> out;
    for (const std::size_t i : indices) {
      const std::string_view m = commits_[i].message;
      out.emplace_back(m.substr(0, m.find('\n')));
    }
    return out;
  }
  std::string text_;
  std::vector<history::commit> commits_;
  history::graph graph_;
};

// vitejs/vite's rolldown-vite case: a branch forked before v1.0.0, kept up to date by
// merging main into it twice, and merged into main after v1.1.0. Its commits belong to
// the first release after the merge (v2.0.0), as git-cliff 2.14.2 gives them: a
// linear cut of the walk would have given some of them to v1.0.0 and v1.1.0.
TEST_F(HistoryTest, CommitsBelongToTheEarliestTagThatReachesThem) {
  init();
  commit("chore: init\n");
  in_repo("git checkout -q -b side");
  commit("feat: side one\n");
  in_repo("git checkout -q main");
  commit("fix: main one\n");
  in_repo("git tag v1.0.0");
  in_repo("git checkout -q side");
  merge("main", "Merge branch main into side");
  commit("feat: side two\n");
  in_repo("git checkout -q main");
  commit("fix: main two\n");
  in_repo("git -c user.name=t -c user.email=t@t tag -a -m annotated v1.1.0");
  in_repo("git checkout -q side");
  merge("main", "Merge branch main into side again");
  in_repo("git checkout -q main");
  merge("side", "feat!: the side branch");
  in_repo("git tag v2.0.0");
  commit("fix: after\n");
  read();

  // The walk is git log --topo-order's (libgit2's GIT_SORT_TOPOLOGICAL).
  const std::vector<std::size_t> order = history::topological_order(graph_);
  std::vector<std::string> walked;
  for (const std::size_t i : order) walked.emplace_back(commits_[i].sha);
  std::string topo = sh("cd '" + dir_ + "' && git log --topo-order --format=%H");
  std::vector<std::string> expected;
  for (std::size_t at = 0; at < topo.size(); at += 41) expected.push_back(topo.substr(at, 40));
  EXPECT_EQ(walked, expected);

  const std::vector<history::release> releases =
      history::split(commits_, graph_, order, rc::tag_format{});
  ASSERT_EQ(releases.size(), 4u);
  EXPECT_EQ(releases[0].tag, "");
  EXPECT_EQ(titles(releases[0].commits), (std::vector<std::string>{"fix: after"}));
  EXPECT_EQ(releases[1].tag, "v2.0.0");
  EXPECT_EQ(titles(releases[1].commits),
            (std::vector<std::string>{"feat!: the side branch", "Merge branch main into side again",
                                      "feat: side two", "Merge branch main into side",
                                      "feat: side one"}));
  EXPECT_EQ(releases[2].tag, "v1.1.0");
  EXPECT_EQ(titles(releases[2].commits), (std::vector<std::string>{"fix: main two"}));
  EXPECT_EQ(releases[3].tag, "v1.0.0");
  EXPECT_EQ(titles(releases[3].commits),
            (std::vector<std::string>{"fix: main one", "chore: init"}));
  EXPECT_EQ(releases[3].time, 1767225603);  // the tagged commit's date, 2026-01-01T00:00:03Z
  EXPECT_EQ(history::utc_date(releases[3].time), "2026-01-01");
}

// The decorations git log prints: tags of tags peeled to their commit, the highest
// version among a commit's tags, tags that do not parse or match skipped.
TEST_F(HistoryTest, ReleaseTagsOfACommit) {
  init();
  commit("feat: one\n");
  in_repo("git tag v1.0.0-rc.1 && git tag vnext && git tag pkg@3.0.0");
  in_repo("git -c user.name=t -c user.email=t@t tag -a -m annotated v1.0.0");
  in_repo("git -c user.name=t -c user.email=t@t tag -a -m nested v1.0.1 v1.0.0 2>/dev/null");
  read();
  ASSERT_EQ(commits_.size(), 1u);
  history::tag_version found;
  ASSERT_TRUE(history::release_tag(commits_[0].decorations, rc::tag_format{}, found))
      << commits_[0].decorations;
  EXPECT_EQ(found.tag, "v1.0.1");
  EXPECT_EQ(sv::to_string(found.version), "1.0.1");
  auto format = rc::parse_tag_format("pkg@${version}");
  ASSERT_TRUE(format);
  ASSERT_TRUE(history::release_tag(commits_[0].decorations, *format, found));
  EXPECT_EQ(found.tag, "pkg@3.0.0");
  EXPECT_FALSE(history::release_tag("tag: vnext, tag: v", rc::tag_format{}, found));
  EXPECT_FALSE(history::release_tag("", rc::tag_format{}, found));
  EXPECT_EQ(history::utc_date(-1), "1969-12-31");
  EXPECT_EQ(history::utc_date(951782400), "2000-02-29");
}

// git-cliff's .git-blame-ignore-revs: the file at the ref, the commits changing only it.
TEST_F(HistoryTest, BlameIgnoreRevs) {
  init();
  commit("style: reformat\n");
  const std::string reformat = sha("HEAD");
  in_repo("printf '# reformat\\n  " + reformat.substr(0, 10) +
          "  \\n\\n' > .git-blame-ignore-revs && git add .git-blame-ignore-revs");
  commit("chore: ignore the reformat\n");
  in_repo(
      "echo x > x && git add x && echo >> .git-blame-ignore-revs && "
      "git add .git-blame-ignore-revs");
  commit("chore: both\n");
  std::string file;
  std::string error;
  bool found = true;
  ASSERT_TRUE(git::file_at(dir_, "HEAD~2", ".git-blame-ignore-revs", file, found, error)) << error;
  EXPECT_FALSE(found);
  ASSERT_TRUE(git::file_at(dir_, "HEAD", ".git-blame-ignore-revs", file, found, error)) << error;
  EXPECT_TRUE(found);
  const std::vector<std::string_view> revs = history::blame_ignore_revs(file);
  EXPECT_EQ(revs, (std::vector<std::string_view>{reformat.substr(0, 10)}));
  std::vector<std::string> only;
  ASSERT_TRUE(git::commits_changing_only(dir_, "HEAD", ".git-blame-ignore-revs", only, error))
      << error;
  EXPECT_EQ(only, (std::vector<std::string>{sha("HEAD~1")}));
  read();
  EXPECT_EQ(history::left_out_commits(commits_, revs, only),
            (std::vector<bool>{false, true, true}));
}

}  // namespace
