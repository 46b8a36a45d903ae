#pragma once
// relkit::flags stale-flag report, with Unleash's semantics; the time is
// passed in (relkit reads no clock).

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/flags/flag.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

enum class stale_reason : std::uint8_t { marked_stale, past_expected_lifetime, past_expiry };

namespace detail {
inline constexpr relkit::detail::enum_name<stale_reason> stale_reason_names[] = {
    {stale_reason::marked_stale, "marked_stale"},
    {stale_reason::past_expected_lifetime, "past_expected_lifetime"},
    {stale_reason::past_expiry, "past_expiry"},
};
inline constexpr relkit::detail::enum_name<stale_reason> stale_reason_display_names[] = {
    {stale_reason::marked_stale, "marked stale"},
    {stale_reason::past_expected_lifetime, "past expected lifetime"},
    {stale_reason::past_expiry, "past expiry"},
};
}  // namespace detail

// "past_expiry"; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(stale_reason r) noexcept {
  return relkit::detail::enum_to_string(detail::stale_reason_names, r);
}
[[nodiscard]] constexpr std::optional<stale_reason> parse_stale_reason(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::stale_reason_names, name);
}
// Text for people ("past expiry"); "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view display_name(stale_reason r) noexcept {
  return relkit::detail::enum_to_string(detail::stale_reason_display_names, r);
}

struct stale_entry {
  std::string flag;
  flag_type type = flag_type::release;
  std::string owner;
  stale_reason reason = stale_reason::marked_stale;
  int days_overdue = 0;  // whole days past the lifetime or expiry (0 for marked_stale)

  friend bool operator==(const stale_entry& a, const stale_entry& b) {
    return a.flag == b.flag && a.type == b.type && a.owner == b.owner && a.reason == b.reason &&
           a.days_overdue == b.days_overdue;
  }
  friend bool operator!=(const stale_entry& a, const stale_entry& b) { return !(a == b); }
};

// Every flag that is marked stale, past an explicit expiry, or older than
// its type's expected lifetime ("potentially stale"), in input order.
// days_overdue saturates at INT_MAX.
template <class Unused = void>
[[nodiscard]] std::vector<stale_entry> stale_report(const std::vector<flag>& all, time_point now) {
  std::vector<stale_entry> out;
  // Whole days from `from` to `to` (to >= from), saturating: the instants are
  // the caller's and the payload's, any int64 of milliseconds.
  const auto whole_days = [](time_point to, time_point from) {
    const std::int64_t ms = relkit::detail::saturating_sub(to.time_since_epoch().count(),
                                                           from.time_since_epoch().count());
    const std::int64_t days = ms / relkit::detail::ms_per_day;
    return days > 2147483647 ? 2147483647 : static_cast<int>(days);
  };
  for (const flag& f : all) {
    stale_entry e{f.name, f.meta.type, f.meta.owner, stale_reason::marked_stale, 0};
    if (f.meta.marked_stale) {
      out.push_back(e);
      continue;
    }
    if (f.meta.expires && *f.meta.expires <= now) {
      e.reason = stale_reason::past_expiry;
      e.days_overdue = whole_days(now, *f.meta.expires);
      out.push_back(e);
      continue;
    }
    const auto lifetime = expected_lifetime_days(f.meta.type);
    if (lifetime && f.meta.created) {
      const time_point limit{time_point::duration{
          relkit::detail::saturating_add(f.meta.created->time_since_epoch().count(),
                                         std::int64_t{*lifetime} * relkit::detail::ms_per_day)}};
      if (limit < now) {
        e.reason = stale_reason::past_expected_lifetime;
        e.days_overdue = whole_days(now, limit);
        out.push_back(e);
      }
    }
  }
  return out;
}

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
