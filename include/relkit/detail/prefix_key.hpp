#pragma once
// An order-preserving 8-byte key of a string, for sorts and searches that
// would otherwise call memcmp on every comparison.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// The first eight bytes of s as a big-endian number, zero-padded. If
// prefix_key(a) < prefix_key(b) then a < b byte-wise; equal keys say nothing,
// so callers compare the strings themselves on a tie.
[[nodiscard]] constexpr std::uint64_t prefix_key(std::string_view s) noexcept {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0U);
  }
  return key;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
