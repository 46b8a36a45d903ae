#pragma once
// relkit::flags: feature-flag bucketing bit-compatible with Unleash,
// GrowthBook, LaunchDarkly, flagd, Flipt and Flagsmith (see
// detail/flag_bucketing.hpp), and relkit's own flag model: kill switch,
// strategies, constraints, segments, variants with overrides and payloads,
// dependent flags, lifecycle and a stale-flag report. The model follows
// Unleash's semantics (the richest of the systems), so an Unleash payload maps
// onto it one to one (relkit/unleash.hpp). A flag_set, once built, evaluates
// without allocating (except REGEX constraints).

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/flags/bucketing.hpp"
#include "relkit/flags/detail/regex.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/detail/prefix_key.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// ---------------------------------------------------------------------------
// The model (plain data)

enum class operator_kind : std::uint8_t {
  in,
  not_in,
  str_contains,
  str_starts_with,
  str_ends_with,
  num_eq,
  num_gt,
  num_gte,
  num_lt,
  num_lte,
  date_after,
  date_before,
  semver_eq,
  semver_gt,
  semver_gte,
  semver_lt,
  semver_lte,
  regex,
  in_cidr,
  unknown,  // an operator this library does not know: the constraint is false
};

inline constexpr std::string_view operator_names[] = {
    "IN",         "NOT_IN",      "STR_CONTAINS", "STR_STARTS_WITH", "STR_ENDS_WITH",
    "NUM_EQ",     "NUM_GT",      "NUM_GTE",      "NUM_LT",          "NUM_LTE",
    "DATE_AFTER", "DATE_BEFORE", "SEMVER_EQ",    "SEMVER_GT",       "SEMVER_GTE",
    "SEMVER_LT",  "SEMVER_LTE",  "REGEX",        "IN_CIDR",         "UNKNOWN"};

// Unleash's operator name ("STR_CONTAINS").
constexpr std::string_view to_string(operator_kind op) noexcept {
  return operator_names[static_cast<std::size_t>(op)];
}
constexpr operator_kind parse_operator(std::string_view name) noexcept {
  for (std::size_t i = 0; i + 1 < std::size(operator_names); ++i) {
    if (operator_names[i] == name) return static_cast<operator_kind>(i);
  }
  return operator_kind::unknown;
}

// `context_name` names a context field (userId, sessionId, remoteAddress,
// environment, appName, currentTime) or a property. IN/NOT_IN/STR_*/IN_CIDR
// read `values`; NUM_*/DATE_*/SEMVER_*/REGEX read `value`.
struct constraint {
  std::string context_name;
  operator_kind op = operator_kind::in;
  std::vector<std::string> values;
  std::string value;
  bool inverted = false;
  bool case_insensitive = false;  // STR_* and REGEX

  friend bool operator==(const constraint& a, const constraint& b) {
    return a.context_name == b.context_name && a.op == b.op && a.values == b.values &&
           a.value == b.value && a.inverted == b.inverted &&
           a.case_insensitive == b.case_insensitive;
  }
  friend bool operator!=(const constraint& a, const constraint& b) { return !(a == b); }
};

// A reusable, named set of constraints (Unleash segments, cohorts).
struct segment {
  std::int64_t id = 0;
  std::string name;
  std::vector<constraint> constraints;
};

struct payload {
  std::string type;  // "string", "json", "csv", "number"
  std::string value;
  friend bool operator==(const payload& a, const payload& b) {
    return a.type == b.type && a.value == b.value;
  }
  friend bool operator!=(const payload& a, const payload& b) { return !(a == b); }
};

// Context values that force a variant before any hashing.
struct variant_override {
  std::string context_name;
  std::vector<std::string> values;
};

struct variant {
  std::string name;
  std::uint32_t weight = 0;
  std::string weight_type;  // "variable" or "fix" (informational here)
  std::string stickiness;   // "default", "random", or a context field
  std::optional<flags::payload> payload;
  std::vector<variant_override> overrides;
};

enum class strategy_kind : std::uint8_t {
  default_on,                  // "default": on for everyone (subject to constraints)
  user_with_id,                // "userWithId": ids = user ids
  flexible_rollout,            // percentage + stickiness + group_id
  gradual_rollout_user_id,     // legacy: percentage of userId
  gradual_rollout_session_id,  // legacy: percentage of sessionId
  gradual_rollout_random,      // legacy: random percentage
  remote_address,              // "remoteAddress": ids = addresses or IPv4 CIDR ranges
  application_hostname,        // "applicationHostname": ids = host names
  unknown,                     // a custom strategy: false, as in Unleash's SDKs
};

struct strategy {
  strategy_kind kind = strategy_kind::default_on;
  std::string name;                // the name in the payload ("flexibleRollout")
  std::uint32_t percentage = 100;  // rollout, 0..100
  std::string group_id;            // empty: the flag's name (flexibleRollout)
  std::string stickiness = "default";
  std::vector<std::string> ids;
  std::vector<constraint> constraints;
  std::vector<std::int64_t> segments;  // ids into the flag set's segments
  std::vector<variant> variants;       // strategy variants win over flag variants
};

// A parent flag this one requires: enabled (or, with enabled = false,
// disabled), and when `variants` is non-empty, one of those variants.
struct dependency {
  std::string feature;
  bool enabled = true;
  std::vector<std::string> variants;
};

// Unleash's flag types and their expected lifetimes.
enum class flag_type : std::uint8_t { release, experiment, operational, kill_switch, permission };

constexpr std::string_view to_string(flag_type t) noexcept {
  switch (t) {
    case flag_type::release:
      return "release";
    case flag_type::experiment:
      return "experiment";
    case flag_type::operational:
      return "operational";
    case flag_type::kill_switch:
      return "kill-switch";
    case flag_type::permission:
      return "permission";
  }
  return "release";
}
constexpr std::optional<flag_type> parse_flag_type(std::string_view s) noexcept {
  for (auto t : {flag_type::release, flag_type::experiment, flag_type::operational,
                 flag_type::kill_switch, flag_type::permission}) {
    if (to_string(t) == s) return t;
  }
  return std::nullopt;
}

// Days after creation when Unleash calls a flag "potentially stale":
// release and experiment 40, operational 7, kill-switch and permission never.
constexpr std::optional<int> expected_lifetime_days(flag_type t) noexcept {
  switch (t) {
    case flag_type::release:
    case flag_type::experiment:
      return 40;
    case flag_type::operational:
      return 7;
    case flag_type::kill_switch:
    case flag_type::permission:
      return std::nullopt;
  }
  return std::nullopt;
}

using time_point = std::chrono::system_clock::time_point;

struct lifecycle {
  flag_type type = flag_type::release;
  std::string owner;
  std::optional<time_point> created;
  std::optional<time_point> expires;  // an explicit end date, if the team set one
  bool marked_stale = false;          // set by a person (Unleash's `stale`)
};

struct flag {
  std::string name;
  bool enabled = false;              // the kill switch: false turns every strategy off
  std::vector<strategy> strategies;  // OR; none = on for everyone when enabled
  std::vector<variant> variants;
  std::vector<dependency> dependencies;
  lifecycle meta;
  std::string description;
  std::string project;
  bool impression_data = false;
};

// ---------------------------------------------------------------------------
// Evaluation context: views, so building one for a request copies nothing.

struct property {
  std::string_view name;
  std::string_view value;
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
  // clock). With neither, DATE_* constraints are false.
  std::optional<time_point> now;
  // Entropy for random stickiness and gradualRolloutRandom: pass a fresh
  // random number per evaluation (relkit has no random source of its own).
  std::uint32_t random = 0;

  // A standard field by its Unleash name, else a property; nullopt if absent.
  [[nodiscard]] inline std::optional<std::string_view> get(std::string_view field) const noexcept;
};

// ---------------------------------------------------------------------------
// Results

enum class reason : std::uint8_t {
  unknown_flag,         // no flag of that name
  disabled,             // the kill switch is off
  dependency_failed,    // a parent flag is missing, off, or on a different variant
  no_strategies,        // enabled with no strategies: on for everyone
  strategy_matched,     // `strategy` is the first strategy that is on
  no_strategy_matched,  // every strategy was off
};

constexpr std::string_view to_string(reason r) noexcept {
  switch (r) {
    case reason::unknown_flag:
      return "unknown_flag";
    case reason::disabled:
      return "disabled";
    case reason::dependency_failed:
      return "dependency_failed";
    case reason::no_strategies:
      return "no_strategies";
    case reason::strategy_matched:
      return "strategy_matched";
    case reason::no_strategy_matched:
      return "no_strategy_matched";
  }
  return "unknown";
}

struct evaluation {
  bool enabled = false;
  flags::reason reason = reason::unknown_flag;
  int strategy = -1;    // strategy_matched: its index
  int dependency = -1;  // dependency_failed: the failing dependency's index
  // no_strategy_matched: for the last strategy, the index of the first
  // constraint that failed (segment constraints count after the strategy's
  // own), or -1 if its constraints held and its rollout said no.
  int failed_constraint = -1;
};

enum class variant_source : std::uint8_t { none, override_match, strategy_variant, flag_variant };

struct variant_result {
  std::string_view name = "disabled";
  bool enabled = false;                     // a variant was chosen
  bool feature_enabled = false;             // the flag itself is on
  const flags::payload* payload = nullptr;  // points into the flag set
  variant_source source = variant_source::none;
};

// One line: why the flag is on or off ("strategy 1 (flexibleRollout) matched").
template <class Unused = void>
std::string explain(const flag& f, const evaluation& e) {
  std::string out = f.name;
  out += e.enabled ? " is on: " : " is off: ";
  switch (e.reason) {
    case reason::unknown_flag:
      out += "unknown flag";
      break;
    case reason::disabled:
      out += "disabled (kill switch)";
      break;
    case reason::dependency_failed:
      out += "dependency on '";
      out += f.dependencies[static_cast<std::size_t>(e.dependency)].feature;
      out += "' not satisfied";
      break;
    case reason::no_strategies:
      out += "enabled with no strategies";
      break;
    case reason::strategy_matched:
      out += "strategy " + std::to_string(e.strategy) + " (" +
             f.strategies[static_cast<std::size_t>(e.strategy)].name + ") matched";
      break;
    case reason::no_strategy_matched:
      out += "no strategy matched";
      if (e.failed_constraint >= 0) {
        out += " (last strategy: constraint " + std::to_string(e.failed_constraint) + " failed)";
      }
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Stale-flag report (Unleash's semantics; time passed in)

enum class stale_reason : std::uint8_t { marked_stale, past_expected_lifetime, past_expiry };

constexpr std::string_view to_string(stale_reason r) noexcept {
  switch (r) {
    case stale_reason::marked_stale:
      return "marked stale";
    case stale_reason::past_expected_lifetime:
      return "past expected lifetime";
    case stale_reason::past_expiry:
      return "past expiry";
  }
  return "unknown";
}

struct stale_entry {
  std::string flag;
  flag_type type = flag_type::release;
  std::string owner;
  stale_reason reason = stale_reason::marked_stale;
  int days_overdue = 0;  // whole days past the lifetime or expiry (0 for marked_stale)
};

// Every flag that is marked stale, past an explicit expiry, or older than
// its type's expected lifetime ("potentially stale"), in input order.
template <class Unused = void>
std::vector<stale_entry> stale_report(const std::vector<flag>& all, time_point now) {
  std::vector<stale_entry> out;
  const auto whole_days = [](std::chrono::system_clock::duration d) {
    return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(d).count() / 24);
  };
  for (const flag& f : all) {
    stale_entry e{f.name, f.meta.type, f.meta.owner, stale_reason::marked_stale, 0};
    if (f.meta.marked_stale) {
      out.push_back(e);
      continue;
    }
    if (f.meta.expires && *f.meta.expires <= now) {
      e.reason = stale_reason::past_expiry;
      e.days_overdue = whole_days(now - *f.meta.expires);
      out.push_back(e);
      continue;
    }
    const auto lifetime = expected_lifetime_days(f.meta.type);
    if (lifetime && f.meta.created) {
      const auto limit = *f.meta.created + std::chrono::hours(24 * *lifetime);
      if (limit < now) {
        e.reason = stale_reason::past_expected_lifetime;
        e.days_overdue = whole_days(now - limit);
        out.push_back(e);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// flag_set: the flags and segments, compiled for evaluation.

namespace detail_impl {

// A constraint's context field, resolved once when the flag set is built so an
// evaluation does not match the field name against every known name.
enum class context_field : std::uint8_t {
  user_id,
  session_id,
  remote_address,
  environment,
  app_name,
  current_time,
  property
};

constexpr context_field field_of(std::string_view name) noexcept {
  if (name == "userId") return context_field::user_id;
  if (name == "sessionId") return context_field::session_id;
  if (name == "remoteAddress") return context_field::remote_address;
  if (name == "environment") return context_field::environment;
  if (name == "appName") return context_field::app_name;
  if (name == "currentTime") return context_field::current_time;
  return context_field::property;
}

// context::get(name) for a field resolved by field_of(name).
inline std::optional<std::string_view> field_value(const context& ctx, context_field field,
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

}  // namespace detail_impl

inline std::optional<std::string_view> context::get(std::string_view field) const noexcept {
  return detail_impl::field_value(*this, detail_impl::field_of(field), field);
}

namespace detail_impl {

struct compiled_constraint {
  const constraint* source = nullptr;
  context_field field = context_field::property;  // field_of(source->context_name)
  std::optional<double> number;                   // NUM_*
  std::optional<std::int64_t> date_ms;            // DATE_*
  std::optional<semver::version> version;         // SEMVER_*
  detail::regex_lite::regex pattern;              // REGEX
  std::vector<detail::cidr_range> ranges;         // IN_CIDR
  std::vector<std::string> folded;                // STR_* with case_insensitive
  bool missing_segment = false;                   // stands for an unknown segment id
};

enum class stickiness_kind : std::uint8_t { default_chain, random, user_id, session_id, field };

struct compiled_strategy {
  const strategy* source = nullptr;
  stickiness_kind stickiness = stickiness_kind::default_chain;
  std::size_t first_constraint = 0;
  std::size_t constraint_count = 0;
  std::vector<detail::cidr_range> ipv4_ranges;  // remoteAddress entries with '/'
};

struct compiled_flag {
  const flag* source = nullptr;
  std::size_t first_strategy = 0;
  std::vector<int> dependency_index;  // -1 = missing parent
};

inline char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive comparison of `text` at `offset` with an already
// lower-cased needle (ASCII folding; JavaScript's toLocaleLowerCase folds
// more, which matters only for non-ASCII letters).
inline bool folded_equal_at(std::string_view text, std::size_t offset,
                            std::string_view lower) noexcept {
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (ascii_lower(text[offset + i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace detail_impl

// The class is a template only so that a translation unit that includes this
// header without evaluating flags does not pay for compiling the evaluator.
template <class Unused = void>
class basic_flag_set {
 public:
  basic_flag_set() = default;
  explicit basic_flag_set(std::vector<flag> flags, std::vector<segment> segments = {})
      : flags_(std::move(flags)), segments_(std::move(segments)) {
    compile();
  }
  basic_flag_set(const basic_flag_set& other) : flags_(other.flags_), segments_(other.segments_) {
    compile();
  }
  basic_flag_set& operator=(const basic_flag_set& other) {
    if (this != &other) {
      flags_ = other.flags_;
      segments_ = other.segments_;
      compile();
    }
    return *this;
  }
  basic_flag_set(basic_flag_set&&) noexcept = default;
  basic_flag_set& operator=(basic_flag_set&&) noexcept = default;
  ~basic_flag_set() = default;

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

  [[nodiscard]] const flag* find(std::string_view name) const noexcept {
    const int i = index_of(name);
    return i < 0 ? nullptr : &flags_[static_cast<std::size_t>(i)];
  }

  [[nodiscard]] evaluation evaluate(std::string_view name, const context& ctx) const {
    const int i = index_of(name);
    if (i < 0) return evaluation{};
    const strategy* matched = nullptr;
    return evaluate_flag(static_cast<std::size_t>(i), ctx, true, matched);
  }

  [[nodiscard]] bool is_enabled(std::string_view name, const context& ctx) const {
    return evaluate(name, ctx).enabled;
  }

  [[nodiscard]] variant_result get_variant(std::string_view name, const context& ctx) const {
    const int i = index_of(name);
    if (i < 0) return variant_result{};
    return variant_of(static_cast<std::size_t>(i), ctx, true);
  }

 private:
  // Binary search over names (sorted index): no allocation, no hashing. The
  // names' 8-byte prefix keys decide most steps without touching the strings.
  [[nodiscard]] int index_of(std::string_view name) const noexcept {
    const std::uint64_t key = detail::prefix_key(name);
    std::size_t lo = 0, hi = by_name_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (name_keys_[mid] != key) {
        if (name_keys_[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
        continue;
      }
      const std::string& candidate = flags_[by_name_[mid]].name;
      const int c = detail::compare_bytes(candidate, name);
      if (c == 0) return static_cast<int>(by_name_[mid]);
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return -1;
  }

  void compile_constraint(const constraint& c) {
    detail_impl::compiled_constraint cc;
    cc.source = &c;
    cc.field = detail_impl::field_of(c.context_name);
    switch (c.op) {
      case operator_kind::num_eq:
      case operator_kind::num_gt:
      case operator_kind::num_gte:
      case operator_kind::num_lt:
      case operator_kind::num_lte:
        cc.number = detail::js_number(c.value);
        break;
      case operator_kind::date_after:
      case operator_kind::date_before:
        cc.date_ms = detail::parse_timestamp_ms(c.value);
        break;
      case operator_kind::semver_eq:
      case operator_kind::semver_gt:
      case operator_kind::semver_gte:
      case operator_kind::semver_lt:
      case operator_kind::semver_lte:
        if (auto v = semver::parse(c.value)) cc.version = std::move(*v);
        break;
      case operator_kind::regex:
        cc.pattern = detail::regex_lite::regex::compile(c.value, c.case_insensitive);
        break;
      case operator_kind::in_cidr:
        for (const auto& v : c.values) {
          if (auto r = detail::parse_cidr(detail::trim_js_space(v))) cc.ranges.push_back(*r);
        }
        break;
      case operator_kind::str_contains:
      case operator_kind::str_starts_with:
      case operator_kind::str_ends_with:
        if (c.case_insensitive) {
          for (const auto& v : c.values) {
            std::string lower(v);
            for (char& ch : lower) ch = detail_impl::ascii_lower(ch);
            cc.folded.push_back(std::move(lower));
          }
        }
        break;
      default:
        break;
    }
    constraints_.push_back(std::move(cc));
  }

  void compile() {
    compiled_flags_.clear();
    strategies_.clear();
    constraints_.clear();
    by_name_.clear();
    for (std::size_t i = 0; i < flags_.size(); ++i) by_name_.push_back(i);
    std::sort(by_name_.begin(), by_name_.end(), [this](std::size_t a, std::size_t b) {
      return detail::compare_bytes(flags_[a].name, flags_[b].name) < 0;
    });
    // Duplicate names: the last one wins, as a later payload entry would.
    std::vector<std::size_t> unique;
    for (std::size_t k = 0; k < by_name_.size(); ++k) {
      if (!unique.empty() && flags_[unique.back()].name == flags_[by_name_[k]].name) {
        unique.back() = std::max(unique.back(), by_name_[k]);
      } else {
        unique.push_back(by_name_[k]);
      }
    }
    by_name_ = std::move(unique);
    name_keys_.clear();
    for (std::size_t i : by_name_) name_keys_.push_back(detail::prefix_key(flags_[i].name));
    for (const flag& f : flags_) {
      detail_impl::compiled_flag cf;
      cf.source = &f;
      cf.first_strategy = strategies_.size();
      for (const strategy& s : f.strategies) {
        detail_impl::compiled_strategy cs;
        cs.source = &s;
        cs.first_constraint = constraints_.size();
        for (const constraint& c : s.constraints) compile_constraint(c);
        for (std::int64_t id : s.segments) {
          const segment* seg = nullptr;
          for (const auto& candidate : segments_) {
            if (candidate.id == id) seg = &candidate;
          }
          if (seg == nullptr) {
            detail_impl::compiled_constraint missing;
            missing.missing_segment = true;
            constraints_.push_back(std::move(missing));
          } else {
            for (const constraint& c : seg->constraints) compile_constraint(c);
          }
        }
        cs.constraint_count = constraints_.size() - cs.first_constraint;
        if (s.stickiness == "random") {
          cs.stickiness = detail_impl::stickiness_kind::random;
        } else if (s.stickiness == "userId") {
          cs.stickiness = detail_impl::stickiness_kind::user_id;
        } else if (s.stickiness == "sessionId") {
          cs.stickiness = detail_impl::stickiness_kind::session_id;
        } else if (s.stickiness != "default" && !s.stickiness.empty()) {
          cs.stickiness = detail_impl::stickiness_kind::field;
        }
        if (s.kind == strategy_kind::remote_address) {
          for (const auto& entry : s.ids) {
            if (entry.find('/') == std::string::npos) continue;
            auto r = detail::parse_cidr(entry);
            if (r && !r->network.v6) cs.ipv4_ranges.push_back(*r);
          }
        }
        strategies_.push_back(std::move(cs));
      }
      compiled_flags_.push_back(std::move(cf));
    }
    for (auto& cf : compiled_flags_) {
      for (const dependency& d : cf.source->dependencies)
        cf.dependency_index.push_back(index_of(d.feature));
    }
  }

  [[nodiscard]] static bool check_constraint(const detail_impl::compiled_constraint& cc,
                                             const context& ctx) {
    if (cc.missing_segment) return false;
    const constraint& c = *cc.source;
    if (c.op == operator_kind::unknown) return false;  // even when inverted
    const bool result = operator_holds(cc, ctx);
    return c.inverted ? !result : result;
  }

  [[nodiscard]] static bool operator_holds(const detail_impl::compiled_constraint& cc,
                                           const context& ctx) {
    const constraint& c = *cc.source;
    if (c.op == operator_kind::date_after || c.op == operator_kind::date_before) {
      if (!cc.date_ms) return false;
      std::optional<std::int64_t> now;
      if (const auto text = ctx.current_time) {
        now = detail::parse_timestamp_ms(*text);
      } else if (ctx.now) {
        now = std::chrono::duration_cast<std::chrono::milliseconds>(ctx.now->time_since_epoch())
                  .count();
      }
      if (!now) return false;
      return c.op == operator_kind::date_after ? *now > *cc.date_ms : *now < *cc.date_ms;
    }
    const std::optional<std::string_view> value =
        detail_impl::field_value(ctx, cc.field, c.context_name);
    switch (c.op) {
      case operator_kind::in:
      case operator_kind::not_in: {
        bool found = false;
        if (value) {
          for (const auto& v : c.values) {
            if (v == *value) {
              found = true;
              break;
            }
          }
        }
        return c.op == operator_kind::in ? found : !found;
      }
      case operator_kind::str_contains:
      case operator_kind::str_starts_with:
      case operator_kind::str_ends_with: {
        if (!value) return false;
        const std::string_view text = *value;
        const std::size_t n = c.values.size();
        for (std::size_t k = 0; k < n; ++k) {
          const std::string_view needle =
              c.case_insensitive ? std::string_view(cc.folded[k]) : std::string_view(c.values[k]);
          if (needle.size() > text.size()) continue;
          if (c.op == operator_kind::str_starts_with) {
            if (c.case_insensitive ? detail_impl::folded_equal_at(text, 0, needle)
                                   : text.substr(0, needle.size()) == needle) {
              return true;
            }
          } else if (c.op == operator_kind::str_ends_with) {
            const std::size_t at = text.size() - needle.size();
            if (c.case_insensitive ? detail_impl::folded_equal_at(text, at, needle)
                                   : text.substr(at) == needle) {
              return true;
            }
          } else {
            for (std::size_t at = 0; at + needle.size() <= text.size(); ++at) {
              if (c.case_insensitive ? detail_impl::folded_equal_at(text, at, needle)
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
        if (!value || !cc.number) return false;
        const auto x = detail::js_number(*value);
        if (!x) return false;
        const double a = *x, b = *cc.number;
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
        // Strict SemVer 2.0.0 on both sides (no `v` prefix), as Unleash's engines.
        if (!value || !cc.version) return false;
        const auto v = semver::parse(*value);
        if (!v) return false;
        const int cmp = semver::compare(*v, *cc.version);
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
        return value && cc.pattern.search(*value);
      case operator_kind::in_cidr: {
        if (!value) return false;
        const auto ip = detail::parse_ip(detail::trim_js_space(*value));
        if (!ip) return false;
        for (const auto& r : cc.ranges) {
          if (detail::cidr_contains(r, *ip)) return true;
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
    std::array<char, 12> digits{};
    std::size_t size = 0;
    std::string_view make(std::uint32_t entropy, std::uint32_t modulus) noexcept {
      std::uint32_t v = entropy % modulus + 1U;
      std::array<char, 12> rev{};
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

  [[nodiscard]] static bool list_contains(const std::vector<std::string>& list,
                                          std::string_view v) noexcept {
    for (const auto& item : list) {
      if (item == v) return true;
    }
    return false;
  }

  [[nodiscard]] bool strategy_on(const detail_impl::compiled_strategy& cs,
                                 std::string_view flag_name, const context& ctx) const noexcept {
    const strategy& s = *cs.source;
    switch (s.kind) {
      case strategy_kind::default_on:
        return true;
      case strategy_kind::user_with_id:
        return ctx.user_id && list_contains(s.ids, *ctx.user_id);
      case strategy_kind::flexible_rollout: {
        const std::string_view group =
            s.group_id.empty() ? flag_name : std::string_view(s.group_id);
        std::optional<std::string_view> id;
        random_id random;
        switch (cs.stickiness) {
          case detail_impl::stickiness_kind::default_chain:
            id = non_empty(ctx.user_id);
            if (!id) id = non_empty(ctx.session_id);
            if (!id) id = random.make(ctx.random, 10000U);
            break;
          case detail_impl::stickiness_kind::random:
            id = random.make(ctx.random, 10000U);
            break;
          case detail_impl::stickiness_kind::user_id:
            id = non_empty(ctx.user_id);
            break;
          case detail_impl::stickiness_kind::session_id:
            id = non_empty(ctx.session_id);
            break;
          case detail_impl::stickiness_kind::field:
            id = non_empty(ctx.get(s.stickiness));
            break;
        }
        if (!id) return false;  // a named stickiness field that is missing: off, not random
        return unleash_in_rollout(s.percentage, group, *id);
      }
      case strategy_kind::gradual_rollout_user_id: {
        const auto id = non_empty(ctx.user_id);
        return id && unleash_in_rollout(s.percentage, s.group_id, *id);
      }
      case strategy_kind::gradual_rollout_session_id: {
        const auto id = non_empty(ctx.session_id);
        return id && unleash_in_rollout(s.percentage, s.group_id, *id);
      }
      case strategy_kind::gradual_rollout_random:
        return s.percentage >= ctx.random % 100U + 1U;
      case strategy_kind::remote_address: {
        if (!ctx.remote_address) return false;
        if (list_contains(s.ids, *ctx.remote_address)) return true;
        const auto ip = detail::parse_ipv4(*ctx.remote_address);
        if (!ip) return false;
        for (const auto& r : cs.ipv4_ranges) {
          if (detail::cidr_contains(r, *ip)) return true;
        }
        return false;
      }
      case strategy_kind::application_hostname: {
        if (!ctx.hostname) return false;
        for (const auto& h : s.ids) {
          if (h.size() == ctx.hostname->size() &&
              detail_impl::folded_equal_at(h, 0, *ctx.hostname)) {
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
    const detail_impl::compiled_flag& cf = compiled_flags_[index];
    const flag& f = *cf.source;
    evaluation e;
    matched = nullptr;
    if (check_parents) {
      for (std::size_t d = 0; d < f.dependencies.size(); ++d) {
        if (!dependency_holds(f.dependencies[d], cf.dependency_index[d], ctx)) {
          e.reason = reason::dependency_failed;
          e.dependency = static_cast<int>(d);
          return e;
        }
      }
    }
    if (!f.enabled) {
      e.reason = reason::disabled;
      return e;
    }
    if (f.strategies.empty()) {
      e.enabled = true;
      e.reason = reason::no_strategies;
      return e;
    }
    e.reason = reason::no_strategy_matched;
    for (std::size_t k = 0; k < f.strategies.size(); ++k) {
      const detail_impl::compiled_strategy& cs = strategies_[cf.first_strategy + k];
      int failed = -1;
      for (std::size_t c = 0; c < cs.constraint_count; ++c) {
        if (!check_constraint(constraints_[cs.first_constraint + c], ctx)) {
          failed = static_cast<int>(c);
          break;
        }
      }
      e.failed_constraint = failed;
      if (failed < 0 && strategy_on(cs, f.name, ctx)) {
        e.enabled = true;
        e.reason = reason::strategy_matched;
        e.strategy = static_cast<int>(k);
        e.failed_constraint = -1;
        matched = cs.source;
        return e;
      }
    }
    return e;
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
  std::vector<detail_impl::compiled_flag> compiled_flags_;
  std::vector<detail_impl::compiled_strategy> strategies_;
  std::vector<detail_impl::compiled_constraint> constraints_;
  std::vector<std::size_t> by_name_;
  std::vector<std::uint64_t> name_keys_;  // prefix_key of each name in by_name_ order
};

using flag_set = basic_flag_set<>;

}  // namespace flags
RELKIT_NAMESPACE_END
