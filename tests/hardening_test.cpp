// Issue 19: documented limits refused with positioned errors, answers kept
// below them, and instants at the ends of the calendar (years 0000-9999)
// converted without overflow. The 1 MB peak-memory checks are in
// tests/allocation/peak_memory_test.cpp (a program of its own).
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace sv = relkit::semver;
namespace rc = relkit::commits;
namespace g = relkit::gates;
namespace ro = relkit::rollout;
namespace flags = relkit::flags;
namespace rd = relkit::detail;

// ----------------------------------------------------------------- semver

TEST(Hardening, RangeLengthLimitIsEnforced) {
  std::string at_limit(sv::max_range_length - 1, ' ');
  at_limit += '*';
  const auto kept = sv::parse_range(at_limit);
  ASSERT_TRUE(kept) << kept.error().message();
  EXPECT_EQ(sv::to_string(*kept), "*");
  const auto refused = sv::parse_range(at_limit + " ");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, sv::errc::invalid_range);
  EXPECT_EQ(refused.error().position, 65536U);
  EXPECT_EQ(refused.error().message(), "invalid range: longer than 65536 bytes");
  EXPECT_FALSE(sv::satisfies("1.2.3", at_limit + " ").has_value());
}

// The sets are reduced as they are read: the same answers as reducing them
// after (node-semver's order), without keeping what is dropped.
TEST(Hardening, RangeSetsReducedAsRead) {
  auto normalized = [](const std::string& text) {
    const auto r = sv::parse_range(text);
    return r ? sv::to_string(*r) : "error: " + r.error().message();
  };
  EXPECT_EQ(normalized(std::string(1000, '|')), "*");
  EXPECT_EQ(normalized("<0.0.0-0 || <0.0.0-0"), "<0.0.0-0");
  EXPECT_EQ(normalized("<0.0.0-0 || 1.2.3 || <0.0.0-0"), "1.2.3");
  EXPECT_EQ(normalized("1.2.3 || * || 2.0.0"), "*");
  EXPECT_EQ(normalized("1.2.3 || 2.0.0 || *"), "*");
  EXPECT_EQ(normalized("1.2.3 || <0.0.0-0 || 2.0.0"), "1.2.3||2.0.0");
  EXPECT_EQ(normalized("1.2.3 || * || x.y"), "error: invalid range: invalid comparator 'x.y'");
}

// More than 16 comparators in a set: repeats are found through a hash set.
TEST(Hardening, ManyComparatorsInASetAreDeduplicated) {
  std::string text;
  std::string expected;
  for (int k = 1; k <= 40; ++k) {
    text += ">=" + std::to_string(k) + ".0.0-rc.1 ";
    expected += (k > 1 ? " " : "") + (">=" + std::to_string(k) + ".0.0-rc.1");
  }
  for (int k = 40; k >= 1; k -= 3) text += ">=" + std::to_string(k) + ".0.0-rc.1 ";
  text += "<41.0.0 <41.0.0";
  expected += " <41.0.0";
  const auto r = sv::parse_range(text);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(sv::to_string(*r), expected);
}

// ---------------------------------------------------------------- commits

TEST(Hardening, CommitItemLimit) {
  rc::parse_options options;
  options.max_items = 2;
  const auto footers = rc::parse("fix: a\n\nA: b\nC: d\nE: f", options);
  ASSERT_FALSE(footers);
  EXPECT_EQ(footers.error().code, rc::errc::too_many_items);
  EXPECT_EQ(footers.error().position, 18U);
  EXPECT_EQ(footers.error().message(), "more than 2 footers in a message");
  const auto references = rc::parse("fix: a #1 #2 #3", options);
  ASSERT_FALSE(references);
  EXPECT_EQ(references.error().position, 13U);
  EXPECT_EQ(references.error().message(), "more than 2 references in a message");
  // Repeated references are one (deduplicated as they are found).
  const auto repeated = rc::parse("fix: a\n\n#1 #1 #1 #1", options);
  ASSERT_TRUE(repeated) << repeated.error().message();
  EXPECT_EQ(repeated->references.size(), 2U);
  const auto mentions = rc::parse("fix: a @x @y @z", options);
  ASSERT_FALSE(mentions);
  EXPECT_EQ(mentions.error().position, 13U);
  EXPECT_EQ(mentions.error().message(), "more than 2 mentions in a message");
  for (const rc::dialect d :
       {rc::dialect::git_cliff, rc::dialect::release_please, rc::dialect::conventional_changelog}) {
    options.grammar = d;
    const auto r = rc::parse("fix: a\n\nA: b\nC: d\nE: f", options);
    ASSERT_FALSE(r) << rc::to_string(d);
    EXPECT_EQ(r.error().position, 18U) << rc::to_string(d);
    // At the limit: parsed.
    const auto kept = rc::parse("fix: a\n\nA: b\nC: d", options);
    ASSERT_TRUE(kept) << rc::to_string(d);
  }
  EXPECT_EQ(rc::parse_options{}.max_items, 10000U);
}

// ------------------------------------------------------------------ gates

TEST(Hardening, GateSpecLimits) {
  std::string spec = "all\n";
  for (std::size_t k = 1; k < g::max_spec_gates; ++k) spec += "  metric a > 1\n";
  spec += "end\n";
  ASSERT_TRUE(g::parse(spec));  // 10,000 gate lines: within the limit
  const std::string over = "all\n  metric a > 1\n" + spec.substr(4);
  const auto refused = g::parse(over);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, g::errc::too_large);
  EXPECT_EQ(refused.error().position, over.size() - 4 - 15 + 2);  // the last member's word
  EXPECT_EQ(refused.error().message(), "spec has more than 10000 gate and window lines");

  std::string line = "metric a";
  for (std::size_t k = 2; k < g::max_spec_words; k += 2) line += " > 1";
  ASSERT_TRUE(g::parse(line));  // 256 words
  const auto long_line = g::parse(line + " 1");
  ASSERT_FALSE(long_line);
  EXPECT_EQ(long_line.error().code, g::errc::too_large);
  EXPECT_EQ(long_line.error().position, line.size() + 1);
  EXPECT_EQ(long_line.error().message(), "spec has more than 256 words on a line");

  // Nesting is refused where it was, whatever follows.
  std::string deep;
  for (int k = 0; k < 100; ++k) deep += "all\n";
  const auto too_deep = g::parse(deep + "@@@ not a spec");
  ASSERT_FALSE(too_deep);
  EXPECT_EQ(too_deep.error().code, g::errc::too_deep);
  EXPECT_EQ(too_deep.error().position, 260U);
}

// Instants at or beyond the ends of the calendar in the evidence: no overflow.
TEST(Hardening, GateEvidenceAtTheEndsOfTime) {
  const auto gate = *g::parse("approvals 2 timeout 2h");
  g::evidence e;
  e.author = "ann";
  e.now = g::time_point::max();
  e.approval_requested_at = g::time_point::min();
  const auto v = g::evaluate(gate, e);
  EXPECT_EQ(v.result, g::outcome::fail);
  const auto recent = *g::parse("no_failure test within 30m");
  e.stages = {{"test", g::stage_status::failed, g::time_point::min()}};
  EXPECT_EQ(g::evaluate(recent, e).result, g::outcome::pass);
  e.now = g::time_point::min();
  e.stages = {{"test", g::stage_status::failed, g::time_point::max()}};
  EXPECT_EQ(g::evaluate(recent, e).result, g::outcome::fail);
}

// ------------------------------------------------------------------ flags

TEST(Hardening, StaleReportAtTheEndsOfTime) {
  std::vector<flags::flag> all(3);
  all[0].name = "early";
  all[0].meta.created = relkit::time_point(std::chrono::milliseconds(rd::min_timestamp_ms));
  all[1].name = "expired";
  all[1].meta.type = flags::flag_type::permission;
  all[1].meta.expires = relkit::time_point::min();
  all[2].name = "late";
  all[2].meta.created = relkit::time_point::max();
  auto report = flags::stale_report(all, relkit::time_point::max());
  ASSERT_EQ(report.size(), 2U);
  EXPECT_EQ(report[0].flag, "early");
  EXPECT_EQ(report[0].days_overdue, INT_MAX);
  EXPECT_EQ(report[1].flag, "expired");
  EXPECT_EQ(report[1].days_overdue, INT_MAX);
  report = flags::stale_report(all, relkit::time_point::min());
  ASSERT_EQ(report.size(), 1U);  // expired at the first instant there is
  EXPECT_EQ(report[0].flag, "expired");
  EXPECT_EQ(report[0].days_overdue, 0);
}

// ---------------------------------------------------------------- unleash

// Every RFC 3339 year converts: the instants at both ends of 0000-9999,
// offsets included, and a year of five digits is not a date.
TEST(Hardening, UnleashCreatedAtBoundaries) {
  const auto parsed = relkit::unleash::parse_features(R"({"version": 2, "features": [
    {"name": "a", "createdAt": "9999-12-31T23:59:59.999Z"},
    {"name": "b", "createdAt": "9999-12-31T23:59:59.999-23:59"},
    {"name": "c", "createdAt": "0000-01-01T00:00:00.000Z"},
    {"name": "d", "createdAt": "0000-01-01T00:00:00+23:59"},
    {"name": "e", "createdAt": "10000-01-01T00:00:00Z"},
    {"name": "f", "createdAt": "9999-12-31T00:00:00.000Z"}]})");
  ASSERT_TRUE(parsed) << parsed.error().message();
  const auto& f = parsed->features;
  ASSERT_EQ(f.size(), 6U);
  EXPECT_EQ(f[0].meta.created->time_since_epoch().count(), rd::max_timestamp_ms);
  EXPECT_EQ(f[1].meta.created->time_since_epoch().count(),
            rd::max_timestamp_ms + (23 * 60 + 59) * 60000);
  EXPECT_EQ(f[2].meta.created->time_since_epoch().count(), rd::min_timestamp_ms);
  EXPECT_EQ(f[3].meta.created->time_since_epoch().count(),
            rd::min_timestamp_ms - (23 * 60 + 59) * 60000);
  EXPECT_FALSE(f[4].meta.created.has_value());
  EXPECT_EQ(f[5].meta.created->time_since_epoch().count(), 253402214400000);
  // Their stale report, at both ends of time, does not overflow.
  EXPECT_EQ(flags::stale_report(f, relkit::time_point::max()).size(), 5U);
  EXPECT_TRUE(flags::stale_report(f, relkit::time_point::min()).empty());
}

// ---------------------------------------------------------------- rollout

TEST(Hardening, RolloutInstantsWithinTheCalendar) {
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(25), ro::steps::pause()};
  const ro::plan p = ro::make_plan(spec).value();
  const std::string text = ro::to_string(ro::initial_state(p, "v1"));
  const std::size_t at = text.find("\nstep_started ") + 14;
  ASSERT_EQ(text.substr(at, 2), "0\n");
  auto with = [&](const std::string& value) {
    std::string t = text;
    t.replace(at, 1, value);
    return ro::parse_state(t, p);
  };
  const auto last = with("253402300799999");
  ASSERT_TRUE(last) << last.error().message();
  EXPECT_EQ(last->step_started.time_since_epoch().count(), rd::max_timestamp_ms);
  const auto first = with("-62167219200000");
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_EQ(first->step_started.time_since_epoch().count(), rd::min_timestamp_ms);
  for (const std::string bad :
       {"253402300800000", "-62167219200001", "9223372036854775807", "-9223372036854775808"}) {
    const auto r = with(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ro::errc::bad_state_format);
    EXPECT_EQ(r.error().position, at) << bad;
    EXPECT_EQ(r.error().message(), "instant outside the years 0000-9999") << bad;
  }
  // Format 1 (nanoseconds) spans 1677-2262: every value reads.
  std::string v1 = text;
  v1.replace(0, 22, "relkit-rollout-state 1");
  v1.replace(at, 1, "-9223372036854775808");
  const auto old = ro::parse_state(v1, p);
  ASSERT_TRUE(old) << old.error().message();
  EXPECT_EQ(old->step_started.time_since_epoch().count(), -9223372036855);
}

}  // namespace
