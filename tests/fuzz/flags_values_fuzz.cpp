// Fuzz target for the value parsers flags constraints use: JavaScript numbers
// (NUM_*), RFC 3339 timestamps (DATE_*), IP addresses and CIDR ranges (IN_CIDR).
// Built with the full UBSan set, so an overflowing date or a bad cast is a crash.
// Traps when an address is not inside its own full-length range.
#include <relkit/flags.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fd = relkit::flags::detail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto number = fd::js_number(text);
  if (number && *number != *number) __builtin_trap();  // never NaN: "NaN" is not a number here
  // Every instant Date's grammar reads (years 0000-9999) is within the range
  // format_timestamp writes: milliseconds never overflow.
  if (const auto ms = fd::parse_js_date_ms(text)) {
    if (*ms < relkit::detail::min_timestamp_ms - 1440 * 60000 ||
        *ms > relkit::detail::max_timestamp_ms + 1440 * 60000) {
      __builtin_trap();
    }
  }
  if (const auto ip = fd::parse_ip(text)) {
    const auto range = fd::parse_cidr(text);
    if (!range || range->prefix != (ip->v6 ? 128U : 32U)) __builtin_trap();
    if (!fd::cidr_contains(*range, *ip)) __builtin_trap();
  }
  if (const auto range = fd::parse_cidr(text)) {
    if (range->prefix > (range->network.v6 ? 128U : 32U)) __builtin_trap();
    if (!fd::cidr_contains(*range, range->network)) __builtin_trap();
  }
  return 0;
}
