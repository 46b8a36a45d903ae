#pragma once
// relkit::flags::flag_set: flags and segments compiled once, then evaluated
// (is_enabled, evaluate with the reason, get_variant) without allocating,
// except REGEX constraints.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/prefix_key.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/context.hpp"
#include "relkit/flags/detail/compiled.hpp"
#include "relkit/flags/evaluation.hpp"
#include "relkit/flags/flag.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// The flags and segments, compiled for evaluation. Copying recompiles (the
// compiled form points into the copy); moving does not.
// The flags and segments, compiled for evaluation. Copying recompiles (the
// compiled form points into the copy); moving does not. Not thread-safe to
// modify while another thread evaluates; evaluating from many threads is fine.
class flag_set {
 public:
  // An empty set: every flag is unknown.
  flag_set() = default;
  // Compiles `flags` and `segments`. A flag whose name repeats: the last one
  // wins. A strategy naming a segment id that is not in `segments` is off.
  // Constraint operands that do not parse make their constraint false.
  explicit flag_set(std::vector<flag> flags, std::vector<segment> segments = {});
  flag_set(const flag_set& other);
  flag_set& operator=(const flag_set& other);
  flag_set(flag_set&&) noexcept = default;
  flag_set& operator=(flag_set&&) noexcept = default;
  ~flag_set() = default;

  // The flags and segments as given (not sorted).
  [[nodiscard]] const std::vector<flag>& flags() const noexcept { return flags_; }
  [[nodiscard]] const std::vector<segment>& segments() const noexcept { return segments_; }

  // Adds the flag, or replaces the one of the same name; recompiles.
  void upsert(flag f);
  // Removes the flag of that name, if any; recompiles.
  void remove_flag(std::string_view name);
  // Adds the segment, or replaces the one of the same id; recompiles.
  void upsert(segment s);
  // Removes the segment of that id, if any; recompiles.
  void remove_segment(std::int64_t id);
  // Replaces everything at once (one compilation).
  void assign(std::vector<flag> flags, std::vector<segment> segments);

  // The flag named `name`, or null. Allocates nothing.
  [[nodiscard]] const flag* find(std::string_view name) const noexcept;

  // Unleash's feature evaluation (dependencies, kill switch, strategies in
  // order) with the reason; an unknown flag is off with reason unknown_flag.
  // Allocates nothing except for REGEX constraints.
  [[nodiscard]] evaluation evaluate(std::string_view name, const context& ctx) const;

  // evaluate(name, ctx).enabled: Unleash's isEnabled.
  [[nodiscard]] bool is_enabled(std::string_view name, const context& ctx) const {
    return evaluate(name, ctx).enabled;
  }

  // Unleash's getVariant: {name "disabled", enabled false} when the flag is
  // unknown, off, or has no variants; `payload` points into this set.
  [[nodiscard]] variant_result get_variant(std::string_view name, const context& ctx) const;

  // Equal when the flags and segments are (the compiled form follows them).
  friend bool operator==(const flag_set& a, const flag_set& b) {
    return a.flags_ == b.flags_ && a.segments_ == b.segments_;
  }
  friend bool operator!=(const flag_set& a, const flag_set& b) { return !(a == b); }

 private:
  // Binary search over names (sorted index): no allocation, no hashing. The
  // names' 8-byte prefix keys decide most steps without touching the strings.
  [[nodiscard]] int index_of(std::string_view name) const noexcept;
  void compile_constraint(const constraint& c);
  void compile();
  // Unleash's feature evaluation: dependencies, kill switch, strategies.
  [[nodiscard]] evaluation evaluate_flag(std::size_t index, const context& ctx, bool check_parents,
                                         const strategy*& matched) const;
  // One level only: a parent that itself has dependencies fails the child.
  [[nodiscard]] bool dependency_holds(const dependency& d, int parent, const context& ctx) const;
  [[nodiscard]] variant_result variant_of(std::size_t index, const context& ctx,
                                          bool check_parents) const;

  std::vector<flag> flags_;
  std::vector<segment> segments_;
  std::vector<detail::compiled_flag> compiled_flags_;
  std::vector<detail::compiled_strategy> strategies_;
  std::vector<detail::compiled_constraint> constraints_;
  std::vector<std::size_t> by_name_;
  std::vector<std::uint64_t> name_keys_;  // prefix_key of each name in by_name_ order
};

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/flags/impl/flag_set.hpp"
