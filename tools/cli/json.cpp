#include "json.hpp"

#include <relkit/detail/utf8.hpp>

#include <cstddef>

namespace relkit::cli::json {

void append_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = relkit::detail::utf8_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xFU];
        } else {
          out += text[i];
        }
    }
    ++i;
  }
  out += '"';
}

void append_separator(std::string& out) {
  if (!out.empty() && out.back() != '{' && out.back() != '[') out += ',';
}

void append_key(std::string& out, std::string_view key) {
  append_separator(out);
  append_string(out, key);
  out += ':';
}

}  // namespace relkit::cli::json
