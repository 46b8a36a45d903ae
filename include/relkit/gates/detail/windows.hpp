#pragma once
// Internals of relkit::gates: deploy windows in local time (is a window open
// at an instant, and how it prints). Not a public header.
#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/condition.hpp"
#include "relkit/gates/detail/text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

inline constexpr std::string_view weekday_names[7] = {"mon", "tue", "wed", "thu",
                                                      "fri", "sat", "sun"};

template <class = void>
inline void append_hhmm(std::string& out, std::int64_t minute_of_day) {
  append_two_digits(out, minute_of_day / 60);
  out += ':';
  append_two_digits(out, minute_of_day % 60);
}

template <class = void>
inline void append_offset(std::string& out, std::int64_t minutes) {
  out += minutes < 0 ? '-' : '+';
  append_hhmm(out, minutes < 0 ? -minutes : minutes);
}

template <class = void>
inline void append_month_day(std::string& out, const month_day& d) {
  if (d.year != 0) {
    append_two_digits(out, d.year / 100);
    append_two_digits(out, d.year % 100);
    out += '-';
  }
  append_two_digits(out, d.month);
  out += '-';
  append_two_digits(out, d.day);
}

// "allow mon-fri 09:00-17:00 +01:00 dst eu", "deny 12-24..01-02 +01:00"
template <class = void>
inline void append_window(std::string& out, const window& w) {
  out += w.effect == window_effect::allow ? "allow " : "deny ";
  if (w.weekdays != 0) {
    bool first = true;
    for (unsigned day = 0; day < 7;) {
      if ((w.weekdays & (1u << day)) == 0) {
        ++day;
        continue;
      }
      unsigned last = day;
      while (last + 1 < 7 && (w.weekdays & (1u << (last + 1))) != 0) ++last;
      if (!first) out += ',';
      first = false;
      out += weekday_names[day];
      if (last != day) {
        out += '-';
        out += weekday_names[last];
      }
      day = last + 1;
    }
    out += ' ';
    append_hhmm(out, w.start_minute);
    out += '-';
    append_hhmm(out, w.end_minute);
  } else {
    append_month_day(out, w.from);
    out += "..";
    append_month_day(out, w.to);
  }
  out += ' ';
  append_offset(out, w.utc_offset_minutes);
  if (w.dst == dst_rule::eu) out += " dst eu";
  if (w.dst == dst_rule::us) out += " dst us";
}

// Local time of a UTC instant under a window's offset and DST rule.
template <class = void>
inline std::int64_t local_seconds(const window& w, std::int64_t utc) noexcept {
  const std::int64_t standard = std::int64_t{w.utc_offset_minutes} * 60;
  bool summer = false;
  if (w.dst == dst_rule::eu) summer = eu_summer_time(utc);
  if (w.dst == dst_rule::us) summer = us_daylight_time(utc, standard);
  return utc + standard + (summer ? 3600 : 0);
}

template <class = void>
inline bool window_active(const window& w, std::int64_t utc) noexcept {
  const std::int64_t local = local_seconds(w, utc);
  const std::int64_t days = relkit::detail::floor_div(local, 86400);
  const std::int64_t minute = (local - days * 86400) / 60;
  if (w.weekdays != 0) {
    const unsigned today = relkit::detail::weekday_from_days(days);
    const unsigned yesterday = (today + 6) % 7;
    const bool on_today = (w.weekdays & (1u << today)) != 0;
    const bool on_yesterday = (w.weekdays & (1u << yesterday)) != 0;
    if (w.start_minute < w.end_minute) {
      return on_today && minute >= w.start_minute && minute < w.end_minute;
    }
    return (on_today && minute >= w.start_minute) || (on_yesterday && minute < w.end_minute);
  }
  const auto date = relkit::detail::civil_from_days(days);
  if (w.from.year != 0) {
    const std::int64_t from =
        relkit::detail::days_from_civil(w.from.year, w.from.month, w.from.day);
    const std::int64_t to = relkit::detail::days_from_civil(w.to.year, w.to.month, w.to.day);
    return days >= from && days <= to;
  }
  const unsigned key = date.month * 32 + date.day;
  const unsigned from = w.from.month * 32u + w.from.day;
  const unsigned to = w.to.month * 32u + w.to.day;
  return from <= to ? key >= from && key <= to : key >= from || key <= to;
}

// "(local Tue 2026-11-24 10:00 +01:00)"
template <class = void>
inline void append_local(std::string& out, const window& w, std::int64_t utc) {
  const std::int64_t local = local_seconds(w, utc);
  const std::int64_t days = relkit::detail::floor_div(local, 86400);
  const auto date = relkit::detail::civil_from_days(days);
  out += "(local ";
  out += weekday_names[relkit::detail::weekday_from_days(days)];
  out += ' ';
  append_month_day(
      out, month_day{static_cast<std::int32_t>(date.year), static_cast<std::uint8_t>(date.month),
                     static_cast<std::uint8_t>(date.day)});
  out += ' ';
  append_hhmm(out, (local - days * 86400) / 60);
  out += ' ';
  append_offset(out, (local - utc) / 60);
  out += ')';
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
