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
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  bool escaped = false;  // a string with a backslash escape in it
  // An array or object of an indexed text (json_text::scan_indexed): its
  // place in the index, 1 + the containers before it in document order; 0
  // when not known.
  std::uint32_t ordinal = 0;

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

  // Checks the whole text as scan() does, refusing more than `max_values`
  // JSON values (json_errc::too_many_values at the first one too many), and
  // records where each array and object ends: members() and items() then
  // find a container's end by a lookup instead of re-reading it. 8 bytes per
  // container, for a text of less than 4 GiB (a longer one is read as after
  // scan()). The top value on success.
  template <class Unused = void>
  [[nodiscard]] relkit::result<json_span> scan_indexed(std::size_t max_bytes, std::size_t max_depth,
                                                       std::size_t max_values) {
    ends_.clear();
    next_.clear();
    indexer handler(*this, max_values, in_.size() < UINT32_MAX);
    auto ok = json::walk(in_, max_bytes, max_depth, handler);
    if (!ok) {
      ends_.clear();
      next_.clear();
      return std::move(ok).error();
    }
    std::uint32_t first = 1;
    return child_at(skip_space(0), first);
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
      s.end = string_end(pos, &s.escaped);
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
    // The ordinal of the first container inside, if any (0: not indexed).
    std::uint32_t next = object.ordinal == 0 ? 0 : object.ordinal + 1;
    std::size_t pos = skip_space(object.begin + 1);
    while (pos < object.end && in_[pos] == '"') {
      json_span key;
      key.begin = pos;
      key.kind = '"';
      key.end = string_end(pos, &key.escaped);
      pos = skip_space(key.end);
      pos = skip_space(pos + 1);  // ':'
      const json_span value = child_at(pos, next);
      if (!f(key, value)) return;
      pos = skip_space(value.end);
      if (pos < object.end && in_[pos] == ',') pos = skip_space(pos + 1);
    }
  }

  // Calls f(item) for each item of an array while f returns true.
  template <class F>
  void items(json_span array, F&& f) const {
    if (!array.is_array()) return;
    // The ordinal of the first container inside, if any (0: not indexed).
    std::uint32_t next = array.ordinal == 0 ? 0 : array.ordinal + 1;
    std::size_t pos = skip_space(array.begin + 1);
    while (pos < array.end && in_[pos] != ']') {
      const json_span item = child_at(pos, next);
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

  // A string's bytes between its quotes, escapes undecoded.
  [[nodiscard]] std::string_view raw(json_span s) const noexcept {
    return in_.substr(s.begin + 1, s.end - s.begin - 2);
  }

  // True when the string span decodes to `expected`.
  [[nodiscard]] bool equals(json_span s, std::string_view expected) const {
    if (!s.is_string()) return false;
    const std::string_view raw = in_.substr(s.begin + 1, s.end - s.begin - 2);
    if (!s.escaped) return raw == expected;
    return string(s) == expected;
  }

  // A string's decoded UTF-8 (json.hpp's lexer decodes it).
  template <class Unused = void>
  [[nodiscard]] std::string string(json_span s) const {
    const std::string_view raw = in_.substr(s.begin + 1, s.end - s.begin - 2);
    if (!s.escaped) return std::string(raw);
    std::string decoded;
    if (!json::lex_string<>(in_, s.begin, &decoded)) decoded.clear();
    return decoded;
  }

  // A number's value (json.hpp's grammar; the scan refused what it refuses).
  // Up to 15 digits without sign, fraction or exponent (a weight, a version,
  // an id) is an integer below 2^53: exact as a double, read here directly.
  [[nodiscard]] double number(json_span s) const noexcept {
    const std::size_t n = s.end - s.begin;
    if (n >= 1 && n <= 15) {
      std::uint64_t v = 0;
      std::size_t i = s.begin;
      while (i < s.end && in_[i] >= '0' && in_[i] <= '9') {
        v = v * 10U + static_cast<std::uint64_t>(in_[i] - '0');
        ++i;
      }
      if (i == s.end) return static_cast<double>(v);
    }
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
  [[nodiscard]] std::size_t string_end(std::size_t pos, bool* escaped = nullptr) const noexcept {
    std::size_t i = pos + 1;
    while (true) {
      i = json::plain_run(in_, i);
      if (i >= in_.size() || in_[i] == '"') break;
      if (in_[i] == '\\') {
        if (escaped != nullptr) *escaped = true;
        i += 2;
      } else {
        ++i;
      }
    }
    return i + 1;
  }

  // The value at `pos` inside a container whose next container inside has
  // ordinal `next` (indexed text): a container's end from the index, and
  // `next` moved past it and the containers in it. Otherwise at(pos).
  [[nodiscard]] json_span child_at(std::size_t pos, std::uint32_t& next) const noexcept {
    const char c = in_[pos];
    if ((c != '{' && c != '[') || next == 0 || next > ends_.size()) return at(pos);
    json_span s;
    s.begin = pos;
    s.kind = c;
    s.ordinal = next;
    s.end = ends_[next - 1];
    next = next_[next - 1];
    return s;
  }

  // walk()'s handler for scan_indexed(): counts values and, for each
  // container in document order, records its end and the ordinal of the
  // first container after it.
  class indexer : public json::check_only {
   public:
    indexer(json_text& text, std::size_t max_values, bool record) noexcept
        : text_(text), max_(max_values), record_(record) {}
    [[nodiscard]] relkit::result<void> begin_value(std::size_t pos) noexcept {
      if (++count_ > max_) {
        return json::make_error(json_errc::too_many_values, pos, "too many JSON values", max_);
      }
      return {};
    }
    void container(char) {
      scalar_ = false;
      if (!record_) return;
      open_.push_back(text_.ends_.size());
      text_.ends_.push_back(0);
      text_.next_.push_back(0);
    }
    [[nodiscard]] json_value* scalar() noexcept {
      scalar_ = true;
      return nullptr;
    }
    void complete(std::size_t end) noexcept {
      if (scalar_ || !record_) return;
      text_.ends_[open_.back()] = static_cast<std::uint32_t>(end);
      text_.next_[open_.back()] = static_cast<std::uint32_t>(text_.ends_.size() + 1);
      open_.pop_back();
    }
    void close() noexcept { scalar_ = false; }

   private:
    json_text& text_;
    std::vector<std::size_t> open_;  // indices of the open containers
    std::size_t count_ = 0;
    std::size_t max_;
    bool record_;
    bool scalar_ = false;
  };

  std::string_view in_;
  // scan_indexed(), per container (ordinal - 1): one past its last byte, and
  // the ordinal of the first container that begins after it.
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint32_t> next_;
};

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
