#pragma once
// Bucketing of the flag systems relkit agrees with, one function per system,
// integer arithmetic wherever the reference allows it. Public API of
// relkit::flags (included by relkit/flags.hpp); kept in its own header so the
// flag model stays readable. Byte rules: UTF-8 everywhere except GrowthBook
// (UTF-16 code units, as JavaScript) and Unleash's Node SDK (low byte of each
// UTF-16 code unit, selectable).

#include "relkit/detail/prologue.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/flags/detail/hash.hpp"
#include "relkit/flags/detail/weights.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// ---------------------------------------------------------------------------
// Unleash

// Seed of variant bucketing since client-specification 5 (Oct 2023); strategy
// rollouts hash with seed 0.
inline constexpr std::uint32_t unleash_variant_seed = 86028157U;

// Which bytes of the key are hashed. Yggdrasil (Rust), Go, Java, .NET, Python
// and Ruby hash UTF-8; the Node SDK (murmurhash3js) hashes the low byte of each
// UTF-16 code unit. The two agree on ASCII only.
enum class unleash_encoding : std::uint8_t { utf8, node_low_bytes };

// murmur3_x86_32("<group_id>:<id>", seed).
[[nodiscard]] constexpr std::uint32_t unleash_hash(
    std::string_view group_id, std::string_view id, std::uint32_t seed,
    unleash_encoding encoding = unleash_encoding::utf8) noexcept {
  if (encoding == unleash_encoding::utf8)
    return detail::murmur3::hash_joined(group_id, ':', id, seed);
  detail::murmur3::hasher h(seed);
  std::uint32_t unit = 0;
  detail::utf16_units group_units(group_id);
  while (group_units.next(unit)) h.update_byte(unit & 0xFFU);
  h.update_byte(0x3AU);
  detail::utf16_units id_units(id);
  while (id_units.next(unit)) h.update_byte(unit & 0xFFU);
  return h.finish();
}

// murmur3("<group_id>:<id>", seed) % modulus + 1, in [1, modulus]; 0 when
// modulus is 0 (no bucket).
[[nodiscard]] constexpr std::uint32_t unleash_normalized(
    std::string_view group_id, std::string_view id, std::uint32_t modulus, std::uint32_t seed,
    unleash_encoding encoding = unleash_encoding::utf8) noexcept {
  if (modulus == 0) return 0;
  return unleash_hash(group_id, id, seed, encoding) % modulus + 1U;
}

// A strategy's percentage bucket, 1..100 (normalizedStrategyValue).
[[nodiscard]] constexpr std::uint32_t unleash_bucket(
    std::string_view group_id, std::string_view id,
    unleash_encoding encoding = unleash_encoding::utf8) noexcept {
  return unleash_normalized(group_id, id, 100, 0, encoding);
}

// A variant's target, 1..total_weight (normalizedVariantValue).
[[nodiscard]] constexpr std::uint32_t unleash_variant_bucket(
    std::string_view group_id, std::string_view id, std::uint32_t total_weight,
    unleash_encoding encoding = unleash_encoding::utf8) noexcept {
  return unleash_normalized(group_id, id, total_weight, unleash_variant_seed, encoding);
}

// Whether `id` is inside a `percentage` rollout of `group_id`: buckets
// 1..percentage are in, so raising the percentage only adds ids.
[[nodiscard]] constexpr bool unleash_in_rollout(
    std::uint32_t percentage, std::string_view group_id, std::string_view id,
    unleash_encoding encoding = unleash_encoding::utf8) noexcept {
  return percentage > 0 && unleash_bucket(group_id, id, encoding) <= percentage;
}

// Index of the variant a 1-based `target` falls in: walk the weights, skip
// zero weights, first with cumulative weight >= target; -1 past the end.
template <class Weights>
[[nodiscard]] constexpr int unleash_select_variant(std::uint32_t target,
                                                   const Weights& weights) noexcept {
  std::uint64_t cumulative = 0;
  int index = 0;
  for (const auto& w : weights) {
    const std::uint64_t weight = detail::weight_units(w);
    if (weight != 0) {
      cumulative += weight;
      if (cumulative >= target) return index;
    }
    ++index;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// GrowthBook

// FNV-1a 32 over the UTF-16 code units of a + b.
[[nodiscard]] constexpr std::uint32_t growthbook_fnv(std::string_view a,
                                                     std::string_view b = {}) noexcept {
  detail::fnv1a_32_utf16 h;
  h.update(a);
  h.update(b);
  return h.finish();
}

// The integer behind growthbook_hash: v1 in [0, 1000), v2 in [0, 10000);
// nullopt for other versions.
[[nodiscard]] constexpr std::optional<std::uint32_t> growthbook_hash_units(std::string_view seed,
                                                                           std::string_view value,
                                                                           int version) noexcept {
  if (version == 1) return growthbook_fnv(value, seed) % 1000U;
  if (version == 2) {
    // The inner hash as an unsigned decimal string, as JS String(n) writes it.
    std::uint32_t inner = growthbook_fnv(seed, value);
    std::array<char, 10> digits{};
    std::size_t n = 0;
    do {
      digits[n++] = static_cast<char>('0' + inner % 10U);
      inner /= 10U;
    } while (inner != 0);
    detail::fnv1a_32_utf16 h;
    while (n > 0) h.update_unit(static_cast<std::uint32_t>(digits[--n]));
    return h.finish() % 10000U;
  }
  return std::nullopt;
}

// hash(seed, value, version): v1 = (fnv(value + seed) % 1000) / 1000,
// v2 = (fnv(String(fnv(seed + value))) % 10000) / 10000; nullopt for other
// versions (not included). Division as JavaScript does it, so == holds.
[[nodiscard]] constexpr std::optional<double> growthbook_hash(std::string_view seed,
                                                              std::string_view value,
                                                              int version) noexcept {
  const auto units = growthbook_hash_units(seed, value, version);
  if (!units) return std::nullopt;
  return static_cast<double>(*units) / (version == 1 ? 1000.0 : 10000.0);
}

struct bucket_range {
  double start = 0.0;
  double end = 0.0;
  friend constexpr bool operator==(const bucket_range& a, const bucket_range& b) noexcept {
    return a.start == b.start && a.end == b.end;
  }
  friend constexpr bool operator!=(const bucket_range& a, const bucket_range& b) noexcept {
    return !(a == b);
  }
};

// getEqualWeights: n times 1/n; empty for n <= 0.
template <class Unused = void>
[[nodiscard]] std::vector<double> growthbook_equal_weights(int n) {
  if (n <= 0) return {};
  return std::vector<double>(static_cast<std::size_t>(n), 1.0 / n);
}

// getBucketRanges: coverage clamped to [0, 1]; weights of the wrong length or
// summing outside [0.99, 1.01] replaced by equal weights; range i =
// [cum_i, cum_i + coverage * w_i). Starts do not depend on coverage, so
// raising coverage only adds users.
template <class Unused = void>
[[nodiscard]] std::vector<bucket_range> growthbook_bucket_ranges(
    int num_variations, double coverage, const std::vector<double>* weights) {
  if (!(coverage >= 0.0)) coverage = 0.0;  // also NaN, as `coverage < 0` is false for it
  if (coverage > 1.0) coverage = 1.0;
  std::vector<double> w = weights != nullptr ? *weights : growthbook_equal_weights(num_variations);
  if (num_variations < 0 || w.size() != static_cast<std::size_t>(num_variations)) {
    w = growthbook_equal_weights(num_variations);
  }
  double total = 0.0;
  for (double x : w) total += x;
  if (total < 0.99 || total > 1.01) w = growthbook_equal_weights(num_variations);
  std::vector<bucket_range> ranges;
  ranges.reserve(w.size());
  double cumulative = 0.0;
  for (double x : w) {
    const double start = cumulative;
    cumulative += x;
    ranges.push_back(bucket_range{start, start + coverage * x});
  }
  return ranges;
}

// chooseVariation: the first range with start <= n < end, else -1.
template <class Ranges>
[[nodiscard]] constexpr int growthbook_choose_variation(double n, const Ranges& ranges) noexcept {
  int index = 0;
  for (const bucket_range& r : ranges) {
    if (n >= r.start && n < r.end) return index;
    ++index;
  }
  return -1;
}

struct growthbook_namespace {
  std::string_view id;
  double start = 0.0;
  double end = 1.0;
};

// inNamespace: hash("__" + id, hash_value, 1) in [start, end).
[[nodiscard]] constexpr bool growthbook_in_namespace(std::string_view hash_value,
                                                     const growthbook_namespace& ns) noexcept {
  detail::fnv1a_32_utf16 h;
  h.update(hash_value);
  h.update("__");
  h.update(ns.id);
  const double n = static_cast<double>(h.finish() % 1000U) / 1000.0;
  return n >= ns.start && n < ns.end;
}

// ---------------------------------------------------------------------------
// LaunchDarkly

// 2^60 - 1: the divisor of the 15-hex-digit (60-bit) hash prefix.
inline constexpr std::uint64_t launchdarkly_scale = 0xFFFFFFFFFFFFFFFULL;

// The first 15 hex digits of sha1(input) as an integer (60 bits).
[[nodiscard]] constexpr std::uint64_t launchdarkly_hash_prefix(
    const detail::sha1_digest& d) noexcept {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < 8; ++i) h = (h << 8U) | d[i];
  return h >> 4U;  // 64 bits read, keep the first 60
}

// sha1 prefix of "<flag_key>.<salt>.<value>" (UTF-8).
[[nodiscard]] constexpr std::uint64_t launchdarkly_hash(std::string_view flag_key,
                                                        std::string_view salt,
                                                        std::string_view value) noexcept {
  detail::sha1_hasher h;
  h.update(flag_key);
  h.update(".");
  h.update(salt);
  h.update(".");
  h.update(value);
  return launchdarkly_hash_prefix(h.finish());
}

// sha1 prefix of "<seed>.<value>" (rollouts and experiments with a seed).
[[nodiscard]] constexpr std::uint64_t launchdarkly_hash_seeded(std::int64_t seed,
                                                               std::string_view value) noexcept {
  std::array<char, 21> digits{};
  std::size_t n = 0;
  const bool negative = seed < 0;
  std::uint64_t magnitude =
      negative ? 0U - static_cast<std::uint64_t>(seed) : static_cast<std::uint64_t>(seed);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10U);
    magnitude /= 10U;
  } while (magnitude != 0);
  detail::sha1_hasher h;
  if (negative) h.update("-");
  while (n > 0) {
    const char c = digits[--n];
    h.update(std::string_view(&c, 1));
  }
  h.update(".");
  h.update(value);
  return launchdarkly_hash_prefix(h.finish());
}

// The bucket as the JavaScript SDK computes it: h / (2^60 - 1) in double
// (the divisor rounds to 2^60).
[[nodiscard]] constexpr double launchdarkly_bucket(std::uint64_t hash) noexcept {
  return static_cast<double>(hash) / static_cast<double>(launchdarkly_scale);
}

// The bucket as the Go SDK computes it, in float32.
[[nodiscard]] constexpr float launchdarkly_bucket_f32(std::uint64_t hash) noexcept {
  return static_cast<float>(hash) / static_cast<float>(launchdarkly_scale);
}

// floor(h * 100000 / (2^60 - 1)) exactly, in [0, 100000]: the bucket in the
// weight units of a rollout (sdk-test-harness' form), compared with integer
// weight sums.
[[nodiscard]] constexpr std::uint32_t launchdarkly_bucket100k(std::uint64_t hash) noexcept {
  // x = hash * 100000 as C * 2^32 + low, then divide by 2^60 - 1 using
  // x = q * 2^60 + r  =>  x = q * (2^60 - 1) + (q + r).
  const std::uint64_t hi = hash >> 32U;
  const std::uint64_t lo = hash & 0xFFFFFFFFULL;
  const std::uint64_t a = hi * 100000U;
  const std::uint64_t b = lo * 100000U;
  const std::uint64_t c = a + (b >> 32U);
  const std::uint64_t low = b & 0xFFFFFFFFULL;
  const std::uint64_t q = c >> 28U;
  const std::uint64_t r = ((c & 0xFFFFFFFULL) << 32U) | low;
  return static_cast<std::uint32_t>(q + (q + r) / launchdarkly_scale);
}

// A rollout over weights in 1/100000 units: the first variation whose
// cumulative weight exceeds the bucket; past the end (weights summing below
// 100000) the last one, as the SDKs do. -1 for no weights.
template <class Weights>
[[nodiscard]] constexpr int launchdarkly_rollout_index(std::uint32_t bucket100k,
                                                       const Weights& weights) noexcept {
  std::uint64_t cumulative = 0;
  int index = 0;
  int last = -1;
  for (const auto& w : weights) {
    cumulative += detail::weight_units(w);
    if (bucket100k < cumulative) return index;
    last = index;
    ++index;
  }
  return last;
}

// ---------------------------------------------------------------------------
// flagd / OpenFeature `fractional`

// The hash input when no bucketBy string is given: flag key + targeting key.
[[nodiscard]] constexpr std::uint32_t flagd_hash(std::string_view flag_key,
                                                 std::string_view targeting_key) noexcept {
  detail::murmur3::hasher h(0);
  h.update(flag_key);
  h.update(targeting_key);
  return h.finish();
}

// v2 (flagd PR #1909): (h * total) >> 32, in [0, total).
[[nodiscard]] constexpr std::uint32_t flagd_bucket_v2(std::uint32_t hash,
                                                      std::uint32_t total_weight) noexcept {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(hash) * total_weight) >> 32U);
}

// v2 selection: integer weights (negative ones count as 0, as flagd clamps);
// first variant with bucket < cumulative weight; -1 if the weights sum to 0.
template <class Weights>
[[nodiscard]] constexpr int flagd_fractional_v2(std::uint32_t hash,
                                                const Weights& weights) noexcept {
  std::uint64_t total = 0;
  for (const auto& w : weights) total += w > 0 ? detail::weight_units(w) : 0U;
  if (total == 0 || total > 0x7FFFFFFFU) return -1;
  const std::uint32_t bucket = flagd_bucket_v2(hash, static_cast<std::uint32_t>(total));
  std::uint64_t cumulative = 0;
  int index = 0;
  for (const auto& w : weights) {
    cumulative += w > 0 ? detail::weight_units(w) : 0U;
    if (bucket < cumulative) return index;
    ++index;
  }
  return -1;
}

// v1 (legacy): |int32(h)| / (2^31 - 1) * 100, a float in [0, 100].
[[nodiscard]] constexpr double flagd_bucket_v1(std::uint32_t hash) noexcept {
  const std::int64_t signed_hash = hash >= 0x80000000U
                                       ? static_cast<std::int64_t>(hash) - 0x100000000LL
                                       : static_cast<std::int64_t>(hash);
  const std::int64_t magnitude = signed_hash < 0 ? -signed_hash : signed_hash;
  return static_cast<double>(magnitude) / 2147483647.0 * 100.0;
}

// v1 selection: first variant with bucket < sum of 100 * w / total.
template <class Weights>
[[nodiscard]] constexpr int flagd_fractional_v1(std::uint32_t hash,
                                                const Weights& weights) noexcept {
  double total = 0.0;
  for (const auto& w : weights) total += static_cast<double>(w);
  const double bucket = flagd_bucket_v1(hash);
  double end = 0.0;
  int index = 0;
  for (const auto& w : weights) {
    end += total == 0.0 ? 0.0 : 100.0 * static_cast<double>(w) / total;
    if (bucket < end) return index;
    ++index;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Flipt

// Variant flags: crc32(flag_key + entity_id) % 1000.
[[nodiscard]] constexpr std::uint32_t flipt_variant_bucket(std::string_view flag_key,
                                                           std::string_view entity_id) noexcept {
  detail::crc32_ieee c;
  c.update(flag_key);
  c.update(entity_id);
  return c.finish() % 1000U;
}

// Boolean threshold rollouts: crc32(entity_id + flag_key) % 100 (note the
// order, reversed from variant flags); in <=> bucket < percentage.
[[nodiscard]] constexpr std::uint32_t flipt_boolean_bucket(std::string_view entity_id,
                                                           std::string_view flag_key) noexcept {
  detail::crc32_ieee c;
  c.update(entity_id);
  c.update(flag_key);
  return c.finish() % 100U;
}

// How a distribution's cumulative percentage becomes a boundary in 0..1000:
// the Go server truncates, the Rust client engine rounds.
enum class flipt_rounding : std::uint8_t { truncate_go_server, round_rust_client };

// The variant index a 0..999 bucket selects from percentage rollouts
// (float32 arithmetic, as both engines do); -1 if none.
template <class Percentages>
[[nodiscard]] inline int flipt_variant_index(std::uint32_t bucket, const Percentages& rollouts,
                                             flipt_rounding rounding) noexcept {
  float total = 0.0F;
  std::size_t count = 0;
  for (const auto& r : rollouts) {
    total = total + static_cast<float>(r);
    ++count;
  }
  float cumulative = 0.0F;
  std::size_t i = 0;
  for (const auto& r : rollouts) {
    const float normalized = (static_cast<float>(r) / total) * 100.0F;
    cumulative = cumulative + normalized;
    const float scaled = cumulative * 10.0F;
    std::int64_t boundary = 0;
    if (rounding == flipt_rounding::round_rust_client) {
      // Math.round / f32::round agree for the non-negative values here.
      // (All zero rollouts make `scaled` NaN: boundary 0, no match but the last.)
      const std::int64_t truncated = detail::saturating_int64(scaled);
      const float floored = static_cast<float>(truncated);
      boundary = truncated + (scaled - floored >= 0.5F ? 1 : 0);
    } else {
      boundary = detail::saturating_int64(scaled);
    }
    if (i + 1 == count) boundary = 1000;
    if (boundary >= static_cast<std::int64_t>(bucket) + 1) return static_cast<int>(i);
    ++i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Flagsmith

// (int(md5(hash_input)) % 9999) / 9998 * 100, in [0, 100]. hash_input is the
// ids joined with ','.
[[nodiscard]] constexpr double flagsmith_percentage_of(std::string_view hash_input) noexcept {
  const detail::md5_digest d = detail::md5(hash_input);
  std::uint32_t remainder = 0;
  for (std::uint8_t byte : d) remainder = (remainder * 256U + byte) % 9999U;
  return static_cast<double>(remainder) / 9998.0 * 100.0;
}

// The percentage of an identity for a list of ids (e.g. {feature key,
// identity key}); exactly 100 rehashes with the ids repeated, as the engine does.
template <class Unused = void>
[[nodiscard]] double flagsmith_percentage(const std::vector<std::string_view>& ids) {
  std::string input;
  for (std::size_t iterations = 1; iterations < 64; ++iterations) {
    input.clear();
    bool first = true;
    for (std::size_t k = 0; k < iterations; ++k) {
      for (std::string_view id : ids) {
        if (!first) input += ',';
        first = false;
        input += id;
      }
    }
    const double value = flagsmith_percentage_of(input);
    if (value != 100.0) return value;
  }
  return 100.0;
}

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
