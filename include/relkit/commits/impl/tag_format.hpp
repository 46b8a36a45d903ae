#pragma once
// Bodies of relkit/commits/tag_format.hpp (the rules are stated there).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/tag_format.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// node-semver's clean(): trim, drop the leading run of `v` and `=`; `offset` gets the
// number of bytes dropped before what is returned.
inline std::string_view clean_version_text(std::string_view text, std::size_t& offset) {
  const std::size_t start = relkit::detail::skip_js_spaces(text, 0);
  std::string_view rest = relkit::detail::js_trim_end(text.substr(start));
  std::size_t dropped = start;
  while (!rest.empty() && (rest.front() == 'v' || rest.front() == '=')) {
    rest.remove_prefix(1);
    ++dropped;
  }
  offset = dropped;
  return rest;
}

// The version of rules 1 and 2, or nullopt.
inline std::optional<semver::version> release_version(const tag_format& format,
                                                      std::string_view tag) {
  const std::optional<std::string_view> text = match_tag(format, tag);
  if (!text) return std::nullopt;
  std::size_t offset = 0;
  auto v = semver::parse(clean_version_text(*text, offset), semver::npm_options);
  if (!v) return std::nullopt;
  return std::move(*v);
}

// JavaScript's `semver.parse(v).prerelease.includes(channel)`: node-semver turns an
// identifier of digits up to 2^53-1 into a number, which never equals a string.
inline bool prerelease_has(std::string_view prerelease, std::string_view channel) {
  std::size_t start = 0;
  while (start <= prerelease.size()) {
    std::size_t end = prerelease.find('.', start);
    if (end == std::string_view::npos) end = prerelease.size();
    const std::string_view id = prerelease.substr(start, end - start);
    if (id == channel) {
      bool digits = !id.empty();
      for (const char c : id) digits = digits && c >= '0' && c <= '9';
      const std::string_view max = "9007199254740991";
      const bool is_number =
          digits && (id.size() < max.size() || (id.size() == max.size() && id <= max));
      if (!is_number) return true;
    }
    start = end + 1;
  }
  return false;
}

template <class Text>
std::vector<release_tag> find_release_tags_in(const tag_format& format,
                                              const std::vector<Text>& tags) {
  std::vector<release_tag> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    auto v = release_version(format, tag);
    if (v) out.push_back(release_tag{tag, std::move(*v), i});
  }
  return out;
}

template <class Text>
std::optional<release_tag> find_last_release_in(const tag_format& format,
                                                const std::vector<Text>& tags,
                                                const find_options& opts) {
  std::optional<release_tag> best;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    auto v = release_version(format, tag);
    if (!v) continue;
    if (v->is_prerelease() &&
        (opts.channel.empty() || !prerelease_has(v->prerelease, opts.channel)))
      continue;
    // Strictly higher: among equal versions the first in the list stays (stable sort).
    if (!best || semver::compare(*v, best->version) > 0) {
      best = release_tag{tag, std::move(*v), i};
    }
  }
  return best;
}

inline relkit::error bad_name(std::size_t at, const char* what) {
  return relkit::error{errc::bad_tag_name, at, error_args{}.with_text(what)};
}

}  // namespace detail

RELKIT_INLINE result<tag_format> parse_tag_format(std::string_view text) {
  constexpr std::string_view placeholder = tag_format::placeholder;
  std::size_t at = std::string_view::npos;
  std::size_t part_start = 0;  // start of the current '/'-separated part
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (text.compare(i, placeholder.size(), placeholder) == 0) {
      if (at != std::string_view::npos) {
        return relkit::error{errc::bad_tag_format, i,
                             error_args{}.with_text("a single ${version}")};
      }
      at = i;
      i += placeholder.size() - 1;
      continue;
    }
    if (text.compare(i, 2, "${") == 0 || text.compare(i, 3, "<%=") == 0) {
      return relkit::error{errc::bad_tag_format, i,
                           error_args{}.with_text("${version} as the only placeholder")};
    }
    if (byte < 0x20 || byte == 0x7f || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' ||
        c == '*' || c == '[' || c == '\\') {
      return relkit::error{errc::bad_tag_name, i,
                           error_args{}.with_text("contain ").with_byte_of(text, i)};
    }
    if (text.compare(i, 2, "..") == 0) return detail::bad_name(i, "contain '..'");
    if (text.compare(i, 2, "@{") == 0) return detail::bad_name(i, "contain '@{'");
    if (c == '.' && i == part_start) return detail::bad_name(i, "have a part that begins with '.'");
    if (c == '/') {
      if (i == 0) return detail::bad_name(i, "begin with '/'");
      if (i == part_start) return detail::bad_name(i - 1, "contain '//'");
      if (text.substr(part_start, i - part_start).size() >= 5 && text.substr(i - 5, 5) == ".lock") {
        return detail::bad_name(i - 5, "have a part that ends with '.lock'");
      }
      part_start = i + 1;
    }
  }
  if (at == std::string_view::npos) {
    return relkit::error{errc::bad_tag_format, text.size(), error_args{}.with_text("${version}")};
  }
  // `${version}` is never empty, so text ends where the version does not.
  if (text.back() == '/') return detail::bad_name(text.size() - 1, "end with '/'");
  if (text.back() == '.') return detail::bad_name(text.size() - 1, "end with '.'");
  if (text.size() - part_start >= 5 && text.substr(text.size() - 5) == ".lock") {
    return detail::bad_name(text.size() - 5, "have a part that ends with '.lock'");
  }
  return tag_format(std::string(text), at);
}

RELKIT_INLINE std::string make_tag(const tag_format& format, const semver::version& v) {
  std::string tag(format.prefix());
  tag += semver::to_string(v);
  tag += format.suffix();
  return tag;
}

RELKIT_INLINE std::optional<std::string_view> match_tag(const tag_format& format,
                                                        std::string_view tag) {
  const std::string_view prefix = format.prefix();
  const std::string_view suffix = format.suffix();
  if (tag.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::size_t start = prefix.size();
  // `(.+)` is greedy and stops at a line terminator; SUFFIX may begin anywhere up to there.
  const std::size_t line_end = relkit::detail::find_js_line_terminator(tag, start);
  if (line_end == start) return std::nullopt;
  const std::size_t end = suffix.empty() ? line_end : tag.rfind(suffix, line_end);
  if (end == std::string_view::npos || end <= start) return std::nullopt;
  return tag.substr(start, end - start);
}

RELKIT_INLINE result<semver::version> parse_tag(const tag_format& format, std::string_view tag) {
  const std::optional<std::string_view> text = match_tag(format, tag);
  if (!text) {
    const std::string_view prefix = format.prefix();
    std::size_t at = 0;
    while (at < prefix.size() && at < tag.size() && tag[at] == prefix[at]) ++at;
    if (at == prefix.size()) {
      // The prefix matched: the version text is empty or SUFFIX never follows it.
      at = relkit::detail::find_js_line_terminator(tag, at);
    }
    return relkit::error{errc::tag_mismatch, at, error_args{}.with_token(format.text())};
  }
  std::size_t offset = 0;
  const std::string_view cleaned = detail::clean_version_text(*text, offset);
  auto v = semver::parse(cleaned, semver::npm_options);
  if (!v) {
    relkit::error e = std::move(v).error();
    if (e.position != relkit::no_position) {
      e.position += static_cast<std::size_t>(text->data() - tag.data()) + offset;
    }
    return e;
  }
  return v;
}

RELKIT_INLINE std::vector<release_tag> find_release_tags(const tag_format& format,
                                                         const std::vector<std::string>& tags) {
  return detail::find_release_tags_in(format, tags);
}
RELKIT_INLINE std::vector<release_tag> find_release_tags(
    const tag_format& format, const std::vector<std::string_view>& tags) {
  return detail::find_release_tags_in(format, tags);
}

RELKIT_INLINE std::optional<release_tag> find_last_release(const tag_format& format,
                                                           const std::vector<std::string>& tags,
                                                           const find_options& opts) {
  return detail::find_last_release_in(format, tags, opts);
}
RELKIT_INLINE std::optional<release_tag> find_last_release(
    const tag_format& format, const std::vector<std::string_view>& tags, const find_options& opts) {
  return detail::find_last_release_in(format, tags, opts);
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
