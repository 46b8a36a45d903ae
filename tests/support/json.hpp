#pragma once
// A JSON value and writer for test data (the JSON-lines vector files and
// fixtures), read with the library's reader. Test code only.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <relkit/relkit.hpp>

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
  // The member `key`, or a null value when absent (as the compact files mean it).
  const json& operator[](std::string_view key) const {
    static const json null_value;
    const json* found = find(key);
    return found != nullptr ? *found : null_value;
  }
  bool has(std::string_view key) const { return find(key) != nullptr; }
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

// Test data is read with the library's own JSON reader (relkit/detail/json.hpp,
// bounded, positioned errors) and copied into this mutable, comparable value.
inline json from_library(const relkit::detail::json_value& v) {
  using kind = relkit::detail::json_value::kind;
  switch (v.type) {
    case kind::null:
      return json::make_null();
    case kind::boolean:
      return json::make_bool(v.boolean);
    case kind::number: {
      json j = json::make_number(v.number);
      j.text = v.text;  // the literal, as written
      return j;
    }
    case kind::string:
      return json::make_string(v.text);
    case kind::array: {
      json j = json::make_array();
      for (const auto& item : v.items) j.items.push_back(from_library(item));
      return j;
    }
    case kind::object: {
      json j = json::make_object();
      for (const auto& m : v.members) j.set(m.key, from_library(m.value));
      return j;
    }
  }
  return json::make_null();
}

// Malformed test data is reported and read as null, so the test fails on it.
inline json parse_json(std::string_view s) {
  const auto parsed = relkit::detail::parse_json(s);
  if (!parsed) {
    std::fprintf(stderr, "test data is not JSON: %s\n", relkit::to_string(parsed.error()).c_str());
    return json::make_null();
  }
  return from_library(*parsed);
}

// False on malformed input (the tests then fail on the line).
inline bool parse_json(std::string_view text, json& out) {
  const auto parsed = relkit::detail::parse_json(text);
  if (!parsed) return false;
  out = from_library(*parsed);
  return true;
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
