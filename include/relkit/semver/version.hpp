#pragma once
// relkit::semver versions: the value type, parse, precedence, to_string and
// hash. Included by relkit/semver.hpp; components that need versions but not
// ranges (commits, flags) include this part alone to keep their compile time
// down.
//
// A version keeps its prerelease and build text as dot-joined strings; short
// ones (<= 15 bytes with libstdc++/libc++) live in the string's inline buffer,
// so parsing and comparing typical versions does not allocate.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/detail/version_text.hpp"
#include "relkit/semver/errc.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

// strict: the SemVer 2.0.0 grammar exactly, nothing trimmed.
// npm: node-semver `new SemVer(x)`: surrounding whitespace, one leading `v`,
//   numbers up to 2^53-1.
// npm_loose: node-semver `{loose: true}`: any run of `v`, `=` and whitespace
//   first, leading zeros, a prerelease without `-`.
enum class parse_mode : unsigned char { strict, npm, npm_loose };

struct parse_options {
  parse_mode mode = parse_mode::strict;
  std::size_t max_length = 256;  // longer inputs are errors (node-semver: 256)

  friend constexpr bool operator==(const parse_options& a, const parse_options& b) noexcept {
    return a.mode == b.mode && a.max_length == b.max_length;
  }
  friend constexpr bool operator!=(const parse_options& a, const parse_options& b) noexcept {
    return !(a == b);
  }
};

inline constexpr parse_options strict_options{parse_mode::strict, 256};
inline constexpr parse_options npm_options{parse_mode::npm, 256};
inline constexpr parse_options npm_loose_options{parse_mode::npm_loose, 256};

// Largest major/minor/patch the npm modes accept (Number.MAX_SAFE_INTEGER).
inline constexpr std::uint64_t max_safe_integer = 9007199254740991ULL;

struct version;
[[nodiscard]] inline int compare(const version& a, const version& b) noexcept;

struct version {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;
  std::string prerelease;  // dot-joined identifiers without the '-', e.g. "beta.2"
  std::string build;       // dot-joined identifiers without the '+'

  // User-provided, so value-initializing a version (`version()`, a
  // container's emplace_back()) does not first zero its 88 bytes.
  version() noexcept {}
  version(std::uint64_t major_, std::uint64_t minor_, std::uint64_t patch_,
          std::string prerelease_ = {}, std::string build_ = {})
      : major(major_),
        minor(minor_),
        patch(patch_),
        prerelease(std::move(prerelease_)),
        build(std::move(build_)) {}

  [[nodiscard]] bool is_prerelease() const noexcept { return !prerelease.empty(); }

  // Precedence (SemVer 2.0.0 §11, compare below): build metadata is not
  // part of it, so 1.0.0+a == 1.0.0+b; identical() compares every member.
  [[nodiscard]] friend bool operator==(const version& a, const version& b) noexcept {
    return compare(a, b) == 0;
  }
  [[nodiscard]] friend bool operator!=(const version& a, const version& b) noexcept {
    return compare(a, b) != 0;
  }
  [[nodiscard]] friend bool operator<(const version& a, const version& b) noexcept {
    return compare(a, b) < 0;
  }
  [[nodiscard]] friend bool operator>(const version& a, const version& b) noexcept {
    return compare(a, b) > 0;
  }
  [[nodiscard]] friend bool operator<=(const version& a, const version& b) noexcept {
    return compare(a, b) <= 0;
  }
  [[nodiscard]] friend bool operator>=(const version& a, const version& b) noexcept {
    return compare(a, b) >= 0;
  }
};

// Precedence per SemVer 2.0.0 §11: build metadata is ignored. -1, 0 or 1.
// One test for "the numbers differ" first: the common outcomes take one
// branch, not three.
[[nodiscard]] inline int compare(const version& a, const version& b) noexcept {
  if (a.major != b.major || a.minor != b.minor || a.patch != b.patch) {
    if (a.major != b.major) return a.major < b.major ? -1 : 1;
    if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
    return a.patch < b.patch ? -1 : 1;
  }
  const std::size_t na = a.prerelease.size();
  const std::size_t nb = b.prerelease.size();
  if (na == 0) return nb == 0 ? 0 : 1;
  if (nb == 0) return -1;
  return detail::compare_prereleases(a.prerelease.c_str(), na, b.prerelease.c_str(), nb);
}

// node-semver's compareBuild (used by its sort/rsort): precedence, then build
// identifiers (none sorts first).
[[nodiscard]] inline int compare_build(const version& a, const version& b) noexcept {
  const int c = compare(a, b);
  if (c != 0) return c;
  return detail::compare_identifier_lists(a.build, b.build, true);
}

// Same as ==, and the build text too.
[[nodiscard]] inline bool identical(const version& a, const version& b) noexcept {
  return a.major == b.major && a.minor == b.minor && a.patch == b.patch &&
         a.prerelease == b.prerelease && a.build == b.build;
}

[[nodiscard]] inline std::string to_string(const version& v, bool with_build = true) {
  std::string out = std::to_string(v.major);
  out += '.';
  out += std::to_string(v.minor);
  out += '.';
  out += std::to_string(v.patch);
  if (!v.prerelease.empty()) {
    out += '-';
    out += v.prerelease;
  }
  if (with_build && !v.build.empty()) {
    out += '+';
    out += v.build;
  }
  return out;
}

// What node-semver's `version` property prints: no build metadata.
[[nodiscard]] inline std::string to_npm_string(const version& v) {
  return to_string(v, false);
}

// Parses a version. Errors carry the byte offset into `text`.
[[nodiscard]] inline relkit::result<version> parse(std::string_view text,
                                                   const parse_options& opts = {}) {
  auto out = relkit::detail::result_access::make_unset<version>();
  detail::parse_into(text, opts.mode != parse_mode::strict, opts.mode == parse_mode::npm_loose,
                     opts.max_length, out);
  return out;  // the only return, so the result is built in place
}

[[nodiscard]] inline relkit::result<version> parse(std::string_view text, parse_mode mode) {
  parse_options opts;
  opts.mode = mode;
  return parse(text, opts);
}

// node-semver `valid`/`clean`: the normalised version (no build) or nothing.
[[nodiscard]] inline std::optional<std::string> valid(std::string_view text,
                                                      parse_mode mode = parse_mode::npm) {
  auto v = parse(text, mode);
  if (!v) return std::nullopt;
  return to_npm_string(*v);
}

// Compares two version strings; an error if either does not parse.
[[nodiscard]] inline relkit::result<int> compare(std::string_view a, std::string_view b,
                                                 const parse_options& opts = {}) {
  auto va = parse(a, opts);
  if (!va) return std::move(va).error();
  auto vb = parse(b, opts);
  if (!vb) return std::move(vb).error();
  return compare(*va, *vb);
}

namespace detail {
// One version's sort key: major, minor and patch in 21 bits each, then 1 for
// a version without prerelease, so that keys order as compare() does where
// they differ; equal keys leave it to compare_build. `index` is the version's
// place in the input.
struct sort_entry {
  std::uint64_t key;
  std::size_t index;
};

// Stable sort by compare_build (descending: by compare_build(b, a)), keys
// extracted once: the sort moves 16-byte entries and most comparisons are one
// integer compare. Each version is then moved once, cycle by cycle, into its
// place.
template <class Versions>
void sort_by_build(Versions& versions, bool descending) {
  const auto first = versions.begin();
  const auto count = static_cast<std::size_t>(versions.end() - first);
  const auto at = [first](std::size_t i) -> version& {
    return first[static_cast<std::ptrdiff_t>(i)];
  };
  const auto by_build = [descending](const version& a, const version& b) {
    return (descending ? compare_build(b, a) : compare_build(a, b)) < 0;
  };
  constexpr std::uint64_t field_limit = std::uint64_t{1} << 21;
  std::vector<sort_entry> entries;
  entries.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const version& v = at(i);
    if (v.major >= field_limit || v.minor >= field_limit || v.patch >= field_limit) {
      std::stable_sort(first, versions.end(), by_build);  // numbers too large for a key
      return;
    }
    entries.push_back(sort_entry{
        (v.major << 43) | (v.minor << 22) | (v.patch << 1) | (v.prerelease.empty() ? 1U : 0U), i});
  }
  // std::stable_sort, not std::sort with the index as a tie-break: compare_build
  // is not a strict weak order when builds differ only in leading zeros
  // ("01.b" ~ "1.a" ~ "01.a" < "01.b"), which std::sort does not tolerate. The
  // comparison below answers as by_build on every pair, so the order is the
  // one std::stable_sort of the versions themselves gives.
  std::stable_sort(entries.begin(), entries.end(),
                   [&at, descending, &by_build](const sort_entry& a, const sort_entry& b) {
                     if (a.key != b.key) return descending ? a.key > b.key : a.key < b.key;
                     return by_build(at(a.index), at(b.index));
                   });
  // Place i takes the version at entries[i].index; a placed entry points to
  // itself.
  for (std::size_t i = 0; i < count; ++i) {
    if (entries[i].index == i) continue;
    version held = std::move(at(i));
    std::size_t to = i;
    for (;;) {
      const std::size_t from = entries[to].index;
      entries[to].index = to;
      if (from == i) {
        at(to) = std::move(held);
        break;
      }
      at(to) = std::move(at(from));
      to = from;
    }
  }
}
}  // namespace detail

// Sort helpers: ascending / descending by compare_build (node-semver
// sort/rsort), stable. Templates, so <algorithm>'s sort machinery is only
// instantiated where used. `Versions` is a random-access container of
// `version`.
template <class Versions>
void sort(Versions& versions) {
  detail::sort_by_build(versions, false);
}
template <class Versions>
void rsort(Versions& versions) {
  detail::sort_by_build(versions, true);
}

}  // namespace semver
RELKIT_NAMESPACE_END

namespace std {
template <>
struct hash<relkit::semver::version> {
  // Consistent with ==: build metadata ignored, numeric ids by value.
  std::size_t operator()(const relkit::semver::version& v) const noexcept {
    std::size_t h = static_cast<std::size_t>(1469598103934665603ULL);
    auto mix = [&h](std::uint64_t x) {
      h ^= static_cast<std::size_t>(x + 0x9e3779b97f4a7c15ULL) + (h << 6) + (h >> 2);
    };
    mix(v.major);
    mix(v.minor);
    mix(v.patch);
    bool at_id_start = true;
    const std::string& p = v.prerelease;
    for (std::size_t i = 0; i < p.size(); ++i) {
      const char c = p[i];
      // Skip leading zeros of numeric ids (possible only from loose input).
      if (at_id_start && c == '0' && i + 1 < p.size() && relkit::detail::is_digit(p[i + 1])) {
        continue;
      }
      at_id_start = c == '.';
      mix(static_cast<unsigned char>(c));
    }
    return h;
  }
};
}  // namespace std

#include "relkit/detail/epilogue.hpp"
