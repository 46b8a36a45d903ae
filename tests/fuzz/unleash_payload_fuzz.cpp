// Fuzz target for the Unleash payload parser and the evaluation it feeds:
// never crashes, errors carry positions inside the input, and evaluation
// keeps Unleash's invariants (a disabled or unknown flag is off; a variant
// is only reported for an enabled flag); load's one-pass reader answers what
// the checking reader alone (detail::load_checked) answers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "relkit/unleash.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  relkit::unleash::load_options options;
  options.max_depth = 64;
  auto set = relkit::unleash::load(text, options);
  // The one-pass reader answers what the checking reader alone answers.
  const auto checked = relkit::unleash::detail::load_checked(text, options);
  if (set.has_value() != checked.has_value()) __builtin_trap();
  if (!set) {
    if (set.error().position > size) std::abort();
    if (relkit::to_string(set.error()) != relkit::to_string(checked.error())) __builtin_trap();
    return 0;
  }
  if (*set != *checked) __builtin_trap();
  relkit::flags::context contexts[3];
  contexts[1].user_id = "user-1";
  contexts[1].environment = "production";
  contexts[1].remote_address = "10.1.2.3";
  contexts[1].current_time = "2026-11-23T12:00:00Z";
  contexts[1].properties = {{"version", "1.2.3"}, {"region", "eu"}};
  contexts[2].session_id = "s";
  contexts[2].random = 4242;
  for (const auto& f : set->flags()) {
    for (const auto& ctx : contexts) {
      const auto e = set->evaluate(f.name, ctx);
      if (e.enabled && !set->find(f.name)->enabled) __builtin_trap();
      const auto v = set->get_variant(f.name, ctx);
      if (v.feature_enabled != e.enabled) __builtin_trap();
      if (v.enabled && !v.feature_enabled) __builtin_trap();
      (void)relkit::flags::render(*set->find(f.name), e);
    }
  }
  if (set->is_enabled("\x01no such flag", contexts[1])) __builtin_trap();
  return 0;
}
