#pragma once
// relkit::semver operations on versions: bump (node-semver inc), diff,
// truncate, coerce. Included by relkit/semver.hpp.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/semver/version.hpp"
#include "relkit/result.hpp"

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

inline std::string_view to_string(release_type type) noexcept {
  switch (type) {
    case release_type::major:
      return "major";
    case release_type::premajor:
      return "premajor";
    case release_type::minor:
      return "minor";
    case release_type::preminor:
      return "preminor";
    case release_type::patch:
      return "patch";
    case release_type::prepatch:
      return "prepatch";
    case release_type::prerelease:
      return "prerelease";
    case release_type::release:
      return "release";
    case release_type::pre:
      return "pre";
  }
  return "unknown";
}

inline std::optional<release_type> parse_release_type(std::string_view text) noexcept {
  for (int k = 0; k <= static_cast<int>(release_type::pre); ++k) {
    const auto type = static_cast<release_type>(k);
    if (to_string(type) == text) return type;
  }
  return std::nullopt;
}

// The number a new prerelease series starts at; `none` (node-semver's
// identifierBase false) appends no number.
enum class identifier_base : unsigned char { zero, one, none };

struct bump_options {
  std::string_view identifier;  // e.g. "beta"; empty for none
  identifier_base base = identifier_base::zero;
  bool loose = false;  // validate the identifier as node-semver's loose mode does
};

namespace detail_semver {

inline std::vector<std::string_view> split_dots(std::string_view text) {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  std::size_t i = 0;
  for (;;) {
    const std::size_t dot = text.find('.', i);
    if (dot == std::string_view::npos) {
      out.push_back(text.substr(i));
      return out;
    }
    out.push_back(text.substr(i, dot - i));
    i = dot + 1;
  }
}

// node-semver turns all-digit prerelease ids below 2^53-1 into numbers; only
// those are incremented by inc and count as numeric for isNaN.
inline bool is_js_number_id(std::string_view id) noexcept {
  if (!all_digits(id)) return false;
  return compare_numeric(id, "9007199254740991") < 0;
}

inline std::string increment_decimal(std::string_view id) {
  while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
  std::string out(id);
  std::size_t k = out.size();
  while (k > 0) {
    --k;
    if (out[k] == '9') {
      out[k] = '0';
    } else {
      ++out[k];
      return out;
    }
  }
  out.insert(out.begin(), '1');
  return out;
}

inline std::string join_dots(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += '.';
    out += id;
  }
  return out;
}

inline bool valid_bump_identifier(std::string_view id, bool loose) noexcept {
  if (id.empty()) return false;
  std::size_t i = 0;
  for (;;) {
    const std::size_t start = i;
    while (i < id.size() && is_ident_char(id[i])) ++i;
    if (i == start) return false;
    const std::string_view part = id.substr(start, i - start);
    if (!loose && all_digits(part) && part.size() > 1 && part.front() == '0') return false;
    if (i == id.size()) return true;
    if (id[i] != '.') return false;
    ++i;
  }
}

inline relkit::result<void> increment_pre(std::vector<std::string>& pre, const bump_options& opts) {
  const std::string base = opts.base == identifier_base::one ? "1" : "0";
  if (pre.empty()) {
    pre.push_back(base);
  } else {
    bool incremented = false;
    for (std::size_t k = pre.size(); k-- > 0;) {
      if (is_js_number_id(pre[k])) {
        pre[k] = increment_decimal(pre[k]);
        incremented = true;
        break;
      }
    }
    if (!incremented) {
      if (opts.base == identifier_base::none && opts.identifier == join_dots(pre)) {
        return relkit::error{errc::identifier_exists, 0,
                             "prerelease identifier already exists at 0"};
      }
      pre.push_back(base);
    }
  }
  if (!opts.identifier.empty()) {
    std::vector<std::string> replacement{std::string(opts.identifier)};
    if (opts.base != identifier_base::none) replacement.push_back(base);
    const auto ids = split_dots(opts.identifier);
    bool is_prefix = ids.size() <= pre.size();
    for (std::size_t k = 0; is_prefix && k < ids.size(); ++k) {
      is_prefix = compare_identifier(pre[k], ids[k]) == 0;
    }
    if (is_prefix) {
      const bool next_is_number = ids.size() < pre.size() && all_digits(pre[ids.size()]);
      if (!next_is_number) pre = std::move(replacement);
    } else {
      pre = std::move(replacement);
    }
  }
  return {};
}

inline relkit::result<void> increment_part(std::uint64_t& part, const char* name) {
  if (part == UINT64_MAX) {
    return relkit::error{errc::number_too_large, 0,
                         std::string(name) + " version exceeds 18446744073709551615 at 0"};
  }
  ++part;
  return {};
}

}  // namespace detail_semver

// node-semver `inc`: the next version of `type`. Build metadata is dropped (as
// in the string inc returns).
inline relkit::result<version> bump(const version& from, release_type type,
                                    const bump_options& opts = {}) {
  using namespace detail_semver;
  const bool pre_type = type == release_type::premajor || type == release_type::preminor ||
                        type == release_type::prepatch || type == release_type::prerelease ||
                        type == release_type::pre;
  if (pre_type) {
    if (opts.identifier.empty() && opts.base == identifier_base::none) {
      return relkit::error{errc::empty_identifier, 0, "empty prerelease identifier at 0"};
    }
    if (!opts.identifier.empty() && !valid_bump_identifier(opts.identifier, opts.loose)) {
      return relkit::error{
          errc::invalid_identifier, 0,
          "invalid prerelease identifier '" + std::string(opts.identifier) + "' at 0"};
    }
  }
  version v = from;
  v.build.clear();
  std::vector<std::string> pre;
  for (auto id : split_dots(v.prerelease)) pre.emplace_back(id);
  relkit::result<void> step;
  switch (type) {
    case release_type::premajor:
      v.patch = 0;
      v.minor = 0;
      step = increment_part(v.major, "major");
      pre.clear();
      if (step) step = increment_pre(pre, opts);
      break;
    case release_type::preminor:
      v.patch = 0;
      step = increment_part(v.minor, "minor");
      pre.clear();
      if (step) step = increment_pre(pre, opts);
      break;
    case release_type::prepatch:
      pre.clear();
      step = increment_part(v.patch, "patch");
      if (step) step = increment_pre(pre, opts);
      break;
    case release_type::prerelease:
      if (pre.empty()) step = increment_part(v.patch, "patch");
      if (step) step = increment_pre(pre, opts);
      break;
    case release_type::pre:
      step = increment_pre(pre, opts);
      break;
    case release_type::release:
      if (pre.empty()) {
        return relkit::error{errc::not_a_prerelease, 0,
                             "version " + to_string(from) + " is not a prerelease at 0"};
      }
      pre.clear();
      break;
    case release_type::major:
      if (v.minor != 0 || v.patch != 0 || pre.empty()) step = increment_part(v.major, "major");
      v.minor = 0;
      v.patch = 0;
      pre.clear();
      break;
    case release_type::minor:
      if (v.patch != 0 || pre.empty()) step = increment_part(v.minor, "minor");
      v.patch = 0;
      pre.clear();
      break;
    case release_type::patch:
      if (pre.empty()) step = increment_part(v.patch, "patch");
      pre.clear();
      break;
  }
  if (!step) return step.error();
  v.prerelease = join_dots(pre);
  return v;
}

// node-semver `diff`: the most significant release type separating a and b;
// nothing when they have equal precedence.
inline std::optional<release_type> diff(const version& a, const version& b) noexcept {
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
inline std::optional<version> truncate(const version& v, release_type type) {
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
};

namespace detail_semver {

struct coerce_match {
  std::size_t start = 0;      // where the match starts (incl. the non-digit before)
  std::size_t digits = 0;     // where the major digits start
  std::size_t major_end = 0;  // after the major digits
  std::size_t end = 0;        // after the version text
  std::size_t full_end = 0;   // after the regex match (incl. the closing non-digit)
  std::size_t parts_end = 0;  // after the last numeric part
  std::size_t minor_b = 0, minor_e = 0, patch_b = 0, patch_e = 0;
  std::size_t pre_b = 0, pre_e = 0, build_b = 0, build_e = 0;
};

inline std::size_t digit_run(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j - i;
}

// A strict prerelease (node-semver PRERELEASE) starting at the '-' at `i`, as
// the regex matches it when a non-digit or the end must follow: the end, or
// `i` when there is none.
inline std::size_t coerce_prerelease_end(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '-') return i;
  std::size_t good = i;
  std::size_t k = i + 1;
  for (;;) {
    const std::size_t start = k;
    while (k < s.size() && is_ident_char(s[k])) ++k;
    if (k == start) break;
    const std::string_view id = s.substr(start, k - start);
    if (all_digits(id) && id.size() > 1 && id.front() == '0') break;
    good = k;
    if (k < s.size() && s[k] == '.') {
      ++k;
      continue;
    }
    break;
  }
  return good;
}

inline std::size_t coerce_build_end(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '+') return i;
  std::size_t good = i;
  std::size_t k = i + 1;
  for (;;) {
    const std::size_t start = k;
    while (k < s.size() && is_ident_char(s[k])) ++k;
    if (k == start) break;
    good = k;
    if (k < s.size() && s[k] == '.') {
      ++k;
      continue;
    }
    break;
  }
  return good;
}

// The leftmost match of node-semver's COERCE / COERCEFULL regex at or after
// `from` (a regex search with lastIndex = from).
inline std::optional<coerce_match> coerce_search(std::string_view s, std::size_t from,
                                                 bool full) noexcept {
  constexpr std::size_t max_digits = 16;
  for (std::size_t start = from; start < s.size(); ++start) {
    std::size_t d;
    if (start == 0 && is_digit(s[0])) {
      d = 0;
    } else if (!is_digit(s[start]) && start + 1 < s.size() && is_digit(s[start + 1])) {
      d = start + 1;
    } else {
      continue;
    }
    const std::size_t major_len = digit_run(s, d);
    if (major_len > max_digits) continue;
    coerce_match m;
    m.start = start;
    m.digits = d;
    m.major_end = d + major_len;
    std::size_t pos = m.major_end;
    if (pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1]) &&
        digit_run(s, pos + 1) <= max_digits) {
      m.minor_b = pos + 1;
      m.minor_e = pos + 1 + digit_run(s, pos + 1);
      pos = m.minor_e;
      if (pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1]) &&
          digit_run(s, pos + 1) <= max_digits) {
        m.patch_b = pos + 1;
        m.patch_e = pos + 1 + digit_run(s, pos + 1);
        pos = m.patch_e;
      }
    }
    m.parts_end = pos;
    if (full) {
      // COERCEFULL allows the prerelease and build after any number of parts.
      const std::size_t pre_end = coerce_prerelease_end(s, pos);
      // The regex needs a non-digit or the end after the prerelease; a
      // prerelease that stops before a digit ("-0" of "-01") is given up.
      std::size_t after_pre = pre_end;
      if (pre_end != pos) {
        std::size_t build_end = coerce_build_end(s, pre_end);
        if (build_end < s.size() && is_digit(s[build_end]) && build_end == pre_end) {
          after_pre = pos;
        } else {
          m.pre_b = pos + 1;
          m.pre_e = pre_end;
        }
      }
      const std::size_t build_end = coerce_build_end(s, after_pre);
      if (build_end != after_pre) {
        m.build_b = after_pre + 1;
        m.build_e = build_end;
      }
      pos = build_end;
    }
    m.end = pos;
    m.full_end = pos < s.size() ? pos + 1 : pos;
    return m;
  }
  return std::nullopt;
}

}  // namespace detail_semver

// node-semver `coerce`: the first (or, with rtl, the right-most) run of up to
// three dot-separated numbers of at most 16 digits each, as a version.
inline std::optional<version> coerce(std::string_view text, const coerce_options& opts = {}) {
  using namespace detail_semver;
  std::optional<coerce_match> match;
  if (!opts.rtl) {
    match = coerce_search(text, 0, opts.include_prerelease);
  } else {
    std::size_t last_index = 0;
    for (;;) {
      if (last_index > text.size()) break;
      auto next = coerce_search(text, last_index, opts.include_prerelease);
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
