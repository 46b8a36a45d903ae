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
#include "relkit/commits/detail/footer_grammar.hpp"
#include "relkit/commits/detail/git_cliff.hpp"
#include "relkit/commits/detail/header_grammar.hpp"
#include "relkit/commits/detail/references.hpp"
#include "relkit/commits/detail/scan.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

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
      breaking_header =
          match_compatible_header(lines_[0], offset_of(lines_[0]), grammar_, terminators_, out_);
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
    dedupe_references(out_.references);
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
    match_spec_header(header, offset_of(header), out_);
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
    dedupe_references(out_.references);
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
    dedupe_references(out_.references);
    finish();
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
    mark_not_conventional(out_, reason, position);
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

  bool parse_meta() {
    if (!meta_fields_ || next_ >= lines_.size() || !is_field_line(lines_[next_])) return false;
    // Everything from here on goes to meta fields, never to body, footer or notes.
    const bool content = next_ + 1 < lines_.size();
    next_ = lines_.size();
    return content;
  }

  bool parse_notes() {
    if (next_ >= lines_.size()) return false;
    std::string_view title;
    std::string_view text;
    if (!may_be_note(lines_[next_]) || !match_note(lines_[next_], grammar_, title, text)) {
      return false;
    }
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
        if (may_be_note(lines_[next_]) && match_note(lines_[next_], grammar_, title, text)) {
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
  // Every reference holds a '#': a line without one (most lines) has none, whatever its
  // actions, and is decided here, in line, without a call.
  void scan_references(std::string_view s, bool footer_mode) {
    if (holds_hash(s)) scan_hashed_line(s, footer_mode);
  }

  // scan_references for a line holding a '#'.
  void scan_hashed_line(std::string_view s, bool footer_mode) {
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
    // The line holding `s` was given to holds_hash: hash_at_ is its first '#'.
    const std::size_t begin = offset_of(s);
    const std::size_t first_hash = hash_at_ < begin
                                       ? find_char(s, '#')
                                       : (hash_at_ - begin < s.size() ? hash_at_ - begin : npos);
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

  // /@([\w-]+)/g over the whole message.
  void scan_mentions() {
    for (std::size_t at = find_char(message_, '@'); at != npos;
         at = find_char(message_, '@', at + 1)) {
      std::size_t end = at + 1;
      while (end < message_.size() && is_issue_char(message_[end])) ++end;
      if (end > at + 1) {
        if (!room(out_.mentions.size(), piece(message_, at, 1), "mentions")) return;
        if (out_.mentions.empty()) out_.mentions.reserve(4);  // one allocation, usually
        out_.mentions.push_back(piece(message_, at + 1, end - at - 1));
        at = end - 1;
      }
    }
  }

  // /^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit (\w*)\./i over the message
  // (angular: `(\w{7,40})\b` instead of `(\w*)\.`).
  void scan_revert(bool angular) {
    if (!message_.empty() && (message_[0] | 0x20) == 'r') scan_revert_from_r(angular);
  }

  // scan_revert for a message starting with 'r' or 'R'.
  void scan_revert_from_r(bool angular) {
    const std::string_view m = message_;
    if (!istarts_with_at(m, 0, "revert")) return;
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
