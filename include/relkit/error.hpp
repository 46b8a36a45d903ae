#pragma once
// relkit::error: what went wrong (a code of a component's error domain),
// where (a byte offset into the caller's input, or no_position) and the small
// arguments its message is built from. Producing an error allocates nothing;
// the text is built when message() or to_string() is called.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN

// The position of an error about input that is not text (a value built in
// code, a plan, a state): there is no byte to point at.
inline constexpr std::size_t no_position = static_cast<std::size_t>(-1);

// The arguments of one error's message. `text` and `text2` point to text of
// static storage duration (string literals: what was being parsed, what was
// expected); `token` is a copy of a piece of the input, or a short subject
// built from one and its place ("users.email", "\"smoke\" in step 1"; at most
// token_capacity bytes; longer pieces are cut and end in "..."); `number` and
// `number2` are integers the message names.
class error_args {
 public:
  static constexpr std::size_t token_capacity = 40;

  constexpr error_args() noexcept = default;

  constexpr error_args& with_text(const char* static_text) noexcept {
    text_ = static_text;
    return *this;
  }
  constexpr error_args& with_text2(const char* static_text) noexcept {
    text2_ = static_text;
    return *this;
  }
  constexpr error_args& with_number(std::int64_t value) noexcept {
    number_ = value;
    return *this;
  }
  constexpr error_args& with_number2(std::int64_t value) noexcept {
    number2_ = value;
    return *this;
  }
  error_args& with_token(std::string_view piece) noexcept {
    if (piece.size() > token_capacity) {
      std::memcpy(token_, piece.data(), token_capacity - 3);
      std::memcpy(token_ + token_capacity - 3, "...", 3);
      token_size_ = static_cast<std::uint8_t>(token_capacity);
    } else {
      if (!piece.empty()) std::memcpy(token_, piece.data(), piece.size());
      token_size_ = static_cast<std::uint8_t>(piece.size());
    }
    return *this;
  }
  // The byte at `offset` of `input` as a person reads it: 'x' for printable
  // ASCII, byte 0xNN otherwise (the convention of every relkit parser).
  error_args& with_byte_of(std::string_view input, std::size_t offset) noexcept {
    const auto byte = static_cast<unsigned char>(input[offset]);
    if (byte >= 0x20 && byte < 0x7f) {
      const char quoted[3] = {'\'', static_cast<char>(byte), '\''};
      return with_token(std::string_view(quoted, 3));
    }
    static constexpr char hex[] = "0123456789abcdef";
    const char text[9] = {'b', 'y', 't', 'e', ' ', '0', 'x', hex[byte >> 4], hex[byte & 15U]};
    return with_token(std::string_view(text, 9));
  }

  [[nodiscard]] constexpr std::string_view text() const noexcept {
    return text_ != nullptr ? std::string_view(text_) : std::string_view();
  }
  [[nodiscard]] constexpr std::string_view text2() const noexcept {
    return text2_ != nullptr ? std::string_view(text2_) : std::string_view();
  }
  [[nodiscard]] constexpr std::string_view token() const noexcept {
    return std::string_view(token_, token_size_);
  }
  [[nodiscard]] constexpr std::int64_t number() const noexcept { return number_; }
  [[nodiscard]] constexpr std::int64_t number2() const noexcept { return number2_; }

  friend bool operator==(const error_args& a, const error_args& b) noexcept {
    return a.text() == b.text() && a.text2() == b.text2() && a.token() == b.token() &&
           a.number_ == b.number_ && a.number2_ == b.number2_;
  }
  friend bool operator!=(const error_args& a, const error_args& b) noexcept { return !(a == b); }

 private:
  const char* text_ = nullptr;
  const char* text2_ = nullptr;
  std::int64_t number_ = 0;
  std::int64_t number2_ = 0;
  char token_[token_capacity] = {};
  std::uint8_t token_size_ = 0;
};

// An error domain names a component's error enum and holds, for each code, its
// stable name ("leading_zero") and its message template ("leading zero in
// {text}"). Placeholders: {text} {text2} {token} {number} {number2}; "{{" is a
// literal brace. Each component defines one `enum class errc` and, next to it,
//   constexpr const error_domain& relkit_error_domain(errc) noexcept;
// found by argument-dependent lookup; user code can do the same (see
// error_entry and make_error_domain below for the table that fills both).
struct error_domain {
  std::string_view name;
  std::string_view (*code_name)(int code) noexcept;
  std::string_view (*message_template)(int code) noexcept = nullptr;
};

// One table per domain: each code's stable name and message template, written
// once and read by both error_code::name() and error::message(). A user
// domain is made the same way as relkit's own:
//
//   enum class port_errc { empty = 1, out_of_range };
//   inline constexpr relkit::error_entry<port_errc> port_errc_table[] = {
//       {port_errc::empty, "empty", "expected a port number"},
//       {port_errc::out_of_range, "out_of_range", "port number exceeds {number}"},
//   };
//   inline constexpr relkit::error_domain port_errc_domain =
//       relkit::make_error_domain<port_errc_table>("port");
//   constexpr const relkit::error_domain& relkit_error_domain(port_errc) noexcept {
//     return port_errc_domain;
//   }
template <class Enum>
struct error_entry {
  Enum code;
  std::string_view name;
  std::string_view message;  // template, see error_domain
};

namespace detail {
template <const auto& Table>
constexpr std::string_view error_table_code_name(int code) noexcept {
  for (const auto& entry : Table) {
    if (static_cast<int>(entry.code) == code) return entry.name;
  }
  return "unknown";
}

template <const auto& Table>
constexpr std::string_view error_table_message(int code) noexcept {
  for (const auto& entry : Table) {
    if (static_cast<int>(entry.code) == code) return entry.message;
  }
  return "unknown error";
}
}  // namespace detail

// The domain named `name` whose codes are the entries of Table (an array of
// error_entry with static storage duration).
template <const auto& Table>
[[nodiscard]] constexpr error_domain make_error_domain(std::string_view name) noexcept {
  return error_domain{name, &detail::error_table_code_name<Table>,
                      &detail::error_table_message<Table>};
}

namespace detail {
template <class Enum, class = void>
struct has_error_domain : std::false_type {};
template <class Enum>
struct has_error_domain<Enum, std::void_t<decltype(relkit_error_domain(std::declval<Enum>()))>>
    : std::is_enum<Enum> {};
}  // namespace detail

template <class Enum>
inline constexpr bool is_error_code_enum_v = detail::has_error_domain<Enum>::value;

// A component's error code with its domain: compares equal to the enum value
// it was made from, and names itself ("semver.leading_zero").
class error_code {
 public:
  constexpr error_code() noexcept = default;

  template <class Enum, std::enable_if_t<is_error_code_enum_v<Enum>, int> = 0>
  constexpr error_code(Enum code) noexcept  // NOLINT(google-explicit-constructor)
      : domain_(&relkit_error_domain(code)), value_(static_cast<int>(code)) {}

  [[nodiscard]] constexpr int value() const noexcept { return value_; }
  // Null for a default-constructed code.
  [[nodiscard]] constexpr const error_domain* domain() const noexcept { return domain_; }
  [[nodiscard]] std::string_view domain_name() const noexcept {
    return domain_ != nullptr ? domain_->name : std::string_view("none");
  }
  [[nodiscard]] std::string_view name() const noexcept {
    return domain_ != nullptr ? domain_->code_name(value_) : std::string_view("none");
  }

  friend constexpr bool operator==(const error_code& a, const error_code& b) noexcept {
    return a.domain_ == b.domain_ && a.value_ == b.value_;
  }
  friend constexpr bool operator!=(const error_code& a, const error_code& b) noexcept {
    return !(a == b);
  }

 private:
  const error_domain* domain_ = nullptr;
  int value_ = 0;
};

template <class Enum, std::enable_if_t<is_error_code_enum_v<Enum>, int> = 0>
constexpr bool operator==(const error_code& a, Enum b) noexcept {
  return a == error_code(b);
}
template <class Enum, std::enable_if_t<is_error_code_enum_v<Enum>, int> = 0>
constexpr bool operator==(Enum a, const error_code& b) noexcept {
  return error_code(a) == b;
}
template <class Enum, std::enable_if_t<is_error_code_enum_v<Enum>, int> = 0>
constexpr bool operator!=(const error_code& a, Enum b) noexcept {
  return !(a == b);
}
template <class Enum, std::enable_if_t<is_error_code_enum_v<Enum>, int> = 0>
constexpr bool operator!=(Enum a, const error_code& b) noexcept {
  return !(a == b);
}

// "semver.leading_zero"
[[nodiscard]] inline std::string to_string(const error_code& code) {
  std::string text(code.domain_name());
  text += '.';
  text += code.name();
  return text;
}

namespace detail {
// The decimal text of an integer, built without allocating:
// integer_text(-42).view() == "-42". relkit's one integer formatter: error
// messages, tokens and the gates' reason lines all print through it.
class integer_text {
 public:
  template <class Integer,
            std::enable_if_t<
                std::is_integral<Integer>::value && !std::is_same<Integer, bool>::value, int> = 0>
  constexpr explicit integer_text(Integer value) noexcept {
    std::uint64_t magnitude = 0;
    bool negative = false;
    if constexpr (std::is_signed<Integer>::value) {
      negative = value < 0;
      // Negating in unsigned arithmetic keeps the minimum value defined.
      magnitude =
          negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    } else {
      magnitude = value;
    }
    do {
      buffer_[--first_] = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    if (negative) buffer_[--first_] = '-';
  }

  [[nodiscard]] constexpr std::string_view view() const noexcept {
    return std::string_view(buffer_ + first_, sizeof buffer_ - first_);
  }

 private:
  char buffer_[21] = {};  // the 20 digits of 2^64 - 1, or a sign and 19 digits
  std::size_t first_ = sizeof buffer_;
};

template <class Integer>
inline void append_decimal(std::string& out, Integer value) {
  out += integer_text(value).view();
}

// Error arguments whose token joins `pieces`, built without allocating: a
// subject made of a piece of the input and its place ("\"smoke\" in step 1").
// When the pieces do not fit in error_args::token_capacity bytes, piece
// `elastic` (the piece of the input) is cut and ends in "..." so that the
// others survive; if even that cannot fit, the whole is cut as with_token cuts.
inline error_args joined_token(std::initializer_list<std::string_view> pieces,
                               std::size_t elastic) noexcept {
  constexpr std::size_t capacity = error_args::token_capacity;
  std::size_t total = 0;
  std::size_t others = 0;
  std::size_t index = 0;
  for (const std::string_view piece : pieces) {
    total += piece.size();
    if (index++ != elastic) others += piece.size();
  }
  char text[capacity + 1];
  std::size_t n = 0;
  const auto put = [&](std::string_view piece) noexcept {
    for (const char c : piece) {
      if (n == sizeof text) return;
      text[n++] = c;
    }
  };
  index = 0;
  const bool cut_elastic = total > capacity && others + 4 <= capacity;
  for (const std::string_view piece : pieces) {
    if (index++ == elastic && cut_elastic) {
      put(piece.substr(0, capacity - others - 3));
      put("...");
    } else {
      put(piece);
    }
  }
  error_args args;
  args.with_token(std::string_view(text, n));
  return args;
}

// Expands a domain's message template with one error's arguments.
inline std::string expand_message(std::string_view pattern, const error_args& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    const std::string_view name = close == std::string_view::npos
                                      ? pattern.substr(i + 1)
                                      : pattern.substr(i + 1, close - i - 1);
    if (name == "text") {
      out += args.text();
    } else if (name == "text2") {
      out += args.text2();
    } else if (name == "token") {
      out += args.token();
    } else if (name == "number") {
      append_decimal(out, args.number());
    } else if (name == "number2") {
      append_decimal(out, args.number2());
    } else {
      out += pattern.substr(
          i, close == std::string_view::npos ? std::string_view::npos : close - i + 1);
    }
    if (close == std::string_view::npos) break;
    i = close;
  }
  return out;
}
}  // namespace detail

// What went wrong, where, and the arguments of its message. `position` is a
// byte offset into the input the caller passed, or no_position; relkit::locate
// turns it into a line and column.
struct error {
  error_code code;
  std::size_t position = no_position;
  error_args args;

  error() = default;
  error(error_code error_code_value, std::size_t error_position, error_args error_arguments = {})
      : code(error_code_value), position(error_position), args(error_arguments) {}

  // The message a person can act on, without the position:
  // "leading zero in minor version".
  [[nodiscard]] std::string message() const {
    const error_domain* domain = code.domain();
    if (domain == nullptr || domain->message_template == nullptr) {
      return std::string(code.name());
    }
    return detail::expand_message(domain->message_template(code.value()), args);
  }

  friend bool operator==(const error& a, const error& b) noexcept {
    return a.code == b.code && a.position == b.position && a.args == b.args;
  }
  friend bool operator!=(const error& a, const error& b) noexcept { return !(a == b); }
};

// "leading zero in minor version at 2 [semver.leading_zero]"; an error with
// no_position leaves out " at N".
[[nodiscard]] inline std::string to_string(const error& err) {
  std::string text = err.message();
  if (err.position != no_position) {
    text += " at ";
    detail::append_decimal(text, err.position);
  }
  text += " [";
  text += to_string(err.code);
  text += ']';
  return text;
}

// A line and column, both from 1. Lines end at "\n", "\r\n" or a lone "\r";
// columns count characters (UTF-8 sequences), not bytes, so they match what
// an editor shows.
struct text_location {
  std::size_t line = 1;
  std::size_t column = 1;

  friend constexpr bool operator==(const text_location& a, const text_location& b) noexcept {
    return a.line == b.line && a.column == b.column;
  }
  friend constexpr bool operator!=(const text_location& a, const text_location& b) noexcept {
    return !(a == b);
  }
};

// Where byte `position` of `text` is. A position at or past the end names
// the place just after the last character; no_position gives {0, 0}.
[[nodiscard]] constexpr text_location locate(std::string_view text, std::size_t position) noexcept {
  if (position == no_position) return text_location{0, 0};
  text_location at;
  const std::size_t end = position < text.size() ? position : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n' || (byte == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++at.line;
      at.column = 1;
    } else if ((byte & 0xC0U) != 0x80U) {  // the \r of \r\n counts; its \n ends the line
      ++at.column;
    }
  }
  return at;
}

RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
