// Fuzz target for relkit::commits::read_git_log, the reader of
// `git log --format=%H%x1f%P%x1f%B%x1e`. Traps when an entry is not a view into
// the input, when a sha is not 7-64 hex digits, or when an error's position lies
// outside the input; every entry then goes through the bump decision.
#include <relkit/commits.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool within(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

bool is_sha(std::string_view sha) {
  if (sha.size() < 7 || sha.size() > 64) return false;
  for (const char c : sha) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rc = relkit::commits;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto log = rc::read_git_log(text);
  if (!log) {
    if (log.error().code != rc::errc::bad_log_record || log.error().position > size)
      __builtin_trap();
    return 0;
  }
  for (const rc::log_entry& e : *log) {
    if (!within(e.message, text) || !within(e.sha, text) || !is_sha(e.sha)) __builtin_trap();
  }
  const rc::decision d = rc::decide(*log, rc::presets::semantic_release());
  if (d.level != rc::bump::none && d.commit_index >= log->size()) __builtin_trap();
  return 0;
}
