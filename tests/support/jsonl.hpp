#pragma once
// A JSON value for the JSON-lines vector files (test code only): one value per
// line, read with the library's reader; objects keep their keys in order.

#include <cstddef>
#include <cstdint>
#include <map>
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
  std::string string;
  std::vector<json> array;
  std::vector<std::pair<std::string, json>> object;

  bool is_null() const { return type == kind::null; }
  // The member `key`, or a null value when absent (as the compact files mean it).
  const json& operator[](std::string_view key) const {
    static const json null_value;
    for (const auto& member : object) {
      if (member.first == key) return member.second;
    }
    return null_value;
  }
  bool has(std::string_view key) const {
    for (const auto& member : object) {
      if (member.first == key) return true;
    }
    return false;
  }
};

// Test data is read with the library's own JSON reader (relkit/detail/json.hpp)
// and copied into this value, whose lookups the conformance tests rely on.
inline json from_library(const relkit::detail::json_value& v) {
  using kind = relkit::detail::json_value::kind;
  json j;
  switch (v.type) {
    case kind::null:
      break;
    case kind::boolean:
      j.type = json::kind::boolean;
      j.boolean = v.boolean;
      break;
    case kind::number:
      j.type = json::kind::number;
      j.number = v.number;
      break;
    case kind::string:
      j.type = json::kind::string;
      j.string = v.text;
      break;
    case kind::array:
      j.type = json::kind::array;
      for (const auto& item : v.items) j.array.push_back(from_library(item));
      break;
    case kind::object:
      j.type = json::kind::object;
      for (const auto& m : v.members) j.object.emplace_back(m.key, from_library(m.value));
      break;
  }
  return j;
}

// False on malformed input (the tests then fail on the line).
inline bool parse_json(std::string_view text, json& out) {
  const auto parsed = relkit::detail::parse_json(text);
  if (!parsed) return false;
  out = from_library(*parsed);
  return true;
}

}  // namespace relkit_test
