#pragma once
// The commit corpus of ../shared/vectors/commits/corpus/, shared by the
// conformance tests and the commits benchmark.

#include <array>

namespace relkit_test {

// One <repo>.jsonl and <repo>.expected.jsonl each.
inline constexpr std::array<const char*, 12> commit_corpus_repos = {
    "angular+angular-cli",
    "angular+components",
    "carloscuesta+gitmoji",
    "cocogitto+cocogitto",
    "conventional-changelog+commitlint",
    "conventional-changelog+conventional-changelog",
    "googleapis+release-please",
    "orhun+git-cliff",
    "semantic-release+semantic-release",
    "typescript-eslint+typescript-eslint",
    "vitejs+vite",
    "vuejs+core"};

}  // namespace relkit_test
