#pragma once
// A constraint's context field, resolved once when a flag set is built so an
// evaluation does not match the field name against every known name.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

enum class context_field : std::uint8_t {
  user_id,
  session_id,
  remote_address,
  environment,
  app_name,
  current_time,
  property
};

[[nodiscard]] constexpr context_field field_of(std::string_view name) noexcept {
  if (name == "userId") return context_field::user_id;
  if (name == "sessionId") return context_field::session_id;
  if (name == "remoteAddress") return context_field::remote_address;
  if (name == "environment") return context_field::environment;
  if (name == "appName") return context_field::app_name;
  if (name == "currentTime") return context_field::current_time;
  return context_field::property;
}

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
