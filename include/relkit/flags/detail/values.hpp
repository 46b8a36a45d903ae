#pragma once
// Value parsers behind flag constraint operators: JavaScript-style numbers,
// RFC 3339 timestamps, IP addresses and CIDR ranges. None of them allocates, so constraints
// evaluate on the request path for free.

#include "relkit/detail/prologue.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

using relkit::detail::is_digit;

// Byte-wise three-way comparison (-1, 0, 1). std::string_view::compare is
// avoided on purpose: libstdc++ computes the length difference through a
// signed conversion that -fsanitize=implicit-conversion reports.
[[nodiscard]] constexpr int compare_bytes(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

// Number(text) as JavaScript computes it (relkit::detail::string_to_number:
// StrWhiteSpace trimmed, empty text is 0, "Infinity", 0x/0o/0b literals,
// correctly rounded decimals); nullopt where JavaScript gives NaN.
[[nodiscard]] inline std::optional<double> js_number(std::string_view text) noexcept {
  const double value = relkit::detail::string_to_number(text);
  if (value != value) return std::nullopt;
  return value;
}

// ---------------------------------------------------------------------------
// Timestamps: RFC 3339 / ISO 8601 as `new Date(text)` reads them, to
// milliseconds since the Unix epoch: YYYY-MM-DD, optionally
// THH:MM[:SS[.fraction]] and Z or +-HH[:]MM, surrounding StrWhiteSpace
// trimmed. A date-time without an offset is read as UTC (JavaScript would use
// the host's zone; relkit has none). The calendar and the grammar are
// relkit/detail/civil_time.hpp's, with every Date extension turned on.

inline constexpr relkit::detail::timestamp_options js_date_options{
    /*date_only=*/true,           /*optional_seconds=*/true, /*space_separator=*/true,
    /*optional_offset=*/true,     /*comma_fraction=*/true,   /*hour_24=*/true,
    /*offset_without_colon=*/true};

[[nodiscard]] constexpr std::optional<std::int64_t> parse_js_date_ms(
    std::string_view text) noexcept {
  return relkit::detail::parse_timestamp_ms(relkit::detail::trim_str_white_space(text),
                                            js_date_options);
}

// ---------------------------------------------------------------------------
// IP addresses (IPv4 dotted quad, IPv6 with :: and an embedded IPv4 tail) and
// CIDR ranges.

struct ip_address {
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
  bool v6 = false;
};

[[nodiscard]] constexpr std::optional<ip_address> parse_ipv4(std::string_view s) noexcept {
  ip_address out;
  std::size_t i = 0;
  for (std::size_t part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
    std::size_t digits = 0;
    unsigned value = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 4) {
      value = value * 10U + static_cast<unsigned>(s[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 3 || value > 255) return std::nullopt;
    if (digits > 1 && s[i - digits] == '0') return std::nullopt;  // no octal-looking parts
    out.bytes[part] = static_cast<std::uint8_t>(value);
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

[[nodiscard]] constexpr std::optional<ip_address> parse_ipv6(std::string_view s) noexcept {
  std::array<std::uint16_t, 8> groups{};
  std::size_t count = 0;
  std::ptrdiff_t gap = -1;  // where "::" stands
  std::size_t i = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    gap = 0;
    i = 2;
  } else if (!s.empty() && s[0] == ':') {
    return std::nullopt;
  }
  while (i < s.size()) {
    if (count >= 8) return std::nullopt;
    // An IPv4 tail?
    std::size_t end = i;
    while (end < s.size() && s[end] != ':') ++end;
    const std::string_view piece = s.substr(i, end - i);
    if (piece.find('.') != std::string_view::npos) {
      if (end != s.size() || count > 6) return std::nullopt;
      const auto v4 = parse_ipv4(piece);
      if (!v4) return std::nullopt;
      groups[count++] = static_cast<std::uint16_t>((v4->bytes[0] << 8U) | v4->bytes[1]);
      groups[count++] = static_cast<std::uint16_t>((v4->bytes[2] << 8U) | v4->bytes[3]);
      i = end;
      break;
    }
    if (piece.empty() || piece.size() > 4) return std::nullopt;
    unsigned value = 0;
    for (char c : piece) {
      const int d = relkit::detail::hex_digit_value(c);
      if (d < 0) return std::nullopt;
      value = value * 16U + static_cast<unsigned>(d);
    }
    groups[count++] = static_cast<std::uint16_t>(value);
    i = end;
    if (i < s.size()) {
      ++i;  // ':'
      if (i < s.size() && s[i] == ':') {
        if (gap >= 0) return std::nullopt;
        gap = static_cast<std::ptrdiff_t>(count);
        ++i;
      } else if (i == s.size()) {
        return std::nullopt;  // trailing single ':'
      }
    }
  }
  if (gap < 0 && count != 8) return std::nullopt;
  if (gap >= 0 && count > 7) return std::nullopt;
  ip_address out;
  out.v6 = true;
  std::array<std::uint16_t, 8> full{};
  if (gap < 0) {
    full = groups;
  } else {
    const auto g = static_cast<std::size_t>(gap);
    for (std::size_t k = 0; k < g; ++k) full[k] = groups[k];
    const std::size_t tail = count - g;
    for (std::size_t k = 0; k < tail; ++k) full[8 - tail + k] = groups[g + k];
  }
  for (std::size_t k = 0; k < 8; ++k) {
    out.bytes[2 * k] = static_cast<std::uint8_t>(full[k] >> 8U);
    out.bytes[2 * k + 1] = static_cast<std::uint8_t>(full[k] & 0xFFU);
  }
  return out;
}

[[nodiscard]] constexpr std::optional<ip_address> parse_ip(std::string_view s) noexcept {
  if (s.find(':') != std::string_view::npos) return parse_ipv6(s);
  return parse_ipv4(s);
}

struct cidr_range {
  ip_address network;
  unsigned prefix = 0;
};

// "a.b.c.d/n", "x::/n", or a bare address (a full-length prefix).
[[nodiscard]] constexpr std::optional<cidr_range> parse_cidr(std::string_view s) noexcept {
  const std::size_t slash = s.find('/');
  const auto address = parse_ip(s.substr(0, slash));
  if (!address) return std::nullopt;
  const unsigned max = address->v6 ? 128U : 32U;
  unsigned prefix = max;
  if (slash != std::string_view::npos) {
    std::size_t i = slash + 1;
    const std::size_t digits = s.size() - i;
    if (digits == 0 || digits > 3 || !relkit::detail::read_fixed_digits(s, i, digits, prefix))
      return std::nullopt;
    if (prefix > max) return std::nullopt;
  }
  return cidr_range{*address, prefix};
}

[[nodiscard]] constexpr bool cidr_contains(const cidr_range& range, const ip_address& ip) noexcept {
  if (range.network.v6 != ip.v6) return false;
  unsigned bits = range.prefix;
  for (std::size_t k = 0; bits > 0; ++k) {
    const unsigned take = bits >= 8 ? 8U : bits;
    const auto mask = static_cast<std::uint8_t>(0xFFU << (8U - take));
    if ((range.network.bytes[k] & mask) != (ip.bytes[k] & mask)) return false;
    bits -= take;
  }
  return true;
}

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
