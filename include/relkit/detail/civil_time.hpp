#pragma once
// Civil time, once for every component: the proleptic Gregorian calendar
// (Howard Hinnant's days_from_civil / civil_from_days), date validation, and
// RFC 3339 timestamps read to and written from milliseconds since the Unix
// epoch (UTC). Pure, constexpr, no allocation.
//
// Timestamps: `YYYY-MM-DDTHH:MM:SS(.fraction)?(Z|+HH:MM|-HH:MM)`, with the
// lower-case `t` and `z` RFC 3339 section 5.6 allows. Years 0000 to 9999;
// every field is range-checked (February 29 only in leap years, no hour 24,
// no leap second 60, offsets up to 23:59). A fraction of any length is
// truncated to milliseconds. timestamp_options widens the grammar to what
// JavaScript's Date reads (date only, no seconds, a space for the `T`, no
// offset meaning UTC, a comma before the fraction, 24:00:00, +HHMM).
// The results fit an int64 with a wide margin (|ms| < 2.6e14): no overflow.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// a - b and a + b clamped to the int64 range: instants a caller gives
// (time_point::max(), a wrapped clock) cannot overflow a difference.
[[nodiscard]] constexpr std::int64_t saturating_sub(std::int64_t a, std::int64_t b) noexcept {
  if (b < 0 && a > INT64_MAX + b) return INT64_MAX;
  if (b > 0 && a < INT64_MIN + b) return INT64_MIN;
  return a - b;
}
[[nodiscard]] constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
  if (b > 0 && a > INT64_MAX - b) return INT64_MAX;
  if (b < 0 && a < INT64_MIN - b) return INT64_MIN;
  return a + b;
}

// a / b rounded toward minus infinity (b > 0).
[[nodiscard]] constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

struct civil_date {
  std::int64_t year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31

  [[nodiscard]] friend constexpr bool operator==(const civil_date& a,
                                                 const civil_date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  [[nodiscard]] friend constexpr bool operator!=(const civil_date& a,
                                                 const civil_date& b) noexcept {
    return !(a == b);
  }
};

[[nodiscard]] constexpr bool is_leap_year(std::int64_t year) noexcept {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// 28..31, or 0 for a month outside 1..12.
[[nodiscard]] constexpr unsigned days_in_month(std::int64_t year, unsigned month) noexcept {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return days[month - 1] + (month == 2 && is_leap_year(year) ? 1U : 0U);
}

// 2024-02-29 is a date; 2026-02-29, 2026-02-31, 2026-13-01 and 2026-01-00 are not.
[[nodiscard]] constexpr bool is_valid_date(std::int64_t year, unsigned month,
                                           unsigned day) noexcept {
  return day >= 1 && day <= days_in_month(year, month);
}

// Days since 1970-01-01 of a valid proleptic Gregorian date (|year| up to
// 10^12 without overflow).
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month,
                                                     unsigned day) noexcept {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

[[nodiscard]] constexpr std::int64_t days_from_civil(const civil_date& date) noexcept {
  return days_from_civil(date.year, date.month, date.day);
}

// The date `days` days after 1970-01-01 (negative: before).
[[nodiscard]] constexpr civil_date civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400;
  return civil_date{month <= 2 ? year + 1 : year, month, day};
}

// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
[[nodiscard]] constexpr unsigned weekday_from_days(std::int64_t days) noexcept {
  return static_cast<unsigned>(((days % 7) + 7 + 3) % 7);
}

// ---------------------------------------------------------------------------
// RFC 3339 timestamps

inline constexpr std::int64_t ms_per_day = 86400000;
// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the instants
// format_timestamp can write.
inline constexpr std::int64_t min_timestamp_ms = -62167219200000;
inline constexpr std::int64_t max_timestamp_ms = 253402300799999;

// Extensions beyond RFC 3339, each off by default.
struct timestamp_options {
  bool date_only = false;             // "2026-03-01" is midnight UTC
  bool optional_seconds = false;      // "2026-03-01T10:30Z"
  bool space_separator = false;       // "2026-03-01 10:30:00Z"
  bool optional_offset = false;       // "2026-03-01T10:30:00" is UTC
  bool comma_fraction = false;        // "10:30:00,5"
  bool hour_24 = false;               // "24:00:00" is the next midnight
  bool offset_without_colon = false;  // "+0100"
};

enum class timestamp_status : unsigned char {
  ok,
  bad_syntax,  // a byte is not what the grammar expects at `end`
  bad_date,    // month or day out of range (2026-02-29, 2026-13-01); `end` at the year
  bad_time,    // hour, minute or second out of range; `end` at the hour
  bad_offset,  // offset hour above 23 or minute above 59; `end` at the sign
};

struct timestamp_parse {
  std::int64_t ms = 0;  // milliseconds since 1970-01-01T00:00:00Z
  std::size_t end = 0;  // one past the timestamp, or where the problem is
  timestamp_status status = timestamp_status::bad_syntax;
};

// Reads exactly n ASCII digits at i; on failure i is at the byte that is not
// a digit (or the end of the text).
[[nodiscard]] constexpr bool read_fixed_digits(std::string_view s, std::size_t& i, std::size_t n,
                                               unsigned& out) noexcept {
  unsigned value = 0;
  for (std::size_t k = 0; k < n; ++k, ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    value = value * 10U + static_cast<unsigned>(s[i] - '0');
  }
  out = value;
  return true;
}

// Reads the timestamp that starts at `pos`; the caller decides whether text
// may follow (`end`).
[[nodiscard]] constexpr timestamp_parse parse_timestamp(std::string_view s, std::size_t pos = 0,
                                                        timestamp_options options = {}) noexcept {
  timestamp_parse out;
  std::size_t i = pos;
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  auto fail = [&out](timestamp_status status, std::size_t at) {
    out.status = status;
    out.end = at;
    return out;
  };
  auto expect = [&s, &i](char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  if (!read_fixed_digits(s, i, 4, year) || !expect('-') || !read_fixed_digits(s, i, 2, month) ||
      !expect('-') || !read_fixed_digits(s, i, 2, day)) {
    return fail(timestamp_status::bad_syntax, i);
  }
  if (!is_valid_date(year, month, day)) return fail(timestamp_status::bad_date, pos);
  const std::int64_t days = days_from_civil(year, month, day);
  const bool has_time =
      i < s.size() && (s[i] == 'T' || s[i] == 't' || (options.space_separator && s[i] == ' '));
  if (!has_time) {
    if (!options.date_only) return fail(timestamp_status::bad_syntax, i);
    out.ms = days * ms_per_day;
    out.end = i;
    out.status = timestamp_status::ok;
    return out;
  }
  ++i;
  const std::size_t hour_at = i;
  if (!read_fixed_digits(s, i, 2, hour) || !expect(':') || !read_fixed_digits(s, i, 2, minute)) {
    return fail(timestamp_status::bad_syntax, i);
  }
  bool has_seconds = false;
  if (expect(':')) {
    if (!read_fixed_digits(s, i, 2, second)) {
      return fail(timestamp_status::bad_syntax, i);
    }
    has_seconds = true;
  } else if (!options.optional_seconds) {
    return fail(timestamp_status::bad_syntax, i);
  }
  if (has_seconds && i < s.size() && (s[i] == '.' || (options.comma_fraction && s[i] == ','))) {
    ++i;
    const std::size_t first = i;
    unsigned scale = 100;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      millis += static_cast<unsigned>(s[i] - '0') * scale;
      scale /= 10U;
    }
    if (i == first) return fail(timestamp_status::bad_syntax, i);
  }
  const bool midnight_24 =
      options.hour_24 && hour == 24 && minute == 0 && second == 0 && millis == 0;
  if ((hour > 23 && !midnight_24) || minute > 59 || second > 59) {
    return fail(timestamp_status::bad_time, hour_at);
  }
  std::int64_t offset_minutes = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    const std::size_t sign_at = i;
    const bool minus = s[i] == '-';
    ++i;
    unsigned offset_hour = 0, offset_minute = 0;
    if (!read_fixed_digits(s, i, 2, offset_hour) ||
        (!expect(':') &&
         !(options.offset_without_colon && i < s.size() && s[i] >= '0' && s[i] <= '9')) ||
        !read_fixed_digits(s, i, 2, offset_minute)) {
      return fail(timestamp_status::bad_syntax, i);
    }
    if (offset_hour > 23 || offset_minute > 59) return fail(timestamp_status::bad_offset, sign_at);
    offset_minutes = (minus ? -1 : 1) * static_cast<std::int64_t>(offset_hour * 60 + offset_minute);
  } else if (!options.optional_offset) {
    return fail(timestamp_status::bad_syntax, i);
  }
  const std::int64_t seconds_of_day = std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 +
                                      std::int64_t{second} - offset_minutes * 60;
  out.ms = days * ms_per_day + seconds_of_day * 1000 + millis;
  out.end = i;
  out.status = timestamp_status::ok;
  return out;
}

// The whole of `text` as an RFC 3339 timestamp (with `options`), or nullopt.
[[nodiscard]] constexpr std::optional<std::int64_t> parse_timestamp_ms(
    std::string_view text, timestamp_options options = {}) noexcept {
  const timestamp_parse parsed = parse_timestamp(text, 0, options);
  if (parsed.status != timestamp_status::ok || parsed.end != text.size()) return std::nullopt;
  return parsed.ms;
}

// Text of a timestamp, held by value (no allocation).
struct timestamp_text {
  char data[24] = {};
  std::size_t size = 0;

  [[nodiscard]] constexpr std::string_view view() const noexcept {
    return std::string_view(data, size);
  }
};

enum class timestamp_precision : unsigned char {
  seconds,       // 2026-11-23T11:30:01Z (milliseconds dropped, rounding down)
  milliseconds,  // 2026-11-23T11:30:01.000Z
  automatic,     // milliseconds only when they are not zero
};

// `ms` as `YYYY-MM-DDTHH:MM:SS[.mmm]Z` in UTC; empty outside
// [min_timestamp_ms, max_timestamp_ms] (a year with other than four digits).
[[nodiscard]] constexpr timestamp_text format_timestamp(
    std::int64_t ms, timestamp_precision precision = timestamp_precision::seconds) noexcept {
  timestamp_text out;
  if (ms < min_timestamp_ms || ms > max_timestamp_ms) return out;
  const std::int64_t days = floor_div(ms, ms_per_day);
  const std::int64_t ms_of_day = ms - days * ms_per_day;
  const civil_date date = civil_from_days(days);
  auto put = [&out](std::int64_t value, int digits) {
    for (int k = digits - 1; k >= 0; --k) {
      std::int64_t scale = 1;
      for (int j = 0; j < k; ++j) scale *= 10;
      out.data[out.size++] = static_cast<char>('0' + value / scale % 10);
    }
  };
  put(date.year, 4);
  out.data[out.size++] = '-';
  put(date.month, 2);
  out.data[out.size++] = '-';
  put(date.day, 2);
  out.data[out.size++] = 'T';
  put(ms_of_day / 3600000, 2);
  out.data[out.size++] = ':';
  put(ms_of_day / 60000 % 60, 2);
  out.data[out.size++] = ':';
  put(ms_of_day / 1000 % 60, 2);
  const std::int64_t millis = ms_of_day % 1000;
  if (precision == timestamp_precision::milliseconds ||
      (precision == timestamp_precision::automatic && millis != 0)) {
    out.data[out.size++] = '.';
    put(millis, 3);
  }
  out.data[out.size++] = 'Z';
  return out;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
