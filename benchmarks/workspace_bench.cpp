// relkit::commits workspaces at monorepo size: a synthetic 100-package workspace over a
// 30,000-commit history with file lists (issue 17's target: every package decided in
// at most 0.5 s). The history is generated deterministically (a fixed linear
// congruential generator) in the documented `git log -z --name-only` format:
//   - 100 packages under packages/pkg-NN, each depending on up to 3 packages with a
//     lower number (a DAG: chains up to 100 long), propagation patch;
//   - 1-5 files per commit: mostly inside one package (70%), two packages (20%), or
//     root files, CHANGELOG.md and lockfiles (10%, some commits excluded-only);
//   - conventional messages (feat 20%, fix 35%, chore 15%, docs 10%, refactor 10%,
//     test 5%, `feat!` 1%, non-conventional 4%), a body on every third commit, scopes
//     naming packages on every fifth;
//   - no release tags: every package is decided over the whole history (the worst case;
//     after a release the cut makes each range shorter).
//   ./build/release/benchmarks/bench_workspace
#include <relkit/commits.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace rc = relkit::commits;

constexpr int package_count = 100;
constexpr int commit_count = 30000;

struct generator {
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  std::uint32_t next(std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33U) % bound);
  }
};

std::string two_digits(std::uint32_t n) {
  std::string s = std::to_string(n);
  return n < 10 ? "0" + s : s;
}

std::string hex_sha(std::uint64_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string s(40, '0');
  for (std::size_t i = 0; i < 40; ++i) {
    s[39 - i] = digits[n & 15U];
    n = (n >> 4U) ^ (n * 0x9E3779B97F4A7C15ULL >> 60U);
  }
  return s;
}

struct fixture {
  rc::workspace ws;
  std::string log;
};

const fixture& make_fixture() {
  static const fixture f = [] {
    fixture out;
    generator g;
    for (std::uint32_t i = 0; i < package_count; ++i) {
      rc::package p;
      p.name = "pkg-" + two_digits(i);
      p.paths = {"packages/" + p.name};
      p.tags = *rc::parse_tag_format(p.name + "@${version}");
      p.current = relkit::semver::version(1, i % 7, 0);
      const std::uint32_t deps = i == 0 ? 0 : g.next(4);
      for (std::uint32_t d = 0; d < deps; ++d) {
        const std::string dep = "pkg-" + two_digits(g.next(i));
        bool seen = false;
        for (const std::string& have : p.dependencies) seen = seen || have == dep;
        if (!seen) p.dependencies.push_back(dep);
      }
      out.ws.packages.push_back(std::move(p));
    }
    const char* files[] = {"src/index.ts",   "src/util.ts",  "README.md",   "package.json",
                           "test/a.test.ts", "CHANGELOG.md", "lib/core.js", "docs/guide.md"};
    const char* root_files[] = {"CHANGELOG.md", "pnpm-lock.yaml", "package-lock.json",
                                ".github/workflows/ci.yml", "tsconfig.json"};
    const char* descriptions[] = {"add option",        "handle empty input", "update dependencies",
                                  "rework the reader", "document the flag",  "speed up parse"};
    std::vector<std::string> records;
    records.reserve(commit_count);
    for (std::uint32_t c = 0; c < commit_count; ++c) {
      std::string message;
      const std::uint32_t roll = g.next(100);
      const std::uint32_t home = g.next(package_count);
      std::string scope = c % 5 == 0 ? "(pkg-" + two_digits(home) + ")" : "";
      const char* type = roll < 20   ? "feat"
                         : roll < 55 ? "fix"
                         : roll < 70 ? "chore"
                         : roll < 80 ? "docs"
                         : roll < 90 ? "refactor"
                         : roll < 95 ? "test"
                         : roll < 96 ? "feat!"
                                     : nullptr;
      const std::string description = descriptions[g.next(6)];
      if (type == nullptr) {
        message = "Update " + description;
      } else if (type[4] == '!') {
        message = "feat" + scope + "!: " + description;
      } else {
        message = std::string(type) + scope + ": " + description;
      }
      if (c % 3 == 0)
        message += "\n\nA body line that explains the change.\n\nRefs #" + std::to_string(c);
      std::string record;
      record += '\0';
      record +=
          hex_sha(c + 1) + '\x1f' + (c == 0 ? std::string() : hex_sha(c)) + '\x1f' + message + '\n';
      record += '\0';
      record += '\n';
      const std::uint32_t where = g.next(10);
      const std::uint32_t n_files = 1 + g.next(5);
      for (std::uint32_t k = 0; k < n_files; ++k) {
        std::string path;
        if (where < 7) {
          path = "packages/pkg-" + two_digits(home) + "/" + files[g.next(8)];
        } else if (where < 9) {
          const std::uint32_t pkg = k % 2 == 0 ? home : g.next(package_count);
          path = "packages/pkg-" + two_digits(pkg) + "/" + files[g.next(8)];
        } else {
          path = root_files[g.next(5)];
        }
        record += path;
        record += '\0';
      }
      records.push_back(std::move(record));
    }
    for (std::size_t i = records.size(); i-- > 0;) out.log += records[i];  // newest first
    return out;
  }();
  return f;
}

// What the command does after running git: read the log, decide every package.
void read_and_decide(benchmark::State& state) {
  const fixture& f = make_fixture();
  std::size_t releasing = 0;
  for (auto _ : state) {
    auto log = rc::read_git_log_with_paths(f.log);
    auto d = rc::decide(f.ws, *log);
    releasing = 0;
    for (const auto& p : d->packages) releasing += p.releases ? 1U : 0U;
    benchmark::DoNotOptimize(d);
  }
  state.counters["packages_releasing"] = static_cast<double>(releasing);
  state.counters["log_MB"] = static_cast<double>(f.log.size()) / 1e6;
}
BENCHMARK(read_and_decide)->Unit(benchmark::kMillisecond);

// The same with release-please's preset (its reader splits footers into commits).
void read_and_decide_release_please(benchmark::State& state) {
  const fixture& f = make_fixture();
  rc::workspace ws = f.ws;
  for (rc::package& p : ws.packages) p.preset = rc::presets::release_please();
  for (auto _ : state) {
    auto log = rc::read_git_log_with_paths(f.log);
    auto d = rc::decide(ws, *log);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(read_and_decide_release_please)->Unit(benchmark::kMillisecond);

// Reading the 30,000 records alone.
void read_log(benchmark::State& state) {
  const fixture& f = make_fixture();
  for (auto _ : state) {
    auto log = rc::read_git_log_with_paths(f.log);
    benchmark::DoNotOptimize(log);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.log.size()));
}
BENCHMARK(read_log)->Unit(benchmark::kMillisecond);

}  // namespace
