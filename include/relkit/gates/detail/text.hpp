#pragma once
// Helpers for relkit::gates: number and duration formatting and the EU/US
// daylight-saving rules. Integers print through relkit::detail::append_decimal
// (relkit/error.hpp); civil-date arithmetic is relkit/detail/civil_time.hpp. Pure.

#include "relkit/detail/prologue.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <string>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/error.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// <cmath> would double the header's compile time for these three.
// False for inf and NaN.
constexpr bool is_finite(double v) noexcept {
  return v - v == 0;
}
// |v|, and +0.0 for -0.0 (a fuzzer find: "-0" was printed as "--0").
constexpr double abs_value(double v) noexcept {
  return v < 0 ? -v : v == 0 ? 0.0 : v;
}
// True for negative numbers and -0.0 (1/-0 is -inf).
constexpr bool sign_bit(double v) noexcept {
  return v < 0 || (v == 0 && 1 / v < 0);
}

// Shortest text that parses back to the same double ("79.9", "80", "1e+30").
template <class = void>
inline void append_number_exact(std::string& out, double value) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, written.ptr);
}

// Twelve significant digits: what a person reads in a reason line, so that a
// computed target such as 200 * 1.1 shows as 220 rather than 220.00000000000003.
template <class = void>
inline void append_number_readable(std::string& out, double value) {
  char buffer[40];
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 12);
  out.append(buffer, written.ptr);
}

template <class = void>
inline void append_two_digits(std::string& out, std::int64_t value) {
  out += static_cast<char>('0' + (value / 10) % 10);
  out += static_cast<char>('0' + value % 10);
}

template <class = void>
inline std::int64_t unix_seconds(relkit::time_point at) noexcept {
  return std::chrono::floor<std::chrono::seconds>(at.time_since_epoch()).count();
}

// "1h30m", "29m59s", "0s"; negative durations get a leading '-'.
template <class = void>
inline void append_duration(std::string& out, std::int64_t seconds) {
  if (seconds < 0) {
    out += '-';
    seconds = -seconds;
  }
  if (seconds == 0) {
    out += "0s";
    return;
  }
  const std::int64_t days = seconds / 86400;
  const std::int64_t hours = seconds / 3600 % 24;
  const std::int64_t minutes = seconds / 60 % 60;
  const std::int64_t rest = seconds % 60;
  if (days != 0) {
    relkit::detail::append_decimal(out, days);
    out += 'd';
  }
  if (hours != 0) {
    relkit::detail::append_decimal(out, hours);
    out += 'h';
  }
  if (minutes != 0) {
    relkit::detail::append_decimal(out, minutes);
    out += 'm';
  }
  if (rest != 0) {
    relkit::detail::append_decimal(out, rest);
    out += 's';
  }
}

// Days since epoch of the last Sunday of a month.
constexpr std::int64_t last_sunday(std::int64_t year, unsigned month) noexcept {
  const std::int64_t last_day = month == 12
                                    ? relkit::detail::days_from_civil(year + 1, 1, 1) - 1
                                    : relkit::detail::days_from_civil(year, month + 1, 1) - 1;
  return last_day -
         static_cast<std::int64_t>((relkit::detail::weekday_from_days(last_day) + 1) % 7);
}

// Days since epoch of the n-th (1-based) Sunday of a month.
constexpr std::int64_t nth_sunday(std::int64_t year, unsigned month, unsigned n) noexcept {
  const std::int64_t first = relkit::detail::days_from_civil(year, month, 1);
  const std::int64_t first_sunday =
      first + static_cast<std::int64_t>((6 - relkit::detail::weekday_from_days(first)) % 7);
  return first_sunday + 7 * static_cast<std::int64_t>(n - 1);
}

// European Union: summer time from the last Sunday of March 01:00 UTC to the
// last Sunday of October 01:00 UTC, whatever the zone's standard offset.
constexpr bool eu_summer_time(std::int64_t utc_seconds) noexcept {
  const std::int64_t year =
      relkit::detail::civil_from_days(relkit::detail::floor_div(utc_seconds, 86400)).year;
  const std::int64_t start = last_sunday(year, 3) * 86400 + 3600;
  const std::int64_t end = last_sunday(year, 10) * 86400 + 3600;
  return utc_seconds >= start && utc_seconds < end;
}

// United States (since 2007): from the second Sunday of March 02:00 local
// standard time to the first Sunday of November 02:00 local daylight time.
constexpr bool us_daylight_time(std::int64_t utc_seconds,
                                std::int64_t standard_offset_seconds) noexcept {
  const std::int64_t year =
      relkit::detail::civil_from_days(
          relkit::detail::floor_div(utc_seconds + standard_offset_seconds, 86400))
          .year;
  const std::int64_t start = nth_sunday(year, 3, 2) * 86400 + 7200 - standard_offset_seconds;
  const std::int64_t end = nth_sunday(year, 11, 1) * 86400 + 7200 - standard_offset_seconds - 3600;
  return utc_seconds >= start && utc_seconds < end;
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
