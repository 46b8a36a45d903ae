// prepend() on arbitrary existing files: whenever it succeeds, the old file is in
// the result byte for byte, split at one point around the inserted block
// (result = old[0, k) + block + old[k, end)); with skip_existing a second run
// changes nothing; a version already present is refused, or skipped unchanged.
//
// Input: byte 0 = flags (bit 0: CRLF section), bytes 1-2 = section length, then
// the section's body, then the existing file.
#include <relkit/changelog.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace cl = relkit::changelog;

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

// True when `result` is `old` with one block inserted somewhere.
bool contains_with_one_insertion(std::string_view old, std::string_view result) {
  if (result.size() < old.size()) return false;
  std::size_t prefix = 0;
  while (prefix < old.size() && old[prefix] == result[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < old.size() - prefix &&
         old[old.size() - 1 - suffix] == result[result.size() - 1 - suffix]) {
    ++suffix;
  }
  return prefix + suffix == old.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const bool crlf = (data[0] & 1) != 0;
  std::size_t section_size = static_cast<std::size_t>(data[1]) << 8 | data[2];
  const std::string_view rest(reinterpret_cast<const char*>(data + 3), size - 3);
  if (section_size > rest.size()) section_size = rest.size();
  std::string section = crlf ? "## [9.9.9] - 2026-01-01\r\n\r\n" : "## [9.9.9] - 2026-01-01\n\n";
  section += rest.substr(0, section_size);
  const std::string_view old = rest.substr(section_size);

  const auto once = cl::prepend(old, section, "9.9.9");
  cl::prepend_options skip;
  skip.skip_existing = true;
  const auto skipped = cl::prepend(old, section, "v9.9.9", skip);
  if (!once) {
    if (once.error().code == cl::errc::version_exists) {
      check(skipped.has_value() && *skipped == old);  // skip: unchanged
    } else {
      check(once.error().code == cl::errc::unrecognized_file);
      check(!skipped.has_value());
    }
    return 0;
  }
  check(contains_with_one_insertion(old, *once));
  check(skipped.has_value() && *skipped == *once);
  // Idempotent: the version is now present, a second run changes nothing.
  const auto again = cl::prepend(*once, section, "9.9.9", skip);
  if (again) check(*again == *once);
  return 0;
}
