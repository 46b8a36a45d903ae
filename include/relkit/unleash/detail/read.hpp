#pragma once
// Reading Unleash's client-API JSON into relkit's flag model: one function
// per JSON object, each answering a positioned unleash::errc error.

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/detail/json_scan.hpp"
#include "relkit/error.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/result.hpp"
#include "relkit/unleash/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {
namespace detail {

// One value of the payload, read in place (relkit/detail/json_scan.hpp):
// the text it belongs to and its span; absent() when a member is missing.
struct node {
  const relkit::detail::json_text* doc = nullptr;
  relkit::detail::json_span span;

  [[nodiscard]] bool absent() const noexcept { return span.absent(); }
  [[nodiscard]] bool is_null() const noexcept { return span.is_null(); }
  [[nodiscard]] bool is_bool() const noexcept { return span.is_bool(); }
  [[nodiscard]] bool is_number() const noexcept { return span.is_number(); }
  [[nodiscard]] bool is_string() const noexcept { return span.is_string(); }
  [[nodiscard]] bool is_array() const noexcept { return span.is_array(); }
  [[nodiscard]] bool is_object() const noexcept { return span.is_object(); }
  // Absent or null: what every optional field treats as "not given".
  [[nodiscard]] bool unset() const noexcept { return span.absent() || span.is_null(); }
  [[nodiscard]] std::size_t position() const noexcept { return span.begin; }
  [[nodiscard]] bool boolean() const noexcept { return span.kind == 't'; }
  [[nodiscard]] double number() const noexcept { return doc->number(span); }
  // A string's decoded UTF-8.
  template <class Unused = void>
  [[nodiscard]] std::string text() const {
    return doc->string<Unused>(span);
  }
  // The member `key` (the last one if repeated); absent when there is none.
  [[nodiscard]] node find(std::string_view key) const { return node{doc, doc->find(span, key)}; }

  // The number of items of an array.
  [[nodiscard]] std::size_t size() const {
    std::size_t n = 0;
    doc->items(span, [&](relkit::detail::json_span) {
      ++n;
      return true;
    });
    return n;
  }

  // Calls f(item) for each item of an array until f answers an error.
  template <class F>
  [[nodiscard]] relkit::result<void> each(F&& f) const {
    relkit::result<void> status;
    doc->items(span, [&](relkit::detail::json_span item) {
      status = f(node{doc, item});
      return status.has_value();
    });
    return status;
  }
};

// a == b for a member name, inline (names are short: a call to memcmp,
// which string_view's == makes, costs more than the bytes).
[[nodiscard]] inline bool same_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// The members `names` of an object in one pass over it (the last one of a
// repeated name); absent nodes for those it lacks or when it is not one.
template <std::size_t N>
void fields(const node& object, const std::string_view (&names)[N], node (&out)[N]) {
  for (node& n : out) n = node{object.doc, relkit::detail::json_span{}};
  std::string decoded;
  object.doc->members(object.span,
                      [&](relkit::detail::json_span key, relkit::detail::json_span value) {
                        std::string_view k = object.doc->raw(key);
                        if (key.escaped) {
                          decoded = object.doc->string<>(key);
                          k = decoded;
                        }
                        for (std::size_t i = 0; i < N; ++i) {
                          if (same_name(k, names[i])) {
                            out[i].span = value;
                            break;
                          }
                        }
                        return true;
                      });
}

// "<subject> must be <expected>": `subject` and `expected` are literals.
[[nodiscard]] inline relkit::error type_error(const node& v, const char* subject,
                                              const char* expected) noexcept {
  return relkit::error{errc::wrong_type, v.position(),
                       relkit::error_args{}.with_token(subject).with_text(expected)};
}

// "\"<field>\" must be <expected>", without building a string: the quoted
// name is assembled in the error's own token buffer.
[[nodiscard]] inline relkit::error field_type_error(const node& v, const char* field,
                                                    const char* expected) noexcept {
  char quoted[relkit::error_args::token_capacity];
  const std::string_view name(field);
  const std::size_t n = name.size() + 2 <= sizeof quoted ? name.size() : sizeof quoted - 2;
  quoted[0] = '"';
  for (std::size_t i = 0; i < n; ++i) quoted[i + 1] = name[i];
  quoted[n + 1] = '"';
  return relkit::error{
      errc::wrong_type, v.position(),
      relkit::error_args{}.with_token(std::string_view(quoted, n + 2)).with_text(expected)};
}

[[nodiscard]] inline relkit::error missing(const node& object, const char* field) noexcept {
  return relkit::error{errc::missing_field, object.position(),
                       relkit::error_args{}.with_token(field)};
}

// A JSON number as an integer in [low, high]. A fraction, or a value outside
// the range (1e300), is an out_of_range error at the number: converting such
// a double to an integer would be undefined behaviour.
[[nodiscard]] inline relkit::result<std::int64_t> integer_of(
    const node& v, const char* subject, std::int64_t low = INT64_MIN,
    std::int64_t high = INT64_MAX) noexcept {
  const double d = v.number();
  // 2^63 is exact as a double; every double in (-2^63, 2^63) converts.
  const bool in_int64 = d >= -9223372036854775808.0 && d < 9223372036854775808.0;
  if (in_int64) {
    const auto n = static_cast<std::int64_t>(d);
    if (static_cast<double>(n) == d && n >= low && n <= high) return n;
  }
  return relkit::error{
      errc::out_of_range, v.position(),
      relkit::error_args{}.with_token(subject).with_number(low).with_number2(high)};
}

// out = the string v's decoded text, straight from the payload when it has
// no escapes (no temporary string).
template <class Unused = void>
void assign_text(const node& v, std::string& out) {
  if (v.span.escaped) {
    out = v.text<Unused>();
  } else {
    out.assign(v.doc->raw(v.span));
  }
}

// A scalar as text the way JavaScript's String() would write it (strings as
// they are, numbers as in the source, booleans); false for null, arrays and
// objects.
template <class Unused = void>
[[nodiscard]] bool scalar_text(const node& v, std::string& out) {
  if (v.is_string()) {
    assign_text<Unused>(v, out);
    return true;
  }
  if (v.is_number()) {
    out = v.doc->token(v.span);
    return true;
  }
  if (v.is_bool()) {
    out = v.boolean() ? "true" : "false";
    return true;
  }
  return false;
}

// The field `v` named `name` as text; absent or null leaves `out` alone.
template <class Unused = void>
[[nodiscard]] relkit::result<void> read_text(const node& v, const char* name, std::string& out) {
  if (v.unset()) return {};
  if (!scalar_text<Unused>(v, out)) return field_type_error(v, name, "a string");
  return {};
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> read_bool(const node& v, const char* name, bool& out) {
  if (v.unset()) return {};
  if (!v.is_bool()) return field_type_error(v, name, "a boolean");
  out = v.boolean();
  return {};
}

// The field `v` named `name` as an array: true when it is one, false when
// absent or null.
template <class Unused = void>
[[nodiscard]] relkit::result<bool> read_array(const node& v, const char* name) {
  if (v.unset()) return false;
  if (!v.is_array()) return field_type_error(v, name, "an array");
  return true;
}

// What a payload may still hold of load_options::max_features: every
// "features" list and a delta payload's "events" draw on it together.
struct feature_budget {
  std::size_t limit = SIZE_MAX;
  std::size_t used = 0;
  const char* what = "features";  // what the error names
};

// What a payload may still hold of load_options::max_entries: every item of
// every list below a feature (strategies, constraints, their values,
// variants, overrides and their values, segment references, dependencies
// and their variants, the ids of a strategy's list parameter) and the
// segments draw on it together.
struct entry_budget {
  std::size_t limit = SIZE_MAX;
  std::size_t used = 0;
};

[[nodiscard]] inline relkit::error too_many_entries(std::size_t position,
                                                    std::size_t limit) noexcept {
  return relkit::error{errc::too_many_entries, position,
                       relkit::error_args{}
                           .with_token("list entries")
                           .with_number(static_cast<std::int64_t>(limit))};
}

// Draws `count` entries from `entries`; beyond it, too_many_entries at
// `position`.
[[nodiscard]] inline relkit::result<void> draw(entry_budget& entries, std::size_t count,
                                               std::size_t position) noexcept {
  if (count > entries.limit - entries.used) return too_many_entries(position, entries.limit);
  entries.used += count;
  return {};
}

// The items of the array `list`, counted on `entries` (and `features`, when
// given) before any is read: beyond either, its error at the first item
// too many. Answers the count.
[[nodiscard]] inline relkit::result<std::size_t> count_items(const node& list,
                                                             entry_budget* entries,
                                                             feature_budget* features) {
  std::size_t count = 0;
  auto counted = list.each([&](const node& item) -> relkit::result<void> {
    ++count;
    if (features != nullptr && features->used + count > features->limit) {
      return relkit::error{errc::too_many_features, item.position(),
                           relkit::error_args{}
                               .with_token(features->what)
                               .with_number(static_cast<std::int64_t>(features->limit))};
    }
    if (entries != nullptr && count > entries->limit - entries->used) {
      return too_many_entries(item.position(), entries->limit);
    }
    return {};
  });
  if (!counted) return std::move(counted).error();
  if (features != nullptr) features->used += count;
  if (entries != nullptr) entries->used += count;
  return count;
}

// The field `list` named `name` as an array whose items `read(item, entry)`
// reads into new entries of `out`, reserved to the count first (no regrowth,
// no spare capacity). Its items draw on `entries` (and `features`): beyond
// either, too_many_entries (too_many_features) at the first item too many,
// before any item is read.
template <class T, class Read>
[[nodiscard]] relkit::result<void> read_items(const node& list, const char* name,
                                              std::vector<T>& out, Read&& read,
                                              entry_budget* entries,
                                              feature_budget* features = nullptr) {
  auto is_array = read_array<>(list, name);
  if (!is_array) return std::move(is_array).error();
  if (!*is_array) return {};
  auto count = count_items(list, entries, features);
  if (!count) return std::move(count).error();
  out.reserve(out.size() + *count);
  return list.each(
      [&](const node& item) -> relkit::result<void> { return read(item, out.emplace_back()); });
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> read_string_list(const node& v, const char* name,
                                                    std::vector<std::string>& out,
                                                    entry_budget& entries) {
  auto list = read_array<Unused>(v, name);
  if (!list) return std::move(list).error();
  if (!*list) return {};
  auto count = count_items(v, &entries, nullptr);
  if (!count) return std::move(count).error();
  out.reserve(out.size() + *count);  // counted first: no regrowth, no spare capacity
  return v.each([&](const node& item) -> relkit::result<void> {
    std::string text;
    if (item.is_null()) return {};
    if (!scalar_text<Unused>(item, text)) return type_error(item, "list entries", "strings");
    out.push_back(std::move(text));
    return {};
  });
}

// JavaScript's split(/\s*,\s*/): whitespace around each comma goes, the
// ends of the whole string stay. \s is JavaScript whitespace (a) of
// relkit/detail/js_text.hpp (Unicode).
template <class Unused = void>
[[nodiscard]] std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) {
      out.emplace_back(text.substr(start));
      break;
    }
    out.emplace_back(relkit::detail::js_trim_end(text.substr(start, comma - start)));
    start = relkit::detail::skip_js_spaces(text, comma + 1);
  }
  return out;
}

// Number(parameter) clamped into 0..100 and floored (a bucket 1..100 is <= p
// exactly when it is <= floor(p)); NaN and negatives are 0.
template <class Unused = void>
[[nodiscard]] std::uint32_t percentage_of(const std::string& text) {
  const auto n = flags::detail::js_number(text);
  if (!n || !(*n > 0.0)) return 0;
  if (*n >= 100.0) return 100;
  return static_cast<std::uint32_t>(*n);
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_constraint(const node& v, flags::constraint& c,
                                                    entry_budget& entries) {
  if (!v.is_object()) return type_error(v, "a constraint", "an object");
  static constexpr std::string_view names[] = {"contextName", "operator", "values",
                                               "value",       "inverted", "caseInsensitive"};
  node f[6];
  fields(v, names, f);
  if (auto r = read_text<Unused>(f[0], "contextName", c.context_name); !r)
    return std::move(r).error();
  std::string op;
  if (auto r = read_text<Unused>(f[1], "operator", op); !r) return std::move(r).error();
  c.op = flags::parse_wire_operator_kind(op).value_or(flags::operator_kind::unknown);
  if (auto r = read_string_list<Unused>(f[2], "values", c.values, entries); !r)
    return std::move(r).error();
  if (auto r = read_text<Unused>(f[3], "value", c.value); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(f[4], "inverted", c.inverted); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(f[5], "caseInsensitive", c.case_insensitive); !r)
    return std::move(r).error();
  return {};
}

// The field "constraints" `list`.
template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_constraints(const node& list,
                                                     std::vector<flags::constraint>& out,
                                                     entry_budget& entries) {
  return read_items(
      list, "constraints", out,
      [&](const node& v, flags::constraint& c) { return parse_constraint<Unused>(v, c, entries); },
      &entries);
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_variant(const node& v, flags::variant& out,
                                                 entry_budget& entries) {
  if (!v.is_object()) return type_error(v, "a variant", "an object");
  static constexpr std::string_view names[] = {"name",       "weight",  "weightType",
                                               "stickiness", "payload", "overrides"};
  node f[6];
  fields(v, names, f);
  if (auto r = read_text<Unused>(f[0], "name", out.name); !r) return std::move(r).error();
  if (const node& w = f[1]; !w.unset()) {
    if (!w.is_number()) return field_type_error(w, "weight", "a number");
    const double d = w.number();
    out.weight = d > 0.0 && d <= 4294967295.0 ? static_cast<std::uint32_t>(d) : 0U;
  }
  if (auto r = read_text<Unused>(f[2], "weightType", out.weight_type); !r)
    return std::move(r).error();
  if (auto r = read_text<Unused>(f[3], "stickiness", out.stickiness); !r)
    return std::move(r).error();
  if (const node& p = f[4]; !p.unset()) {
    if (!p.is_object()) return field_type_error(p, "payload", "an object");
    static constexpr std::string_view payload_names[] = {"type", "value"};
    node pf[2];
    fields(p, payload_names, pf);
    flags::variant_payload payload;
    if (auto r = read_text<Unused>(pf[0], "type", payload.type); !r) return std::move(r).error();
    if (auto r = read_text<Unused>(pf[1], "value", payload.value); !r) return std::move(r).error();
    out.payload = std::move(payload);
  }
  return read_items(
      f[5], "overrides", out.overrides,
      [&](const node& o, flags::variant_override& vo) -> relkit::result<void> {
        if (!o.is_object()) return type_error(o, "an override", "an object");
        static constexpr std::string_view override_names[] = {"contextName", "values"};
        node of[2];
        fields(o, override_names, of);
        if (auto r = read_text<Unused>(of[0], "contextName", vo.context_name); !r) return r;
        return read_string_list<Unused>(of[1], "values", vo.values, entries);
      },
      &entries);
}

// The field "variants" `list`.
template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_variants(const node& list,
                                                  std::vector<flags::variant>& out,
                                                  entry_budget& entries) {
  return read_items(
      list, "variants", out,
      [&](const node& v, flags::variant& variant) {
        return parse_variant<Unused>(v, variant, entries);
      },
      &entries);
}

// A strategy's kind from its name in the payload; a custom strategy is
// strategy_kind::unknown.
[[nodiscard]] inline flags::strategy_kind strategy_kind_of(std::string_view name) noexcept {
  return flags::parse_wire_strategy_kind(name).value_or(flags::strategy_kind::unknown);
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_strategy(const node& v, flags::strategy& s,
                                                  entry_budget& entries) {
  if (!v.is_object()) return type_error(v, "a strategy", "an object");
  static constexpr std::string_view names[] = {"name", "parameters", "constraints", "segments",
                                               "variants"};
  node f[5];
  fields(v, names, f);
  if (auto r = read_text<Unused>(f[0], "name", s.name); !r) return std::move(r).error();
  s.kind = strategy_kind_of(s.name);
  const node& params = f[1];
  if (!params.unset() && !params.is_object()) {
    return field_type_error(params, "parameters", "an object");
  }
  // The parameters read, in one pass (fields() of anything but an object,
  // absent or null, finds nothing).
  static constexpr std::string_view param_names[] = {
      "rollout", "stickiness", "groupId", "percentage", "userIds", "IPs", "hostNames"};
  node pv[7];
  fields(params, param_names, pv);
  std::string text;
  auto param = [&](std::size_t which) -> relkit::result<bool> {
    text.clear();
    const node& value = pv[which];
    if (value.unset()) return false;
    if (!scalar_text<Unused>(value, text))
      return type_error(value, "strategy parameters", "strings");
    return true;
  };
  switch (s.kind) {
    case flags::strategy_kind::flexible_rollout: {
      auto r = param(0);
      if (!r) return std::move(r).error();
      s.percentage = percentage_of<Unused>(text);
      if (r = param(1); !r) return std::move(r).error();
      if (*r && !text.empty()) s.stickiness = text;
      if (r = param(2); !r) return std::move(r).error();
      s.group_id = text;
      break;
    }
    case flags::strategy_kind::gradual_rollout_user_id:
    case flags::strategy_kind::gradual_rollout_session_id:
    case flags::strategy_kind::gradual_rollout_random: {
      auto r = param(3);
      if (!r) return std::move(r).error();
      s.percentage = percentage_of<Unused>(text);
      if (r = param(2); !r) return std::move(r).error();
      s.group_id = text;
      break;
    }
    case flags::strategy_kind::user_with_id:
    case flags::strategy_kind::remote_address:
    case flags::strategy_kind::application_hostname: {
      const std::size_t key = s.kind == flags::strategy_kind::user_with_id
                                  ? 4
                                  : (s.kind == flags::strategy_kind::remote_address ? 5 : 6);
      auto r = param(key);
      if (!r) return std::move(r).error();
      if (*r && !text.empty()) {
        // one id per comma and one more, drawn before they are split
        std::size_t ids = 1;
        for (const char c : text) ids += c == ',' ? 1U : 0U;
        if (auto d = draw(entries, ids, pv[key].position()); !d) return std::move(d).error();
        s.ids = split_list<Unused>(text);
      }
      break;
    }
    default:
      break;
  }
  if (auto r = parse_constraints<Unused>(f[2], s.constraints, entries); !r)
    return std::move(r).error();
  auto segments = read_array<Unused>(f[3], "segments");
  if (!segments) return std::move(segments).error();
  if (*segments) {
    auto count = count_items(f[3], &entries, nullptr);
    if (!count) return std::move(count).error();
    s.segments.reserve(*count);
    auto r = f[3].each([&](const node& id) -> relkit::result<void> {
      if (!id.is_number()) return type_error(id, "segment ids", "numbers");
      auto segment_id = integer_of(id, "segment ids");
      if (!segment_id) return std::move(segment_id).error();
      s.segments.push_back(*segment_id);
      return {};
    });
    if (!r) return std::move(r).error();
  }
  return parse_variants<Unused>(f[4], s.variants, entries);
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_feature(const node& v, flags::flag& f,
                                                 entry_budget& entries) {
  if (!v.is_object()) return type_error(v, "a feature", "an object");
  static constexpr std::string_view names[] = {
      "name", "enabled",   "impressionData", "stale",    "description", "project",
      "type", "createdAt", "strategies",     "variants", "dependencies"};
  node fv[11];
  fields(v, names, fv);
  const node& name = fv[0];
  if (name.unset()) return missing(v, "name");
  if (!name.is_string()) return field_type_error(name, "name", "a string");
  assign_text<Unused>(name, f.name);
  if (auto r = read_bool<Unused>(fv[1], "enabled", f.enabled); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(fv[2], "impressionData", f.impression_data); !r)
    return std::move(r).error();
  if (auto r = read_bool<Unused>(fv[3], "stale", f.meta.marked_stale); !r)
    return std::move(r).error();
  if (auto r = read_text<Unused>(fv[4], "description", f.description); !r)
    return std::move(r).error();
  if (auto r = read_text<Unused>(fv[5], "project", f.project); !r) return std::move(r).error();
  std::string type;
  if (auto r = read_text<Unused>(fv[6], "type", type); !r) return std::move(r).error();
  if (auto t = flags::parse_wire_flag_type(type)) f.meta.type = *t;
  std::string created;
  if (auto r = read_text<Unused>(fv[7], "createdAt", created); !r) return std::move(r).error();
  // Milliseconds, relkit::time_point's own unit: every instant the parser
  // returns (years 0000-9999) fits, so nothing is converted or can overflow.
  if (auto ms = flags::detail::parse_js_date_ms(created)) {
    f.meta.created = relkit::time_point(relkit::time_point::duration(*ms));
  }
  if (auto r = read_items(
          fv[8], "strategies", f.strategies,
          [&](const node& item, flags::strategy& s) {
            return parse_strategy<Unused>(item, s, entries);
          },
          &entries);
      !r)
    return std::move(r).error();
  if (auto r = parse_variants<Unused>(fv[9], f.variants, entries); !r) return std::move(r).error();
  return read_items(
      fv[10], "dependencies", f.dependencies,
      [&](const node& item, flags::dependency& d) -> relkit::result<void> {
        if (!item.is_object()) return type_error(item, "a dependency", "an object");
        static constexpr std::string_view dep_names[] = {"feature", "enabled", "variants"};
        node df[3];
        fields(item, dep_names, df);
        if (auto r = read_text<Unused>(df[0], "feature", d.feature); !r) return r;
        if (auto r = read_bool<Unused>(df[1], "enabled", d.enabled); !r) return r;
        return read_string_list<Unused>(df[2], "variants", d.variants, entries);
      },
      &entries);
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_segment(const node& v, flags::segment& s,
                                                 entry_budget& entries) {
  if (!v.is_object()) return type_error(v, "a segment", "an object");
  static constexpr std::string_view names[] = {"id", "name", "constraints"};
  node f[3];
  fields(v, names, f);
  const node& id = f[0];
  if (id.unset()) return missing(v, "id");
  if (!id.is_number()) return field_type_error(id, "id", "a number");
  auto segment_id = integer_of(id, "\"id\"");
  if (!segment_id) return std::move(segment_id).error();
  s.id = *segment_id;
  if (auto r = read_text<Unused>(f[1], "name", s.name); !r) return std::move(r).error();
  return parse_constraints<Unused>(f[2], s.constraints, entries);
}

// The fields "features" and "segments" of a payload or hydration event; the
// features draw on `features_budget` (load_options::max_features) if there
// is one, everything below them and the segments on `entries`
// (load_options::max_entries).
template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_lists(const node& features_list, const node& segments_list,
                                               std::vector<flags::flag>& features,
                                               std::vector<flags::segment>& segments,
                                               feature_budget* features_budget,
                                               entry_budget& entries) {
  // Counted first: a vector grown by doubling would hold up to twice the
  // flags, and both copies while it grows.
  if (auto r = read_items(
          features_list, "features", features,
          [&](const node& v, flags::flag& f) { return parse_feature<Unused>(v, f, entries); },
          nullptr, features_budget);
      !r) {
    return std::move(r).error();
  }
  return read_items(
      segments_list, "segments", segments,
      [&](const node& v, flags::segment& s) { return parse_segment<Unused>(v, s, entries); },
      &entries);
}

}  // namespace detail
}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
