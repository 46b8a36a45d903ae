#pragma once
// The commit message parser behind relkit::commits::parse (both grammars; internal).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/git_cliff.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// The lines of one message: inline for the usual few dozen, on the heap beyond.
class line_buffer {
 public:
  static constexpr std::size_t inline_capacity = 32;
  void reserve(std::size_t count) {
    if (count > inline_capacity) heap_.reserve(count);
  }
  line_buffer() = default;
  line_buffer(const line_buffer&) = delete;  // data_ points into this object
  line_buffer& operator=(const line_buffer&) = delete;
  void push_back(std::string_view line) {
    if (size_ < inline_capacity) {
      inline_[size_] = slot{line.data(), line.size()};
    } else {
      if (size_ == inline_capacity) heap_.assign(inline_, inline_ + inline_capacity);
      heap_.push_back(slot{line.data(), line.size()});
      data_ = heap_.data();
    }
    ++size_;
  }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::string_view operator[](std::size_t i) const noexcept {
    return std::string_view(data_[i].data, data_[i].size);
  }

 private:
  // Plain pairs, not string_views: the inline array is left uninitialised (a string_view
  // array would be zeroed at every parse, 512 bytes).
  struct slot {
    const char* data;
    std::size_t size;
  };
  slot inline_[inline_capacity];
  std::vector<slot> heap_;
  std::size_t size_ = 0;
  const slot* data_ = inline_;  // inline_ or heap_.data()
};

class commit_parser {
 public:
  commit_parser(std::string_view message, commits::commit& out,
                std::size_t max_items = std::size_t(-1))
      : message_(message),
        out_(out),
        max_items_(max_items),
        terminators_(has_inner_line_terminator(message)) {}

  // Where the first item beyond max_items is (offset in the message), and its
  // kind; npos when every list is within the limit.
  std::size_t too_many_at() const noexcept { return too_many_at_; }
  const char* too_many_what() const noexcept { return too_many_what_; }

  // conventional-commits-parser 7.1.4 (CommitParser.parse) with the preset's options.
  void parse_compatible(commits::dialect grammar, bool meta_fields) {
    grammar_ = grammar;
    meta_fields_ = meta_fields;
    split_lines(trim_newlines(message_), true);
    std::size_t header_line = npos;
    if (!lines_.empty()) {
      header_line = 0;
      next_ = 1;
    }
    bool breaking_header = false;
    if (header_line != npos && !lines_[0].empty()) {
      out_.header = lines_[0];
      breaking_header = match_compatible_header(lines_[0]);
      scan_references(lines_[0], false);
    } else {
      out_.reason = "empty header";
      out_.reason_position = offset_of(header_line == npos ? message_ : lines_[0]);
    }
    out_.merge = is_merge_header(out_.header);

    bool is_body = true;
    while (next_ < lines_.size()) {
      parse_meta();
      if (parse_notes()) is_body = false;
      if (!parse_body_and_footer(is_body)) is_body = false;
    }
    if (breaking_header && out_.notes.empty()) {
      out_.notes.push_back(commits::note{"BREAKING CHANGE", out_.description});
    }
    out_.breaking = !out_.notes.empty() || breaking_header;
    if (body_begin_ != npos) out_.body = join({}, false, body_begin_, body_end_);
    if (footer_begin_ != npos) {
      out_.footer = join({}, false, footer_begin_, footer_end_);
      collect_footers(footer_begin_, footer_end_, false);
    }
    for (std::size_t i = 0; i < pending_notes_.size(); ++i) {
      const pending_note& p = pending_notes_[i];
      out_.notes[i].text = join(p.first, true, p.begin, p.end);
    }
    scan_mentions();
    scan_revert(grammar == commits::dialect::semantic_release_angular);
    dedupe_references();
    finish();
  }

  // Conventional Commits 1.0.0.
  void parse_spec() {
    grammar_ = commits::dialect::spec;
    split_lines(message_, false);
    next_ = lines_.size();
    const std::string_view header = lines_.empty() ? std::string_view() : lines_[0];
    out_.header = header;
    out_.merge = is_merge_header(header);
    match_spec_header(header);
    scan_references(header, false);
    if (lines_.size() > 1 && !is_blank_line(lines_[1])) {
      not_conventional("the body must begin one blank line after the description",
                       offset_of(lines_[1]));
    }
    // The footer section starts at the first paragraph whose first line is a trailer.
    std::size_t footer_line = npos;
    for (std::size_t i = 2; i < lines_.size(); ++i) {
      if (is_blank_line(lines_[i - 1]) && spec_footer_token(lines_[i]) != 0) {
        footer_line = i;
        break;
      }
    }
    const std::size_t body_end = footer_line == npos ? lines_.size() : footer_line;
    for (std::size_t i = 1; i < lines_.size(); ++i) {
      scan_references(lines_[i], i >= body_end && spec_footer_token(lines_[i]) != 0);
    }
    if (lines_.size() > 2) {
      std::size_t last = body_end;
      while (last > 2 && is_blank_line(lines_[last - 1])) --last;
      if (last > 2) out_.body = join({}, false, 2, last);
    }
    if (footer_line != npos) {
      out_.footer = join({}, false, footer_line, lines_.size());
      collect_footers(footer_line, lines_.size(), true);
      for (const commits::footer& f : out_.footers) {
        if (f.token == "BREAKING CHANGE" || f.token == "BREAKING-CHANGE") {
          out_.notes.push_back(commits::note{f.token, f.value});
        }
      }
    }
    if (out_.conventional && out_.exclamation && out_.notes.empty()) {
      out_.notes.push_back(commits::note{"BREAKING CHANGE", out_.description});
    }
    out_.breaking = out_.conventional && !out_.notes.empty();
    if (!out_.conventional) out_.notes.clear();
    scan_mentions();
    scan_revert(false);
    if (!out_.revert && out_.conventional && iequals(out_.type, "revert")) {
      for (const commits::footer& f : out_.footers) {
        if (iequals(f.token, "Refs")) {
          std::size_t end = 0;
          while (end < f.value.size() && is_word_char(f.value[end])) ++end;
          out_.revert = commits::reverted_commit{out_.description, piece(f.value, 0, end)};
          break;
        }
      }
    }
    dedupe_references();
    finish();
  }

  // git-cliff 2.14.2: git-conventional 1.1.0 on the message with its end trimmed.
  void parse_git_cliff() {
    grammar_ = commits::dialect::git_cliff;
    const std::string_view text = relkit::detail::rust_trim_end(message_);
    split_lines(text, false);
    next_ = lines_.size();
    out_.header = lines_.empty() ? std::string_view() : lines_[0];
    out_.merge = is_merge_header(out_.header);
    for (std::size_t i = 0; i < lines_.size(); ++i) scan_references(lines_[i], false);
    commits::commit head;
    std::string_view reason;
    std::size_t position = 0;
    if (!read_git_cliff(text, head, reason, position, max_items_)) {
      if (reason == cliff_too_many_footers) {
        (void)room(max_items_, text.substr(position, 0), "footers");
      } else {
        not_conventional(reason, offset_of(text) + position);
      }
    } else {
      for (const commits::footer& f : head.footers) {
        if (f.token == "BREAKING CHANGE" || f.token == "BREAKING-CHANGE") {
          head.notes.push_back(commits::note{f.token, f.value});
          break;
        }
      }
      if (head.notes.empty() && head.exclamation) {
        head.notes.push_back(commits::note{"BREAKING CHANGE", head.description});
      }
      out_.conventional = true;
      out_.type = head.type;
      out_.scope = head.scope;
      out_.exclamation = head.exclamation;
      out_.description = head.description;
      out_.body = head.body;
      out_.footer = head.footer;
      out_.footers = std::move(head.footers);
      out_.notes = std::move(head.notes);
      out_.breaking = !out_.notes.empty();
    }
    scan_mentions();
    scan_revert(false);
    dedupe_references();
    finish();
  }

  // `Merge pull request …`, `Merge branch …`, `Merge remote-tracking …` (commit::merge).
  [[nodiscard]] static bool is_merge_header(std::string_view header) noexcept {
    if (header.size() < 6 || header[0] != 'M' || piece(header, 0, 6) != "Merge ") return false;
    const std::string_view rest = piece(header, 6);
    for (std::string_view word : {"pull request", "branch", "remote-tracking branch", "tag ",
                                  "commit ", "branches", "'", "\""}) {
      if (piece(rest, 0, word.size()) == word) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;
  // Up to this many references are deduplicated by comparing each with every other;
  // beyond, through an open-addressing table (ref_slots_).
  static constexpr std::size_t small_references = 16;

  struct pending_note {
    std::string_view first;
    std::size_t begin;
    std::size_t end;
  };

  // Whether `message` holds a LineTerminator that a line of it can contain: a '\r' not
  // followed by '\n' (split_lines drops the '\r' of "\r\n"), U+2028 or U+2029. Without
  // one (nearly every message), a line ends only at its end.
  [[nodiscard]] static bool has_inner_line_terminator(std::string_view message) noexcept {
    auto inner = [message](std::size_t at) {
      if (message[at] == '\r') return at + 1 == message.size() || message[at + 1] != '\n';
      return relkit::detail::js_line_terminator_length(message, at) != 0;
    };
    for (std::size_t at = find_char(message, '\r'); at != npos;
         at = find_char(message, '\r', at + 1)) {
      if (inner(at)) return true;
    }
    for (std::size_t at = find_char(message, '\xe2'); at != npos;
         at = find_char(message, '\xe2', at + 1)) {
      if (inner(at)) return true;
    }
    return false;
  }

  // find_js_line_terminator for a piece of one line of the message.
  [[nodiscard]] std::size_t line_stop(std::string_view piece, std::size_t from) const noexcept {
    return terminators_ ? relkit::detail::find_js_line_terminator(piece, from) : piece.size();
  }
  // js_line_terminator_length for a piece of one line of the message.
  [[nodiscard]] std::size_t terminator_length(std::string_view piece,
                                              std::size_t at) const noexcept {
    return terminators_ ? relkit::detail::js_line_terminator_length(piece, at) : 0;
  }

  std::size_t offset_of(std::string_view part) const noexcept {
    return static_cast<std::size_t>(part.data() - message_.data());
  }

  void not_conventional(std::string_view reason, std::size_t position) {
    if (!out_.reason.empty()) return;
    out_.conventional = false;
    out_.reason = reason;
    out_.reason_position = position;
  }

  [[nodiscard]] static bool is_blank_line(std::string_view line) noexcept {
    for (char c : line) {
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
  }

  // Lines split on \r?\n; `gpg:` lines dropped when `drop_gpg` (the parser's gpgFilter).
  void split_lines(std::string_view text, bool drop_gpg) {
    std::size_t start = 0;
    std::size_t newlines = 0;
    while (true) {
      const std::size_t nl = find_char(text, '\n', start);
      if (nl != npos && ++newlines == line_buffer::inline_capacity) reserve_lines(text, nl);
      std::size_t end = nl == npos ? text.size() : nl;
      std::size_t content_end = end;
      if (nl != npos && content_end > start && text[content_end - 1] == '\r') --content_end;
      const std::string_view line = piece(text, start, content_end - start);
      if (!drop_gpg || !is_gpg_line(line)) lines_.push_back(line);
      if (nl == npos) break;
      start = nl + 1;
    }
  }

  // A message of more lines than line_buffer holds inline (`nl`: its last inline line's
  // '\n'): the rest counted once and the heap list reserved exactly, not grown by
  // doubling (issue 19's bound on memory).
  void reserve_lines(std::string_view text, std::size_t nl) {
    std::size_t count = line_buffer::inline_capacity + 1;
    for (std::size_t at = find_char(text, '\n', nl + 1); at != npos;
         at = find_char(text, '\n', at + 1)) {
      ++count;
    }
    lines_.reserve(count);
  }

  // `text` holds `part` at byte `at` (a short literal: compared in line, no call).
  template <std::size_t N>
  [[nodiscard]] static bool has_at(std::string_view text, std::size_t at,
                                   const char (&part)[N]) noexcept {
    if (at > text.size() || text.size() - at < N - 1) return false;
    for (std::size_t k = 0; k + 1 < N; ++k) {
      if (text[at + k] != part[k]) return false;
    }
    return true;
  }

  [[nodiscard]] static bool is_gpg_line(std::string_view line) noexcept {
    // A line starting with a printable ASCII byte other than 'g' starts neither with \s
    // nor with "gpg:".
    if (line.empty()) return false;
    const auto first = static_cast<unsigned char>(line[0]);
    if (first > ' ' && first < 0x80 && first != 'g') return false;
    const std::size_t i = relkit::detail::skip_js_spaces(line, 0);
    return piece(line, i, 4) == "gpg:";
  }

  // ^(\w*)(?:\((.*)\))?!: (.*)$ then ^(\w*)(?:\((.*)\))?!?: (.*)$ (angular: no `!`).
  // Returns true when the breaking (`!`) pattern matched.
  bool match_compatible_header(std::string_view line) {
    const std::size_t stop = line_stop(line, 0);
    std::size_t type_end = 0;
    while (type_end < line.size() && byte_is(line[type_end], byte_word)) ++type_end;
    const bool bang = grammar_ != commits::dialect::semantic_release_angular;
    if (stop != line.size()) {
      not_conventional("the header holds a line terminator", offset_of(line) + stop);
      return false;
    }
    std::size_t scope_end = npos;  // index of ')' closing the scope
    std::size_t subject = npos;
    bool breaking = false;
    if (type_end < line.size() && line[type_end] == '(') {
      // The scope is greedy: the breaking pattern takes the last `)!: `; failing that, the
      // other takes the last `): `. One forward pass over the ')' finds both.
      std::size_t last_bang = npos;
      std::size_t last_colon = npos;
      for (std::size_t k = find_char(line, ')', type_end + 1); k != npos;
           k = find_char(line, ')', k + 1)) {
        if (has_at(line, k + 1, ": ")) {
          last_colon = k;
        } else if (bang && has_at(line, k + 1, "!: ")) {
          last_bang = k;
        }
      }
      if (last_bang != npos) {
        scope_end = last_bang;
        subject = last_bang + 4;
        breaking = true;
      } else if (last_colon != npos) {
        scope_end = last_colon;
        subject = last_colon + 3;
      }
    } else if (bang && has_at(line, type_end, "!: ")) {
      subject = type_end + 3;
      breaking = true;
    } else if (has_at(line, type_end, ": ")) {
      subject = type_end + 2;
    }
    if (subject == npos) {
      not_conventional(type_end == 0 ? "the header does not start with a type"
                                     : "expected '(scope)', '!' or ': ' after the type",
                       offset_of(line) + type_end);
      return false;
    }
    out_.type = piece(line, 0, type_end);
    if (scope_end != npos) out_.scope = piece(line, type_end + 1, scope_end - type_end - 1);
    out_.description = piece(line, subject);
    out_.exclamation = subject >= 3 && has_at(line, subject - 3, "!: ");
    if (out_.type.empty()) {
      // `(scope)!: x` with an empty type: the parser has no type but its breaking
      // pattern matched, so the commit still carries the `!` note (and bumps major).
      not_conventional("the header does not start with a type", offset_of(line));
      return breaking;
    }
    out_.conventional = true;
    return breaking;
  }

  // Conventional Commits 1.0.0 header: type[(scope)][!]: description
  void match_spec_header(std::string_view line) {
    const std::size_t base = offset_of(line);
    std::size_t i = 0;
    while (i < line.size() && (is_word_char(line[i]) || line[i] == '-')) ++i;
    if (i == 0) return not_conventional("the header does not start with a type", base);
    const std::size_t type_end = i;
    std::size_t scope_begin = npos;
    std::size_t scope_end = npos;
    if (i < line.size() && line[i] == '(') {
      scope_begin = i + 1;
      std::size_t j = scope_begin;
      while (j < line.size() && line[j] != ')' && line[j] != '(') ++j;
      if (j == line.size() || line[j] == '(') {
        return not_conventional("the scope is not closed by ')'", base + j);
      }
      if (j == scope_begin) return not_conventional("the scope is empty", base + j);
      scope_end = j;
      i = j + 1;
    }
    bool bang = false;
    if (i < line.size() && line[i] == '!') {
      bang = true;
      ++i;
    }
    if (i >= line.size() || line[i] != ':') {
      return not_conventional(scope_begin == npos && !bang
                                  ? "expected '(scope)', '!' or ': ' after the type"
                                  : "expected ': ' after the type and scope",
                              base + i);
    }
    ++i;
    if (i >= line.size() || line[i] != ' ') {
      return not_conventional("expected a space after ':'", base + i);
    }
    ++i;
    std::size_t end = line.size();
    if (i >= end || line[i] == ' ' || line[i] == '\t') {
      return not_conventional("the description is empty or does not follow ': ' immediately",
                              base + i);
    }
    out_.conventional = true;
    out_.type = piece(line, 0, type_end);
    if (scope_begin != npos) out_.scope = piece(line, scope_begin, scope_end - scope_begin);
    out_.exclamation = bang;
    out_.description = piece(line, i, end - i);
  }

  // ^-(?=.*\w)(.*?)-$ : a meta field line; the parser sends every line after it to fields.
  [[nodiscard]] static bool is_field_line(std::string_view line) noexcept {
    if (line.size() < 2 || line.front() != '-' || line.back() != '-') return false;
    if (relkit::detail::find_js_line_terminator(line, 1) != line.size()) return false;
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
      if (is_word_char(line[i])) return true;
    }
    return false;
  }

  bool parse_meta() {
    if (!meta_fields_ || next_ >= lines_.size() || !is_field_line(lines_[next_])) return false;
    // Everything from here on goes to meta fields, never to body, footer or notes.
    const bool content = next_ + 1 < lines_.size();
    next_ = lines_.size();
    return content;
  }

  // Note line; sets `title`/`text` (text = the rest of the line up to a line terminator).
  bool match_note(std::string_view line, std::string_view& title, std::string_view& text) const {
    std::size_t p = 0;
    const bool v6 = grammar_ != commits::dialect::conventional_changelog;
    if (v6) {
      // ^[\s|*]*(KEYWORDS)[:\s]+(.*)
      while (p < line.size()) {
        if (line[p] == '|' || line[p] == '*') {
          ++p;
        } else if (const std::size_t n = relkit::detail::js_space_length(line, p)) {
          p += n;
        } else {
          break;
        }
      }
    } else if (!line.empty() && line[0] == '*' && relkit::detail::js_space_length(line, 1) != 0) {
      p = relkit::detail::skip_js_spaces(line, 1);  // ^(?:\*\s+)?
    }
    const bool dash_ok = grammar_ != commits::dialect::semantic_release_angular;
    if (p >= line.size() || (line[p] | 0x20) != 'b') return false;  // 'b' or 'B'
    if (!istarts_with_at(line, p, "breaking change") &&
        !(dash_ok && istarts_with_at(line, p, "breaking-change"))) {
      return false;
    }
    title = piece(line, p, 15);
    std::size_t q = p + 15;
    if (v6) {
      const std::size_t start = q;
      while (q < line.size()) {
        if (line[q] == ':') {
          ++q;
        } else if (const std::size_t n = relkit::detail::js_space_length(line, q)) {
          q += n;
        } else {
          break;
        }
      }
      if (q == start) return false;
    } else {
      if (q >= line.size() || line[q] != ':') return false;
      q = relkit::detail::skip_js_spaces(line, q + 1);
    }
    // (.*) stops at a line terminator; \s* may have run over one (\r), leave it.
    if (q > line.size()) q = line.size();
    text = piece(line, q, relkit::detail::find_js_line_terminator(line, q) - q);
    return true;
  }

  bool parse_notes() {
    if (next_ >= lines_.size()) return false;
    std::string_view title;
    std::string_view text;
    if (!match_note(lines_[next_], title, text)) return false;
    while (true) {
      out_.notes.push_back(commits::note{title, {}});
      pending_notes_.push_back(pending_note{text, next_ + 1, next_ + 1});
      add_footer_line(next_);
      ++next_;
      bool restart = false;
      while (next_ < lines_.size()) {
        if (parse_meta()) return true;
        if (next_ == lines_.size()) {
          // A meta field line ends the message (conventional-commits-parser 7.1.4 throws
          // there): it stays in the note and the footer, as it always has here (the code
          // before this test read one line past the end, an empty one, into both).
          pending_notes_.back().end = next_;
          add_footer_line(next_ - 1);
          return true;
        }
        if (match_note(lines_[next_], title, text)) {
          restart = true;
          break;
        }
        const bool token = token_end_of(next_) != 0;
        scan_references(lines_[next_], token);
        if (!token) pending_notes_.back().end = next_ + 1;
        add_footer_line(next_);
        ++next_;
        if (token) break;
      }
      if (!restart) return true;
    }
  }

  bool parse_body_and_footer(bool is_body) {
    if (next_ >= lines_.size()) return is_body;
    const bool token = token_end_of(next_) != 0;
    const bool still_body = !token && is_body;
    scan_references(lines_[next_], token);
    if (still_body) {
      if (body_begin_ == npos) body_begin_ = next_;
      body_end_ = next_ + 1;
    } else {
      add_footer_line(next_);
    }
    ++next_;
    return still_body;
  }

  void add_footer_line(std::size_t index) {
    if (footer_begin_ == npos) footer_begin_ = index;
    footer_end_ = index + 1;
  }

  // ^(?:BREAKING CHANGE|[\w-]+)(?::\s+|\s+#).+ (case-insensitive)
  // The end of the token of a compatible footer line (15 for BREAKING CHANGE), 0 when the
  // line is not one.
  [[nodiscard]] static std::size_t compatible_token_end(std::string_view line) noexcept {
    if (line.empty() || !byte_is(line[0], byte_issue)) return 0;  // both forms start so
    if ((line[0] | 0x20) == 'b' && istarts_with_at(line, 0, "breaking change") &&
        footer_separator_at(line, 15)) {
      return 15;
    }
    std::size_t p = 0;
    while (p < line.size() && is_issue_char(line[p])) ++p;
    return p > 0 && footer_separator_at(line, p) ? p : 0;
  }
  // compatible_token_end of line `index`, kept for the first 32 lines: collect_footers
  // asks again for the lines the body loop classified.
  [[nodiscard]] std::size_t token_end_of(std::size_t index) noexcept {
    constexpr std::size_t kept = sizeof(token_known_) * 8;
    if (index < kept && ((token_known_ >> index) & 1u) != 0) return token_end_[index];
    const std::size_t end = compatible_token_end(lines_[index]);
    if (index < kept && end <= 0xff) {
      token_known_ |= std::uint32_t{1} << index;
      token_end_[index] = static_cast<unsigned char>(end);
    }
    return end;
  }

  // relkit::detail::js_space_length with the ASCII bytes decided in line.
  [[nodiscard]] static std::size_t space_length(std::string_view s, std::size_t i) noexcept {
    if (i < s.size()) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b == ' ') return 1;
      if (b < 0x80 && (b < 0x09 || b > 0x0d)) return 0;
    }
    return relkit::detail::js_space_length(s, i);
  }
  [[nodiscard]] static std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
    for (std::size_t n = space_length(s, i); n != 0; n = space_length(s, i)) i += n;
    return i;
  }

  [[nodiscard]] static bool footer_separator_at(std::string_view line, std::size_t p) noexcept {
    if (p < line.size() && line[p] == ':') {
      const std::size_t r = skip_spaces(line, p + 1);
      if (r == p + 1) return false;
      if (r < line.size() && relkit::detail::js_line_terminator_length(line, r) == 0) return true;
      // `\s+` gives back a space that `.+` can take, unless it is a line terminator.
      for (std::size_t q = p + 1; q < r;) {
        const std::size_t n = relkit::detail::js_space_length(line, q);
        if (q > p + 1 && relkit::detail::js_line_terminator_length(line, q) == 0) return true;
        q += n;
      }
      return false;
    }
    const std::size_t r = skip_spaces(line, p);
    if (r == p || r >= line.size() || line[r] != '#') return false;
    return r + 1 < line.size() && relkit::detail::js_line_terminator_length(line, r + 1) == 0;
  }

  // Conventional Commits trailer token: `Token: ` or `Token #`, `BREAKING CHANGE: `.
  // Returns the length of the token and separator (0: not a footer line).
  [[nodiscard]] static std::size_t spec_footer_token(std::string_view line) noexcept {
    std::size_t p = 0;
    if (piece(line, 0, 15) == "BREAKING CHANGE") {
      p = 15;
    } else {
      while (p < line.size() && (is_word_char(line[p]) || line[p] == '-')) ++p;
      if (p == 0) return 0;
    }
    if (piece(line, p, 2) == ": " && p + 2 < line.size()) return p + 2;
    if (piece(line, p, 2) == " #" && p + 2 < line.size()) return p + 2;
    return 0;
  }

  void collect_footers(std::size_t begin, std::size_t end, bool spec) {
    std::size_t current = npos;
    std::string_view first;
    auto flush = [&](std::size_t stop) {
      if (current == npos) return;
      out_.footers.back().value = join(first, true, current + 1, stop);
    };
    for (std::size_t i = begin; i < end; ++i) {
      const std::string_view line = lines_[i];
      std::size_t token_end = 0;
      std::size_t value_begin = 0;
      if (spec) {
        value_begin = spec_footer_token(line);
        if (value_begin != 0) token_end = value_begin - 2;
      } else if ((token_end = token_end_of(i)) != 0) {
        value_begin = line[token_end] == ':' ? relkit::detail::skip_js_spaces(line, token_end + 1)
                                             : relkit::detail::skip_js_spaces(line, token_end) + 1;
      }
      if (value_begin == 0) continue;
      flush(i);
      current = i;
      first = piece(line, value_begin);
      if (!room(out_.footers.size(), line, "footers")) {
        current = npos;
        return;
      }
      if (out_.footers.empty()) out_.footers.reserve(4);  // one allocation, usually
      out_.footers.push_back(commits::footer{
          piece(line, 0, token_end), piece(line, token_end, value_begin - token_end), first});
    }
    flush(end);
  }

  // conventional-commits-parser's parseReferences: action sentences, then references.
  // An action is a whole word (is_action_word) followed by `\s+` (by `:?\s+` in a footer
  // line); its sentence runs to the next action word, or to the end when no line
  // terminator comes first. The text between sentences holds references without action.
  void scan_references(std::string_view s, bool footer_mode) {
    // Every reference holds a '#': a line without one has none, whatever its actions.
    if (!holds_hash(s)) return;
    if (!terminators_) return scan_references_in_line(s, footer_mode);
    const std::size_t n = s.size();
    std::size_t last = 0;
    std::size_t i = 0;
    // Each word is visited once; `i` is always at a word start or outside a word.
    while (i < n) {
      if (!byte_is(s[i], byte_word)) {
        ++i;
        continue;
      }
      const std::size_t start = i;
      const bool may_act = byte_is(s[i], byte_action_first);
      i = word_end(s, i);
      if (!may_act || !is_action_word(piece(s, start, i - start))) continue;
      std::size_t after = npos;
      if (footer_mode && i < n && s[i] == ':' && relkit::detail::js_space_length(s, i + 1) != 0) {
        after = i + 1;  // `:?` is greedy: with the colon first (a ':' is never `\s`)
      } else if (relkit::detail::js_space_length(s, i) != 0) {
        after = i;
      }
      if (after == npos) continue;
      const std::size_t t = relkit::detail::skip_js_spaces(s, after);
      std::size_t q = t;  // t follows whitespace: a word start or outside a word
      bool ok = true;
      while (q < n) {
        if (byte_is(s[q], byte_word)) {
          const bool next_may_act = byte_is(s[q], byte_action_first);
          const std::size_t e = word_end(s, q);
          if (next_may_act && is_action_word(piece(s, q, e - q))) break;
          q = e;
        } else if (terminator_length(s, q) != 0) {
          ok = false;
          break;
        } else {
          ++q;
        }
      }
      if (!ok) {
        i = q + 1;  // no match can start before the terminator
        continue;
      }
      extract_references(piece(s, last, start - last), {});
      extract_references(piece(s, t, q - t), piece(s, start, i - start));
      last = q;
      i = q;
    }
    extract_references(piece(s, last), {});
  }

  // scan_references for a piece without a line terminator (nearly every line): a sentence
  // runs to the next action word or to the end, so only the action words are looked for,
  // from one key letter (next_action_key) to the next, not word by word.
  void scan_references_in_line(std::string_view s, bool footer_mode) {
    const std::size_t n = s.size();
    std::size_t last = 0;
    std::size_t i = 0;
    std::size_t end = 0;
    for (std::size_t start = next_action_word(s, i, end); start != n;
         start = next_action_word(s, i, end)) {
      i = end;
      std::size_t after = npos;
      if (footer_mode && i < n && s[i] == ':' && space_length(s, i + 1) != 0) {
        after = i + 1;  // `:?` is greedy: with the colon first (a ':' is never `\s`)
      } else if (space_length(s, i) != 0) {
        after = i;
      }
      if (after == npos) continue;
      const std::size_t t = skip_spaces(s, after);
      std::size_t next_end = 0;
      const std::size_t q = next_action_word(s, t, next_end);
      extract_references(piece(s, last, start - last), {});
      extract_references(piece(s, t, q - t), piece(s, start, end - start));
      last = q;
      i = q;
    }
    extract_references(piece(s, last), {});
  }

  // The start of the first whole action word (is_action_word) at or after `from` (a word
  // start or outside a word), s.size() when there is none; `end` gets its end. Words do not
  // overlap and each action word holds one key letter (next_action_key), so the words are
  // met in the order of their key letters.
  [[nodiscard]] static std::size_t next_action_word(std::string_view s, std::size_t from,
                                                    std::size_t& end) noexcept {
    for (std::size_t p = next_action_key(s, from); p < s.size(); p = next_action_key(s, p + 1)) {
      const char key = static_cast<char>(s[p] | 0x20);
      const std::size_t offset = key == 'c' ? 0 : key == 'x' ? 2 : 5;
      if (p < from + offset) continue;
      const std::size_t w = p - offset;
      if (w > 0 && byte_is(s[w - 1], byte_word)) continue;
      const std::size_t e = word_end(s, w);
      if (e - w >= 3 && e - w <= 8 && is_action_word(piece(s, w, e - w))) {
        end = e;
        return w;
      }
    }
    return s.size();
  }

  [[nodiscard]] static std::size_t word_end(std::string_view s, std::size_t i) noexcept {
    while (i < s.size() && byte_is(s[i], byte_word)) ++i;
    return i;
  }

  // Whether `s` (a view into the message) holds a '#'. The lines come in order, so the
  // message is searched once, from one '#' to the next, not once per line.
  bool holds_hash(std::string_view s) noexcept {
    if (s.empty()) return false;
    const std::size_t begin = offset_of(s);
    if (begin < hash_from_ || (hash_at_ != npos && hash_at_ < begin)) {
      hash_from_ = begin;
      hash_at_ = find_char(message_, '#', begin);
    }
    return hash_at_ != npos && hash_at_ < begin + s.size();
  }

  // The parser's sticky referenceParts regex, applied until it fails. Every match ends
  // in `#issue`, so only the '#' characters are visited: a match starts at the run of
  // repository characters right before one (or at the '#' itself), which must begin at
  // or after the end of the previous match; `.*?` cannot pass a line terminator.
  void extract_references(std::string_view s, std::string_view action) {
    const std::size_t first_hash = find_char(s, '#');
    if (first_hash == npos || contains_url(s)) return;
    s = piece(s, 0, line_stop(s, 0));
    std::size_t last = 0;
    for (std::size_t hash = first_hash < s.size() ? first_hash : npos; hash != npos;
         hash = find_char(s, '#', hash + 1)) {
      std::size_t p = hash;
      while (p > 0 && is_repository_char(s[p - 1])) --p;
      if (p < last) continue;  // the run began inside the previous match: no boundary
      std::size_t e = hash + 1;
      bool digit = false;
      while (e < s.size() && is_issue_char(s[e])) digit |= is_digit(s[e++]);
      const bool follows = e == s.size() || space_length(s, e) != 0 || s[e] == ',' || s[e] == ';' ||
                           s[e] == '.' || s[e] == ')' || s[e] == ']';
      if (e == hash + 1 || !digit || !follows) continue;
      commits::reference ref;
      ref.raw = piece(s, last, e - last);
      ref.action = action;
      if (hash > p) {
        std::string_view repository = piece(s, p, hash - p);
        const std::size_t slash = find_char(repository, '/');
        if (slash != npos) {
          ref.owner = piece(repository, 0, slash);
          repository = piece(repository, slash + 1);
        }
        ref.repository = repository;
      }
      ref.prefix = piece(s, hash, 1);
      ref.issue = piece(s, hash + 1, e - hash - 1);
      if (!seen_reference(ref)) {
        if (!room(out_.references.size(), ref.prefix, "references")) return;
        if (out_.references.empty()) out_.references.reserve(4);  // one allocation, usually
        out_.references.push_back(ref);
        index_reference(out_.references.size() - 1);
      }
      last = e;
      hash = e - 1;
    }
  }

  // References are deduplicated as they are found (the first of each
  // case-insensitive (action, raw) pair is kept, as dedupe_references does
  // after), so the max_items limit counts distinct references.
  static std::uint64_t reference_hash(const commits::reference& r) noexcept {
    std::uint64_t h = 1469598103934665603ull ^ (r.action.empty() ? 0u : 1u);
    for (char ch : r.action) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
    h = (h ^ 0xffu) * 1099511628211ull;
    for (char ch : r.raw) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
    return h;
  }
  static bool same_reference(const commits::reference& a, const commits::reference& b) noexcept {
    return a.action.empty() == b.action.empty() && iequals(a.action, b.action) &&
           iequals(a.raw, b.raw);
  }
  bool seen_reference(const commits::reference& r) const noexcept {
    if (ref_slots_.empty()) {
      // A few references (nearly every message): compared one by one, no table.
      for (const commits::reference& seen : out_.references) {
        if (same_reference(seen, r)) return true;
      }
      return false;
    }
    const std::size_t mask = ref_slots_.size() - 1;
    for (std::size_t slot = std::size_t{reference_hash(r)} & mask; ref_slots_[slot] != npos;
         slot = (slot + 1) & mask) {
      if (same_reference(out_.references[ref_slots_[slot]], r)) return true;
    }
    return false;
  }
  void index_reference(std::size_t k) {
    static_assert(small_references < 32, "64 slots hold the first 32 references");
    if (ref_slots_.empty()) {
      if (k < small_references) return;
      rebuild_reference_slots(64, k);  // the size a table built from the first would have
    } else if ((k + 1) * 2 > ref_slots_.size()) {
      std::size_t capacity = 64;
      while (capacity < (k + 1) * 4) capacity *= 2;
      rebuild_reference_slots(capacity, k);
    }
    index_reference_at(k);
  }
  void rebuild_reference_slots(std::size_t capacity, std::size_t k) {
    ref_slots_.assign(capacity, npos);
    for (std::size_t i = 0; i < k; ++i) index_reference_at(i);
  }
  void index_reference_at(std::size_t k) {
    const std::size_t mask = ref_slots_.size() - 1;
    std::size_t slot = std::size_t{reference_hash(out_.references[k])} & mask;
    while (ref_slots_[slot] != npos) slot = (slot + 1) & mask;
    ref_slots_[slot] = k;
  }

  // Drops repeated (action, raw) pairs, case-insensitively, keeping the first.
  void dedupe_references() {
    std::vector<commits::reference>& refs = out_.references;
    if (refs.size() < 2) return;
    auto same = [](const commits::reference& a, const commits::reference& b) {
      return a.action.empty() == b.action.empty() && iequals(a.action, b.action) &&
             iequals(a.raw, b.raw);
    };
    if (refs.size() <= 16) {
      std::size_t kept = 0;
      for (std::size_t i = 0; i < refs.size(); ++i) {
        bool seen = false;
        for (std::size_t j = 0; j < kept && !seen; ++j) seen = same(refs[j], refs[i]);
        if (!seen) refs[kept++] = refs[i];
      }
      refs.resize(kept);
      return;
    }
    // Many references: an open-addressing set of indexes keeps this linear.
    auto hash = [](const commits::reference& r) {
      std::uint64_t h = 1469598103934665603ull ^ (r.action.empty() ? 0u : 1u);
      for (char ch : r.action)
        h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
      h = (h ^ 0xffu) * 1099511628211ull;
      for (char ch : r.raw) h = (h ^ static_cast<unsigned char>(to_lower(ch))) * 1099511628211ull;
      return h;
    };
    std::size_t capacity = 64;
    while (capacity < refs.size() * 2) capacity *= 2;
    std::vector<std::size_t> slots(capacity, npos);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < refs.size(); ++i) {
      std::size_t slot = std::size_t{hash(refs[i])} & (capacity - 1);
      bool seen = false;
      while (slots[slot] != npos) {
        if (same(refs[slots[slot]], refs[i])) {
          seen = true;
          break;
        }
        slot = (slot + 1) & (capacity - 1);
      }
      if (seen) continue;
      refs[kept] = refs[i];
      slots[slot] = kept++;
    }
    refs.resize(kept);
  }

  // /@([\w-]+)/g over the whole message.
  void scan_mentions() {
    for (std::size_t at = find_char(message_, '@'); at != npos;
         at = find_char(message_, '@', at + 1)) {
      std::size_t end = at + 1;
      while (end < message_.size() && is_issue_char(message_[end])) ++end;
      if (end > at + 1) {
        if (!room(out_.mentions.size(), piece(message_, at, 1), "mentions")) return;
        out_.mentions.push_back(piece(message_, at + 1, end - at - 1));
        at = end - 1;
      }
    }
  }

  // /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i over the message
  // (angular: `(\w{7,40})\b` instead of `(\w*)\.`).
  void scan_revert(bool angular) {
    const std::string_view m = message_;
    if (m.empty() || (m[0] | 0x20) != 'r' || !istarts_with_at(m, 0, "revert")) return;
    std::size_t s0 = npos;
    if (const std::size_t n = relkit::detail::js_space_length(m, 6)) {
      s0 = 6 + n;
    } else if (m.size() > 7 && m[6] == ':') {
      if (const std::size_t n2 = relkit::detail::js_space_length(m, 7)) s0 = 7 + n2;
    }
    if (s0 == npos) return;
    if (s0 < m.size() && m[s0] == '"' && find_revert(s0 + 1, angular)) return;
    find_revert(s0, angular);
  }

  bool find_revert(std::size_t s, bool angular) {
    const std::string_view m = message_;
    constexpr std::string_view literal = "this reverts commit ";
    std::size_t run_start = npos;  // start of the \s run that ends at the current position
    for (std::size_t i = s; i < m.size();) {
      if ((m[i] == 't' || m[i] == 'T') && istarts_with_at(m, i, literal)) {
        std::size_t h = i + literal.size();
        std::size_t e = h;
        while (e < m.size() && is_word_char(m[e])) ++e;
        const bool tail = angular ? (e - h >= 7 && e - h <= 40) : (e < m.size() && m[e] == '.');
        if (tail) {
          const std::size_t w = run_start == npos ? i : run_start;
          std::size_t e_min = (w > 0 && m[w - 1] == '"') ? w - 1 : w;
          if (e_min < s + 1) e_min = s + 1;
          if (e_min <= i) {
            out_.revert = commits::reverted_commit{piece(m, s, e_min - s), piece(m, h, e - h)};
            return true;
          }
        }
      }
      if (const std::size_t n = relkit::detail::js_space_length(m, i)) {
        if (run_start == npos) run_start = i;
        i += n;
      } else {
        run_start = npos;
        ++i;
      }
    }
    return false;
  }

  // appendLine semantics: `first` (when present) and lines [begin, end) joined by '\n',
  // leading empty pieces dropped, then \r/\n trimmed at both ends. A view into the message
  // when the pieces are contiguous there with single '\n' separators, else owned text.
  std::string_view join(std::string_view first, bool has_first, std::size_t begin,
                        std::size_t end) {
    std::string_view start_piece;
    std::size_t from = begin;
    if (has_first && !first.empty()) {
      start_piece = first;
    } else {
      while (from < end && lines_[from].empty()) ++from;
      if (from == end) return {};
      start_piece = lines_[from++];
    }
    const char* stop = start_piece.data() + start_piece.size();
    bool contiguous = true;
    for (std::size_t k = from; k < end && contiguous; ++k) {
      contiguous = lines_[k].data() == stop + 1 && *stop == '\n';
      stop = lines_[k].data() + lines_[k].size();
    }
    if (contiguous) {
      return trim_newlines(std::string_view(start_piece.data(),
                                            static_cast<std::size_t>(stop - start_piece.data())));
    }
    std::string& store = storage();
    const std::size_t at = store.size();
    store.append(start_piece);
    for (std::size_t k = from; k < end; ++k) {
      store += '\n';
      store.append(lines_[k]);
    }
    return trim_newlines(std::string_view(store).substr(at));
  }

  std::string& storage() {
    if (!owned_) {
      owned_ = std::make_shared<std::string>();
      owned_->reserve(3 * message_.size() + 16);  // never reallocates: views stay valid
    }
    return *owned_;
  }

  void finish() {
    if (owned_) out_.owned_text = owned_;
  }

  // Whether a list of `size` items may take one more (the one at `where`, a
  // view into the message); the first refusal is recorded.
  bool room(std::size_t size, std::string_view where, const char* what) noexcept {
    if (size < max_items_) return true;
    if (too_many_at_ == npos) {
      const bool inside =
          where.data() >= message_.data() && where.data() <= message_.data() + message_.size();
      too_many_at_ = inside ? static_cast<std::size_t>(where.data() - message_.data()) : 0;
      too_many_what_ = what;
    }
    return false;
  }

  std::string_view message_;
  commits::commit& out_;
  commits::dialect grammar_ = commits::dialect::spec;
  bool meta_fields_ = true;
  line_buffer lines_;
  std::size_t next_ = 0;
  std::size_t body_begin_ = npos;
  std::size_t body_end_ = npos;
  std::size_t footer_begin_ = npos;
  std::size_t footer_end_ = npos;
  std::vector<pending_note> pending_notes_;
  std::shared_ptr<std::string> owned_;
  std::size_t max_items_ = std::size_t(-1);
  std::vector<std::size_t> ref_slots_;  // open addressing over out_.references
  std::size_t too_many_at_ = npos;
  const char* too_many_what_ = "";
  bool terminators_ = true;        // see has_inner_line_terminator
  std::uint32_t token_known_ = 0;  // token_end_of: the lines whose token_end_ is known
  unsigned char token_end_[32];
  std::size_t hash_from_ = npos;  // holds_hash: message_.find('#', hash_from_) == hash_at_
  std::size_t hash_at_ = npos;
};

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
