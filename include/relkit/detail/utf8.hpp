#pragma once
// UTF-8 validation shared by every component that checks text (the changelog's
// reader, the relkit command's JSON output): one definition of a valid sequence.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// The length of the valid UTF-8 sequence that starts at `s[at]` (1 for an ASCII
// byte, NUL included), or 0 when it is not one: RFC 3629, so no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence.
// Precondition: at < s.size().
[[nodiscard]] constexpr std::size_t utf8_length(std::string_view s, std::size_t at) noexcept {
  const auto byte = [&s, at](std::size_t k) { return static_cast<unsigned char>(s[at + k]); };
  const unsigned lead = byte(0);
  if (lead < 0x80U) return 1;
  std::size_t length = 0;
  unsigned low = 0x80U;  // the range of the second byte (narrower after E0, ED, F0, F4)
  unsigned high = 0xBFU;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) low = 0xA0U;   // overlong
    if (lead == 0xEDU) high = 0x9FU;  // surrogates
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) low = 0x90U;   // overlong
    if (lead == 0xF4U) high = 0x8FU;  // above U+10FFFF
  } else {
    return 0;  // a continuation byte, C0/C1 (overlong) or F5..FF
  }
  if (s.size() - at < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(k) < 0x80U || byte(k) > 0xBFU) return 0;
  }
  return length;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
