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
#include "relkit/detail/json_scan.hpp"
#include "relkit/unleash/detail/read.hpp"
#include "relkit/unleash/load.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {
namespace detail {

// Checks the payload once (JSON grammar and limits, indexing where each
// array and object ends) and answers its top object, read in place from then
// on; `text` must outlive the node.
template <class Unused = void>
[[nodiscard]] relkit::result<node> scan_document(relkit::detail::json_text& text,
                                                 const load_options& options) {
  auto top = text.scan_indexed(options.max_bytes, options.max_depth, options.max_values);
  if (!top) {
    const relkit::error& e = top.error();
    // The JSON error's text is a string literal (see relkit/detail/json.hpp).
    return relkit::error{errc::invalid_json, e.position,
                         relkit::error_args{}.with_text(e.args.text().data())};
  }
  const node doc{&text, *top};
  if (!doc.is_object()) return type_error(doc, "the payload", "a JSON object");
  return doc;
}

// The payload's "version" (0 when absent or not a number, as before).
[[nodiscard]] inline relkit::result<int> version_of(const node& version) {
  if (!version.is_number()) return 0;
  auto n = integer_of(version, "\"version\"", INT32_MIN, INT32_MAX);
  if (!n) return std::move(n).error();
  return static_cast<int>(*n);
}

// Draws the events of a delta-API document and the features of its
// hydration events on `budget`, before any event is read: too_many_features
// at the first one beyond it.
template <class Unused = void>
[[nodiscard]] relkit::result<void> count_events(const node& events, feature_budget& budget) {
  if (!events.is_array()) return {};  // reading them says what is wrong
  auto over = [&](const node& item) -> relkit::result<void> {
    if (++budget.used <= budget.limit) return {};
    return relkit::error{errc::too_many_features, item.position(),
                         relkit::error_args{}
                             .with_token(budget.what)
                             .with_number(static_cast<std::int64_t>(budget.limit))};
  };
  if (auto r = events.each(over); !r) return r;
  return events.each([&](const node& e) -> relkit::result<void> {
    static constexpr std::string_view names[] = {"type", "features"};
    node f[2];
    fields(e, names, f);
    if (!f[1].is_array() || !e.doc->equals(f[0].span, "hydration")) return {};
    return f[1].each(over);
  });
}

// The events of a delta-API document; `events` is its field "events".
template <class Unused = void>
[[nodiscard]] relkit::result<std::vector<delta_event>> delta_of(const node& doc, const node& events,
                                                                std::size_t max_features) {
  if (events.unset()) return missing(doc, "events");
  std::vector<delta_event> out;
  // Each event can carry features: the events and every hydration's
  // features draw on max_features together.
  feature_budget budget{max_features, 0, "features and delta events"};
  if (auto r = count_events<Unused>(events, budget); !r) return std::move(r).error();
  auto each = read_items(
      events, "events", out,
      [&](const node& e, delta_event& event) -> relkit::result<void> {
        if (!e.is_object()) return type_error(e, "an event", "an object");
        static constexpr std::string_view names[] = {"eventId",  "type",     "features",
                                                     "segments", "feature",  "featureName",
                                                     "segment",  "segmentId"};
        node f[8];
        fields(e, names, f);
        if (const node& id = f[0]; id.is_number()) {
          auto n = integer_of(id, "\"eventId\"");
          if (!n) return std::move(n).error();
          event.event_id = *n;
        }
        std::string type;
        if (auto r = read_text<Unused>(f[1], "type", type); !r) return r;
        if (type == "hydration") {
          event.type = delta_event::kind::hydration;
          if (auto r = parse_lists<Unused>(f[2], f[3], event.features, event.segments, nullptr); !r)
            return r;
        } else if (type == "feature-updated") {
          event.type = delta_event::kind::feature_updated;
          if (f[4].absent()) return missing(e, "feature");
          if (auto r = parse_feature<Unused>(f[4], event.feature); !r) return r;
        } else if (type == "feature-removed") {
          event.type = delta_event::kind::feature_removed;
          if (auto r = read_text<Unused>(f[5], "featureName", event.name); !r) return r;
        } else if (type == "segment-updated") {
          event.type = delta_event::kind::segment_updated;
          if (f[6].absent()) return missing(e, "segment");
          if (auto r = parse_segment<Unused>(f[6], event.updated_segment); !r) return r;
        } else if (type == "segment-removed") {
          event.type = delta_event::kind::segment_removed;
          const node& id = f[7];
          if (!id.is_number()) return missing(e, "segmentId");
          auto n = integer_of(id, "\"segmentId\"");
          if (!n) return std::move(n).error();
          event.segment_id = *n;
        } else if (type.empty()) {
          return missing(e, "type");
        } else {
          return relkit::error{errc::unknown_event, e.position(),
                               relkit::error_args{}.with_token(type)};
        }
        return {};
      },
      nullptr);
  if (!each) return std::move(each).error();
  return out;
}

// The top-level fields a payload reader looks at.
struct top_fields {
  node version, features, segments, events;
};

[[nodiscard]] inline top_fields top_of(const node& doc) {
  static constexpr std::string_view names[] = {"version", "features", "segments", "events"};
  node f[4];
  fields(doc, names, f);
  return top_fields{f[0], f[1], f[2], f[3]};
}

}  // namespace detail

template <class Unused>
relkit::result<features_payload> parse_features(std::string_view json,
                                                const load_options& options) {
  relkit::detail::json_text text(json);
  auto doc = detail::scan_document<Unused>(text, options);
  if (!doc) return std::move(doc).error();
  const detail::top_fields top = detail::top_of(*doc);
  features_payload out;
  detail::feature_budget budget{options.max_features};
  auto version = detail::version_of(top.version);
  if (!version) return std::move(version).error();
  out.version = *version;
  if (auto r = detail::parse_lists<Unused>(top.features, top.segments, out.features, out.segments,
                                           &budget);
      !r) {
    return std::move(r).error();
  }
  return out;
}

template <class Unused>
relkit::result<std::vector<delta_event>> parse_delta(std::string_view json,
                                                     const load_options& options) {
  relkit::detail::json_text text(json);
  auto doc = detail::scan_document<Unused>(text, options);
  if (!doc) return std::move(doc).error();
  return detail::delta_of<Unused>(*doc, doc->find("events"), options.max_features);
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
  features_payload payload;
  {
    // The scan's index is released before the set is compiled.
    relkit::detail::json_text text(json);
    auto doc = detail::scan_document<Unused>(text, options);
    if (!doc) return std::move(doc).error();
    const detail::top_fields top = detail::top_of(*doc);
    if (!top.events.absent()) {
      // the scan, not the text again
      auto events = detail::delta_of<Unused>(*doc, top.events, options.max_features);
      if (!events) return std::move(events).error();
      flags::flag_set set;
      apply_delta<Unused>(set, *events);
      return set;
    }
    if (auto version = detail::version_of(top.version); !version) return std::move(version).error();
    detail::feature_budget budget{options.max_features};
    if (auto r = detail::parse_lists<Unused>(top.features, top.segments, payload.features,
                                             payload.segments, &budget);
        !r) {
      return std::move(r).error();
    }
  }
  return flags::flag_set(std::move(payload.features), std::move(payload.segments));
}

}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
