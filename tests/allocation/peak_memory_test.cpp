// Issue 19 item 2: every entry point's peak heap use on a 1 MB adversarial
// input is at most 8x the input plus a constant, or the input is refused by a
// documented limit before the memory is spent. Deterministic: the global
// operator new is replaced to count live and peak bytes (its own program).

#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/json.hpp>
#include <relkit/flags.hpp>
#include <relkit/gates.hpp>
#include <relkit/rollout.hpp>
#include <relkit/semver.hpp>
#include <relkit/unleash.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>

#include "heap_counter.hpp"

using heap_counter::live_bytes;
using heap_counter::peak_bytes;

namespace {

constexpr std::size_t megabyte = std::size_t{1} << 20U;
// The constant of "8x the input plus a constant".
constexpr std::size_t slack = std::size_t{256} << 10U;

// `unit` repeated to at least 1 MB, between `head` and `tail`.
std::string adversarial(std::string_view head, std::string_view unit, std::string_view tail = {}) {
  std::string s(head);
  while (s.size() < megabyte) s += unit;
  s += tail;
  return s;
}

// Peak bytes allocated while `run` runs, beyond what was live before it.
template <class F>
std::size_t peak_of(F&& run) {
  const std::size_t before = live_bytes;
  peak_bytes = before;
  run();
  return peak_bytes - before;
}

void expect_bounded(const char* what, std::size_t input, std::size_t peak) {
  std::printf("peak %-28s input %8zu peak %10zu ratio %6.2f\n", what, input, peak,
              static_cast<double>(peak) / static_cast<double>(input));
  EXPECT_LE(peak, 8 * input + slack) << what;
}

TEST(PeakMemory, SemverRangeOfBars) {
  const std::string input = adversarial("", "|");
  const std::size_t peak = peak_of([&] {
    const auto r = relkit::semver::parse_range(input);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, relkit::semver::errc::invalid_range);
    EXPECT_EQ(r.error().position, relkit::semver::max_range_length);
    EXPECT_EQ(r.error().message(), "invalid range: longer than 65536 bytes");
  });
  expect_bounded("semver.parse_range |", input.size(), peak);
  EXPECT_LE(peak, 1024U);  // the message text only
}

// Within max_range_length the memory is bounded by the limit (a constant).
TEST(PeakMemory, SemverRangeAtTheLimit) {
  for (const std::string_view unit : {"|", "1.2.3 || ", ">1 "}) {
    std::string input;
    while (input.size() + unit.size() <= relkit::semver::max_range_length) input += unit;
    const std::size_t peak = peak_of([&] { (void)relkit::semver::parse_range(input); });
    const std::string what = "semver.parse_range 64K " + std::string(unit);
    std::printf("peak %-28s input %8zu peak %10zu ratio %6.2f\n", what.c_str(), input.size(), peak,
                static_cast<double>(peak) / static_cast<double>(input.size()));
    EXPECT_LE(peak, std::size_t{16} << 20U) << unit;
  }
}

TEST(PeakMemory, SemverRangeOfComparators) {
  const std::string input = adversarial("", "1.2.3 || ");
  const std::size_t peak = peak_of([&] { (void)relkit::semver::parse_range(input); });
  expect_bounded("semver.parse_range 1.2.3 ||", input.size(), peak);
}

TEST(PeakMemory, SemverRangeOfOneSet) {
  const std::string input = adversarial("", ">1 ");
  const std::size_t peak = peak_of([&] { (void)relkit::semver::parse_range(input); });
  expect_bounded("semver.parse_range >1 >1", input.size(), peak);
}

TEST(PeakMemory, SemverVersion) {
  const std::string input = adversarial("1.2.3-", "a.");
  const std::size_t peak = peak_of([&] { (void)relkit::semver::parse(input); });
  expect_bounded("semver.parse 1.2.3-a.a", input.size(), peak);
}

void expect_too_many(const relkit::result<relkit::commits::commit>& r, std::size_t position,
                     std::string_view message) {
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, relkit::commits::errc::too_many_items);
  EXPECT_EQ(r.error().position, position);
  EXPECT_EQ(r.error().message(), message);
}

TEST(PeakMemory, CommitWithManyFooters) {
  const std::string input = adversarial("fix: a\n\nbody\n\n", "A: b\n");
  // The 10,001st footer starts at 14 + 10,000 * 5.
  const std::size_t peak = peak_of([&] {
    expect_too_many(relkit::commits::parse(input), 50014, "more than 10000 footers in a message");
  });
  expect_bounded("commits.parse footers", input.size(), peak);
}

TEST(PeakMemory, CommitWithManyFootersInEveryDialect) {
  namespace rc = relkit::commits;
  const std::string input = adversarial("fix: a\n\nbody\n\n", "A: b\n");
  for (const rc::dialect d :
       {rc::dialect::conventional_changelog, rc::dialect::semantic_release_conventionalcommits,
        rc::dialect::semantic_release_angular, rc::dialect::git_cliff,
        rc::dialect::release_please}) {
    rc::parse_options options;
    options.grammar = d;
    const std::size_t peak = peak_of([&] {
      expect_too_many(rc::parse(input, options), 50014, "more than 10000 footers in a message");
    });
    const std::string what = "commits.parse footers " + std::string(rc::to_string(d));
    expect_bounded(what.c_str(), input.size(), peak);
  }
}

TEST(PeakMemory, CommitWithManyReferences) {
  // Distinct references (repeated ones are deduplicated as they are found).
  std::string input = "fix: a\n\n";
  std::size_t beyond = 0;
  for (int k = 0; input.size() < megabyte; ++k) {
    if (k == 10000) beyond = input.size();
    input += "#" + std::to_string(k) + " ";
  }
  const std::size_t peak = peak_of([&] {
    expect_too_many(relkit::commits::parse(input), beyond,
                    "more than 10000 references in a message");
  });
  expect_bounded("commits.parse #1 #2 #3", input.size(), peak);
}

TEST(PeakMemory, CommitWithRepeatedReferences) {
  const std::string input = adversarial("fix: a\n\n", "#1 ");
  const std::size_t peak = peak_of([&] {
    const auto parsed = relkit::commits::parse(input);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->references.size(), 2U);  // "#1", then " #1" over and over
  });
  expect_bounded("commits.parse #1 #1", input.size(), peak);
}

TEST(PeakMemory, CommitWithManyMentions) {
  const std::string input = adversarial("fix: a\n\n", "@a ");
  const std::size_t peak = peak_of([&] {
    expect_too_many(relkit::commits::parse(input), 30008, "more than 10000 mentions in a message");
  });
  expect_bounded("commits.parse @a @a", input.size(), peak);
}

TEST(PeakMemory, CommitWithManyBreakingNotes) {
  const std::string input = adversarial("fix: a\n\n", "BREAKING CHANGE: x\n");
  const std::size_t peak = peak_of([&] { (void)relkit::commits::parse(input); });
  expect_bounded("commits.parse BREAKING CHANGE", input.size(), peak);
}

TEST(PeakMemory, GitLogOfTinyRecords) {
  const std::string input = adversarial("",
                                        "0123456\x1f\x1f"
                                        "x\x1e\n");
  const std::size_t peak = peak_of([&] { (void)relkit::commits::read_git_log(input); });
  expect_bounded("commits.read_git_log", input.size(), peak);
}

TEST(PeakMemory, TagFormat) {
  const std::string input = adversarial("", "v", "${version}");
  const std::size_t peak = peak_of([&] { (void)relkit::commits::parse_tag_format(input); });
  expect_bounded("commits.parse_tag_format", input.size(), peak);
}

TEST(PeakMemory, ChangelogOutlineOfHeadings) {
  const std::string input = adversarial("# Changelog\n\n", "## [1.0.0]\n");
  const std::size_t peak = peak_of([&] { (void)relkit::changelog::read_outline(input); });
  expect_bounded("changelog.read_outline ##", input.size(), peak);
}

TEST(PeakMemory, ChangelogOutlineOfLinks) {
  const std::string input = adversarial("# Changelog\n\n## [1.0.0]\n", "[1]: x\n");
  const std::size_t peak = peak_of([&] { (void)relkit::changelog::read_outline(input); });
  expect_bounded("changelog.read_outline [1]:", input.size(), peak);
}

TEST(PeakMemory, ChangelogPrepend) {
  const std::string input = adversarial("# Changelog\n\n", "## [1.0.0]\n");
  const std::size_t peak =
      peak_of([&] { (void)relkit::changelog::prepend(input, "## [9.9.9]\n", "9.9.9"); });
  expect_bounded("changelog.prepend ##", input.size(), peak);
}

TEST(PeakMemory, GateSpecOfManyMembers) {
  const std::string input = adversarial("all\n", "metric a > 1\n", "end\n");
  // The 10,001st gate line is the 10,000th member, at 4 + 9,999 * 13.
  const std::size_t peak = peak_of([&] {
    const auto parsed = relkit::gates::parse(input);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().code, relkit::gates::errc::too_large);
    EXPECT_EQ(parsed.error().position, 129991U);
    EXPECT_EQ(parsed.error().message(), "spec has more than 10000 gate and window lines");
  });
  expect_bounded("gates.parse members", input.size(), peak);
}

TEST(PeakMemory, GateSpecOfOneLongLine) {
  const std::string input = adversarial("all\n  metric a", " > 1", "\nend\n");
  // Word 257 of the line that starts at byte 4: "metric"(6) "a"(13), then "> 1" pairs.
  const std::size_t peak = peak_of([&] {
    const auto parsed = relkit::gates::parse(input);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().code, relkit::gates::errc::too_large);
    EXPECT_EQ(parsed.error().position, 4U + 11U + 2U * 254U);
    EXPECT_EQ(parsed.error().message(), "spec has more than 256 words on a line");
  });
  expect_bounded("gates.parse words", input.size(), peak);
}

TEST(PeakMemory, GateSpecRefusedForNesting) {
  // Nesting is refused at byte 260 (the 66th "all"): nothing after it is read.
  std::string input;
  while (input.size() < megabyte) input += "all\n";
  const std::size_t peak = peak_of([&] {
    const auto parsed = relkit::gates::parse(input);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().position, 260U);
  });
  expect_bounded("gates.parse nesting", input.size(), peak);
  EXPECT_LE(peak, slack);
}

// unleash::load of 1 MB of `{"name":"a"},` (80,660 features): a flag costs
// about 300 bytes held (a flags::flag of 264 bytes, g++ 12 and libstdc++,
// its compiled form and index) for 13 input bytes, so the payload is
// refused by load_options::max_features (65,536) at the first feature
// beyond it, before any feature is read: what it cost is the scan's index
// of where each object ends. Below the limit a payload may hold up to about
// 20 MB of such flags (24.6x its input at 1 MB before the limit; 73x with
// the DOM reader).
TEST(PeakMemory, UnleashOfManyFeatures) {
  const std::string input =
      adversarial(R"({"version":2,"features":[)", R"({"name":"a"},)", R"({"name":"a"}]})");
  const std::size_t peak = peak_of([&] {
    const auto set = relkit::unleash::load(input);
    ASSERT_FALSE(set);
    EXPECT_EQ(set.error().code, relkit::unleash::errc::too_many_features);
    EXPECT_EQ(set.error().position, 25U + 65536U * 13U);
  });
  expect_bounded("unleash.load features", input.size(), peak);
}

// The same flags in a delta payload's hydration events (the events and
// their features draw on the one limit, counted before any event is read).
TEST(PeakMemory, UnleashOfManyHydrations) {
  std::string event = R"({"type":"hydration","features":[)";
  for (int i = 0; i < 20; ++i) event += R"({"name":"a"},)";
  event.back() = ']';
  event += "},";
  const std::string input = adversarial(R"({"events":[)", event, R"({"type":"hydration"}]})");
  const std::size_t peak = peak_of([&] {
    const auto set = relkit::unleash::load(input);
    ASSERT_FALSE(set);
    EXPECT_EQ(set.error().code, relkit::unleash::errc::too_many_features);
  });
  expect_bounded("unleash.load hydrations", input.size(), peak);
}

// At the limit the bound is a constant: 65,536 minimal flags (852 KB) held
// as a flag set, under the "about 20 MB" load_options documents.
TEST(PeakMemory, UnleashAtTheFeatureLimit) {
  std::string input = R"({"features":[)";
  for (std::size_t i = 0; i < relkit::unleash::load_options{}.max_features; ++i)
    input += R"({"name":"a"},)";
  input.back() = ']';
  input += '}';
  const std::size_t peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
  std::printf("peak %-28s input %8zu peak %10zu ratio %6.2f (at the limit)\n",
              "unleash.load at max_features", input.size(), peak,
              static_cast<double>(peak) / static_cast<double>(input.size()));
  EXPECT_LE(peak, std::size_t{20} * 1000 * 1000);
}

// load_options::max_entries (262,144) bounds every list below the features
// and the segments together. A list beyond it is refused at its first entry
// too many, counted before any of its entries is read: what was spent is
// the scan's index (5 bytes per input byte for `{},`).
void expect_too_many_entries(const relkit::result<relkit::flags::flag_set>& r,
                             std::size_t position) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, relkit::unleash::errc::too_many_entries);
  EXPECT_EQ(r.error().position, position);
  EXPECT_EQ(r.error().message(), "more than 262144 list entries (raise load_options::max_entries)");
}

constexpr std::size_t unleash_max_entries = 262144;

// One list of 1 MB of `{},` (or `1,`) entries, refused at the entry
// `max_entries - drawn`: `drawn` entries were drawn before the list.
void expect_list_refused(const char* what, std::string_view head, std::string_view unit,
                         std::string_view tail, std::size_t drawn) {
  const std::string input = adversarial(head, unit, tail);
  const std::size_t peak = peak_of([&] {
    expect_too_many_entries(relkit::unleash::load(input),
                            head.size() + (unleash_max_entries - drawn) * unit.size());
  });
  expect_bounded(what, input.size(), peak);
}

TEST(PeakMemory, UnleashOfManyStrategies) {  // 80x before the limit
  expect_list_refused("unleash.load strategies", R"({"features":[{"name":"a","strategies":[)",
                      "{},", "{}]}]}", 0);
}

TEST(PeakMemory, UnleashOfManyVariants) {  // 71x before the limit
  expect_list_refused("unleash.load variants", R"({"features":[{"name":"a","variants":[)", "{},",
                      "{}]}]}", 0);
}

TEST(PeakMemory, UnleashOfManyConstraints) {  // 43x before the limit
  expect_list_refused("unleash.load constraints",
                      R"({"features":[{"name":"a","strategies":[{"constraints":[)", "{},",
                      "{}]}]}]}", 1);
}

TEST(PeakMemory, UnleashOfManyOverrides) {
  expect_list_refused("unleash.load overrides",
                      R"({"features":[{"name":"a","variants":[{"overrides":[)", "{},", "{}]}]}]}",
                      1);
}

TEST(PeakMemory, UnleashOfManyDependencies) {
  expect_list_refused("unleash.load dependencies", R"({"features":[{"name":"a","dependencies":[)",
                      "{},", "{}]}]}", 0);
}

TEST(PeakMemory, UnleashOfManySegmentReferences) {
  expect_list_refused("unleash.load segment refs",
                      R"({"features":[{"name":"a","strategies":[{"segments":[)", "1,", "1]}]}]}",
                      1);
}

TEST(PeakMemory, UnleashOfManySegmentConstraints) {
  expect_list_refused("unleash.load segment constraints", R"({"segments":[{"id":1,"constraints":[)",
                      "{},", "{}]}]}", 1);
}

// Lists of 1 MB of `"a",` hold fewer than max_entries strings, each a
// std::string of 32 bytes (libstdc++) for 4 input bytes: 8x.
TEST(PeakMemory, UnleashOfManyValues) {
  const char* const heads[] = {
      R"({"features":[{"name":"a","strategies":[{"constraints":[{"values":[)",
      R"({"features":[{"name":"a","variants":[{"overrides":[{"values":[)",
      R"({"features":[{"name":"a","dependencies":[{"variants":[)",
  };
  const char* const tails[] = {R"("a"]}]}]}]})", R"("a"]}]}]}]})", R"("a"]}]}]})"};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string input = adversarial(heads[i], R"("a",)", tails[i]);
    const std::size_t peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
    expect_bounded("unleash.load values", input.size(), peak);
  }
}

// An IN constraint of 200,000 repeated values (800 KB, within max_entries):
// equal values share one slot of the constraint's hashed set, so the set is
// built in linear time (each repeat was a longer probe chain: 20 billion
// probes) and answers as the values say.
TEST(PeakMemory, UnleashOfRepeatedInValues) {
  std::string input =
      R"({"features":[{"name":"a","enabled":true,"strategies":[{"name":"default","constraints":[)"
      R"({"contextName":"userId","operator":"IN","values":[)";
  for (int i = 0; i < 200000; ++i) input += R"("a",)";
  input += R"("b"]}]}]}]})";
  relkit::result<relkit::flags::flag_set> set;
  const std::size_t peak = peak_of([&] { set = relkit::unleash::load(input); });
  ASSERT_TRUE(set) << set.error().message();
  relkit::flags::context a_user;
  a_user.user_id = "a";
  EXPECT_TRUE(set->is_enabled("a", a_user));
  relkit::flags::context b_user;
  b_user.user_id = "b";
  EXPECT_TRUE(set->is_enabled("a", b_user));
  relkit::flags::context c_user;
  c_user.user_id = "c";
  EXPECT_FALSE(set->is_enabled("a", c_user));
  // Over 8x, bounded by max_entries: each 4-byte `"a",` holds a 32-byte
  // string (8x, as UnleashOfManyValues) and 2-4 slots of 8 bytes in the
  // constraint's hashed set (docs/flags.md says so).
  std::printf("peak %-28s input %8zu peak %10zu ratio %6.2f (bounded by max_entries)\n",
              "unleash.load repeated IN", input.size(), peak,
              static_cast<double>(peak) / static_cast<double>(input.size()));
  EXPECT_LE(peak, 16 * input.size() + slack);
}

// A userWithId strategy's ids (`a,` each) are drawn before the string is
// split: refused at the string.
TEST(PeakMemory, UnleashOfManyUserIds) {
  const std::string head =
      R"({"features":[{"name":"a","strategies":[{"name":"userWithId","parameters":{"userIds":)";
  const std::string input = adversarial(head + '"', "a,", R"(a"}}]}]})");
  const std::size_t peak =
      peak_of([&] { expect_too_many_entries(relkit::unleash::load(input), head.size()); });
  expect_bounded("unleash.load userIds", input.size(), peak);
}

// Members of a strategy's parameters object are not held; segments
// (`{"id":1},`, 9 bytes) are entries below max_entries at 1 MB.
TEST(PeakMemory, UnleashOfManyParametersAndSegments) {
  std::string input = adversarial(R"({"features":[{"name":"a","strategies":[{"parameters":{)",
                                  R"("a":1,)", R"("a":1}}]}]})");
  std::size_t peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
  expect_bounded("unleash.load parameters", input.size(), peak);
  input = adversarial(R"({"segments":[)", R"({"id":1},)", R"({"id":1}]})");
  peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
  expect_bounded("unleash.load segments", input.size(), peak);
}

// A segment's constraints are compiled into every strategy naming it: a
// reference draws as many entries as the segment holds. 64 KB of
// references to a segment of 30 constraints (32,768 x 30) are refused at
// the first reference beyond the limit.
TEST(PeakMemory, UnleashOfSegmentExpansion) {
  const std::string head = R"({"features":[{"name":"a","strategies":[{"segments":[)";
  std::string input = head;
  while (input.size() < (std::size_t{64} << 10U)) input += "1,";
  input += R"(1]}]}],"segments":[{"id":1,"constraints":[)";
  for (int i = 0; i < 29; ++i) input += "{},";
  input += "{}]}]}";
  const std::size_t references = (input.find(']') - head.size() + 1) / 2;
  // Read: the strategy, the references, the segment and its constraints;
  // then each reference draws 29 more.
  const std::size_t drawn = 1 + references + 1 + 30;
  const std::size_t index = (unleash_max_entries - drawn) / 29;
  const std::size_t peak = peak_of(
      [&] { expect_too_many_entries(relkit::unleash::load(input), head.size() + 2 * index); });
  expect_bounded("unleash.load segment expansion", input.size(), peak);
}

// Delta payloads: load applies each event as it reads it, holding no event
// list (40,000 feature-removed events were 16.5x).
TEST(PeakMemory, UnleashOfManyDeltaEvents) {
  const char* const events[] = {
      R"({"type":"feature-removed","featureName":"a"},)",
      R"({"type":"segment-removed","segmentId":1},)",
      R"({"type":"hydration"},)",
      R"({"type":"feature-updated","feature":{"name":"a"}},)",
      R"({"type":"segment-updated","segment":{"id":1}},)",
  };
  for (const char* event : events) {
    const std::string input = adversarial(R"({"events":[)", event, R"({"type":"hydration"}]})");
    const std::size_t peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
    expect_bounded("unleash.load delta events", input.size(), peak);
  }
}

// Entries spread over features, each list within the limit: what they hold
// is bounded by the limit, not the input. 1 MB of features of 20 `{}`
// strategies (238,000 strategies, about 255 bytes each with their compiled
// form) stays under the 72 MB load_options documents for max_entries.
TEST(PeakMemory, UnleashOfSpreadEntries) {
  std::string unit = R"({"name":"a","strategies":[)";
  for (int i = 0; i < 20; ++i) unit += "{},";
  unit.back() = ']';
  unit += "},";
  const std::string input = adversarial(R"({"features":[)", unit, R"({"name":"a"}]})");
  const std::size_t peak = peak_of([&] { ASSERT_TRUE(relkit::unleash::load(input)); });
  std::printf("peak %-28s input %8zu peak %10zu ratio %6.2f (bounded by max_entries)\n",
              "unleash.load spread entries", input.size(), peak,
              static_cast<double>(peak) / static_cast<double>(input.size()));
  EXPECT_LE(peak, std::size_t{72} * 1000 * 1000);
}

TEST(PeakMemory, FlagsValues) {
  const std::string input = adversarial("", "9");
  const std::size_t peak = peak_of([&] {
    namespace fd = relkit::flags::detail;
    (void)fd::js_number(input);
    (void)fd::parse_js_date_ms(input);
    (void)fd::parse_ip(input);
    (void)fd::parse_cidr(input);
  });
  expect_bounded("flags values", input.size(), peak);
}

// A format-1 state (tests/fuzz/corpus/rollout_state/state_9.txt) whose
// stable artifact is 1 MB of escapes ("%25", '%').
const char* const state_head =
    "relkit-rollout-state 1\nplan bb808a341d585f39\nphase healthy\npause none\nmanual_pause "
    "0\ntimed_out 0\nupdating 0\naborted 0\nstep 0\nweight 0\nstable ";
const char* const state_tail =
    "\ncanary \nprevious_stable p\nstep_started 0\npaused_at 0\nprogress_at 0\nlast_iteration "
    "0\nfailed_checks 0\npending_check none\nstep_run pending 0 0 0\nbackground_run pending 0 0 "
    "0\n";

TEST(PeakMemory, RolloutStateWithLongValue) {
  const std::string input = adversarial(state_head, "%25", state_tail);
  const std::size_t peak = peak_of([&] {
    // Refused by its documented limit (an artifact id is at most 4096 bytes)
    // where the 4097th byte would be.
    const auto parsed = relkit::rollout::parse_state(input);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(relkit::to_string(parsed.error()),
              "artifact id over 4096 bytes at " +
                  std::to_string(std::string_view(state_head).size() + 3 * 4096) +
                  " [rollout.bad_state_format]");
  });
  expect_bounded("rollout.parse_state %25", input.size(), peak);
}

TEST(PeakMemory, RolloutStateOfManyLines) {
  const std::string input = adversarial("relkit-rollout-state 2\n", "x 0\n");
  const std::size_t peak = peak_of([&] { (void)relkit::rollout::parse_state(input); });
  expect_bounded("rollout.parse_state lines", input.size(), peak);
}

// A configuration file is refused at its 16,385th JSON value: the tree it held
// by then is the bound, whatever the input's size.
TEST(PeakMemory, ReleasePleaseConfigOfManyValues) {
  const std::string input = adversarial("{\"packages\":{\"a\":{\"exclude-paths\":[", "0,", "0]}}}");
  const std::size_t peak =
      peak_of([&] { (void)relkit::commits::read_release_please_config(input, "{}"); });
  expect_bounded("release-please config [0,0,", input.size(), peak);
}

TEST(PeakMemory, PackageJsonOfManyMembers) {
  const std::string input = adversarial("{", R"("":0,)", R"("name":"a"})");
  const std::size_t peak = peak_of([&] {
    const auto r = relkit::commits::read_workspace_packages({{"packages/a", input}});
    // Refused at its 16,385th value, the 16,384th member's `0`, at 5 * 16384 - 1.
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, relkit::commits::errc::invalid_workspace_json);
    EXPECT_EQ(r.error().position, std::size_t{81919});
    EXPECT_EQ(r.error().args.token(), "packages/a");
  });
  expect_bounded("package.json {\"\":0,", input.size(), peak);
}

// relkit::detail::parse_json's DOM costs ~100 bytes per value (`0,` is two bytes), so
// its one entry, the workspace configuration readers, refuses a file at its 16,385th
// value (commits::max_config_values): a 1 MB file of the smallest values is refused at
// that value's byte, and what was spent by then is the bound, whatever the input's size.
constexpr std::string_view peak_config_values_refused =
    "more than 16384 JSON values, the limit of a configuration file";

// [0,0,...]: the array is value 1, so value 16,385 is the 16,384th `0`, at 1 + 2 * 16383.
TEST(PeakMemory, WorkspaceConfigArrayOfZerosRefused) {
  const std::string input = adversarial("[", "0,", "0]");
  relkit::result<relkit::commits::workspace> r = relkit::commits::workspace{};
  const std::size_t peak =
      peak_of([&] { r = relkit::commits::read_release_please_config(input, "{}"); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, relkit::commits::errc::invalid_workspace_json);
  EXPECT_EQ(r.error().position, std::size_t{32767});
  EXPECT_EQ(r.error().args.text(), peak_config_values_refused);
  EXPECT_EQ(r.error().args.token(), "release-please-config.json");
  expect_bounded("release-please config top [0,0,", input.size(), peak);
}

// {"":0,...} as the manifest: value 16,385 is the 16,384th member's `0`, at 5 * 16384 - 1.
TEST(PeakMemory, WorkspaceManifestOfMembersRefused) {
  const std::string input = adversarial("{", R"("":0,)", R"("":0})");
  relkit::result<relkit::commits::workspace> r = relkit::commits::workspace{};
  const std::size_t peak = peak_of(
      [&] { r = relkit::commits::read_release_please_config(R"({"packages":{".":{}}})", input); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, relkit::commits::errc::invalid_workspace_json);
  EXPECT_EQ(r.error().position, std::size_t{81919});
  EXPECT_EQ(r.error().args.text(), peak_config_values_refused);
  EXPECT_EQ(r.error().args.token(), ".release-please-manifest.json");
  expect_bounded("release-please manifest {\"\":0,", input.size(), peak);
}

// Within both limits: 1 MB in 16,000 values of 64-byte strings (the DOM holds each
// string once), read whole.
TEST(PeakMemory, WorkspaceConfigWithinTheLimits) {
  std::string input = R"({"packages":{".":{"exclude-paths":[)";
  for (int i = 0; i < 16000; ++i) {
    if (i != 0) input += ',';
    input += '"';
    input.append(64, 'x');
    input += '"';
  }
  input += "]}}}";
  ASSERT_GE(input.size(), megabyte);
  relkit::result<relkit::commits::workspace> r = relkit::commits::workspace{};
  const std::size_t peak =
      peak_of([&] { r = relkit::commits::read_release_please_config(input, "{}"); });
  ASSERT_TRUE(r) << r.error().args.text();
  expect_bounded("release-please config strings", input.size(), peak);
}

TEST(PeakMemory, JsonNesting) {
  const std::string input = adversarial("", "[");
  const std::size_t peak = peak_of([&] { (void)relkit::detail::parse_json(input); });
  expect_bounded("json [[[", input.size(), peak);
}

}  // namespace
