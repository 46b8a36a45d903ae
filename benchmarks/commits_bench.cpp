// relkit::commits throughput: the real corpus (../shared/vectors/commits/corpus, found
// through the RELKIT_VECTORS_DIR environment variable at run time; skipped with a message
// when absent), a synthetic mix, and adversarial megabyte inputs.
//   RELKIT_VECTORS_DIR=../shared/vectors ./build/release/benchmarks/bench_commits
#include <relkit/relkit.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../tests/support/commit_corpus.hpp"
#include "../tests/support/json.hpp"

namespace {

namespace rc = relkit::commits;

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> messages = [] {
    std::vector<std::string> out;
    const char* dir = std::getenv("RELKIT_VECTORS_DIR");
    if (dir == nullptr) return out;
    for (const char* repo : relkit_test::commit_corpus_repos) {
      std::ifstream in(std::filesystem::path(dir) / "commits" / "corpus" /
                       (std::string(repo) + ".jsonl"));
      for (std::string line; std::getline(in, line);) {
        relkit_test::json value;
        if (relkit_test::parse_json(line, value)) out.push_back(value["message"].text);
      }
    }
    return out;
  }();
  return messages;
}

void parse_all(benchmark::State& state, const std::vector<std::string>& messages,
               rc::dialect grammar) {
  if (messages.empty()) {
    state.SkipWithError("corpus not found: set RELKIT_VECTORS_DIR to ../shared/vectors");
    return;
  }
  std::int64_t bytes = 0;
  for (const std::string& m : messages) bytes += static_cast<std::int64_t>(m.size());
  const rc::parse_options opts{grammar};
  for (auto _ : state) {
    for (const std::string& m : messages) {
      auto c = rc::parse(m, opts);
      benchmark::DoNotOptimize(c);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(messages.size()));
}

// The same parse into one commit reused for every message (parse(message, out, opts)):
// its lists keep their capacity, so the corpus pass allocates next to nothing.
void BM_ParseCorpusCompatibleInto(benchmark::State& state) {
  const std::vector<std::string>& messages = corpus();
  if (messages.empty()) {
    state.SkipWithError("corpus not found: set RELKIT_VECTORS_DIR to ../shared/vectors");
    return;
  }
  std::int64_t bytes = 0;
  for (const std::string& m : messages) bytes += static_cast<std::int64_t>(m.size());
  const rc::parse_options opts{rc::dialect::conventional_changelog};
  rc::commit c;
  for (auto _ : state) {
    for (const std::string& m : messages) {
      auto done = rc::parse(m, c, opts);
      benchmark::DoNotOptimize(done);
      benchmark::DoNotOptimize(c);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(messages.size()));
}

void BM_ParseCorpusSpec(benchmark::State& state) {
  parse_all(state, corpus(), rc::dialect::spec);
}
void BM_ParseCorpusCompatible(benchmark::State& state) {
  parse_all(state, corpus(), rc::dialect::conventional_changelog);
}

const std::vector<std::string>& synthetic() {
  static const std::vector<std::string> mix = {
      "fix(deps): update dependency typescript to v5.4.5",
      "feat(api)!: drop the v1 endpoints\n\nThe v1 endpoints were deprecated in 2.3.\n\n"
      "BREAKING CHANGE: clients must use /v2\nCloses #1234",
      "docs: fix a typo in the README (#88)",
      "chore(release): 3.4.0 [skip ci]",
      "refactor(core): split the scheduler into queue and runner\n\nNo behaviour change.\n\n"
      "Co-authored-by: Jane Doe <jane@example.com>",
      "Merge pull request #4242 from owner/feature-branch\n\nfeat: add the thing",
      "Revert \"feat(ui): add dark mode\"\n\nThis reverts commit "
      "0123456789abcdef0123456789abcdef01234567.",
      "update stuff"};
  return mix;
}

void BM_ParseSyntheticSpec(benchmark::State& state) {
  parse_all(state, synthetic(), rc::dialect::spec);
}
void BM_ParseSyntheticCompatible(benchmark::State& state) {
  parse_all(state, synthetic(), rc::dialect::conventional_changelog);
}

void adversarial(benchmark::State& state, const std::string& message) {
  for (auto _ : state) {
    auto c = rc::parse(message, rc::parse_options{rc::dialect::conventional_changelog});
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(message.size()));
}
void BM_AdversarialHashes1MB(benchmark::State& state) {
  adversarial(state, std::string(std::size_t{1} << 20, '#'));
}
void BM_AdversarialParens1MB(benchmark::State& state) {
  adversarial(state, "fix" + std::string(std::size_t{1} << 20, '('));
}
void BM_AdversarialReferences1MB(benchmark::State& state) {
  std::string body = "fix: x\n\n";
  while (body.size() < (std::size_t{1} << 20)) body += "closes a/b#1, ";
  adversarial(state, body);
}

void BM_LintCorpus(benchmark::State& state) {
  const auto& messages = corpus();
  if (messages.empty()) {
    state.SkipWithError("corpus not found: set RELKIT_VECTORS_DIR to ../shared/vectors");
    return;
  }
  for (auto _ : state) {
    for (const std::string& m : messages) {
      auto report = rc::lint(m);
      benchmark::DoNotOptimize(report);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(messages.size()));
}

void BM_DecideCorpus(benchmark::State& state) {
  const auto& messages = corpus();
  if (messages.empty()) {
    state.SkipWithError("corpus not found: set RELKIT_VECTORS_DIR to ../shared/vectors");
    return;
  }
  std::vector<rc::log_entry> range;
  for (const std::string& m : messages) range.push_back(rc::log_entry{"0123456789abcdef", 1, m});
  const rc::policy p = rc::presets::semantic_release();
  for (auto _ : state) {
    auto d = rc::decide(range, p);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(range.size()));
}

}  // namespace

BENCHMARK(BM_ParseCorpusSpec)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseCorpusCompatible)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseCorpusCompatibleInto)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseSyntheticSpec)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseSyntheticCompatible)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AdversarialHashes1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AdversarialParens1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AdversarialReferences1MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LintCorpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecideCorpus)->Unit(benchmark::kMillisecond);
