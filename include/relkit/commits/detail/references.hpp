#pragma once
// Issue references of the commit message parser (relkit/commits/detail/parser.hpp): their
// case-insensitive identity and deduplication.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// References are deduplicated as they are found (the first of each
// case-insensitive (action, raw) pair is kept, as dedupe_references does
// after), so the max_items limit counts distinct references.
inline std::uint64_t reference_hash(const commits::reference& r) noexcept {
  std::uint64_t h = 1469598103934665603ull ^ (r.action.empty() ? 0u : 1u);
  for (char ch : r.action) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
  h = (h ^ 0xffu) * 1099511628211ull;
  for (char ch : r.raw) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
  return h;
}

inline bool same_reference(const commits::reference& a, const commits::reference& b) noexcept {
  return a.action.empty() == b.action.empty() && iequals(a.action, b.action) &&
         iequals(a.raw, b.raw);
}

// dedupe_references for a list of two or more.
inline void dedupe_reference_list(std::vector<commits::reference>& refs) {
  auto same = [](const commits::reference& a, const commits::reference& b) {
    return a.action.empty() == b.action.empty() && iequals(a.action, b.action) &&
           iequals(a.raw, b.raw);
  };
  if (refs.size() <= 16) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < refs.size(); ++i) {
      bool seen = false;
      for (std::size_t j = 0; j < kept && !seen; ++j) seen = same(refs[j], refs[i]);
      if (!seen) refs[kept++] = refs[i];
    }
    refs.resize(kept);
    return;
  }
  // Many references: an open-addressing set of indexes keeps this linear.
  auto hash = [](const commits::reference& r) {
    std::uint64_t h = 1469598103934665603ull ^ (r.action.empty() ? 0u : 1u);
    for (char ch : r.action) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
    h = (h ^ 0xffu) * 1099511628211ull;
    for (char ch : r.raw) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
    return h;
  };
  std::size_t capacity = 64;
  while (capacity < refs.size() * 2) capacity *= 2;
  std::vector<std::size_t> slots(capacity, std::string_view::npos);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < refs.size(); ++i) {
    std::size_t slot = std::size_t{hash(refs[i])} & (capacity - 1);
    bool seen = false;
    while (slots[slot] != std::string_view::npos) {
      if (same(refs[slots[slot]], refs[i])) {
        seen = true;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
    if (seen) continue;
    refs[kept] = refs[i];
    slots[slot] = kept++;
  }
  refs.resize(kept);
}

// Drops repeated (action, raw) pairs, case-insensitively, keeping the first; a list of
// fewer than two (nearly every commit) is decided in line.
inline void dedupe_references(std::vector<commits::reference>& refs) {
  if (refs.size() >= 2) dedupe_reference_list(refs);
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
