// Fuzz target for relkit::commits::read_release_please_config. The input is split at its
// first NUL into the config and the manifest. Traps when an error is of another domain
// than commits (invalid_workspace_json or bad_workspace_config) or lies outside the text
// it is about; a workspace read is then decided over an empty history.
#include <relkit/commits.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rc = relkit::commits;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = text.find('\0');
  const std::string_view config = text.substr(0, nul);
  const std::string_view manifest =
      nul == std::string_view::npos ? std::string_view("{}") : text.substr(nul + 1);
  const auto ws = rc::read_release_please_config(config, manifest);
  if (!ws) {
    const relkit::error& e = ws.error();
    if (e.code != rc::errc::invalid_workspace_json && e.code != rc::errc::bad_workspace_config)
      __builtin_trap();
    if (e.position > config.size() && e.position > manifest.size()) __builtin_trap();
    return 0;
  }
  const auto d = rc::decide(*ws, {});
  if (d && d->packages.size() != ws->packages.size()) __builtin_trap();
  return 0;
}
