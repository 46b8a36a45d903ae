#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace flags = relkit::flags;
using namespace std::chrono_literals;

flags::constraint make_constraint(std::string field, flags::operator_kind op,
                                  std::vector<std::string> values, std::string value = {}) {
  flags::constraint c;
  c.context_name = std::move(field);
  c.op = op;
  c.values = std::move(values);
  c.value = std::move(value);
  return c;
}

flags::flag rollout_flag(std::string name, std::uint32_t percentage) {
  flags::flag f;
  f.name = std::move(name);
  f.enabled = true;
  flags::strategy s;
  s.kind = flags::strategy_kind::flexible_rollout;
  s.name = "flexibleRollout";
  s.percentage = percentage;
  f.strategies.push_back(s);
  return f;
}

TEST(Flags, KillSwitchAndReasons) {
  flags::flag on = rollout_flag("checkout", 100);
  flags::flag off = on;
  off.name = "checkout-off";
  off.enabled = false;
  flags::flag bare;
  bare.name = "bare";
  bare.enabled = true;
  const flags::flag_set set({on, off, bare});
  flags::context ctx;
  ctx.user_id = "42";
  auto e = set.evaluate("checkout", ctx);
  EXPECT_TRUE(e.enabled);
  EXPECT_EQ(e.reason, flags::evaluation_reason::strategy_matched);
  EXPECT_EQ(e.strategy, 0);
  EXPECT_EQ(flags::render(*set.find("checkout"), e),
            "checkout is on: strategy 0 (flexibleRollout) matched");
  e = set.evaluate("checkout-off", ctx);
  EXPECT_FALSE(e.enabled);
  EXPECT_EQ(e.reason, flags::evaluation_reason::disabled);
  EXPECT_EQ(flags::render(*set.find("checkout-off"), e),
            "checkout-off is off: disabled (kill switch)");
  EXPECT_EQ(set.evaluate("bare", ctx).reason, flags::evaluation_reason::no_strategies);
  EXPECT_TRUE(set.is_enabled("bare", ctx));
  EXPECT_EQ(set.evaluate("nope", ctx).reason, flags::evaluation_reason::unknown_flag);
  EXPECT_FALSE(set.is_enabled("nope", ctx));
}

TEST(Flags, RolloutUsesFlagNameAsGroupAndStickiness) {
  const flags::flag_set set({rollout_flag("Feature.flexibleRollout.10", 10)});
  flags::context ctx;
  ctx.user_id = "174";  // bucket 10: the boundary
  EXPECT_TRUE(set.is_enabled("Feature.flexibleRollout.10", ctx));
  ctx.user_id = "499";  // bucket 32
  EXPECT_FALSE(set.is_enabled("Feature.flexibleRollout.10", ctx));
  // Named stickiness on a missing field is off, not random.
  flags::flag f = rollout_flag("custom", 100);
  f.strategies[0].stickiness = "tenant";
  const flags::flag_set custom({f});
  EXPECT_FALSE(custom.is_enabled("custom", flags::context{}));
  flags::context with_tenant;
  with_tenant.properties.push_back({"tenant", "acme"});
  EXPECT_TRUE(custom.is_enabled("custom", with_tenant));
}

// IN / NOT_IN past eight values go through a hash table, up to eight are
// scanned; both give the same answers, on standard fields and properties.
TEST(Flags, InSetsLargeAndSmallStandardAndPropertyFields) {
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i) many.push_back("user-" + std::to_string(i * 7));
  many.push_back("");  // an empty value is a value
  std::vector<std::string> few(many.begin(), many.begin() + 8);
  for (const auto* values : {&many, &few}) {
    flags::flag in_user = rollout_flag("in-user", 100);
    in_user.strategies[0].constraints.push_back(
        make_constraint("userId", flags::operator_kind::in, *values));
    flags::flag not_in_tenant = rollout_flag("not-in-tenant", 100);
    not_in_tenant.strategies[0].constraints.push_back(
        make_constraint("tenant", flags::operator_kind::not_in, *values));
    flags::flag inverted = in_user;
    inverted.name = "inverted";
    inverted.strategies[0].constraints[0].inverted = true;
    const flags::flag_set set({in_user, not_in_tenant, inverted});
    flags::context ctx;
    ctx.session_id = "s";
    for (int i = 0; i < 60; ++i) {
      const std::string id = "user-" + std::to_string(i);
      const bool listed = std::find(values->begin(), values->end(), id) != values->end();
      ctx.user_id = id;
      ctx.properties = {{"tenant", id}};
      EXPECT_EQ(set.is_enabled("in-user", ctx), listed) << id;
      EXPECT_EQ(set.evaluate("in-user", ctx).enabled, listed) << id;
      EXPECT_EQ(set.is_enabled("inverted", ctx), !listed) << id;
      EXPECT_EQ(set.is_enabled("not-in-tenant", ctx), !listed) << id;
    }
    ctx.user_id = std::nullopt;  // absent: IN is false, NOT_IN true
    ctx.properties.clear();
    EXPECT_FALSE(set.is_enabled("in-user", ctx));
    EXPECT_TRUE(set.is_enabled("not-in-tenant", ctx));
    ctx.properties = {{"tenant", ""}};
    EXPECT_EQ(set.is_enabled("not-in-tenant", ctx), values == &few);
  }
}

// The hashed flag-name index: names of every length, a repeated name (the
// last one wins), near misses.
TEST(Flags, NameIndexFindsEveryNameAndTheLastDuplicate) {
  std::vector<flags::flag> all;
  for (int i = 0; i < 100; ++i)
    all.push_back(
        rollout_flag(std::string(static_cast<std::size_t>(i % 37), 'n') + std::to_string(i), 100));
  flags::flag again = rollout_flag(all[5].name, 100);
  again.enabled = false;
  all.push_back(again);
  const flags::flag_set set(all);
  flags::context ctx;
  ctx.user_id = "u";
  for (int i = 0; i < 100; ++i) {
    const std::string& name = all[static_cast<std::size_t>(i)].name;
    ASSERT_NE(set.find(name), nullptr) << name;
    EXPECT_EQ(set.find(name)->name, name);
    EXPECT_EQ(set.is_enabled(name, ctx), i != 5) << name;
    EXPECT_EQ(set.find(name + "x"), nullptr);
  }
  EXPECT_EQ(set.find(all[5].name), &set.flags().back());
  EXPECT_EQ(set.find(""), nullptr);
  EXPECT_EQ(flags::flag_set().find("n0"), nullptr);
}

// IN_CIDR trims its ranges and the address with JavaScript's trim()
// (whitespace (a), Unicode): " 10.0.0.0/8\u00a0".trim() is "10.0.0.0/8".
// relkit trimmed ASCII spaces only before and so matched nothing here.
TEST(Flags, InCidrTrimsUnicodeSpaces) {
  flags::flag f = rollout_flag("f", 100);
  f.strategies[0].constraints.push_back(
      make_constraint("remoteAddress", flags::operator_kind::in_cidr, {" 10.0.0.0/8\u00a0"}));
  const flags::flag_set set({f});
  flags::context ctx;
  ctx.user_id = "u1";
  ctx.remote_address = "\u300010.1.2.3\u2028";
  EXPECT_TRUE(set.is_enabled("f", ctx));
  ctx.remote_address = "\u300011.1.2.3";
  EXPECT_FALSE(set.is_enabled("f", ctx));
}

TEST(Flags, ConstraintOperators) {
  using op = flags::operator_kind;
  flags::flag f = rollout_flag("f", 100);
  auto& constraints = f.strategies[0].constraints;
  auto starts = make_constraint("email", op::str_starts_with, {"ADMIN@"});
  starts.case_insensitive = true;
  constraints.push_back(starts);
  constraints.push_back(make_constraint("plan", op::not_in, {"free"}));
  constraints.push_back(make_constraint("seats", op::num_gte, {}, "10"));
  constraints.push_back(make_constraint("version", op::semver_gt, {}, "2.0.0-rc.1"));
  constraints.push_back(make_constraint("currentTime", op::date_after, {}, "2026-01-01T00:00:00Z"));
  auto inverted = make_constraint("remoteAddress", op::in_cidr, {"10.0.0.0/8"});
  inverted.inverted = true;
  constraints.push_back(inverted);
  constraints.push_back(make_constraint("country", op::regex, {}, "^(de|fr)$"));
  const flags::flag_set set({f});

  flags::context ctx;
  ctx.user_id = "u1";
  ctx.remote_address = "192.168.1.1";
  ctx.now = relkit::time_point(std::chrono::hours(24 * 20600));  // 2026-05
  ctx.properties = {{"email", "Admin@example.com"},
                    {"plan", "pro"},
                    {"seats", " 12 "},
                    {"version", "2.0.0"},
                    {"country", "de"}};
  EXPECT_TRUE(set.is_enabled("f", ctx));

  auto expect_fails = [&](flags::context c, int index) {
    const auto e = set.evaluate("f", c);
    EXPECT_FALSE(e.enabled);
    EXPECT_EQ(e.reason, flags::evaluation_reason::no_strategy_matched);
    EXPECT_EQ(e.failed_constraint, index);
  };
  auto c = ctx;
  c.properties[0].value = "user@example.com";
  expect_fails(c, 0);
  c = ctx;
  c.properties[1].value = "free";
  expect_fails(c, 1);
  c = ctx;
  c.properties[2].value = "9.5";
  expect_fails(c, 2);
  c = ctx;
  c.properties[2].value = "ten";
  expect_fails(c, 2);
  c = ctx;
  c.properties[3].value = "2.0.0-rc.1";
  expect_fails(c, 3);
  c = ctx;
  c.properties[3].value = "v2.1.0";  // not SemVer 2.0.0
  expect_fails(c, 3);
  c = ctx;
  c.now = relkit::time_point(std::chrono::hours(24 * 20000));  // 2024-10
  expect_fails(c, 4);
  c = ctx;
  c.now.reset();  // no time at all: DATE_* is false
  expect_fails(c, 4);
  c = ctx;
  c.remote_address = "10.1.2.3";
  expect_fails(c, 5);
  c = ctx;
  c.properties[4].value = "dk";
  expect_fails(c, 6);
}

TEST(Flags, UnknownOperatorIsFalseEvenInverted) {
  flags::flag f = rollout_flag("f", 100);
  auto c = make_constraint("userId", flags::operator_kind::unknown, {"x"});
  c.inverted = true;
  f.strategies[0].constraints.push_back(c);
  const flags::flag_set set({f});
  flags::context ctx;
  ctx.user_id = "y";
  EXPECT_FALSE(set.is_enabled("f", ctx));
  EXPECT_EQ(flags::parse_wire_operator_kind("SEMVER_GT"), flags::operator_kind::semver_gt);
  EXPECT_EQ(flags::wire_name(flags::operator_kind::str_ends_with), "STR_ENDS_WITH");
  EXPECT_EQ(flags::to_string(flags::operator_kind::str_ends_with), "str_ends_with");
  EXPECT_EQ(flags::parse_wire_operator_kind("NOPE"), std::nullopt);
}

TEST(Flags, SegmentsAndMissingSegments) {
  flags::segment beta{7, "beta", {make_constraint("userId", flags::operator_kind::in, {"a", "b"})}};
  flags::flag f = rollout_flag("f", 100);
  f.strategies[0].segments = {7};
  flags::flag g = rollout_flag("g", 100);
  g.strategies[0].segments = {404};
  flags::flag_set set({f, g}, {beta});
  flags::context ctx;
  ctx.user_id = "a";
  EXPECT_TRUE(set.is_enabled("f", ctx));
  EXPECT_FALSE(set.is_enabled("g", ctx));  // unknown segment: off
  ctx.user_id = "c";
  EXPECT_FALSE(set.is_enabled("f", ctx));
  set.remove_segment(7);
  ctx.user_id = "a";
  EXPECT_FALSE(set.is_enabled("f", ctx));
  set.upsert(beta);
  EXPECT_TRUE(set.is_enabled("f", ctx));
  // Copies are independent and still evaluate (compiled state is rebuilt).
  const flags::flag_set copy = set;
  set.remove_flag("f");
  EXPECT_TRUE(copy.is_enabled("f", ctx));
  EXPECT_FALSE(set.is_enabled("f", ctx));
}

TEST(Flags, VariantsOverridesAndPayloads) {
  flags::flag f;
  f.name = "Feature.Variants.C";
  f.enabled = true;
  for (const char* name : {"variant1", "variant2", "variant3"}) {
    flags::variant v;
    v.name = name;
    v.weight = 33;
    v.payload = flags::variant_payload{"string", std::string("p-") + name};
    f.variants.push_back(v);
  }
  f.variants[2].overrides.push_back({"userId", {"vip"}});
  const flags::flag_set set({f});
  flags::context ctx;
  ctx.user_id = "232";  // target 18
  auto v = set.get_variant("Feature.Variants.C", ctx);
  EXPECT_EQ(v.name, "variant1");
  EXPECT_TRUE(v.enabled);
  EXPECT_TRUE(v.feature_enabled);
  ASSERT_NE(v.payload, nullptr);
  EXPECT_EQ(v.payload->value, "p-variant1");
  EXPECT_EQ(v.source, flags::variant_source::flag_variant);
  ctx.user_id = "607";  // target 58
  EXPECT_EQ(set.get_variant("Feature.Variants.C", ctx).name, "variant2");
  ctx.user_id = "vip";
  v = set.get_variant("Feature.Variants.C", ctx);
  EXPECT_EQ(v.name, "variant3");
  EXPECT_EQ(v.source, flags::variant_source::override_match);
  v = set.get_variant("missing", ctx);
  EXPECT_EQ(v.name, "disabled");
  EXPECT_FALSE(v.enabled);
  EXPECT_FALSE(v.feature_enabled);
}

TEST(Flags, DependentFlags) {
  flags::flag parent = rollout_flag("parent", 100);
  flags::flag child = rollout_flag("child", 100);
  child.dependencies.push_back({"parent", true, {}});
  flags::flag needs_off = rollout_flag("needs-off", 100);
  needs_off.dependencies.push_back({"parent", false, {}});
  flags::flag orphan = rollout_flag("orphan", 100);
  orphan.dependencies.push_back({"ghost", true, {}});
  flags::flag grandchild = rollout_flag("grandchild", 100);
  grandchild.dependencies.push_back({"child", true, {}});  // two levels: not allowed
  flags::flag_set set({parent, child, needs_off, orphan, grandchild});
  flags::context ctx;
  ctx.user_id = "1";
  EXPECT_TRUE(set.is_enabled("child", ctx));
  EXPECT_FALSE(set.is_enabled("needs-off", ctx));
  const auto e = set.evaluate("orphan", ctx);
  EXPECT_EQ(e.reason, flags::evaluation_reason::dependency_failed);
  EXPECT_EQ(e.dependency, 0);
  EXPECT_EQ(flags::render(*set.find("orphan"), e),
            "orphan is off: dependency on 'ghost' not satisfied");
  EXPECT_FALSE(set.is_enabled("grandchild", ctx));
  parent.enabled = false;
  set.upsert(parent);
  EXPECT_FALSE(set.is_enabled("child", ctx));
  EXPECT_TRUE(set.is_enabled("needs-off", ctx));
}

TEST(Flags, StaleReport) {
  const auto day = std::chrono::hours(24);
  const flags::time_point now{std::chrono::hours(24 * 20000)};
  std::vector<flags::flag> all(6);
  all[0].name = "release-41d";
  all[0].meta.created = now - 41 * day;
  all[1].name = "release-39d";
  all[1].meta.created = now - 39 * day;
  all[2].name = "ops-10d";
  all[2].meta.type = flags::flag_type::operational;
  all[2].meta.created = now - 10 * day;
  all[3].name = "kill-500d";
  all[3].meta.type = flags::flag_type::kill_switch;
  all[3].meta.created = now - 500 * day;
  all[4].name = "marked";
  all[4].meta.marked_stale = true;
  all[5].name = "expired";
  all[5].meta.type = flags::flag_type::permission;
  all[5].meta.expires = now - 2 * day;
  const auto report = flags::stale_report(all, now);
  ASSERT_EQ(report.size(), 4U);
  EXPECT_EQ(report[0].flag, "release-41d");
  EXPECT_EQ(report[0].reason, flags::stale_reason::past_expected_lifetime);
  EXPECT_EQ(report[0].days_overdue, 1);
  EXPECT_EQ(report[1].flag, "ops-10d");
  EXPECT_EQ(report[1].days_overdue, 3);
  EXPECT_EQ(report[2].flag, "marked");
  EXPECT_EQ(report[2].reason, flags::stale_reason::marked_stale);
  EXPECT_EQ(report[3].flag, "expired");
  EXPECT_EQ(report[3].reason, flags::stale_reason::past_expiry);
  EXPECT_EQ(report[3].days_overdue, 2);
  EXPECT_EQ(flags::expected_lifetime_days(flags::flag_type::experiment), 40);
  EXPECT_EQ(flags::expected_lifetime_days(flags::flag_type::permission), std::nullopt);
  EXPECT_EQ(flags::parse_wire_flag_type("kill-switch"), flags::flag_type::kill_switch);
  EXPECT_EQ(flags::wire_name(flags::flag_type::kill_switch), "kill-switch");
  EXPECT_EQ(flags::to_string(flags::flag_type::kill_switch), "kill_switch");
  EXPECT_EQ(flags::parse_flag_type("kill_switch"), flags::flag_type::kill_switch);
  EXPECT_EQ(flags::display_name(flags::stale_reason::past_expiry), "past expiry");
}

// Issue 14, item 9: a value outside an enum printed a valid name
// (to_string(flag_type) said "release") or read past the end of an array
// (to_string(operator_kind)). Every enum now has one table: to_string gives a
// stable identifier that its parse reads back, and "unknown" for strays.
template <class Enum, class Parse>
void expect_round_trip(std::initializer_list<Enum> all, Parse parse) {
  for (Enum e : all) {
    EXPECT_EQ(parse(flags::to_string(e)), e) << flags::to_string(e);
  }
  const auto stray = static_cast<Enum>(200);
  EXPECT_EQ(flags::to_string(stray), "unknown");
  EXPECT_EQ(parse("no_such_name"), std::nullopt);
}

TEST(Flags, EnumTablesRoundTripAndStraysPrintUnknown) {
  using ok = flags::operator_kind;
  expect_round_trip<ok>(
      {ok::in,         ok::not_in,      ok::str_contains, ok::str_starts_with, ok::str_ends_with,
       ok::num_eq,     ok::num_gt,      ok::num_gte,      ok::num_lt,          ok::num_lte,
       ok::date_after, ok::date_before, ok::semver_eq,    ok::semver_gt,       ok::semver_gte,
       ok::semver_lt,  ok::semver_lte,  ok::regex,        ok::in_cidr,         ok::unknown},
      [](std::string_view s) { return flags::parse_operator_kind(s); });
  using sk = flags::strategy_kind;
  expect_round_trip<sk>(
      {sk::default_on, sk::user_with_id, sk::flexible_rollout, sk::gradual_rollout_user_id,
       sk::gradual_rollout_session_id, sk::gradual_rollout_random, sk::remote_address,
       sk::application_hostname, sk::unknown},
      [](std::string_view s) { return flags::parse_strategy_kind(s); });
  using ft = flags::flag_type;
  expect_round_trip<ft>(
      {ft::release, ft::experiment, ft::operational, ft::kill_switch, ft::permission},
      [](std::string_view s) { return flags::parse_flag_type(s); });
  using er = flags::evaluation_reason;
  expect_round_trip<er>({er::unknown_flag, er::disabled, er::dependency_failed, er::no_strategies,
                         er::strategy_matched, er::no_strategy_matched},
                        [](std::string_view s) { return flags::parse_evaluation_reason(s); });
  using vs = flags::variant_source;
  expect_round_trip<vs>({vs::none, vs::override_match, vs::strategy_variant, vs::flag_variant},
                        [](std::string_view s) { return flags::parse_variant_source(s); });
  using sr = flags::stale_reason;
  expect_round_trip<sr>({sr::marked_stale, sr::past_expected_lifetime, sr::past_expiry},
                        [](std::string_view s) { return flags::parse_stale_reason(s); });

  // Wire names (Unleash's) round-trip through their own parse; strays and
  // operator_kind::unknown have none.
  for (std::uint8_t i = 0; i < 19; ++i) {
    const auto op = static_cast<ok>(i);
    EXPECT_EQ(flags::parse_wire_operator_kind(flags::wire_name(op)), op) << i;
  }
  EXPECT_EQ(flags::wire_name(ok::unknown), "unknown");
  EXPECT_EQ(flags::wire_name(static_cast<ok>(200)), "unknown");
  EXPECT_EQ(flags::wire_name(sk::flexible_rollout), "flexibleRollout");
  EXPECT_EQ(flags::parse_wire_strategy_kind("gradualRolloutRandom"), sk::gradual_rollout_random);
  EXPECT_EQ(flags::parse_wire_strategy_kind("custom"), std::nullopt);
  EXPECT_EQ(flags::wire_name(static_cast<ft>(200)), "unknown");
  EXPECT_EQ(flags::display_name(static_cast<sr>(200)), "unknown");
}

}  // namespace
