// Rendering cost: one release of 10,000 commits (issue target: <= 5 ms) in each
// style, a whole file of 1,000 releases, and prepend into a 1,000-release file.
#include <relkit/changelog.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

namespace cl = relkit::changelog;

const char* const types[] = {"feat", "fix", "fix", "chore", "docs", "perf", "refactor", "fix"};
const char* const scopes[] = {"", "parser", "cli", "api", "", "deps", "ui", "core"};

cl::release make_release(std::size_t commits, std::size_t seed, std::string version,
                         std::string previous) {
  cl::release r;
  r.version = version;
  r.tag = "v" + version;
  r.previous_tag = "v" + previous;
  r.date = "2026-11-23";
  r.entries.reserve(commits);
  for (std::size_t i = 0; i < commits; ++i) {
    const std::size_t k = (i * 7 + seed) % 8;
    cl::entry e;
    e.hash = std::to_string(1000000 + seed * 100000 + i) + "abcdef0123456789abcdef0123456789a";
    e.type = types[k];
    e.scope = scopes[(i * 3 + seed) % 8];
    e.subject =
        "change number " + std::to_string(i) + " of the release (#" + std::to_string(i + 100) + ")";
    e.header = e.type + (e.scope.empty() ? "" : "(" + e.scope + ")") + ": " + e.subject;
    if (i % 10 == 0) e.references.push_back({"Closes", "", "", "#", std::to_string(i + 5000)});
    if (i % 500 == 0) {
      e.breaking = true;
      e.breaking_notes.push_back("the API changed in change " + std::to_string(i));
    }
    r.entries.push_back(std::move(e));
  }
  return r;
}

cl::repository repo() {
  cl::repository r;
  r.owner = "acme";
  r.name = "rocket";
  return r;
}

void render_10k(benchmark::State& state, cl::preset (*make_style)()) {
  const cl::release r = make_release(10000, 1, "2.0.0", "1.9.0");
  const cl::preset s = make_style();
  const cl::repository where = repo();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = cl::render(r, s, where);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_Render10kConventionalCommits(benchmark::State& state) {
  render_10k(state, &cl::presets::conventionalcommits);
}
void BM_Render10kAngular(benchmark::State& state) {
  render_10k(state, &cl::presets::angular);
}
void BM_Render10kGitCliff(benchmark::State& state) {
  render_10k(state, &cl::presets::git_cliff);
}
void BM_Render10kKeepAChangelog(benchmark::State& state) {
  render_10k(state, &cl::presets::keep_a_changelog);
}
void BM_Render10kRelkitMerged(benchmark::State& state) {
  render_10k(state, &cl::presets::relkit);
}

std::vector<cl::release> many_releases(std::size_t count, std::size_t commits_each) {
  std::vector<cl::release> releases;
  releases.reserve(count);
  for (std::size_t i = count; i > 0; --i) {
    releases.push_back(make_release(commits_each, i, "1." + std::to_string(i) + ".0",
                                    "1." + std::to_string(i - 1) + ".0"));
  }
  return releases;
}

void BM_RenderFile1000Releases(benchmark::State& state) {
  const auto releases = many_releases(1000, 10);
  const cl::preset s = cl::presets::conventionalcommits();
  const cl::repository where = repo();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = cl::render(releases, s, where);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_PrependInto1000ReleaseFile(benchmark::State& state) {
  const auto releases = many_releases(1000, 10);
  const cl::preset s = cl::presets::conventionalcommits();
  const cl::repository where = repo();
  const std::string file = cl::render(releases, s, where);
  const cl::release next = make_release(10, 7, "2.0.0", "1.1000.0");
  for (auto _ : state) {
    auto out = cl::prepend(file, next, s, where);
    benchmark::DoNotOptimize(out);
  }
  state.counters["file_bytes"] = static_cast<double>(file.size());
}

}  // namespace

BENCHMARK(BM_Render10kConventionalCommits)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render10kAngular)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render10kGitCliff)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render10kKeepAChangelog)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render10kRelkitMerged)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderFile1000Releases)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PrependInto1000ReleaseFile)->Unit(benchmark::kMillisecond);
