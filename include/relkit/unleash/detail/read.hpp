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
#include "relkit/error.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/result.hpp"
#include "relkit/unleash/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {
namespace detail {

using json_value = relkit::detail::json_value;

// "<subject> must be <expected>": `subject` and `expected` are literals.
[[nodiscard]] inline relkit::error type_error(const json_value& v, const char* subject,
                                              const char* expected) noexcept {
  return relkit::error{errc::wrong_type, v.position,
                       relkit::error_args{}.with_token(subject).with_text(expected)};
}

// "\"<field>\" must be <expected>", without building a string: the quoted
// name is assembled in the error's own token buffer.
[[nodiscard]] inline relkit::error field_type_error(const json_value& v, const char* field,
                                                    const char* expected) noexcept {
  char quoted[relkit::error_args::token_capacity];
  const std::string_view name(field);
  const std::size_t n = name.size() + 2 <= sizeof quoted ? name.size() : sizeof quoted - 2;
  quoted[0] = '"';
  for (std::size_t i = 0; i < n; ++i) quoted[i + 1] = name[i];
  quoted[n + 1] = '"';
  return relkit::error{
      errc::wrong_type, v.position,
      relkit::error_args{}.with_token(std::string_view(quoted, n + 2)).with_text(expected)};
}

[[nodiscard]] inline relkit::error missing(const json_value& object, const char* field) noexcept {
  return relkit::error{errc::missing_field, object.position,
                       relkit::error_args{}.with_token(field)};
}

// A JSON number as an integer in [low, high]. A fraction, or a value outside
// the range (1e300), is an out_of_range error at the number: converting such
// a double to an integer would be undefined behaviour.
[[nodiscard]] inline relkit::result<std::int64_t> integer_of(
    const json_value& v, const char* subject, std::int64_t low = INT64_MIN,
    std::int64_t high = INT64_MAX) noexcept {
  const double d = v.number;
  // 2^63 is exact as a double; every double in (-2^63, 2^63) converts.
  const bool in_int64 = d >= -9223372036854775808.0 && d < 9223372036854775808.0;
  if (in_int64) {
    const auto n = static_cast<std::int64_t>(d);
    if (static_cast<double>(n) == d && n >= low && n <= high) return n;
  }
  return relkit::error{
      errc::out_of_range, v.position,
      relkit::error_args{}.with_token(subject).with_number(low).with_number2(high)};
}

// A scalar as text the way JavaScript's String() would write it (strings as
// they are, numbers as in the source, booleans); false for null, arrays and
// objects.
template <class Unused = void>
[[nodiscard]] bool scalar_text(const json_value& v, std::string& out) {
  switch (v.type) {
    case json_value::kind::string:
    case json_value::kind::number:
      out = v.text;
      return true;
    case json_value::kind::boolean:
      out = v.boolean ? "true" : "false";
      return true;
    default:
      return false;
  }
}

// `name` of `object` as text; absent or null leaves `out` alone.
template <class Unused = void>
[[nodiscard]] relkit::result<void> read_text(const json_value& object, const char* name,
                                             std::string& out) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return {};
  if (!scalar_text<Unused>(*v, out)) {
    return field_type_error(*v, name, "a string");
  }
  return {};
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> read_bool(const json_value& object, const char* name,
                                             bool& out) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return {};
  if (!v->is_bool()) return field_type_error(*v, name, "a boolean");
  out = v->boolean;
  return {};
}

template <class Unused = void>
[[nodiscard]] relkit::result<const json_value*> read_array(const json_value& object,
                                                           const char* name) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return static_cast<const json_value*>(nullptr);
  if (!v->is_array()) return field_type_error(*v, name, "an array");
  return v;
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> read_string_list(const json_value& object, const char* name,
                                                    std::vector<std::string>& out) {
  auto list = read_array<Unused>(object, name);
  if (!list) return std::move(list).error();
  if (*list == nullptr) return {};
  for (const auto& item : (*list)->items) {
    std::string text;
    if (item.is_null()) continue;
    if (!scalar_text<Unused>(item, text)) return type_error(item, "list entries", "strings");
    out.push_back(std::move(text));
  }
  return {};
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
[[nodiscard]] relkit::result<flags::constraint> parse_constraint(const json_value& v) {
  if (!v.is_object()) return type_error(v, "a constraint", "an object");
  flags::constraint c;
  if (auto r = read_text<Unused>(v, "contextName", c.context_name); !r) return std::move(r).error();
  std::string op;
  if (auto r = read_text<Unused>(v, "operator", op); !r) return std::move(r).error();
  c.op = flags::parse_wire_operator_kind(op).value_or(flags::operator_kind::unknown);
  if (auto r = read_string_list<Unused>(v, "values", c.values); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "value", c.value); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "inverted", c.inverted); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "caseInsensitive", c.case_insensitive); !r)
    return std::move(r).error();
  return c;
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_constraints(const json_value& object,
                                                     std::vector<flags::constraint>& out) {
  auto list = read_array<Unused>(object, "constraints");
  if (!list) return std::move(list).error();
  if (*list == nullptr) return {};
  for (const auto& item : (*list)->items) {
    auto c = parse_constraint<Unused>(item);
    if (!c) return std::move(c).error();
    out.push_back(std::move(*c));
  }
  return {};
}

template <class Unused = void>
[[nodiscard]] relkit::result<flags::variant> parse_variant(const json_value& v) {
  if (!v.is_object()) return type_error(v, "a variant", "an object");
  flags::variant out;
  if (auto r = read_text<Unused>(v, "name", out.name); !r) return std::move(r).error();
  if (const json_value* w = v.find("weight"); w != nullptr && !w->is_null()) {
    if (!w->is_number()) return field_type_error(*w, "weight", "a number");
    out.weight =
        w->number > 0.0 && w->number <= 4294967295.0 ? static_cast<std::uint32_t>(w->number) : 0U;
  }
  if (auto r = read_text<Unused>(v, "weightType", out.weight_type); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "stickiness", out.stickiness); !r) return std::move(r).error();
  if (const json_value* p = v.find("payload"); p != nullptr && !p->is_null()) {
    if (!p->is_object()) return field_type_error(*p, "payload", "an object");
    flags::variant_payload payload;
    if (auto r = read_text<Unused>(*p, "type", payload.type); !r) return std::move(r).error();
    if (auto r = read_text<Unused>(*p, "value", payload.value); !r) return std::move(r).error();
    out.payload = std::move(payload);
  }
  auto overrides = read_array<Unused>(v, "overrides");
  if (!overrides) return std::move(overrides).error();
  if (*overrides != nullptr) {
    for (const auto& o : (*overrides)->items) {
      if (!o.is_object()) return type_error(o, "an override", "an object");
      flags::variant_override vo;
      if (auto r = read_text<Unused>(o, "contextName", vo.context_name); !r)
        return std::move(r).error();
      if (auto r = read_string_list<Unused>(o, "values", vo.values); !r)
        return std::move(r).error();
      out.overrides.push_back(std::move(vo));
    }
  }
  return out;
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_variants(const json_value& object,
                                                  std::vector<flags::variant>& out) {
  auto list = read_array<Unused>(object, "variants");
  if (!list) return std::move(list).error();
  if (*list == nullptr) return {};
  for (const auto& item : (*list)->items) {
    auto v = parse_variant<Unused>(item);
    if (!v) return std::move(v).error();
    out.push_back(std::move(*v));
  }
  return {};
}

// A strategy's kind from its name in the payload; a custom strategy is
// strategy_kind::unknown.
[[nodiscard]] inline flags::strategy_kind strategy_kind_of(std::string_view name) noexcept {
  return flags::parse_wire_strategy_kind(name).value_or(flags::strategy_kind::unknown);
}

template <class Unused = void>
[[nodiscard]] relkit::result<flags::strategy> parse_strategy(const json_value& v) {
  if (!v.is_object()) return type_error(v, "a strategy", "an object");
  flags::strategy s;
  if (auto r = read_text<Unused>(v, "name", s.name); !r) return std::move(r).error();
  s.kind = strategy_kind_of(s.name);
  const json_value* params = v.find("parameters");
  if (params != nullptr && !params->is_null() && !params->is_object()) {
    return field_type_error(*params, "parameters", "an object");
  }
  const json_value empty_object;
  const json_value& p = params != nullptr && params->is_object() ? *params : empty_object;
  std::string text;
  auto param = [&](const char* name) -> relkit::result<bool> {
    text.clear();
    const json_value* value = p.find(name);
    if (value == nullptr || value->is_null()) return false;
    if (!scalar_text<Unused>(*value, text))
      return type_error(*value, "strategy parameters", "strings");
    return true;
  };
  switch (s.kind) {
    case flags::strategy_kind::flexible_rollout: {
      auto r = param("rollout");
      if (!r) return std::move(r).error();
      s.percentage = percentage_of<Unused>(text);
      if (r = param("stickiness"); !r) return std::move(r).error();
      if (*r && !text.empty()) s.stickiness = text;
      if (r = param("groupId"); !r) return std::move(r).error();
      s.group_id = text;
      break;
    }
    case flags::strategy_kind::gradual_rollout_user_id:
    case flags::strategy_kind::gradual_rollout_session_id:
    case flags::strategy_kind::gradual_rollout_random: {
      auto r = param("percentage");
      if (!r) return std::move(r).error();
      s.percentage = percentage_of<Unused>(text);
      if (r = param("groupId"); !r) return std::move(r).error();
      s.group_id = text;
      break;
    }
    case flags::strategy_kind::user_with_id:
    case flags::strategy_kind::remote_address:
    case flags::strategy_kind::application_hostname: {
      const char* key =
          s.kind == flags::strategy_kind::user_with_id
              ? "userIds"
              : (s.kind == flags::strategy_kind::remote_address ? "IPs" : "hostNames");
      auto r = param(key);
      if (!r) return std::move(r).error();
      if (*r && !text.empty()) s.ids = split_list<Unused>(text);
      break;
    }
    default:
      break;
  }
  if (auto r = parse_constraints<Unused>(v, s.constraints); !r) return std::move(r).error();
  auto segments = read_array<Unused>(v, "segments");
  if (!segments) return std::move(segments).error();
  if (*segments != nullptr) {
    for (const auto& id : (*segments)->items) {
      if (!id.is_number()) return type_error(id, "segment ids", "numbers");
      auto segment_id = integer_of(id, "segment ids");
      if (!segment_id) return std::move(segment_id).error();
      s.segments.push_back(*segment_id);
    }
  }
  if (auto r = parse_variants<Unused>(v, s.variants); !r) return std::move(r).error();
  return s;
}

template <class Unused = void>
[[nodiscard]] relkit::result<flags::flag> parse_feature(const json_value& v) {
  if (!v.is_object()) return type_error(v, "a feature", "an object");
  flags::flag f;
  const json_value* name = v.find("name");
  if (name == nullptr || name->is_null()) return missing(v, "name");
  if (!name->is_string()) return field_type_error(*name, "name", "a string");
  f.name = name->text;
  if (auto r = read_bool<Unused>(v, "enabled", f.enabled); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "impressionData", f.impression_data); !r)
    return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "stale", f.meta.marked_stale); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "description", f.description); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "project", f.project); !r) return std::move(r).error();
  std::string type;
  if (auto r = read_text<Unused>(v, "type", type); !r) return std::move(r).error();
  if (auto t = flags::parse_wire_flag_type(type)) f.meta.type = *t;
  std::string created;
  if (auto r = read_text<Unused>(v, "createdAt", created); !r) return std::move(r).error();
  // Milliseconds, relkit::time_point's own unit: every instant the parser
  // returns (years 0000-9999) fits, so nothing is converted or can overflow.
  if (auto ms = flags::detail::parse_js_date_ms(created)) {
    f.meta.created = relkit::time_point(relkit::time_point::duration(*ms));
  }
  auto strategies = read_array<Unused>(v, "strategies");
  if (!strategies) return std::move(strategies).error();
  if (*strategies != nullptr) {
    for (const auto& item : (*strategies)->items) {
      auto s = parse_strategy<Unused>(item);
      if (!s) return std::move(s).error();
      f.strategies.push_back(std::move(*s));
    }
  }
  if (auto r = parse_variants<Unused>(v, f.variants); !r) return std::move(r).error();
  auto deps = read_array<Unused>(v, "dependencies");
  if (!deps) return std::move(deps).error();
  if (*deps != nullptr) {
    for (const auto& item : (*deps)->items) {
      if (!item.is_object()) return type_error(item, "a dependency", "an object");
      flags::dependency d;
      if (auto r = read_text<Unused>(item, "feature", d.feature); !r) return std::move(r).error();
      if (auto r = read_bool<Unused>(item, "enabled", d.enabled); !r) return std::move(r).error();
      if (auto r = read_string_list<Unused>(item, "variants", d.variants); !r)
        return std::move(r).error();
      f.dependencies.push_back(std::move(d));
    }
  }
  return f;
}

template <class Unused = void>
[[nodiscard]] relkit::result<flags::segment> parse_segment(const json_value& v) {
  if (!v.is_object()) return type_error(v, "a segment", "an object");
  flags::segment s;
  const json_value* id = v.find("id");
  if (id == nullptr || id->is_null()) return missing(v, "id");
  if (!id->is_number()) return field_type_error(*id, "id", "a number");
  auto segment_id = integer_of(*id, "\"id\"");
  if (!segment_id) return std::move(segment_id).error();
  s.id = *segment_id;
  if (auto r = read_text<Unused>(v, "name", s.name); !r) return std::move(r).error();
  if (auto r = parse_constraints<Unused>(v, s.constraints); !r) return std::move(r).error();
  return s;
}

template <class Unused = void>
[[nodiscard]] relkit::result<void> parse_lists(const json_value& root,
                                               std::vector<flags::flag>& features,
                                               std::vector<flags::segment>& segments) {
  auto list = read_array<Unused>(root, "features");
  if (!list) return std::move(list).error();
  if (*list != nullptr) {
    for (const auto& item : (*list)->items) {
      auto f = parse_feature<Unused>(item);
      if (!f) return std::move(f).error();
      features.push_back(std::move(*f));
    }
  }
  auto segs = read_array<Unused>(root, "segments");
  if (!segs) return std::move(segs).error();
  if (*segs != nullptr) {
    for (const auto& item : (*segs)->items) {
      auto s = parse_segment<Unused>(item);
      if (!s) return std::move(s).error();
      segments.push_back(std::move(*s));
    }
  }
  return {};
}

}  // namespace detail
}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
