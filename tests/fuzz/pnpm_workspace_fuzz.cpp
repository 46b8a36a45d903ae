// Fuzz target for relkit::commits::read_pnpm_workspace (the YAML subset of
// pnpm-workspace.yaml). Traps when an error is not bad_workspace_yaml inside the input,
// or when a glob read is empty.
#include <relkit/commits.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rc = relkit::commits;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto globs = rc::read_pnpm_workspace(text);
  if (!globs) {
    if (globs.error().code != rc::errc::bad_workspace_yaml || globs.error().position > size)
      __builtin_trap();
    return 0;
  }
  for (const std::string& g : *globs) {
    if (g.empty()) __builtin_trap();
  }
  return 0;
}
