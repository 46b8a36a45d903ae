#pragma once
// relkit::commits tag formats: the release tags of a repository, read the way
// semantic-release 25 reads them (lib/branches/get-tags.js, lib/get-last-release.js,
// lib/utils.js makeTag, lib/verify.js). Included by relkit/commits.hpp.
//
// A tag format is semantic-release's `tagFormat`: text with exactly one `${version}`
// (default `v${version}`; `pkg@${version}`, `pkg-v${version}`, `pkg/v${version}`).
//
// Which tags are releases (find_release_tags), exactly as semantic-release decides:
//   1. The tag matches the JavaScript regular expression `^PREFIX(.+)SUFFIX` built from the
//      format (PREFIX and SUFFIX literal): the version text is the longest run of at least
//      one character after PREFIX that has no line terminator and is followed by SUFFIX.
//      The expression has no `$`: text after SUFFIX is allowed (`${version}-x` matches
//      `1.2.3-xyz`, version "1.2.3").
//   2. `semver.valid(semver.clean(text))`: the text, trimmed of JavaScript whitespace,
//      with its leading run of `v` and `=` removed, parses as node-semver's
//      `new SemVer(x)` parses (semver::npm_options: SemVer 2.0.0, one more leading `v`
//      after inner whitespace, numbers up to 2^53-1, at most 256 bytes). `v`, `vnext`,
//      `v1.2` are not releases; they are skipped, never an error.
// Which one is the last release (find_last_release), get-last-release.js:
//   3. On a normal branch (find_options::channel empty), prereleases are left out: the last
//      release of `v1.0.0 v1.1.0-rc.1` is 1.0.0. On a prerelease channel (`beta`), a
//      prerelease counts when one of its identifiers is the channel (`2.0.0-beta.1`, not
//      `2.0.0-rc.1`; a numeric identifier never equals a channel, as in JavaScript's
//      `[1].includes("1")`).
//   4. The highest version by SemVer precedence (build metadata ignored), whatever the tag
//      dates or their order; among tags of equal precedence (`v1.0.0`, `v1.0.0+b`) the
//      first in the list wins (semantic-release sorts `git tag --merged` stably).
//   5. The list is the tags reachable from the released commit (`git tag --merged REF`):
//      which tags the list holds is the caller's (the git command's) part.
// Where relkit differs, deliberately:
//   - semantic-release keeps the text of rule 1 as the version and compares it unparsed;
//     a text that is valid only after clean() (`v=1.2.3`, `vvv1.2.3` with `v${version}`)
//     makes its comparisons throw "Invalid Version". relkit uses the cleaned version.
//   - semantic-release's prerelease channels come from git notes it writes beside each tag;
//     relkit reads no notes: rule 3 looks at the version's identifiers only.
//   - Lengths are bytes of UTF-8 (JavaScript counts UTF-16 units); both agree on ASCII.
// With no release tag at all, semantic-release's first release is 1.0.0.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// A format of release tags: its text with one `${version}`. Made by parse_tag_format();
// the default is semantic-release's default, `v${version}`.
class tag_format {
 public:
  static constexpr std::string_view placeholder = "${version}";

  tag_format() = default;

  // The format as written: "pkg@${version}".
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  // The text before `${version}` ("pkg@") and after it ("").
  [[nodiscard]] std::string_view prefix() const noexcept {
    return std::string_view(text_).substr(0, at_);
  }
  [[nodiscard]] std::string_view suffix() const noexcept {
    return std::string_view(text_).substr(at_ + placeholder.size());
  }

  [[nodiscard]] friend bool operator==(const tag_format& a, const tag_format& b) {
    return a.text_ == b.text_ && a.at_ == b.at_;
  }
  [[nodiscard]] friend bool operator!=(const tag_format& a, const tag_format& b) {
    return !(a == b);
  }

 private:
  friend result<tag_format> parse_tag_format(std::string_view text);
  tag_format(std::string text, std::size_t at) : text_(std::move(text)), at_(at) {}

  std::string text_ = "v${version}";
  std::size_t at_ = 1;  // byte offset of `${version}`
};

// Reads a tag format. Errors, at the byte they are about:
//   errc::bad_tag_format  no `${version}` (at the end), a second one, or another
//                         placeholder (`${name}`, lodash's `<%=`: semantic-release would
//                         evaluate them)
//   errc::bad_tag_name    text git refuses in a tag name whatever the version (a space,
//                         a control byte, ~ ^ : ? * [ \, "..", "@{", "//", a '/' or '.'
//                         at the end, a '/' at the start, a part starting with '.' or
//                         ending in ".lock"): semantic-release's EINVALIDTAGFORMAT
[[nodiscard]] RELKIT_INLINE result<tag_format> parse_tag_format(std::string_view text);

// The format's text, which parse_tag_format() reads back.
[[nodiscard]] inline std::string to_string(const tag_format& format) {
  return format.text();
}

// The tag of a version: `${version}` replaced by semver::to_string(v) (v1.2.3,
// pkg@2.0.0-rc.1), as semantic-release's makeTag.
[[nodiscard]] RELKIT_INLINE std::string make_tag(const tag_format& format,
                                                 const semver::version& v);

// The version text a tag holds under the format (rule 1 above): a view into `tag`, or
// nullopt when the tag does not match. Not yet a version: `vnext` gives "next".
[[nodiscard]] RELKIT_INLINE std::optional<std::string_view> match_tag(const tag_format& format,
                                                                      std::string_view tag);

// The version of a release tag (rules 1 and 2). Errors: errc::tag_mismatch at the first byte
// that does not match the format, or the semver error of the version text, its position
// moved into `tag` ("v1.02.3": semver.leading_zero at 3).
[[nodiscard]] RELKIT_INLINE result<semver::version> parse_tag(const tag_format& format,
                                                              std::string_view tag);

// A release tag of a list: the tag, its version and its index in the list.
struct release_tag {
  std::string_view tag;  // a view into the list's element
  semver::version version;
  std::size_t index = 0;

  [[nodiscard]] friend bool operator==(const release_tag& a, const release_tag& b) {
    return a.tag == b.tag && semver::identical(a.version, b.version) && a.index == b.index;
  }
  [[nodiscard]] friend bool operator!=(const release_tag& a, const release_tag& b) {
    return !(a == b);
  }
};

// Which releases find_last_release() considers.
struct find_options {
  // Empty: a normal branch, prereleases are not releases. A name ("beta"): prereleases
  // that have it as an identifier count too (rule 3 above).
  std::string channel;

  [[nodiscard]] friend bool operator==(const find_options& a, const find_options& b) {
    return a.channel == b.channel;
  }
  [[nodiscard]] friend bool operator!=(const find_options& a, const find_options& b) {
    return !(a == b);
  }
};

// Every tag of the list that is a release under the format (rules 1 and 2),
// prereleases included, in the list's order. Other tags are skipped.
[[nodiscard]] RELKIT_INLINE std::vector<release_tag> find_release_tags(
    const tag_format& format, const std::vector<std::string>& tags);
[[nodiscard]] RELKIT_INLINE std::vector<release_tag> find_release_tags(
    const tag_format& format, const std::vector<std::string_view>& tags);

// The last release among the tags (rules 1 to 4; the tags are those reachable from the
// branch, e.g. `git tag --merged HEAD`), or nullopt when none is a release: then
// semantic-release's first release is 1.0.0.
[[nodiscard]] RELKIT_INLINE std::optional<release_tag> find_last_release(
    const tag_format& format, const std::vector<std::string>& tags, const find_options& opts = {});
[[nodiscard]] RELKIT_INLINE std::optional<release_tag> find_last_release(
    const tag_format& format, const std::vector<std::string_view>& tags,
    const find_options& opts = {});

}  // namespace commits
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/commits/impl/tag_format.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
