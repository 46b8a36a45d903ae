// Fuzz target for the shared core (include/relkit/detail/): the decimal
// parser must agree bit for bit with strtod in the C locale on every JSON
// number it reads (and stop where strtod stops), the timestamp parser must
// round-trip what it accepts through the formatter, and the JavaScript text
// helpers must stay inside the input.
#include <clocale>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "relkit/detail/ascii.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/js_text.hpp"

namespace rd = relkit::detail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::setlocale(LC_NUMERIC, "C");
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string_view view(text);

  // Decimal: a JSON number is also a strtod number with the same value.
  const rd::decimal_parse number = rd::parse_json_number(view);
  if (number.end > size) std::abort();
  if (number.status != rd::number_status::invalid) {
    const std::string prefix = text.substr(0, number.end);
    char* end = nullptr;
    const double want = std::strtod(prefix.c_str(), &end);
    if (end != prefix.c_str() + prefix.size()) std::abort();
    if (std::memcmp(&want, &number.value, sizeof want) != 0) std::abort();
  }
  (void)rd::parse_decimal(view, 0, rd::decimal_grammar::js);
  (void)rd::string_to_number(view);
  const rd::uint_parse integer = rd::parse_uint_prefix(view);
  if (integer.end > size) std::abort();

  // Timestamps: what is accepted formats back to the same instant.
  const rd::timestamp_parse stamp = rd::parse_timestamp(view);
  if (stamp.end > size) std::abort();
  if (stamp.status == rd::timestamp_status::ok) {
    const auto again = rd::format_timestamp(stamp.ms, rd::timestamp_precision::milliseconds);
    if (again.size != 0 && rd::parse_timestamp_ms(again.view()) != stamp.ms) std::abort();
  }

  // JavaScript text: trimming keeps a sub-view, lengths stay inside.
  const std::string_view trimmed = rd::js_trim(view);
  if (trimmed.data() < view.data() || trimmed.data() + trimmed.size() > view.data() + size) {
    std::abort();
  }
  for (std::size_t i = 0; i < size; ++i) {
    if (rd::js_space_length(view, i) > size - i) std::abort();
    if (rd::js_line_terminator_length(view, i) > size - i) std::abort();
  }
  (void)rd::iequals(view, trimmed);
  return 0;
}
