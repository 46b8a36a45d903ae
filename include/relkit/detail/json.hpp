#pragma once
// A small JSON reader (RFC 8259) for relkit's payload parsers: a document
// tree, byte positions in every error, limits on input size, nesting depth
// and element count, and no recursion on the input (an explicit stack).
// The grammar is written once here, as a lexer (json::lex_*) and a walk of
// the structure (json::walk) that the tree reader (parse_json) and the
// in-place scanner (relkit/detail/json_scan.hpp) both use.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

enum class json_errc {
  too_large = 1,
  too_deep,
  too_many_values,
  unexpected_end,
  unexpected_character,
  bad_literal,
  bad_number,
  bad_string,
  bad_escape,
  trailing_characters,
};

// Each error's args.text is a phrase that reads alone ("expected ':'"), so a
// component that wraps a JSON error ("invalid JSON: {text}") keeps it; the
// limit errors also carry the limit in args.number.
inline constexpr error_entry<json_errc> json_errc_table[] = {
    {json_errc::too_large, "too_large", "JSON input exceeds {number} bytes"},
    {json_errc::too_deep, "too_deep", "JSON nesting deeper than {number}"},
    {json_errc::too_many_values, "too_many_values", "more than {number} JSON values"},
    {json_errc::unexpected_end, "unexpected_end", "{text}"},
    {json_errc::unexpected_character, "unexpected_character", "{text}"},
    {json_errc::bad_literal, "bad_literal", "{text}"},
    {json_errc::bad_number, "bad_number", "{text}"},
    {json_errc::bad_string, "bad_string", "{text}"},
    {json_errc::bad_escape, "bad_escape", "{text}"},
    {json_errc::trailing_characters, "trailing_characters", "{text}"},
};
inline constexpr relkit::error_domain json_errc_domain = make_error_domain<json_errc_table>("json");
constexpr const relkit::error_domain& relkit_error_domain(json_errc) noexcept {
  return json_errc_domain;
}

struct json_limits {
  std::size_t max_bytes = std::size_t{64} << 20U;  // 64 MiB
  std::size_t max_depth = 128;
  std::size_t max_values = std::size_t{4} << 20U;
};

struct json_member;

// One JSON value. Objects keep their members in document order (duplicate
// keys are kept; lookups return the last, as JavaScript's JSON.parse does).
struct json_value {
  enum class kind : std::uint8_t { null, boolean, number, string, array, object };

  kind type = kind::null;
  bool boolean = false;
  double number = 0.0;
  std::string text;  // a string's decoded UTF-8, or a number's source text
  std::vector<json_value> items;
  std::vector<json_member> members;
  std::size_t position = 0;  // byte offset of the value in the input

  [[nodiscard]] bool is_null() const noexcept { return type == kind::null; }
  [[nodiscard]] bool is_bool() const noexcept { return type == kind::boolean; }
  [[nodiscard]] bool is_number() const noexcept { return type == kind::number; }
  [[nodiscard]] bool is_string() const noexcept { return type == kind::string; }
  [[nodiscard]] bool is_array() const noexcept { return type == kind::array; }
  [[nodiscard]] bool is_object() const noexcept { return type == kind::object; }

  // The member named `key` (the last one if repeated), or null.
  [[nodiscard]] inline const json_value* find(std::string_view key) const noexcept;
};

struct json_member {
  std::string key;
  json_value value;
};

inline const json_value* json_value::find(std::string_view key) const noexcept {
  const json_value* found = nullptr;
  for (const auto& m : members) {
    if (m.key == key) found = &m.value;
  }
  return found;
}

namespace json {

// `what` is a string literal (see json_errc_table).
[[nodiscard]] inline relkit::error make_error(json_errc code, std::size_t pos, const char* what,
                                              std::size_t limit = 0) noexcept {
  return relkit::error{
      code, pos,
      relkit::error_args{}.with_text(what).with_number(static_cast<std::int64_t>(limit))};
}

[[nodiscard]] inline bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80U) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800U) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000U) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

// ------------------------------------------------------------------ lexer
// The grammar of JSON's tokens, written once: the tree reader below and the
// in-place scanner (relkit/detail/json_scan.hpp) both read with these. Each
// takes the input and the position of the token, gives the position after it
// or the error (json_errc, with its phrase), and decodes into `out` when the
// caller wants the value (null: only checked).

[[nodiscard]] inline std::size_t skip_space(std::string_view in, std::size_t pos) noexcept {
  while (pos < in.size() && is_space(in[pos])) ++pos;
  return pos;
}

// The end of the run of plain string bytes from pos: the first '"', '\\' or
// control character (below 0x20), or the end of the input. Eight bytes at a
// time while none of them is one.
[[nodiscard]] inline std::size_t plain_run(std::string_view in, std::size_t pos) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  while (pos + 8 <= in.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, in.data() + pos, 8);
    const std::uint64_t quote = w ^ (ones * 0x22U);
    const std::uint64_t backslash = w ^ (ones * 0x5CU);
    // A byte that is zero in `quote` or `backslash`, or below 0x20 in `w`.
    const std::uint64_t special =
        ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20U) & ~w);
    if ((special & highs) != 0) {
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // The lowest flagged byte is the first special one (a borrow can flag
      // only bytes after a special byte, never before it).
      return pos + static_cast<std::size_t>(__builtin_ctzll(special & highs)) / 8U;
#else
      break;
#endif
    }
    pos += 8;
  }
  while (pos < in.size() && in[pos] != '"' && in[pos] != '\\' &&
         static_cast<unsigned char>(in[pos]) >= 0x20U) {
    ++pos;
  }
  return pos;
}

// Four hex digits at pos (after "\u").
[[nodiscard]] inline relkit::result<std::uint32_t> lex_hex4(std::string_view in, std::size_t pos) {
  if (pos + 4 > in.size()) return make_error(json_errc::bad_escape, pos, "truncated \\u escape");
  std::uint32_t out = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = relkit::detail::hex_digit_value(in[pos + k]);
    if (d < 0) {
      return make_error(json_errc::bad_escape, pos + k, "invalid hex digit in \\u escape");
    }
    out = out * 16U + static_cast<std::uint32_t>(d);
  }
  return out;
}

// A string at `start` (its opening quote); the position after its closing
// quote. `out` gets its decoded UTF-8.
template <class Unused = void>
[[nodiscard]] relkit::result<std::size_t> lex_string(std::string_view in, std::size_t start,
                                                     std::string* out) {
  std::size_t pos = start + 1;
  while (true) {
    // A run of plain bytes at once.
    const std::size_t run = plain_run(in, pos);
    if (out != nullptr) out->append(in.data() + pos, run - pos);
    pos = run;
    if (pos >= in.size())
      return make_error(json_errc::unexpected_end, start, "unterminated string");
    const char c = in[pos];
    if (c == '"') return pos + 1;
    if (c != '\\') return make_error(json_errc::bad_string, pos, "control character in string");
    ++pos;
    if (pos >= in.size())
      return make_error(json_errc::unexpected_end, start, "unterminated string");
    const char e = in[pos++];
    char plain = 0;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        plain = e;
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u': {
        auto hex = lex_hex4(in, pos);
        if (!hex) return std::move(hex).error();
        pos += 4;
        std::uint32_t cp = *hex;
        if (cp >= 0xD800U && cp <= 0xDBFFU && pos + 1 < in.size() && in[pos] == '\\' &&
            in[pos + 1] == 'u') {
          auto low = lex_hex4(in, pos + 2);
          if (!low) return std::move(low).error();
          if (*low >= 0xDC00U && *low <= 0xDFFFU) {
            cp = 0x10000U + ((cp - 0xD800U) << 10U) + (*low - 0xDC00U);
            pos += 6;
          }
        }
        // A lone surrogate cannot be UTF-8: U+FFFD, as TextEncoder writes it.
        if (cp >= 0xD800U && cp <= 0xDFFFU) cp = 0xFFFDU;
        if (out != nullptr) append_utf8(*out, cp);
        continue;
      }
      default:
        return make_error(json_errc::bad_escape, pos - 2, "invalid escape in string");
    }
    if (out != nullptr) *out += plain;
  }
}

// A member's `"key"` and the ':' after it; the position of its value.
template <class Unused = void>
[[nodiscard]] relkit::result<std::size_t> lex_key(std::string_view in, std::size_t pos,
                                                  std::string* out) {
  if (pos >= in.size()) return make_error(json_errc::unexpected_end, pos, "expected a key");
  if (in[pos] != '"') {
    return make_error(json_errc::unexpected_character, pos, "expected a string key");
  }
  auto after = lex_string<>(in, pos, out);
  if (!after) return after;
  pos = skip_space(in, *after);
  if (pos >= in.size()) return make_error(json_errc::unexpected_end, pos, "expected ':'");
  if (in[pos] != ':') return make_error(json_errc::unexpected_character, pos, "expected ':'");
  return skip_space(in, pos + 1);
}

// parse_json_number stops before a '.' or an exponent with no digit after
// it ("1.", "1.e5", "1e+"); JSON calls the whole number invalid there. A '.'
// or 'e' after a complete fraction or exponent ("1.5.", "1e5e") is a byte
// after the number, reported by the caller as before.
[[nodiscard]] inline bool dangling_part(std::string_view in, std::size_t start,
                                        std::size_t end) noexcept {
  if (end >= in.size()) return false;
  const std::string_view number = in.substr(start, end - start);
  const bool has_exponent = number.find_first_of("eE") != std::string_view::npos;
  if (in[end] == 'e' || in[end] == 'E') return !has_exponent;
  if (in[end] == '.') return !has_exponent && number.find('.') == std::string_view::npos;
  return false;
}

// A number at `start`: its value and end.
[[nodiscard]] inline relkit::result<relkit::detail::decimal_parse> lex_number(std::string_view in,
                                                                              std::size_t start) {
  const relkit::detail::decimal_parse parsed = relkit::detail::parse_json_number(in, start);
  if (parsed.status == relkit::detail::number_status::invalid ||
      dangling_part(in, start, parsed.end)) {
    return make_error(json_errc::bad_number, start, "invalid number");
  }
  if (parsed.status != relkit::detail::number_status::ok) {
    // JSON.parse gives +-Infinity or 0 here; relkit refuses the ambiguity.
    return make_error(json_errc::bad_number, start, "number out of range");
  }
  return parsed;
}

// A string, number or literal at pos; the position after it. `out` gets its
// type and value (a number's source text too).
template <class Unused = void>
[[nodiscard]] relkit::result<std::size_t> lex_scalar(std::string_view in, std::size_t pos,
                                                     json_value* out) {
  const char c = in[pos];
  if (c == '"') {
    if (out != nullptr) out->type = json_value::kind::string;
    return lex_string<>(in, pos, out != nullptr ? &out->text : nullptr);
  }
  if (c == 't' || c == 'f' || c == 'n') {
    const std::string_view word = c == 't' ? "true" : (c == 'f' ? "false" : "null");
    if (in.substr(pos, word.size()) != word) {
      return make_error(json_errc::bad_literal, pos, "invalid literal");
    }
    if (out != nullptr) {
      out->type = c == 'n' ? json_value::kind::null : json_value::kind::boolean;
      out->boolean = c == 't';
    }
    return pos + word.size();
  }
  if (c == '-' || relkit::detail::is_digit(c)) {
    auto number = lex_number(in, pos);
    if (!number) return std::move(number).error();
    if (out != nullptr) {
      out->type = json_value::kind::number;
      out->text.assign(in.data() + pos, number->end - pos);
      out->number = number->value;
    }
    return number->end;
  }
  return make_error(json_errc::unexpected_character, pos, "expected a value");
}

// ---------------------------------------------------------------- structure
// The structure of a JSON text, written once: values, arrays and objects,
// ',' and ':', the depth limit and nothing after the top value. walk() reads
// the whole text with an explicit stack (no recursion on the input) and tells
// a handler what it reads; the tree reader below builds json_values, the
// in-place scanner (relkit/detail/json_scan.hpp) only checks. Handler:
//   begin_value(pos) -> result<void>  a value starts at pos (may refuse it);
//   container(c)                      it is an object ('{') or array ('[');
//   open()                            that container is not empty: its items follow;
//   key() -> std::string*             where the next member's name goes (or null);
//   scalar() -> json_value*           where a string, number or literal goes (or null);
//   complete(end)                     the current value is complete; it ends before `end`;
//   close()                           the innermost open container is complete.
template <class Handler>
[[nodiscard]] relkit::result<void> walk(std::string_view in, std::size_t max_bytes,
                                        std::size_t max_depth, Handler& h) {
  if (in.size() > max_bytes) {
    return make_error(json_errc::too_large, max_bytes, "JSON input exceeds the byte limit",
                      max_bytes);
  }
  std::string open;  // '{' or '[' per open container, at most max_depth bytes
  std::size_t pos = skip_space(in, 0);
  while (true) {
    // A value is expected at pos.
    if (pos >= in.size()) return make_error(json_errc::unexpected_end, pos, "expected a value");
    auto begun = h.begin_value(pos);
    if (!begun) return begun;
    const char c = in[pos];
    if (c == '{' || c == '[') {
      if (open.size() >= max_depth) {
        return make_error(json_errc::too_deep, pos, "JSON nested too deep", max_depth);
      }
      h.container(c);
      pos = skip_space(in, pos + 1);
      if (pos < in.size() && in[pos] == (c == '{' ? '}' : ']')) {
        ++pos;  // empty: a complete value
      } else {
        open += c;
        h.open();
        if (c == '{') {
          auto after = lex_key<>(in, pos, h.key());
          if (!after) return std::move(after).error();
          pos = *after;
        }
        continue;
      }
    } else {
      auto after = lex_scalar<>(in, pos, h.scalar());
      if (!after) return std::move(after).error();
      pos = *after;
    }
    // A value is complete: close every container it completes.
    bool next_value = false;
    while (true) {
      h.complete(pos);
      if (open.empty()) break;
      pos = skip_space(in, pos);
      if (pos >= in.size()) {
        return make_error(json_errc::unexpected_end, pos, "unterminated array or object");
      }
      const bool object = open.back() == '{';
      if (in[pos] == ',') {
        pos = skip_space(in, pos + 1);
        if (object) {
          auto after = lex_key<>(in, pos, h.key());
          if (!after) return std::move(after).error();
          pos = *after;
        }
        next_value = true;
        break;
      }
      if (in[pos] != (object ? '}' : ']')) {
        return make_error(json_errc::unexpected_character, pos,
                          object ? "expected ',' or '}'" : "expected ',' or ']'");
      }
      ++pos;
      open.pop_back();
      h.close();
    }
    if (!next_value) break;
  }
  pos = skip_space(in, pos);
  if (pos != in.size()) {
    return make_error(json_errc::trailing_characters, pos, "unexpected text after JSON value");
  }
  return {};
}

// The handler of walk() that only checks.
struct check_only {
  [[nodiscard]] relkit::result<void> begin_value(std::size_t) const noexcept { return {}; }
  void container(char) const noexcept {}
  void open() const noexcept {}
  [[nodiscard]] std::string* key() const noexcept { return nullptr; }
  [[nodiscard]] json_value* scalar() const noexcept { return nullptr; }
  void complete(std::size_t) const noexcept {}
  void close() const noexcept {}
};

// The handler of walk() that builds the document tree.
template <class Unused = void>
class tree_builder {
 public:
  explicit tree_builder(std::size_t max_values) noexcept : max_values_(max_values) {}

  [[nodiscard]] relkit::result<void> begin_value(std::size_t pos) {
    if (++count_ > max_values_) {
      return make_error(json_errc::too_many_values, pos, "too many JSON values", max_values_);
    }
    value_ = json_value();
    value_.position = pos;
    return {};
  }
  void container(char c) noexcept {
    value_.type = c == '{' ? json_value::kind::object : json_value::kind::array;
  }
  void open() { stack_.push_back(frame{std::move(value_), std::string()}); }
  [[nodiscard]] std::string* key() noexcept { return &stack_.back().key; }
  [[nodiscard]] json_value* scalar() noexcept { return &value_; }
  void complete(std::size_t) {
    if (stack_.empty()) {
      root_ = std::move(value_);
      return;
    }
    frame& top = stack_.back();
    if (top.value.type == json_value::kind::array) {
      top.value.items.push_back(std::move(value_));
    } else {
      top.value.members.push_back(json_member{std::move(top.key), std::move(value_)});
      top.key.clear();
    }
  }
  void close() {
    value_ = std::move(stack_.back().value);
    stack_.pop_back();
  }

  [[nodiscard]] json_value take() { return std::move(root_); }

 private:
  // An open array or object; `key` is the pending member name.
  struct frame {
    json_value value;
    std::string key;
  };
  std::vector<frame> stack_;
  json_value value_;
  json_value root_;
  std::size_t count_ = 0;
  std::size_t max_values_;
};

}  // namespace json

// Parses one JSON document (whitespace around it allowed).
template <class Unused = void>
[[nodiscard]] relkit::result<json_value> parse_json(std::string_view text,
                                                    const json_limits& limits = {}) {
  json::tree_builder<> tree(limits.max_values);
  auto ok = json::walk(text, limits.max_bytes, limits.max_depth, tree);
  if (!ok) return std::move(ok).error();
  return tree.take();
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
