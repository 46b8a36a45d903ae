#pragma once
// Reading Unleash's client-API feature payload (GET /api/client/features) and
// the delta API's events into relkit's flag model (relkit/flags.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/flags/flag_set.hpp"
#include "relkit/result.hpp"
#include "relkit/unleash/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace unleash {

// A client-API payload: {version, features[], segments[]?}.
struct features_payload {
  int version = 0;
  std::vector<flags::flag> features;
  std::vector<flags::segment> segments;

  friend bool operator==(const features_payload& a, const features_payload& b) {
    return a.version == b.version && a.features == b.features && a.segments == b.segments;
  }
  friend bool operator!=(const features_payload& a, const features_payload& b) { return !(a == b); }
};

// One delta-API event.
struct delta_event {
  enum class kind : std::uint8_t {
    hydration,        // replaces everything: features and segments
    feature_updated,  // upserts `feature`
    feature_removed,  // removes `name`
    segment_updated,  // upserts `updated_segment`
    segment_removed,  // removes `segment_id`
  };
  kind type = kind::hydration;
  std::int64_t event_id = 0;
  std::vector<flags::flag> features;     // hydration
  std::vector<flags::segment> segments;  // hydration
  flags::flag feature;                   // feature_updated
  std::string name;                      // feature_removed
  flags::segment updated_segment;        // segment_updated
  std::int64_t segment_id = 0;           // segment_removed

  friend bool operator==(const delta_event& a, const delta_event& b) {
    return a.type == b.type && a.event_id == b.event_id && a.features == b.features &&
           a.segments == b.segments && a.feature == b.feature && a.name == b.name &&
           a.updated_segment == b.updated_segment && a.segment_id == b.segment_id;
  }
  friend bool operator!=(const delta_event& a, const delta_event& b) { return !(a == b); }
};

// Limits on the JSON text: a payload beyond them is an invalid_json error.
// max_features bounds what a payload can make a reader hold (issue 19: a
// flag costs a few hundred bytes of memory for as few as 13 bytes of JSON,
// `{"name":"a"},`): a payload's "features" list, or a delta payload's events
// and its hydration events' features together, with more entries is refused
// with too_many_features at the first entry beyond it, before any entry is
// read.
struct load_options {
  std::size_t max_bytes = std::size_t{64} << 20U;  // 64 MiB
  std::size_t max_depth = 128;                     // nested arrays and objects
  std::size_t max_values = std::size_t{4} << 20U;  // JSON values in the document
  // 65,536: above the 50,000 feature flags Unleash Enterprise allows an
  // instance by default (its resource limits since 6.2: 5,000 for Open
  // Source and Pro; hosted instances already above them were set to 110% of
  // what they had), so a real instance's payload loads; at the limit,
  // minimal flags hold about 20 MB.
  std::size_t max_features = 65536;
  // max_entries bounds the rest: every item of the lists below a feature
  // (strategies, their constraints and the constraints' values, variants,
  // their overrides and the overrides' values, segment references,
  // dependencies and their variants, the ids of a userWithId, remoteAddress
  // or applicationHostname strategy's list) and the segments, all together.
  // Each costs up to about 250 bytes held for as few as 2 bytes of JSON
  // (`{},` as a strategy); a payload with more is refused with
  // too_many_entries at the first entry beyond the limit, before that list's
  // entries are read. 262,144: 3.7 times the 70,000 entries of a 10,000-flag
  // payload of 4.4 MB (seven per flag: strategies, constraints, values,
  // variants); at the limit, entries hold at most about 64 MB.
  std::size_t max_entries = 262144;

  friend bool operator==(const load_options& a, const load_options& b) noexcept {
    return a.max_bytes == b.max_bytes && a.max_depth == b.max_depth &&
           a.max_values == b.max_values && a.max_features == b.max_features &&
           a.max_entries == b.max_entries;
  }
  friend bool operator!=(const load_options& a, const load_options& b) noexcept {
    return !(a == b);
  }
};

// Parses a client-API payload ({"version":2,"features":[...],"segments":[...]}).
// Errors (unleash::errc, positioned at the offending JSON value):
// invalid_json, wrong_type (a known field of another JSON type), missing_field
// (a feature without "name", a segment without "id"), out_of_range ("version",
// segment ids: a fraction, or beyond the integer type), too_many_features
// (more than options.max_features features), too_many_entries (more than
// options.max_entries entries below them and segments). Unknown fields,
// strategies and operators are kept or ignored as Unleash's SDKs do.
template <class Unused = void>
[[nodiscard]] relkit::result<features_payload> parse_features(std::string_view json,
                                                              const load_options& options = {});

// Parses a delta-API response ({"events":[...]}): the errors of
// parse_features, and missing_field for absent "events", an event's absent
// "type", "feature", "segment" or "segmentId"; unknown_event for a type this
// library does not know.
template <class Unused = void>
[[nodiscard]] relkit::result<std::vector<delta_event>> parse_delta(
    std::string_view json, const load_options& options = {});

// Applies delta events in order to `set` (one recompilation per event).
template <class Unused = void>
void apply_delta(flags::flag_set& set, const std::vector<delta_event>& events);

// Builds a flag set from a payload: a client-API response, or a delta-API
// response (an object with "events": its events applied to an empty set).
// The text is parsed once; errors as parse_features and parse_delta.
template <class Unused = void>
[[nodiscard]] relkit::result<flags::flag_set> load(std::string_view json,
                                                   const load_options& options = {});

}  // namespace unleash
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/unleash/impl/load.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
