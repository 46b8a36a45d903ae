#pragma once
// Numbers in text, read the same way by every component: unsigned decimal
// integers with overflow detection, and decimal numbers correctly rounded to
// the nearest double (ties to even), as strtod does in the C locale and
// JavaScript's Number() and JSON.parse do. No std::from_chars for floating
// point (absent from libc++ before 20 and from GCC before 11), no strtod (it
// follows the locale), no allocation.
//
// The conversion tries, in order: Clinger's fast path (the digits and the
// power of ten are both exact doubles, one IEEE operation rounds correctly);
// the Eisel-Lemire algorithm on the first 19 significant digits with a 128-bit
// power of ten, which answers or says it cannot decide; and, for what it
// cannot decide (halfway ties, more than 19 digits straddling a rounding
// boundary, subnormal and overflowing results), an exact comparison of the
// decimal with the halfway point between two neighbouring doubles in big
// integers.

#include "relkit/detail/prologue.hpp"

#include <cfloat>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/decimal_powers.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// What a number parser found.
enum class number_status : unsigned char {
  ok,         // `value` is the number read
  invalid,    // no number starts at the position (`end` is the position)
  overflow,   // integers: above the limit (value 0); decimals: rounds to +-infinity
  underflow,  // decimals: a nonzero number that rounds to +-0
};

// ---------------------------------------------------------------------------
// Unsigned decimal integers.

struct uint_parse {
  std::uint64_t value = 0;
  std::size_t end = 0;  // one past the last digit read
  number_status status = number_status::invalid;
};

// Reads the run of ASCII digits [0-9]+ at `pos` (no sign, no whitespace,
// leading zeros allowed). On overflow (value > max) every digit of the run is
// still consumed, so `end` is where the number ends either way.
[[nodiscard]] constexpr uint_parse parse_uint_prefix(
    std::string_view text, std::size_t pos = 0,
    std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) noexcept {
  uint_parse out;
  out.end = pos;
  std::size_t i = pos;
  bool over = false;
  std::uint64_t value = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    const auto digit = static_cast<std::uint64_t>(text[i] - '0');
    if (!over) {
      if (digit > max || value > (max - digit) / 10U) {
        over = true;
      } else {
        value = value * 10U + digit;
      }
    }
    ++i;
  }
  if (i == pos) return out;
  out.end = i;
  out.status = over ? number_status::overflow : number_status::ok;
  out.value = over ? 0U : value;
  return out;
}

// The whole of `text` as an unsigned decimal integer no larger than `max`;
// nullopt when empty, when any byte is not a digit, or above `max`.
[[nodiscard]] constexpr std::optional<std::uint64_t> parse_uint(
    std::string_view text, std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) noexcept {
  const uint_parse parsed = parse_uint_prefix(text, 0, max);
  if (parsed.status != number_status::ok || parsed.end != text.size()) return std::nullopt;
  return parsed.value;
}

// ---------------------------------------------------------------------------
// Decimal numbers to double.

// Which text counts as a number.
enum class decimal_grammar : unsigned char {
  // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  json,
  // ECMAScript StrDecimalLiteral (what Number() reads after trimming):
  // [+-]?(Infinity|[0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?
  js,
};

struct decimal_parse {
  double value = 0;     // correctly rounded; +-inf on overflow, +-0 on underflow
  std::size_t end = 0;  // one past the longest prefix that is a number
  number_status status = number_status::invalid;
};

// 64 x 64 -> 128-bit product.
struct uint128 {
  std::uint64_t high;
  std::uint64_t low;
};

[[nodiscard]] constexpr uint128 multiply_64x64(std::uint64_t a, std::uint64_t b) noexcept {
#if defined(__SIZEOF_INT128__)
  __extension__ using wide = unsigned __int128;
  const wide product = static_cast<wide>(a) * b;
  return {static_cast<std::uint64_t>(product >> 64), static_cast<std::uint64_t>(product)};
#else
  const std::uint64_t a_lo = a & 0xffffffffU;
  const std::uint64_t a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xffffffffU;
  const std::uint64_t b_hi = b >> 32;
  const std::uint64_t p0 = a_lo * b_lo;
  const std::uint64_t p1 = a_lo * b_hi;
  const std::uint64_t p2 = a_hi * b_lo;
  const std::uint64_t p3 = a_hi * b_hi;
  const std::uint64_t mid = (p0 >> 32) + (p1 & 0xffffffffU) + (p2 & 0xffffffffU);
  return {p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32), (mid << 32) | (p0 & 0xffffffffU)};
#endif
}

// For x != 0.
[[nodiscard]] constexpr int leading_zeros_64(std::uint64_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_clzll(x);
#else
  int n = 0;
  for (int step = 32; step > 0; step /= 2) {
    if (x >> (64 - step) == 0) {
      n += step;
      x <<= step;
    }
  }
  return n;
#endif
}

// A finite non-negative double as mantissa * 2^exponent: normal when
// 2^52 <= mantissa < 2^53 (exponent -1074 .. 971), subnormal or zero when
// mantissa < 2^52 (exponent -1074).
struct binary64 {
  std::uint64_t mantissa;
  int exponent;
};

inline constexpr std::uint64_t binary64_hidden_bit = std::uint64_t{1} << 52;
inline constexpr int binary64_min_exponent = -1074;
inline constexpr int binary64_max_exponent = 971;

[[nodiscard]] inline double binary64_to_double(binary64 b, bool negative) noexcept {
  std::uint64_t bits = b.mantissa < binary64_hidden_bit
                           ? b.mantissa
                           : (static_cast<std::uint64_t>(b.exponent + 1075) << 52) |
                                 (b.mantissa - binary64_hidden_bit);
  if (negative) bits |= std::uint64_t{1} << 63;
  double out = 0;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

[[nodiscard]] constexpr std::int64_t floor_div_65536(std::int64_t a) noexcept {
  return (a >= 0 ? a : a - 65535) / 65536;
}

// Eisel-Lemire on w * 10^q (w != 0, q within the table): false when the
// 128-bit product cannot decide the rounding or the result is not a normal
// double; the caller then falls back to the exact comparison. When `exact` is
// false no answer is refused for ambiguity or range: the result is then only
// an approximation (within an ulp or two, clamped to [0, max double]).
[[nodiscard]] constexpr bool eisel_lemire(std::uint64_t w, std::int64_t q, binary64& out,
                                          bool exact = true) noexcept {
  const int zeros = leading_zeros_64(w);
  const std::uint64_t man = w << zeros;
  const decimal_power& power = decimal_powers[q - decimal_power_min];
  std::int64_t exp2 = floor_div_65536(217706 * q) + 64 + 1023 - zeros;
  uint128 x = multiply_64x64(man, power.high);
  if ((x.high & 0x1ffU) == 0x1ffU && x.low + man < man) {
    const uint128 y = multiply_64x64(man, power.low);
    std::uint64_t merged_high = x.high;
    const std::uint64_t merged_low = x.low + y.high;
    if (merged_low < x.low) ++merged_high;
    if (exact && (merged_high & 0x1ffU) == 0x1ffU && merged_low + 1 == 0 && y.low + man < man) {
      return false;
    }
    x = {merged_high, merged_low};
  }
  const std::uint64_t msb = x.high >> 63;
  std::uint64_t mantissa = x.high >> (msb + 9);
  exp2 -= static_cast<std::int64_t>(1U ^ msb);
  if (exact && x.low == 0 && (x.high & 0x1ffU) == 0 && (mantissa & 3U) == 1) return false;
  mantissa += mantissa & 1U;
  mantissa >>= 1;
  if (mantissa >> 53 > 0) {
    mantissa >>= 1;
    ++exp2;
  }
  if (exp2 <= 0 || exp2 >= 0x7ff) {
    if (exact) return false;
    if (exp2 >= 0x7ff) {
      out = {2 * binary64_hidden_bit - 1, binary64_max_exponent};
    } else {
      const std::int64_t shift = 1 - exp2;
      out = {shift >= 64 ? 0U : mantissa >> shift, binary64_min_exponent};
    }
    return true;
  }
  out = {mantissa, static_cast<int>(exp2 - 1075)};
  return true;
}

// An unsigned integer of up to 4096 bits: enough for every comparison the
// fallback makes (at most about 2,700 bits: 800 significant digits, or a
// 54-bit mantissa times 5^1125).
class big_integer {
 public:
  static constexpr std::size_t capacity = 128;  // 32-bit limbs

  constexpr big_integer() noexcept = default;
  constexpr explicit big_integer(std::uint64_t value) noexcept {
    limbs_[0] = static_cast<std::uint32_t>(value);
    limbs_[1] = static_cast<std::uint32_t>(value >> 32);
    size_ = limbs_[1] != 0 ? 2 : (limbs_[0] != 0 ? 1 : 0);
  }

  constexpr void multiply_add(std::uint32_t factor, std::uint32_t addend) noexcept {
    std::uint64_t carry = addend;
    for (std::size_t i = 0; i < size_; ++i) {
      const std::uint64_t product = std::uint64_t{limbs_[i]} * factor + carry;
      limbs_[i] = static_cast<std::uint32_t>(product);
      carry = product >> 32;
    }
    if (carry != 0 && size_ < capacity) limbs_[size_++] = static_cast<std::uint32_t>(carry);
  }

  constexpr void multiply_u64(std::uint64_t factor) noexcept {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < size_; ++i) {
      uint128 product = multiply_64x64(limbs_[i], factor);
      product.low += carry;
      if (product.low < carry) ++product.high;
      limbs_[i] = static_cast<std::uint32_t>(product.low);
      carry = (product.low >> 32) | (product.high << 32);
    }
    while (carry != 0 && size_ < capacity) {
      limbs_[size_++] = static_cast<std::uint32_t>(carry);
      carry >>= 32;
    }
  }

  constexpr void multiply_pow5(std::int64_t k) noexcept {
    constexpr std::uint32_t five_13 = 1220703125U;  // 5^13, the largest power below 2^32
    for (; k >= 13; k -= 13) multiply_add(five_13, 0);
    std::uint32_t rest = 1;
    for (; k > 0; --k) rest *= 5U;
    if (rest != 1) multiply_add(rest, 0);
  }

  constexpr void shift_left(std::int64_t bits) noexcept {
    if (size_ == 0 || bits <= 0) return;
    const auto limbs = static_cast<std::size_t>(bits / 32);
    const auto rest = static_cast<unsigned>(bits % 32);
    if (size_ + limbs + 1 > capacity) return;  // unreachable by the bound above
    if (rest != 0) {
      std::uint32_t carry = 0;
      for (std::size_t i = 0; i < size_; ++i) {
        const std::uint32_t next = limbs_[i] >> (32 - rest);
        limbs_[i] = (limbs_[i] << rest) | carry;
        carry = next;
      }
      if (carry != 0) limbs_[size_++] = carry;
    }
    if (limbs != 0) {
      for (std::size_t i = size_; i-- > 0;) limbs_[i + limbs] = limbs_[i];
      for (std::size_t i = 0; i < limbs; ++i) limbs_[i] = 0;
      size_ += limbs;
    }
  }

  // -1, 0 or 1.
  [[nodiscard]] friend constexpr int compare(const big_integer& a, const big_integer& b) noexcept {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (std::size_t i = a.size_; i-- > 0;) {
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  std::uint32_t limbs_[capacity] = {};
  std::size_t size_ = 0;
};

// The significant digits of a decimal, at most this many kept exactly; the
// rest only say whether they are all zero. Halfway points between doubles
// have at most 767 significant digits, so the cut never decides a rounding.
inline constexpr std::size_t decimal_kept_digits = 800;

struct decimal_text {
  std::string_view integer;   // digits before the point (may be empty)
  std::string_view fraction;  // digits after the point (may be empty)
  std::int64_t exponent = 0;  // the e part, saturated far outside any double
  // Read along the way: the first 19 significant digits, how many digits
  // follow them and whether one of those is not zero.
  std::uint64_t first_digits = 0;
  std::int64_t taken = 0;
  std::int64_t rest = 0;
  bool truncated = false;

  constexpr void add_digit(char c) noexcept {
    if (first_digits == 0 && c == '0') return;  // leading zero
    if (taken < 19) {
      first_digits = first_digits * 10U + static_cast<std::uint64_t>(c - '0');
      ++taken;
    } else {
      ++rest;
      truncated = truncated || c != '0';
    }
  }
};

// digits * 10^e (plus a little more when `sticky`) against halfway points
// h * 2^k, with the power of five computed once.
class halfway_comparison {
 public:
  constexpr halfway_comparison(const big_integer& digits, std::int64_t e, bool sticky) noexcept
      : scaled_digits_(digits), power_of_five_(1), e_(e), sticky_(sticky) {
    if (e >= 0) {
      scaled_digits_.multiply_pow5(e);
    } else {
      power_of_five_.multiply_pow5(-e);
    }
  }

  // -1, 0 or 1 as the decimal is below, at or above h * 2^k.
  [[nodiscard]] constexpr int order(std::uint64_t h, std::int64_t k) const noexcept {
    big_integer left = scaled_digits_;
    big_integer right = power_of_five_;
    right.multiply_u64(h);
    if (k - e_ >= 0) {
      right.shift_left(k - e_);
    } else {
      left.shift_left(e_ - k);
    }
    const int result = compare(left, right);
    return result == 0 && sticky_ ? 1 : result;
  }

 private:
  big_integer scaled_digits_;
  big_integer power_of_five_;
  std::int64_t e_;
  bool sticky_;
};

[[nodiscard]] constexpr binary64 next_up(binary64 b) noexcept {
  if (++b.mantissa == 2 * binary64_hidden_bit) {
    b.mantissa = binary64_hidden_bit;
    ++b.exponent;  // past binary64_max_exponent: infinity
  }
  return b;
}

[[nodiscard]] constexpr binary64 next_down(binary64 b) noexcept {
  if (b.mantissa == binary64_hidden_bit && b.exponent > binary64_min_exponent) {
    return {2 * binary64_hidden_bit - 1, b.exponent - 1};
  }
  --b.mantissa;
  return b;
}

// The exact fallback: starts from a candidate within a few ulps and moves it
// until the decimal lies between the halfway points around it. Returns the
// result with exponent > binary64_max_exponent for infinity.
[[nodiscard]] constexpr binary64 round_decimal_exactly(const decimal_text& text,
                                                       binary64 candidate) noexcept {
  big_integer digits;
  std::size_t kept = 0;
  std::size_t dropped = 0;
  bool sticky = false;
  bool leading = true;
  std::uint32_t chunk = 0;
  std::uint32_t chunk_scale = 1;
  for (const std::string_view part : {text.integer, text.fraction}) {
    for (const char c : part) {
      if (leading && c == '0') continue;
      leading = false;
      if (kept < decimal_kept_digits) {
        chunk = chunk * 10U + static_cast<std::uint32_t>(c - '0');
        chunk_scale *= 10U;
        ++kept;
        if (chunk_scale == 1000000000U) {
          digits.multiply_add(chunk_scale, chunk);
          chunk = 0;
          chunk_scale = 1;
        }
      } else {
        ++dropped;
        sticky = sticky || c != '0';
      }
    }
  }
  if (chunk_scale != 1) digits.multiply_add(chunk_scale, chunk);
  const std::int64_t e = text.exponent - static_cast<std::int64_t>(text.fraction.size()) +
                         static_cast<std::int64_t>(dropped);
  const halfway_comparison decimal(digits, e, sticky);
  auto order_above = [&decimal](binary64 b) {
    return decimal.order(2 * b.mantissa + 1, b.exponent - 1);
  };
  for (;;) {
    const int above = order_above(candidate);
    if (above > 0) {
      candidate = next_up(candidate);
      if (candidate.exponent > binary64_max_exponent) return candidate;
      continue;
    }
    if (above == 0) return (candidate.mantissa & 1U) == 0 ? candidate : next_up(candidate);
    if (candidate.mantissa == 0) return candidate;
    const binary64 below = next_down(candidate);
    const int order = order_above(below);
    if (order < 0) {
      candidate = below;
      continue;
    }
    if (order == 0) return (below.mantissa & 1U) == 0 ? below : candidate;
    return candidate;
  }
}

// Clinger's fast path needs one rounding per operation: not so where double
// arithmetic runs in a wider format (x87 without SSE2).
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0
inline constexpr bool decimal_fast_path = false;
#else
inline constexpr bool decimal_fast_path = true;
#endif

inline constexpr double exact_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The double nearest to the decimal (ties to even), with its status.
[[nodiscard]] inline decimal_parse decimal_to_double(const decimal_text& text,
                                                     bool negative) noexcept {
  decimal_parse out;
  out.status = number_status::ok;
  const std::uint64_t w = text.first_digits;
  const std::int64_t taken = text.taken;
  const std::int64_t rest = text.rest;
  const bool truncated = text.truncated;
  const double sign = negative ? -1.0 : 1.0;
  if (w == 0) {
    out.value = sign * 0.0;
    return out;
  }
  const std::int64_t q = text.exponent - static_cast<std::int64_t>(text.fraction.size()) + rest;
  const std::int64_t leading_power = q + taken - 1;  // 10^lp <= value < 10^(lp + 1)
  if (leading_power >= 309) {
    out.value = sign * std::numeric_limits<double>::infinity();
    out.status = number_status::overflow;
    return out;
  }
  if (leading_power <= -325) {  // below 1e-324, under half the smallest subnormal
    out.value = sign * 0.0;
    out.status = number_status::underflow;
    return out;
  }
  constexpr std::uint64_t two_53 = std::uint64_t{1} << 53;
  if (decimal_fast_path && !truncated && w <= two_53 && q >= -22 && q <= 22 + 15) {
    const auto wd = static_cast<double>(w);
    if (q < 0) {
      out.value = sign * (wd / exact_powers_of_ten[-q]);
      return out;
    }
    if (q <= 22) {
      out.value = sign * (wd * exact_powers_of_ten[q]);
      return out;
    }
    // w * 10^(q - 22) may still be an exact integer below 2^53.
    std::uint64_t scaled = w;
    std::int64_t k = 22;
    for (; k < q && scaled <= two_53 / 10; ++k) scaled *= 10U;
    if (k == q) {
      out.value = sign * (static_cast<double>(scaled) * 1e22);
      return out;
    }
  }
  binary64 result{0, 0};
  if (eisel_lemire(w, q, result)) {
    if (!truncated) {
      out.value = binary64_to_double(result, negative);
      return out;
    }
    binary64 upper{0, 0};
    if (eisel_lemire(w + 1, q, upper) && upper.mantissa == result.mantissa &&
        upper.exponent == result.exponent) {
      out.value = binary64_to_double(result, negative);
      return out;
    }
  }
  binary64 candidate{0, 0};
  (void)eisel_lemire(w, q, candidate, false);
  result = round_decimal_exactly(text, candidate);
  if (result.exponent > binary64_max_exponent) {
    out.value = sign * std::numeric_limits<double>::infinity();
    out.status = number_status::overflow;
  } else if (result.mantissa == 0) {
    out.value = sign * 0.0;
    out.status = number_status::underflow;
  } else {
    out.value = binary64_to_double(result, negative);
  }
  return out;
}

[[nodiscard]] constexpr bool is_decimal_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// Reads the longest prefix of text[pos..] that is a number of `grammar` and
// rounds it to the nearest double. status invalid when there is none (end ==
// pos); overflow / underflow when a number was read but it rounds to +-inf or
// to +-0 (value set as IEEE rounding gives it). "1." reads as 1 in the JSON
// grammar with end after the "1"; "1e" as 1 with end before the "e".
[[nodiscard]] inline decimal_parse parse_decimal(std::string_view text, std::size_t pos,
                                                 decimal_grammar grammar) noexcept {
  decimal_parse out;
  out.end = pos;
  const std::size_t n = text.size();
  std::size_t i = pos;
  bool negative = false;
  if (i < n && text[i] == '-') {
    negative = true;
    ++i;
  } else if (grammar == decimal_grammar::js && i < n && text[i] == '+') {
    ++i;
  }
  if (grammar == decimal_grammar::js && text.substr(i < n ? i : n, 8) == "Infinity") {
    out.value = negative ? -std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::infinity();
    out.end = i + 8;
    out.status = number_status::ok;
    return out;
  }
  decimal_text digits;
  const std::size_t integer_begin = i;
  if (grammar == decimal_grammar::json) {
    if (i < n && text[i] == '0') {
      ++i;
    } else if (i < n && text[i] >= '1' && text[i] <= '9') {
      for (; i < n && is_decimal_digit(text[i]); ++i) digits.add_digit(text[i]);
    } else {
      return out;
    }
  } else {
    for (; i < n && is_decimal_digit(text[i]); ++i) digits.add_digit(text[i]);
  }
  digits.integer = text.substr(integer_begin, i - integer_begin);
  if (i < n && text[i] == '.') {
    std::size_t j = i + 1;
    for (; j < n && is_decimal_digit(text[j]); ++j) digits.add_digit(text[j]);
    if (j > i + 1) {
      digits.fraction = text.substr(i + 1, j - i - 1);
      i = j;
    } else if (grammar == decimal_grammar::js && !digits.integer.empty()) {
      i = j;  // "1." is a StrDecimalLiteral
    }
  }
  if (digits.integer.empty() && digits.fraction.empty()) return out;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool exponent_negative = false;
    if (j < n && (text[j] == '+' || text[j] == '-')) exponent_negative = text[j++] == '-';
    const std::size_t exponent_begin = j;
    std::int64_t exponent = 0;
    for (; j < n && is_decimal_digit(text[j]); ++j) {
      if (exponent < 1000000000000000) exponent = exponent * 10 + (text[j] - '0');
    }
    if (j > exponent_begin) {
      digits.exponent = exponent_negative ? -exponent : exponent;
      i = j;
    }
  }
  out = decimal_to_double(digits, negative);
  out.end = i;
  return out;
}

// A JSON number at `pos` (RFC 8259 grammar), correctly rounded.
[[nodiscard]] inline decimal_parse parse_json_number(std::string_view text,
                                                     std::size_t pos = 0) noexcept {
  return parse_decimal(text, pos, decimal_grammar::json);
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
