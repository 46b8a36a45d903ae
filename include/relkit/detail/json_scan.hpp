#pragma once
// A JSON text checked once and then walked in place, without a document tree
// (shared core). A tree (relkit/detail/json.hpp's parse_json) costs about a
// hundred bytes per JSON value, so a report of one megabyte of `[0,0,...]`
// would need fifty; the scanner needs a stack of max_depth bytes, and its
// caller keeps only what it maps. The grammar is json.hpp's, the tree
// reader's own: json::walk (structure, depth) and the json::lex_* lexer
// (strings, numbers, literals, keys, whitespace), with their errors
// (json_errc) and phrases; a caller maps them to its own domain.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
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

// A JSON text, checked by scan() before any other call.
class json_text {
 public:
  explicit json_text(std::string_view in) noexcept : in_(in) {}

  [[nodiscard]] std::string_view input() const noexcept { return in_; }

  // Checks the whole text (json.hpp's walk(): its grammar, errors and
  // phrases); the top value on success.
  template <class Unused = void>
  [[nodiscard]] relkit::result<json_span> scan(std::size_t max_bytes, std::size_t max_depth) const {
    json::check_only checker;
    auto ok = json::walk(in_, max_bytes, max_depth, checker);
    if (!ok) return std::move(ok).error();
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
             !json::is_space(in_[i])) {
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

  // A string's decoded UTF-8 (json.hpp's lexer decodes it).
  template <class Unused = void>
  [[nodiscard]] std::string string(json_span s) const {
    const std::string_view raw = in_.substr(s.begin + 1, s.end - s.begin - 2);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string decoded;
    if (!json::lex_string<>(in_, s.begin, &decoded)) decoded.clear();
    return decoded;
  }

  // A number's value (json.hpp's grammar; the scan refused what it refuses).
  [[nodiscard]] double number(json_span s) const noexcept {
    return parse_json_number(in_, s.begin).value;
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
    return json::skip_space(in_, pos);
  }

  // One past the closing quote of the (scanned) string at pos.
  [[nodiscard]] std::size_t string_end(std::size_t pos) const noexcept {
    std::size_t i = pos + 1;
    while (i < in_.size() && in_[i] != '"') i += in_[i] == '\\' ? std::size_t{2} : std::size_t{1};
    return i + 1;
  }

  std::string_view in_;
};

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
