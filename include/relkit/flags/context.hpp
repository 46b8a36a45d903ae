#pragma once
// relkit::flags::context: what one evaluation knows about the request. Views
// only, so building one per request copies nothing.

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/flags/detail/context_field.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

struct property {
  std::string_view name;
  std::string_view value;

  friend bool operator==(const property& a, const property& b) noexcept {
    return a.name == b.name && a.value == b.value;
  }
  friend bool operator!=(const property& a, const property& b) noexcept { return !(a == b); }
};

struct context {
  std::optional<std::string_view> user_id;
  std::optional<std::string_view> session_id;
  std::optional<std::string_view> remote_address;
  std::optional<std::string_view> environment;
  std::optional<std::string_view> app_name;
  std::optional<std::string_view> current_time;  // RFC 3339; DATE_* constraints
  std::optional<std::string_view> hostname;      // applicationHostname strategy
  std::vector<property> properties;
  // "Now" for DATE_* constraints when current_time is absent (relkit reads no
  // clock). With neither, DATE_* constraints are false. A clock reading
  // converts with std::chrono::time_point_cast<relkit::time_point::duration>(
  // std::chrono::system_clock::now()).
  std::optional<relkit::time_point> now;
  // Entropy for random stickiness and gradualRolloutRandom: pass a fresh
  // random number per evaluation (relkit has no random source of its own).
  std::uint32_t random = 0;

  // A standard field by its Unleash name ("userId", "sessionId",
  // "remoteAddress", "environment", "appName", "currentTime"), else the
  // property of that name; nullopt if absent. Allocates nothing.
  [[nodiscard]] inline std::optional<std::string_view> get(std::string_view field) const noexcept;

  friend bool operator==(const context& a, const context& b) noexcept {
    return a.user_id == b.user_id && a.session_id == b.session_id &&
           a.remote_address == b.remote_address && a.environment == b.environment &&
           a.app_name == b.app_name && a.current_time == b.current_time &&
           a.hostname == b.hostname && a.properties == b.properties && a.now == b.now &&
           a.random == b.random;
  }
  friend bool operator!=(const context& a, const context& b) noexcept { return !(a == b); }
};

namespace detail {
// context::get(name) for a field resolved by field_of(name).
[[nodiscard]] inline std::optional<std::string_view> field_value(const context& ctx,
                                                                 context_field field,
                                                                 std::string_view name) noexcept {
  switch (field) {
    case context_field::user_id:
      return ctx.user_id;
    case context_field::session_id:
      return ctx.session_id;
    case context_field::remote_address:
      return ctx.remote_address;
    case context_field::environment:
      return ctx.environment;
    case context_field::app_name:
      return ctx.app_name;
    case context_field::current_time:
      return ctx.current_time;
    case context_field::property:
      break;
  }
  for (const auto& p : ctx.properties) {
    if (p.name == name) return p.value;
  }
  return std::nullopt;
}
}  // namespace detail

inline std::optional<std::string_view> context::get(std::string_view field) const noexcept {
  return detail::field_value(*this, detail::field_of(field), field);
}

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
