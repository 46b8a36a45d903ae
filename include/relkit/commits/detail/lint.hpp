#pragma once
// Internals of relkit::commits::lint: commitlint's text rules (case, URL and
// ignore tests, UTF-16 lengths).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/detail/text.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// Length in UTF-16 code units (JavaScript's String.length) of UTF-8 text.
[[nodiscard]] inline std::size_t utf16_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = detail::message_byte_at(s, i);
    if ((c & 0xc0) == 0x80) continue;
    n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

// Decodes the code point at i (invalid bytes read as U+FFFD).
[[nodiscard]] inline std::uint32_t code_point(std::string_view s, std::size_t i) noexcept {
  const unsigned char c = detail::message_byte_at(s, i);
  if (c < 0x80) return c;
  int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
  if (extra == 0 || s.size() - i <= static_cast<std::size_t>(extra)) return 0xfffd;
  std::uint32_t cp = c & (0x3fu >> extra);
  for (int k = 1; k <= extra; ++k)
    cp = (cp << 6) | (detail::message_byte_at(s, i + static_cast<std::size_t>(k)) & 0x3fu);
  return cp;
}

// Uppercase letters (Lu) of the scripts seen in commit subjects: Latin, Greek, Cyrillic.
[[nodiscard]] inline bool is_upper_letter(std::uint32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xc0 && cp <= 0xde) return cp != 0xd7;
  if (cp >= 0x100 && cp <= 0x17f)
    return cp % 2 == (cp >= 0x139 && cp <= 0x148 ? 1u : cp >= 0x179 ? 1u : 0u);
  if (cp >= 0x391 && cp <= 0x3ab) return cp != 0x3a2;
  if (cp >= 0x400 && cp <= 0x42f) return true;
  if (cp >= 0x460 && cp <= 0x4ff) return cp % 2 == 0;
  return false;
}
[[nodiscard]] inline bool is_lower_letter(std::uint32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xdf && cp <= 0xff) return cp != 0xf7;
  if (cp >= 0x100 && cp <= 0x17f) return !is_upper_letter(cp);
  if (cp >= 0x3ac && cp <= 0x3ce) return true;
  if (cp >= 0x430 && cp <= 0x45f) return true;
  if (cp >= 0x460 && cp <= 0x4ff) return cp % 2 == 1;
  return false;
}

// ensureCase's input: `…`, "…" and '…' spans removed (lazily, left to right), then trimmed.
[[nodiscard]] inline std::string without_quotes(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '`' || c == '"' || c == '\'') {
      const std::size_t close = s.find(c, i + 1);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  // .trim(): JavaScript whitespace (a), relkit/detail/js_text.hpp
  return std::string(relkit::detail::js_trim(out));
}

// commitlint's ensureCase(text, case) for the cases relkit knows (ASCII word splitting
// for start/pascal/camel/kebab/snake case).
[[nodiscard]] inline bool ensure_case(std::string_view raw, std::string_view target) {
  const std::string input = without_quotes(raw);
  if (input.empty() || detail::is_ascii_digit(input[0])) return true;
  bool any_lower = false;
  bool any_upper = false;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if ((detail::message_byte_at(input, i) & 0xc0) == 0x80) continue;
    const std::uint32_t cp = code_point(input, i);
    any_lower |= is_lower_letter(cp);
    any_upper |= is_upper_letter(cp);
  }
  const std::uint32_t first = code_point(input, 0);
  if (target == "lower-case" || target == "lowercase") return !any_upper;
  if (target == "upper-case" || target == "uppercase") return !any_lower;
  if (target == "sentence-case" || target == "sentencecase") return !is_lower_letter(first);
  const bool separators = input.find_first_of(" -_") != std::string::npos;
  if (target == "pascal-case") return !separators && !is_lower_letter(first);
  if (target == "camel-case") return !separators && !is_upper_letter(first);
  if (target == "kebab-case") return !any_upper && input.find_first_of(" _") == std::string::npos;
  if (target == "snake-case") return !any_upper && input.find_first_of(" -") == std::string::npos;
  if (target == "start-case") {
    bool word_start = true;
    for (std::size_t i = 0; i < input.size(); ++i) {
      const char c = input[i];
      if (c == ' ' || c == '-' || c == '_') {
        if (c != ' ') return false;
        word_start = true;
        continue;
      }
      if ((detail::message_byte_at(input, i) & 0xc0) == 0x80) continue;
      if (word_start && is_lower_letter(code_point(input, i))) return false;
      word_start = false;
    }
    return true;
  }
  return false;
}

// /\bhttps?:\/\/\S+/
[[nodiscard]] inline bool has_url(std::string_view line) noexcept {
  for (std::size_t at = line.find("http"); at != std::string_view::npos;
       at = line.find("http", at + 1)) {
    if (at > 0 && detail::is_ascii_word(line[at - 1])) continue;
    std::size_t i = at + 4;
    if (i < line.size() && line[i] == 's') ++i;
    if (line.substr(i, 3) != "://") continue;
    i += 3;
    if (i < line.size() && relkit::detail::js_space_length(line, i) == 0) return true;
  }
  return false;
}

// Lines split on \r?\n, as toLines does.
[[nodiscard]] inline std::vector<std::string_view> to_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (nl != std::string_view::npos && end > start && text[end - 1] == '\r') --end;
    lines.push_back(text.substr(start, end - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

[[nodiscard]] inline std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

[[nodiscard]] inline bool ignored_by_default(std::string_view message) {
  // lint's message.trimEnd(): JavaScript whitespace (a), Unicode
  const std::string_view m = relkit::detail::js_trim_end(message);
  const std::string_view head = first_line(m);
  auto starts = [&](std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
  };
  // /^(Merge pull request|Merge (.*?) into (.*?)|Merge branch (.*?))(?:\r?\n)*$/m: any line.
  for (std::string_view line : to_lines(m)) {
    if (starts(line, "Merge pull request") || starts(line, "Merge branch ")) return true;
    if (starts(line, "Merge ") && line.find(" into ", 5) != std::string_view::npos) return true;
    if (starts(line, "Merge tag ")) return true;
  }
  if ((starts(m, "Revert ") || starts(m, "revert ") || starts(m, "Reapply ") ||
       starts(m, "reapply ")) &&
      m.size() > 7) {
    return true;
  }
  if (starts(m, "amend!") || starts(m, "fixup!") || starts(m, "squash!")) return true;
  if ((starts(m, "Merged ") && (m.find(" in ", 7) != std::string_view::npos ||
                                m.find(" into ", 7) != std::string_view::npos)) ||
      (starts(m, "Merged PR ") && m.find(": ", 10) != std::string_view::npos)) {
    return true;
  }
  if (starts(m, "Merge remote-tracking branch") || starts(m, "Automatic merge")) return true;
  if (starts(m, "Auto-merged ") && m.find(" into ", 12) != std::string_view::npos) return true;
  // A bare version header, after `chore(x):` and [skip ci] are removed (semver.valid).
  std::string_view v = head;
  if (starts(v, "chore")) {
    std::size_t i = 5;
    if (i < v.size() && v[i] == '(') {
      const std::size_t close = v.find(')', i);
      if (close != std::string_view::npos && close > i + 1 && v.substr(close + 1, 1) == ":") {
        i = close + 1;
      }
    }
    if (i < v.size() && v[i] == ':') v = v.substr(i + 1);
  }
  std::string stripped(v);
  for (std::string_view tag : {"[skip ci]", "[ci skip]", "[skip-ci]", "[ci-skip]", "(skip ci)",
                               "(ci skip)", "(skip-ci)", "(ci-skip)"}) {
    const std::size_t at = stripped.find(tag);
    if (at != std::string::npos) {
      stripped.erase(at, tag.size());
      break;
    }
  }
  // stripped.trim(): JavaScript whitespace (a), Unicode
  std::string_view s = relkit::detail::js_trim(stripped);
  if (!s.empty() && (s[0] == 'v' || s[0] == '=')) s = s.substr(1);
  // MAJOR.MINOR.PATCH[-pre][+build], numbers without leading zeros.
  std::size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    const std::size_t start = i;
    while (i < s.size() && detail::is_ascii_digit(s[i])) ++i;
    if (i == start || (s[start] == '0' && i - start > 1)) return false;
    if (part < 2) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  if (i == s.size()) return true;
  if (s[i] != '-' && s[i] != '+') return false;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    const char c = s[k];
    if (!(detail::is_ascii_word(c) || c == '-' || c == '.' || c == '+') || c == '_') return false;
  }
  return i + 1 < s.size();
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
