#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace relkit::flags::detail;

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4U];
    out += digits[bytes[i] & 0xFU];
  }
  return out;
}

TEST(Hash, Murmur3KnownDigests) {
  EXPECT_EQ(murmur3::hash("", 0), 0U);
  EXPECT_EQ(murmur3::hash("", 1), 0x514E28B7U);
  EXPECT_EQ(murmur3::hash("", 0xFFFFFFFFU), 0x81F16F39U);
  EXPECT_EQ(murmur3::hash("test", 0), 0xBA6BD213U);
  EXPECT_EQ(murmur3::hash("Hello, world!", 1234), 0xFAF6CDB3U);
  EXPECT_EQ(murmur3::hash("The quick brown fox jumps over the lazy dog", 0), 0x2E4FF723U);
  // Unleash's own examples (research note §1).
  EXPECT_EQ(murmur3::hash("gr1:123", 0), 538421172U);
  // murmurhash3js issue #3: the reference value over UTF-8.
  EXPECT_EQ(murmur3::hash("My \xF0\x9F\x9A\x80 is full of \xF0\x9F\xA6\x8E.", 0), 1818098979U);
  static_assert(murmur3::hash("test", 0) == 0xBA6BD213U, "constexpr");
}

TEST(Hash, Murmur3StreamingEqualsOneShot) {
  const std::string text = "feature-x:user-1234567890-abcdefghijklmnop";
  for (std::size_t split = 0; split <= text.size(); ++split) {
    murmur3::hasher h(86028157U);
    h.update(std::string_view(text).substr(0, split));
    h.update(std::string_view(text).substr(split));
    EXPECT_EQ(h.finish(), murmur3::hash(text, 86028157U)) << split;
  }
}

TEST(Hash, Murmur3JoinedEqualsTheJoinedString) {
  // Every split of every length up to 24 bytes on each side, so the separator
  // lands at each offset within a block and the tail takes every size.
  const std::string source =
      "gr1-abcdefghijklmnopqrstuvwxyz0123456789\xC3\xB1"
      "and\xC3\xBA";
  int checked = 0;
  for (std::size_t a = 0; a <= 24; ++a) {
    for (std::size_t b = 0; b <= 24; ++b) {
      const std::string left = source.substr(0, a);
      const std::string right = source.substr(source.size() - b);
      for (std::uint32_t seed : {0U, 86028157U}) {
        ASSERT_EQ(murmur3::hash_joined(left, ':', right, seed),
                  murmur3::hash(left + ':' + right, seed))
            << a << ' ' << b << ' ' << seed;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 25 * 25 * 2);
  static_assert(murmur3::hash_joined("gr1", ':', "123", 0) == 538421172U, "constexpr");
}

TEST(Hash, Murmur3FinishWithEqualsTheWholeKey) {
  // A prefix of every length up to 12 bytes hashed once (fill 0..3 left in
  // the hasher), then every rest up to 12 bytes: the hash of the whole key.
  const std::string source = "flag-42:3f1c2a9e-\xC3\xB1-7b4d";
  int checked = 0;
  for (std::size_t a = 0; a <= 12; ++a) {
    for (std::size_t b = 0; b <= 12; ++b) {
      const std::string prefix = source.substr(0, a);
      const std::string rest = source.substr(source.size() - b);
      for (std::uint32_t seed : {0U, 86028157U}) {
        murmur3::hasher h(seed);
        h.update(prefix);
        ASSERT_EQ(h.finish_with(rest), murmur3::hash(prefix + rest, seed))
            << a << ' ' << b << ' ' << seed;
        ASSERT_EQ(h.finish(), murmur3::hash(prefix, seed));  // unchanged
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 13 * 13 * 2);
}

TEST(Hash, TextHashAndSameBytesOnEveryShortLength) {
  // The word-wise reads of the flag-name index: lengths 0..40, texts that
  // differ in one byte at each position differ (hash and comparison).
  const std::string source = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string a = source.substr(0, n);
    EXPECT_EQ(text_hash(a), text_hash(std::string(a)));
    EXPECT_TRUE(same_bytes(a.data(), std::string(a).data(), n));
    for (std::size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = '#';
      EXPECT_FALSE(same_bytes(a.data(), b.data(), n)) << n << ' ' << i;
      EXPECT_NE(text_hash(a), text_hash(b)) << n << ' ' << i;
    }
    if (n > 0) {
      EXPECT_NE(text_hash(a), text_hash(source.substr(0, n - 1)));
    }
  }
}

// A table's seed moves every text: names found (offline) to share the low
// ten bits of their hash under one seed scatter under another, so a payload
// cannot aim its names at one probe chain of the flag index.
TEST(Hash, TextHashSeedScattersCraftedCollisions) {
  using relkit::flags::detail::text_hash;
  std::vector<std::string> crafted;
  const std::uint64_t target = text_hash("n0", 1) & 1023U;
  for (int i = 0; crafted.size() < 64; ++i) {
    std::string name = "n" + std::to_string(i);
    if ((text_hash(name, 1) & 1023U) == target) crafted.push_back(std::move(name));
  }
  std::vector<int> per_slot(1024, 0);
  int most = 0;
  for (const std::string& name : crafted) {
    EXPECT_NE(text_hash(name, 1), text_hash(name, 2)) << name;
    most = std::max(most, ++per_slot[text_hash(name, 0x9E3779B97F4A7C15ULL) & 1023U]);
  }
  EXPECT_LE(most, 4);  // 64 texts in 1,024 slots: rarely more than 2 share one
}

TEST(Hash, Fnv1a) {
  EXPECT_EQ(fnv1a_32(""), 0x811C9DC5U);
  EXPECT_EQ(fnv1a_32("a"), 0xE40C292CU);
  EXPECT_EQ(fnv1a_32("foobar"), 0xBF9CF968U);
  fnv1a_32_utf16 h;
  h.update("foobar");
  EXPECT_EQ(h.finish(), 0xBF9CF968U);  // ASCII: code units are bytes
  // U+00E9 is one 16-bit unit 0x00E9, not the two UTF-8 bytes C3 A9.
  fnv1a_32_utf16 e;
  e.update("\xC3\xA9");
  EXPECT_EQ(e.finish(), (0x811C9DC5U ^ 0xE9U) * 0x01000193U);
  static_assert(fnv1a_32("a") == 0xE40C292CU, "constexpr");
}

TEST(Hash, Utf16Units) {
  utf16_units units("a\xF0\x9F\x9A\x80\xC3\xA9\xFF");
  std::uint32_t u = 0;
  std::vector<std::uint32_t> got;
  while (units.next(u)) got.push_back(u);
  EXPECT_EQ(got, (std::vector<std::uint32_t>{0x61, 0xD83D, 0xDE80, 0xE9, 0xFFFD}));
}

TEST(Hash, Crc32) {
  EXPECT_EQ(crc32(""), 0U);
  EXPECT_EQ(crc32("123456789"), 0xCBF43926U);
  EXPECT_EQ(crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339U);
  static_assert(crc32("123456789") == 0xCBF43926U, "constexpr");
}

TEST(Hash, Sha1) {
  auto d = sha1("");
  EXPECT_EQ(hex(d.data(), d.size()), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  d = sha1("abc");
  EXPECT_EQ(hex(d.data(), d.size()), "a9993e364706816aba3e25717850c26c9cd0d89d");
  d = sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(hex(d.data(), d.size()), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  d = sha1(std::string(1000, 'a'));
  EXPECT_EQ(hex(d.data(), d.size()), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
  static_assert(sha1("abc")[0] == 0xa9, "constexpr");
}

TEST(Hash, Md5) {
  auto d = md5("");
  EXPECT_EQ(hex(d.data(), d.size()), "d41d8cd98f00b204e9800998ecf8427e");
  d = md5("abc");
  EXPECT_EQ(hex(d.data(), d.size()), "900150983cd24fb0d6963f7d28e17f72");
  d = md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890");
  EXPECT_EQ(hex(d.data(), d.size()), "57edf4a22be3c955ac49da2e2107b67a");
}

}  // namespace
