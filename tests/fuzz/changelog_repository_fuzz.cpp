// Fuzz target for relkit::changelog::parse_repository (repository URLs, SSH and
// scp-like forms). Traps when an error's position lies outside the input or a
// parsed repository has no owner, name or host URL.
#include <relkit/changelog.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace cl = relkit::changelog;
  const std::string_view url(reinterpret_cast<const char*>(data), size);
  for (const cl::host fallback : {cl::host::gitea, cl::host::gitlab}) {
    const auto repo = cl::parse_repository(url, fallback);
    if (!repo) {
      if (repo.error().position > size && repo.error().position != relkit::no_position) {
        __builtin_trap();
      }
      continue;
    }
    if (repo->owner.empty() || repo->name.empty() || repo->host_url.empty()) __builtin_trap();
  }
  return 0;
}
