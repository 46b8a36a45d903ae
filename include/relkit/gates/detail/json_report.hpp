#pragma once
// What the JSON report readers of relkit::gates share: a scanner that checks
// a whole JSON text once (RFC 8259, the grammar and phrases of
// relkit/detail/json.hpp) and then walks it in place, without a document
// tree. A tree costs about a hundred bytes per JSON value, so a report of one
// megabyte of `[0,0,...]` would need fifty; the scanner needs a stack of
// max_depth bytes, and a reader keeps only what it maps (counts, metrics,
// stages, approvals). Scalars are decoded by relkit/detail/json.hpp itself.
// Errors are the readers' (gates.report, relkit/gates/report.hpp) with the
// byte position in the report.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

namespace detail {

// One value of the scanned text: [begin, end) and its kind, the first byte of
// its type: '{', '[', '"', '0' (a number), 't', 'f', 'n'; 0 for "absent".
struct json_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  char kind = 0;

  [[nodiscard]] constexpr bool absent() const noexcept { return kind == 0; }
  [[nodiscard]] constexpr bool is_object() const noexcept { return kind == '{'; }
  [[nodiscard]] constexpr bool is_array() const noexcept { return kind == '['; }
  [[nodiscard]] constexpr bool is_string() const noexcept { return kind == '"'; }
  [[nodiscard]] constexpr bool is_number() const noexcept { return kind == '0'; }
  [[nodiscard]] constexpr bool is_bool() const noexcept { return kind == 't' || kind == 'f'; }
  [[nodiscard]] constexpr bool is_null() const noexcept { return kind == 'n'; }
};

[[nodiscard]] constexpr bool json_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

[[nodiscard]] inline relkit::error invalid_json(std::size_t pos, const char* what) noexcept {
  return relkit::error{report_errc::invalid_json, pos, error_args().with_text(what)};
}

// A JSON text, checked by scan() before any other call.
class json_text {
 public:
  explicit json_text(std::string_view in) noexcept : in_(in) {}

  [[nodiscard]] std::string_view input() const noexcept { return in_; }

  // Checks the whole text; the top value on success.
  template <class Unused = void>
  [[nodiscard]] relkit::result<json_span> scan(const read_options& limits) const {
    if (in_.size() > limits.max_bytes) {
      return relkit::error{
          report_errc::too_large, limits.max_bytes,
          error_args().with_text("bytes").with_number(static_cast<std::int64_t>(limits.max_bytes))};
    }
    std::string stack;  // '{' or '[' per open container, at most max_depth bytes
    std::size_t pos = skip_space(0);
    while (true) {
      // A value is expected at pos.
      if (pos >= in_.size()) return invalid_json(pos, "expected a value");
      const char c = in_[pos];
      if (c == '{' || c == '[') {
        if (stack.size() >= limits.max_depth) {
          return relkit::error{report_errc::too_large, pos,
                               error_args()
                                   .with_text("levels of JSON nesting")
                                   .with_number(static_cast<std::int64_t>(limits.max_depth))};
        }
        pos = skip_space(pos + 1);
        if (pos < in_.size() && in_[pos] == (c == '{' ? '}' : ']')) {
          ++pos;  // empty: a complete value
        } else {
          stack += c;
          if (c == '{') {
            auto after = check_key(pos);
            if (!after) return std::move(after).error();
            pos = *after;
          }
          continue;
        }
      } else {
        auto after = check_scalar(pos);
        if (!after) return std::move(after).error();
        pos = *after;
      }
      // A value is complete: close what it completes.
      bool next_value = false;
      while (!stack.empty() && !next_value) {
        pos = skip_space(pos);
        if (pos >= in_.size()) return invalid_json(pos, "unterminated array or object");
        const bool object = stack.back() == '{';
        if (in_[pos] == ',') {
          pos = skip_space(pos + 1);
          if (object) {
            auto after = check_key(pos);
            if (!after) return std::move(after).error();
            pos = *after;
          }
          next_value = true;
        } else if (in_[pos] == (object ? '}' : ']')) {
          ++pos;
          stack.pop_back();
        } else {
          return invalid_json(pos, object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
      }
      if (!next_value) break;
    }
    if (skip_space(pos) != in_.size()) {
      return invalid_json(skip_space(pos), "unexpected text after JSON value");
    }
    return at(skip_space(0));
  }

  // The value that starts at `pos` of the scanned text.
  [[nodiscard]] json_span at(std::size_t pos) const noexcept {
    json_span s;
    s.begin = pos;
    const char c = in_[pos];
    if (c == '{' || c == '[') {
      s.kind = c;
      std::size_t depth = 0;
      std::size_t i = pos;
      while (i < in_.size()) {
        const char b = in_[i];
        if (b == '"') {
          i = string_end(i);
          continue;
        }
        if (b == '{' || b == '[') ++depth;
        if (b == '}' || b == ']') {
          if (--depth == 0) {
            ++i;
            break;
          }
        }
        ++i;
      }
      s.end = i;
    } else if (c == '"') {
      s.kind = '"';
      s.end = string_end(pos);
    } else {
      s.kind = (c == '-' || (c >= '0' && c <= '9')) ? '0' : c;
      std::size_t i = pos;
      while (i < in_.size() && in_[i] != ',' && in_[i] != '}' && in_[i] != ']' &&
             !json_space(in_[i])) {
        ++i;
      }
      s.end = i;
    }
    return s;
  }

  // Calls f(key, value) for each member of an object in document order while
  // f returns true; `key` is a string span.
  template <class F>
  void members(json_span object, F&& f) const {
    if (!object.is_object()) return;
    std::size_t pos = skip_space(object.begin + 1);
    while (pos < object.end && in_[pos] == '"') {
      const json_span key = at(pos);
      pos = skip_space(key.end);
      pos = skip_space(pos + 1);  // ':'
      const json_span value = at(pos);
      if (!f(key, value)) return;
      pos = skip_space(value.end);
      if (pos < object.end && in_[pos] == ',') pos = skip_space(pos + 1);
    }
  }

  // Calls f(item) for each item of an array while f returns true.
  template <class F>
  void items(json_span array, F&& f) const {
    if (!array.is_array()) return;
    std::size_t pos = skip_space(array.begin + 1);
    while (pos < array.end && in_[pos] != ']') {
      const json_span item = at(pos);
      if (!f(item)) return;
      pos = skip_space(item.end);
      if (pos < array.end && in_[pos] == ',') pos = skip_space(pos + 1);
    }
  }

  // The member `key` of an object (the last one if repeated, as json.hpp
  // and JSON.parse do); absent() when there is none or `object` is not one.
  [[nodiscard]] json_span find(json_span object, std::string_view key) const {
    json_span found;
    members(object, [&](json_span k, json_span v) {
      if (equals(k, key)) found = v;
      return true;
    });
    return found;
  }

  // find() along a path of keys.
  [[nodiscard]] json_span find(json_span object,
                               std::initializer_list<std::string_view> keys) const {
    json_span s = object;
    for (std::string_view key : keys) {
      s = find(s, key);
      if (s.absent()) return s;
    }
    return s;
  }

  // True when the string span decodes to `expected`.
  [[nodiscard]] bool equals(json_span s, std::string_view expected) const {
    if (!s.is_string()) return false;
    const std::string_view raw = in_.substr(s.begin + 1, s.end - s.begin - 2);
    if (raw.find('\\') == std::string_view::npos) return raw == expected;
    return string(s) == expected;
  }

  // A string's decoded UTF-8 (json.hpp decodes it).
  template <class Unused = void>
  [[nodiscard]] std::string string(json_span s) const {
    const std::string_view raw = in_.substr(s.begin + 1, s.end - s.begin - 2);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    auto decoded = relkit::detail::parse_json(in_.substr(s.begin, s.end - s.begin));
    return decoded ? std::move(decoded->text) : std::string();
  }

  // A number's value (json.hpp's grammar; the scan refused what it refuses).
  [[nodiscard]] double number(json_span s) const noexcept {
    return relkit::detail::parse_json_number(in_, s.begin).value;
  }

  // What an error names as found: a string's text, a number or literal as
  // written, "object" or "array".
  [[nodiscard]] std::string_view token(json_span s) const noexcept {
    if (s.is_object()) return "object";
    if (s.is_array()) return "array";
    if (s.is_string()) return in_.substr(s.begin + 1, s.end - s.begin - 2);
    return in_.substr(s.begin, s.end - s.begin);
  }

 private:
  [[nodiscard]] std::size_t skip_space(std::size_t pos) const noexcept {
    while (pos < in_.size() && json_space(in_[pos])) ++pos;
    return pos;
  }

  // One past the closing quote of the (scanned) string at pos.
  [[nodiscard]] std::size_t string_end(std::size_t pos) const noexcept {
    std::size_t i = pos + 1;
    while (i < in_.size() && in_[i] != '"') i += in_[i] == '\\' ? std::size_t{2} : std::size_t{1};
    return i + 1;
  }

  template <class Unused = void>
  [[nodiscard]] relkit::result<std::size_t> check_key(std::size_t pos) const {
    if (pos >= in_.size()) return invalid_json(pos, "expected a key");
    if (in_[pos] != '"') return invalid_json(pos, "expected a string key");
    auto after = check_string(pos);
    if (!after) return after;
    pos = skip_space(*after);
    if (pos >= in_.size() || in_[pos] != ':') return invalid_json(pos, "expected ':'");
    return skip_space(pos + 1);
  }

  template <class Unused = void>
  [[nodiscard]] relkit::result<std::size_t> check_string(std::size_t start) const {
    std::size_t i = start + 1;
    while (true) {
      while (i < in_.size() && in_[i] != '"' && in_[i] != '\\' &&
             static_cast<unsigned char>(in_[i]) >= 0x20U) {
        ++i;
      }
      if (i >= in_.size()) return invalid_json(start, "unterminated string");
      if (in_[i] == '"') return i + 1;
      if (in_[i] != '\\') return invalid_json(i, "control character in string");
      if (i + 1 >= in_.size()) return invalid_json(start, "unterminated string");
      const char e = in_[i + 1];
      if (e == 'u') {
        if (i + 6 > in_.size()) return invalid_json(i + 2, "truncated \\u escape");
        for (std::size_t k = i + 2; k < i + 6; ++k) {
          if (relkit::detail::hex_digit_value(in_[k]) < 0) {
            return invalid_json(k, "invalid hex digit in \\u escape");
          }
        }
        i += 6;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                 e == 'r' || e == 't') {
        i += 2;
      } else {
        return invalid_json(i, "invalid escape in string");
      }
    }
  }

  template <class Unused = void>
  [[nodiscard]] relkit::result<std::size_t> check_scalar(std::size_t pos) const {
    const char c = in_[pos];
    if (c == '"') return check_string(pos);
    if (c == 't' || c == 'f' || c == 'n') {
      const std::string_view word = c == 't' ? "true" : (c == 'f' ? "false" : "null");
      if (in_.substr(pos, word.size()) != word) return invalid_json(pos, "invalid literal");
      return pos + word.size();
    }
    if (c == '-' || relkit::detail::is_digit(c)) {
      const relkit::detail::decimal_parse parsed = relkit::detail::parse_json_number(in_, pos);
      if (parsed.status == relkit::detail::number_status::invalid || dangling(pos, parsed.end)) {
        return invalid_json(pos, "invalid number");
      }
      if (parsed.status != relkit::detail::number_status::ok) {
        return invalid_json(pos, "number out of range");
      }
      return parsed.end;
    }
    return invalid_json(pos, "expected a value");
  }

  // As json.hpp: "1." and "1e+" are invalid numbers, not a number and a byte.
  [[nodiscard]] bool dangling(std::size_t start, std::size_t end) const noexcept {
    if (end >= in_.size()) return false;
    const std::string_view number = in_.substr(start, end - start);
    const bool has_exponent = number.find_first_of("eE") != std::string_view::npos;
    if (in_[end] == 'e' || in_[end] == 'E') return !has_exponent;
    if (in_[end] == '.') return !has_exponent && number.find('.') == std::string_view::npos;
    return false;
  }

  std::string_view in_;
};

// ------------------------------------------------------------ reader errors

[[nodiscard]] inline relkit::error wrong_format(const json_text& doc, json_span found,
                                                const char* what) noexcept {
  // Names the first key of an object (what it is, most often), else its type.
  std::string_view token = doc.token(found);
  if (found.is_object()) {
    doc.members(found, [&](json_span key, json_span) {
      token = doc.token(key);
      return false;
    });
  }
  return relkit::error{report_errc::wrong_format, found.begin,
                       error_args().with_text(what).with_token(token)};
}

[[nodiscard]] inline relkit::error missing_field(json_span where, const char* field) noexcept {
  return relkit::error{report_errc::missing_field, where.begin, error_args().with_text(field)};
}

[[nodiscard]] inline relkit::error bad_value(const json_text& doc, json_span found,
                                             const char* field, const char* expected) noexcept {
  return relkit::error{
      report_errc::bad_value, found.begin,
      error_args().with_text(field).with_text2(expected).with_token(doc.token(found))};
}

[[nodiscard]] inline relkit::error too_many(json_span where, const read_options& limits,
                                            const char* what) noexcept {
  return relkit::error{
      report_errc::too_large, where.begin,
      error_args().with_text(what).with_number(static_cast<std::int64_t>(limits.max_entries))};
}

// An RFC 3339 time (relkit/detail/civil_time.hpp) of a string span.
[[nodiscard]] inline relkit::result<time_point> time_of(const json_text& doc, json_span s,
                                                        const char* field) {
  if (!s.is_string()) return bad_value(doc, s, field, "an RFC 3339 time");
  const auto ms = relkit::detail::parse_timestamp_ms(doc.token(s));
  if (!ms) {
    return relkit::error{report_errc::bad_time, s.begin,
                         error_args().with_text(field).with_token(doc.token(s))};
  }
  return time_point(std::chrono::milliseconds(*ms));
}

// ASCII case-insensitive equality (severity words are written in every case).
[[nodiscard]] constexpr bool same_word(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (relkit::detail::to_lower(a[i]) != relkit::detail::to_lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
