// Fuzz target for the regex engine of Unleash REGEX constraints. The input is
// `pattern` NUL `text` (no NUL: the input is both). Compiles the pattern in both
// case modes and searches; traps when a rejected pattern matches, or when a
// case-sensitive match is not also a case-insensitive one - for patterns
// without a negated class: /[^j]/ matches "J" and /[^j]/i does not (as in
// JavaScript; the fuzzer found [^\sjjj...] on "J").
#include <relkit/flags.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rx = relkit::flags::detail;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view pattern = input.substr(0, nul);
  const std::string_view text = nul == std::string_view::npos ? input : input.substr(nul + 1);
  const auto exact = rx::basic_regex<>::compile(pattern, false);
  const auto folded = rx::basic_regex<>::compile(pattern, true);
  if (exact.valid() != folded.valid()) __builtin_trap();
  const bool hit = exact.search(text);
  if (!exact.valid() && hit) __builtin_trap();
  if (hit && pattern.find("[^") == std::string_view::npos && !folded.search(text)) __builtin_trap();
  return 0;
}
