#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using relkit::detail::json_errc;
using relkit::detail::json_value;
using relkit::detail::parse_json;

TEST(Json, ParsesADocument) {
  auto doc = parse_json(R"( {"a": [1, -2.5e1, "x\u00e9\ud83d\ude80", true, null], "b": {}} )");
  ASSERT_TRUE(doc) << doc.error().message();
  ASSERT_TRUE(doc->is_object());
  const json_value* a = doc->find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items.size(), 5U);
  EXPECT_EQ(a->items[0].number, 1.0);
  EXPECT_EQ(a->items[1].number, -25.0);
  EXPECT_EQ(a->items[1].text, "-2.5e1");
  EXPECT_EQ(a->items[2].text, "x\xC3\xA9\xF0\x9F\x9A\x80");
  EXPECT_TRUE(a->items[3].boolean);
  EXPECT_TRUE(a->items[4].is_null());
  EXPECT_TRUE(doc->find("b")->is_object());
  EXPECT_EQ(doc->find("c"), nullptr);
  EXPECT_EQ(a->items[2].position, 19U);
}

// Numbers are correctly rounded by relkit/detail/decimal.hpp (no
// floating-point std::from_chars, which libc++ before 20 lacks); the values
// are JSON.parse's.
TEST(Json, NumbersRoundCorrectly) {
  auto doc = parse_json(
      "[0.1, 9007199254740993, 2.2250738585072011e-308, 4.9e-324, -0, "
      "179769313486231580793728971405301e276, 0.30000000000000004441]");
  ASSERT_TRUE(doc) << doc.error().message();
  const auto& items = doc->items;
  ASSERT_EQ(items.size(), 7U);
  EXPECT_EQ(items[0].number, 0.1);
  EXPECT_EQ(items[1].number, 9007199254740992.0);
  EXPECT_EQ(items[2].number, 2.225073858507201e-308);
  EXPECT_EQ(items[3].number, 5e-324);
  EXPECT_EQ(items[4].number, 0.0);
  EXPECT_TRUE(std::signbit(items[4].number));
  EXPECT_EQ(items[5].number, 1.7976931348623157e308);
  EXPECT_EQ(items[6].number, 0.30000000000000004);
  EXPECT_EQ(items[6].text, "0.30000000000000004441");
}

TEST(Json, DuplicateKeysLastWins) {
  auto doc = parse_json(R"({"k":1,"k":2})");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->find("k")->number, 2.0);
}

TEST(Json, ErrorsNamePositions) {
  struct bad {
    const char* text;
    json_errc code;
    std::size_t position;
    const char* message;
  };
  const bad cases[] = {
      {"", json_errc::unexpected_end, 0, "expected a value"},
      {"[1,]", json_errc::unexpected_character, 3, "expected a value"},
      {"[1 2]", json_errc::unexpected_character, 3, "expected ',' or ']'"},
      {"{\"a\" 1}", json_errc::unexpected_character, 5, "expected ':'"},
      {"{1:2}", json_errc::unexpected_character, 1, "expected a string key"},
      {"tru", json_errc::bad_literal, 0, "invalid literal"},
      {"01", json_errc::trailing_characters, 1, "unexpected text after JSON value"},
      {"-", json_errc::bad_number, 0, "invalid number"},
      {"1.e5", json_errc::bad_number, 0, "invalid number"},
      {"\"a\\x\"", json_errc::bad_escape, 2, "invalid escape in string"},
      {"\"a\nb\"", json_errc::bad_string, 2, "control character in string"},
      {"\"abc", json_errc::unexpected_end, 0, "unterminated string"},
      {"[[1]", json_errc::unexpected_end, 4, "unterminated array or object"},
      {"1e999", json_errc::bad_number, 0, "number out of range"},
      {"-1e999", json_errc::bad_number, 0, "number out of range"},
      {"1e-400", json_errc::bad_number, 0, "number out of range"},
      {"[2e-324]", json_errc::bad_number, 1, "number out of range"},
      {"1.", json_errc::bad_number, 0, "invalid number"},
      {"[-1.]", json_errc::bad_number, 1, "invalid number"},
      {"1.5e", json_errc::bad_number, 0, "invalid number"},
      {"[1e+]", json_errc::bad_number, 1, "invalid number"},
      {"-a", json_errc::bad_number, 0, "invalid number"},
      {"1.5.", json_errc::trailing_characters, 3, "unexpected text after JSON value"},
      {"1e5e", json_errc::trailing_characters, 3, "unexpected text after JSON value"},
      {"-01", json_errc::trailing_characters, 2, "unexpected text after JSON value"},
      {"\"\\u12x4\"", json_errc::bad_escape, 5, "invalid hex digit in \\u escape"},
      {"\"\\u12", json_errc::bad_escape, 3, "truncated \\u escape"},
      {"[", json_errc::unexpected_end, 1, "expected a value"},
      {"{", json_errc::unexpected_end, 1, "expected a key"},
      {"{\"a\"", json_errc::unexpected_end, 4, "expected ':'"},
  };
  for (const auto& c : cases) {
    auto doc = parse_json(c.text);
    ASSERT_FALSE(doc) << c.text;
    EXPECT_EQ(doc.error().code, c.code) << c.text;
    EXPECT_EQ(doc.error().position, c.position) << c.text;
    EXPECT_EQ(doc.error().message(), c.message) << c.text;
  }
}

TEST(Json, Limits) {
  relkit::detail::json_limits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(parse_json("[[[1]]]", limits));
  auto deep = parse_json("[[[[1]]]]", limits);
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().code, json_errc::too_deep);
  EXPECT_EQ(deep.error().position, 3U);
  // Far deeper than any stack would allow with recursion: still an error, not a crash.
  const std::string abyss(1'000'000, '[');
  EXPECT_EQ(parse_json(abyss).error().code, json_errc::too_deep);
  limits = {};
  limits.max_bytes = 4;
  EXPECT_EQ(parse_json("[1,2]", limits).error().code, json_errc::too_large);
  limits = {};
  limits.max_values = 3;
  EXPECT_TRUE(parse_json("[1,2]", limits));
  EXPECT_EQ(parse_json("[1,2,3]", limits).error().code, json_errc::too_many_values);
}

// The "json" domain's messages name the limit; to_string adds the position.
TEST(Json, LimitMessages) {
  relkit::detail::json_limits limits;
  limits.max_depth = 2;
  auto deep = parse_json("[[[1]]]", limits);
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().message(), "JSON nesting deeper than 2");
  EXPECT_EQ(relkit::to_string(deep.error()), "JSON nesting deeper than 2 at 2 [json.too_deep]");
  limits = {};
  limits.max_bytes = 4;
  auto large = parse_json("[1,2]", limits);
  ASSERT_FALSE(large);
  EXPECT_EQ(large.error().position, 4U);
  EXPECT_EQ(large.error().message(), "JSON input exceeds 4 bytes");
  limits = {};
  limits.max_values = 3;
  auto many = parse_json("[1,2,3]", limits);
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().position, 5U);
  EXPECT_EQ(many.error().message(), "more than 3 JSON values");
  EXPECT_EQ(relkit::to_string(many.error()), "more than 3 JSON values at 5 [json.too_many_values]");
}

}  // namespace
