#pragma once
// Hash functions the flag systems bucket with: MurmurHash3 x86_32, FNV-1a 32,
// SHA-1, MD5 and CRC-32 (IEEE). Each reads its input byte by byte and
// assembles words explicitly, so digests do not depend on host endianness.
// All are constexpr.

#include "relkit/detail/prologue.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/utf8.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

[[nodiscard]] constexpr std::uint32_t rotl32(std::uint32_t x, unsigned r) noexcept {
  return (x << r) | (x >> (32U - r));
}

[[nodiscard]] constexpr std::uint32_t byte_at(std::string_view s, std::size_t i) noexcept {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i]));
}

// Bytes i..i+3 of s as a little-endian word. At run time on a little-endian
// GCC/Clang target this is one unaligned load (the byte-wise form is not
// always merged into one); in constant evaluation and elsewhere, byte by byte.
[[nodiscard]] constexpr std::uint32_t load_le32(std::string_view s, std::size_t i) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (!__builtin_is_constant_evaluated()) {
    std::uint32_t word = 0;
    __builtin_memcpy(&word, s.data() + i, sizeof word);
    return word;
  }
#endif
  return byte_at(s, i) | (byte_at(s, i + 1) << 8U) | (byte_at(s, i + 2) << 16U) |
         (byte_at(s, i + 3) << 24U);
}

// ---------------------------------------------------------------------------
// UTF-8 -> UTF-16 code units, as JavaScript strings hold text. Malformed
// sequences decode to U+FFFD one byte at a time (as TextDecoder does for a
// lone byte), so every input has a defined answer.
class utf16_units {
 public:
  constexpr explicit utf16_units(std::string_view utf8) noexcept : text_(utf8) {}

  // Next code unit into `unit`; false at the end.
  [[nodiscard]] constexpr bool next(std::uint32_t& unit) noexcept {
    if (pending_low_ != 0) {
      unit = pending_low_;
      pending_low_ = 0;
      return true;
    }
    if (pos_ >= text_.size()) return false;
    const std::uint32_t cp = decode();
    if (cp >= 0x10000U) {
      const std::uint32_t v = cp - 0x10000U;
      unit = 0xD800U + (v >> 10U);
      pending_low_ = 0xDC00U + (v & 0x3FFU);
    } else {
      unit = cp;
    }
    return true;
  }

 private:
  [[nodiscard]] constexpr std::uint32_t decode() noexcept {
    const std::uint32_t lead = byte_at(text_, pos_);
    if (lead < 0x80U) {
      ++pos_;
      return lead;
    }
    const std::size_t len = relkit::detail::utf8_length(text_, pos_);
    if (len == 0) {  // not UTF-8 (relkit/detail/utf8.hpp): U+FFFD for the one byte
      ++pos_;
      return 0xFFFDU;
    }
    std::uint32_t cp = lead & (0x7FU >> len);  // the lead byte's bits (len 2..4)
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6U) | (byte_at(text_, pos_ + k) & 0x3FU);
    pos_ += len;
    return cp;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t pending_low_ = 0;
};

// ---------------------------------------------------------------------------
// MurmurHash3 x86_32 (Austin Appleby's reference): 4-byte little-endian
// blocks, tail, fmix32. Streaming so a key "group:id" hashes without being
// concatenated first.
namespace murmur3 {

// The two steps of MurmurHash3 x86_32, shared by the streaming hasher and the
// one-pass joined hash below.
[[nodiscard]] constexpr std::uint32_t scramble(std::uint32_t k) noexcept {
  k *= 0xCC9E2D51U;
  k = rotl32(k, 15);
  return k * 0x1B873593U;
}
[[nodiscard]] constexpr std::uint32_t mix(std::uint32_t h, std::uint32_t block) noexcept {
  h ^= scramble(block);
  h = rotl32(h, 13);
  return h * 5U + 0xE6546B64U;
}
// `tail` holds the last length % 4 bytes (little-endian); the reference mixes
// the length mod 2^32.
[[nodiscard]] constexpr std::uint32_t finalize(std::uint32_t h, std::uint32_t tail,
                                               std::size_t length) noexcept {
  if (length % 4 != 0) h ^= scramble(tail);
  h ^= static_cast<std::uint32_t>(length);
  h ^= h >> 16U;
  h *= 0x85EBCA6BU;
  h ^= h >> 13U;
  h *= 0xC2B2AE35U;
  h ^= h >> 16U;
  return h;
}

class hasher {
 public:
  constexpr explicit hasher(std::uint32_t seed) noexcept : h_(seed) {}

  constexpr void update_byte(std::uint32_t byte) noexcept {
    block_ |= (byte & 0xFFU) << (8U * fill_);
    ++length_;
    if (++fill_ == 4U) {
      h_ = mix(h_, block_);
      block_ = 0;
      fill_ = 0;
    }
  }
  constexpr void update(std::string_view bytes) noexcept {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (fill_ != 0 && i < n) update_byte(byte_at(bytes, i++));
    // Whole blocks straight from the input: the hot path.
    for (; i + 4 <= n; i += 4) {
      h_ = mix(h_, load_le32(bytes, i));
      length_ += 4;
    }
    while (i < n) update_byte(byte_at(bytes, i++));
  }
  [[nodiscard]] constexpr std::uint32_t finish() const noexcept {
    return finalize(h_, block_, length_);
  }
  // A copy's update(bytes).finish(), this hasher unchanged: a prefix hashed
  // once (Unleash's "groupId:" when a flag set is built) continued with the
  // part that changes per call. Whole blocks straight from `bytes`.
  [[nodiscard]] constexpr std::uint32_t finish_with(std::string_view bytes) const noexcept {
    std::uint32_t h = h_, block = block_, fill = fill_;
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    if (fill != 0) {
      for (; fill < 4U && i < n; ++i, ++fill) block |= byte_at(bytes, i) << (8U * fill);
      if (fill == 4U) {
        h = mix(h, block);
        block = 0;
        fill = 0;
      }
    }
    for (; i + 8 <= n; i += 8) h = mix(mix(h, load_le32(bytes, i)), load_le32(bytes, i + 4));
    if (i + 4 <= n) {
      h = mix(h, load_le32(bytes, i));
      i += 4;
    }
    for (; i < n; ++i, ++fill) block |= byte_at(bytes, i) << (8U * fill);
    return finalize(h, block, length_ + n);
  }

 private:
  std::uint32_t h_;
  std::uint32_t block_ = 0;
  std::uint32_t fill_ = 0;
  std::uint32_t length_ = 0;  // mod 2^32, as the reference mixes it
};

[[nodiscard]] constexpr std::uint32_t hash(std::string_view bytes,
                                           std::uint32_t seed = 0) noexcept {
  hasher h(seed);
  h.update(bytes);
  return h.finish();
}

// hash() of the bytes of `a`, then `separator`, then `b`, without building
// the joined string: Unleash hashes "groupId:userId" on every evaluation.
// Equal to hash(a + separator + b, seed); whole blocks are read straight
// from a and b, only the block or two around the separator are assembled.
[[nodiscard]] constexpr std::uint32_t hash_joined(std::string_view a, char separator,
                                                  std::string_view b,
                                                  std::uint32_t seed = 0) noexcept {
  const std::size_t a_size = a.size();
  const std::size_t n = a_size + 1 + b.size();
  auto at = [&](std::size_t i) -> std::uint32_t {
    if (i < a_size) return byte_at(a, i);
    if (i == a_size) return static_cast<unsigned char>(separator);
    return byte_at(b, i - a_size - 1);
  };
  std::uint32_t h = seed;
  std::size_t i = 0;
  for (; i + 4 <= a_size; i += 4) h = mix(h, load_le32(a, i));
  for (; i <= a_size && i + 4 <= n; i += 4) {  // blocks that hold the separator
    h = mix(h, at(i) | (at(i + 1) << 8U) | (at(i + 2) << 16U) | (at(i + 3) << 24U));
  }
  for (; i + 4 <= n; i += 4) h = mix(h, load_le32(b, i - a_size - 1));
  std::uint32_t tail = 0;
  for (std::size_t t = n - i; t > 0; --t) tail = (tail << 8U) | at(i + t - 1);
  return finalize(h, tail, n);
}

}  // namespace murmur3

// ---------------------------------------------------------------------------
// FNV-1a 32 over UTF-16 code units (whole 16-bit units XORed in), the way
// GrowthBook's JavaScript SDK hashes `str.charCodeAt(i)`.
class fnv1a_32_utf16 {
 public:
  static constexpr std::uint32_t prime = 0x01000193U;
  constexpr void update_unit(std::uint32_t unit) noexcept {
    h_ ^= unit;
    h_ *= prime;
  }
  constexpr void update(std::string_view utf8) noexcept {
    std::size_t i = 0;
    const std::size_t n = utf8.size();
    // ASCII fast path: one byte is one code unit. Eight bytes tested at
    // once, then eight steps (a chain: FNV-1a's).
    std::uint32_t h = h_;
    for (; i + 8 <= n; i += 8) {
      if (((load_le32(utf8, i) | load_le32(utf8, i + 4)) & 0x80808080U) != 0) break;
      for (std::size_t k = 0; k < 8; ++k) h = (h ^ byte_at(utf8, i + k)) * prime;
    }
    for (; i < n && byte_at(utf8, i) < 0x80U; ++i) h = (h ^ byte_at(utf8, i)) * prime;
    h_ = h;
    if (i == n) return;
    utf16_units units(utf8.substr(i));
    std::uint32_t unit = 0;
    while (units.next(unit)) update_unit(unit);
  }
  [[nodiscard]] constexpr std::uint32_t finish() const noexcept { return h_; }

 private:
  std::uint32_t h_ = 0x811C9DC5U;
};

// Plain FNV-1a 32 over bytes.
[[nodiscard]] constexpr std::uint32_t fnv1a_32(std::string_view bytes) noexcept {
  std::uint32_t h = 0x811C9DC5U;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    h ^= byte_at(bytes, i);
    h *= 0x01000193U;
  }
  return h;
}

// ---------------------------------------------------------------------------
// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as zlib.crc32.
struct crc32_table {
  std::array<std::uint32_t, 256> entries{};
  constexpr crc32_table() noexcept {
    for (std::uint32_t n = 0; n < 256U; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
      entries[n] = c;
    }
  }
};
inline constexpr crc32_table crc32_lookup{};

class crc32_ieee {
 public:
  constexpr void update(std::string_view bytes) noexcept {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      c_ = crc32_lookup.entries[(c_ ^ byte_at(bytes, i)) & 0xFFU] ^ (c_ >> 8U);
    }
  }
  [[nodiscard]] constexpr std::uint32_t finish() const noexcept { return c_ ^ 0xFFFFFFFFU; }

 private:
  std::uint32_t c_ = 0xFFFFFFFFU;
};

[[nodiscard]] constexpr std::uint32_t crc32(std::string_view bytes) noexcept {
  crc32_ieee c;
  c.update(bytes);
  return c.finish();
}

// ---------------------------------------------------------------------------
// SHA-1 (FIPS 180-4) and MD5 (RFC 1321), streaming, 64-byte blocks.
using sha1_digest = std::array<std::uint8_t, 20>;
using md5_digest = std::array<std::uint8_t, 16>;

class sha1_hasher {
 public:
  constexpr void update(std::string_view bytes) noexcept {
    for (std::size_t i = 0; i < bytes.size(); ++i)
      push(static_cast<std::uint8_t>(byte_at(bytes, i)));
  }
  [[nodiscard]] constexpr sha1_digest finish() noexcept {
    const std::uint64_t bits = total_ * 8U;
    push(0x80U);
    while (fill_ != 56U) push(0);
    for (int k = 7; k >= 0; --k)
      push(static_cast<std::uint8_t>(bits >> (8U * static_cast<unsigned>(k))));
    sha1_digest out{};
    for (std::size_t i = 0; i < 5; ++i) {
      for (std::size_t b = 0; b < 4; ++b) {
        out[i * 4 + b] = static_cast<std::uint8_t>(h_[i] >> (24U - 8U * b));
      }
    }
    return out;
  }

 private:
  constexpr void push(std::uint8_t byte) noexcept {
    block_[fill_++] = byte;
    ++total_;
    if (fill_ == 64U) {
      compress();
      fill_ = 0;
    }
  }
  constexpr void compress() noexcept {
    std::array<std::uint32_t, 80> w{};
    for (std::size_t t = 0; t < 16; ++t) {
      w[t] = (std::uint32_t{block_[t * 4]} << 24U) | (std::uint32_t{block_[t * 4 + 1]} << 16U) |
             (std::uint32_t{block_[t * 4 + 2]} << 8U) | std::uint32_t{block_[t * 4 + 3]};
    }
    for (std::size_t t = 16; t < 80; ++t)
      w[t] = rotl32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
    for (std::size_t t = 0; t < 80; ++t) {
      std::uint32_t f = 0, k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999U;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1U;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDCU;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6U;
      }
      const std::uint32_t temp = rotl32(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = temp;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
  }

  std::array<std::uint32_t, 5> h_{0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U};
  std::array<std::uint8_t, 64> block_{};
  std::size_t fill_ = 0;
  std::uint64_t total_ = 0;
};

[[nodiscard]] constexpr sha1_digest sha1(std::string_view bytes) noexcept {
  sha1_hasher h;
  h.update(bytes);
  return h.finish();
}

class md5_hasher {
 public:
  constexpr void update(std::string_view bytes) noexcept {
    for (std::size_t i = 0; i < bytes.size(); ++i)
      push(static_cast<std::uint8_t>(byte_at(bytes, i)));
  }
  [[nodiscard]] constexpr md5_digest finish() noexcept {
    const std::uint64_t bits = total_ * 8U;
    push(0x80U);
    while (fill_ != 56U) push(0);
    for (unsigned k = 0; k < 8; ++k) push(static_cast<std::uint8_t>(bits >> (8U * k)));
    md5_digest out{};
    for (std::size_t i = 0; i < 4; ++i) {
      for (std::size_t b = 0; b < 4; ++b)
        out[i * 4 + b] = static_cast<std::uint8_t>(h_[i] >> (8U * b));
    }
    return out;
  }

 private:
  constexpr void push(std::uint8_t byte) noexcept {
    block_[fill_++] = byte;
    ++total_;
    if (fill_ == 64U) {
      compress();
      fill_ = 0;
    }
  }
  constexpr void compress() noexcept {
    constexpr std::array<std::uint32_t, 64> k_table{
        0xd76aa478U, 0xe8c7b756U, 0x242070dbU, 0xc1bdceeeU, 0xf57c0fafU, 0x4787c62aU, 0xa8304613U,
        0xfd469501U, 0x698098d8U, 0x8b44f7afU, 0xffff5bb1U, 0x895cd7beU, 0x6b901122U, 0xfd987193U,
        0xa679438eU, 0x49b40821U, 0xf61e2562U, 0xc040b340U, 0x265e5a51U, 0xe9b6c7aaU, 0xd62f105dU,
        0x02441453U, 0xd8a1e681U, 0xe7d3fbc8U, 0x21e1cde6U, 0xc33707d6U, 0xf4d50d87U, 0x455a14edU,
        0xa9e3e905U, 0xfcefa3f8U, 0x676f02d9U, 0x8d2a4c8aU, 0xfffa3942U, 0x8771f681U, 0x6d9d6122U,
        0xfde5380cU, 0xa4beea44U, 0x4bdecfa9U, 0xf6bb4b60U, 0xbebfbc70U, 0x289b7ec6U, 0xeaa127faU,
        0xd4ef3085U, 0x04881d05U, 0xd9d4d039U, 0xe6db99e5U, 0x1fa27cf8U, 0xc4ac5665U, 0xf4292244U,
        0x432aff97U, 0xab9423a7U, 0xfc93a039U, 0x655b59c3U, 0x8f0ccc92U, 0xffeff47dU, 0x85845dd1U,
        0x6fa87e4fU, 0xfe2ce6e0U, 0xa3014314U, 0x4e0811a1U, 0xf7537e82U, 0xbd3af235U, 0x2ad7d2bbU,
        0xeb86d391U};
    constexpr std::array<unsigned, 16> shifts{7, 12, 17, 22, 5, 9,  14, 20,
                                              4, 11, 16, 23, 6, 10, 15, 21};
    std::array<std::uint32_t, 16> m{};
    for (std::size_t t = 0; t < 16; ++t) {
      m[t] = std::uint32_t{block_[t * 4]} | (std::uint32_t{block_[t * 4 + 1]} << 8U) |
             (std::uint32_t{block_[t * 4 + 2]} << 16U) | (std::uint32_t{block_[t * 4 + 3]} << 24U);
    }
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3];
    for (std::size_t i = 0; i < 64; ++i) {
      std::uint32_t f = 0;
      std::size_t g = 0;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const std::uint32_t rotated = rotl32(a + f + k_table[i] + m[g], shifts[(i / 16) * 4 + i % 4]);
      a = d;
      d = c;
      c = b;
      b = b + rotated;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
  }

  std::array<std::uint32_t, 4> h_{0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U};
  std::array<std::uint8_t, 64> block_{};
  std::size_t fill_ = 0;
  std::uint64_t total_ = 0;
};

[[nodiscard]] constexpr md5_digest md5(std::string_view bytes) noexcept {
  md5_hasher h;
  h.update(bytes);
  return h.finish();
}

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
