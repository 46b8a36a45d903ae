#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include <relkit/relkit.hpp>

namespace {

namespace flags = relkit::flags;

TEST(FlagsBucketing, UnleashPublishedExamples) {
  EXPECT_EQ(flags::unleash_bucket("gr1", "123"), 73U);
  EXPECT_EQ(flags::unleash_bucket("groupX", "999"), 25U);
  EXPECT_EQ(flags::unleash_bucket("Feature.flexibleRollout.10", "174"), 10U);
  EXPECT_EQ(flags::unleash_bucket("Feature.flexibleRollout.10", "499"), 32U);
  EXPECT_EQ(flags::unleash_variant_bucket("gr1", "123", 1000), 796U);
  EXPECT_EQ(flags::unleash_variant_bucket("Feature.Variants.C", "232", 99), 18U);
  EXPECT_TRUE(flags::unleash_in_rollout(10, "Feature.flexibleRollout.10", "174"));
  EXPECT_FALSE(flags::unleash_in_rollout(9, "Feature.flexibleRollout.10", "174"));
  EXPECT_FALSE(flags::unleash_in_rollout(0, "g", "anyone"));
  EXPECT_EQ(flags::unleash_normalized("g", "x", 0, 0), 0U);
  static_assert(flags::unleash_bucket("gr1", "123") == 73U, "constexpr");
  const std::vector<int> weights{33, 0, 33, 33};
  EXPECT_EQ(flags::unleash_select_variant(33, weights), 0);
  EXPECT_EQ(flags::unleash_select_variant(34, weights), 2);
  EXPECT_EQ(flags::unleash_select_variant(99, weights), 3);
  EXPECT_EQ(flags::unleash_select_variant(100, weights), -1);
}

TEST(FlagsBucketing, OtherSystemsPublishedExamples) {
  EXPECT_EQ(flags::growthbook_hash("seed", "a", 2), 0.0505);
  EXPECT_EQ(flags::growthbook_hash("abc", "def", 99), std::nullopt);
  EXPECT_FALSE(flags::growthbook_in_namespace("1", {"namespace1", 0, 0.4}));
  const auto h = flags::launchdarkly_hash("hashKey", "saltyA", "userKeyA");
  EXPECT_EQ(h, 0x6bec658111d6ad9ULL);
  EXPECT_NEAR(flags::launchdarkly_bucket(h), 0.42157587, 1e-8);
  EXPECT_EQ(flags::launchdarkly_bucket100k(flags::launchdarkly_scale), 100000U);
  EXPECT_EQ(flags::launchdarkly_bucket100k(0), 0U);
  EXPECT_NEAR(flags::launchdarkly_bucket(flags::launchdarkly_hash_seeded(61, "userKeyA")),
              0.09801207, 1e-8);
  // flagd testbed: "fractional-flag" + "jack".
  const std::uint32_t jack = flags::flagd_hash("fractional-flag", "jack");
  EXPECT_EQ(jack, 2682799072U);
  const std::vector<int> quarters{25, 25, 25, 25};
  EXPECT_EQ(flags::flagd_bucket_v2(jack, 100), 62U);
  EXPECT_EQ(flags::flagd_fractional_v2(jack, quarters), 2);  // hearts
  EXPECT_EQ(flags::flagd_fractional_v1(jack, quarters), 3);  // spades
  EXPECT_EQ(flags::flagd_fractional_v2(jack, std::vector<int>{0, -5}), -1);
  EXPECT_EQ(flags::flipt_variant_bucket("foo", "1"), 244U);
  EXPECT_EQ(flags::flipt_boolean_bucket("test-entity", "test-flag"), 65U);
  EXPECT_NEAR(flags::flagsmith_percentage_of("78986,32103705"), 83.18, 0.01);
}

// Raising a percentage only adds users, never removes one.
TEST(FlagsBucketing, RolloutsAreMonotonic) {
  for (int u = 0; u < 2000; ++u) {
    const std::string id = "user-" + std::to_string(u * 7919);
    bool was_in = false;
    for (std::uint32_t pct = 0; pct <= 100; ++pct) {
      const bool in = flags::unleash_in_rollout(pct, "checkout", id);
      ASSERT_FALSE(was_in && !in) << id << " left at " << pct;
      was_in = in;
    }
    ASSERT_TRUE(was_in);
    // GrowthBook coverage ramp: ranges start where they started.
    const double n = *flags::growthbook_hash("exp", id, 1);
    int before = -1;
    for (int c = 0; c <= 100; ++c) {
      const auto ranges = flags::growthbook_bucket_ranges(2, c / 100.0, nullptr);
      const int v = flags::growthbook_choose_variation(n, ranges);
      ASSERT_TRUE(before == -1 || v == before) << id;
      before = v;
    }
  }
}

// Issue 14, item 9: every floating-point -> integer conversion is range
// checked. Floating-point weights that are NaN, negative or beyond 2^64, and
// Flipt rollouts that are all zero (0/0 boundaries), used to be converted with
// a bare static_cast: undefined behaviour (UBSan float-cast-overflow).
TEST(FlagsBucketing, FloatingPointInputsConvertWithoutUndefinedBehaviour) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> wild = {nan, -5.0, 1e300};
  EXPECT_EQ(flags::unleash_select_variant(1, wild), 2);  // NaN and -5 weigh 0; 1e300 saturates
  EXPECT_EQ(flags::launchdarkly_rollout_index(99999, wild), 2);
  EXPECT_EQ(flags::flagd_fractional_v2(0x80000000U, std::vector<double>{nan, 1e300}), -1);
  EXPECT_EQ(flags::flagd_fractional_v2(0x80000000U, std::vector<double>{nan, 3.0}), 1);
  const std::vector<float> zeros = {0.0F, 0.0F};
  EXPECT_EQ(flags::flipt_variant_index(0, zeros, flags::flipt_rounding::truncate_go_server), 1);
  EXPECT_EQ(flags::flipt_variant_index(999, zeros, flags::flipt_rounding::round_rust_client), 1);
}

}  // namespace
