#pragma once
// Bodies of relkit/unleash/load.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/unleash/detail/read.hpp"
#include "relkit/unleash/load.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {
namespace detail {

template <class Unused = void>
[[nodiscard]] relkit::result<json_value> parse_document(std::string_view text,
                                                        const load_options& options) {
  relkit::detail::json_limits limits;
  limits.max_bytes = options.max_bytes;
  limits.max_depth = options.max_depth;
  limits.max_values = options.max_values;
  auto doc = relkit::detail::parse_json(text, limits);
  if (!doc) {
    const relkit::error& e = doc.error();
    // The JSON error's text is a string literal (see relkit/detail/json.hpp).
    return relkit::error{errc::invalid_json, e.position,
                         relkit::error_args{}.with_text(e.args.text().data())};
  }
  if (!doc->is_object()) return type_error(*doc, "the payload", "a JSON object");
  return doc;
}

// The payload's "version" (0 when absent or not a number, as before).
[[nodiscard]] inline relkit::result<int> version_of(const json_value& doc) {
  const json_value* version = doc.find("version");
  if (version == nullptr || !version->is_number()) return 0;
  auto n = integer_of(*version, "\"version\"", INT32_MIN, INT32_MAX);
  if (!n) return std::move(n).error();
  return static_cast<int>(*n);
}

// The events of a parsed delta-API document.
template <class Unused = void>
[[nodiscard]] relkit::result<std::vector<delta_event>> delta_of(const json_value& doc) {
  auto list = read_array<Unused>(doc, "events");
  if (!list) return std::move(list).error();
  if (*list == nullptr) return missing(doc, "events");
  std::vector<delta_event> out;
  for (const json_value& e : (*list)->items) {
    if (!e.is_object()) return type_error(e, "an event", "an object");
    delta_event event;
    if (const auto* id = e.find("eventId"); id != nullptr && id->is_number()) {
      auto n = integer_of(*id, "\"eventId\"");
      if (!n) return std::move(n).error();
      event.event_id = *n;
    }
    std::string type;
    if (auto r = read_text<Unused>(e, "type", type); !r) return std::move(r).error();
    if (type == "hydration") {
      event.type = delta_event::kind::hydration;
      if (auto r = parse_lists<Unused>(e, event.features, event.segments); !r) {
        return std::move(r).error();
      }
    } else if (type == "feature-updated") {
      event.type = delta_event::kind::feature_updated;
      const json_value* f = e.find("feature");
      if (f == nullptr) return missing(e, "feature");
      auto parsed = parse_feature<Unused>(*f);
      if (!parsed) return std::move(parsed).error();
      event.feature = std::move(*parsed);
    } else if (type == "feature-removed") {
      event.type = delta_event::kind::feature_removed;
      if (auto r = read_text<Unused>(e, "featureName", event.name); !r) {
        return std::move(r).error();
      }
    } else if (type == "segment-updated") {
      event.type = delta_event::kind::segment_updated;
      const json_value* s = e.find("segment");
      if (s == nullptr) return missing(e, "segment");
      auto parsed = parse_segment<Unused>(*s);
      if (!parsed) return std::move(parsed).error();
      event.updated_segment = std::move(*parsed);
    } else if (type == "segment-removed") {
      event.type = delta_event::kind::segment_removed;
      const json_value* id = e.find("segmentId");
      if (id == nullptr || !id->is_number()) return missing(e, "segmentId");
      auto n = integer_of(*id, "\"segmentId\"");
      if (!n) return std::move(n).error();
      event.segment_id = *n;
    } else if (type.empty()) {
      return missing(e, "type");
    } else {
      return relkit::error{errc::unknown_event, e.position, relkit::error_args{}.with_token(type)};
    }
    out.push_back(std::move(event));
  }
  return out;
}

}  // namespace detail

template <class Unused>
relkit::result<features_payload> parse_features(std::string_view json,
                                                const load_options& options) {
  auto doc = detail::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  features_payload out;
  auto version = detail::version_of(*doc);
  if (!version) return std::move(version).error();
  out.version = *version;
  if (auto r = detail::parse_lists<Unused>(*doc, out.features, out.segments); !r) {
    return std::move(r).error();
  }
  return out;
}

template <class Unused>
relkit::result<std::vector<delta_event>> parse_delta(std::string_view json,
                                                     const load_options& options) {
  auto doc = detail::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  return detail::delta_of<Unused>(*doc);
}

template <class Unused>
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
        set.upsert(e.updated_segment);
        break;
      case delta_event::kind::segment_removed:
        set.remove_segment(e.segment_id);
        break;
    }
  }
}

template <class Unused>
relkit::result<flags::flag_set> load(std::string_view json, const load_options& options) {
  auto doc = detail::parse_document<Unused>(json, options);
  if (!doc) return std::move(doc).error();
  if (doc->find("events") != nullptr) {
    auto events = detail::delta_of<Unused>(*doc);  // the document, not the text again
    if (!events) return std::move(events).error();
    flags::flag_set set;
    apply_delta<Unused>(set, *events);
    return set;
  }
  if (auto version = detail::version_of(*doc); !version) return std::move(version).error();
  features_payload payload;
  if (auto r = detail::parse_lists<Unused>(*doc, payload.features, payload.segments); !r) {
    return std::move(r).error();
  }
  return flags::flag_set(std::move(payload.features), std::move(payload.segments));
}

}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
