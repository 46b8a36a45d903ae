// A service evaluating an Unleash flag locally: load the client-API payload
// the Unleash server sends (GET /api/client/features), then decide per
// request, without allocating and without a network call. The buckets are
// Unleash's own: user "174" is in bucket 10 of "Feature.flexibleRollout.10"
// in every Unleash SDK (client-specification test 10), so a 10% rollout
// includes them and a 9% rollout would not.
#include <relkit/relkit.hpp>

#include <iostream>
#include <string>

namespace flags = relkit::flags;
namespace unleash = relkit::unleash;

// What the Unleash server returns (abridged): a 10% rollout for production,
// with variants carrying a payload, and one segment.
constexpr const char* payload = R"({
  "version": 2,
  "features": [{
    "name": "Feature.flexibleRollout.10",
    "enabled": true,
    "type": "release",
    "strategies": [{
      "name": "flexibleRollout",
      "parameters": {"rollout": "10", "stickiness": "default", "groupId": "Feature.flexibleRollout.10"},
      "constraints": [{"contextName": "environment", "operator": "IN", "values": ["production"]}],
      "segments": [1]
    }],
    "variants": [
      {"name": "red", "weight": 500, "stickiness": "default", "payload": {"type": "string", "value": "#d00"}},
      {"name": "blue", "weight": 500, "stickiness": "default", "payload": {"type": "string", "value": "#00d"}}
    ]
  }],
  "segments": [{"id": 1, "name": "beta-regions",
                "constraints": [{"contextName": "region", "operator": "IN", "values": ["eu", "us"]}]}]
})";

int main() {
  auto set = unleash::load(payload);
  if (!set) {
    std::cerr << relkit::to_string(set.error()) << '\n';
    return 1;
  }
  const std::string flag = "Feature.flexibleRollout.10";
  for (const char* user : {"174", "499", "42", "1", "7"}) {
    flags::context ctx;  // views only: building it per request copies nothing
    ctx.user_id = user;
    ctx.environment = "production";
    ctx.properties = {{"region", "eu"}};
    const auto verdict = set->evaluate(flag, ctx);
    const auto variant = set->get_variant(flag, ctx);
    std::cout << "user " << user << ": bucket " << flags::unleash_bucket(flag, user) << "/100 -> "
              << (verdict.enabled ? "on " : "off") << "  variant " << variant.name;
    if (variant.payload != nullptr) std::cout << " (" << variant.payload->value << ')';
    std::cout << "\n  " << flags::render(*set->find(flag), verdict) << '\n';
  }
  // Outside the segment, the same user is off, and the reason says why.
  flags::context us_west;
  us_west.user_id = "174";
  us_west.environment = "production";
  us_west.properties = {{"region", "apac"}};
  std::cout << flags::render(*set->find(flag), set->evaluate(flag, us_west)) << '\n';
  // Non-ASCII ids: UTF-8 like Unleash's Rust/Go/Java engines; the Node SDK
  // hashes the low byte of each UTF-16 unit and lands elsewhere.
  const std::string id =
      "\xC3\xB1"
      "and\xC3\xBA";  // "ñandú"
  std::cout << "bucket of \"\xC3\xB1"
               "and\xC3\xBA\" in group \"a\": utf8 "
            << flags::unleash_bucket("a", id) << ", node "
            << flags::unleash_bucket("a", id, flags::unleash_encoding::node_low_bytes) << '\n';
}
