#pragma once
// Internals of relkit::semver bump (node-semver inc): dot-joined identifier
// lists, decimal increments of any length, identifier validation.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/detail/version_text.hpp"
#include "relkit/semver/errc.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {

[[nodiscard]] inline std::vector<std::string_view> split_dots(std::string_view text) {
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
[[nodiscard]] inline bool is_js_number_id(std::string_view id) noexcept {
  if (!all_digits(id)) return false;
  return compare_numeric(id, "9007199254740991") < 0;
}

[[nodiscard]] inline std::string increment_decimal(std::string_view id) {
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

[[nodiscard]] inline std::string join_dots(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += '.';
    out += id;
  }
  return out;
}

// "major.minor.patch" written into `out`, without allocating.
[[nodiscard]] inline std::string_view format_core(std::uint64_t major, std::uint64_t minor,
                                                  std::uint64_t patch, char (&out)[64]) noexcept {
  std::size_t n = 0;
  const std::uint64_t parts[3] = {major, minor, patch};
  for (int k = 0; k < 3; ++k) {
    if (k > 0) out[n++] = '.';
    char digits[20];
    std::size_t d = 0;
    std::uint64_t value = parts[k];
    do {
      digits[d++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (d > 0) out[n++] = digits[--d];
  }
  return std::string_view(out, n);
}

[[nodiscard]] inline bool valid_bump_identifier(std::string_view id, bool loose) noexcept {
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

// node-semver's inc('pre'): `identifier` may be empty; `base_one` starts a
// new series at 1, `base_none` appends no number.
[[nodiscard]] inline relkit::result<void> increment_pre(std::vector<std::string>& pre,
                                                        std::string_view identifier, bool base_one,
                                                        bool base_none) {
  const std::string base = base_one ? "1" : "0";
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
      if (base_none && identifier == join_dots(pre)) {
        return relkit::error{errc::identifier_exists, relkit::no_position};
      }
      pre.push_back(base);
    }
  }
  if (!identifier.empty()) {
    std::vector<std::string> replacement{std::string(identifier)};
    if (!base_none) replacement.push_back(base);
    const auto ids = split_dots(identifier);
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

// Adds one to a major, minor or patch number; `name` ("major version") is
// static text.
[[nodiscard]] inline relkit::result<void> increment_part(std::uint64_t& part, const char* name) {
  if (part == UINT64_MAX) {
    return relkit::error{errc::number_too_large, relkit::no_position,
                         relkit::error_args{}.with_text(name).with_text2("18446744073709551615")};
  }
  ++part;
  return {};
}

}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
