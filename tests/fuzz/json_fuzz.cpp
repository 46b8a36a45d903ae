// Fuzz target for relkit's internal JSON reader: never crashes, respects its
// limits, and what it accepts survives a write -> read round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "relkit/detail/json.hpp"

namespace {

using relkit::detail::json_value;

void write_string(const std::string& s, std::string& out) {
  out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20U) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[u >> 4U];
      out += hex[u & 0xFU];
    } else {
      out += c;
    }
  }
  out += '"';
}

// Iterative writer (the reader's depth limit bounds recursion here anyway).
void write(const json_value& v, std::string& out, int depth) {
  if (depth > 200) std::abort();
  switch (v.type) {
    case json_value::kind::null:
      out += "null";
      break;
    case json_value::kind::boolean:
      out += v.boolean ? "true" : "false";
      break;
    case json_value::kind::number:
      out += v.text;
      break;
    case json_value::kind::string:
      write_string(v.text, out);
      break;
    case json_value::kind::array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ',';
        write(v.items[i], out, depth + 1);
      }
      out += ']';
      break;
    case json_value::kind::object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) out += ',';
        write_string(v.members[i].key, out);
        out += ':';
        write(v.members[i].value, out, depth + 1);
      }
      out += '}';
      break;
  }
}

bool same(const json_value& a, const json_value& b, int depth) {
  if (depth > 200) std::abort();
  if (a.type != b.type || a.boolean != b.boolean || a.text != b.text) return false;
  if (a.type == json_value::kind::number && a.number != b.number) return false;
  if (a.items.size() != b.items.size() || a.members.size() != b.members.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i], depth + 1)) return false;
  }
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    if (a.members[i].key != b.members[i].key) return false;
    if (!same(a.members[i].value, b.members[i].value, depth + 1)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  relkit::detail::json_limits limits;
  limits.max_depth = 64;
  const auto doc = relkit::detail::parse_json(text, limits);
  if (!doc) {
    // Every JSON error points into the text; the message never names the
    // position itself, to_string adds it once.
    const relkit::error& e = doc.error();
    if (e.position > size) std::abort();
    if (e.message().empty()) std::abort();
    const std::string at = " at " + std::to_string(e.position);
    if (e.message().find(at) != std::string::npos) std::abort();
    if (relkit::to_string(e).find(at + " [json.") == std::string::npos) std::abort();
    return 0;
  }
  std::string written;
  write(*doc, written, 0);
  const auto again = relkit::detail::parse_json(written, limits);
  if (!again || !same(*doc, *again, 0)) __builtin_trap();
  return 0;
}
