// Fuzz relkit::semver::parse_range: no crash, and the normalised form parses
// again; normalising twice is a fixed point. (Once is not: as in node-semver,
// loose `00` prints `>=0.0.0 <1.0.0-0`, which then drops its `>=0.0.0`.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "relkit/semver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sv = relkit::semver;
  if (size > 4096) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (int flags = 0; flags < 4; ++flags) {
    sv::range_options opts;
    opts.loose = (flags & 1) != 0;
    opts.include_prerelease = (flags & 2) != 0;
    auto r = sv::parse_range(text, opts);
    if (!r) {
      if (r.error().position > size) std::abort();
      continue;
    }
    const std::string printed = sv::to_string(*r);
    auto again = sv::parse_range(printed, opts);
    if (!again) std::abort();
    const std::string printed_again = sv::to_string(*again);
    auto third = sv::parse_range(printed_again, opts);
    if (!third || sv::to_string(*third) != printed_again) std::abort();
    // Matching never crashes; the lowest version found must match.
    if (auto low = sv::min_version(*r)) {
      if (!sv::satisfies(*low, *r)) std::abort();
    }
    (void)sv::intersects(*r, *again);
    (void)sv::subset(*r, *again);
  }
  return 0;
}
