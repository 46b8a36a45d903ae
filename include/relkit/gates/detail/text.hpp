#pragma once
// Helpers for relkit::gates: number and time formatting, civil-date arithmetic
// (Howard Hinnant's algorithms) and the EU/US daylight-saving rules. Pure.

#include "relkit/detail/prologue.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <string>

#include "relkit/config.hpp"
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
inline void append_unsigned(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, written.ptr);
}

template <class = void>
inline void append_two_digits(std::string& out, std::int64_t value) {
  out += static_cast<char>('0' + (value / 10) % 10);
  out += static_cast<char>('0' + value % 10);
}

// Days since 1970-01-01 of a proleptic Gregorian date.
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct civil_date {
  std::int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

constexpr civil_date civil_from_days(std::int64_t days) noexcept {
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
constexpr unsigned weekday_from_days(std::int64_t days) noexcept {
  return static_cast<unsigned>(((days % 7) + 7 + 3) % 7);
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

template <class = void>
inline std::int64_t unix_seconds(relkit::time_point at) noexcept {
  return std::chrono::floor<std::chrono::seconds>(at.time_since_epoch()).count();
}

// "2026-11-23T11:30:01Z"
template <class = void>
inline void append_utc(std::string& out, std::int64_t seconds) {
  const std::int64_t days = floor_div(seconds, 86400);
  const std::int64_t second_of_day = seconds - days * 86400;
  const civil_date date = civil_from_days(days);
  if (date.year < 0 || date.year > 9999) {
    out += "(out of range)";
    return;
  }
  append_two_digits(out, date.year / 100);
  append_two_digits(out, date.year % 100);
  out += '-';
  append_two_digits(out, date.month);
  out += '-';
  append_two_digits(out, date.day);
  out += 'T';
  append_two_digits(out, second_of_day / 3600);
  out += ':';
  append_two_digits(out, second_of_day / 60 % 60);
  out += ':';
  append_two_digits(out, second_of_day % 60);
  out += 'Z';
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
    append_unsigned(out, static_cast<std::uint64_t>(days));
    out += 'd';
  }
  if (hours != 0) {
    append_unsigned(out, static_cast<std::uint64_t>(hours));
    out += 'h';
  }
  if (minutes != 0) {
    append_unsigned(out, static_cast<std::uint64_t>(minutes));
    out += 'm';
  }
  if (rest != 0) {
    append_unsigned(out, static_cast<std::uint64_t>(rest));
    out += 's';
  }
}

// Days since epoch of the last Sunday of a month.
constexpr std::int64_t last_sunday(std::int64_t year, unsigned month) noexcept {
  const std::int64_t last_day =
      month == 12 ? days_from_civil(year + 1, 1, 1) - 1 : days_from_civil(year, month + 1, 1) - 1;
  return last_day - static_cast<std::int64_t>((weekday_from_days(last_day) + 1) % 7);
}

// Days since epoch of the n-th (1-based) Sunday of a month.
constexpr std::int64_t nth_sunday(std::int64_t year, unsigned month, unsigned n) noexcept {
  const std::int64_t first = days_from_civil(year, month, 1);
  const std::int64_t first_sunday =
      first + static_cast<std::int64_t>((6 - weekday_from_days(first)) % 7);
  return first_sunday + 7 * static_cast<std::int64_t>(n - 1);
}

// European Union: summer time from the last Sunday of March 01:00 UTC to the
// last Sunday of October 01:00 UTC, whatever the zone's standard offset.
constexpr bool eu_summer_time(std::int64_t utc_seconds) noexcept {
  const std::int64_t year = civil_from_days(floor_div(utc_seconds, 86400)).year;
  const std::int64_t start = last_sunday(year, 3) * 86400 + 3600;
  const std::int64_t end = last_sunday(year, 10) * 86400 + 3600;
  return utc_seconds >= start && utc_seconds < end;
}

// United States (since 2007): from the second Sunday of March 02:00 local
// standard time to the first Sunday of November 02:00 local daylight time.
constexpr bool us_daylight_time(std::int64_t utc_seconds,
                                std::int64_t standard_offset_seconds) noexcept {
  const std::int64_t year =
      civil_from_days(floor_div(utc_seconds + standard_offset_seconds, 86400)).year;
  const std::int64_t start = nth_sunday(year, 3, 2) * 86400 + 7200 - standard_offset_seconds;
  const std::int64_t end = nth_sunday(year, 11, 1) * 86400 + 7200 - standard_offset_seconds - 3600;
  return utc_seconds >= start && utc_seconds < end;
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
