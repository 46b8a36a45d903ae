#pragma once
// Internals of relkit::commits workspaces: path prefixes on directory boundaries, the
// excluded-path patterns, and the package graph.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// A package path as compared: no leading "./", no trailing '/', "." is "" (the root).
[[nodiscard]] inline std::string_view normal_path(std::string_view path) {
  while (path.size() >= 2 && path[0] == '.' && path[1] == '/') path.remove_prefix(2);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path == ".") return {};
  return path;
}

// `path` is `dir` or lies under it (directory boundaries; "" holds everything).
[[nodiscard]] inline bool is_under(std::string_view path, std::string_view dir) {
  if (dir.empty()) return true;
  if (path.size() < dir.size() || path.compare(0, dir.size(), dir) != 0) return false;
  return path.size() == dir.size() || path[dir.size()] == '/';
}

// `*` matches a run of bytes other than '/', every other byte itself; linear in practice
// (the classic single-star backtrack).
[[nodiscard]] inline bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_t = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos && text[star_t] != '/') {
      p = star + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// An excluded-path pattern of workspace::excluded against a file path.
[[nodiscard]] inline bool excluded_by(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  if (pattern.back() == '/') {
    const std::string_view dir = pattern.substr(0, pattern.size() - 1);
    for (std::size_t i = path.find('/'); i != std::string_view::npos; i = path.find('/', i + 1)) {
      if (glob_match(dir, path.substr(0, i))) return true;
    }
    return false;
  }
  if (pattern.find('/') == std::string_view::npos) {
    const std::size_t slash = path.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (pattern.find('*') == std::string_view::npos) return base == pattern;
    return glob_match(pattern, base);
  }
  return glob_match(pattern, path);
}

// The scope's package name: "@org/name" also answers to "name".
[[nodiscard]] inline std::string_view short_name(std::string_view name) {
  if (!name.empty() && name[0] == '@') {
    const std::size_t slash = name.find('/');
    if (slash != std::string_view::npos) return name.substr(slash + 1);
  }
  return name;
}

// The scope of a `type(scope)!: description` header, or empty (a cheap read: the
// header's grammar only, as every dialect agrees on it for ordinary scopes).
[[nodiscard]] inline std::string_view header_scope(std::string_view message) {
  std::size_t i = 0;
  while (i < message.size() && (message[i] == ' ' || message[i] == '\t')) ++i;
  const std::size_t type_start = i;
  while (i < message.size() && message[i] != '(' && message[i] != ':' && message[i] != ' ' &&
         message[i] != '\n' && message[i] != '!')
    ++i;
  if (i == type_start || i >= message.size() || message[i] != '(') return {};
  const std::size_t open = i;
  const std::size_t close = message.find(')', open);
  const std::size_t nl = message.find('\n', open);
  if (close == std::string_view::npos || (nl != std::string_view::npos && nl < close)) return {};
  std::size_t after = close + 1;
  if (after < message.size() && message[after] == '!') ++after;
  if (after >= message.size() || message[after] != ':') return {};
  return message.substr(open + 1, close - open - 1);
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
