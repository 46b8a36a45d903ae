#pragma once
// relkit::commits::lint: the rules of @commitlint/config-conventional 21.2.4, as data.
// Included by relkit/commits.hpp after parse(); public API in namespace relkit::commits.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/commits/detail/text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

enum class severity : std::uint8_t { off, warning, error };

constexpr std::string_view to_string(severity level) noexcept {
  switch (level) {
    case severity::off:
      return "off";
    case severity::warning:
      return "warning";
    case severity::error:
      return "error";
  }
  return "off";
}

// One configured rule, as commitlint writes it: [level, "always"|"never", value].
struct lint_rule {
  std::string name;  // "type-enum", "header-max-length", …
  severity level = severity::error;
  bool never = false;               // "never" instead of "always"
  std::size_t limit = 0;            // *-max-length, *-max-line-length
  std::vector<std::string> values;  // type-enum types, *-case cases, subject-full-stop "."
};

struct lint_config {
  std::vector<lint_rule> rules;
  // commitlint's default ignores: merge, revert, reapply, fixup!/squash!/amend!, a bare
  // version header, "Merged …", "Automatic merge …", "Auto-merged … into …".
  bool default_ignores = true;
};

struct finding {
  std::string rule;  // the rule name
  severity level = severity::error;
  std::size_t position = 0;  // byte offset in the message
  std::string message;       // commitlint's wording
};

struct lint_report {
  bool valid = true;  // no finding of severity::error
  bool ignored = false;
  std::vector<finding> findings;
};

namespace presets {

// @commitlint/config-conventional 21.2.4.
inline lint_config config_conventional() {
  lint_config c;
  auto add = [&c](std::string name, severity level, bool never, std::size_t limit,
                  std::vector<std::string> values) {
    c.rules.push_back(lint_rule{std::move(name), level, never, limit, std::move(values)});
  };
  add("body-leading-blank", severity::warning, false, 0, {});
  add("body-max-line-length", severity::error, false, 100, {});
  add("footer-leading-blank", severity::warning, false, 0, {});
  add("footer-max-line-length", severity::error, false, 100, {});
  add("header-max-length", severity::error, false, 100, {});
  add("header-trim", severity::error, false, 0, {});
  add("subject-case", severity::error, true, 0,
      {"sentence-case", "start-case", "pascal-case", "upper-case"});
  add("subject-empty", severity::error, true, 0, {});
  add("subject-full-stop", severity::error, true, 0, {"."});
  add("type-case", severity::error, false, 0, {"lower-case"});
  add("type-empty", severity::error, true, 0, {});
  add("type-enum", severity::error, false, 0,
      {"build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style",
       "test"});
  return c;
}

}  // namespace presets

namespace detail_lint {

// Length in UTF-16 code units (JavaScript's String.length) of UTF-8 text.
inline std::size_t utf16_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = detail::message_byte_at(s, i);
    if ((c & 0xc0) == 0x80) continue;
    n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

// Decodes the code point at i (invalid bytes read as U+FFFD).
inline std::uint32_t code_point(std::string_view s, std::size_t i) noexcept {
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
inline bool is_upper_letter(std::uint32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xc0 && cp <= 0xde) return cp != 0xd7;
  if (cp >= 0x100 && cp <= 0x17f)
    return cp % 2 == (cp >= 0x139 && cp <= 0x148 ? 1u : cp >= 0x179 ? 1u : 0u);
  if (cp >= 0x391 && cp <= 0x3ab) return cp != 0x3a2;
  if (cp >= 0x400 && cp <= 0x42f) return true;
  if (cp >= 0x460 && cp <= 0x4ff) return cp % 2 == 0;
  return false;
}
inline bool is_lower_letter(std::uint32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xdf && cp <= 0xff) return cp != 0xf7;
  if (cp >= 0x100 && cp <= 0x17f) return !is_upper_letter(cp);
  if (cp >= 0x3ac && cp <= 0x3ce) return true;
  if (cp >= 0x430 && cp <= 0x45f) return true;
  if (cp >= 0x460 && cp <= 0x4ff) return cp % 2 == 1;
  return false;
}

// ensureCase's input: `…`, "…" and '…' spans removed (lazily, left to right), then trimmed.
inline std::string without_quotes(std::string_view s) {
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
  const std::size_t b = detail::skip_js_spaces(out, 0);
  std::size_t e = out.size();
  while (e > b &&
         (out[e - 1] == ' ' || out[e - 1] == '\t' || out[e - 1] == '\r' || out[e - 1] == '\n'))
    --e;
  return out.substr(b, e - b);
}

// commitlint's ensureCase(text, case) for the cases relkit knows (ASCII word splitting
// for start/pascal/camel/kebab/snake case).
inline bool ensure_case(std::string_view raw, std::string_view target) {
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
inline bool has_url(std::string_view line) noexcept {
  for (std::size_t at = line.find("http"); at != std::string_view::npos;
       at = line.find("http", at + 1)) {
    if (at > 0 && detail::is_ascii_word(line[at - 1])) continue;
    std::size_t i = at + 4;
    if (i < line.size() && line[i] == 's') ++i;
    if (line.substr(i, 3) != "://") continue;
    i += 3;
    if (i < line.size() && detail::js_space_length(line, i) == 0) return true;
  }
  return false;
}

// Lines split on \r?\n, as toLines does.
inline std::vector<std::string_view> to_lines(std::string_view text) {
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

inline std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

inline bool ignored_by_default(std::string_view message) {
  std::size_t e = message.size();
  while (e > 0 && detail::js_space_length(message, e - 1) != 0) --e;  // trimEnd (ASCII part)
  const std::string_view m = message.substr(0, e);
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
  std::size_t b = 0;
  while (b < stripped.size() && detail::js_space_length(stripped, b) != 0) ++b;
  std::size_t t = stripped.size();
  while (t > b && detail::js_space_length(stripped, t - 1) != 0) --t;
  std::string_view s = std::string_view(stripped).substr(b, t - b);
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

}  // namespace detail_lint

// Lints a message against commitlint rules (default: @commitlint/config-conventional),
// parsing it as commitlint does (conventionalcommits parser options, no meta fields).
// A message of nothing but whitespace gives an empty, valid report.
[[nodiscard]] inline lint_report lint(std::string_view message,
                                      const lint_config& config = presets::config_conventional()) {
  lint_report report;
  if (config.default_ignores && detail_lint::ignored_by_default(message)) {
    report.ignored = true;
    return report;
  }
  options opts{dialect::conventional_changelog};
  opts.meta_fields = false;
  const auto parsed = parse(message, opts);
  if (!parsed) return report;
  const commit& c = *parsed;
  auto offset = [&](std::string_view part) {
    const char* begin = message.data();
    return part.data() >= begin && part.data() <= begin + message.size()
               ? static_cast<std::size_t>(part.data() - begin)
               : std::size_t{0};
  };
  const std::size_t subject_at = c.description.empty() ? 0 : offset(c.description);
  auto add = [&](const lint_rule& r, std::size_t position, std::string text) {
    report.findings.push_back(finding{r.name, r.level, position, std::move(text)});
    if (r.level == severity::error) report.valid = false;
  };
  auto join = [](const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
      if (!out.empty()) out += ", ";
      out += v;
    }
    return out;
  };
  for (const lint_rule& r : config.rules) {
    if (r.level == severity::off) continue;
    const std::string_view name = r.name;
    if (name == "header-max-length") {
      const std::size_t length = detail_lint::utf16_length(c.header);
      const bool ok = !c.header.empty() && length <= r.limit;
      if (!ok) {
        add(r, 0,
            "header must not be longer than " + std::to_string(r.limit) +
                " characters, current length is " + std::to_string(length));
      }
    } else if (name == "header-trim") {
      if (c.header.empty()) continue;
      const bool lead = detail::js_space_length(c.header, 0) != 0;
      bool trail = false;
      for (std::size_t n = 1; n <= 3 && n <= c.header.size() && !trail; ++n) {
        trail = detail::js_space_length(c.header, c.header.size() - n) == n;
      }
      if (lead || trail) {
        add(r, lead ? 0 : c.header.size() - 1,
            lead && trail ? "header must not be surrounded by whitespace"
            : lead        ? "header must not start with whitespace"
                          : "header must not end with whitespace");
      }
    } else if (name == "subject-case") {
      if (c.description.empty()) continue;
      const std::uint32_t first = detail_lint::code_point(c.description, 0);
      if (!detail_lint::is_upper_letter(first) && !detail_lint::is_lower_letter(first)) continue;
      std::vector<std::string> matched;
      for (const std::string& v : r.values) {
        if (detail_lint::ensure_case(c.description, v)) matched.push_back(v);
      }
      const bool result = !matched.empty();
      if (r.never ? result : !result) {
        add(r, subject_at,
            std::string("subject must ") + (r.never ? "not " : "") + "be " +
                join(r.never ? matched : r.values));
      }
    } else if (name == "subject-empty" || name == "type-empty") {
      const bool type_rule = name == "type-empty";
      const bool empty = type_rule ? c.type.empty() : c.description.empty();
      if (empty == r.never) {
        add(r, type_rule ? 0 : subject_at,
            std::string(type_rule ? "type" : "subject") + (r.never ? " may not" : " must") +
                " be empty");
      }
    } else if (name == "subject-full-stop") {
      const std::string stop = r.values.empty() ? std::string(".") : r.values[0];
      const std::size_t colon = c.header.find(':');
      if (colon != std::string_view::npos && colon > 0 && colon + 1 == c.header.size()) continue;
      bool has_stop = !c.header.empty() && c.header.size() >= stop.size() &&
                      c.header.substr(c.header.size() - stop.size()) == stop;
      if (c.header.size() >= 3 && c.header.substr(c.header.size() - 3) == "...") has_stop = false;
      if (r.never ? has_stop : !has_stop) {
        add(r, c.header.empty() ? 0 : c.header.size() - 1,
            std::string("subject ") + (r.never ? "may not" : "must") + " end with full stop");
      }
    } else if (name == "type-case") {
      if (c.type.empty()) continue;
      bool any = false;
      for (const std::string& v : r.values) any = any || detail_lint::ensure_case(c.type, v);
      if (r.never ? any : !any) {
        add(r, 0, std::string("type must ") + (r.never ? "not " : "") + "be " + join(r.values));
      }
    } else if (name == "type-enum") {
      if (c.type.empty()) continue;
      bool found = false;
      for (const std::string& v : r.values) found = found || c.type == v;
      if (r.never ? found : !found) {
        add(r, 0,
            std::string("type must ") + (r.never ? "not " : "") + "be one of [" + join(r.values) +
                "]");
      }
    } else if (name == "body-leading-blank" || name == "footer-leading-blank") {
      const bool body = name == "body-leading-blank";
      const std::optional<std::string_view>& part = body ? c.body : c.footer;
      if (!part || part->empty()) continue;
      const auto raw = detail_lint::to_lines(message);
      std::string_view leading;
      bool has_leading = false;
      if (body) {
        has_leading = raw.size() > 1;
        if (has_leading) leading = raw[1];
      } else {
        const std::string_view first = detail_lint::to_lines(*part)[0];
        std::ptrdiff_t at = -1;
        for (std::size_t i = 0; i < raw.size(); ++i) {
          if (raw[i] == first) {
            at = static_cast<std::ptrdiff_t>(i);
            break;
          }
        }
        // rawLines.slice(at - 1)[0]: a negative start counts from the end.
        std::ptrdiff_t index = at - 1;
        if (index < 0) index += static_cast<std::ptrdiff_t>(raw.size());
        has_leading = index >= 0 && static_cast<std::size_t>(index) < raw.size();
        if (has_leading) leading = raw[static_cast<std::size_t>(index)];
      }
      const bool succeeds = has_leading && leading.empty();
      if (r.never ? succeeds : !succeeds) {
        add(r, offset(*part),
            std::string(body ? "body" : "footer") + (r.never ? " may not" : " must") +
                " have leading blank line");
      }
    } else if (name == "body-max-line-length" || name == "footer-max-line-length") {
      const bool body = name == "body-max-line-length";
      const std::optional<std::string_view>& part = body ? c.body : c.footer;
      if (!part || part->empty()) continue;
      for (std::string_view line : detail_lint::to_lines(*part)) {
        if (detail_lint::has_url(line) || detail_lint::utf16_length(line) <= r.limit) continue;
        add(r, offset(line),
            std::string(body ? "body's" : "footer's") + " lines must not be longer than " +
                std::to_string(r.limit) + " characters");
        break;
      }
    }
  }
  return report;
}

}  // namespace commits
RELKIT_NAMESPACE_END
