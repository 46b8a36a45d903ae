// relkit side of "memory for parsing the whole commit corpus": the messages of
// BM_ParseCorpusCompatible (every `message` of RELKIT_VECTORS_DIR/commits/corpus/<repo>.jsonl,
// repositories of tests/support/commit_corpus.hpp, in that order), all parsed with the
// conventional-changelog (parser 7.1.4) grammar and every parsed commit held at once.
//   RELKIT_VECTORS_DIR=... mem_commits
// peak_rss_delta_kib = peak RSS after parsing - RSS before (messages loaded);
// heap_held_bytes = heap in use with all commits held - before. One JSON line;
// node_commits_mem.js measures conventional-commits-parser 7.1.4 the same way.
#include <relkit/relkit.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../../tests/support/commit_corpus.hpp"
#include "../../tests/support/json.hpp"
#include "mem_common.hpp"

int main() {
  const char* dir = std::getenv("RELKIT_VECTORS_DIR");
  if (dir == nullptr) {
    std::fprintf(stderr, "mem_commits: set RELKIT_VECTORS_DIR\n");
    return 2;
  }
  std::vector<std::string> messages;
  std::size_t bytes = 0;
  for (const char* repo : relkit_test::commit_corpus_repos) {
    std::ifstream in(std::filesystem::path(dir) / "commits" / "corpus" /
                     (std::string(repo) + ".jsonl"));
    for (std::string line; std::getline(in, line);) {
      relkit_test::json value;
      if (relkit_test::parse_json(line, value)) {
        messages.push_back(value["message"].text);
        bytes += messages.back().size();
      }
    }
  }
  if (messages.empty()) return 2;
  const long rss_before = peers::rss_kib();
  const std::size_t heap_before = peers::heap_bytes();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<relkit::commits::commit> parsed;
  parsed.reserve(messages.size());
  const relkit::commits::parse_options opts{relkit::commits::dialect::conventional_changelog};
  std::size_t parsed_ok = 0;
  for (const std::string& m : messages) {
    auto c = relkit::commits::parse(m, opts);
    if (c) {
      ++parsed_ok;
      parsed.push_back(std::move(*c));
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const std::size_t heap_after = peers::heap_bytes();
  const long peak = peers::peak_rss_kib();
  std::printf(
      "{\"name\":\"corpus_held\",\"impl\":\"relkit\",\"messages\":%zu,\"bytes\":%zu,"
      "\"parsed\":%zu,\"parse_ms\":%.2f,\"rss_before_kib\":%ld,\"rss_after_kib\":%ld,"
      "\"peak_rss_kib\":%ld,\"peak_rss_delta_kib\":%ld,\"heap_held_bytes\":%lld}\n",
      messages.size(), bytes, parsed_ok, ms, rss_before, peers::rss_kib(), peak, peak - rss_before,
      static_cast<long long>(heap_after) - static_cast<long long>(heap_before));
  return 0;
}
