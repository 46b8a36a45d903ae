// relkit::semver unit tests: exact values, error codes, positions, messages.
#include "relkit/relkit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

namespace sv = relkit::semver;
using sv::errc;
using sv::parse_mode;

sv::version must_parse(std::string_view text, parse_mode mode = parse_mode::strict) {
  auto v = sv::parse(text, mode);
  EXPECT_TRUE(v) << text;
  return v ? *v : sv::version{};
}

void expect_error(std::string_view text, parse_mode mode, errc code, std::size_t pos,
                  const std::string& message) {
  auto v = sv::parse(text, mode);
  ASSERT_FALSE(v) << text;
  EXPECT_EQ(v.error().code, code) << text;
  EXPECT_EQ(v.error().position, pos) << text;
  EXPECT_EQ(v.error().message(), message) << text;
}

TEST(SemverParse, StrictFields) {
  const auto v = must_parse("1.20.3-beta.2+exp.sha.5114f85");
  EXPECT_EQ(v.major, 1U);
  EXPECT_EQ(v.minor, 20U);
  EXPECT_EQ(v.patch, 3U);
  EXPECT_EQ(v.prerelease, "beta.2");
  EXPECT_EQ(v.build, "exp.sha.5114f85");
  EXPECT_EQ(sv::to_string(v), "1.20.3-beta.2+exp.sha.5114f85");
  EXPECT_EQ(sv::to_npm_string(v), "1.20.3-beta.2");
}

TEST(SemverParse, StrictErrors) {
  expect_error("1.02.3", parse_mode::strict, errc::leading_zero, 2,
               "leading zero in minor version");
  expect_error("18446744073709551616.0.0", parse_mode::strict, errc::number_too_large, 0,
               "major version exceeds 18446744073709551615");
  expect_error("1.2.x", parse_mode::strict, errc::unexpected_character, 4,
               "unexpected 'x' while parsing patch version");
  expect_error("1.2.3-01", parse_mode::strict, errc::leading_zero, 6,
               "leading zero in prerelease identifier");
  expect_error("1.2.3-a..b", parse_mode::strict, errc::unexpected_character, 8,
               "unexpected '.' while parsing prerelease identifier");
  expect_error("1.2.3+", parse_mode::strict, errc::unexpected_end, 6,
               "unexpected end of input while parsing build identifier");
  expect_error("1.2", parse_mode::strict, errc::unexpected_end, 3,
               "unexpected end of input while parsing minor version");
  expect_error("v1.2.3", parse_mode::strict, errc::unexpected_character, 0,
               "unexpected 'v' while parsing major version");
  expect_error(" 1.2.3", parse_mode::strict, errc::unexpected_character, 0,
               "unexpected ' ' while parsing major version");
  expect_error("", parse_mode::strict, errc::empty, 0, "empty version");
  expect_error("1.2.3\x01", parse_mode::strict, errc::unexpected_character, 5,
               "unexpected byte 0x01 while parsing patch version");
}

TEST(SemverParse, Uint64Boundary) {
  const auto v = must_parse("18446744073709551615.18446744073709551615.18446744073709551615");
  EXPECT_EQ(v.major, UINT64_MAX);
  EXPECT_EQ(v.patch, UINT64_MAX);
  expect_error("0.0.184467440737095516150", parse_mode::strict, errc::number_too_large, 4,
               "patch version exceeds 18446744073709551615");
}

TEST(SemverParse, LengthLimit) {
  const std::string long_build = "1.0.0+" + std::string(251, 'a');
  expect_error(long_build, parse_mode::strict, errc::too_long, 256,
               "version is longer than 256 characters");
  sv::parse_options opts;
  opts.max_length = 1000;
  EXPECT_TRUE(sv::parse(long_build, opts));
  opts.max_length = 4;
  auto short_limit = sv::parse("1.2.3", opts);
  ASSERT_FALSE(short_limit);
  EXPECT_EQ(short_limit.error().message(), "version is longer than 4 characters");
}

TEST(SemverParse, NpmMode) {
  EXPECT_EQ(sv::to_string(must_parse(" v1.2.3\n", parse_mode::npm)), "1.2.3");
  expect_error("=1.2.3", parse_mode::npm, errc::unexpected_character, 0,
               "unexpected '=' while parsing major version");
  expect_error("9007199254740992.0.0", parse_mode::npm, errc::number_too_large, 0,
               "major version exceeds 9007199254740991");
  EXPECT_EQ(must_parse("9007199254740991.0.0", parse_mode::npm).major, 9007199254740991U);
  // U+00A0 and U+FEFF are JavaScript whitespace too.
  EXPECT_EQ(sv::to_string(must_parse("\xc2\xa0"
                                     "1.2.3\xef\xbb\xbf",
                                     parse_mode::npm)),
            "1.2.3");
}

TEST(SemverParse, NpmLooseMode) {
  EXPECT_EQ(sv::to_string(must_parse("=v 01.02.03beta", parse_mode::npm_loose)), "1.2.3-beta");
  EXPECT_EQ(sv::to_string(must_parse("1.2.3-01", parse_mode::npm_loose)), "1.2.3-1");
  EXPECT_EQ(sv::to_string(must_parse("1.2.34.5", parse_mode::npm_loose)), "1.2.3-4.5");
  EXPECT_EQ(sv::to_string(must_parse("1.2.3-", parse_mode::npm_loose)), "1.2.3--");
  EXPECT_EQ(sv::to_string(must_parse("1.2.3-+b", parse_mode::npm_loose)), "1.2.3--+b");
  expect_error("1.2.3.4", parse_mode::npm_loose, errc::unexpected_character, 5,
               "unexpected '.' while parsing patch version");
}

TEST(SemverParse, RoundTrip) {
  for (const char* text :
       {"0.0.0", "1.0.0-alpha", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--",
        "1.0.0+21AF26D3----117B344092BD", "1.0.0-beta+exp.sha.5114f85"}) {
    const auto v = must_parse(text);
    EXPECT_EQ(sv::to_string(v), text);
    EXPECT_TRUE(sv::identical(must_parse(sv::to_string(v)), v));
  }
}

TEST(SemverCompare, SpecChain) {
  const std::vector<std::string> chain = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                                          "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                                          "1.0.0-rc.1",  "1.0.0",         "2.0.0",
                                          "2.1.0",       "2.1.1"};
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    const auto a = must_parse(chain[i]);
    const auto b = must_parse(chain[i + 1]);
    EXPECT_LT(a, b) << chain[i];
    EXPECT_EQ(sv::compare(a, b), -1);
    EXPECT_EQ(sv::compare(b, a), 1);
  }
  EXPECT_EQ(must_parse("1.0.0+a"), must_parse("1.0.0+b"));
  EXPECT_EQ(sv::compare_build(must_parse("1.0.0+a"), must_parse("1.0.0+b")), -1);
  EXPECT_EQ(sv::compare_build(must_parse("1.0.0"), must_parse("1.0.0+b")), -1);
  auto strings = sv::compare("1.2.3", "1.2.4-rc.1");
  ASSERT_TRUE(strings);
  EXPECT_EQ(*strings, -1);
  EXPECT_EQ(sv::compare("1.2.3", "nope").error().code, errc::unexpected_character);
}

// Deliberate difference: node-semver compares numeric identifiers as doubles
// (both of these are 0 there); relkit compares them exactly, as §11 says.
TEST(SemverCompare, HugeNumericIdentifiersAreExact) {
  EXPECT_EQ(sv::compare(must_parse("1.2.3-9007199254740993"), must_parse("1.2.3-9007199254740992")),
            1);
  EXPECT_EQ(sv::compare(must_parse("1.2.3-10000000000000000001"),
                        must_parse("1.2.3-9999999999999999999")),
            1);
}

// compare() looks only at the identifier pair holding the first differing
// byte; this checks it against the identifier-by-identifier walk on every
// pair of short prereleases over a small alphabet, including prefixes and
// numeric ids that differ only in leading zeros.
TEST(SemverCompare, PrereleaseShortcutMatchesFullWalk) {
  // (a NUL byte inside an identifier cannot come from parse, only from code
  // that sets the member: it compares as a character, as in the full walk)
  std::vector<std::string> ids = {"0",
                                  "1",
                                  "01",
                                  "10",
                                  "9",
                                  "a",
                                  "a1",
                                  "1a",
                                  "b",
                                  "-",
                                  std::string(1, '\0'),
                                  std::string("1\0", 2)};
  std::vector<std::string> lists;
  for (const auto& x : ids) {
    lists.push_back(x);
    for (const auto& y : ids) {
      lists.push_back(x + "." + y);
      lists.push_back(x + y);
    }
  }
  std::size_t checked = 0;
  // the prefixes put the differing byte past the first eight-byte word, or in
  // the four-byte words of 4 to 7 common bytes
  for (const std::string prefix : {"", "alpha.1.beta.", "1234567.89.", "abcdefgh", "ab.", "12.3"}) {
    for (const auto& x : lists) {
      for (const auto& y : lists) {
        const std::string a = prefix + x;
        const std::string b = prefix + y;
        const int fast = sv::detail::compare_prereleases(a, b);
        const int walk = sv::detail::compare_identifier_lists(a, b, false);
        ASSERT_EQ(fast, walk) << a << " vs " << b;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 6 * lists.size() * lists.size());
  EXPECT_EQ(sv::detail::compare_prereleases("rc.0", "rc.1"), -1);
  EXPECT_EQ(sv::detail::compare_prereleases("rc.10", "rc.9"), 1);
  EXPECT_EQ(sv::detail::compare_prereleases("rc.1a", "rc.10"), 1);
  EXPECT_EQ(sv::detail::compare_prereleases("beta.x-1", "beta.x-2"), -1);
  EXPECT_EQ(sv::detail::compare_prereleases("alpha.1.beta.7", "alpha.1.beta.10"), -1);
  EXPECT_EQ(sv::detail::compare_prereleases("alpha", "alpha.1"), -1);
  EXPECT_EQ(sv::detail::compare_prereleases("alpha.beta", "alpha.1"), 1);
}

TEST(SemverCompare, HashAgreesWithEquality) {
  std::hash<sv::version> h;
  EXPECT_EQ(h(must_parse("1.2.3-a.1+x")), h(must_parse("1.2.3-a.1+y")));
  EXPECT_EQ(h(must_parse("1.2.3-01", parse_mode::npm_loose)), h(must_parse("1.2.3-1")));
  std::unordered_set<sv::version> set{must_parse("1.0.0"), must_parse("1.0.0+b"),
                                      must_parse("1.0.1")};
  EXPECT_EQ(set.size(), 2U);
}

TEST(SemverCompare, Sort) {
  std::vector<sv::version> list{must_parse("1.0.0+b"), must_parse("0.9.0"), must_parse("1.0.0"),
                                must_parse("1.0.0-rc.1"), must_parse("1.0.0+a")};
  sv::sort(list);
  std::vector<std::string> out;
  for (const auto& v : list) out.push_back(sv::to_string(v));
  EXPECT_EQ(out, (std::vector<std::string>{"0.9.0", "1.0.0-rc.1", "1.0.0", "1.0.0+a", "1.0.0+b"}));
  sv::rsort(list);
  EXPECT_EQ(sv::to_string(list.front()), "1.0.0+b");
}

// sort/rsort extract a key per version; the order must be std::stable_sort's
// by compare_build, equal keys (builds, prereleases) and numbers beyond the
// key's 21 bits included. Builds that compare_build cannot order consistently
// (01.b ~ 1.a ~ 01.a < 01.b) have no one stable order: std::stable_sort of
// libstdc++ and of libc++ place them differently, so for those three only
// their block is compared (they sit together: every other version orders the
// same against each of them).
TEST(SemverCompare, SortMatchesStableSortByBuild) {
  const char* texts[] = {
      "1.0.0+b", "1.0.0",         "1.0.0+a",        "1.0.0-rc.1",   "1.0.0-rc.1+z", "1.0.0-rc.01+q",
      "0.9.0",   "2097151.0.0",   "0.2097151.1",    "1.0.0-rc.1+a", "1.0.0+a",      "1.0.0-alpha",
      "0.0.0",   "3.2.1+build.7", "3.2.1+build.10", "1.0.0+01.b",   "1.0.0+1.a",    "1.0.0+01.a"};
  auto shown = [](const std::vector<sv::version>& list) {
    std::vector<std::string> out;
    for (const auto& v : list) {
      const std::string text = sv::to_string(v);
      const bool unordered = text == "1.0.0+01.b" || text == "1.0.0+1.a" || text == "1.0.0+01.a";
      out.push_back(unordered ? "(one of the three)" : text);
    }
    return out;
  };
  std::vector<sv::version> list;
  for (const char* t : texts) list.push_back(must_parse(t, parse_mode::npm_loose));
  for (int round = 0; round < 3; ++round) {
    std::vector<sv::version> expected = list;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return sv::compare_build(a, b) < 0; });
    std::vector<sv::version> got = list;
    sv::sort(got);
    EXPECT_EQ(shown(got), shown(expected));
    expected = list;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return sv::compare_build(b, a) < 0; });
    got = list;
    sv::rsort(got);
    EXPECT_EQ(shown(got), shown(expected));
    // Identical members, not only equal precedence: the stable order of equal keys.
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (shown({got[i]}).front() != "(one of the three)") {
        EXPECT_TRUE(sv::identical(got[i], expected[i])) << i;
      }
    }
    std::rotate(list.begin(), list.begin() + 4, list.end());
    // the third round: a number too large for the key
    if (round == 1) list.push_back(must_parse("2097152.0.0"));
  }
}

std::string bumped(const char* from, sv::release_type type, sv::bump_options opts = {}) {
  auto v = sv::bump(must_parse(from), type, opts);
  return v ? sv::to_string(*v) : "error: " + v.error().message();
}

TEST(SemverBump, NodeSemverInc) {
  using rt = sv::release_type;
  EXPECT_EQ(bumped("1.2.3", rt::major), "2.0.0");
  EXPECT_EQ(bumped("1.0.0-5", rt::major), "1.0.0");
  EXPECT_EQ(bumped("1.2.0-5", rt::minor), "1.2.0");
  EXPECT_EQ(bumped("1.2.3+build", rt::patch), "1.2.4");
  EXPECT_EQ(bumped("1.2.3", rt::prerelease), "1.2.4-0");
  EXPECT_EQ(bumped("1.2.3-beta.1", rt::prerelease), "1.2.3-beta.2");
  sv::bump_options alpha;
  alpha.identifier = "alpha";
  EXPECT_EQ(bumped("1.2.3-beta.1", rt::prerelease, alpha), "1.2.3-alpha.0");
  sv::bump_options beta_none;
  beta_none.identifier = "beta";
  beta_none.base = sv::identifier_base::none;
  EXPECT_EQ(bumped("1.2.3", rt::preminor, beta_none), "1.3.0-beta");
  EXPECT_EQ(bumped("1.2.3-beta", rt::prerelease, beta_none),
            "error: prerelease identifier already exists");
  sv::bump_options one;
  one.identifier = "rc";
  one.base = sv::identifier_base::one;
  EXPECT_EQ(bumped("1.2.3", rt::premajor, one), "2.0.0-rc.1");
  EXPECT_EQ(bumped("1.2.3", rt::release), "error: version 1.2.3 is not a prerelease");
  sv::bump_options bad;
  bad.identifier = "beta!";
  EXPECT_EQ(bumped("1.2.3", rt::prepatch, bad), "error: invalid prerelease identifier 'beta!'");
  EXPECT_EQ(bumped("18446744073709551615.0.0", rt::major),
            "error: major version exceeds 18446744073709551615");
}

// node-semver's inc gives "9007199254740992.0.0", which its own parser then
// rejects; relkit gives the same version, which parses strictly but not in
// the npm modes.
TEST(SemverBump, PastMaxSafeInteger) {
  const auto v =
      sv::bump(must_parse("9007199254740991.0.0", parse_mode::npm), sv::release_type::major);
  ASSERT_TRUE(v);
  EXPECT_EQ(sv::to_string(*v), "9007199254740992.0.0");
  EXPECT_FALSE(sv::parse(sv::to_string(*v), parse_mode::npm));
  EXPECT_TRUE(sv::parse(sv::to_string(*v), parse_mode::strict));
}

TEST(SemverOps, DiffTruncateCoerce) {
  EXPECT_EQ(sv::diff(must_parse("1.2.3"), must_parse("2.0.0-pre")), sv::release_type::premajor);
  EXPECT_EQ(sv::diff(must_parse("1.0.0-1"), must_parse("1.0.0")), sv::release_type::major);
  EXPECT_EQ(sv::diff(must_parse("1.2.3+a"), must_parse("1.2.3+b")), std::nullopt);
  EXPECT_EQ(sv::to_string(*sv::truncate(must_parse("1.2.3-rc.1+b"), sv::release_type::minor)),
            "1.2.0");
  EXPECT_EQ(sv::truncate(must_parse("1.2.3"), sv::release_type::release), std::nullopt);
  EXPECT_EQ(sv::to_string(*sv::coerce("v3.4 release")), "3.4.0");
  sv::coerce_options rtl;
  rtl.rtl = true;
  EXPECT_EQ(sv::to_string(*sv::coerce("1.2.3.4", rtl)), "2.3.4");
  sv::coerce_options pre;
  pre.include_prerelease = true;
  EXPECT_EQ(sv::to_string(*sv::coerce("tag 1.2.3-rc.1+b5 x", pre)), "1.2.3-rc.1+b5");
  EXPECT_EQ(sv::coerce("12345678901234567"), std::nullopt);
}

std::string normalized(const char* text, sv::range_options o = {}) {
  auto r = sv::parse_range(text, o);
  return r ? sv::to_string(*r) : "error: " + r.error().message();
}

TEST(SemverRange, NormalizedForm) {
  EXPECT_EQ(normalized("^1.2.3"), ">=1.2.3 <2.0.0-0");
  EXPECT_EQ(normalized(">=1.2.7 <1.3.0 || 2.x"), ">=1.2.7 <1.3.0||>=2.0.0 <3.0.0-0");
  EXPECT_EQ(normalized("~1.2.3-beta.2"), ">=1.2.3-beta.2 <1.3.0-0");
  EXPECT_EQ(normalized("1.2 - 2.3.4"), ">=1.2.0 <=2.3.4");
  EXPECT_EQ(normalized("^0.0"), "<0.1.0-0");
  EXPECT_EQ(normalized(">1.2"), ">=1.3.0");
  EXPECT_EQ(normalized("<=1.2"), "<1.3.0-0");
  EXPECT_EQ(normalized("*"), "*");
  EXPECT_EQ(normalized(""), "*");
  sv::range_options pre;
  pre.include_prerelease = true;
  EXPECT_EQ(normalized("^1.2", pre), ">=1.2.0-0 <2.0.0-0");
  EXPECT_EQ(normalized(">=1.2.3 <foo"), "error: invalid range: invalid comparator '<foo'");
  auto err = sv::parse_range(">=1.2.3 <foo");
  EXPECT_EQ(err.error().code, errc::invalid_range);
  EXPECT_EQ(err.error().position, 8U);
}

TEST(SemverRange, SatisfiesAndPrereleaseRule) {
  const auto caret = *sv::parse_range("^1.2.3-beta.2");
  EXPECT_TRUE(sv::satisfies(must_parse("1.2.3-beta.3"), caret));
  EXPECT_FALSE(sv::satisfies(must_parse("1.2.4-beta.3"), caret));
  EXPECT_TRUE(sv::satisfies(must_parse("1.9.0"), caret));
  EXPECT_FALSE(*sv::satisfies("1.2.3-alpha", "*"));
  sv::range_options pre;
  pre.include_prerelease = true;
  EXPECT_TRUE(*sv::satisfies("1.2.3-alpha", "*", pre));
  EXPECT_FALSE(sv::satisfies("not a version", "*").value_or(false));
}

// satisfies(string, string) has compare(string, string)'s error policy: an
// error when either text does not parse (the range is read first).
TEST(SemverRange, SatisfiesStringsReportErrorsAsCompareDoes) {
  const auto bad_version = sv::satisfies("not a version", "*");
  ASSERT_FALSE(bad_version);
  const auto compared = sv::compare("not a version", "1.2.3", sv::npm_options);
  ASSERT_FALSE(compared);
  EXPECT_EQ(bad_version.error(), compared.error());
  EXPECT_EQ(bad_version.error().code, errc::unexpected_character);
  EXPECT_EQ(bad_version.error().position, 0U);
  EXPECT_EQ(relkit::to_string(bad_version.error()),
            "unexpected 'n' while parsing major version at 0 [semver.unexpected_character]");
  const auto bad_range = sv::satisfies("1.2.3", ">=1.2.3 <foo");
  ASSERT_FALSE(bad_range);
  EXPECT_EQ(bad_range.error().code, errc::invalid_range);
  EXPECT_EQ(bad_range.error().position, 8U);
  EXPECT_EQ(relkit::to_string(bad_range.error()),
            "invalid range: invalid comparator '<foo' at 8 [semver.invalid_range]");
  EXPECT_TRUE(*sv::satisfies("1.5.0", "^1.2.3"));
}

// Issue 14 item 10: loose mode drops a token that is not a loose comparator
// (COMPARATORLOOSE does not look at the size of numbers) and keeps the rest;
// answers of node-semver 7.8.6.
TEST(SemverRange, LooseDropsNonComparatorWithHugeNumber) {
  sv::range_options loose;
  loose.loose = true;
  EXPECT_EQ(normalized("1.x 9007199254740992a", loose), ">=1.0.0 <2.0.0-0");
  EXPECT_EQ(normalized("^1.2.3 || 99999999999999999999-rc", loose), ">=1.2.3 <2.0.0-0");
  EXPECT_TRUE(sv::satisfies(must_parse("1.5.0"),
                            *sv::parse_range("^1.2.3 || 99999999999999999999-rc", loose)));
  // A token that is a loose comparator but holds a number beyond 2^53-1
  // still fails the whole range (node: validRange null).
  EXPECT_FALSE(sv::parse_range("1.x 9007199254740992.1.1", loose));
  EXPECT_FALSE(sv::parse_range("9007199254740992a", loose));
  // Not loose: every token must make a comparator.
  EXPECT_FALSE(sv::parse_range("1.x 9007199254740992a"));
}

TEST(SemverRange, Queries) {
  const std::vector<sv::version> list{must_parse("1.2.3"), must_parse("1.2.4"), must_parse("1.3.0"),
                                      must_parse("2.0.0-rc.1")};
  const auto r = *sv::parse_range("~1.2.0");
  EXPECT_EQ(sv::to_string(*sv::max_satisfying(list, r)), "1.2.4");
  EXPECT_EQ(sv::to_string(*sv::min_satisfying(list, r)), "1.2.3");
  EXPECT_EQ(sv::to_string(*sv::min_version(*sv::parse_range(">1.2.3 || >=3"))), "1.2.4");
  EXPECT_EQ(sv::min_version(*sv::parse_range(">4 <3")), std::nullopt);
  EXPECT_TRUE(sv::gtr(must_parse("1.3.0"), r));
  EXPECT_TRUE(sv::ltr(must_parse("1.1.9"), r));
  EXPECT_FALSE(sv::gtr(must_parse("1.2.5"), r));
  EXPECT_TRUE(sv::intersects(*sv::parse_range("^1.2"), *sv::parse_range("1.5 - 3")));
  EXPECT_FALSE(sv::intersects(*sv::parse_range("<1"), *sv::parse_range(">=2")));
  EXPECT_TRUE(sv::subset(*sv::parse_range("~1.2.3"), *sv::parse_range("^1")));
  EXPECT_FALSE(sv::subset(*sv::parse_range("^1"), *sv::parse_range("~1.2.3")));
}

// Every bump error: code, no_position (a version built in code has no text
// to point into) and exact message.
TEST(SemverErrors, BumpErrorsHaveNoPosition) {
  using rt = sv::release_type;
  const auto expect_bump_error = [](const char* from, rt type, const sv::bump_options& opts,
                                    errc code, const char* message) {
    const auto v = sv::bump(must_parse(from), type, opts);
    ASSERT_FALSE(v) << from;
    EXPECT_EQ(v.error().code, code) << from;
    EXPECT_EQ(v.error().position, relkit::no_position) << from;
    EXPECT_EQ(v.error().message(), message) << from;
  };
  sv::bump_options none;
  none.base = sv::identifier_base::none;
  expect_bump_error("1.2.3", rt::prerelease, none, errc::empty_identifier,
                    "empty prerelease identifier");
  sv::bump_options beta_none = none;
  beta_none.identifier = "beta";
  expect_bump_error("1.2.3-beta", rt::prerelease, beta_none, errc::identifier_exists,
                    "prerelease identifier already exists");
  sv::bump_options bad;
  bad.identifier = "beta!";
  expect_bump_error("1.2.3", rt::prepatch, bad, errc::invalid_identifier,
                    "invalid prerelease identifier 'beta!'");
  expect_bump_error("1.2.3+b.7", rt::release, {}, errc::not_a_prerelease,
                    "version 1.2.3 is not a prerelease");
  expect_bump_error("0.18446744073709551615.0", rt::minor, {}, errc::number_too_large,
                    "minor version exceeds 18446744073709551615");
  const auto v = sv::bump(must_parse("1.2.3"), rt::release);
  ASSERT_FALSE(v);
  EXPECT_EQ(relkit::to_string(v.error()),
            "version 1.2.3 is not a prerelease [semver.not_a_prerelease]");
}

TEST(SemverErrors, RangeErrors) {
  // Loose mode drops every token here, so no comparator is left.
  sv::range_options loose;
  loose.loose = true;
  const auto none = sv::parse_range("foo bar", loose);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, errc::invalid_range);
  EXPECT_EQ(none.error().position, 0U);
  EXPECT_EQ(none.error().message(), "invalid range: no valid comparator");
  // A comparator whose version fails: the comparator is named, at its place.
  const auto huge = sv::parse_range("^1.2.3 <9007199254740992.0.0");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, errc::invalid_range);
  EXPECT_EQ(huge.error().position, 7U);
  EXPECT_EQ(huge.error().message(), "invalid range: invalid comparator '<9007199254740992.0.0'");
  // A long comparator is cut in the message; the position falls back to
  // the start of its `||` part.
  const std::string long_text = "1.0.0 || >=1.2.3-" + std::string(60, 'a') + "!";
  const auto cut = sv::parse_range(long_text);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().position, 9U);
  EXPECT_EQ(cut.error().message(),
            "invalid range: invalid comparator '>=1.2.3-aaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
  // parse_comparator: the version's own error, at its byte in the input.
  const auto c = sv::parse_comparator(" >=  1.02.3");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, errc::leading_zero);
  EXPECT_EQ(c.error().position, 7U);
  EXPECT_EQ(c.error().message(), "leading zero in minor version");
  const auto g = sv::parse_comparator("~1.2.3");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, errc::invalid_range);
  EXPECT_EQ(g.error().position, 0U);
  EXPECT_EQ(g.error().message(), "invalid range: invalid comparator '~1.2.3'");
}

TEST(SemverEnums, NamesRoundTrip) {
  for (int k = 0; k <= static_cast<int>(sv::release_type::pre); ++k) {
    const auto type = static_cast<sv::release_type>(k);
    EXPECT_EQ(sv::parse_release_type(sv::to_string(type)), type);
  }
  EXPECT_EQ(sv::to_string(static_cast<sv::release_type>(200)), "unknown");
  EXPECT_EQ(sv::parse_release_type("unknown"), std::nullopt);
  for (int k = 0; k <= static_cast<int>(sv::comparator_op::ge); ++k) {
    const auto op = static_cast<sv::comparator_op>(k);
    EXPECT_EQ(sv::parse_comparator_op(sv::to_string(op)), op);
  }
  EXPECT_EQ(sv::to_string(sv::comparator_op::le), "le");
  EXPECT_EQ(sv::symbol(sv::comparator_op::le), "<=");
  EXPECT_EQ(sv::to_string(static_cast<sv::comparator_op>(200)), "unknown");
  EXPECT_EQ(sv::symbol(static_cast<sv::comparator_op>(200)), "");
}

TEST(SemverErrors, DomainNames) {
  const relkit::error_code code = errc::leading_zero;
  EXPECT_EQ(relkit::to_string(code), "semver.leading_zero");
  EXPECT_EQ(relkit::error_code(errc::invalid_range).name(), "invalid_range");
}

}  // namespace

namespace {

bool same_range(const sv::range& a, const sv::range& b) {
  if (a.sets.size() != b.sets.size()) return false;
  for (std::size_t i = 0; i < a.sets.size(); ++i) {
    if (a.sets[i].size() != b.sets[i].size()) return false;
    for (std::size_t j = 0; j < a.sets[i].size(); ++j) {
      const auto& x = a.sets[i][j];
      const auto& y = b.sets[i][j];
      if (x.op != y.op || !sv::identical(x.operand, y.operand)) return false;
    }
  }
  return a.options.loose == b.options.loose &&
         a.options.include_prerelease == b.options.include_prerelease;
}

// Every shape the fast range path knows, its near misses, with 0 / multi-digit
// numbers, prereleases and both loose settings: where the fast path accepts,
// its comparators must equal the general (node-desugaring) path's.
TEST(SemverRangeFastPath, AgreesWithGeneralPath) {
  const std::vector<std::string> prefixes = {"", "^", "~", ">=", ">", "<=", "<", "=", "~>", "v"};
  const std::vector<std::string> cores = {"1.2.3",
                                          "0.2.3",
                                          "0.0.3",
                                          "0.0.0",
                                          "10.20.30",
                                          "1.0.0",
                                          "0.1.0",
                                          "1",
                                          "0",
                                          "1.2",
                                          "0.2",
                                          "0.0",
                                          "1.x",
                                          "0.x",
                                          "1.2.x",
                                          "0.0.x",
                                          "1.x.x",
                                          "1.2.X",
                                          "01.2.3",
                                          "1.02.3",
                                          "999999999999999.1.1",
                                          "1000000000000000.1.1",
                                          "1.x.3",
                                          "1.2.3.4",
                                          "*"};
  const std::vector<std::string> suffixes = {"",       "-beta.2", "-0", "-alpha",  "-01",
                                             "-a.1.b", "+build",  "-",  "-beta..1"};
  std::vector<std::string> prims;
  for (const auto& p : prefixes)
    for (const auto& c : cores)
      for (const auto& x : suffixes) prims.push_back(p + c + x);
  std::vector<std::string> inputs = prims;
  for (std::size_t i = 0; i < prims.size(); i += 7) {
    const auto& a = prims[i];
    const auto& b = prims[(i * 31 + 5) % prims.size()];
    inputs.push_back(a + " " + b);
    inputs.push_back(a + " || " + b);
    inputs.push_back(a + "  " + b);
    inputs.push_back(a + " ||" + b);
    inputs.push_back(" " + a);
    inputs.push_back(a + " " + a);
    inputs.push_back(a + " " + b + " || " + b + " " + a + " || " + a);
  }
  std::size_t fast_taken = 0;
  for (const bool loose : {false, true}) {
    for (const bool pre : {false, true}) {
      sv::range_options o;
      o.loose = loose;
      o.include_prerelease = pre;
      for (const auto& text : inputs) {
        sv::range fast;
        if (!sv::detail::parse_range_fast(text, o, fast)) continue;
        ++fast_taken;
        const auto general = sv::detail::parse_range_general(text, o);
        ASSERT_TRUE(general) << text;
        ASSERT_TRUE(same_range(fast, *general))
            << text << " loose " << loose << ": fast " << sv::to_string(fast) << " general "
            << sv::to_string(*general);
      }
    }
  }
  EXPECT_GT(fast_taken, 500U);
  sv::range r;
  EXPECT_TRUE(sv::detail::parse_range_fast(">=1.2.7 <1.3.0 || 2.x", {}, r));
  EXPECT_EQ(sv::to_string(r), ">=1.2.7 <1.3.0||>=2.0.0 <3.0.0-0");
  EXPECT_FALSE(sv::detail::parse_range_fast("^0.0.0", {}, r));
  EXPECT_FALSE(sv::detail::parse_range_fast("1.2.3 1.2.3", {}, r));
}

}  // namespace

namespace {

// small_vector (a range's storage): inline up to N, then the heap; copies,
// moves (a moved-from vector is empty), insert/erase and equality as
// std::vector's.
TEST(SemverSmallVector, InlineThenHeapLikeStdVector) {
  using strings = sv::small_vector<std::string, 2>;
  strings v;
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), 2U);
  v.push_back("a");
  v.emplace_back(std::size_t{3}, 'b');
  const std::string* inline_place = v.data();
  EXPECT_EQ(v.capacity(), 2U);
  // an element of the vector itself, pushed while the vector grows
  v.push_back(v[0]);
  EXPECT_NE(v.data(), inline_place);
  EXPECT_GE(v.capacity(), 3U);
  v.insert(v.begin() + 1, "c");
  EXPECT_EQ(std::vector<std::string>(v.begin(), v.end()),
            (std::vector<std::string>{"a", "c", "bbb", "a"}));
  v.erase(v.begin());
  EXPECT_EQ(v.front(), "c");
  EXPECT_EQ(v.back(), "a");
  EXPECT_EQ(v.size(), 3U);

  const strings copy = v;
  EXPECT_EQ(copy, v);
  strings moved = std::move(v);
  EXPECT_EQ(moved, copy);
  EXPECT_TRUE(v.empty());  // NOLINT(bugprone-use-after-move): documented state

  strings small{"x"};
  strings small_moved = std::move(small);
  EXPECT_EQ(small_moved, (strings{"x"}));
  EXPECT_TRUE(small.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_NE(small_moved, copy);
  small_moved = copy;
  EXPECT_EQ(small_moved, copy);
  small_moved = strings{"y", "z"};
  EXPECT_EQ(small_moved.size(), 2U);
  small_moved.resize(4);
  EXPECT_EQ(small_moved[3], "");
  small_moved.pop_back();
  small_moved.clear();
  EXPECT_TRUE(small_moved.empty());

  const std::vector<std::string> from = {"p", "q", "r"};
  const strings made(from.begin(), from.end());
  EXPECT_EQ(made.size(), 3U);
  EXPECT_EQ(made[2], "r");
}

// Ranges of several sets and of sets beyond two comparators (the heap side of
// their storage), built by hand and parsed, compare and match as before.
TEST(SemverSmallVector, RangesBeyondInlineStorage) {
  EXPECT_FALSE(sv::parse_range(">=1.0.0 <2.0.0 !=x || >=3 <4 >=3.1 || 5.x || ~6.1"));
  const auto many = sv::parse_range(">=1.0.0 <2.0.0 >1.0.1 || >=3 <4 >=3.1 || 5.x || ~6.1");
  ASSERT_TRUE(many);
  EXPECT_EQ(sv::to_string(*many),
            ">=1.0.0 <2.0.0 >1.0.1||>=3.0.0 <4.0.0-0 >=3.1.0||>=5.0.0 <6.0.0-0||>=6.1.0 <6.2.0-0");
  EXPECT_TRUE(sv::satisfies(must_parse("3.2.0"), *many));
  EXPECT_FALSE(sv::satisfies(must_parse("1.0.1"), *many));
  sv::range built;
  built.sets.push_back({sv::comparator{sv::comparator_op::ge, sv::version(1, 0, 0)}});
  built.sets.emplace_back(many->sets[1]);
  built.sets.push_back(sv::comparator_set(many->sets[0].begin(), many->sets[0].end()));
  const sv::range copy = built;
  EXPECT_EQ(copy, built);
  EXPECT_EQ(sv::to_string(copy), ">=1.0.0||>=3.0.0 <4.0.0-0 >=3.1.0||>=1.0.0 <2.0.0 >1.0.1");
  const std::vector<sv::comparator> as_vector(many->sets[1].begin(), many->sets[1].end());
  EXPECT_TRUE(sv::test_set(as_vector, must_parse("3.5.0"), false));
  EXPECT_EQ(sv::test_set(as_vector, must_parse("3.0.5"), false),
            sv::test_set(many->sets[1], must_parse("3.0.5"), false));
}

}  // namespace
