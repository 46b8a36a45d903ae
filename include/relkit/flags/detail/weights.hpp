#pragma once
// Conversions of bucketing weights and boundaries to integers that stay
// defined for every input (NaN, negatives, values beyond the type).

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <type_traits>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

namespace detail {

// A weight as an unsigned integer. Integral weights convert as C++ does;
// floating-point ones are clamped first (NaN and negatives 0, beyond 2^64 the
// maximum), because converting an out-of-range double is undefined behaviour.
template <class Weight>
[[nodiscard]] constexpr std::uint64_t weight_units(const Weight& w) noexcept {
  if constexpr (std::is_floating_point_v<Weight>) {
    if (!(w > 0)) return 0;
    if (w >= static_cast<Weight>(18446744073709551616.0)) return ~std::uint64_t{0};
    return static_cast<std::uint64_t>(w);
  } else {
    return static_cast<std::uint64_t>(w);
  }
}

// A float boundary as an integer, saturating like Rust's `as i64` (NaN is 0):
// a static_cast of NaN or of a value beyond the range is undefined behaviour.
[[nodiscard]] constexpr std::int64_t saturating_int64(float x) noexcept {
  if (!(x == x)) return 0;
  if (x >= 9223372036854775808.0F) return INT64_MAX;
  if (x < -9223372036854775808.0F) return INT64_MIN;
  return static_cast<std::int64_t>(x);
}

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
