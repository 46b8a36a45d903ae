#pragma once
// relkit::flags::flag_set: flags and segments compiled once, then evaluated
// (is_enabled, evaluate with the reason, get_variant) without allocating,
// except REGEX constraints.
//
// The member functions are templates with a defaulted parameter (call them as
// usual: set.evaluate(name, ctx); take an address as &flag_set::evaluate<>),
// so a translation unit that does not build or evaluate a flag set does not
// compile the evaluator.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/context.hpp"
#include "relkit/flags/detail/flag_set_engine.hpp"
#include "relkit/flags/evaluation.hpp"
#include "relkit/flags/flag.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// The flags and segments, compiled for evaluation. Copying recompiles (the
// compiled form points into the copy); moving does not. Evaluating from many
// threads at once is fine; modifying while another thread evaluates is not.
class flag_set {
 public:
  // An empty set: every flag is unknown.
  flag_set() = default;
  // Compiles `flags` and `segments`. A flag whose name repeats: the last one
  // wins. A strategy naming a segment id that is not in `segments` is off.
  // Constraint operands that do not parse make their constraint false.
  template <class Unused = void>
  explicit flag_set(std::vector<flag> flags, std::vector<segment> segments = {})
      : engine_(std::move(flags), std::move(segments)) {}

  // The flags and segments as given (not sorted).
  [[nodiscard]] const std::vector<flag>& flags() const noexcept { return engine_.flags(); }
  [[nodiscard]] const std::vector<segment>& segments() const noexcept { return engine_.segments(); }

  // Adds the flag, or replaces the one of the same name; recompiles.
  template <class Unused = void>
  void upsert(flag f) {
    engine_.upsert(std::move(f));
  }
  // Removes the flag of that name, if any; recompiles.
  template <class Unused = void>
  void remove_flag(std::string_view name) {
    engine_.remove_flag(name);
  }
  // Adds the segment, or replaces the one of the same id; recompiles.
  template <class Unused = void>
  void upsert(segment s) {
    engine_.upsert(std::move(s));
  }
  // Removes the segment of that id, if any; recompiles.
  template <class Unused = void>
  void remove_segment(std::int64_t id) {
    engine_.remove_segment(id);
  }
  // Replaces everything at once (one compilation).
  template <class Unused = void>
  void assign(std::vector<flag> flags, std::vector<segment> segments) {
    engine_.assign(std::move(flags), std::move(segments));
  }

  // The flag named `name`, or null. Allocates nothing.
  template <class Unused = void>
  [[nodiscard]] const flag* find(std::string_view name) const noexcept {
    return engine_.find(name);
  }

  // Unleash's feature evaluation (dependencies, kill switch, strategies in
  // order) with the reason; an unknown flag is off with reason unknown_flag.
  // Allocates nothing except for REGEX constraints.
  template <class Unused = void>
  [[nodiscard]] evaluation evaluate(std::string_view name, const context& ctx) const {
    return engine_.evaluate(name, ctx);
  }

  // evaluate(name, ctx).enabled: Unleash's isEnabled.
  template <class Unused = void>
  [[nodiscard]] bool is_enabled(std::string_view name, const context& ctx) const {
    return engine_.is_enabled(name, ctx);
  }

  // Unleash's getVariant: {name "disabled", enabled false} when the flag is
  // unknown, off, or has no variants; `payload` points into this set.
  template <class Unused = void>
  [[nodiscard]] variant_result get_variant(std::string_view name, const context& ctx) const {
    return engine_.get_variant(name, ctx);
  }

  // Equal when the flags and segments are (the compiled form follows them).
  friend bool operator==(const flag_set& a, const flag_set& b) {
    return a.flags() == b.flags() && a.segments() == b.segments();
  }
  friend bool operator!=(const flag_set& a, const flag_set& b) { return !(a == b); }

 private:
  detail::flag_set_engine<> engine_;
};

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
