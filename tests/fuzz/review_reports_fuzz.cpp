// Fuzz target for relkit::gates' read_github_reviews, read_github_jobs,
// read_gitlab_approvals and read_gitlab_jobs
// (the rule every report target checks: report_fuzz.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace g = relkit::gates;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  relkit_fuzz::check(g::read_github_reviews(text), text);
  relkit_fuzz::check(g::read_github_jobs(text), text);
  relkit_fuzz::check(g::read_gitlab_approvals(text), text);
  relkit_fuzz::check(g::read_gitlab_jobs(text), text);
  return 0;
}
