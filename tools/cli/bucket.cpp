// relkit bucket: the bucket a flag system puts a user in, bit for bit as its SDKs do.
#include "commands.hpp"
#include "io.hpp"

#include <relkit/detail/decimal.hpp>
#include <relkit/flags.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relkit::cli {

namespace {

namespace fl = relkit::flags;

constexpr std::string_view bucket_help =
    R"(Usage: relkit bucket --system unleash     --flag GROUP_ID --id USER [--variants TOTAL] [--node]
       relkit bucket --system growthbook  --flag SEED --id VALUE [--hash-version 1|2]
       relkit bucket --system launchdarkly --flag KEY (--salt SALT | --seed N) --id VALUE
       relkit bucket --system flagd        --flag KEY --id TARGETING_KEY [--total WEIGHT]

Prints the bucket the flag system puts the user in, bit for bit as its SDKs do:

  unleash       1..100: murmur3("GROUP_ID:USER") % 100 + 1 (a gradual rollout of
                P% includes buckets 1..P); with --variants TOTAL the variant
                target 1..TOTAL (seed 86028157); --node hashes as the Node SDK
                (low byte of each UTF-16 unit; equal to the others on ASCII)
  growthbook    the hash in [0, 1) as JavaScript prints it: v1 (default)
                fnv1a(VALUE + SEED) % 1000 / 1000, v2 % 10000 / 10000
  launchdarkly  the bucket in rollout weight units, 0..100000: sha1 of
                "KEY.SALT.VALUE" (or "SEED.VALUE"), first 15 hex digits, scaled
  flagd         fractional (v2): (murmur3(KEY + TARGETING_KEY) * TOTAL) >> 32,
                in 0..TOTAL-1 (TOTAL: the sum of the weights, default 100)

Exit codes: 0 ok, 2 usage error.
)";

// k / scale (scale a power of ten) the way JavaScript's String() writes it: 0.613, 0.5, 0.
std::string decimal_fraction(std::uint32_t k, std::uint32_t scale) {
  if (k == 0) return "0";
  std::string digits;
  for (std::uint32_t unit = scale / 10U; unit > 0; unit /= 10U) {
    digits += static_cast<char>('0' + k / unit % 10U);
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return "0." + digits;
}

}  // namespace

int bucket_command(const arguments& words) {
  const parsed_args args = parse_args(
      words, 0,
      {"--system", "--flag", "--id", "--variants", "--hash-version", "--salt", "--seed", "--total"},
      {"--node"});
  if (const auto done = settle_args(args, bucket_help, "bucket")) return *done;
  const auto system = args.option("--system");
  const auto flag = args.option("--flag");
  const auto id = args.option("--id");
  if (!system || !flag || !id)
    return usage_error("--system, --flag and --id are required", "bucket");
  auto count_option = [&args](std::string_view name, std::uint32_t fallback,
                              std::optional<std::uint32_t>& value) {
    const auto text = args.option(name);
    value = text ? parse_count(*text) : std::optional<std::uint32_t>(fallback);
    return value.has_value() && *value > 0;
  };
  std::optional<std::uint32_t> number;
  if (*system == "unleash") {
    const auto encoding =
        args.flag("--node") ? fl::unleash_encoding::node_low_bytes : fl::unleash_encoding::utf8;
    if (args.option("--variants")) {
      if (!count_option("--variants", 0, number)) {
        return usage_error("--variants must be a positive integer", "bucket");
      }
      out(std::to_string(fl::unleash_variant_bucket(*flag, *id, *number, encoding)) + "\n");
    } else {
      out(std::to_string(fl::unleash_bucket(*flag, *id, encoding)) + "\n");
    }
    return exit_ok;
  }
  if (*system == "growthbook") {
    const auto version = args.option("--hash-version").value_or("1");
    const auto units = fl::growthbook_hash_units(*flag, *id,
                                                 version == "2"   ? 2
                                                 : version == "1" ? 1
                                                                  : 0);
    if (!units) return usage_error("--hash-version must be 1 or 2", "bucket");
    out(decimal_fraction(*units, version == "2" ? 10000U : 1000U) + "\n");
    return exit_ok;
  }
  if (*system == "launchdarkly") {
    const auto salt = args.option("--salt");
    const auto seed = args.option("--seed");
    if (salt.has_value() == seed.has_value()) {
      return usage_error("launchdarkly needs --salt SALT or --seed N", "bucket");
    }
    std::uint64_t hash = 0;
    if (salt) {
      hash = fl::launchdarkly_hash(*flag, *salt, *id);
    } else {
      std::string_view digits = *seed;
      const bool negative = !digits.empty() && digits.front() == '-';
      if (negative) digits.remove_prefix(1);
      const auto magnitude = digits.size() > 18 ? std::nullopt : relkit::detail::parse_uint(digits);
      if (!magnitude) return usage_error("--seed must be an integer", "bucket");
      const auto value = static_cast<std::int64_t>(*magnitude);  // < 10^18
      hash = fl::launchdarkly_hash_seeded(negative ? -value : value, *id);
    }
    out(std::to_string(fl::launchdarkly_bucket100k(hash)) + "\n");
    return exit_ok;
  }
  if (*system == "flagd") {
    if (!count_option("--total", 100, number)) {
      return usage_error("--total must be a positive integer", "bucket");
    }
    out(std::to_string(fl::flagd_bucket_v2(fl::flagd_hash(*flag, *id), *number)) + "\n");
    return exit_ok;
  }
  return usage_error(
      "unknown system '" + std::string(*system) + "' (unleash, growthbook, launchdarkly, flagd)",
      "bucket");
}

}  // namespace relkit::cli
