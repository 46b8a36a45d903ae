// Fuzz relkit::semver::parse in all three modes: no crash, and a parsed
// version prints to text that parses, in the same mode, to an identical
// version (loose mode keeps leading zeros of numeric ids >= 2^53-1, as
// node-semver does, so its text is not always strict); two versions split at
// a newline compare as the full identifier walk does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "relkit/semver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sv = relkit::semver;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto mode : {sv::parse_mode::strict, sv::parse_mode::npm, sv::parse_mode::npm_loose}) {
    auto v = sv::parse(text, mode);
    if (!v) {
      if (v.error().position > size) std::abort();
      continue;
    }
    const std::string printed = sv::to_string(*v);
    if (mode == sv::parse_mode::strict && printed != text) std::abort();
    sv::parse_options big;
    big.mode = mode;
    big.max_length = 1024;
    auto again = sv::parse(printed, big);
    if (!again || !sv::identical(*again, *v) || sv::compare(*again, *v) != 0) std::abort();
    if (std::hash<sv::version>{}(*again) != std::hash<sv::version>{}(*v)) std::abort();
  }
  // Two versions on either side of the first newline: compare's prerelease
  // shortcut answers as the identifier-by-identifier walk, and antisymmetric.
  const std::size_t newline = text.find('\n');
  if (newline != std::string_view::npos) {
    auto a = sv::parse(text.substr(0, newline), sv::parse_mode::npm_loose);
    auto b = sv::parse(text.substr(newline + 1), sv::parse_mode::npm_loose);
    if (a && b) {
      if (sv::compare(*a, *b) != -sv::compare(*b, *a)) std::abort();
      if (!a->prerelease.empty() && !b->prerelease.empty() &&
          sv::detail::compare_prereleases(a->prerelease, b->prerelease) !=
              sv::detail::compare_identifier_lists(a->prerelease, b->prerelease, false)) {
        std::abort();
      }
    }
  }
  return 0;
}
