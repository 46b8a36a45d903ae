// Fuzz target for relkit::commits::read_git_log_with_paths, the reader of
// `git log -z --name-only --format=%x00%H%x1f%P%x1f%B`. Traps when an entry or a path is
// not a view into the input, when a path is empty or holds a NUL, or when an error is not
// bad_log_record inside the input; every history then goes through the workspace
// decision (two packages, one depending on the other, scopes on).
#include <relkit/commits.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool within(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rc = relkit::commits;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto log = rc::read_git_log_with_paths(text);
  if (!log) {
    if (log.error().code != rc::errc::bad_log_record || log.error().position > size)
      __builtin_trap();
    return 0;
  }
  for (const rc::change& c : *log) {
    if (!within(c.entry.message, text) || !within(c.entry.sha, text)) __builtin_trap();
    for (const std::string_view p : c.paths) {
      if (p.empty() || !within(p, text) || p.find('\0') != std::string_view::npos) __builtin_trap();
    }
  }
  rc::workspace ws;
  ws.scope_assigns = true;
  ws.packages.resize(2);
  ws.packages[0].name = "a";
  ws.packages[0].paths = {"a"};
  ws.packages[1].name = "b";
  ws.packages[1].paths = {"", "b/c"};
  ws.packages[1].dependencies = {"a"};
  ws.packages[1].current = relkit::semver::version(0, 1, 0);
  const auto d = rc::decide(ws, *log);
  if (!d || d->packages.size() != 2) __builtin_trap();
  for (const rc::package_decision& p : d->packages) {
    for (const std::size_t k : p.commits) {
      if (k >= log->size()) __builtin_trap();
    }
    if (p.releases != (p.level != rc::bump::none)) __builtin_trap();
  }
  return 0;
}
