#pragma once
// Byte scanners of the commit message parser (relkit/commits/detail/parser.hpp): the
// line list, spaces, words and the SSE2 / eight-byte search for action key letters.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "relkit/commits/detail/text.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// The lines of one message: inline for the usual few dozen, on the heap beyond.
class line_buffer {
 public:
  static constexpr std::size_t inline_capacity = 32;
  void reserve(std::size_t count) {
    if (count > inline_capacity) heap_.reserve(count);
  }
  line_buffer() = default;
  line_buffer(const line_buffer&) = delete;  // data_ points into this object
  line_buffer& operator=(const line_buffer&) = delete;
  void push_back(std::string_view line) {
    if (size_ < inline_capacity) {
      inline_[size_] = slot{line.data(), line.size()};
    } else {
      if (size_ == inline_capacity) heap_.assign(inline_, inline_ + inline_capacity);
      heap_.push_back(slot{line.data(), line.size()});
      data_ = heap_.data();
    }
    ++size_;
  }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::string_view operator[](std::size_t i) const noexcept {
    return std::string_view(data_[i].data, data_[i].size);
  }

 private:
  // Plain pairs, not string_views: the inline array is left uninitialised (a string_view
  // array would be zeroed at every parse, 512 bytes).
  struct slot {
    const char* data;
    std::size_t size;
  };
  slot inline_[inline_capacity];
  std::vector<slot> heap_;
  std::size_t size_ = 0;
  const slot* data_ = inline_;  // inline_ or heap_.data()
};

// Whether `message` holds a LineTerminator that a line of it can contain: a '\r' not
// followed by '\n' (split_lines drops the '\r' of "\r\n"), U+2028 or U+2029. Without
// one (nearly every message), a line ends only at its end.
[[nodiscard]] inline bool has_inner_line_terminator(std::string_view message) noexcept {
  auto inner = [message](std::size_t at) {
    if (message[at] == '\r') return at + 1 == message.size() || message[at + 1] != '\n';
    return relkit::detail::js_line_terminator_length(message, at) != 0;
  };
  for (std::size_t at = find_char(message, '\r'); at != std::string_view::npos;
       at = find_char(message, '\r', at + 1)) {
    if (inner(at)) return true;
  }
  for (std::size_t at = find_char(message, '\xe2'); at != std::string_view::npos;
       at = find_char(message, '\xe2', at + 1)) {
    if (inner(at)) return true;
  }
  return false;
}

[[nodiscard]] inline bool is_blank_line(std::string_view line) noexcept {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// `text` holds `part` at byte `at` (a short literal: compared in line, no call).
template <std::size_t N>
[[nodiscard]] inline bool has_at(std::string_view text, std::size_t at,
                                 const char (&part)[N]) noexcept {
  if (at > text.size() || text.size() - at < N - 1) return false;
  for (std::size_t k = 0; k + 1 < N; ++k) {
    if (text[at + k] != part[k]) return false;
  }
  return true;
}

// relkit::detail::js_space_length with the ASCII bytes decided in line.
[[nodiscard]] inline std::size_t space_length(std::string_view s, std::size_t i) noexcept {
  if (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == ' ') return 1;
    if (b < 0x80 && (b < 0x09 || b > 0x0d)) return 0;
  }
  return relkit::detail::js_space_length(s, i);
}

[[nodiscard]] inline std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  for (std::size_t n = space_length(s, i); n != 0; n = space_length(s, i)) i += n;
  return i;
}

[[nodiscard]] inline std::size_t word_end(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && byte_is(s[i], byte_word)) ++i;
  return i;
}

// The first byte at or after `at` that is c, x or v in either case, s.size() when there is
// none: each action word holds exactly one of them, at a fixed place (close* at 0, fix* at
// 2, resolv* at 5), and they are rarer in text than the first letters c, f and r. Eight
// bytes at a time: setting bit 0x20 of every byte maps exactly 'C'/'c' to 'c' (likewise x,
// v) and a byte >= 0x80 to one >= 0x80, so a byte of the word xor "cccccccc" is zero only
// for a 'c' or 'C'; of the per-byte zero tests ((v - 1) & ~v, high bit) the lowest flagged
// byte is always a true zero (a borrow flags only bytes above it).
[[nodiscard]] inline std::size_t next_action_key(std::string_view s, std::size_t at) noexcept {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  // Sixteen bytes at a time: the same folding, three byte compares.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i key_c = _mm_set1_epi8('c');
  const __m128i key_x = _mm_set1_epi8('x');
  const __m128i key_v = _mm_set1_epi8('v');
  while (at < s.size() && s.size() - at >= 16) {
    const __m128i folded =
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)), case_bit);
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(folded, key_c), _mm_cmpeq_epi8(folded, key_x)),
                     _mm_cmpeq_epi8(folded, key_v));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return at + static_cast<std::size_t>(__builtin_ctz(mask));
    at += 16;
  }
#endif
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t ones = 0x0101010101010101u;
  constexpr std::uint64_t highs = 0x8080808080808080u;
  while (at < s.size() && s.size() - at >= sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + at, sizeof word);
    const std::uint64_t folded = word | (ones * 0x20u);
    const std::uint64_t c = folded ^ (ones * 0x63u);
    const std::uint64_t x = folded ^ (ones * 0x78u);
    const std::uint64_t v = folded ^ (ones * 0x76u);
    const std::uint64_t hit = (((c - ones) & ~c) | ((x - ones) & ~x) | ((v - ones) & ~v)) & highs;
    if (hit != 0) return at + static_cast<std::size_t>(__builtin_ctzll(hit)) / 8u;
    at += sizeof word;
  }
#endif
  while (at < s.size()) {
    const char folded = static_cast<char>(s[at] | 0x20);
    if (folded == 'c' || folded == 'x' || folded == 'v') break;
    ++at;
  }
  return at;
}

// Whether the key letter at `p` (next_action_key) belongs to a whole action word starting
// at or after `from`: then its start, with `end` set to its end; npos otherwise.
[[nodiscard]] inline std::size_t action_word_at(std::string_view s, std::size_t p, std::size_t from,
                                                std::size_t& end) noexcept {
  const char key = static_cast<char>(s[p] | 0x20);
  const std::size_t offset = key == 'c' ? 0 : key == 'x' ? 2 : 5;
  if (p < from + offset) return std::string_view::npos;
  const std::size_t w = p - offset;
  if (w > 0 && byte_is(s[w - 1], byte_word)) return std::string_view::npos;
  const std::size_t e = word_end(s, w);
  if (e - w >= 3 && e - w <= 8 && is_action_word(piece(s, w, e - w))) {
    end = e;
    return w;
  }
  return std::string_view::npos;
}

// The start of the first whole action word (is_action_word) at or after `from` (a word
// start or outside a word), s.size() when there is none; `end` gets its end. Words do not
// overlap and each action word holds one key letter (next_action_key), so the words are
// met in the order of their key letters.
[[nodiscard]] inline std::size_t next_action_word(std::string_view s, std::size_t from,
                                                  std::size_t& end) noexcept {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  if (s.size() >= 16) {
    // next_action_key's sixteen-byte test, each block's key letters taken from its mask
    // in order (no new search after a refused one); the last block is the last sixteen
    // bytes, its bytes already seen masked off.
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i key_c = _mm_set1_epi8('c');
    const __m128i key_x = _mm_set1_epi8('x');
    const __m128i key_v = _mm_set1_epi8('v');
    for (std::size_t at = from; at < s.size();) {
      std::size_t base = at;
      unsigned seen = 0;
      if (s.size() - at < 16) {
        base = s.size() - 16;
        seen = static_cast<unsigned>(at - base);
      }
      const __m128i folded = _mm_or_si128(
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + base)), case_bit);
      const __m128i hit =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(folded, key_c), _mm_cmpeq_epi8(folded, key_x)),
                       _mm_cmpeq_epi8(folded, key_v));
      auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) & (~0u << seen);
      for (; mask != 0; mask &= mask - 1) {
        const std::size_t p = base + static_cast<std::size_t>(__builtin_ctz(mask));
        const std::size_t w = action_word_at(s, p, from, end);
        if (w != std::string_view::npos) return w;
      }
      at = base + 16;
    }
    return s.size();
  }
#endif
  for (std::size_t p = next_action_key(s, from); p < s.size(); p = next_action_key(s, p + 1)) {
    const std::size_t w = action_word_at(s, p, from, end);
    if (w != std::string_view::npos) return w;
  }
  return s.size();
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
