// relkit::commits workspaces: the git log with paths (also on a real repository when git
// is installed), per-package decisions, dependency propagation, groups, and the
// configuration readers (a real release-please config: tests/data/workspace/PROVENANCE.md).
#include <relkit/relkit.hpp>  // the single-header suite has only relkit.hpp

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rc = relkit::commits;

namespace {

std::string data(const std::string& name) {
  std::string here = __FILE__;
  const std::string path = here.substr(0, here.find_last_of("/\\")) + "/data/workspace/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One record of `git log -z --name-only --format=%x00%H%x1f%P%x1f%B`.
std::string record(const std::string& sha, const std::string& parents, const std::string& message,
                   const std::vector<std::string>& paths) {
  std::string out;
  out += '\0';
  out += sha + '\x1f' + parents + '\x1f' + message + '\n';
  out += '\0';
  if (!paths.empty()) {
    out += '\n';
    for (const std::string& p : paths) {
      out += p;
      out += '\0';
    }
  }
  return out;
}

std::string sha(int n) {
  std::string s = "c0ffee";
  s += std::to_string(1000 + n);
  return s;
}

// A history built newest first from (message, paths) pairs given oldest first.
struct history {
  std::string text;
  std::vector<rc::change> changes;
};
history make_history(const std::vector<std::pair<std::string, std::vector<std::string>>>& oldest) {
  history h;
  for (std::size_t i = oldest.size(); i-- > 0;) {
    h.text += record(sha(static_cast<int>(i)), i == 0 ? "" : sha(static_cast<int>(i) - 1),
                     oldest[i].first, oldest[i].second);
  }
  auto read = rc::read_git_log_with_paths(h.text);
  EXPECT_TRUE(read.has_value());
  if (read) h.changes = *read;
  return h;
}

rc::package make_package(const std::string& name, std::vector<std::string> paths,
                         const char* version = "1.0.0", std::vector<std::string> deps = {}) {
  rc::package p;
  p.name = name;
  p.paths = std::move(paths);
  p.current = *relkit::semver::parse(version);
  p.dependencies = std::move(deps);
  p.tags = *rc::parse_tag_format(name + "@${version}");
  return p;
}

const rc::package_decision& find(const rc::workspace_decision& d, const std::string& name) {
  for (const auto& p : d.packages) {
    if (p.name == name) return p;
  }
  static const rc::package_decision missing;
  ADD_FAILURE() << name;
  return missing;
}

// A string literal's bytes, NULs included.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

std::string version_of(const rc::package_decision& p) {
  return relkit::semver::to_string(p.next);
}

}  // namespace

TEST(WorkspaceLog, ReadsRecordsWithAnyFileName) {
  std::string text = record("0123456789abcdef0123456789abcdef01234567", "89abcdef", "feat: x",
                            {"a/b.c", bytes("we\nird\x1f\x1e name"), "z"});
  text += record("89abcdef", "", "chore: empty", {});
  text += record("fedcba9", "1111111 2222222", "Merge branch 'x'", {"m"});
  const auto log = rc::read_git_log_with_paths(text);
  ASSERT_TRUE(log.has_value()) << relkit::to_string(log.error());
  ASSERT_EQ(log->size(), 3U);
  EXPECT_EQ((*log)[0].entry.sha, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ((*log)[0].entry.parent_count, 1U);
  EXPECT_EQ((*log)[0].entry.message, "feat: x\n");
  ASSERT_EQ((*log)[0].paths.size(), 3U);
  EXPECT_EQ((*log)[0].paths[1], std::string_view("we\nird\x1f\x1e name", 13));
  EXPECT_EQ((*log)[1].entry.parent_count, 0U);
  EXPECT_TRUE((*log)[1].paths.empty());
  EXPECT_EQ((*log)[2].entry.parent_count, 2U);
  EXPECT_EQ((*log)[2].paths, std::vector<std::string_view>{"m"});
  EXPECT_TRUE(rc::read_git_log_with_paths("")->empty());
}

TEST(WorkspaceLog, MalformedRecordsArePositioned) {
  auto err = [](const std::string& text) {
    const auto r = rc::read_git_log_with_paths(text);
    EXPECT_FALSE(r.has_value());
    return r ? relkit::error{} : r.error();
  };
  const std::string good = record("abcdef0", "", "fix: y", {"p"});
  relkit::error e = err("abcdef0\x1f\x1fx");
  EXPECT_EQ(e.code, rc::errc::bad_log_record);
  EXPECT_EQ(e.position, 0U);
  EXPECT_EQ(e.message(), "expected a NUL opening the record in a git log record");
  e = err(good + bytes("\0abcdef0\x1f\x1fno end"));
  EXPECT_EQ(e.position, good.size());
  EXPECT_EQ(e.args.text(), "a NUL after the message");
  e = err(bytes("\0abcdef0 only\0"));
  EXPECT_EQ(e.args.text(), "`NUL %H 0x1f %P 0x1f %B NUL`");
  EXPECT_EQ(e.position, 1U);  // the record, after its NUL (as for the sha)
  e = err(bytes("\0xyz\x1f\x1fm\0"));
  EXPECT_EQ(e.position, 1U);
  e =
      err(bytes("\0abcdef0\x1f"
                "abc\x1fm\0"));
  EXPECT_EQ(e.position, 9U);
  EXPECT_EQ(e.args.text(), "a parent sha of 7-64 hex digits");
  e = err(bytes("\0abcdef0\x1f\x1fm\0\npath-without-nul"));
  EXPECT_EQ(e.position, 13U);
  EXPECT_EQ(e.args.text(), "a NUL after the path");
}

// The documented command on a real repository, when git is installed.
TEST(WorkspaceLog, ReadsTheDocumentedGitCommand) {
  if (std::system("git --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no git";
  char dir_template[] = "/tmp/relkit_ws_XXXXXX";
  const char* dir = mkdtemp(dir_template);
  ASSERT_NE(dir, nullptr);
  const std::string d = dir;
  const std::string git = "git -C " + d + " -c user.name=t -c user.email=t@t ";
  const std::string script = "git init -q " + d + " && mkdir -p " + d + "/packages/a " + d +
                             "/packages/b && " + "printf 1 > " + d + "/packages/a/x.js && " + git +
                             "add -A && " + git + "commit -qm 'feat(a): one' && printf 2 > " + d +
                             "/packages/b/y.js && printf 3 > '" + d + "/packages/a/new\nline' && " +
                             git + "add -A && " + git + "commit -qm 'fix: two' && " + git +
                             "commit -q --allow-empty -m 'chore: nothing' && " + git +
                             "log -z --name-only --no-renames --diff-merges=first-parent "
                             "--format=%x00%H%x1f%P%x1f%B > " +
                             d + "/log";
  ASSERT_EQ(std::system(script.c_str()), 0);
  std::ifstream in(d + "/log", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  std::system(("rm -rf " + d).c_str());
  const auto log = rc::read_git_log_with_paths(text);
  ASSERT_TRUE(log.has_value()) << relkit::to_string(log.error());
  ASSERT_EQ(log->size(), 3U);
  EXPECT_EQ((*log)[0].entry.message, "chore: nothing\n");
  EXPECT_TRUE((*log)[0].paths.empty());
  EXPECT_EQ((*log)[1].entry.message, "fix: two\n");
  EXPECT_EQ((*log)[1].paths,
            (std::vector<std::string_view>{"packages/a/new\nline", "packages/b/y.js"}));
  EXPECT_EQ((*log)[2].paths, std::vector<std::string_view>{"packages/a/x.js"});
  EXPECT_EQ((*log)[2].entry.sha.size(), 40U);
  EXPECT_EQ((*log)[2].entry.parent_count, 0U);
}

TEST(Workspace, PathsSharedPathsExclusionsAndScopes) {
  rc::workspace ws;
  ws.packages = {make_package("a", {"packages/a"}), make_package("b", {"packages/b/"}),
                 make_package("c", {"./packages/c", "shared"}),
                 make_package("@org/d", {"packages/d"}, "0.3.0")};
  ws.packages[3].excluded = {"packages/d/test"};
  const history h = make_history({
      {"fix: in a", {"packages/a/src/x.js"}},                                 // 0
      {"feat: a and b", {"packages/a/y.js", "packages/b/z.js"}},              // 1
      {"feat: shared", {"shared/util.js"}},                                   // 2
      {"fix: release notes", {"packages/b/CHANGELOG.md", "pnpm-lock.yaml"}},  // 3, ignored
      {"feat!: not on a boundary", {"packages/ab/x.js", "packages/cc"}},      // 4, no package
      {"feat(d): scoped", {"README.md"}},                                     // 5
      {"feat(a): scoped too", {"packages/d/test/t.js"}},                      // 6, excluded in d
  });
  auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value()) << relkit::to_string(d.error());
  EXPECT_EQ(d->ignored, 2U);
  EXPECT_EQ(d->unclaimed, 2U);
  const auto& a = find(*d, "a");
  EXPECT_EQ(a.commits, (std::vector<std::size_t>{5, 6}));  // newest first: feat, fix
  EXPECT_EQ(a.level, rc::bump::minor);
  EXPECT_EQ(version_of(a), "1.1.0");
  EXPECT_EQ(a.own.commit_index, 5U);
  EXPECT_EQ(a.own.rule, "feat -> minor");
  EXPECT_EQ(a.reason, "minor: 'feat: a and b' (c0ffee1) matched feat -> minor");
  EXPECT_EQ(find(*d, "b").commits, std::vector<std::size_t>{5});
  EXPECT_EQ(find(*d, "c").commits, std::vector<std::size_t>{4});
  EXPECT_EQ(version_of(find(*d, "c")), "1.1.0");
  EXPECT_FALSE(find(*d, "@org/d").releases);
  EXPECT_EQ(version_of(find(*d, "@org/d")), "0.3.0");

  ws.scope_assigns = true;
  d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ignored, 2U);
  EXPECT_EQ(d->unclaimed, 1U);  // feat(d) now belongs to @org/d by its scope
  EXPECT_EQ(find(*d, "@org/d").commits, std::vector<std::size_t>{1});
  EXPECT_EQ(version_of(find(*d, "@org/d")), "0.4.0");
  // An excluded-only commit stays ignored even with a scope.
  EXPECT_EQ(find(*d, "a").commits, (std::vector<std::size_t>{5, 6}));
}

TEST(Workspace, NestedPackagesTakeTheirFilesAndTheRootTheRest) {
  rc::workspace ws;
  ws.packages = {make_package("root", {"."}), make_package("outer", {"libs/outer"}),
                 make_package("inner", {"libs/outer/inner"})};
  const history h = make_history({{"fix: inner", {"libs/outer/inner/a.c"}},
                                  {"fix: outer", {"libs/outer/b.c"}},
                                  {"fix: root", {"tools/c.sh"}}});
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(find(*d, "inner").commits, std::vector<std::size_t>{2});
  EXPECT_EQ(find(*d, "outer").commits, std::vector<std::size_t>{1});
  EXPECT_EQ(find(*d, "root").commits, std::vector<std::size_t>{0});
}

TEST(Workspace, ExcludedPatterns) {
  rc::workspace ws;
  ws.packages = {make_package("a", {""})};
  ws.excluded = {"*.md", "docs/", "packages/*/fixtures/*"};
  const history h = make_history({{"fix: 1", {"README.md"}},
                                  {"fix: 2", {"docs/deep/x.txt"}},
                                  {"fix: 3", {"packages/p/fixtures/f.json"}},
                                  {"fix: 4", {"packages/p/fixtures/sub/f.json"}},
                                  {"fix: 5", {"src/docs"}}});
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ignored, 3U);
  EXPECT_EQ(find(*d, "a").commits, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(rc::default_excluded_paths()[0], "CHANGELOG.md");
}

TEST(Workspace, DependencyChainUnderEachPolicy) {
  rc::workspace ws;
  ws.packages = {make_package("app", {"app"}, "3.0.0", {"lib-b"}),
                 make_package("lib-b", {"lib-b"}, "2.0.0", {"lib-a"}),
                 make_package("lib-a", {"lib-a"}, "1.0.0")};
  const history h = make_history({{"feat: new api", {"lib-a/index.js"}}});

  auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(version_of(find(*d, "lib-a")), "1.1.0");
  EXPECT_EQ(version_of(find(*d, "lib-b")), "2.0.1");
  const auto& app = find(*d, "app");
  EXPECT_EQ(version_of(app), "3.0.1");
  EXPECT_EQ(app.own.level, rc::bump::none);
  EXPECT_EQ(app.propagated_from, (std::vector<std::string>{"app", "lib-b", "lib-a"}));
  EXPECT_EQ(app.reason, "patch: app <- lib-b <- lib-a (minor)");
  EXPECT_TRUE(find(*d, "lib-a").propagated_from.empty());

  ws.dependents = rc::propagation::same_level;
  d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(version_of(find(*d, "lib-b")), "2.1.0");
  EXPECT_EQ(version_of(find(*d, "app")), "3.1.0");
  EXPECT_EQ(find(*d, "app").reason, "minor: app <- lib-b <- lib-a (minor)");

  ws.dependents = rc::propagation::none;
  d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(find(*d, "lib-b").releases);
  EXPECT_FALSE(find(*d, "app").releases);
  EXPECT_EQ(version_of(find(*d, "app")), "3.0.0");
}

TEST(Workspace, ErrorsNameTheCycleAndUnknownPackages) {
  rc::workspace ws;
  ws.packages = {make_package("x", {"x"}, "1.0.0", {"a"}), make_package("a", {"a"}, "1.0.0", {"b"}),
                 make_package("b", {"b"}, "1.0.0", {"a"})};
  auto d = rc::decide(ws, {});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, rc::errc::dependency_cycle);
  EXPECT_EQ(d.error().position, relkit::no_position);
  EXPECT_EQ(d.error().message(), "dependency cycle a -> b -> a");
  ws.dependents = rc::propagation::none;  // dependencies do not matter then
  EXPECT_TRUE(rc::decide(ws, {}).has_value());

  ws.packages[0].dependencies = {"nope"};
  d = rc::decide(ws, {});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().message(), "dependency nope is not a package");
  ws.packages[0].dependencies.clear();
  ws.groups = {rc::group{"g", rc::group_kind::fixed, {"a", "zz"}}};
  d = rc::decide(ws, {});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(to_string(d.error()), "group member zz is not a package [commits.unknown_package]");
  ws.groups.clear();
  ws.packages.push_back(make_package("a", {"a2"}));
  d = rc::decide(ws, {});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, rc::errc::duplicate_package);
}

TEST(Workspace, FixedAndLinkedGroups) {
  rc::workspace ws;
  ws.packages = {make_package("f1", {"f1"}, "1.2.0"), make_package("f2", {"f2"}, "1.4.0"),
                 make_package("f3", {"f3"}, "1.4.0"), make_package("l1", {"l1"}, "2.0.0"),
                 make_package("l2", {"l2"}, "5.1.0"), make_package("l3", {"l3"}, "0.9.0")};
  ws.groups = {rc::group{"core", rc::group_kind::fixed, {"f1", "f2", "f3"}},
               rc::group{"ui", rc::group_kind::linked, {"l1", "l2", "l3"}}};
  const history h = make_history({{"feat: f1", {"f1/a"}},
                                  {"fix: f2", {"f2/a"}},
                                  {"feat: l1", {"l1/a"}},
                                  {"fix: l2", {"l2/a"}}});
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  // fixed: every member releases, at the highest next version (1.4.0 + minor).
  EXPECT_EQ(version_of(find(*d, "f1")), "1.5.0");
  EXPECT_EQ(version_of(find(*d, "f2")), "1.5.0");
  EXPECT_EQ(version_of(find(*d, "f3")), "1.5.0");
  EXPECT_EQ(find(*d, "f3").reason, "minor: fixed group core");
  EXPECT_EQ(find(*d, "f3").group, "core");
  EXPECT_EQ(find(*d, "f1").reason,
            "minor: 'feat: f1' (c0ffee1) matched feat -> minor (fixed group core)");
  // linked: members that release take the highest level; l3 does not release.
  EXPECT_EQ(version_of(find(*d, "l1")), "2.1.0");
  EXPECT_EQ(version_of(find(*d, "l2")), "5.2.0");
  EXPECT_EQ(find(*d, "l2").reason, "minor: linked group ui");
  EXPECT_FALSE(find(*d, "l3").releases);
}

TEST(Workspace, ReleaseTagsCutEachPackagesHistory) {
  rc::workspace ws;
  ws.packages = {make_package("a", {"a"}), make_package("b", {"b"})};
  ws.packages[0].current.reset();
  ws.packages[1].current.reset();
  ws.packages[1].channel = "rc";
  const history h = make_history({{"feat: a1", {"a/x"}},
                                  {"fix: b1", {"b/x"}},
                                  {"chore(release): a", {"a/package.json"}},
                                  {"fix: a2", {"a/y"}},
                                  {"feat: b2", {"b/y"}}});
  const std::string s1 = sha(1);
  const std::string s2 = sha(2);
  rc::apply_release_tags(ws,
                         {{"a@1.3.0", s2}, {"a@1.2.0", s1}, {"b@2.0.0-rc.1", s1}, {"v9.0.0", s2}});
  ASSERT_TRUE(ws.packages[0].current.has_value());
  EXPECT_EQ(relkit::semver::to_string(*ws.packages[0].current), "1.3.0");
  EXPECT_EQ(ws.packages[0].since, s2);
  EXPECT_EQ(relkit::semver::to_string(*ws.packages[1].current), "2.0.0-rc.1");
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(find(*d, "a").commits, std::vector<std::size_t>{1});
  EXPECT_EQ(version_of(find(*d, "a")), "1.3.1");
  EXPECT_EQ(find(*d, "b").commits, std::vector<std::size_t>{0});
  EXPECT_EQ(version_of(find(*d, "b")), "2.0.0-rc.2");
}

// opentelemetry-js-contrib's instrumentation-aws-sdk: its last tag is v0.10.0 but its
// manifest says 0.33.0 (tags renamed); release-please released 0.34.0, not 0.10.1.
TEST(Workspace, AManifestVersionLaterThanTheLastTagIsKept) {
  rc::workspace ws;
  ws.packages = {make_package("a", {"a"}, "0.33.0")};
  const history h = make_history(
      {{"fix: a1", {"a/x"}}, {"chore(release): a", {"a/package.json"}}, {"feat: a2", {"a/y"}}});
  const std::string s1 = sha(1);
  rc::apply_release_tags(ws, {{"a@0.10.0", s1}, {"a@0.9.0", sha(0)}});
  EXPECT_EQ(relkit::semver::to_string(*ws.packages[0].current), "0.33.0");
  EXPECT_EQ(ws.packages[0].since, s1);
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(version_of(find(*d, "a")), "0.34.0");
  // A tag later than the manifest's version wins.
  ws.packages[0].current = relkit::semver::parse("0.9.5").value();
  rc::apply_release_tags(ws, {{"a@0.10.0", s1}});
  EXPECT_EQ(relkit::semver::to_string(*ws.packages[0].current), "0.10.0");
}

TEST(Workspace, FirstReleaseWithoutCurrentVersion) {
  rc::workspace ws;
  ws.packages = {make_package("a", {"a"}), make_package("b", {"b"}, "1.0.0", {"a"})};
  ws.packages[0].current.reset();
  ws.packages[1].current.reset();
  const history h = make_history({{"fix: a", {"a/x"}}});
  const auto d = rc::decide(ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(version_of(find(*d, "a")), "1.0.0");
  EXPECT_EQ(version_of(find(*d, "b")), "1.0.0");
  EXPECT_EQ(find(*d, "b").reason, "patch: b <- a (patch)");
}

TEST(WorkspaceConfig, RealReleasePleaseManifest) {
  const auto ws = rc::read_release_please_config(data("release-please-config.json"),
                                                 data(".release-please-manifest.json"));
  ASSERT_TRUE(ws.has_value()) << relkit::to_string(ws.error());
  ASSERT_EQ(ws->packages.size(), 72U);
  EXPECT_EQ(ws->dependents, rc::propagation::patch);
  const rc::package& aws = ws->packages[1];
  EXPECT_EQ(aws.name, "packages/resource-detector-aws");
  EXPECT_EQ(aws.paths, std::vector<std::string>{"packages/resource-detector-aws"});
  EXPECT_EQ(aws.tags.text(), "resource-detector-aws-v${version}");
  EXPECT_EQ(relkit::semver::to_string(*aws.current), "2.15.0");
  EXPECT_EQ(aws.preset.name, "release-please");
  EXPECT_EQ(aws.preset.zero_major, rc::initial_development::breaking_is_minor);
  EXPECT_TRUE(aws.channel.empty());
  const rc::package& last = ws->packages[71];
  EXPECT_EQ(last.tags.text(), "profiler-nodejs-v${version}");
  EXPECT_EQ(relkit::semver::to_string(*last.current), "0.1.0");
  // 0.x with bump-minor-pre-major: a breaking change is a minor release.
  const history h = make_history({{"feat(profiler)!: new api", {"packages/profiler-nodejs/a.ts"}}});
  const auto d = rc::decide(*ws, h.changes);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(version_of(find(*d, "packages/profiler-nodejs")), "0.2.0");
  EXPECT_EQ(find(*d, "packages/profiler-nodejs").own.reason,
            "minor: 'feat(profiler)!: new api' (c0ffee1) matched breaking -> major (0.x: major "
            "lowered)");
}

TEST(WorkspaceConfig, ReleasePleaseFields) {
  const std::string config = R"({
  "bump-patch-for-minor-pre-major": true,
  "tag-separator": "/",
  "exclude-paths": ["docs"],
  "packages": {
    ".": {"component": "root", "include-v-in-tag": false},
    "packages/core": {"package-name": "@acme/core", "bump-minor-pre-major": true},
    "packages/ui": {"component": "ui", "include-component-in-tag": false, "prerelease": true,
                    "prerelease-type": "beta", "exclude-paths": ["packages/ui/test"]},
    "packages/cli": {}
  },
  "plugins": ["node-workspace", {"type": "linked-versions", "groupName": "main",
              "components": ["core", "cli"]}, {"type": "sentence-case"}]
})";
  const std::string manifest =
      R"({".": "1.0.0", "packages/core": "0.3.0", "packages/ui": "2.0.0-beta.1"})";
  const auto ws = rc::read_release_please_config(config, manifest);
  ASSERT_TRUE(ws.has_value()) << relkit::to_string(ws.error());
  ASSERT_EQ(ws->packages.size(), 4U);
  const auto& root = ws->packages[0];
  EXPECT_EQ(root.name, "root");
  EXPECT_EQ(root.paths, std::vector<std::string>{""});
  EXPECT_EQ(root.tags.text(), "root/${version}");
  EXPECT_EQ(root.excluded, std::vector<std::string>{"docs"});
  EXPECT_EQ(root.preset.zero_major, rc::initial_development::minor_is_patch);
  const auto& core = ws->packages[1];
  EXPECT_EQ(core.name, "@acme/core");
  EXPECT_EQ(core.tags.text(), "core/v${version}");
  EXPECT_EQ(core.preset.zero_major, rc::initial_development::lower_one_level);
  const auto& ui = ws->packages[2];
  EXPECT_EQ(ui.tags.text(), "v${version}");
  EXPECT_EQ(ui.channel, "beta");
  EXPECT_EQ(ui.excluded, std::vector<std::string>{"packages/ui/test"});
  const auto& cli = ws->packages[3];
  EXPECT_EQ(cli.name, "packages/cli");
  EXPECT_EQ(cli.tags.text(), "cli/v${version}");
  EXPECT_FALSE(cli.current.has_value());
  ASSERT_EQ(ws->groups.size(), 1U);
  EXPECT_EQ(ws->groups[0].name, "main");
  EXPECT_EQ(ws->groups[0].kind, rc::group_kind::fixed);
  EXPECT_EQ(ws->groups[0].members, (std::vector<std::string>{"@acme/core", "packages/cli"}));
}

TEST(WorkspaceConfig, ReleasePleaseErrors) {
  auto err = [](const std::string& config, const std::string& manifest) {
    const auto r = rc::read_release_please_config(config, manifest);
    EXPECT_FALSE(r.has_value());
    return r ? relkit::error{} : r.error();
  };
  relkit::error e = err("{\"packages\": {,}}", "{}");
  EXPECT_EQ(e.code, rc::errc::invalid_workspace_json);
  EXPECT_EQ(e.position, 14U);
  EXPECT_EQ(e.message(), "invalid JSON in release-please-config.json: expected a string key");
  e = err("{\"packages\": {}}", "[1]");
  EXPECT_EQ(e.code, rc::errc::bad_workspace_config);
  EXPECT_EQ(e.message(), "expected a JSON object for .release-please-manifest.json");
  e = err("{\"packages\": {\"a\": {\"bump-minor-pre-major\": \"yes\"}}}", "{}");
  EXPECT_EQ(e.position, 44U);
  EXPECT_EQ(e.message(), "expected true or false for bump-minor-pre-major");
  e = err("{\"packages\": {\"a\": {}}}", "{\"a\": \"1.02.0\"}");
  EXPECT_EQ(e.position, 6U);
  EXPECT_EQ(e.message(), "expected a version for a");
  e = err("{\"packages\": []}", "{}");
  EXPECT_EQ(e.position, 13U);
  e = err("{\"packages\": {\"a\": {\"tag-separator\": \" \"}}}", "{}");
  EXPECT_EQ(e.message(), "expected a valid tag format for a");
  e = err("{\"packages\": {}, \"plugins\": [{\"name\": 1}]}", "{}");
  EXPECT_EQ(e.position, 29U);
}

// The limits of a configuration file refuse it before its tree grows (issue 19).
TEST(WorkspaceConfig, LimitsOfAConfigurationFile) {
  static_assert(rc::max_config_values == 16384 && rc::max_config_bytes == 4194304);
  // The object, the array, then zeros: the 16,383rd zero is the 16,385th value.
  std::string many = "{\"x\":[";
  for (int i = 0; i < 20000; ++i) many += "0,";
  many += "0]}";
  auto r = rc::read_release_please_config(many, "{}");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, rc::errc::invalid_workspace_json);
  EXPECT_EQ(r.error().position, 6U + 2U * 16382U);
  EXPECT_EQ(r.error().message(),
            "invalid JSON in release-please-config.json: more than 16384 JSON values, the limit "
            "of a configuration file");
  const std::string large = "{}" + std::string(rc::max_config_bytes - 1, ' ');
  auto members = rc::read_workspace_packages({{"packages/a", large}});
  ASSERT_FALSE(members.has_value());
  EXPECT_EQ(members.error().position, rc::max_config_bytes);
  EXPECT_EQ(members.error().message(),
            "invalid JSON in packages/a: larger than 4 MiB, the limit of a configuration file");
  // At the limit, read.
  EXPECT_TRUE(
      rc::read_workspace_packages(
          {{"packages/a", "{\"name\":\"a\"}" + std::string(rc::max_config_bytes - 12, ' ')}})
          .has_value());
}

TEST(WorkspaceConfig, NpmWorkspaces) {
  const std::vector<rc::package_file> members = {
      {"packages/app",
       R"({"name": "@acme/app", "version": "1.0.0", "dependencies": {"@acme/lib": "workspace:^",
          "left-pad": "1.0.0"}, "devDependencies": {"@acme/test-utils": "*"}})"},
      {"packages/lib", R"({"name": "@acme/lib", "version": "0.2.0",
          "peerDependencies": {"@acme/test-utils": "workspace:*"},
          "optionalDependencies": {"@acme/test-utils": "^1"}})"},
      {"packages/test-utils", R"({"name": "@acme/test-utils", "private": true})"}};
  auto ws = rc::read_npm_workspaces(R"({"workspaces": ["packages/*"]})", members);
  ASSERT_TRUE(ws.has_value()) << relkit::to_string(ws.error());
  ASSERT_EQ(ws->packages.size(), 3U);
  EXPECT_EQ(ws->packages[0].name, "@acme/app");
  EXPECT_EQ(ws->packages[0].tags.text(), "@acme/app@${version}");
  EXPECT_EQ(ws->packages[0].dependencies,
            (std::vector<std::string>{"@acme/lib", "@acme/test-utils"}));
  EXPECT_EQ(ws->packages[1].dependencies, std::vector<std::string>{"@acme/test-utils"});
  EXPECT_FALSE(ws->packages[2].current.has_value());
  EXPECT_EQ(*rc::read_npm_workspace_globs(R"({"workspaces": {"packages": ["a/*", "b"]}})"),
            (std::vector<std::string>{"a/*", "b"}));

  auto e = rc::read_npm_workspaces(R"({"name": "root"})", members);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().message(), "expected a list for \"workspaces\"");
  e = rc::read_npm_workspaces(R"({"workspaces": [1]})", members);
  EXPECT_EQ(e.error().position, 16U);
  e = rc::read_workspace_packages({{"p", R"({"version": "1.0.0"})"}});
  EXPECT_EQ(e.error().message(), "expected a name for p");
  e = rc::read_workspace_packages({{"p", R"({"name": "x", "dependencies": []})"}});
  EXPECT_EQ(e.error().position, 30U);
  EXPECT_EQ(e.error().message(), "expected an object of dependencies for p");
  e = rc::read_workspace_packages({{"packages/p", "{\"name\": \"x\",}"}});
  EXPECT_EQ(e.error().code, rc::errc::invalid_workspace_json);
  EXPECT_EQ(e.error().position, 13U);
  EXPECT_EQ(e.error().message(), "invalid JSON in packages/p: expected a string key");
}

TEST(WorkspaceConfig, PnpmWorkspaceYaml) {
  const std::string yaml =
      "# pnpm\n"
      "packages:\n"
      "  # all packages in direct subdirs of packages/\n"
      "  - 'packages/*'\n"
      "  - \"components/**\"   # nested\n"
      "  - apps/*\n"
      "  - '!**/test/**'\n"
      "  - 'it''s'\r\n"
      "\n"
      "catalog:\n"
      "  react: ^18\n"
      "onlyBuiltDependencies:\n"
      "  - esbuild\n";
  auto globs = rc::read_pnpm_workspace(yaml);
  ASSERT_TRUE(globs.has_value()) << relkit::to_string(globs.error());
  EXPECT_EQ(*globs, (std::vector<std::string>{"packages/*", "components/**", "apps/*",
                                              "!**/test/**", "it's"}));
  EXPECT_EQ(*rc::read_pnpm_workspace("packages: [a/*, \"b\", 'c'] # x\n"),
            (std::vector<std::string>{"a/*", "b", "c"}));
  EXPECT_TRUE(rc::read_pnpm_workspace("")->empty());

  auto err = [](const std::string& text) {
    const auto r = rc::read_pnpm_workspace(text);
    EXPECT_FALSE(r.has_value());
    return r ? relkit::error{} : r.error();
  };
  relkit::error e = err("packages:\n  - 'open\n");
  EXPECT_EQ(e.code, rc::errc::bad_workspace_yaml);
  EXPECT_EQ(e.position, 19U);  // the line's end
  EXPECT_EQ(e.message(), "pnpm-workspace.yaml: expected a closing quote");
  e = err("packages:\n  - \"a\" b\n");
  EXPECT_EQ(e.position, 18U);
  e = err("packages: x\n");
  EXPECT_EQ(e.position, 10U);
  EXPECT_EQ(e.message(), "pnpm-workspace.yaml: expected a list of globs");
  e = err("- a\n");
  EXPECT_EQ(e.position, 0U);
  e = err("packages:\n  nested: 1\n");
  EXPECT_EQ(e.position, 12U);
  e = err("packages: [a, b\n");
  EXPECT_EQ(e.position, 15U);
  e = err("packages: [a, \"b\", '']\n");  // the fuzzer's find: an empty glob
  EXPECT_EQ(e.position, 19U);
  EXPECT_EQ(e.message(), "pnpm-workspace.yaml: expected a glob, not an empty string");
  e = err("packages:\n  - \"\\n\"\n");
  EXPECT_EQ(e.position, 15U);
}
