// Flag evaluation on the request path: raw hashes, Unleash is_enabled and
// get_variant from a parsed payload, GrowthBook hash v2. Allocations per
// evaluation are counted with a replaced global operator new and reported as
// the `allocs/op` counter (must be 0 for is_enabled).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "relkit/flags.hpp"
#include "relkit/flags/detail/hash.hpp"
#include "relkit/unleash.hpp"
#include "support/allocation_counter.hpp"

namespace {

namespace flags = relkit::flags;

std::vector<std::string> make_users(std::size_t n) {
  std::vector<std::string> users;
  for (std::size_t i = 0; i < n; ++i) {
    users.push_back("3f1c2a9e-7b4d-4e8a-9c01-" + std::to_string(100000000000 + i * 7919));
  }
  return users;
}

// A payload of `count` flags (64 unless told); the benchmarked one is a 50%
// flexibleRollout with one IN constraint, like the Node SDK measurement in
// research/flags.md.
std::string make_payload(int count = 64) {
  std::string json = R"({"version":2,"features":[)";
  for (int i = 0; i < count; ++i) {
    if (i > 0) json += ',';
    json +=
        R"({"name":"flag-)" + std::to_string(i) +
        R"(","enabled":true,"strategies":[{"name":"flexibleRollout","parameters":{"rollout":"50","stickiness":"default","groupId":"flag-)" +
        std::to_string(i) +
        R"("},"constraints":[{"contextName":"environment","operator":"IN","values":["staging","production"]}]}],"variants":[{"name":"red","weight":500,"stickiness":"default"},{"name":"green","weight":300,"stickiness":"default"},{"name":"blue","weight":200,"stickiness":"default"}]})";
  }
  json += "]}";
  return json;
}

void BM_Murmur3_41ByteKey(benchmark::State& state) {
  const std::string key = "new-checkout:3f1c2a9e-7b4d-4e8a-9c01-55aa";  // 41 bytes
  std::uint32_t seed = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(relkit::flags::detail::murmur3::hash(key, seed));
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(key.size()));
}
BENCHMARK(BM_Murmur3_41ByteKey);

void BM_UnleashBucket(benchmark::State& state) {
  const auto users = make_users(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(flags::unleash_bucket("new-checkout", users[i++ & 4095U]));
  }
}
BENCHMARK(BM_UnleashBucket);

template <class F>
void run_counting_allocations(benchmark::State& state, F&& evaluate) {
  const std::size_t before = relkit_bench::allocation_count.load();
  for (auto _ : state) evaluate();
  state.counters["allocs/op"] = relkit_bench::allocations_per_iteration(state, before);
}

void BM_UnleashIsEnabled_FlexibleRolloutOneConstraint(benchmark::State& state) {
  const auto set = relkit::unleash::load(make_payload()).value();
  const auto users = make_users(4096);
  std::vector<flags::context> contexts(users.size());
  for (std::size_t k = 0; k < users.size(); ++k) {
    contexts[k].user_id = users[k];
    contexts[k].environment = "production";
    contexts[k].app_name = "checkout-service";
  }
  std::size_t i = 0;
  run_counting_allocations(state, [&] {
    benchmark::DoNotOptimize(relkit::unleash::is_enabled(set, "flag-42", contexts[i++ & 4095U]));
  });
}
BENCHMARK(BM_UnleashIsEnabled_FlexibleRolloutOneConstraint);

void BM_UnleashIsEnabled_UnknownFlag(benchmark::State& state) {
  const auto set = relkit::unleash::load(make_payload()).value();
  flags::context ctx;
  ctx.user_id = "u";
  run_counting_allocations(state, [&] {
    benchmark::DoNotOptimize(relkit::unleash::is_enabled(set, "no-such-flag", ctx));
  });
}
BENCHMARK(BM_UnleashIsEnabled_UnknownFlag);

void BM_UnleashGetVariant(benchmark::State& state) {
  const auto set = relkit::unleash::load(make_payload()).value();
  const auto users = make_users(4096);
  std::vector<flags::context> contexts(users.size());
  for (std::size_t k = 0; k < users.size(); ++k) {
    contexts[k].user_id = users[k];
    contexts[k].environment = "production";
  }
  std::size_t i = 0;
  run_counting_allocations(state, [&] {
    benchmark::DoNotOptimize(relkit::unleash::get_variant(set, "flag-42", contexts[i++ & 4095U]));
  });
}
BENCHMARK(BM_UnleashGetVariant);

// Loading a payload of 10,000 such flags (4.2 MB, issue 18's payload row):
// the text read into a flag set, as unleash-client's JSON.parse + name map.
void BM_UnleashLoad10kFlags(benchmark::State& state) {
  const std::string payload = make_payload(10000);
  run_counting_allocations(state, [&] {
    auto set = relkit::unleash::load(payload);
    benchmark::DoNotOptimize(set);
  });
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(payload.size()));
}
BENCHMARK(BM_UnleashLoad10kFlags)->Unit(benchmark::kMillisecond);

void BM_GrowthBookHashV2(benchmark::State& state) {
  const auto users = make_users(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        flags::growthbook_hash("pricing-page-experiment", users[i++ & 4095U], 2));
  }
}
BENCHMARK(BM_GrowthBookHashV2);

void BM_LaunchDarklyBucket(benchmark::State& state) {
  const auto users = make_users(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto h = flags::launchdarkly_hash("onboarding.tour", "2387d035b47243306ee448a6d1a9952d",
                                            users[i++ & 4095U]);
    benchmark::DoNotOptimize(flags::launchdarkly_bucket100k(h));
  }
}
BENCHMARK(BM_LaunchDarklyBucket);

}  // namespace
