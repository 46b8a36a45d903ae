#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

namespace {

namespace flags = relkit::flags;
namespace unleash = relkit::unleash;

constexpr const char* payload = R"({
  "version": 2,
  "features": [
    {"name": "new-checkout", "enabled": true, "type": "release", "stale": false,
     "createdAt": "2026-10-01T09:00:00.000Z",
     "strategies": [{"name": "flexibleRollout",
                     "parameters": {"rollout": "25", "stickiness": "default", "groupId": "new-checkout"},
                     "constraints": [{"contextName": "environment", "operator": "IN", "values": ["production"]}],
                     "segments": [1]}],
     "variants": [{"name": "blue", "weight": 500, "weightType": "variable", "stickiness": "default",
                   "payload": {"type": "json", "value": "{\"color\":\"blue\"}"}},
                  {"name": "green", "weight": 500, "weightType": "variable", "stickiness": "default",
                   "overrides": [{"contextName": "userId", "values": ["qa-1"]}]}]},
    {"name": "legacy", "enabled": true,
     "strategies": [{"name": "userWithId", "parameters": {"userIds": " a, b ,c"}},
                    {"name": "myCustomStrategy", "parameters": {}}]}
  ],
  "segments": [{"id": 1, "name": "eu", "constraints": [
    {"contextName": "region", "operator": "IN", "values": ["eu-west", "eu-central"]}]}]
})";

TEST(Unleash, ParsesThePayload) {
  auto parsed = unleash::parse_features(payload);
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->version, 2);
  ASSERT_EQ(parsed->features.size(), 2U);
  const flags::flag& f = parsed->features[0];
  EXPECT_EQ(f.meta.type, flags::flag_type::release);
  ASSERT_TRUE(f.meta.created.has_value());
  ASSERT_EQ(f.strategies.size(), 1U);
  EXPECT_EQ(f.strategies[0].kind, flags::strategy_kind::flexible_rollout);
  EXPECT_EQ(f.strategies[0].percentage, 25U);
  EXPECT_EQ(f.strategies[0].segments, std::vector<std::int64_t>{1});
  EXPECT_EQ(f.variants[0].payload->value, "{\"color\":\"blue\"}");
  // split(/\s*,\s*/): the ends of the whole string keep their spaces.
  EXPECT_EQ(parsed->features[1].strategies[0].ids, (std::vector<std::string>{" a", "b", "c"}));
  EXPECT_EQ(parsed->features[1].strategies[1].kind, flags::strategy_kind::unknown);
  ASSERT_EQ(parsed->segments.size(), 1U);
  EXPECT_EQ(parsed->segments[0].constraints[0].values.size(), 2U);
}

// Issue 14 item 9: createdAt in year 9999 overflowed duration_cast to
// system_clock's nanoseconds (UBSan) and stored a wrapped negative instant.
// flags::time_point is relkit::time_point, milliseconds: it fits exactly.
TEST(Unleash, CreatedAtAtTheEndsOfTheCalendarIsExact) {
  const char* const far = R"({"version": 2, "features": [
    {"name": "late", "enabled": true, "createdAt": "9999-12-31T00:00:00.000Z"},
    {"name": "early", "enabled": true, "createdAt": "0000-01-01T00:00:00.000Z"},
    {"name": "impossible", "enabled": true, "createdAt": "2026-02-31T00:00:00.000Z"}]})";
  auto parsed = unleash::parse_features(far);
  ASSERT_TRUE(parsed) << parsed.error().message();
  ASSERT_EQ(parsed->features.size(), 3U);
  ASSERT_TRUE(parsed->features[0].meta.created.has_value());
  EXPECT_EQ(parsed->features[0].meta.created->time_since_epoch().count(), 253402214400000);
  ASSERT_TRUE(parsed->features[1].meta.created.has_value());
  EXPECT_EQ(parsed->features[1].meta.created->time_since_epoch().count(), -62167219200000);
  EXPECT_FALSE(parsed->features[2].meta.created.has_value());
  // One instant type for every component (issue 14 item 3), in milliseconds.
  static_assert(std::is_same<flags::time_point, relkit::time_point>::value, "flags");
  static_assert(std::is_same<relkit::gates::time_point, relkit::time_point>::value, "gates");
  static_assert(std::is_same<relkit::rollout::time_point, relkit::time_point>::value, "rollout");
  static_assert(
      std::is_same<decltype(flags::context::now), std::optional<relkit::time_point>>::value,
      "context::now");
  static_assert(std::is_same<relkit::time_point::duration, std::chrono::milliseconds>::value,
                "milliseconds");
  // And the stale report does its arithmetic in milliseconds too.
  // (1970-01-01 is 719528 days after 0000-01-01; a release flag lives 40.)
  const auto report = flags::stale_report(parsed->features, relkit::time_point{});
  ASSERT_EQ(report.size(), 1U);
  EXPECT_EQ(report[0].flag, "early");
  EXPECT_EQ(report[0].days_overdue, 719488);
  auto set = unleash::load(far);
  ASSERT_TRUE(set);
}

// The SDKs' split(/\s*,\s*/) with JavaScript's Unicode \s (whitespace (a)):
// node's answer for "a\u3000,\u00a0b , c\u2003" is ["a","b","c\u2003"];
// relkit removed ASCII spaces only before.
TEST(Unleash, ListSplitTrimsUnicodeSpacesAroundCommas) {
  const auto parsed = unleash::parse_features(
      R"({"version": 2, "features": [{"name": "f", "enabled": true, "strategies": [
          {"name": "userWithId", "parameters": {"userIds": "a\u3000,\u00a0b , c\u2003"}}]}]})");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->features[0].strategies[0].ids, (std::vector<std::string>{"a", "b", "c\u2003"}));
}

TEST(Unleash, EvaluatesLikeTheSdks) {
  auto set = unleash::load(payload);
  ASSERT_TRUE(set);
  flags::context ctx;
  ctx.environment = "production";
  ctx.properties = {{"region", "eu-west"}};
  int on = 0;
  for (int u = 0; u < 1000; ++u) {
    const std::string id = std::to_string(u);
    ctx.user_id = id;
    const bool enabled = unleash::is_enabled(*set, "new-checkout", ctx);
    EXPECT_EQ(enabled, flags::unleash_bucket("new-checkout", id) <= 25) << id;
    on += enabled ? 1 : 0;
  }
  EXPECT_EQ(on, 245);
  ctx.user_id = "qa-1";
  if (unleash::is_enabled(*set, "new-checkout", ctx)) {
    EXPECT_EQ(unleash::get_variant(*set, "new-checkout", ctx).name, "green");
  }
  ctx.properties = {{"region", "us-east"}};
  ctx.user_id = "1";
  EXPECT_FALSE(unleash::is_enabled(*set, "new-checkout", ctx));
  ctx.user_id = "b";
  EXPECT_TRUE(unleash::is_enabled(*set, "legacy", ctx));
  ctx.user_id = "a";  // the list holds " a"
  EXPECT_FALSE(unleash::is_enabled(*set, "legacy", ctx));
}

TEST(Unleash, DeltaEvents) {
  auto set = unleash::load(R"({"events":[
    {"eventId":1,"type":"hydration","features":[{"name":"a","enabled":true,"strategies":[]}],"segments":[]},
    {"eventId":2,"type":"feature-updated","feature":{"name":"b","enabled":true,"strategies":[{"name":"default","segments":[9]}]}},
    {"eventId":3,"type":"segment-updated","segment":{"id":9,"constraints":[{"contextName":"appName","operator":"IN","values":["shop"]}]}},
    {"eventId":4,"type":"feature-removed","featureName":"a"}]})");
  ASSERT_TRUE(set) << set.error().message();
  flags::context ctx;
  ctx.app_name = "shop";
  EXPECT_FALSE(unleash::is_enabled(*set, "a", ctx));
  EXPECT_TRUE(unleash::is_enabled(*set, "b", ctx));
  auto events = unleash::parse_delta(R"({"events":[{"type":"segment-removed","segmentId":9}]})");
  ASSERT_TRUE(events);
  unleash::apply_delta(*set, *events);
  EXPECT_FALSE(unleash::is_enabled(*set, "b", ctx));
}

TEST(Unleash, ErrorsNameCodesAndPositions) {
  struct bad {
    const char* json;
    unleash::errc code;
    std::size_t position;
    const char* message;
  };
  const bad cases[] = {
      {"{\"features\": [}", unleash::errc::invalid_json, 14, "invalid JSON: expected a value"},
      {"[]", unleash::errc::wrong_type, 0, "the payload must be a JSON object"},
      {"{\"features\": {}}", unleash::errc::wrong_type, 13, "\"features\" must be an array"},
      {"{\"features\": [{\"enabled\": true}]}", unleash::errc::missing_field, 14,
       "missing \"name\""},
      {"{\"features\": [{\"name\": \"x\", \"enabled\": \"yes\"}]}", unleash::errc::wrong_type, 39,
       "\"enabled\" must be a boolean"},
      {"{\"features\": [{\"name\": \"x\", \"strategies\": [{\"name\": \"default\", "
       "\"constraints\": "
       "[{\"values\": [{}]}]}]}]}",
       unleash::errc::wrong_type, 91, "list entries must be strings"},
      {"{\"segments\": [{\"name\": \"s\"}]}", unleash::errc::missing_field, 14, "missing \"id\""},
  };
  for (const auto& c : cases) {
    auto r = unleash::parse_features(c.json);
    ASSERT_FALSE(r) << c.json;
    EXPECT_EQ(r.error().code, c.code) << c.json;
    EXPECT_EQ(r.error().position, c.position) << c.json;
    EXPECT_EQ(r.error().message(), c.message) << c.json;
  }
  auto r = unleash::parse_delta(R"({"events":[{"type":"feature-exploded"}]})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, unleash::errc::unknown_event);
  EXPECT_EQ(r.error().message(), "unknown delta event type \"feature-exploded\"");
  EXPECT_EQ(r.error().position, 11U);
  EXPECT_EQ(relkit::to_string(r.error().code), "unleash.unknown_event");
  EXPECT_EQ(relkit::to_string(r.error()),
            "unknown delta event type \"feature-exploded\" at 11 [unleash.unknown_event]");
}

// Issue 14, item 9: a JSON number cast to an integer without a range check
// was undefined behaviour ("version": 1e300; UBSan float-cast-overflow).
// Every integer field now answers out_of_range at the number.
TEST(Unleash, IntegerFieldsOutOfRangeArePositionedErrors) {
  struct bad {
    const char* json;
    std::size_t position;
    const char* message;
  };
  const bad cases[] = {
      {R"({"version": 1e300, "features": []})", 12,
       "\"version\" must be an integer from -2147483648 to 2147483647"},
      {R"({"version": 2147483648})", 12,
       "\"version\" must be an integer from -2147483648 to 2147483647"},
      {R"({"version": 1.5})", 12, "\"version\" must be an integer from -2147483648 to 2147483647"},
      {R"({"segments": [{"id": -1e300}]})", 21,
       "\"id\" must be an integer from -9223372036854775808 to 9223372036854775807"},
      {R"({"segments": [{"id": 9223372036854775808}]})", 21,
       "\"id\" must be an integer from -9223372036854775808 to 9223372036854775807"},
      {R"({"features": [{"name": "x", "strategies": [{"name": "default", "segments": [1e19]}]}]})",
       76, "segment ids must be an integer from -9223372036854775808 to 9223372036854775807"},
  };
  for (const auto& c : cases) {
    auto r = unleash::parse_features(c.json);
    ASSERT_FALSE(r) << c.json;
    EXPECT_EQ(r.error().code, unleash::errc::out_of_range) << c.json;
    EXPECT_EQ(r.error().position, c.position) << c.json;
    EXPECT_EQ(r.error().message(), c.message) << c.json;
    EXPECT_FALSE(unleash::load(c.json)) << c.json;
  }
  auto id = unleash::parse_delta(R"({"events":[{"eventId":1e300,"type":"hydration"}]})");
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code, unleash::errc::out_of_range);
  EXPECT_EQ(id.error().position, 22U);
  auto seg = unleash::parse_delta(R"({"events":[{"type":"segment-removed","segmentId":-1e300}]})");
  ASSERT_FALSE(seg);
  EXPECT_EQ(seg.error().code, unleash::errc::out_of_range);
  EXPECT_EQ(seg.error().position, 49U);
  EXPECT_EQ(relkit::to_string(seg.error()),
            "\"segmentId\" must be an integer from -9223372036854775808 to 9223372036854775807 "
            "at 49 [unleash.out_of_range]");
  // In range: read exactly.
  auto ok = unleash::parse_features(R"({"version": -3, "segments": [{"id": 9007199254740992}]})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->version, -3);
  EXPECT_EQ(ok->segments[0].id, 9007199254740992);
}

TEST(Unleash, LoadOptionsLimitTheJson) {
  unleash::load_options options;
  options.max_depth = 2;
  auto r = unleash::load(R"({"features": [{"name": "x"}]})", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, unleash::errc::invalid_json);
  EXPECT_EQ(r.error().position, 14U);
  EXPECT_EQ(r.error().message(), "invalid JSON: JSON nested too deep");
  options = {};
  options.max_bytes = 4;
  r = unleash::load("{}   ", options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "invalid JSON: JSON input exceeds the byte limit");
  auto events = unleash::parse_delta(R"({"events":[{"type":"segment-removed"}]})");
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().code, unleash::errc::missing_field);
  EXPECT_EQ(events.error().message(), "missing \"segmentId\"");
  EXPECT_EQ(unleash::parse_delta("{}").error().message(), "missing \"events\"");
}

// Issue 19: load_options::max_features refuses a payload that would hold
// more features (or delta events) than that, at the first one beyond it and
// before any is read; a delta payload's events and hydration features draw
// on the limit together.
TEST(Unleash, MaxFeaturesRefusesAtTheFirstFeatureBeyondIt) {
  EXPECT_EQ(unleash::load_options{}.max_features, 65536U);
  unleash::load_options options;
  options.max_features = 2;
  const std::string two = R"({"features":[{"name":"a"},{"name":"b"}]})";
  ASSERT_TRUE(unleash::load(two, options));
  // The third feature is refused even though the second lacks its name.
  const std::string three = R"({"features":[{"name":"a"},{},{"name":"c"}]})";
  for (const auto& e :
       {unleash::load(three, options).error(), unleash::parse_features(three, options).error()}) {
    EXPECT_EQ(e.code, unleash::errc::too_many_features);
    EXPECT_EQ(e.position, 29U);
    EXPECT_EQ(relkit::to_string(e),
              "more than 2 features (raise load_options::max_features) at 29 "
              "[unleash.too_many_features]");
  }
  options.max_features = 3;
  EXPECT_EQ(unleash::load(three, options).error().code, unleash::errc::missing_field);
  // Two events and the first hydration's feature fill a limit of 3: the
  // second hydration's feature (byte 90) is one too many.
  const std::string delta = R"({"events":[{"type":"hydration","features":[{"name":"a"}]},)"
                            R"({"type":"hydration","features":[{"name":"b"}]}]})";
  auto refused = unleash::load(delta, options);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().position, 90U);
  EXPECT_EQ(refused.error().message(),
            "more than 3 features and delta events (raise load_options::max_features)");
  EXPECT_EQ(unleash::parse_delta(delta, options).error().position, 90U);
  options.max_features = 4;
  auto set = unleash::load(delta, options);
  ASSERT_TRUE(set) << relkit::to_string(set.error());
  EXPECT_EQ(set->flags().size(), 1U);
  EXPECT_EQ(set->flags()[0].name, "b");
  options.max_features = 1;
  EXPECT_EQ(unleash::load(delta, options).error().position, 58U);  // the second event
}

// Issue 19: load_options::max_entries refuses a payload whose lists below
// the features (and its segments) hold more entries than that, all lists
// together, at the first entry beyond it and before its list is read.
TEST(Unleash, MaxEntriesRefusesAtTheFirstEntryBeyondIt) {
  EXPECT_EQ(unleash::load_options{}.max_entries, 262144U);
  unleash::load_options options;
  options.max_entries = 3;
  // One payload per kind of entry: three fit, the fourth (marked `X`, or the
  // list parameter's string) is refused wherever it is.
  const char* const fitting[] = {
      R"({"features":[{"name":"a","strategies":[{},{},{}]}]})",
      R"({"features":[{"name":"a","variants":[{},{},{}]}]})",
      R"({"features":[{"name":"a","dependencies":[{},{},{}]}]})",
      R"({"features":[{"name":"a","strategies":[{"constraints":[{"values":["a"]}]}]}]})",
      R"({"segments":[{"id":1},{"id":2},{"id":3}]})",
  };
  for (const char* json : fitting) {
    EXPECT_TRUE(unleash::load(json, options)) << json;
    EXPECT_TRUE(unleash::parse_features(json, options)) << json;
  }
  const char* const refused[] = {
      R"({"features":[{"name":"a","strategies":[{},{},{},{"X":1}]}]})",
      R"({"features":[{"name":"a","variants":[{},{},{},{"X":1}]}]})",
      R"({"features":[{"name":"a","dependencies":[{},{},{},{"X":1}]}]})",
      R"({"features":[{"name":"a","strategies":[{"constraints":[{"values":["a","X"]}]}]}]})",
      R"({"features":[{"name":"a","strategies":[{"segments":[1,2,3]}]}],"X":1})",
      R"({"features":[{"name":"a","variants":[{"overrides":[{"values":["a","X"]}]}]}]})",
      R"({"features":[{"name":"a","dependencies":[{"variants":["a","b","X"]}]}]})",
      R"({"features":[{"name":"a","strategies":[{},{}]},{"name":"b","variants":[{},{"X":1}]}]})",
      R"({"features":[{"name":"a","strategies":[{}]}],"segments":[{"id":1},{"id":2},{"X":1}]})",
  };
  for (const char* json : refused) {
    std::string_view text(json);
    std::size_t at = text.find("\"X\"");
    if (text.find("\"segments\":[1,2,3]") != std::string_view::npos)
      at = text.find("3]");
    else if (text.find("{\"X\":1}") != std::string_view::npos)
      at = text.find("{\"X\":1}");
    for (const auto& e :
         {unleash::load(json, options).error(), unleash::parse_features(json, options).error()}) {
      EXPECT_EQ(e.code, unleash::errc::too_many_entries) << json;
      EXPECT_EQ(e.position, at) << json;
      EXPECT_EQ(e.message(), "more than 3 list entries (raise load_options::max_entries)");
    }
  }
  // A userWithId strategy's ids are entries, drawn before the string is
  // split: refused at the string.
  const std::string ids =
      R"({"features":[{"name":"a","strategies":[{"name":"userWithId","parameters":{"userIds":"u1, u2,u3"}}]}]})";
  options.max_entries = 3;
  EXPECT_EQ(unleash::load(ids, options).error().code, unleash::errc::too_many_entries);
  EXPECT_EQ(unleash::load(ids, options).error().position, ids.find("\"u1"));
  options.max_entries = 4;  // the strategy and its three ids
  auto set = unleash::load(ids, options);
  ASSERT_TRUE(set) << relkit::to_string(set.error());
  EXPECT_EQ(set->flags()[0].strategies[0].ids, (std::vector<std::string>{"u1", "u2", "u3"}));
  // A delta payload's lists draw on the one limit across its events; a
  // segment-updated event's segment is one entry.
  const std::string delta =
      R"({"events":[{"type":"hydration","features":[{"name":"a","strategies":[{},{}]}]},)"
      R"({"type":"feature-updated","feature":{"name":"b","variants":[{}]}},)"
      R"({"type":"segment-updated","segment":{"id":1}}]})";
  options.max_entries = 4;
  ASSERT_TRUE(unleash::load(delta, options));
  options.max_entries = 3;
  for (const auto& e :
       {unleash::load(delta, options).error(), unleash::parse_delta(delta, options).error()}) {
    EXPECT_EQ(e.code, unleash::errc::too_many_entries);
    EXPECT_EQ(e.position, delta.find("{\"id\":1}"));
    EXPECT_EQ(relkit::to_string(e),
              "more than 3 list entries (raise load_options::max_entries) at " +
                  std::to_string(delta.find("{\"id\":1}")) + " [unleash.too_many_entries]");
  }
}

// load applies a delta payload's events as it reads them (holding no event
// list) and compiles once: the set equals apply_delta's of parse_delta's
// events, repeated names and segment ids included.
TEST(Unleash, LoadOfADeltaPayloadEqualsApplyDelta) {
  const std::string delta =
      R"({"events":[)"
      R"({"type":"feature-removed","featureName":"none"},)"
      R"({"type":"segment-removed","segmentId":9},)"
      R"({"type":"hydration","features":[{"name":"a","enabled":true},{"name":"b"},)"
      R"({"name":"a","project":"second"},{"name":"c"}],)"
      R"("segments":[{"id":1,"name":"one"},{"id":2},{"id":1,"name":"again"}]},)"
      R"({"type":"feature-removed","featureName":"a"},)"
      R"({"type":"feature-updated","feature":{"name":"a","description":"kept first a"}},)"
      R"({"type":"feature-removed","featureName":"b"},)"
      R"({"type":"feature-updated","feature":{"name":"b","enabled":true}},)"
      R"({"type":"feature-updated","feature":{"name":"d"}},)"
      R"({"type":"feature-removed","featureName":"c"},)"
      R"({"type":"segment-updated","segment":{"id":1,"name":"both"}},)"
      R"({"type":"segment-removed","segmentId":2},)"
      R"({"type":"segment-updated","segment":{"id":2,"name":"back"}},)"
      R"({"type":"segment-updated","segment":{"id":3}},)"
      R"({"type":"segment-removed","segmentId":3}]})";
  auto events = unleash::parse_delta(delta);
  ASSERT_TRUE(events) << relkit::to_string(events.error());
  flags::flag_set expected;
  unleash::apply_delta(expected, *events);
  auto set = unleash::load(delta);
  ASSERT_TRUE(set) << relkit::to_string(set.error());
  EXPECT_EQ(*set, expected);
  ASSERT_EQ(set->flags().size(), 3U);
  EXPECT_EQ(set->flags()[0].name, "a");
  EXPECT_EQ(set->flags()[0].description, "kept first a");
  EXPECT_EQ(set->flags()[1].name, "b");
  EXPECT_TRUE(set->flags()[1].enabled);
  EXPECT_EQ(set->flags()[2].name, "d");
  ASSERT_EQ(set->segments().size(), 3U);
  EXPECT_EQ(set->segments()[0].name, "both");
  EXPECT_EQ(set->segments()[1].name, "both");
  EXPECT_EQ(set->segments()[2].name, "back");
  // A second hydration replaces everything.
  const std::string twice = R"({"events":[{"type":"hydration","features":[{"name":"a"}]},)"
                            R"({"type":"feature-updated","feature":{"name":"x"}},)"
                            R"({"type":"hydration","features":[{"name":"b"}]}]})";
  auto events2 = unleash::parse_delta(twice);
  ASSERT_TRUE(events2);
  flags::flag_set expected2;
  unleash::apply_delta(expected2, *events2);
  EXPECT_EQ(*unleash::load(twice), expected2);
  EXPECT_EQ(expected2.flags().size(), 1U);
}

// Issue 14, item 9: load parsed a delta payload twice (once to look for
// "events", then again inside parse_delta); it now hands the parsed document
// to the delta reader. The limits apply to that one document.
TEST(Unleash, LoadOfADeltaPayloadUsesOneDocument) {
  const std::string delta =
      R"({"events":[{"type":"hydration","features":[{"name":"a","enabled":true}]}]})";
  unleash::load_options options;
  options.max_values = 8;  // the document holds 8 values
  auto set = unleash::load(delta, options);
  ASSERT_TRUE(set) << relkit::to_string(set.error());
  EXPECT_TRUE(unleash::is_enabled(*set, "a", flags::context{}));
  options.max_values = 7;
  EXPECT_FALSE(unleash::load(delta, options));
}

}  // namespace
