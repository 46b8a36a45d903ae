// Unleash client-specification 6.1.0 (../shared/vectors/flags/unleash-spec):
// every isEnabled and getVariant case through relkit::unleash.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <relkit/relkit.hpp>
#include "support/vectors.hpp"

namespace {

namespace flags = relkit::flags;
namespace unleash = relkit::unleash;
using relkit::detail::json_value;

// The spec's context object as a relkit context (views into `doc`). Unknown
// top-level keys act as properties, as the SDKs resolve `context[name]`
// before `context.properties[name]`; null values are absent.
flags::context make_context(const json_value& c) {
  flags::context ctx;
  for (const auto& m : c.members) {
    if (m.key == "properties") {
      for (const auto& p : m.value.members) {
        if (p.value.is_string() || p.value.is_number())
          ctx.properties.push_back({p.key, p.value.text});
      }
      continue;
    }
    if (!m.value.is_string() && !m.value.is_number()) continue;
    const std::string_view v = m.value.text;
    if (m.key == "userId") {
      ctx.user_id = v;
    } else if (m.key == "sessionId") {
      ctx.session_id = v;
    } else if (m.key == "remoteAddress") {
      ctx.remote_address = v;
    } else if (m.key == "environment") {
      ctx.environment = v;
    } else if (m.key == "appName") {
      ctx.app_name = v;
    } else if (m.key == "currentTime") {
      ctx.current_time = v;
    } else {
      ctx.properties.push_back({m.key, v});
    }
  }
  return ctx;
}

// Cases whose answer depends on a random number: relkit evaluates them with
// context.random fixed, so their expected value holds only by chance. None in
// 6.1.0 (05's random cases are at 0% and 100%, deterministic for any draw);
// listed here so a future spec version's random cases are named, not hidden.
const std::set<std::string> skipped_cases = {};

struct totals {
  int toggles = 0, variants = 0;
};

totals run_file(const std::filesystem::path& path) {
  totals t;
  auto doc = relkit::detail::parse_json(relkit_test::read_file(path));
  EXPECT_TRUE(doc) << path;
  if (!doc) return t;
  const json_value& state = *doc->find("state");
  // Re-serialising is not needed: load() takes the state's own text.
  const std::string text = relkit_test::read_file(path);
  std::string state_text = text.substr(state.position);
  // The state is one JSON value: find where it ends by parsing prefixes is
  // costly; instead rebuild from the DOM through the library's own loader by
  // slicing at the matching brace.
  int depth = 0;
  bool in_string = false, escaped = false;
  std::size_t end = 0;
  for (std::size_t i = 0; i < state_text.size(); ++i) {
    const char ch = state_text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (ch == '\\') {
        escaped = true;
      } else if (ch == '"') {
        in_string = false;
      }
      continue;
    }
    if (ch == '"') in_string = true;
    if (ch == '{' || ch == '[') ++depth;
    if (ch == '}' || ch == ']') {
      if (--depth == 0) {
        end = i + 1;
        break;
      }
    }
  }
  state_text.resize(end);
  auto set = unleash::load(state_text);
  EXPECT_TRUE(set) << path << ": " << (set ? "" : set.error().message());
  if (!set) return t;
  const std::string file = path.filename().string();
  if (const json_value* tests = doc->find("tests")) {
    for (const auto& test : tests->items) {
      const std::string& description = test.find("description")->text;
      if (skipped_cases.count(description) != 0) continue;
      const flags::context ctx = make_context(*test.find("context"));
      const bool got = unleash::is_enabled(*set, test.find("toggleName")->text, ctx);
      EXPECT_EQ(got, test.find("expectedResult")->boolean) << file << ": " << description;
      ++t.toggles;
    }
  }
  if (const json_value* tests = doc->find("variantTests")) {
    for (const auto& test : tests->items) {
      const std::string& description = test.find("description")->text;
      if (skipped_cases.count(description) != 0) continue;
      const flags::context ctx = make_context(*test.find("context"));
      const auto got = unleash::get_variant(*set, test.find("toggleName")->text, ctx);
      const json_value& expected = *test.find("expectedResult");
      EXPECT_EQ(got.name, expected.find("name")->text) << file << ": " << description;
      EXPECT_EQ(got.enabled, expected.find("enabled")->boolean) << file << ": " << description;
      if (const json_value* fe = expected.find("feature_enabled")) {
        EXPECT_EQ(got.feature_enabled, fe->boolean) << file << ": " << description;
      }
      const json_value* payload = expected.find("payload");
      if (payload != nullptr) {
        EXPECT_NE(got.payload, nullptr) << file << ": " << description;
        if (got.payload != nullptr) {
          EXPECT_EQ(got.payload->type, payload->find("type")->text) << file << ": " << description;
          EXPECT_EQ(got.payload->value, payload->find("value")->text)
              << file << ": " << description;
        }
      } else {
        EXPECT_EQ(got.payload, nullptr) << file << ": " << description;
      }
      ++t.variants;
    }
  }
  return t;
}

TEST(FlagsUnleashSpec, ClientSpecification610) {
  RELKIT_TEST_VECTORS_OR_SKIP(dir, "flags/unleash-spec/index.json");
  auto index = relkit::detail::parse_json(relkit_test::read_file(dir));
  ASSERT_TRUE(index);
  ASSERT_EQ(index->items.size(), 22U);
  totals all;
  for (const auto& name : index->items) {
    const totals t = run_file(dir.parent_path() / name.text);
    all.toggles += t.toggles;
    all.variants += t.variants;
  }
  EXPECT_EQ(all.toggles, 227);
  EXPECT_EQ(all.variants, 52);
}

}  // namespace
