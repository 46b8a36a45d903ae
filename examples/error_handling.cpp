// How relkit reports failure, shown on a parser of your own: return
// relkit::result<T>, fail with relkit::error{code, position, arguments}, and
// let callers branch on the code without exceptions. Producing the error
// allocates nothing; its message is built from the domain's table when read.
#include <relkit/relkit.hpp>

#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>

namespace deploy {

enum class errc { empty = 1, not_a_digit, out_of_range };

// One table: each code's stable name and its message template.
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::empty, "empty", "expected a port number"},
    {errc::not_a_digit, "not_a_digit", "unexpected {token} while parsing a port number"},
    {errc::out_of_range, "out_of_range", "port number exceeds {number}"},
};
inline constexpr relkit::error_domain errc_domain = relkit::make_error_domain<errc_table>("deploy");
// Found by argument-dependent lookup: this makes deploy::errc an error code.
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return errc_domain;
}

relkit::result<std::uint16_t> parse_port(std::string_view text) {
  if (text.empty()) return relkit::error{errc::empty, 0};
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return relkit::error{errc::not_a_digit, i, relkit::error_args{}.with_byte_of(text, i)};
    }
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
    if (value > 65535) {
      return relkit::error{errc::out_of_range, 0, relkit::error_args{}.with_number(65535)};
    }
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace deploy

int main() {
  for (std::string_view input : {"8080", "", "80a0", "70000"}) {
    const auto port = deploy::parse_port(input);
    std::cout << '"' << input << "\" -> ";
    if (port) {
      std::cout << "port " << *port << '\n';
    } else {
      std::cout << relkit::to_string(port.error()) << '\n';
    }
  }
  // value_or gives a fallback; code comparisons need no string matching.
  const auto fallback = deploy::parse_port("http").value_or(443);
  std::cout << "fallback: " << fallback << '\n';
  const bool is_digit_error = deploy::parse_port("x").error().code == deploy::errc::not_a_digit;
  std::cout << "\"x\" is a digit error: " << (is_digit_error ? "yes" : "no") << '\n';
}
