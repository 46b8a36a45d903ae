#pragma once
// The engine behind relkit::flags::flag_set (relkit/flags/flag_set.hpp):
// compiling flags and segments once, then evaluating them.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/flags/bucketing.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/context.hpp"
#include "relkit/flags/detail/compiled.hpp"
#include "relkit/flags/detail/regex.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/flags/evaluation.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

// relkit::flags::flag_set's state and evaluator. A template only so that a
// translation unit that includes flags.hpp without building or evaluating a
// flag set does not pay for compiling the evaluator (the regex engine and the
// semver parser included). Copying recompiles (the compiled form points into
// the copy); moving does not.
template <class Unused = void>
class flag_set_engine {
 public:
  // An empty set: every flag is unknown.
  flag_set_engine() = default;
  // Compiles `flags` and `segments`. A flag whose name repeats: the last one
  // wins. A strategy naming a segment id that is not in `segments` is off.
  explicit flag_set_engine(std::vector<flag> flags, std::vector<segment> segments = {})
      : flags_(std::move(flags)), segments_(std::move(segments)) {
    compile();
  }
  flag_set_engine(const flag_set_engine& other) : flags_(other.flags_), segments_(other.segments_) {
    compile();
  }
  flag_set_engine& operator=(const flag_set_engine& other) {
    if (this != &other) {
      flags_ = other.flags_;
      segments_ = other.segments_;
      compile();
    }
    return *this;
  }
  flag_set_engine(flag_set_engine&&) noexcept = default;
  flag_set_engine& operator=(flag_set_engine&&) noexcept = default;
  ~flag_set_engine() = default;

  [[nodiscard]] const std::vector<flag>& flags() const noexcept { return flags_; }
  [[nodiscard]] const std::vector<segment>& segments() const noexcept { return segments_; }

  // Adds or replaces (by name / id), removes; each recompiles the set.
  void upsert(flag f) {
    const int i = index_of(f.name);
    if (i >= 0) {
      flags_[static_cast<std::size_t>(i)] = std::move(f);
    } else {
      flags_.push_back(std::move(f));
    }
    compile();
  }
  void remove_flag(std::string_view name) {
    const int i = index_of(name);
    if (i < 0) return;
    flags_.erase(flags_.begin() + i);
    compile();
  }
  void upsert(segment s) {
    bool replaced = false;
    for (auto& existing : segments_) {
      if (existing.id == s.id) {
        existing = s;
        replaced = true;
      }
    }
    if (!replaced) segments_.push_back(std::move(s));
    compile();
  }
  void remove_segment(std::int64_t id) {
    std::vector<segment> kept;
    for (auto& s : segments_) {
      if (s.id != id) kept.push_back(std::move(s));
    }
    segments_ = std::move(kept);
    compile();
  }
  // Replaces everything at once (one compilation).
  void assign(std::vector<flag> flags, std::vector<segment> segments) {
    flags_ = std::move(flags);
    segments_ = std::move(segments);
    compile();
  }

  // The flag named `name`, or null.
  [[nodiscard]] const flag* find(std::string_view name) const noexcept {
    const int i = index_of(name);
    return i < 0 ? nullptr : &flags_[static_cast<std::size_t>(i)];
  }

  // Unleash's feature evaluation (dependencies, kill switch, strategies in
  // order) with the reason; an unknown flag is off with reason unknown_flag.
  // Allocates nothing except for REGEX constraints.
  [[nodiscard]] evaluation evaluate(std::string_view name, const context& ctx) const {
    const int i = index_of(name);
    if (i < 0) return evaluation{};
    const strategy* matched = nullptr;
    return evaluate_flag(static_cast<std::size_t>(i), ctx, true, matched);
  }

  // evaluate(name, ctx).enabled: Unleash's isEnabled.
  [[nodiscard]] bool is_enabled(std::string_view name, const context& ctx) const {
    const int i = index_of(name);
    return i >= 0 && flag_on(static_cast<std::size_t>(i), ctx);
  }

  // Unleash's getVariant: {name "disabled", enabled false} when the flag is
  // unknown, off, or has no variants; `payload` points into this set.
  [[nodiscard]] variant_result get_variant(std::string_view name, const context& ctx) const {
    const int i = index_of(name);
    if (i < 0) return variant_result{};
    return variant_of(static_cast<std::size_t>(i), ctx, true);
  }

 private:
  // The name's slot in the hashed index: the hash's low bits pick the first
  // slot, equal hashes and sizes are compared byte for byte.
  [[nodiscard]] int index_of(std::string_view name) const noexcept {
    if (name_slots_.empty()) return -1;
    const std::uint64_t hash = text_hash(name, hash_seed_);
    const std::uint32_t tag = slot_tag(hash);
    const std::size_t mask = name_slots_.size() - 1;
    for (std::size_t k = static_cast<std::uint32_t>(hash) & mask;; k = (k + 1) & mask) {
      const text_slot& slot = name_slots_[k];
      if (slot.index == ~std::uint32_t{0}) return -1;
      if (slot.tag == tag) {
        const std::string_view candidate = flags_[slot.index].name;
        if (candidate.size() == name.size() &&
            same_bytes(candidate.data(), name.data(), name.size())) {
          return static_cast<int>(slot.index);
        }
      }
    }
  }

  // The slot of `text` (hash `hash`) in the table at `slots` (a power of two
  // in size, at most half full once every entry is in): the slot already
  // holding an equal text (`text_of(index)` reads an entry's text), or the
  // empty slot where it goes, its tag set. Equal texts share one slot, so
  // repeated names or values never lengthen a probe chain.
  template <class TextOf>
  static text_slot& slot_for(text_slot* slots, std::size_t size, std::uint64_t hash,
                             std::string_view text, const TextOf& text_of) noexcept {
    const std::uint32_t tag = slot_tag(hash);
    for (std::size_t k = static_cast<std::uint32_t>(hash) & (size - 1);; k = (k + 1) & (size - 1)) {
      text_slot& slot = slots[k];
      if (slot.index == ~std::uint32_t{0}) {
        slot.tag = tag;
        return slot;
      }
      if (slot.tag == tag && same_text(text_of(slot.index), text)) return slot;
    }
  }

  void compile_constraint(const constraint& c) {
    compiled_constraint cc;
    cc.source = &c;
    cc.member = member_of(field_of(c.context_name));
    cc.op = c.op;
    cc.inverted = c.inverted;
    switch (c.op) {
      case operator_kind::num_eq:
      case operator_kind::num_gt:
      case operator_kind::num_gte:
      case operator_kind::num_lt:
      case operator_kind::num_lte:
        if (const auto n = js_number(c.value)) cc.set_number(*n);
        break;
      case operator_kind::date_after:
      case operator_kind::date_before:
        if (const auto ms = parse_js_date_ms(c.value)) cc.set_date_ms(*ms);
        break;
      case operator_kind::semver_eq:
      case operator_kind::semver_gt:
      case operator_kind::semver_gte:
      case operator_kind::semver_lt:
      case operator_kind::semver_lte:
        if (auto v = semver::parse(c.value)) {
          cc.operand = versions_.size();
          cc.has_operand = true;
          versions_.push_back(std::move(*v));
        }
        break;
      case operator_kind::regex:
        cc.operand = patterns_.size();
        patterns_.push_back(regex::compile(c.value, c.case_insensitive));
        break;
      case operator_kind::in_cidr:
        cc.operand = ranges_.size();
        for (const auto& v : c.values) {
          // the SDK's value.trim(): JavaScript whitespace (a)
          if (auto r = parse_cidr(relkit::detail::js_trim(v))) ranges_.push_back(*r);
        }
        cc.count = static_cast<std::uint32_t>(ranges_.size() - cc.operand);
        break;
      case operator_kind::in:
      case operator_kind::not_in:
        cc.count = static_cast<std::uint32_t>(c.values.size());
        if (cc.count > in_scan_limit) {
          const std::size_t first_slot = in_slots_.size();
          const std::size_t size = text_table_size(cc.count);
          in_slots_.resize(first_slot + size);
          const auto value_of = [&c](std::uint32_t k) -> std::string_view { return c.values[k]; };
          for (std::uint32_t k = 0; k < cc.count; ++k) {
            text_slot& slot = slot_for(in_slots_.data() + first_slot, size,
                                       text_hash(c.values[k], hash_seed_), c.values[k], value_of);
            if (slot.index == ~std::uint32_t{0}) slot.index = k;
          }
          cc.operand = first_slot;
        }
        break;
      case operator_kind::str_contains:
      case operator_kind::str_starts_with:
      case operator_kind::str_ends_with:
        if (c.case_insensitive) {
          cc.operand = folded_.size();
          for (const auto& v : c.values) {
            std::string lower(v);
            for (char& ch : lower) ch = relkit::detail::to_lower(ch);
            folded_.push_back(std::move(lower));
          }
        }
        break;
      default:
        break;
    }
    constraints_.push_back(cc);
  }

  void compile() {
    compiled_flags_.clear();
    strategies_.clear();
    constraints_.clear();
    dependency_index_.clear();
    versions_.clear();
    patterns_.clear();
    ranges_.clear();
    folded_.clear();
    in_slots_.clear();
    // Names and IN values chosen offline to share the low bits of their hash
    // would make the linear probing of both tables quadratic: the seed (the
    // clock and this object's address, new for each compiled set) keeps a
    // payload from knowing where its texts fall.
    hash_seed_ = text_mix(
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()),
        std::uint64_t{reinterpret_cast<std::uintptr_t>(this)});
    name_slots_.assign(text_table_size(flags_.size()), text_slot{});
    // Duplicate names: the last one wins, as a later payload entry would.
    const auto name_of = [this](std::uint32_t k) -> std::string_view { return flags_[k].name; };
    for (std::size_t i = 0; i < flags_.size(); ++i) {
      const std::string_view name = flags_[i].name;
      slot_for(name_slots_.data(), name_slots_.size(), text_hash(name, hash_seed_), name, name_of)
          .index = static_cast<std::uint32_t>(i);
    }
    // Sized first: the compiled vectors never grow (nor move their items).
    std::size_t strategy_count = 0, constraint_count = 0, dependency_count = 0;
    for (const flag& f : flags_) {
      strategy_count += f.strategies.size();
      dependency_count += f.dependencies.size();
      for (const strategy& s : f.strategies) {
        constraint_count += s.constraints.size();
        for (std::int64_t id : s.segments) {
          std::size_t n = 1;  // a missing segment's stand-in
          for (const auto& candidate : segments_) {
            if (candidate.id == id) n = candidate.constraints.size();
          }
          constraint_count += n;
        }
      }
    }
    compiled_flags_.reserve(flags_.size());
    strategies_.reserve(strategy_count);
    constraints_.reserve(constraint_count);
    dependency_index_.reserve(dependency_count);
    std::size_t dependencies_before = 0;
    for (const flag& f : flags_) {
      compiled_flag cf;
      cf.first_strategy = static_cast<std::uint32_t>(strategies_.size());
      cf.strategy_count = static_cast<std::uint32_t>(f.strategies.size());
      cf.dependency_count = static_cast<std::uint32_t>(f.dependencies.size());
      cf.enabled = f.enabled;
      for (const strategy& s : f.strategies) {
        compiled_strategy cs;
        cs.source = &s;
        cs.kind = s.kind;
        cs.percentage = s.percentage;
        cs.first_constraint = static_cast<std::uint32_t>(constraints_.size());
        for (const constraint& c : s.constraints) compile_constraint(c);
        for (std::int64_t id : s.segments) {
          const segment* seg = nullptr;
          for (const auto& candidate : segments_) {
            if (candidate.id == id) seg = &candidate;
          }
          if (seg == nullptr) {
            constraints_.push_back(compiled_constraint{});  // op unknown: false
          } else {
            for (const constraint& c : seg->constraints) compile_constraint(c);
          }
        }
        cs.constraint_count =
            static_cast<std::uint32_t>(constraints_.size() - std::size_t{cs.first_constraint});
        if (s.stickiness == "random") {
          cs.stickiness = stickiness_kind::random;
        } else if (s.stickiness == "userId") {
          cs.stickiness = stickiness_kind::user_id;
        } else if (s.stickiness == "sessionId") {
          cs.stickiness = stickiness_kind::session_id;
        } else if (s.stickiness != "default" && !s.stickiness.empty()) {
          cs.stickiness = stickiness_kind::field;
        }
        if (s.kind == strategy_kind::flexible_rollout ||
            s.kind == strategy_kind::gradual_rollout_user_id ||
            s.kind == strategy_kind::gradual_rollout_session_id) {
          const bool flag_group = s.kind == strategy_kind::flexible_rollout && s.group_id.empty();
          cs.group_prefix.update(flag_group ? std::string_view(f.name)
                                            : std::string_view(s.group_id));
          cs.group_prefix.update(":");
        }
        if (s.kind == strategy_kind::remote_address) {
          cs.first_range = static_cast<std::uint32_t>(ranges_.size());
          for (const auto& entry : s.ids) {
            if (entry.find('/') == std::string::npos) continue;
            auto r = parse_cidr(entry);
            if (r && !r->network.v6) ranges_.push_back(*r);
          }
          cs.range_count = static_cast<std::uint32_t>(ranges_.size() - cs.first_range);
        }
        strategies_.push_back(cs);
      }
      cf.first_dependency = static_cast<std::uint32_t>(dependencies_before);
      dependencies_before += f.dependencies.size();  // indexed below, once every name is
      compiled_flags_.push_back(cf);
    }
    for (const flag& f : flags_) {
      for (const dependency& d : f.dependencies) dependency_index_.push_back(index_of(d.feature));
    }
    // The side tables grew by doubling (only constraints of their operators
    // fill them): exact-sized.
    versions_.shrink_to_fit();
    patterns_.shrink_to_fit();
    ranges_.shrink_to_fit();
    folded_.shrink_to_fit();
    in_slots_.shrink_to_fit();
  }

  // The context's value for the constraint's field (a property by name).
  [[nodiscard]] static std::optional<std::string_view> value_of(const compiled_constraint& cc,
                                                                const context& ctx) noexcept {
    if (cc.member != nullptr) return ctx.*cc.member;
    const std::string_view name = cc.source->context_name;
    for (const auto& p : ctx.properties) {
      if (p.name == name) return p.value;
    }
    return std::nullopt;
  }

  // IN and NOT_IN here (the common case, inline), the rest in operator_holds.
  [[nodiscard]] bool check_constraint(const compiled_constraint& cc, const context& ctx) const {
    bool result = false;
    if (cc.op == operator_kind::in || cc.op == operator_kind::not_in) {
      const std::optional<std::string_view> value = value_of(cc, ctx);
      result = (value && in_set(cc, *value)) == (cc.op == operator_kind::in);
    } else {
      if (cc.op == operator_kind::unknown) return false;  // even when inverted
      result = operator_holds(cc, ctx);
    }
    return cc.inverted ? !result : result;
  }

  // All constraints of the strategy hold; else `failed` is the first that does
  // not.
  [[nodiscard]] bool constraints_hold(const compiled_strategy& cs, const context& ctx,
                                      int& failed) const {
    const compiled_constraint* first = constraints_.data() + cs.first_constraint;
    for (std::uint32_t c = 0; c < cs.constraint_count; ++c) {
      if (!check_constraint(first[c], ctx)) {
        failed = static_cast<int>(c);
        return false;
      }
    }
    failed = -1;
    return true;
  }

  [[nodiscard]] bool operator_holds(const compiled_constraint& cc, const context& ctx) const {
    const constraint& c = *cc.source;
    if (c.op == operator_kind::date_after || c.op == operator_kind::date_before) {
      if (!cc.has_operand) return false;
      std::optional<std::int64_t> now;
      if (const auto text = ctx.current_time) {
        now = parse_js_date_ms(*text);
      } else if (ctx.now) {
        now = ctx.now->time_since_epoch().count();
      }
      if (!now) return false;
      const std::int64_t date = cc.date_ms();
      return c.op == operator_kind::date_after ? *now > date : *now < date;
    }
    const std::optional<std::string_view> value = value_of(cc, ctx);
    switch (c.op) {
      case operator_kind::str_contains:
      case operator_kind::str_starts_with:
      case operator_kind::str_ends_with: {
        if (!value) return false;
        const std::string_view text = *value;
        const std::size_t n = c.values.size();
        for (std::size_t k = 0; k < n; ++k) {
          const std::string_view needle = c.case_insensitive
                                              ? std::string_view(folded_[cc.index() + k])
                                              : std::string_view(c.values[k]);
          if (needle.size() > text.size()) continue;
          if (c.op == operator_kind::str_starts_with) {
            if (c.case_insensitive ? folded_equal_at(text, 0, needle)
                                   : text.substr(0, needle.size()) == needle) {
              return true;
            }
          } else if (c.op == operator_kind::str_ends_with) {
            const std::size_t at = text.size() - needle.size();
            if (c.case_insensitive ? folded_equal_at(text, at, needle)
                                   : text.substr(at) == needle) {
              return true;
            }
          } else {
            for (std::size_t at = 0; at + needle.size() <= text.size(); ++at) {
              if (c.case_insensitive ? folded_equal_at(text, at, needle)
                                     : text.substr(at, needle.size()) == needle) {
                return true;
              }
            }
          }
        }
        return false;
      }
      case operator_kind::num_eq:
      case operator_kind::num_gt:
      case operator_kind::num_gte:
      case operator_kind::num_lt:
      case operator_kind::num_lte: {
        if (!value || !cc.has_operand) return false;
        const auto x = js_number(*value);
        if (!x) return false;
        const double a = *x, b = cc.number();
        switch (c.op) {
          case operator_kind::num_eq:
            return a == b;
          case operator_kind::num_gt:
            return a > b;
          case operator_kind::num_gte:
            return a >= b;
          case operator_kind::num_lt:
            return a < b;
          default:
            return a <= b;
        }
      }
      case operator_kind::semver_eq:
      case operator_kind::semver_gt:
      case operator_kind::semver_gte:
      case operator_kind::semver_lt:
      case operator_kind::semver_lte: {
        // Strict SemVer 2.0.0 on both sides (no `v` prefix), as Unleash's
        // engines.
        if (!value || !cc.has_operand) return false;
        const auto v = semver::parse(*value);
        if (!v) return false;
        const int cmp = semver::compare(*v, versions_[cc.index()]);
        switch (c.op) {
          case operator_kind::semver_eq:
            return cmp == 0;
          case operator_kind::semver_gt:
            return cmp > 0;
          case operator_kind::semver_gte:
            return cmp >= 0;
          case operator_kind::semver_lt:
            return cmp < 0;
          default:
            return cmp <= 0;
        }
      }
      case operator_kind::regex:
        return value && patterns_[cc.index()].search(*value);
      case operator_kind::in_cidr: {
        if (!value) return false;
        const auto ip = parse_ip(relkit::detail::js_trim(*value));  // trim(): whitespace (a)
        if (!ip) return false;
        for (std::size_t k = 0; k < cc.count; ++k) {
          if (cidr_contains(ranges_[cc.index() + k], *ip)) return true;
        }
        return false;
      }
      default:
        return false;
    }
  }

  // The decimal string random stickiness hashes: 1..modulus. Formatted only
  // when a strategy needs it.
  struct random_id {
    std::array<char, 12> digits;  // written by make() before any read
    std::size_t size = 0;
    std::string_view make(std::uint32_t entropy, std::uint32_t modulus) noexcept {
      std::uint32_t v = entropy % modulus + 1U;
      std::array<char, 12> rev;
      std::size_t n = 0;
      do {
        rev[n++] = static_cast<char>('0' + v % 10U);
        v /= 10U;
      } while (v != 0);
      size = 0;
      while (n > 0) digits[size++] = rev[--n];
      return {digits.data(), size};
    }
  };

  static std::optional<std::string_view> non_empty(std::optional<std::string_view> v) noexcept {
    if (v && v->empty()) return std::nullopt;
    return v;
  }

  // `value` is one of an IN / NOT_IN constraint's values: small sets
  // scanned (sizes compared first), larger ones through their hash table.
  [[nodiscard]] bool in_set(const compiled_constraint& cc, std::string_view value) const noexcept {
    const auto& values = cc.source->values;
    if (cc.count <= in_scan_limit) {
      for (const auto& v : values) {
        if (same_text(v, value)) return true;
      }
      return false;
    }
    const text_slot* slots = in_slots_.data() + cc.operand;
    const std::size_t mask = text_table_size(cc.count) - 1;
    const std::uint64_t hash = text_hash(value, hash_seed_);
    const std::uint32_t tag = slot_tag(hash);
    for (std::size_t k = static_cast<std::uint32_t>(hash) & mask;; k = (k + 1) & mask) {
      const text_slot& slot = slots[k];
      if (slot.index == ~std::uint32_t{0}) return false;
      if (slot.tag == tag && same_text(values[slot.index], value)) return true;
    }
  }

  [[nodiscard]] static bool list_contains(const std::vector<std::string>& list,
                                          std::string_view v) noexcept {
    for (const auto& item : list) {
      if (same_text(item, v)) return true;
    }
    return false;
  }

  // unleash_in_rollout(percentage, group, id), "<group>:" hashed beforehand.
  [[nodiscard]] static bool in_rollout(const compiled_strategy& cs, std::string_view id) noexcept {
    return cs.percentage > 0 && cs.group_prefix.finish_with(id) % 100U + 1U <= cs.percentage;
  }

  [[nodiscard]] bool strategy_on(const compiled_strategy& cs, const context& ctx) const noexcept {
    const strategy& s = *cs.source;
    switch (cs.kind) {
      case strategy_kind::default_on:
        return true;
      case strategy_kind::user_with_id:
        return ctx.user_id && list_contains(s.ids, *ctx.user_id);
      case strategy_kind::flexible_rollout: {
        std::optional<std::string_view> id;
        random_id random;
        switch (cs.stickiness) {
          case stickiness_kind::default_chain:
            id = non_empty(ctx.user_id);
            if (!id) id = non_empty(ctx.session_id);
            if (!id) id = random.make(ctx.random, 10000U);
            break;
          case stickiness_kind::random:
            id = random.make(ctx.random, 10000U);
            break;
          case stickiness_kind::user_id:
            id = non_empty(ctx.user_id);
            break;
          case stickiness_kind::session_id:
            id = non_empty(ctx.session_id);
            break;
          case stickiness_kind::field:
            id = non_empty(ctx.get(s.stickiness));
            break;
        }
        if (!id)
          return false;  // a named stickiness field that is missing: off, not
                         // random
        return in_rollout(cs, *id);
      }
      case strategy_kind::gradual_rollout_user_id: {
        const auto id = non_empty(ctx.user_id);
        return id && in_rollout(cs, *id);
      }
      case strategy_kind::gradual_rollout_session_id: {
        const auto id = non_empty(ctx.session_id);
        return id && in_rollout(cs, *id);
      }
      case strategy_kind::gradual_rollout_random:
        return cs.percentage >= ctx.random % 100U + 1U;
      case strategy_kind::remote_address: {
        if (!ctx.remote_address) return false;
        if (list_contains(s.ids, *ctx.remote_address)) return true;
        const auto ip = parse_ipv4(*ctx.remote_address);
        if (!ip) return false;
        for (std::uint32_t k = 0; k < cs.range_count; ++k) {
          if (cidr_contains(ranges_[cs.first_range + k], *ip)) return true;
        }
        return false;
      }
      case strategy_kind::application_hostname: {
        if (!ctx.hostname) return false;
        for (const auto& h : s.ids) {
          if (h.size() == ctx.hostname->size() && folded_equal_at(h, 0, *ctx.hostname)) {
            return true;
          }
        }
        return false;
      }
      case strategy_kind::unknown:
        return false;
    }
    return false;
  }

  // Unleash's feature evaluation: dependencies, kill switch, strategies.
  [[nodiscard]] evaluation evaluate_flag(std::size_t index, const context& ctx, bool check_parents,
                                         const strategy*& matched) const {
    const compiled_flag& cf = compiled_flags_[index];
    evaluation e;
    matched = nullptr;
    if (check_parents && cf.dependency_count != 0) {
      const flag& f = flags_[index];
      for (std::uint32_t d = 0; d < cf.dependency_count; ++d) {
        if (!dependency_holds(f.dependencies[d], dependency_index_[cf.first_dependency + d], ctx)) {
          e.reason = evaluation_reason::dependency_failed;
          e.dependency = static_cast<int>(d);
          return e;
        }
      }
    }
    if (!cf.enabled) {
      e.reason = evaluation_reason::disabled;
      return e;
    }
    if (cf.strategy_count == 0) {
      e.enabled = true;
      e.reason = evaluation_reason::no_strategies;
      return e;
    }
    e.reason = evaluation_reason::no_strategy_matched;
    const compiled_strategy* strategies = strategies_.data() + cf.first_strategy;
    for (std::uint32_t k = 0; k < cf.strategy_count; ++k) {
      const compiled_strategy& cs = strategies[k];
      int failed = -1;
      const bool held = constraints_hold(cs, ctx, failed);
      e.failed_constraint = failed;
      if (held && strategy_on(cs, ctx)) {
        e.enabled = true;
        e.reason = evaluation_reason::strategy_matched;
        e.strategy = static_cast<int>(k);
        matched = cs.source;
        return e;
      }
    }
    return e;
  }

  // evaluate_flag(index, ctx, true, ...).enabled without the reason: what
  // is_enabled asks for on the request path.
  [[nodiscard]] bool flag_on(std::size_t index, const context& ctx) const {
    const compiled_flag& cf = compiled_flags_[index];
    if (cf.dependency_count != 0) {
      const flag& f = flags_[index];
      for (std::uint32_t d = 0; d < cf.dependency_count; ++d) {
        if (!dependency_holds(f.dependencies[d], dependency_index_[cf.first_dependency + d], ctx)) {
          return false;
        }
      }
    }
    if (!cf.enabled) return false;
    if (cf.strategy_count == 0) return true;
    const compiled_strategy* strategies = strategies_.data() + cf.first_strategy;
    for (std::uint32_t k = 0; k < cf.strategy_count; ++k) {
      const compiled_strategy& cs = strategies[k];
      int failed = -1;
      if (!constraints_hold(cs, ctx, failed)) continue;
      // strategy_on's first case inline: flexibleRollout, default stickiness,
      // a userId.
      if (cs.kind == strategy_kind::flexible_rollout &&
          cs.stickiness == stickiness_kind::default_chain && ctx.user_id && !ctx.user_id->empty()) {
        if (in_rollout(cs, *ctx.user_id)) return true;
      } else if (strategy_on(cs, ctx)) {
        return true;
      }
    }
    return false;
  }

  // One level only: a parent that itself has dependencies fails the child.
  [[nodiscard]] bool dependency_holds(const dependency& d, int parent, const context& ctx) const {
    if (parent < 0) return false;
    const auto p = static_cast<std::size_t>(parent);
    if (!flags_[p].dependencies.empty()) return false;
    if (!d.enabled) {
      const strategy* ignored = nullptr;
      return !evaluate_flag(p, ctx, false, ignored).enabled;
    }
    if (!d.variants.empty()) {
      const variant_result v = variant_of(p, ctx, false);
      if (!v.feature_enabled) return false;
      for (const auto& name : d.variants) {
        if (name == v.name) return true;
      }
      return false;
    }
    const strategy* ignored = nullptr;
    return evaluate_flag(p, ctx, false, ignored).enabled;
  }

  // Unleash's selectVariantDefinition over `variants`, grouped by `group`.
  [[nodiscard]] static const variant* select_variant(const std::vector<variant>& variants,
                                                     std::string_view group,
                                                     std::string_view fallback_stickiness,
                                                     const context& ctx,
                                                     bool& by_override) noexcept {
    by_override = false;
    std::uint64_t total = 0;
    for (const auto& v : variants) total += v.weight;
    if (total == 0 || total > 0xFFFFFFFFULL) return nullptr;
    for (const auto& v : variants) {
      for (const auto& o : v.overrides) {
        const auto value = ctx.get(o.context_name);
        if (value && list_contains(o.values, *value)) {
          by_override = true;
          return &v;
        }
      }
    }
    std::string_view stickiness = variants.front().stickiness;
    if (stickiness.empty()) stickiness = fallback_stickiness;
    if (stickiness.empty()) stickiness = "default";
    random_id random;
    std::optional<std::string_view> id;
    if (stickiness == "default") {
      id = non_empty(ctx.user_id);
      if (!id) id = non_empty(ctx.session_id);
      if (!id) id = non_empty(ctx.remote_address);
    } else if (stickiness != "random") {
      id = non_empty(ctx.get(stickiness));
    }
    if (!id)
      id = random.make(ctx.random, 100000U);  // variants fall back to random, unlike rollouts
    const std::uint32_t target =
        unleash_variant_bucket(group, *id, static_cast<std::uint32_t>(total));
    std::uint64_t counter = 0;
    for (const auto& v : variants) {
      if (v.weight == 0) continue;
      counter += v.weight;
      if (counter >= target) return &v;
    }
    return nullptr;
  }

  [[nodiscard]] variant_result variant_of(std::size_t index, const context& ctx,
                                          bool check_parents) const {
    const strategy* matched = nullptr;
    const evaluation e = evaluate_flag(index, ctx, check_parents, matched);
    variant_result out;
    if (!e.enabled) return out;
    out.feature_enabled = true;
    const flag& f = flags_[index];
    bool by_override = false;
    if (matched != nullptr && !matched->variants.empty()) {
      const std::string_view group = matched->group_id.empty()
                                         ? std::string_view(f.name)
                                         : std::string_view(matched->group_id);
      if (const variant* v =
              select_variant(matched->variants, group, matched->stickiness, ctx, by_override)) {
        out.name = v->name;
        out.enabled = true;
        out.payload = v->payload ? &*v->payload : nullptr;
        out.source =
            by_override ? variant_source::override_match : variant_source::strategy_variant;
        return out;
      }
    }
    if (f.variants.empty()) return out;
    if (const variant* v = select_variant(f.variants, f.name, "default", ctx, by_override)) {
      out.name = v->name;
      out.enabled = true;
      out.payload = v->payload ? &*v->payload : nullptr;
      out.source = by_override ? variant_source::override_match : variant_source::flag_variant;
    }
    return out;
  }

  std::vector<flag> flags_;
  std::vector<segment> segments_;
  std::vector<compiled_flag> compiled_flags_;
  std::vector<compiled_strategy> strategies_;
  std::vector<compiled_constraint> constraints_;
  // Side tables of the compiled form (see compiled.hpp).
  std::vector<int> dependency_index_;      // per dependency: its parent, -1 = missing
  std::vector<semver::version> versions_;  // SEMVER_* operands
  std::vector<regex> patterns_;            // REGEX patterns
  std::vector<cidr_range> ranges_;         // IN_CIDR and remoteAddress ranges
  std::vector<std::string> folded_;        // STR_* case-insensitive values, lower-cased
  std::vector<text_slot> in_slots_;        // hash tables of the IN sets past in_scan_limit
  std::uint64_t hash_seed_ = 0;            // text_hash seed of both tables, set by compile()
  std::vector<text_slot> name_slots_;      // flag names: index of flags_, hashed
};

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
