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

// es-toolkit/compat 1.53.2's deburr (lodash 4's) of U+00C0..U+017F: Latin-1 Supplement and
// Latin Extended-A letters to ASCII ("Æ" -> "Ae", "ß" -> "ss"); × and ÷ unchanged.
inline constexpr const char* deburred_letters[192] = {
    "A", "A", "A",  "A",  "A", "A", "Ae", "C",        "E", "E",  "E", "E", "I", "I", "I",  "I",
    "D", "N", "O",  "O",  "O", "O", "O",  "\xc3\x97", "O", "U",  "U", "U", "U", "Y", "Th", "ss",
    "a", "a", "a",  "a",  "a", "a", "ae", "c",        "e", "e",  "e", "e", "i", "i", "i",  "i",
    "d", "n", "o",  "o",  "o", "o", "o",  "\xc3\xb7", "o", "u",  "u", "u", "u", "y", "th", "y",
    "A", "a", "A",  "a",  "A", "a", "C",  "c",        "C", "c",  "C", "c", "C", "c", "D",  "d",
    "D", "d", "E",  "e",  "E", "e", "E",  "e",        "E", "e",  "E", "e", "G", "g", "G",  "g",
    "G", "g", "G",  "g",  "H", "h", "H",  "h",        "I", "i",  "I", "i", "I", "i", "I",  "i",
    "I", "i", "IJ", "ij", "J", "j", "K",  "k",        "k", "L",  "l", "L", "l", "L", "l",  "L",
    "l", "L", "l",  "N",  "n", "N", "n",  "N",        "n", "'n", "N", "n", "O", "o", "O",  "o",
    "O", "o", "Oe", "oe", "R", "r", "R",  "r",        "R", "r",  "S", "s", "S", "s", "S",  "s",
    "S", "s", "T",  "t",  "T", "t", "T",  "t",        "U", "u",  "U", "u", "U", "u", "U",  "u",
    "U", "u", "U",  "u",  "W", "w", "Y",  "y",        "Y", "Z",  "z", "Z", "z", "Z", "z",  "s",

};

// A code point of UTF-8 text and where it is (invalid bytes read one at a time as U+FFFD).
struct code_point_at {
  std::size_t pos = 0;
  std::size_t len = 1;
  std::uint32_t cp = 0;
};

[[nodiscard]] inline std::vector<code_point_at> code_points(std::string_view s) {
  std::vector<code_point_at> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = detail::message_byte_at(s, i);
    const std::size_t extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    bool valid = c < 0x80 || (extra > 0 && c < 0xf8);
    for (std::size_t k = 1; valid && k <= extra; ++k) {
      valid = i + k < s.size() && (detail::message_byte_at(s, i + k) & 0xc0) == 0x80;
    }
    const std::size_t len = valid ? extra + 1 : 1;
    out.push_back(code_point_at{i, len, valid ? code_point(s, i) : 0xfffdu});
    i += len;
  }
  return out;
}

// What startCase and camelCase read: deburr, then normalizeForCase (' and ’ removed).
[[nodiscard]] inline std::string case_input(std::string_view s) {
  std::string out;
  for (const code_point_at& c : code_points(s)) {
    if (c.cp >= 0xc0 && c.cp <= 0x17f) {
      out += deburred_letters[c.cp - 0xc0];
    } else if ((c.cp >= 0x300 && c.cp <= 0x36f) || (c.cp >= 0x20d0 && c.cp <= 0x20ff) ||
               (c.cp >= 0xfe20 && c.cp <= 0xfe2f)) {
      continue;  // combining marks
    } else {
      out.append(s.substr(c.pos, c.len));
    }
  }
  std::string normalized;
  for (const code_point_at& c : code_points(out)) {
    if (c.cp != '\'' && c.cp != 0x2019)
      normalized.append(std::string_view(out).substr(c.pos, c.len));
  }
  return normalized;
}

// The character classes of lodash's unicode word pattern (rsBreakRange, rsLowerRange, …).
enum class word_class : std::uint8_t { brk, lower, upper, digit, dingbat, astral, misc };

[[nodiscard]] inline word_class classify_for_words(std::uint32_t cp) noexcept {
  if (cp >= 0x10000 || (cp >= 0xd800 && cp <= 0xdfff)) return word_class::astral;
  if (cp <= 0x2f || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) ||
      (cp >= 0x7b && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x206f) ||
      cp == 0xfeff || cp == 0x1680 || cp == 0x180e || cp == 0x3000) {
    return word_class::brk;
  }
  if (cp >= '0' && cp <= '9') return word_class::digit;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 0xdf && cp <= 0xf6) || (cp >= 0xf8 && cp <= 0xff)) {
    return word_class::lower;
  }
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xd6) || (cp >= 0xd8 && cp <= 0xde)) {
    return word_class::upper;
  }
  if (cp >= 0x2700 && cp <= 0x27bf) return word_class::dingbat;
  return word_class::misc;
}

// A word of lodash's words(): [begin, end) as indexes into code_points().
struct word_span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// lodash's reHasUnicodeWord: /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/
[[nodiscard]] inline bool has_unicode_word(std::string_view s) noexcept {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!lower(c) && !upper(c) && !digit(c) && c != ' ') return true;
    if (i + 1 < s.size()) {
      const char d = s[i + 1];
      if ((lower(c) && upper(d)) || (digit(c) && (lower(d) || upper(d))) ||
          ((lower(c) || upper(c)) && digit(d))) {
        return true;
      }
      if (upper(c) && upper(d) && i + 2 < s.size() && lower(s[i + 2])) return true;
    }
  }
  return false;
}

// es-toolkit/compat 1.53.2's words(s) (lodash 4's): for plain ASCII letters, digits and
// spaces, the runs between spaces; otherwise the matches of lodash's unicode word pattern
// (a capitalised or lower-case word up to a case change, an all-caps run, an ordinal such
// as 1st, digits, an emoji with its modifiers and joiners), left to right.
[[nodiscard]] inline std::vector<word_span> lodash_words(const std::vector<code_point_at>& cps,
                                                         bool unicode) {
  const std::size_t n = cps.size();
  auto cls = [&](std::size_t k) { return classify_for_words(cps[k].cp); };
  auto is = [&](std::size_t k, word_class c) { return k < n && cls(k) == c; };
  auto misc_lower = [&](std::size_t k) {
    return is(k, word_class::lower) || is(k, word_class::misc);
  };
  auto misc_upper = [&](std::size_t k) {
    return is(k, word_class::upper) || is(k, word_class::misc);
  };
  auto ascii = [&](std::size_t k, char c) {
    return k < n && cps[k].cp == static_cast<unsigned char>(c);
  };
  auto regional = [&](std::size_t k) {
    return k < n && cps[k].cp >= 0x1f1e6 && cps[k].cp <= 0x1f1ff;
  };
  std::vector<word_span> words;
  if (!unicode) {
    for (std::size_t k = 0; k < n;) {
      if (cps[k].cp == ' ') {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < n && cps[e].cp != ' ') ++e;
      words.push_back(word_span{k, e});
      k = e;
    }
    return words;
  }
  // The end of the word that starts at k, or k when none does.
  auto match = [&](std::size_t k) -> std::size_t {
    // rsUpper? rsLower+ (?=rsBreak|rsUpper|$)
    {
      std::size_t q = is(k, word_class::upper) ? k + 1 : k;
      std::size_t e = q;
      while (is(e, word_class::lower)) ++e;
      if (e > q && (e == n || is(e, word_class::brk) || is(e, word_class::upper))) return e;
    }
    // rsMiscUpper+ (?=rsBreak|rsUpper rsMiscLower|$)
    {
      std::size_t e = k;
      while (misc_upper(e)) ++e;
      for (std::size_t end = e; end > k; --end) {
        if (end == n || is(end, word_class::brk) ||
            (is(end, word_class::upper) && misc_lower(end + 1))) {
          return end;
        }
      }
    }
    // rsUpper? rsMiscLower+
    {
      std::size_t q = is(k, word_class::upper) ? k + 1 : k;
      std::size_t e = q;
      while (misc_lower(e)) ++e;
      if (e > q) return e;
    }
    // rsUpper+
    {
      std::size_t e = k;
      while (is(e, word_class::upper)) ++e;
      if (e > k) return e;
    }
    if (is(k, word_class::digit)) {
      std::size_t e = k;
      while (is(e, word_class::digit)) ++e;
      // rsOrdUpper, rsOrdLower: \d*(?:1st|2nd|3rd|(?![123])\dth), then \b or [a-z_] / [A-Z_].
      const char d = static_cast<char>(cps[e - 1].cp);
      const char* suffix = d == '1' ? "st" : d == '2' ? "nd" : d == '3' ? "rd" : "th";
      for (const bool upper : {true, false}) {
        auto letter = [&](char c) { return upper ? static_cast<char>(c - 'a' + 'A') : c; };
        if (!ascii(e, letter(suffix[0])) || !ascii(e + 1, letter(suffix[1]))) continue;
        const std::size_t end = e + 2;
        if (end == n) return end;
        const std::uint32_t next = cps[end].cp;
        const bool digit_or_letter =
            (next >= '0' && next <= '9') ||
            (upper ? next >= 'A' && next <= 'Z' : next >= 'a' && next <= 'z');
        if (!digit_or_letter) return end;
      }
      return e;  // rsDigits
    }
    // rsEmoji: (rsDingbat|rsRegional|rsSurrPair) rsSeq
    if (is(k, word_class::dingbat) || is(k, word_class::astral)) {
      std::size_t e = regional(k) && regional(k + 1) ? k + 2 : k + 1;
      auto optional_parts = [&] {
        if (e < n && (cps[e].cp == 0xfe0e || cps[e].cp == 0xfe0f)) ++e;
        if (e < n && ((cps[e].cp >= 0x300 && cps[e].cp <= 0x36f) ||
                      (cps[e].cp >= 0xfe20 && cps[e].cp <= 0xfe2f) ||
                      (cps[e].cp >= 0x20d0 && cps[e].cp <= 0x20ff) ||
                      (cps[e].cp >= 0x1f3fb && cps[e].cp <= 0x1f3ff))) {
          ++e;
        }
      };
      optional_parts();
      while (e + 1 < n && cps[e].cp == 0x200d) {
        e += regional(e + 1) && regional(e + 2) ? std::size_t{3} : std::size_t{2};
        optional_parts();
      }
      return e;
    }
    return k;
  };
  for (std::size_t k = 0; k < n;) {
    const std::size_t e = match(k);
    if (e == k) {
      ++k;
      continue;
    }
    words.push_back(word_span{k, e});
    k = e;
  }
  return words;
}

// ensureCase for "start-case" (startCase(input) === input) and "pascal-case"
// (upperFirst(camelCase(input)) === input), es-toolkit/compat 1.53.2: true when the
// transformed text is empty or starts with a digit, false when deburr or normalizeForCase
// change the text; then start case is the words separated by single spaces, each starting
// with a character that is not a lower-case letter; pascal case is the words with nothing
// between them, each starting so, with no upper-case letter after.
[[nodiscard]] inline bool ensure_word_case(std::string_view input, bool pascal) {
  const std::string t = case_input(input);
  const std::vector<code_point_at> cps = code_points(t);
  const std::vector<word_span> words = lodash_words(cps, has_unicode_word(t));
  if (words.empty()) return true;
  if (detail::is_digit(t[cps[words[0].begin].pos])) return true;
  if (t != input) return false;
  std::size_t expect = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!pascal && w > 0) {
      if (cps[expect].cp != ' ') return false;
      ++expect;
    }
    if (words[w].begin != expect) return false;
    expect = words[w].end;
    if (is_lower_letter(cps[words[w].begin].cp)) return false;
    for (std::size_t k = words[w].begin + 1; pascal && k < words[w].end; ++k) {
      if (is_upper_letter(cps[k].cp)) return false;
    }
  }
  return expect == cps.size();
}

// commitlint's ensureCase(text, case) for the cases relkit knows (lodash's word splitting
// for start and pascal case, ASCII separators for camel/kebab/snake case).
[[nodiscard]] inline bool ensure_case(std::string_view raw, std::string_view target) {
  const std::string input = without_quotes(raw);
  if (input.empty() || detail::is_digit(input[0])) return true;
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
  if (target == "pascal-case") return ensure_word_case(input, true);
  if (target == "start-case") return ensure_word_case(input, false);
  const bool separators = input.find_first_of(" -_") != std::string::npos;
  if (target == "camel-case") return !separators && !is_upper_letter(first);
  if (target == "kebab-case") return !any_upper && input.find_first_of(" _") == std::string::npos;
  if (target == "snake-case") return !any_upper && input.find_first_of(" -") == std::string::npos;
  return false;
}

// /\bhttps?:\/\/\S+/
[[nodiscard]] inline bool has_url(std::string_view line) noexcept {
  for (std::size_t at = line.find("http"); at != std::string_view::npos;
       at = line.find("http", at + 1)) {
    if (at > 0 && detail::is_word_char(line[at - 1])) continue;
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
    while (i < s.size() && detail::is_digit(s[i])) ++i;
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
    if (!(detail::is_word_char(c) || c == '-' || c == '.' || c == '+') || c == '_') return false;
  }
  return i + 1 < s.size();
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
