#pragma once
// relkit::unleash: read Unleash's client-API feature payload (GET
// /api/client/features, and the delta API's events) into a relkit flag set,
// and evaluate is_enabled / get_variant with the results of Unleash's SDKs
// (client-specification 6.1.0).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/flags.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {

enum class errc {
  invalid_json = 1,  // the text is not JSON (the message names the JSON error)
  wrong_type,        // a known field has the wrong JSON type
  missing_field,     // a required field is absent (feature name, segment id, event type)
  unknown_event,     // a delta event of a type this library does not know
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::invalid_json:
      return "invalid_json";
    case errc::wrong_type:
      return "wrong_type";
    case errc::missing_field:
      return "missing_field";
    case errc::unknown_event:
      return "unknown_event";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"unleash", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// A client-API payload: {version, features[], segments[]?}.
struct features_payload {
  int version = 0;
  std::vector<flags::flag> features;
  std::vector<flags::segment> segments;
};

// One delta-API event.
struct delta_event {
  enum class kind : std::uint8_t {
    hydration,        // replaces everything: features and segments
    feature_updated,  // upserts `feature`
    feature_removed,  // removes `name`
    segment_updated,  // upserts `segment`
    segment_removed,  // removes `segment_id`
  };
  kind type = kind::hydration;
  std::int64_t event_id = 0;
  std::vector<flags::flag> features;     // hydration
  std::vector<flags::segment> segments;  // hydration
  flags::flag feature;                   // feature_updated
  std::string name;                      // feature_removed
  flags::segment segment;                // segment_updated
  std::int64_t segment_id = 0;           // segment_removed
};

struct parse_options {
  relkit::detail::json_limits limits{};
};

namespace detail_impl {

using relkit::detail::json_value;

template <class Unused = void>
relkit::error type_error(const json_value& v, std::string_view what) {
  std::string message(what);
  message += " at ";
  message += std::to_string(v.position);
  return relkit::error{errc::wrong_type, v.position, std::move(message)};
}

template <class Unused = void>
relkit::error missing(const json_value& object, std::string_view field) {
  std::string message = "missing \"";
  message += field;
  message += "\" at ";
  message += std::to_string(object.position);
  return relkit::error{errc::missing_field, object.position, std::move(message)};
}

// A scalar as text the way JavaScript's String() would write it (strings as
// they are, numbers as in the source, booleans); false for null, arrays and
// objects.
template <class Unused = void>
bool scalar_text(const json_value& v, std::string& out) {
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
relkit::result<void> read_text(const json_value& object, std::string_view name, std::string& out) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return {};
  if (!scalar_text<Unused>(*v, out)) {
    return type_error<Unused>(*v, "\"" + std::string(name) + "\" must be a string");
  }
  return {};
}

template <class Unused = void>
relkit::result<void> read_bool(const json_value& object, std::string_view name, bool& out) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return {};
  if (!v->is_bool())
    return type_error<Unused>(*v, "\"" + std::string(name) + "\" must be a boolean");
  out = v->boolean;
  return {};
}

template <class Unused = void>
relkit::result<const json_value*> read_array(const json_value& object, std::string_view name) {
  const json_value* v = object.find(name);
  if (v == nullptr || v->is_null()) return static_cast<const json_value*>(nullptr);
  if (!v->is_array())
    return type_error<Unused>(*v, "\"" + std::string(name) + "\" must be an array");
  return v;
}

template <class Unused = void>
relkit::result<void> read_string_list(const json_value& object, std::string_view name,
                                      std::vector<std::string>& out) {
  auto list = read_array<Unused>(object, name);
  if (!list) return std::move(list).error();
  if (*list == nullptr) return {};
  for (const auto& item : (*list)->items) {
    std::string text;
    if (item.is_null()) continue;
    if (!scalar_text<Unused>(item, text))
      return type_error<Unused>(item, "list entries must be strings");
    out.push_back(std::move(text));
  }
  return {};
}

// JavaScript's split(/\s*,\s*/): whitespace around each comma goes, the
// ends of the whole string stay.
template <class Unused = void>
std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    std::size_t end = comma == std::string_view::npos ? text.size() : comma;
    std::size_t piece_end = end;
    if (comma != std::string_view::npos) {
      while (piece_end > start && is_space(text[piece_end - 1])) --piece_end;
    }
    out.emplace_back(text.substr(start, piece_end - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
    while (start < text.size() && is_space(text[start])) ++start;
  }
  return out;
}

// Number(parameter) clamped into 0..100 and floored (a bucket 1..100 is <= p
// exactly when it is <= floor(p)); NaN and negatives are 0.
template <class Unused = void>
std::uint32_t percentage_of(const std::string& text) {
  const auto n = relkit::detail::js_number(text);
  if (!n || !(*n > 0.0)) return 0;
  if (*n >= 100.0) return 100;
  return static_cast<std::uint32_t>(*n);
}

template <class Unused = void>
relkit::result<flags::constraint> parse_constraint(const json_value& v) {
  if (!v.is_object()) return type_error<Unused>(v, "a constraint must be an object");
  flags::constraint c;
  if (auto r = read_text<Unused>(v, "contextName", c.context_name); !r) return std::move(r).error();
  std::string op;
  if (auto r = read_text<Unused>(v, "operator", op); !r) return std::move(r).error();
  c.op = flags::parse_operator(op);
  if (auto r = read_string_list<Unused>(v, "values", c.values); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "value", c.value); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "inverted", c.inverted); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "caseInsensitive", c.case_insensitive); !r)
    return std::move(r).error();
  return c;
}

template <class Unused = void>
relkit::result<void> parse_constraints(const json_value& object,
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
relkit::result<flags::variant> parse_variant(const json_value& v) {
  if (!v.is_object()) return type_error<Unused>(v, "a variant must be an object");
  flags::variant out;
  if (auto r = read_text<Unused>(v, "name", out.name); !r) return std::move(r).error();
  if (const json_value* w = v.find("weight"); w != nullptr && !w->is_null()) {
    if (!w->is_number()) return type_error<Unused>(*w, "\"weight\" must be a number");
    out.weight =
        w->number > 0.0 && w->number <= 4294967295.0 ? static_cast<std::uint32_t>(w->number) : 0U;
  }
  if (auto r = read_text<Unused>(v, "weightType", out.weight_type); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "stickiness", out.stickiness); !r) return std::move(r).error();
  if (const json_value* p = v.find("payload"); p != nullptr && !p->is_null()) {
    if (!p->is_object()) return type_error<Unused>(*p, "\"payload\" must be an object");
    flags::payload payload;
    if (auto r = read_text<Unused>(*p, "type", payload.type); !r) return std::move(r).error();
    if (auto r = read_text<Unused>(*p, "value", payload.value); !r) return std::move(r).error();
    out.payload = std::move(payload);
  }
  auto overrides = read_array<Unused>(v, "overrides");
  if (!overrides) return std::move(overrides).error();
  if (*overrides != nullptr) {
    for (const auto& o : (*overrides)->items) {
      if (!o.is_object()) return type_error<Unused>(o, "an override must be an object");
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
relkit::result<void> parse_variants(const json_value& object, std::vector<flags::variant>& out) {
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

template <class Unused = void>
flags::strategy_kind strategy_kind_of(std::string_view name) noexcept {
  if (name == "default") return flags::strategy_kind::default_on;
  if (name == "userWithId") return flags::strategy_kind::user_with_id;
  if (name == "flexibleRollout") return flags::strategy_kind::flexible_rollout;
  if (name == "gradualRolloutUserId") return flags::strategy_kind::gradual_rollout_user_id;
  if (name == "gradualRolloutSessionId") return flags::strategy_kind::gradual_rollout_session_id;
  if (name == "gradualRolloutRandom") return flags::strategy_kind::gradual_rollout_random;
  if (name == "remoteAddress") return flags::strategy_kind::remote_address;
  if (name == "applicationHostname") return flags::strategy_kind::application_hostname;
  return flags::strategy_kind::unknown;
}

template <class Unused = void>
relkit::result<flags::strategy> parse_strategy(const json_value& v) {
  if (!v.is_object()) return type_error<Unused>(v, "a strategy must be an object");
  flags::strategy s;
  if (auto r = read_text<Unused>(v, "name", s.name); !r) return std::move(r).error();
  s.kind = strategy_kind_of<Unused>(s.name);
  const json_value* params = v.find("parameters");
  if (params != nullptr && !params->is_null() && !params->is_object()) {
    return type_error<Unused>(*params, "\"parameters\" must be an object");
  }
  const json_value empty_object;
  const json_value& p = params != nullptr && params->is_object() ? *params : empty_object;
  std::string text;
  auto param = [&](std::string_view name) -> relkit::result<bool> {
    text.clear();
    const json_value* value = p.find(name);
    if (value == nullptr || value->is_null()) return false;
    if (!scalar_text<Unused>(*value, text))
      return type_error<Unused>(*value, "strategy parameters must be strings");
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
      if (!id.is_number()) return type_error<Unused>(id, "segment ids must be numbers");
      s.segments.push_back(static_cast<std::int64_t>(id.number));
    }
  }
  if (auto r = parse_variants<Unused>(v, s.variants); !r) return std::move(r).error();
  return s;
}

template <class Unused = void>
relkit::result<flags::flag> parse_feature(const json_value& v) {
  if (!v.is_object()) return type_error<Unused>(v, "a feature must be an object");
  flags::flag f;
  const json_value* name = v.find("name");
  if (name == nullptr || name->is_null()) return missing<Unused>(v, "name");
  if (!name->is_string()) return type_error<Unused>(*name, "\"name\" must be a string");
  f.name = name->text;
  if (auto r = read_bool<Unused>(v, "enabled", f.enabled); !r) return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "impressionData", f.impression_data); !r)
    return std::move(r).error();
  if (auto r = read_bool<Unused>(v, "stale", f.meta.marked_stale); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "description", f.description); !r) return std::move(r).error();
  if (auto r = read_text<Unused>(v, "project", f.project); !r) return std::move(r).error();
  std::string type;
  if (auto r = read_text<Unused>(v, "type", type); !r) return std::move(r).error();
  if (auto t = flags::parse_flag_type(type)) f.meta.type = *t;
  std::string created;
  if (auto r = read_text<Unused>(v, "createdAt", created); !r) return std::move(r).error();
  if (auto ms = relkit::detail::parse_timestamp_ms(created)) {
    f.meta.created = flags::time_point(
        std::chrono::duration_cast<flags::time_point::duration>(std::chrono::milliseconds(*ms)));
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
      if (!item.is_object()) return type_error<Unused>(item, "a dependency must be an object");
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
relkit::result<flags::segment> parse_segment(const json_value& v) {
  if (!v.is_object()) return type_error<Unused>(v, "a segment must be an object");
  flags::segment s;
  const json_value* id = v.find("id");
  if (id == nullptr || id->is_null()) return missing<Unused>(v, "id");
  if (!id->is_number()) return type_error<Unused>(*id, "\"id\" must be a number");
  s.id = static_cast<std::int64_t>(id->number);
  if (auto r = read_text<Unused>(v, "name", s.name); !r) return std::move(r).error();
  if (auto r = parse_constraints<Unused>(v, s.constraints); !r) return std::move(r).error();
  return s;
}

template <class Unused = void>
relkit::result<void> parse_lists(const json_value& root, std::vector<flags::flag>& features,
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

template <class Unused = void>
relkit::result<json_value> parse_document(std::string_view text, const parse_options& options) {
  auto doc = relkit::detail::parse_json(text, options.limits);
  if (!doc) {
    const auto& e = doc.error();
    return relkit::error{errc::invalid_json, e.position, "invalid JSON: " + e.message()};
  }
  if (!doc->is_object()) return type_error<Unused>(*doc, "the payload must be a JSON object");
  return doc;
}

}  // namespace detail_impl

// Parses a client-API payload ({"version":2,"features":[...],"segments":[...]}).
template <class Unused = void>
relkit::result<features_payload> parse_features(std::string_view json,
                                                const parse_options& options = {}) {
  auto doc = detail_impl::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  features_payload out;
  if (const auto* version = doc->find("version"); version != nullptr && version->is_number()) {
    out.version = static_cast<int>(version->number);
  }
  if (auto r = detail_impl::parse_lists<Unused>(*doc, out.features, out.segments); !r) {
    return std::move(r).error();
  }
  return out;
}

// Parses a delta-API response ({"events":[...]}).
template <class Unused = void>
relkit::result<std::vector<delta_event>> parse_delta(std::string_view json,
                                                     const parse_options& options = {}) {
  using detail_impl::json_value;
  auto doc = detail_impl::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  auto list = detail_impl::read_array<Unused>(*doc, "events");
  if (!list) return std::move(list).error();
  if (*list == nullptr) return detail_impl::missing<Unused>(*doc, "events");
  std::vector<delta_event> out;
  for (const json_value& e : (*list)->items) {
    if (!e.is_object()) return detail_impl::type_error<Unused>(e, "an event must be an object");
    delta_event event;
    if (const auto* id = e.find("eventId"); id != nullptr && id->is_number()) {
      event.event_id = static_cast<std::int64_t>(id->number);
    }
    std::string type;
    if (auto r = detail_impl::read_text<Unused>(e, "type", type); !r) return std::move(r).error();
    if (type == "hydration") {
      event.type = delta_event::kind::hydration;
      if (auto r = detail_impl::parse_lists<Unused>(e, event.features, event.segments); !r) {
        return std::move(r).error();
      }
    } else if (type == "feature-updated") {
      event.type = delta_event::kind::feature_updated;
      const json_value* f = e.find("feature");
      if (f == nullptr) return detail_impl::missing<Unused>(e, "feature");
      auto parsed = detail_impl::parse_feature<Unused>(*f);
      if (!parsed) return std::move(parsed).error();
      event.feature = std::move(*parsed);
    } else if (type == "feature-removed") {
      event.type = delta_event::kind::feature_removed;
      if (auto r = detail_impl::read_text<Unused>(e, "featureName", event.name); !r)
        return std::move(r).error();
    } else if (type == "segment-updated") {
      event.type = delta_event::kind::segment_updated;
      const json_value* s = e.find("segment");
      if (s == nullptr) return detail_impl::missing<Unused>(e, "segment");
      auto parsed = detail_impl::parse_segment<Unused>(*s);
      if (!parsed) return std::move(parsed).error();
      event.segment = std::move(*parsed);
    } else if (type == "segment-removed") {
      event.type = delta_event::kind::segment_removed;
      const json_value* id = e.find("segmentId");
      if (id == nullptr || !id->is_number()) return detail_impl::missing<Unused>(e, "segmentId");
      event.segment_id = static_cast<std::int64_t>(id->number);
    } else if (type.empty()) {
      return detail_impl::missing<Unused>(e, "type");
    } else {
      return relkit::error{
          errc::unknown_event, e.position,
          "unknown delta event type \"" + type + "\" at " + std::to_string(e.position)};
    }
    out.push_back(std::move(event));
  }
  return out;
}

// Applies delta events in order to `set`.
template <class Unused = void>
void apply_delta(flags::flag_set& set, const std::vector<delta_event>& events) {
  for (const auto& e : events) {
    switch (e.type) {
      case delta_event::kind::hydration:
        set.assign(e.features, e.segments);
        break;
      case delta_event::kind::feature_updated:
        set.upsert(e.feature);
        break;
      case delta_event::kind::feature_removed:
        set.remove_flag(e.name);
        break;
      case delta_event::kind::segment_updated:
        set.upsert(e.segment);
        break;
      case delta_event::kind::segment_removed:
        set.remove_segment(e.segment_id);
        break;
    }
  }
}

// Builds a flag set from a payload: a client-API response, or a delta-API
// response (events applied to an empty set).
template <class Unused = void>
relkit::result<flags::flag_set> load(std::string_view json, const parse_options& options = {}) {
  auto doc = detail_impl::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  if (doc->find("events") != nullptr) {
    auto events = parse_delta<Unused>(json, options);
    if (!events) return std::move(events).error();
    flags::flag_set set;
    apply_delta<Unused>(set, *events);
    return set;
  }
  features_payload payload;
  if (auto r = detail_impl::parse_lists<Unused>(*doc, payload.features, payload.segments); !r) {
    return std::move(r).error();
  }
  return flags::flag_set(std::move(payload.features), std::move(payload.segments));
}

// Unleash's isEnabled: unknown flags are false.
template <class Unused = void>
bool is_enabled(const flags::flag_set& set, std::string_view name, const flags::context& ctx) {
  return set.is_enabled(name, ctx);
}

// Unleash's getVariant: {name:"disabled", enabled:false} when the flag is
// unknown, off, or has no variants.
template <class Unused = void>
flags::variant_result get_variant(const flags::flag_set& set, std::string_view name,
                                  const flags::context& ctx) {
  return set.get_variant(name, ctx);
}

}  // namespace unleash
RELKIT_NAMESPACE_END
