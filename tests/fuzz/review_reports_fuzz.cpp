// Fuzz target for relkit::gates' read_github_reviews, read_github_jobs, read_gitlab_approvals and
// read_gitlab_jobs. Any input must either fail with a gates.report error whose position lies inside
// the input (or is no_position), or give evidence that merges into an empty evidence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "relkit/gates.hpp"

namespace {

namespace g = relkit::gates;

void check(const relkit::result<g::evidence>& r, std::string_view text) {
  if (!r) {
    const auto position = r.error().position;
    if (position != relkit::no_position && position > text.size()) std::abort();
    if (r.error().message().empty()) std::abort();
    return;
  }
  g::evidence into;
  if (!g::merge(into, *r)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(g::read_github_reviews(text), text);
  check(g::read_github_jobs(text), text);
  check(g::read_gitlab_approvals(text), text);
  check(g::read_gitlab_jobs(text), text);
  return 0;
}
