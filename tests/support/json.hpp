#pragma once
// A tiny JSON reader and writer for test data (JSON lines of the node-semver
// vectors). Test code only; not part of the library.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit_test {

struct json {
  enum class kind { null, boolean, number, string, array, object };
  kind type = kind::null;
  bool boolean = false;
  double number = 0;
  std::string text;  // string value, or the number's literal
  std::vector<json> items;
  std::vector<std::pair<std::string, json>> members;

  static json make_null() { return json{}; }
  static json make_bool(bool b) {
    json j;
    j.type = kind::boolean;
    j.boolean = b;
    return j;
  }
  static json make_number(double d) {
    json j;
    j.type = kind::number;
    j.number = d;
    return j;
  }
  static json make_string(std::string s) {
    json j;
    j.type = kind::string;
    j.text = std::move(s);
    return j;
  }
  static json make_array() {
    json j;
    j.type = kind::array;
    return j;
  }
  static json make_object() {
    json j;
    j.type = kind::object;
    return j;
  }

  bool is_null() const { return type == kind::null; }
  bool is_string() const { return type == kind::string; }
  bool is_object() const { return type == kind::object; }
  bool is_array() const { return type == kind::array; }

  // Member lookup; nullptr when absent.
  const json* find(std::string_view key) const {
    for (const auto& m : members)
      if (m.first == key) return &m.second;
    return nullptr;
  }
  json& set(std::string key, json value) {
    members.emplace_back(std::move(key), std::move(value));
    return members.back().second;
  }

  friend bool operator==(const json& a, const json& b) {
    if (a.type != b.type) return false;
    switch (a.type) {
      case kind::null:
        return true;
      case kind::boolean:
        return a.boolean == b.boolean;
      case kind::number:
        return a.number == b.number;
      case kind::string:
        return a.text == b.text;
      case kind::array:
        return a.items == b.items;
      case kind::object: {
        if (a.members.size() != b.members.size()) return false;
        for (const auto& m : a.members) {
          const json* other = b.find(m.first);
          if (other == nullptr || !(*other == m.second)) return false;
        }
        return true;
      }
    }
    return false;
  }
  friend bool operator!=(const json& a, const json& b) { return !(a == b); }
};

namespace detail_json {

inline void skip_ws(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
}

inline void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

inline unsigned hex4(std::string_view s, std::size_t i) {
  unsigned v = 0;
  for (std::size_t k = 0; k < 4 && i + k < s.size(); ++k) {
    const char c = s[i + k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
  }
  return v;
}

inline std::string parse_string(std::string_view s, std::size_t& i) {
  std::string out;
  ++i;  // opening quote
  while (i < s.size() && s[i] != '"') {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char e = s[i + 1];
      i += 2;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          unsigned cp = hex4(s, i);
          i += 4;
          if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
            const unsigned low = hex4(s, i + 2);
            if (low >= 0xdc00 && low < 0xe000) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          }
          append_utf8(out, cp);
          break;
        }
        default:
          out += e;
      }
    } else {
      out += s[i];
      ++i;
    }
  }
  ++i;  // closing quote
  return out;
}

}  // namespace detail_json

// Parses one JSON value; iterative over containers would be nicer, but test
// data is shallow.
inline json parse_json(std::string_view s, std::size_t& i) {
  using namespace detail_json;
  skip_ws(s, i);
  json j;
  if (i >= s.size()) return j;
  const char c = s[i];
  if (c == '{') {
    j.type = json::kind::object;
    ++i;
    skip_ws(s, i);
    if (i < s.size() && s[i] == '}') {
      ++i;
      return j;
    }
    while (i < s.size()) {
      skip_ws(s, i);
      std::string key = parse_string(s, i);
      skip_ws(s, i);
      ++i;  // ':'
      json value = parse_json(s, i);
      j.members.emplace_back(std::move(key), std::move(value));
      skip_ws(s, i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      ++i;  // '}'
      break;
    }
    return j;
  }
  if (c == '[') {
    j.type = json::kind::array;
    ++i;
    skip_ws(s, i);
    if (i < s.size() && s[i] == ']') {
      ++i;
      return j;
    }
    while (i < s.size()) {
      j.items.push_back(parse_json(s, i));
      skip_ws(s, i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      ++i;  // ']'
      break;
    }
    return j;
  }
  if (c == '"') return json::make_string(parse_string(s, i));
  if (s.substr(i, 4) == "true") {
    i += 4;
    return json::make_bool(true);
  }
  if (s.substr(i, 5) == "false") {
    i += 5;
    return json::make_bool(false);
  }
  if (s.substr(i, 4) == "null") {
    i += 4;
    return j;
  }
  const std::size_t start = i;
  while (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == '.' || s[i] == 'e' || s[i] == 'E' ||
                          (s[i] >= '0' && s[i] <= '9'))) {
    ++i;
  }
  j.type = json::kind::number;
  j.text = std::string(s.substr(start, i - start));
  j.number = std::strtod(j.text.c_str(), nullptr);
  return j;
}

inline json parse_json(std::string_view s) {
  std::size_t i = 0;
  return parse_json(s, i);
}

inline std::string to_json(const json& j) {
  switch (j.type) {
    case json::kind::null:
      return "null";
    case json::kind::boolean:
      return j.boolean ? "true" : "false";
    case json::kind::number: {
      if (!j.text.empty()) return j.text;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", j.number);
      return buf;
    }
    case json::kind::string: {
      std::string out = "\"";
      for (char c : j.text) {
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
      }
      return out + "\"";
    }
    case json::kind::array: {
      std::string out = "[";
      for (std::size_t k = 0; k < j.items.size(); ++k) {
        if (k > 0) out += ',';
        out += to_json(j.items[k]);
      }
      return out + "]";
    }
    case json::kind::object: {
      std::string out = "{";
      for (std::size_t k = 0; k < j.members.size(); ++k) {
        if (k > 0) out += ',';
        out += to_json(json::make_string(j.members[k].first));
        out += ':';
        out += to_json(j.members[k].second);
      }
      return out + "}";
    }
  }
  return "null";
}

}  // namespace relkit_test
