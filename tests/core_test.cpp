// The shared core (include/relkit/detail/): decimal numbers, civil time,
// JavaScript text rules and ASCII classes.

#include <gtest/gtest.h>

#include <cctype>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

// relkit.hpp carries the shared core, so this runs in the single-header suite
// (which has only relkit.hpp on its include path) as in the include/ one.
#include <relkit/relkit.hpp>

namespace {

namespace rd = relkit::detail;

std::uint64_t bits_of(double d) {
  std::uint64_t b = 0;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double double_of(std::uint64_t b) {
  double d = 0;
  std::memcpy(&d, &b, sizeof d);
  return d;
}

// ---------------------------------------------------------------------------
// Integers

TEST(CoreUint, ParsesAndStops) {
  const auto r = rd::parse_uint_prefix("12345x", 0);
  EXPECT_EQ(r.status, rd::number_status::ok);
  EXPECT_EQ(r.value, 12345U);
  EXPECT_EQ(r.end, 5U);
  const auto at = rd::parse_uint_prefix("ab0042", 2);
  EXPECT_EQ(at.value, 42U);
  EXPECT_EQ(at.end, 6U);
  const auto none = rd::parse_uint_prefix("x1", 0);
  EXPECT_EQ(none.status, rd::number_status::invalid);
  EXPECT_EQ(none.end, 0U);
  EXPECT_EQ(rd::parse_uint_prefix("", 0).status, rd::number_status::invalid);
  EXPECT_EQ(rd::parse_uint_prefix("5", 1).status, rd::number_status::invalid);
}

TEST(CoreUint, OverflowAtEveryBoundary) {
  EXPECT_EQ(rd::parse_uint("18446744073709551615"), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(rd::parse_uint("18446744073709551616"), std::nullopt);
  EXPECT_EQ(rd::parse_uint("99999999999999999999"), std::nullopt);
  EXPECT_EQ(rd::parse_uint("000000000000000000000000018446744073709551615"),
            std::numeric_limits<std::uint64_t>::max());
  const auto over = rd::parse_uint_prefix("184467440737095516150 rest", 0);
  EXPECT_EQ(over.status, rd::number_status::overflow);
  EXPECT_EQ(over.end, 21U);  // the whole run is consumed
  EXPECT_EQ(over.value, 0U);
  EXPECT_EQ(rd::parse_uint("255", 255), 255U);
  EXPECT_EQ(rd::parse_uint("256", 255), std::nullopt);
  EXPECT_EQ(rd::parse_uint("9007199254740991", (std::uint64_t{1} << 53) - 1),
            (std::uint64_t{1} << 53) - 1);
  EXPECT_EQ(rd::parse_uint("9007199254740992", (std::uint64_t{1} << 53) - 1), std::nullopt);
  EXPECT_EQ(rd::parse_uint("0", 0), 0U);
  EXPECT_EQ(rd::parse_uint("1", 0), std::nullopt);
  EXPECT_EQ(rd::parse_uint("9", 5), std::nullopt);
  EXPECT_EQ(rd::parse_uint(""), std::nullopt);
  EXPECT_EQ(rd::parse_uint("+1"), std::nullopt);
  EXPECT_EQ(rd::parse_uint("1 "), std::nullopt);
  static_assert(rd::parse_uint("42").value_or(0) == 42, "constexpr");
}

// ---------------------------------------------------------------------------
// Decimals against glibc strtod in the C locale (the reference, test only)

struct reference {
  double value;
  std::size_t end;
};

reference strtod_reference(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  return {v, static_cast<std::size_t>(end - text.c_str())};
}

// Compares one JSON-grammar string with strtod; returns false (and reports)
// on a difference.
bool agrees_with_strtod(const std::string& text) {
  const reference want = strtod_reference(text);
  const rd::decimal_parse got = rd::parse_json_number(text);
  const bool same_bits = bits_of(got.value) == bits_of(want.value);
  bool same_status = true;
  if (std::isinf(want.value)) {
    same_status = got.status == rd::number_status::overflow;
  } else if (want.value == 0 && text.find_first_of("123456789") < text.find_first_of("eE")) {
    same_status = got.status == rd::number_status::underflow;
  } else {
    same_status = got.status == rd::number_status::ok;
  }
  if (same_bits && same_status && got.end == want.end) return true;
  ADD_FAILURE() << text << ": strtod " << want.value << " (0x" << std::hex << bits_of(want.value)
                << "), relkit " << got.value << " (0x" << bits_of(got.value) << std::dec
                << ") status " << static_cast<int>(got.status) << " end " << got.end << " vs "
                << want.end;
  return false;
}

class CoreDecimal : public ::testing::Test {
 protected:
  void SetUp() override { std::setlocale(LC_NUMERIC, "C"); }
};

TEST_F(CoreDecimal, KnownHardCases) {
  const char* cases[] = {
      "2.2250738585072011e-308",  // the PHP/Java hang: just below the smallest normal
      "2.2250738585072012e-308",
      "2.2250738585072014e-308",  // smallest normal
      "2.225073858507201136057409796709131975934819546351645648e-308",
      "9007199254740993",  // 2^53 + 1: tie, to even (2^53)
      "9007199254740995",  // tie, to even (2^53 + 4)
      "9007199254740993.0000000000000000000000000000001",
      "1e23",
      "8.533e+68",
      "4.1006e-184",
      "9.998e+307",
      "9.9538452227e-280",
      "6.47660115e-260",
      "7.4e+47",
      "5.92e+48",
      "7.35e+66",
      "8.32116e+55",
      "1.7976931348623157e308",  // max
      "1.7976931348623158e308",  // rounds to max
      "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664"
      "7e308",  // exactly halfway to 2^1024: overflows (ties to even)
      "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664"
      "6e308",                    // just below: max
      "1.7976931348623159e308",   // overflow
      "4.9406564584124654e-324",  // smallest subnormal
      "2.4703282292062327e-324",  // just below half of it: 0
      "2.4703282292062328e-324",  // just above half: smallest subnormal
      "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932"
      "649918180817996189898282347722858865463328355177969898199387398005390939063150356595155"
      "702263922908583924491051844359318028499365361525003193704576782492193656236698636584807"
      "570015857692699037063119282795585513329278343384093519780155312465972635795746227664652"
      "728272200563740064854999770965994704540208281662262378573934507363390079677619305775067"
      "401763246736009689513405355374585166611342237666786041621596804619144672918403005300575"
      "308490487653917113865916462395249126236538818796362393732804238910186723484976682350898"
      "633885879256283027559956575244555072551893136908362547791869486679949683240497058210285"
      "131854513962138377228261454376934125320985913276672363281255e-324",  // tie + a little
      "1e-324",
      "1e-400",
      "1e400",
      "-1e400",
      "0e99999",
      "-0",
      "-0.0e-5",
      "0.000000000000000000000000000000000000000000001e+45",
      "123456789012345678901234567890",
      "1.00000000000000011102230246251565404236316680908203125",  // 1 + ulp/2: tie to 1
      "1.00000000000000011102230246251565404236316680908203126",  // just above: 1 + ulp
      "1.00000000000000033306690738754696212708950042724609375",  // 1 + 3ulp/2: tie to 1+2ulp
      "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000",
      "3.0e-44",
      "1e-45",
      "1448997445238699",
      "0.1",
      "0.3",
      "100000000000000000000000",
      "1e+308",
      "1e-307",
      "123.456e-789",
      "1e99999999999999999999",
      "1e-99999999999999999999",
  };
  for (const char* c : cases) EXPECT_TRUE(agrees_with_strtod(c)) << c;
  EXPECT_EQ(rd::parse_json_number("9007199254740993").value, 9007199254740992.0);
  EXPECT_EQ(rd::parse_json_number("1e23").value, 1e23);
  EXPECT_EQ(rd::parse_json_number("2.2250738585072011e-308").value, double_of(0x000fffffffffffffU));
  EXPECT_EQ(rd::parse_json_number("1e400").status, rd::number_status::overflow);
  EXPECT_EQ(rd::parse_json_number("1e-400").status, rd::number_status::underflow);
  EXPECT_EQ(rd::parse_json_number("0e-400").status, rd::number_status::ok);
  EXPECT_TRUE(std::signbit(rd::parse_json_number("-0").value));
}

TEST_F(CoreDecimal, JsonGrammarAndWhereItStops) {
  struct stop {
    const char* text;
    std::size_t end;
    rd::number_status status;
  };
  const stop stops[] = {
      {"1.", 1, rd::number_status::ok},      {"1e", 1, rd::number_status::ok},
      {"1e+", 1, rd::number_status::ok},     {"01", 1, rd::number_status::ok},
      {"-", 0, rd::number_status::invalid},  {".5", 0, rd::number_status::invalid},
      {"+1", 0, rd::number_status::invalid}, {"-.5", 0, rd::number_status::invalid},
      {"", 0, rd::number_status::invalid},   {"Infinity", 0, rd::number_status::invalid},
      {"12,3", 2, rd::number_status::ok},    {"-1.5e3]", 6, rd::number_status::ok},
      {"1E-2x", 4, rd::number_status::ok},   {"0.0001", 6, rd::number_status::ok},
      {"1.5.5", 3, rd::number_status::ok},   {"NaN", 0, rd::number_status::invalid},
  };
  for (const stop& s : stops) {
    const auto got = rd::parse_json_number(s.text);
    EXPECT_EQ(got.end, s.end) << s.text;
    EXPECT_EQ(got.status, s.status) << s.text;
  }
  const auto at = rd::parse_json_number("[1, 2.5]", 4);
  EXPECT_EQ(at.value, 2.5);
  EXPECT_EQ(at.end, 7U);
}

TEST_F(CoreDecimal, JsGrammar) {
  const auto js = [](const char* t) { return rd::parse_decimal(t, 0, rd::decimal_grammar::js); };
  EXPECT_EQ(js("+1").value, 1.0);
  EXPECT_EQ(js("+1").end, 2U);
  EXPECT_EQ(js(".5").value, 0.5);
  EXPECT_EQ(js("5.").value, 5.0);
  EXPECT_EQ(js("5.").end, 2U);
  EXPECT_EQ(js("00012").value, 12.0);
  EXPECT_EQ(js("-Infinity").value, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(js("-Infinity").end, 9U);
  EXPECT_EQ(js("Infinityx").end, 8U);
  EXPECT_EQ(js("Infinit").status, rd::number_status::invalid);
  EXPECT_EQ(js(".").status, rd::number_status::invalid);
  EXPECT_EQ(js("+").status, rd::number_status::invalid);
  EXPECT_EQ(js("+-1").status, rd::number_status::invalid);
  EXPECT_EQ(js(".e1").status, rd::number_status::invalid);
  EXPECT_EQ(js("1.e2").value, 100.0);
  EXPECT_EQ(js("1.e2").end, 4U);
}

// Exact decimal digits of m * 2^k (m > 0), as digits and a power of ten with
// no trailing zero digit: base-10^9 arithmetic, no long double, no printf.
struct exact_decimal {
  std::string digits;
  int exponent = 0;
};

exact_decimal exact_value(std::uint64_t m, int k) {
  std::vector<std::uint64_t> limbs;  // base 10^9, little-endian
  for (std::uint64_t v = m; v != 0; v /= 1000000000U) limbs.push_back(v % 1000000000U);
  auto multiply = [&limbs](std::uint64_t factor) {
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      const std::uint64_t product = limb * factor + carry;
      limb = product % 1000000000U;
      carry = product / 1000000000U;
    }
    for (; carry != 0; carry /= 1000000000U) limbs.push_back(carry % 1000000000U);
  };
  exact_decimal out;
  // m * 2^-n = m * 5^n / 10^n; 13 factors of 5 (or 29 of 2) at a time.
  const std::uint64_t base = k >= 0 ? 2 : 5;
  for (int steps = k >= 0 ? k : -k; steps > 0;) {
    const int now = steps < (k >= 0 ? 29 : 13) ? steps : (k >= 0 ? 29 : 13);
    std::uint64_t factor = 1;
    for (int j = 0; j < now; ++j) factor *= base;
    multiply(factor);
    steps -= now;
  }
  out.exponent = k >= 0 ? 0 : k;
  out.digits = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    out.digits += std::string(9 - part.size(), '0') + part;
  }
  while (out.digits.size() > 1 && out.digits.back() == '0') {
    out.digits.pop_back();
    ++out.exponent;
  }
  return out;
}

TEST_F(CoreDecimal, AMillionRandomStringsMatchStrtod) {
  std::mt19937_64 rng(20261203);
  auto below = [&rng](std::uint64_t n) { return rng() % n; };
  std::size_t checked = 0;
  std::size_t failures = 0;
  auto check = [&](const std::string& text) {
    ++checked;
    if (!agrees_with_strtod(text)) ++failures;
  };
  char buffer[64];
  // 1. Random digit strings: 1 to 40 digits (sometimes up to 800), a point
  // anywhere, exponents across the whole range and beyond.
  for (int n = 0; n < 400000 && failures < 20; ++n) {
    std::size_t digits = 1 + below(20);
    if (n % 4 == 0) digits = 1 + below(40);
    if (n % 500 == 0) digits = 1 + below(800);
    std::string s;
    if (rng() & 1U) s += '-';
    std::string d;
    d += static_cast<char>('1' + below(9));
    for (std::size_t k = 1; k < digits; ++k) d += static_cast<char>('0' + below(10));
    const std::size_t point = below(digits + 1);
    if (point == 0) {
      s += "0." + std::string(below(3), '0') + d;
    } else if (point < digits) {
      s += d.substr(0, point) + "." + d.substr(point);
    } else {
      s += d;
    }
    if (n % 8 != 0) {
      s += (rng() & 1U) ? 'e' : 'E';
      const int sign_pick = static_cast<int>(below(3));
      const int exponent = static_cast<int>(below(700)) - 360;
      if (sign_pick == 1 && exponent >= 0) s += '+';
      if (sign_pick == 2 && exponent >= 0) s += '-';
      s += std::to_string(exponent);
    }
    check(s);
  }
  // 2. Random doubles (random bits: every exponent, subnormals included)
  // printed with 1 to 17 significant digits, and with 17 digits nudged.
  for (int n = 0; n < 400000 && failures < 20; ++n) {
    std::uint64_t b = rng() & 0x7fffffffffffffffU;
    if (n % 4 == 0) b &= 0x800fffffffffffffU;  // subnormal
    if (n % 4 == 1) b = (b & 0x800fffffffffffffU) | (std::uint64_t{0x7fe - below(3)} << 52);
    const double v = double_of(b);
    if (!std::isfinite(v)) continue;
    const int precision = static_cast<int>(below(18));
    std::snprintf(buffer, sizeof buffer, "%.*e", precision, v);
    check(buffer);
  }
  // 3. Exact halfway points between neighbouring doubles (ties to even), and
  // the decimals just below and just above them.
  for (int n = 0; n < 100000 && failures < 20; ++n) {
    std::uint64_t b = rng() & 0x7fefffffffffffffU;
    if (n % 3 == 0) b &= 0x000fffffffffffffU;
    if (n % 3 == 1) b = (b & 0x000fffffffffffffU) | (std::uint64_t{1 + below(0x7fd)} << 52);
    const std::uint64_t field = b >> 52;
    const std::uint64_t fraction = b & 0x000fffffffffffffU;
    const std::uint64_t m = field == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
    const int e = field == 0 ? -1074 : static_cast<int>(field) - 1075;
    // v = m * 2^e, its successor (m + 1) * 2^e, the tie (2m + 1) * 2^(e - 1).
    const exact_decimal tie = exact_value(2 * m + 1, e - 1);
    check(tie.digits + "e" + std::to_string(tie.exponent));
    check(tie.digits + "0001e" + std::to_string(tie.exponent - 4));  // just above
    if (n % 20 == 0) {  // just above, the difference past the 800th digit
      check(tie.digits + std::string(800, '0') + "1e" + std::to_string(tie.exponent - 801));
    }
    std::string below_tie = tie.digits;  // minus one unit of the last (nonzero) digit
    --below_tie.back();
    check(below_tie + "e" + std::to_string(tie.exponent));
  }
  // 4. Integers around 2^53 and powers of ten: the fast-path boundary.
  for (std::uint64_t n = 0; n < 40000 && failures < 20; ++n) {
    const std::uint64_t base = (std::uint64_t{1} << 53) - 20000 + n;
    check(std::to_string(base));
    check(std::to_string(base) + "e" + std::to_string(n % 40));
    check(std::to_string(base % 100000000U) + "e" + std::to_string(static_cast<int>(n % 60) - 30));
  }
  EXPECT_EQ(failures, 0U);
  EXPECT_GE(checked, 1000000U);
  std::printf("[ core ] %zu decimal strings compared with strtod\n", checked);
}

// ---------------------------------------------------------------------------
// Civil time

TEST(CoreCivil, DateValidation) {
  EXPECT_FALSE(rd::is_valid_date(2026, 2, 31));  // the command accepted this one
  EXPECT_FALSE(rd::is_valid_date(2026, 2, 29));
  EXPECT_TRUE(rd::is_valid_date(2024, 2, 29));
  EXPECT_TRUE(rd::is_valid_date(2000, 2, 29));
  EXPECT_FALSE(rd::is_valid_date(1900, 2, 29));
  EXPECT_TRUE(rd::is_valid_date(2026, 2, 28));
  EXPECT_FALSE(rd::is_valid_date(2026, 4, 31));
  EXPECT_TRUE(rd::is_valid_date(2026, 4, 30));
  EXPECT_TRUE(rd::is_valid_date(2026, 12, 31));
  EXPECT_FALSE(rd::is_valid_date(2026, 12, 32));
  EXPECT_FALSE(rd::is_valid_date(2026, 0, 1));
  EXPECT_FALSE(rd::is_valid_date(2026, 13, 1));
  EXPECT_FALSE(rd::is_valid_date(2026, 1, 0));
  EXPECT_EQ(rd::days_in_month(2026, 0), 0U);
  EXPECT_EQ(rd::days_in_month(2024, 2), 29U);
  static_assert(rd::is_valid_date(0, 2, 29), "year 0 is a leap year");
}

TEST(CoreCivil, DaysRoundTrip) {
  EXPECT_EQ(rd::days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(rd::days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(rd::days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(rd::days_from_civil(0, 3, 1), -719468);
  EXPECT_EQ(rd::days_from_civil(0, 1, 1), -719528);
  EXPECT_EQ(rd::days_from_civil(9999, 12, 31), 2932896);
  EXPECT_EQ(rd::days_from_civil(-1, 12, 31), -719529);
  EXPECT_EQ(rd::civil_from_days(-719529), (rd::civil_date{-1, 12, 31}));
  EXPECT_EQ(rd::weekday_from_days(0), 3U);                                 // Thursday
  EXPECT_EQ(rd::weekday_from_days(rd::days_from_civil(2026, 12, 3)), 3U);  // Thursday
  EXPECT_EQ(rd::weekday_from_days(-1), 2U);
  std::int64_t expected = rd::days_from_civil(-400, 1, 1);
  for (std::int64_t year = -400; year <= 10400; ++year) {
    for (unsigned month = 1; month <= 12; ++month) {
      for (unsigned day = 1; day <= rd::days_in_month(year, month); ++day) {
        const std::int64_t days = rd::days_from_civil(year, month, day);
        ASSERT_EQ(days, expected) << year << "-" << month << "-" << day;
        ASSERT_EQ(rd::civil_from_days(days), (rd::civil_date{year, month, day}));
        ++expected;
      }
    }
  }
  EXPECT_EQ(rd::floor_div(-1, 86400), -1);
  EXPECT_EQ(rd::floor_div(-86400, 86400), -1);
  EXPECT_EQ(rd::floor_div(86399, 86400), 0);
}

TEST(CoreCivil, TimestampBoundaries) {
  using rd::parse_timestamp_ms;
  EXPECT_EQ(parse_timestamp_ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_timestamp_ms("1970-01-01t00:00:00z"), 0);  // RFC 3339 5.6
  EXPECT_EQ(parse_timestamp_ms("1969-12-31T23:59:59.999Z"), -1);
  EXPECT_EQ(parse_timestamp_ms("1969-12-31T23:59:59.5Z"), -500);
  EXPECT_EQ(parse_timestamp_ms("9999-12-31T23:59:59.999Z"), rd::max_timestamp_ms);
  EXPECT_EQ(parse_timestamp_ms("9999-12-31T23:59:59.999999999999999999999Z"), rd::max_timestamp_ms);
  EXPECT_EQ(parse_timestamp_ms("0000-01-01T00:00:00Z"), rd::min_timestamp_ms);
  EXPECT_EQ(parse_timestamp_ms("9999-12-31T23:59:59.999-23:59"),
            rd::max_timestamp_ms + (23 * 60 + 59) * 60000);
  EXPECT_EQ(parse_timestamp_ms("0000-01-01T00:00:00+23:59"),
            rd::min_timestamp_ms - (23 * 60 + 59) * 60000);
  EXPECT_EQ(parse_timestamp_ms("2026-03-01T10:30:00+01:00"), 1772357400000);
  EXPECT_EQ(parse_timestamp_ms("2026-03-01T09:30:00Z"), 1772357400000);
  EXPECT_EQ(parse_timestamp_ms("2026-03-01T04:00:00-05:30"), 1772357400000);
  EXPECT_EQ(parse_timestamp_ms("2024-02-29T00:00:00Z"), 1709164800000);
  EXPECT_EQ(parse_timestamp_ms("2026-11-23T11:30:01.2Z"), 1795433401200);
  EXPECT_EQ(parse_timestamp_ms("2026-11-23T11:30:01.23Z"), 1795433401230);
  EXPECT_EQ(parse_timestamp_ms("2026-11-23T11:30:01.234Z"), 1795433401234);
  EXPECT_EQ(parse_timestamp_ms("2026-11-23T11:30:01.2349Z"), 1795433401234);  // truncated
  EXPECT_EQ(parse_timestamp_ms("2026-12-31T23:59:59Z"), 1798761599000);
  static_assert(rd::parse_timestamp_ms("1970-01-02T00:00:00Z").value_or(0) == 86400000, "");
}

TEST(CoreCivil, TimestampErrorsSayWhereAndWhy) {
  struct bad {
    const char* text;
    rd::timestamp_status status;
    std::size_t end;
  };
  using st = rd::timestamp_status;
  const bad cases[] = {
      {"2026-02-31T00:00:00Z", st::bad_date, 0},
      {"2026-02-29T00:00:00Z", st::bad_date, 0},
      {"1900-02-29T00:00:00Z", st::bad_date, 0},
      {"2026-13-01T00:00:00Z", st::bad_date, 0},
      {"2026-00-01T00:00:00Z", st::bad_date, 0},
      {"2026-01-00T00:00:00Z", st::bad_date, 0},
      {"2026-01-32T00:00:00Z", st::bad_date, 0},
      {"2026-01-01T24:00:00Z", st::bad_time, 11},
      {"2026-01-01T23:60:00Z", st::bad_time, 11},
      {"2026-01-01T23:59:60Z", st::bad_time, 11},  // no leap seconds
      {"2026-01-01T99:00:00Z", st::bad_time, 11},
      {"2026-01-01T00:00:00+24:00", st::bad_offset, 19},
      {"2026-01-01T00:00:00-00:60", st::bad_offset, 19},
      {"2026-01-01T00:00:00+0100", st::bad_syntax, 22},
      {"2026-01-01T00:00:00", st::bad_syntax, 19},
      {"2026-01-01T00:00Z", st::bad_syntax, 16},
      {"2026-01-01T00:00:00.Z", st::bad_syntax, 20},
      {"2026-01-01 00:00:00Z", st::bad_syntax, 10},
      {"2026-01-01", st::bad_syntax, 10},
      {"2026-1-01T00:00:00Z", st::bad_syntax, 6},
      {"226-01-01T00:00:00Z", st::bad_syntax, 3},
      {"+2026-01-01T00:00:00Z", st::bad_syntax, 0},
      {"2026-01-01T00:00:00,5Z", st::bad_syntax, 19},
      {"", st::bad_syntax, 0},
      {"2026-01-01T0", st::bad_syntax, 12},
  };
  for (const bad& c : cases) {
    const auto got = rd::parse_timestamp(c.text);
    EXPECT_EQ(got.status, c.status) << c.text;
    EXPECT_EQ(got.end, c.end) << c.text;
    EXPECT_EQ(rd::parse_timestamp_ms(c.text), std::nullopt) << c.text;
  }
  // A timestamp followed by more text: parse_timestamp stops, the whole-text
  // form refuses.
  const auto prefix = rd::parse_timestamp("x 2026-01-01T00:00:00Z, next", 2);
  EXPECT_EQ(prefix.status, st::ok);
  EXPECT_EQ(prefix.end, 22U);
  EXPECT_EQ(rd::parse_timestamp_ms("2026-01-01T00:00:00Z "), std::nullopt);
}

TEST(CoreCivil, TimestampOptionsReadWhatDateReads) {
  rd::timestamp_options js;
  js.date_only = true;
  js.optional_seconds = true;
  js.space_separator = true;
  js.optional_offset = true;
  js.comma_fraction = true;
  js.hour_24 = true;
  js.offset_without_colon = true;
  EXPECT_EQ(rd::parse_timestamp_ms("2026-03-01T10:00:00+0100", js), 1772355600000);
  EXPECT_EQ(rd::parse_timestamp_ms("2026-03-01T10:00:00+01:00", js), 1772355600000);
  EXPECT_EQ(rd::parse_timestamp_ms("2026-03-01T10:00:00+01", js), std::nullopt);
  EXPECT_EQ(rd::parse_timestamp_ms("2026-03-01T10:00:00+01:", js), std::nullopt);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-02", js), 86400000);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-01 00:01", js), 60000);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-01T00:01Z", js), 60000);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-01T00:00:01,5", js), 1500);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-01T24:00:00Z", js), 86400000);
  EXPECT_EQ(rd::parse_timestamp_ms("1970-01-01T24:00:01Z", js), std::nullopt);
  EXPECT_EQ(rd::parse_timestamp_ms("2026-02-31", js), std::nullopt);
}

TEST(CoreCivil, FormatAndRoundTrip) {
  using p = rd::timestamp_precision;
  EXPECT_EQ(rd::format_timestamp(0).view(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(rd::format_timestamp(-1).view(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(rd::format_timestamp(-1, p::milliseconds).view(), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(rd::format_timestamp(1500, p::automatic).view(), "1970-01-01T00:00:01.500Z");
  EXPECT_EQ(rd::format_timestamp(1000, p::automatic).view(), "1970-01-01T00:00:01Z");
  EXPECT_EQ(rd::format_timestamp(rd::max_timestamp_ms, p::milliseconds).view(),
            "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(rd::format_timestamp(rd::max_timestamp_ms + 1).view(), "");
  EXPECT_EQ(rd::format_timestamp(rd::min_timestamp_ms).view(), "0000-01-01T00:00:00Z");
  EXPECT_EQ(rd::format_timestamp(rd::min_timestamp_ms - 1).view(), "");
  EXPECT_EQ(rd::format_timestamp(std::numeric_limits<std::int64_t>::max()).view(), "");
  EXPECT_EQ(rd::format_timestamp(std::numeric_limits<std::int64_t>::min()).view(), "");
  std::mt19937_64 rng(7);
  const auto span = static_cast<std::uint64_t>(rd::max_timestamp_ms - rd::min_timestamp_ms + 1);
  for (int n = 0; n < 200000; ++n) {
    const std::int64_t ms = rd::min_timestamp_ms + static_cast<std::int64_t>(rng() % span);
    const auto text = rd::format_timestamp(ms, p::milliseconds);
    ASSERT_EQ(rd::parse_timestamp_ms(text.view()), ms) << text.view();
  }
  static_assert(rd::format_timestamp(86400000).size == 20, "constexpr");
}

// ---------------------------------------------------------------------------
// JavaScript text rules

std::string utf8(std::uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
  return out;
}

// relkit/detail/utf8.hpp: every scalar value is one sequence of its own length, and
// what RFC 3629 excludes is refused (0), found at its start byte.
TEST(CoreUtf8, EverySequence) {
  for (std::uint32_t cp = 0; cp <= 0x10ffff; ++cp) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const std::string c = "x" + utf8(cp);
    ASSERT_EQ(rd::utf8_length(c, 1), c.size() - 1) << std::hex << cp;
  }
  const char* const refused[] = {
      "\x80",              // a continuation byte first
      "\xC0\x80",          // overlong U+0000
      "\xC1\xBF",          // overlong U+007F
      "\xE0\x9F\xBF",      // overlong U+07FF
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF0\x8F\xBF\xBF",  // overlong U+FFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xF5\x80\x80\x80",  // no such lead byte
      "\xFF",              // no such lead byte
      "\xE2\x82",          // truncated
      "\xE2\x28\xA1",      // second byte not a continuation
      "\xF0\x9F\x98\x41",  // fourth byte not a continuation
  };
  for (const char* bytes : refused) EXPECT_EQ(rd::utf8_length(bytes, 0), 0U) << bytes;
  EXPECT_EQ(rd::utf8_length(std::string_view("\0", 1), 0), 1U);
  static_assert(rd::utf8_length("\xE2\x82\xAC", 0) == 3, "constexpr");
}

// ECMA-262 WhiteSpace + LineTerminator, written out from the specification.
bool is_js_space_code_point(std::uint32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

TEST(CoreJsText, EveryCodePoint) {
  std::size_t spaces = 0;
  for (std::uint32_t cp = 0; cp <= 0x10ffff; ++cp) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const std::string c = utf8(cp);
    const bool want = is_js_space_code_point(cp);
    spaces += want ? 1 : 0;
    ASSERT_EQ(rd::js_space_length(c, 0), want ? c.size() : 0U) << std::hex << cp;
    ASSERT_EQ(rd::str_white_space_length(c, 0), want ? c.size() : 0U) << std::hex << cp;
    ASSERT_EQ(rd::js_space_length_before(c, c.size()), want ? c.size() : 0U) << std::hex << cp;
    const std::string padded = "x" + c + "y";
    ASSERT_EQ(rd::js_space_length(padded, 1), want ? c.size() : 0U) << std::hex << cp;
    const bool terminator = cp == 0x0a || cp == 0x0d || cp == 0x2028 || cp == 0x2029;
    ASSERT_EQ(rd::js_line_terminator_length(padded, 1), terminator ? c.size() : 0U);
    ASSERT_EQ(rd::is_json_space(c[0]) && c.size() == 1,
              cp == 0x20 || cp == 0x09 || cp == 0x0a || cp == 0x0d);
  }
  EXPECT_EQ(spaces, 25U);
}

TEST(CoreJsText, CutAndMalformedSequencesAreNotSpace) {
  EXPECT_EQ(rd::js_space_length("\xc2", 0), 0U);
  EXPECT_EQ(rd::js_space_length("\xa0", 0), 0U);
  EXPECT_EQ(rd::js_space_length("\xe2\x80", 0), 0U);
  EXPECT_EQ(rd::js_space_length("\xe3\x80", 0), 0U);
  EXPECT_EQ(rd::js_space_length("\xef\xbb", 0), 0U);
  EXPECT_EQ(rd::js_space_length("\xe2\x80\x8b", 0), 0U);  // U+200B zero width space
  EXPECT_EQ(rd::js_space_length("\xc2\x85", 0), 0U);      // U+0085 next line
  EXPECT_EQ(rd::js_space_length("\xe1\xa0\x8e", 0), 0U);  // U+180E since Unicode 6.3
  EXPECT_EQ(rd::js_space_length(" ", 1), 0U);
  EXPECT_EQ(rd::js_space_length_before(" ", 2), 0U);
  EXPECT_EQ(rd::js_line_terminator_length("\xe2\x80", 0), 0U);
  EXPECT_EQ(rd::find_js_line_terminator("ab\xe2\x80\xa9"
                                        "c\n",
                                        0),
            2U);
  EXPECT_EQ(rd::find_js_line_terminator("ab\xe2\x80\xa9"
                                        "c\n",
                                        3),
            6U);
  EXPECT_EQ(rd::find_js_line_terminator("ab\xe2\x80\xa0", 0), 5U);  // U+2020 is not one
  EXPECT_EQ(rd::find_js_line_terminator("\r", 1), 1U);
}

TEST(CoreJsText, TrimHelpers) {
  const std::string text =
      "\xef\xbb\xbf \t\xc2\xa0"
      "a b\xe3\x80\x80"
      "c\n\xe2\x80\xa9 ";
  EXPECT_EQ(rd::js_trim(text),
            "a b\xe3\x80\x80"
            "c");
  EXPECT_EQ(rd::js_trim_start(text),
            "a b\xe3\x80\x80"
            "c\n\xe2\x80\xa9 ");
  EXPECT_EQ(rd::js_trim_end(text),
            "\xef\xbb\xbf \t\xc2\xa0"
            "a b\xe3\x80\x80"
            "c");
  EXPECT_EQ(rd::trim_str_white_space(text), rd::js_trim(text));
  EXPECT_EQ(rd::skip_js_spaces(text, 0), 7U);
  EXPECT_TRUE(rd::is_js_blank("\xe2\x80\x80\xe2\x80\x8a\r\n"));
  EXPECT_TRUE(rd::is_js_blank(""));
  EXPECT_FALSE(rd::is_js_blank(" \xe2\x80\x8b"));
  EXPECT_EQ(rd::js_trim("\xa0x\xa0"), "\xa0x\xa0");  // lone continuation bytes stay
  EXPECT_EQ(rd::skip_json_spaces(" \t\r\n\f1", 0), 4U);
  EXPECT_EQ(rd::skip_json_spaces("\xc2\xa0"
                                 "1",
                                 0),
            0U);
  static_assert(rd::js_trim("  x  ") == "x", "constexpr");
}

TEST(CoreJsText, StringToNumber) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(rd::string_to_number("  12  "), 12.0);
  EXPECT_EQ(rd::string_to_number("\xc2\xa0"
                                 "12\xe2\x80\xa8"),
            12.0);  // Unicode (b) set
  EXPECT_EQ(rd::string_to_number("\xef\xbb\xbf-1.5e3"), -1500.0);
  EXPECT_EQ(rd::string_to_number(""), 0.0);
  EXPECT_EQ(rd::string_to_number(" \n "), 0.0);
  EXPECT_EQ(rd::string_to_number("0x1F"), 31.0);
  EXPECT_EQ(rd::string_to_number("0X1f"), 31.0);
  EXPECT_EQ(rd::string_to_number("0b101"), 5.0);
  EXPECT_EQ(rd::string_to_number("0o17"), 15.0);
  EXPECT_EQ(rd::string_to_number("0x20000000000001"), 9007199254740992.0);  // tie: even
  EXPECT_EQ(rd::string_to_number("0x20000000000003"), 9007199254740996.0);  // tie: even
  EXPECT_EQ(rd::string_to_number("0x200000000000010000000000000001"),
            std::ldexp(9007199254740994.0, 64));  // just above a tie: up
  EXPECT_EQ(rd::string_to_number("0xfffffffffffffc00"), 18446744073709551616.0);
  EXPECT_EQ(rd::string_to_number("0x" + std::string(300, 'f')), inf);
  EXPECT_EQ(rd::string_to_number("0x0000000000000000000000000000001"), 1.0);
  EXPECT_EQ(rd::string_to_number("Infinity"), inf);
  EXPECT_EQ(rd::string_to_number("+Infinity"), inf);
  EXPECT_EQ(rd::string_to_number("-Infinity"), -inf);
  EXPECT_EQ(rd::string_to_number("1e1000"), inf);
  EXPECT_EQ(rd::string_to_number("-1e-1000"), 0.0);
  EXPECT_EQ(rd::string_to_number(".5"), 0.5);
  EXPECT_EQ(rd::string_to_number("5."), 5.0);
  EXPECT_EQ(rd::string_to_number("+.5"), 0.5);
  EXPECT_EQ(rd::string_to_number("007"), 7.0);
  EXPECT_EQ(rd::string_to_number("0.1"), 0.1);
  const char* nans[] = {"-0x10",
                        "0x",
                        "0b2",
                        "0o8",
                        "0xg",
                        "1_000",
                        "infinity",
                        "1 2",
                        "12abc",
                        ".",
                        "e5",
                        "1e",
                        "--1",
                        "+-1",
                        "0x1.8",
                        "\xe1\xa0\x8e"
                        "1",
                        "\xe2\x80\x8b"
                        "1",
                        "NaN",
                        "1,5"};
  for (const char* t : nans) EXPECT_TRUE(std::isnan(rd::string_to_number(t))) << t;
  EXPECT_TRUE(std::signbit(rd::string_to_number("-0")));
}

// ---------------------------------------------------------------------------
// ASCII

TEST(CoreAscii, ClassesMatchTheCLocale) {
  std::setlocale(LC_CTYPE, "C");
  for (int b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    EXPECT_EQ(rd::is_digit(c), std::isdigit(b) != 0) << b;
    EXPECT_EQ(rd::is_alpha(c), std::isalpha(b) != 0) << b;
    EXPECT_EQ(rd::is_alnum(c), std::isalnum(b) != 0) << b;
    EXPECT_EQ(rd::is_upper(c), std::isupper(b) != 0) << b;
    EXPECT_EQ(rd::is_lower(c), std::islower(b) != 0) << b;
    EXPECT_EQ(rd::is_hex_digit(c), std::isxdigit(b) != 0) << b;
    EXPECT_EQ(rd::is_ascii_space(c), std::isspace(b) != 0) << b;
    EXPECT_EQ(rd::is_print(c), std::isprint(b) != 0) << b;
    EXPECT_EQ(rd::to_lower(c), static_cast<char>(std::tolower(b))) << b;
    EXPECT_EQ(rd::to_upper(c), static_cast<char>(std::toupper(b))) << b;
    EXPECT_EQ(rd::hex_digit_value(c) >= 0, rd::is_hex_digit(c)) << b;
    EXPECT_EQ(rd::is_word_char(c), std::isalnum(b) != 0 || b == '_') << b;
  }
  EXPECT_EQ(rd::hex_digit_value('F'), 15);
  EXPECT_EQ(rd::hex_digit_value('a'), 10);
  EXPECT_EQ(rd::hex_digit_value('9'), 9);
  EXPECT_EQ(rd::hex_digit_value('g'), -1);
}

TEST(CoreAscii, CaseInsensitiveComparison) {
  EXPECT_TRUE(rd::iequals("BREAKING CHANGE", "breaking change"));
  EXPECT_FALSE(rd::iequals("abc", "abd"));
  EXPECT_FALSE(rd::iequals("abc", "ab"));
  EXPECT_TRUE(rd::iequals("", ""));
  EXPECT_FALSE(rd::iequals("\xc3\x89", "\xc3\xa9"));  // only ASCII folds
  EXPECT_TRUE(rd::istarts_with("Fixes #12", "fixes"));
  EXPECT_FALSE(rd::istarts_with("Fix", "fixes"));
  EXPECT_TRUE(rd::all_digits("0123"));
  EXPECT_FALSE(rd::all_digits(""));
  EXPECT_FALSE(rd::all_digits("12a"));
  static_assert(rd::iequals("Ab", "aB"), "constexpr");
}

}  // namespace
