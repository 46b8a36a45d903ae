#pragma once
// Bodies of relkit/unleash/load.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/detail/json_scan.hpp"
#include "relkit/unleash/detail/fused.hpp"
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

// Reads the events of a delta-API document one at a time, handing each to
// `sink(delta_event&&)`; `events` is its field "events".
template <class Unused = void, class Sink>
[[nodiscard]] relkit::result<void> read_events(const node& doc, const node& events,
                                               const load_options& options, entry_budget& entries,
                                               Sink&& sink) {
  if (events.unset()) return missing(doc, "events");
  // Each event can carry features: the events and every hydration's
  // features draw on max_features together.
  feature_budget budget{options.max_features, 0, "features and delta events"};
  if (auto r = count_events<Unused>(events, budget); !r) return r;
  auto is_array = read_array<Unused>(events, "events");
  if (!is_array) return std::move(is_array).error();
  if (!*is_array) return {};
  delta_event event;
  return events.each([&](const node& e) -> relkit::result<void> {
    event = delta_event{};
    if (!e.is_object()) return type_error(e, "an event", "an object");
    static constexpr std::string_view names[] = {"eventId", "type",        "features", "segments",
                                                 "feature", "featureName", "segment",  "segmentId"};
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
      if (auto r =
              parse_lists<Unused>(f[2], f[3], event.features, event.segments, nullptr, entries);
          !r)
        return r;
    } else if (type == "feature-updated") {
      event.type = delta_event::kind::feature_updated;
      if (f[4].absent()) return missing(e, "feature");
      if (auto r = parse_feature<Unused>(f[4], event.feature, entries); !r) return r;
    } else if (type == "feature-removed") {
      event.type = delta_event::kind::feature_removed;
      if (auto r = read_text<Unused>(f[5], "featureName", event.name); !r) return r;
    } else if (type == "segment-updated") {
      event.type = delta_event::kind::segment_updated;
      if (f[6].absent()) return missing(e, "segment");
      if (auto r = draw(entries, 1, f[6].position()); !r) return r;
      if (auto r = parse_segment<Unused>(f[6], event.updated_segment, entries); !r) return r;
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
    sink(std::move(event));
    return {};
  });
}

// The events of a delta-API document; `events` is its field "events".
template <class Unused = void>
[[nodiscard]] relkit::result<std::vector<delta_event>> delta_of(const node& doc, const node& events,
                                                                const load_options& options) {
  std::vector<delta_event> out;
  if (events.is_array()) out.reserve(events.size());
  entry_budget entries{options.max_entries};
  auto r = read_events<Unused>(doc, events, options, entries,
                               [&](delta_event&& e) { out.push_back(std::move(e)); });
  if (!r) return std::move(r).error();
  return out;
}

// The flags and segments delta events leave, applied as apply_delta applies
// them to a flag set (the same order, the same winner among repeated names
// and ids) but compiled once at the end, and without holding the events.
struct delta_model {
  std::vector<flags::flag> flags;
  std::vector<flags::segment> segments;
  std::vector<bool> flag_live, segment_live;
  // The live positions holding each name (id), in order: the last is the
  // one a flag set's lookup finds.
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> by_id;

  void reset() {
    flag_live.assign(flags.size(), true);
    segment_live.assign(segments.size(), true);
    by_name.clear();
    by_id.clear();
    for (std::size_t i = 0; i < flags.size(); ++i) by_name[flags[i].name].push_back(i);
    for (std::size_t i = 0; i < segments.size(); ++i) by_id[segments[i].id].push_back(i);
  }

  void apply(delta_event&& e) {
    switch (e.type) {
      case delta_event::kind::hydration:
        flags = std::move(e.features);
        segments = std::move(e.segments);
        reset();
        break;
      case delta_event::kind::feature_updated: {
        auto& at = by_name[e.feature.name];
        if (at.empty()) {
          at.push_back(flags.size());
          flags.push_back(std::move(e.feature));
          flag_live.push_back(true);
        } else {
          flags[at.back()] = std::move(e.feature);
        }
        break;
      }
      case delta_event::kind::feature_removed: {
        const auto it = by_name.find(e.name);
        if (it == by_name.end() || it->second.empty()) break;
        flag_live[it->second.back()] = false;
        it->second.pop_back();
        break;
      }
      case delta_event::kind::segment_updated: {
        auto& at = by_id[e.updated_segment.id];
        if (at.empty()) {
          at.push_back(segments.size());
          segments.push_back(std::move(e.updated_segment));
          segment_live.push_back(true);
        } else {
          for (const std::size_t i : at) segments[i] = e.updated_segment;
        }
        break;
      }
      case delta_event::kind::segment_removed: {
        const auto it = by_id.find(e.segment_id);
        if (it == by_id.end()) break;
        for (const std::size_t i : it->second) segment_live[i] = false;
        it->second.clear();
        break;
      }
    }
  }

  // The items whose `live` entry is true, in order.
  template <class T>
  static void keep_live(std::vector<T>& items, const std::vector<bool>& live) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (live[i]) {
        if (kept != i) items[kept] = std::move(items[i]);
        ++kept;
      }
    }
    items.resize(kept);
  }

  // Drops the removed flags and segments, keeping the others in order.
  void compact() {
    keep_live(flags, flag_live);
    keep_live(segments, segment_live);
    flag_live.assign(flags.size(), true);
    segment_live.assign(segments.size(), true);
    by_name.clear();
    by_id.clear();
  }

  // The flag set of the flags and segments, after compact().
  template <class Unused = void>
  [[nodiscard]] flags::flag_set build() {
    return flags::flag_set(std::move(flags), std::move(segments));
  }
};

// A flag set compiles a segment's constraints into every strategy that
// names it: each reference draws on `entries` as many entries as the segment
// holds (its constraints and their values; 1 for an unknown id, a missing
// segment's stand-in) beyond the one it drew when read. Answers the index,
// in payload order, of the first reference beyond the limit, or SIZE_MAX.
template <class Unused = void>
[[nodiscard]] std::size_t segment_references_beyond(const std::vector<flags::flag>& features,
                                                    const std::vector<flags::segment>& segments,
                                                    entry_budget& entries) {
  bool any = false;
  for (const flags::flag& f : features) {
    for (const flags::strategy& st : f.strategies) any = any || !st.segments.empty();
  }
  if (!any) return SIZE_MAX;
  // the last segment of an id, as the compilation takes it
  std::unordered_map<std::int64_t, std::size_t> held;
  for (const flags::segment& sg : segments) {
    std::size_t n = sg.constraints.size();
    for (const flags::constraint& c : sg.constraints) n += c.values.size();
    held[sg.id] = n;
  }
  std::size_t index = 0;
  for (const flags::flag& f : features) {
    for (const flags::strategy& st : f.strategies) {
      for (const std::int64_t id : st.segments) {
        const auto it = held.find(id);
        const std::size_t extra = it == held.end() || it->second == 0 ? 0 : it->second - 1;
        if (extra > entries.limit - entries.used) return index;
        entries.used += extra;
        ++index;
      }
    }
  }
  return SIZE_MAX;
}

// The position of the segment reference `index` (in payload order) of the
// features `list`, read without error before.
[[nodiscard]] inline std::size_t segment_reference_position(const node& list, std::size_t index) {
  std::size_t position = list.position();
  std::size_t seen = 0;
  (void)list.each([&](const node& feature) -> relkit::result<void> {
    const node strategies = feature.find("strategies");
    if (!strategies.is_array()) return {};
    return strategies.each([&](const node& st) -> relkit::result<void> {
      const node ids = st.find("segments");
      if (!ids.is_array()) return {};
      return ids.each([&](const node& id) -> relkit::result<void> {
        if (seen++ != index) return {};
        position = id.position();
        return relkit::error{errc::too_many_entries, position};  // found: stop
      });
    });
  });
  return position;
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
  detail::entry_budget entries{options.max_entries};
  auto version = detail::version_of(top.version);
  if (!version) return std::move(version).error();
  out.version = *version;
  if (auto r = detail::parse_lists<Unused>(top.features, top.segments, out.features, out.segments,
                                           &budget, entries);
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
  return detail::delta_of<Unused>(*doc, doc->find("events"), options);
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

namespace detail {

// load() by the checking reader alone: the text checked and indexed, then
// read (what load() falls back to when the one-pass reader gives up).
template <class Unused = void>
[[nodiscard]] relkit::result<flags::flag_set> load_checked(std::string_view json,
                                                           const load_options& options) {
  features_payload payload;
  {
    // The scan's index is released before the set is compiled.
    relkit::detail::json_text text(json);
    auto doc = scan_document<Unused>(text, options);
    if (!doc) return std::move(doc).error();
    const top_fields top = top_of(*doc);
    if (!top.events.absent()) {
      // the scan, not the text again
      // each event applied as it is read, the set compiled once
      delta_model model;
      entry_budget entries{options.max_entries};
      auto r = read_events<Unused>(*doc, top.events, options, entries,
                                   [&](delta_event&& e) { model.apply(std::move(e)); });
      if (!r) return std::move(r).error();
      // The references of the flags the events leave: beyond the limit,
      // too_many_entries at the "events" list (the events that brought them
      // may be gone).
      model.compact();
      if (segment_references_beyond<Unused>(model.flags, model.segments, entries) != SIZE_MAX) {
        return too_many_entries(top.events.position(), options.max_entries);
      }
      return model.build<Unused>();
    }
    if (auto version = version_of(top.version); !version) return std::move(version).error();
    feature_budget budget{options.max_features};
    entry_budget entries{options.max_entries};
    if (auto r = parse_lists<Unused>(top.features, top.segments, payload.features, payload.segments,
                                     &budget, entries);
        !r) {
      return std::move(r).error();
    }
    const std::size_t beyond =
        segment_references_beyond<Unused>(payload.features, payload.segments, entries);
    if (beyond != SIZE_MAX) {
      return too_many_entries(segment_reference_position(top.features, beyond),
                              options.max_entries);
    }
  }
  return flags::flag_set(std::move(payload.features), std::move(payload.segments));
}

}  // namespace detail

template <class Unused>
relkit::result<flags::flag_set> load(std::string_view json, const load_options& options) {
  {
    // One pass when the payload is a plain, valid one (as it nearly always
    // is); what it built is released before the checking reader reads again.
    const relkit::detail::json_text text(json);
    detail::fused_reader<load_options, Unused> reader(text, options);
    std::vector<flags::flag> features;
    std::vector<flags::segment> segments;
    if (reader.read(features, segments) && detail::segment_references_beyond<Unused>(
                                               features, segments, reader.entries()) == SIZE_MAX) {
      return flags::flag_set(std::move(features), std::move(segments));
    }
  }
  return detail::load_checked<Unused>(json, options);
}

}  // namespace unleash
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
