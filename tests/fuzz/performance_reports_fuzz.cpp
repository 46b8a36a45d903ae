// Fuzz target for relkit::gates' read_k6 and read_prometheus
// (the rule every report target checks: report_fuzz.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace g = relkit::gates;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  relkit_fuzz::check(g::read_k6(text), text);
  relkit_fuzz::check(g::read_prometheus(text, "m"), text);
  return 0;
}
