// What the report readers' fuzz targets share: any input must either fail
// with a gates.report error whose position lies inside the input (or is
// no_position) and whose message is not empty, or give evidence that merges
// into an empty evidence. A target calls check() on each reader's answer.
#pragma once

#include <cstdlib>
#include <string_view>

#include "relkit/gates.hpp"

namespace relkit_fuzz {

inline void check(const relkit::result<relkit::gates::evidence>& r, std::string_view text) {
  if (!r) {
    const auto position = r.error().position;
    if (position != relkit::no_position && position > text.size()) std::abort();
    if (r.error().message().empty()) std::abort();
    return;
  }
  relkit::gates::evidence into;
  if (!relkit::gates::merge(into, *r)) std::abort();
}

}  // namespace relkit_fuzz
