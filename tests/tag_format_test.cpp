// relkit::commits tag formats: semantic-release's tagFormat, its tag regex, clean() and
// the choice of the last release. Expected values were checked against semantic-release
// 24.2.9's get-tags.js regex and get-last-release.js with node-semver 7.7.
#include <relkit/relkit.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace rc = relkit::commits;
namespace sv = relkit::semver;

rc::tag_format format_of(std::string_view text) {
  auto f = rc::parse_tag_format(text);
  EXPECT_TRUE(f) << text;
  return f ? *f : rc::tag_format{};
}

std::string version_text(const std::optional<std::string_view>& v) {
  return v ? std::string(*v) : std::string("<none>");
}

TEST(TagFormat, DefaultIsSemanticReleases) {
  const rc::tag_format f;
  EXPECT_EQ(f.text(), "v${version}");
  EXPECT_EQ(f.prefix(), "v");
  EXPECT_EQ(f.suffix(), "");
  EXPECT_EQ(f, format_of("v${version}"));
  EXPECT_EQ(rc::to_string(f), "v${version}");
}

TEST(TagFormat, VersionAnywhere) {
  const rc::tag_format at = format_of("pkg@${version}");
  EXPECT_EQ(at.prefix(), "pkg@");
  EXPECT_EQ(at.suffix(), "");
  const rc::tag_format slash = format_of("pkg/v${version}");
  EXPECT_EQ(slash.prefix(), "pkg/v");
  const rc::tag_format bare = format_of("${version}");
  EXPECT_EQ(bare.prefix(), "");
  EXPECT_EQ(bare.suffix(), "");
  const rc::tag_format middle = format_of("release-${version}-final");
  EXPECT_EQ(middle.prefix(), "release-");
  EXPECT_EQ(middle.suffix(), "-final");
  EXPECT_NE(bare, middle);
  EXPECT_EQ(rc::to_string(middle), "release-${version}-final");
}

TEST(TagFormat, MakeTag) {
  EXPECT_EQ(rc::make_tag(rc::tag_format{}, sv::version(1, 2, 3)), "v1.2.3");
  EXPECT_EQ(rc::make_tag(format_of("pkg@${version}"), sv::version(2, 0, 0, "rc.1")),
            "pkg@2.0.0-rc.1");
  EXPECT_EQ(rc::make_tag(format_of("pkg-v${version}"), sv::version(0, 1, 0)), "pkg-v0.1.0");
  EXPECT_EQ(rc::make_tag(format_of("${version}-final"), sv::version(3, 0, 0, "", "b.7")),
            "3.0.0+b.7-final");
}

void expect_format_error(std::string_view text, rc::errc code, std::size_t position,
                         const std::string& message) {
  const auto f = rc::parse_tag_format(text);
  ASSERT_FALSE(f) << text;
  EXPECT_EQ(f.error().code, code) << text;
  EXPECT_EQ(f.error().position, position) << text;
  EXPECT_EQ(f.error().message(), message) << text;
}

TEST(TagFormat, ExactlyOneVersion) {
  expect_format_error("", rc::errc::bad_tag_format, 0, "expected ${version} in a tag format");
  expect_format_error("v1.0", rc::errc::bad_tag_format, 4, "expected ${version} in a tag format");
  expect_format_error("v{version}", rc::errc::bad_tag_format, 10,
                      "expected ${version} in a tag format");
  expect_format_error("${version}-${version}", rc::errc::bad_tag_format, 11,
                      "expected a single ${version} in a tag format");
  expect_format_error("v${ version }", rc::errc::bad_tag_format, 1,
                      "expected ${version} as the only placeholder in a tag format");
  expect_format_error("${name}@${version}", rc::errc::bad_tag_format, 0,
                      "expected ${version} as the only placeholder in a tag format");
  expect_format_error("v<%= version %>", rc::errc::bad_tag_format, 1,
                      "expected ${version} as the only placeholder in a tag format");
  const auto e = rc::parse_tag_format("v1");
  ASSERT_FALSE(e);
  EXPECT_EQ(relkit::to_string(e.error()),
            "expected ${version} in a tag format at 2 [commits.bad_tag_format]");
}

TEST(TagFormat, TextGitRefusesInATagName) {
  expect_format_error("v ${version}", rc::errc::bad_tag_name, 1,
                      "a git tag name cannot contain ' '");
  expect_format_error("v${version}\n", rc::errc::bad_tag_name, 11,
                      "a git tag name cannot contain byte 0x0a");
  expect_format_error("v${version}~1", rc::errc::bad_tag_name, 11,
                      "a git tag name cannot contain '~'");
  expect_format_error("a:${version}", rc::errc::bad_tag_name, 1,
                      "a git tag name cannot contain ':'");
  expect_format_error("a\\${version}", rc::errc::bad_tag_name, 1,
                      "a git tag name cannot contain '\\'");
  expect_format_error("v..${version}", rc::errc::bad_tag_name, 1,
                      "a git tag name cannot contain '..'");
  expect_format_error("v@{${version}", rc::errc::bad_tag_name, 1,
                      "a git tag name cannot contain '@{'");
  expect_format_error("pkg//${version}", rc::errc::bad_tag_name, 3,
                      "a git tag name cannot contain '//'");
  expect_format_error("/v${version}", rc::errc::bad_tag_name, 0,
                      "a git tag name cannot begin with '/'");
  expect_format_error("v${version}/", rc::errc::bad_tag_name, 11,
                      "a git tag name cannot end with '/'");
  expect_format_error("v${version}.", rc::errc::bad_tag_name, 11,
                      "a git tag name cannot end with '.'");
  expect_format_error(".v${version}", rc::errc::bad_tag_name, 0,
                      "a git tag name cannot have a part that begins with '.'");
  expect_format_error("pkg/.v${version}", rc::errc::bad_tag_name, 4,
                      "a git tag name cannot have a part that begins with '.'");
  expect_format_error("pkg.lock/${version}", rc::errc::bad_tag_name, 3,
                      "a git tag name cannot have a part that ends with '.lock'");
  expect_format_error("v${version}.lock", rc::errc::bad_tag_name, 11,
                      "a git tag name cannot have a part that ends with '.lock'");
  // Allowed: '@' not before '{', '$', '{' and '}' apart from a placeholder, non-ASCII.
  EXPECT_TRUE(rc::parse_tag_format("@scope/pkg@${version}"));
  EXPECT_TRUE(rc::parse_tag_format("v${version}-\xc3\xa9t\xc3\xa9"));
  EXPECT_TRUE(rc::parse_tag_format("lock.v${version}"));
}

TEST(TagFormat, MatchIsSemanticReleasesRegex) {
  const rc::tag_format v;
  EXPECT_EQ(version_text(rc::match_tag(v, "v1.2.3")), "1.2.3");
  EXPECT_EQ(version_text(rc::match_tag(v, "vnext")), "next");
  EXPECT_EQ(version_text(rc::match_tag(v, "vv1.0.2")), "v1.0.2");
  EXPECT_EQ(version_text(rc::match_tag(v, "v")), "<none>");  // (.+) needs one character
  EXPECT_EQ(version_text(rc::match_tag(v, "1.2.3")), "<none>");
  EXPECT_EQ(version_text(rc::match_tag(v, "V1.2.3")), "<none>");  // case matters
  // `.` stops at a line terminator; there is no `$`, so the rest is not looked at.
  EXPECT_EQ(version_text(rc::match_tag(v, "v1.2.3\xe2\x80\xa8tail")), "1.2.3");
  EXPECT_EQ(version_text(rc::match_tag(v, "v\ntail")), "<none>");

  // SUFFIX: the last place it starts before a line terminator (greedy `(.+)`), then any text.
  const rc::tag_format x = format_of("${version}-x");
  EXPECT_EQ(version_text(rc::match_tag(x, "1.2.3-xyz")), "1.2.3");
  EXPECT_EQ(version_text(rc::match_tag(x, "1.2.3-x")), "1.2.3");
  EXPECT_EQ(version_text(rc::match_tag(x, "1.2.3-x-x")), "1.2.3-x");
  EXPECT_EQ(version_text(rc::match_tag(x, "-x")), "<none>");
  EXPECT_EQ(version_text(rc::match_tag(x, "1.2.3")), "<none>");

  const rc::tag_format at = format_of("pkg@${version}");
  EXPECT_EQ(version_text(rc::match_tag(at, "pkg@1.0.0")), "1.0.0");
  EXPECT_EQ(version_text(rc::match_tag(at, "other@3.0.0")), "<none>");
  EXPECT_EQ(version_text(rc::match_tag(at, "pkg@")), "<none>");
  // Regex metacharacters of the format are literal (escapeRegExp).
  const rc::tag_format dots = format_of("a.b+(c)${version}");
  EXPECT_EQ(version_text(rc::match_tag(dots, "a.b+(c)1.0.0")), "1.0.0");
  EXPECT_EQ(version_text(rc::match_tag(dots, "aXb+(c)1.0.0")), "<none>");
}

TEST(TagFormat, ParseTagIsCleanThenValid) {
  const rc::tag_format v;
  auto one = rc::parse_tag(v, "v1.2.3");
  ASSERT_TRUE(one);
  EXPECT_TRUE(sv::identical(*one, sv::version(1, 2, 3)));
  // clean(): the leading run of `v` and `=` goes.
  auto vv = rc::parse_tag(v, "vv1.0.2");
  ASSERT_TRUE(vv);
  EXPECT_TRUE(sv::identical(*vv, sv::version(1, 0, 2)));
  auto eq = rc::parse_tag(v, "v=v=1.0.0-rc.1+b");
  ASSERT_TRUE(eq);
  EXPECT_TRUE(sv::identical(*eq, sv::version(1, 0, 0, "rc.1", "b")));
  // JavaScript trim(): a no-break space around the version text.
  auto nbsp = rc::parse_tag(format_of("${version}-x"),
                            "\xc2\xa0"
                            "1.0.0\xc2\xa0-x");
  ASSERT_TRUE(nbsp);
  EXPECT_TRUE(sv::identical(*nbsp, sv::version(1, 0, 0)));

  // Errors: the semver error, at its byte in the tag.
  auto zero = rc::parse_tag(v, "v01.0.0");
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, sv::errc::leading_zero);
  EXPECT_EQ(zero.error().position, 1u);
  auto two = rc::parse_tag(format_of("pkg@${version}"), "pkg@v1.2");
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().code.domain_name(), "semver");
  EXPECT_EQ(two.error().position, 8u);
  auto next = rc::parse_tag(v, "vnext");
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().code.domain_name(), "semver");
  EXPECT_EQ(next.error().position, 1u);

  // Errors: the tag is not of the format, at the first byte that differs.
  auto other = rc::parse_tag(format_of("pkg@${version}"), "pkx@1.0.0");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, rc::errc::tag_mismatch);
  EXPECT_EQ(other.error().position, 2u);
  EXPECT_EQ(relkit::to_string(other.error()),
            "tag is not of the format pkg@${version} at 2 [commits.tag_mismatch]");
  auto bare = rc::parse_tag(v, "v");
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error().code, rc::errc::tag_mismatch);
  EXPECT_EQ(bare.error().position, 1u);
  auto no_suffix = rc::parse_tag(format_of("${version}-x"), "1.2.3");
  ASSERT_FALSE(no_suffix);
  EXPECT_EQ(no_suffix.error().code, rc::errc::tag_mismatch);
  EXPECT_EQ(no_suffix.error().position, 5u);
}

std::vector<std::string> tag_names(const std::vector<rc::release_tag>& tags) {
  std::vector<std::string> out;
  for (const auto& t : tags) out.emplace_back(t.tag);
  return out;
}

TEST(TagFormat, FindReleaseTagsSkipsWhatDoesNotParse) {
  const std::vector<std::string> tags = {"v1.0.0",      "v",         "vnext",   "v1.2",
                                         "v1.1.0-rc.1", "v1.0.1",    "vv1.0.2", "v01.0.0",
                                         "1.5.0",       "pkg@9.0.0", "v1.0.1+b"};
  const auto found = rc::find_release_tags(rc::tag_format{}, tags);
  EXPECT_EQ(tag_names(found),
            (std::vector<std::string>{"v1.0.0", "v1.1.0-rc.1", "v1.0.1", "vv1.0.2", "v1.0.1+b"}));
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[1].index, 4u);
  EXPECT_TRUE(sv::identical(found[1].version, sv::version(1, 1, 0, "rc.1")));
  EXPECT_TRUE(sv::identical(found[4].version, sv::version(1, 0, 1, "", "b")));
  // Views into the list's strings.
  EXPECT_EQ(found[0].tag.data(), tags[0].data());
}

TEST(TagFormat, LastReleaseIsTheHighestNonPrerelease) {
  const std::vector<std::string> tags = {"v1.0.0", "v",    "vnext",  "v1.1.0-rc.1",
                                         "v1.0.1", "v1.2", "v01.0.0"};
  const auto last = rc::find_last_release(rc::tag_format{}, tags);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->tag, "v1.0.1");
  EXPECT_EQ(last->index, 4u);
  EXPECT_TRUE(sv::identical(last->version, sv::version(1, 0, 1)));

  // Order in the list does not matter, precedence does (2.0.0 after 10.0.0 in refname order).
  const std::vector<std::string_view> unsorted = {"v10.0.0", "v2.0.0", "v9.9.9"};
  const auto ten = rc::find_last_release(rc::tag_format{}, unsorted);
  ASSERT_TRUE(ten);
  EXPECT_EQ(ten->tag, "v10.0.0");

  // Equal precedence: the first in the list (semantic-release's stable sort).
  const std::vector<std::string> built = {"v1.0.0+b", "v1.0.0"};
  const auto first = rc::find_last_release(rc::tag_format{}, built);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->tag, "v1.0.0+b");
  EXPECT_EQ(first->index, 0u);

  // `vv1.0.2` is a release (clean() drops every leading v).
  const std::vector<std::string> vv = {"v1.0.1", "vv1.0.2"};
  const auto two_vs = rc::find_last_release(rc::tag_format{}, vv);
  ASSERT_TRUE(two_vs);
  EXPECT_EQ(two_vs->tag, "vv1.0.2");
}

TEST(TagFormat, NoReleaseTag) {
  EXPECT_FALSE(rc::find_last_release(rc::tag_format{}, std::vector<std::string>{}));
  const std::vector<std::string> none = {"v", "vnext", "latest", "v1.0.0-beta.1"};
  EXPECT_FALSE(rc::find_last_release(rc::tag_format{}, none));
  EXPECT_EQ(rc::find_release_tags(rc::tag_format{}, none).size(), 1u);
}

TEST(TagFormat, PrereleaseChannel) {
  const std::vector<std::string> tags = {"v1.0.0", "v2.0.0-beta.1", "v2.0.0-beta.2", "v2.0.0-rc.1",
                                         "v3.0.0-1"};
  rc::find_options beta;
  beta.channel = "beta";
  const auto b = rc::find_last_release(rc::tag_format{}, tags, beta);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->tag, "v2.0.0-beta.2");
  rc::find_options rc_channel;
  rc_channel.channel = "rc";
  const auto r = rc::find_last_release(rc::tag_format{}, tags, rc_channel);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->tag, "v2.0.0-rc.1");
  // A numeric identifier is a number in node-semver: never the channel "1".
  rc::find_options one;
  one.channel = "1";
  const auto n = rc::find_last_release(rc::tag_format{}, tags, one);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->tag, "v1.0.0");
  // ... unless it is over 2^53-1, which node-semver keeps as a string.
  const std::vector<std::string> big = {"v1.0.0", "v2.0.0-9007199254740992"};
  rc::find_options huge;
  huge.channel = "9007199254740992";
  const auto h = rc::find_last_release(rc::tag_format{}, big, huge);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->tag, "v2.0.0-9007199254740992");
  // A stable release above the channel's prereleases wins.
  const std::vector<std::string> stable = {"v2.0.0-beta.1", "v2.1.0"};
  const auto s = rc::find_last_release(rc::tag_format{}, stable, beta);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->tag, "v2.1.0");
}

TEST(TagFormat, MonorepoFormats) {
  const std::vector<std::string> tags = {"a@1.0.0",  "b@2.0.0",  "a@1.1.0",
                                         "a-v9.0.0", "a/v3.0.0", "a@next"};
  const auto a = rc::find_last_release(format_of("a@${version}"), tags);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->tag, "a@1.1.0");
  const auto b = rc::find_last_release(format_of("b@${version}"), tags);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->tag, "b@2.0.0");
  const auto dash = rc::find_last_release(format_of("a-v${version}"), tags);
  ASSERT_TRUE(dash);
  EXPECT_EQ(dash->tag, "a-v9.0.0");
  const auto slash = rc::find_last_release(format_of("a/v${version}"), tags);
  ASSERT_TRUE(slash);
  EXPECT_EQ(slash->tag, "a/v3.0.0");
  EXPECT_FALSE(rc::find_last_release(format_of("c@${version}"), tags));
}

}  // namespace
