#pragma once
// relkit::semver operations on versions: bump (node-semver inc), diff,
// truncate, coerce. Included by relkit/semver.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/detail/bump.hpp"
#include "relkit/semver/detail/coerce.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

// node-semver's release types; `pre` is inc's internal step, kept because
// node-semver accepts it.
enum class release_type : unsigned char {
  major,
  premajor,
  minor,
  preminor,
  patch,
  prepatch,
  prerelease,
  release,
  pre,
};

namespace detail {
inline constexpr relkit::detail::enum_name<release_type> release_type_names[] = {
    {release_type::major, "major"},
    {release_type::premajor, "premajor"},
    {release_type::minor, "minor"},
    {release_type::preminor, "preminor"},
    {release_type::patch, "patch"},
    {release_type::prepatch, "prepatch"},
    {release_type::prerelease, "prerelease"},
    {release_type::release, "release"},
    {release_type::pre, "pre"},
};
}  // namespace detail

// node-semver's name of the release type ("premajor"); "unknown" outside the
// enum.
[[nodiscard]] constexpr std::string_view to_string(release_type type) noexcept {
  return relkit::detail::enum_to_string(detail::release_type_names, type);
}

// The inverse of to_string(release_type).
[[nodiscard]] constexpr std::optional<release_type> parse_release_type(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::release_type_names, text);
}

// The number a new prerelease series starts at; `none` (node-semver's
// identifierBase false) appends no number.
enum class identifier_base : unsigned char { zero, one, none };

struct bump_options {
  std::string_view identifier;  // e.g. "beta"; empty for none
  identifier_base base = identifier_base::zero;
  bool loose = false;  // validate the identifier as node-semver's loose mode does

  [[nodiscard]] friend constexpr bool operator==(const bump_options& a,
                                                 const bump_options& b) noexcept {
    return a.identifier == b.identifier && a.base == b.base && a.loose == b.loose;
  }
  [[nodiscard]] friend constexpr bool operator!=(const bump_options& a,
                                                 const bump_options& b) noexcept {
    return !(a == b);
  }
};

// node-semver `inc`: the next version of `type`. Build metadata is dropped (as
// in the string inc returns).
[[nodiscard]] inline relkit::result<version> bump(const version& from, release_type type,
                                                  const bump_options& opts = {}) {
  const bool pre_type = type == release_type::premajor || type == release_type::preminor ||
                        type == release_type::prepatch || type == release_type::prerelease ||
                        type == release_type::pre;
  if (pre_type) {
    if (opts.identifier.empty() && opts.base == identifier_base::none) {
      return relkit::error{errc::empty_identifier, relkit::no_position};
    }
    if (!opts.identifier.empty() && !detail::valid_bump_identifier(opts.identifier, opts.loose)) {
      return relkit::error{errc::invalid_identifier, relkit::no_position,
                           relkit::error_args{}.with_token(opts.identifier)};
    }
  }
  version v = from;
  v.build.clear();
  std::vector<std::string> pre;
  for (auto id : detail::split_dots(v.prerelease)) pre.emplace_back(id);
  relkit::result<void> step;
  switch (type) {
    case release_type::premajor:
      v.patch = 0;
      v.minor = 0;
      step = detail::increment_part(v.major, "major version");
      pre.clear();
      if (step)
        step = detail::increment_pre(pre, opts.identifier, opts.base == identifier_base::one,
                                     opts.base == identifier_base::none);
      break;
    case release_type::preminor:
      v.patch = 0;
      step = detail::increment_part(v.minor, "minor version");
      pre.clear();
      if (step)
        step = detail::increment_pre(pre, opts.identifier, opts.base == identifier_base::one,
                                     opts.base == identifier_base::none);
      break;
    case release_type::prepatch:
      pre.clear();
      step = detail::increment_part(v.patch, "patch version");
      if (step)
        step = detail::increment_pre(pre, opts.identifier, opts.base == identifier_base::one,
                                     opts.base == identifier_base::none);
      break;
    case release_type::prerelease:
      if (pre.empty()) step = detail::increment_part(v.patch, "patch version");
      if (step)
        step = detail::increment_pre(pre, opts.identifier, opts.base == identifier_base::one,
                                     opts.base == identifier_base::none);
      break;
    case release_type::pre:
      step = detail::increment_pre(pre, opts.identifier, opts.base == identifier_base::one,
                                   opts.base == identifier_base::none);
      break;
    case release_type::release:
      if (pre.empty()) {
        char text[64];
        return relkit::error{errc::not_a_prerelease, relkit::no_position,
                             relkit::error_args{}.with_token(
                                 detail::format_core(from.major, from.minor, from.patch, text))};
      }
      pre.clear();
      break;
    case release_type::major:
      if (v.minor != 0 || v.patch != 0 || pre.empty())
        step = detail::increment_part(v.major, "major version");
      v.minor = 0;
      v.patch = 0;
      pre.clear();
      break;
    case release_type::minor:
      if (v.patch != 0 || pre.empty()) step = detail::increment_part(v.minor, "minor version");
      v.patch = 0;
      pre.clear();
      break;
    case release_type::patch:
      if (pre.empty()) step = detail::increment_part(v.patch, "patch version");
      pre.clear();
      break;
  }
  if (!step) return step.error();
  v.prerelease = detail::join_dots(pre);
  return v;
}

// node-semver `diff`: the most significant release type separating a and b;
// nothing when they have equal precedence.
[[nodiscard]] inline std::optional<release_type> diff(const version& a, const version& b) noexcept {
  const int c = compare(a, b);
  if (c == 0) return std::nullopt;
  const version& high = c > 0 ? a : b;
  const version& low = c > 0 ? b : a;
  const bool high_pre = high.is_prerelease();
  const bool low_pre = low.is_prerelease();
  if (low_pre && !high_pre) {
    if (low.patch == 0 && low.minor == 0) return release_type::major;
    if (low.major == high.major && low.minor == high.minor && low.patch == high.patch) {
      if (low.minor != 0 && low.patch == 0) return release_type::minor;
      return release_type::patch;
    }
  }
  if (a.major != b.major) return high_pre ? release_type::premajor : release_type::major;
  if (a.minor != b.minor) return high_pre ? release_type::preminor : release_type::minor;
  if (a.patch != b.patch) return high_pre ? release_type::prepatch : release_type::patch;
  return release_type::prerelease;
}

// node-semver `truncate`: drops what is below `type` (and the prerelease);
// the pre* types keep the version. Nothing for `release` and `pre`, which
// node-semver rejects. Build metadata is dropped.
[[nodiscard]] inline std::optional<version> truncate(const version& v, release_type type) {
  if (type == release_type::release || type == release_type::pre) return std::nullopt;
  version out = v;
  out.build.clear();
  if (type == release_type::premajor || type == release_type::preminor ||
      type == release_type::prepatch || type == release_type::prerelease) {
    return out;
  }
  out.prerelease.clear();
  if (type == release_type::major) out.minor = 0;
  if (type == release_type::major || type == release_type::minor) out.patch = 0;
  return out;
}

struct coerce_options {
  bool rtl = false;                 // prefer the right-most version in the text
  bool include_prerelease = false;  // keep a prerelease and build after the patch
  bool loose = false;               // parse the result in npm_loose mode

  [[nodiscard]] friend constexpr bool operator==(const coerce_options& a,
                                                 const coerce_options& b) noexcept {
    return a.rtl == b.rtl && a.include_prerelease == b.include_prerelease && a.loose == b.loose;
  }
  [[nodiscard]] friend constexpr bool operator!=(const coerce_options& a,
                                                 const coerce_options& b) noexcept {
    return !(a == b);
  }
};

// node-semver `coerce`: the first (or, with rtl, the right-most) run of up to
// three dot-separated numbers of at most 16 digits each, as a version.
[[nodiscard]] inline std::optional<version> coerce(std::string_view text,
                                                   const coerce_options& opts = {}) {
  std::optional<detail::coerce_match> match;
  if (!opts.rtl) {
    match = detail::coerce_search(text, 0, opts.include_prerelease);
  } else {
    std::size_t last_index = 0;
    for (;;) {
      if (last_index > text.size()) break;
      auto next = detail::coerce_search(text, last_index, opts.include_prerelease);
      if (!next) break;
      if (match && match->full_end == text.size()) break;
      if (!match || next->full_end != match->full_end) match = next;
      last_index = next->major_end;
    }
  }
  if (!match) return std::nullopt;
  std::string out(text.substr(match->digits, match->major_end - match->digits));
  out += '.';
  if (match->minor_e != 0) {
    out += text.substr(match->minor_b, match->minor_e - match->minor_b);
  } else {
    out += '0';
  }
  out += '.';
  if (match->patch_e != 0) {
    out += text.substr(match->patch_b, match->patch_e - match->patch_b);
  } else {
    out += '0';
  }
  if (opts.include_prerelease && match->pre_e != 0) {
    out += '-';
    out += text.substr(match->pre_b, match->pre_e - match->pre_b);
  }
  if (opts.include_prerelease && match->build_e != 0) {
    out += '+';
    out += text.substr(match->build_b, match->build_e - match->build_b);
  }
  auto v = parse(out, opts.loose ? parse_mode::npm_loose : parse_mode::npm);
  if (!v) return std::nullopt;
  return std::move(*v);
}

}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
