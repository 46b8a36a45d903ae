#pragma once
// How release-please 17.11 reads commit messages (internal): splitMessages (BEGIN_NESTED_COMMIT
// blocks and the split before a blank line and a conventional header), the grammar of
// @conventional-commits/parser 0.4.1 (summary, body, footers; a scope left open throws), and
// toConventionalChangelogFormat (BREAKING CHANGE notes, every footer with a word token read
// as one more commit, BREAKING-CHANGE: in the body). Everything here is a port of those
// functions; the names say which.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

inline constexpr std::size_t rp_npos = std::string_view::npos;

// The parser's <whitespace>: U+FEFF, TAB, VT, FF, SP, U+00A0; the byte length at `i`.
[[nodiscard]] constexpr std::size_t rp_space(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '\t' || c == '\v' || c == '\f' || c == ' ') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  return s.substr(i, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}
[[nodiscard]] constexpr bool rp_newline(std::string_view s, std::size_t i) noexcept {
  return i < s.size() && (s[i] == '\r' || s[i] == '\n');
}
[[nodiscard]] constexpr std::size_t rp_skip_spaces(std::string_view s, std::size_t i) noexcept {
  for (std::size_t n = rp_space(s, i); n != 0; n = rp_space(s, i)) i += n;
  return i;
}
[[nodiscard]] constexpr std::size_t rp_skip_newlines(std::string_view s, std::size_t i) noexcept {
  while (rp_newline(s, i)) ++i;
  return i;
}
// <type>: any bytes but a newline, a parenthesis, <whitespace>, '!' or ':'; its end.
[[nodiscard]] constexpr std::size_t rp_type_end(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && s[i] != '(' && s[i] != ')' && s[i] != '!' && s[i] != ':' &&
         !rp_newline(s, i) && rp_space(s, i) == 0) {
    ++i;
  }
  return i;
}
// <breaking-change> at `i`: "!" (when allowed), "BREAKING CHANGE" or "BREAKING-CHANGE".
[[nodiscard]] constexpr std::size_t rp_breaking(std::string_view s, std::size_t i,
                                                bool allow_bang) noexcept {
  if (allow_bang && i < s.size() && s[i] == '!') return 1;
  const std::string_view at = s.substr(i < s.size() ? i : s.size(), 15);
  return at == "BREAKING CHANGE" || at == "BREAKING-CHANGE" ? 15 : 0;
}

enum class rp_status : std::uint8_t { ok, fail, thrown };

struct rp_footer {
  std::size_t begin = 0;
  std::string_view type;      // empty: the token is a <breaking-change>
  std::string_view scope;     // "" when absent
  std::string_view breaking;  // the token's <breaking-change>: "!", "BREAKING CHANGE", ...
  std::string_view separator;
  // The value's text and newline nodes in order (the whitespace nodes are not kept).
  std::vector<std::pair<std::string_view, bool>> nodes;  // (value, is_newline)
};

struct rp_message {
  std::string_view type;
  std::string_view scope;
  bool summary_breaking = false;  // `!` (or a BREAKING CHANGE literal) in the summary
  std::string_view subject;
  std::size_t body_begin = rp_npos;
  std::size_t body_end = rp_npos;
  // The body's text and newline nodes, and the index of the first node after the first
  // BREAKING CHANGE marker of the body (npos: no marker).
  std::vector<std::string_view> body_nodes;
  std::size_t body_marker = rp_npos;
  std::vector<rp_footer> footers;
  std::string_view error;  // why the parser threw
  std::size_t error_at = 0;
  // At most this many footers are read (parse_options::max_items); the offset
  // of the first one beyond, or npos.
  std::size_t max_footers = rp_npos;
  std::size_t too_many_at = rp_npos;
};

// @conventional-commits/parser's `message`, over the trimmed text `t`.
class rp_parser {
 public:
  explicit rp_parser(std::string_view t) : t_(t), chain_(t.size() + 1, unknown) {}

  rp_status parse(rp_message& m) {
    std::size_t p = 0;
    const rp_status s = summary(p, m);
    if (s != rp_status::ok) {
      if (s == rp_status::fail) throw_at(m, "expected 'type: description'", p);
      return rp_status::thrown;
    }
    if (p >= t_.size()) return rp_status::ok;
    p = rp_skip_newlines(t_, p);
    std::size_t body_stop = p;
    const rp_status b = body(p, body_stop, m);
    if (b == rp_status::thrown) return b;
    if (b == rp_status::ok) {
      m.body_begin = p;
      m.body_end = body_stop;
      p = body_stop;
      if (p >= t_.size()) return rp_status::ok;
      if (!rp_newline(t_, p)) {
        throw_at(m, "expected a newline after the body", p);
        return rp_status::thrown;
      }
      p = rp_skip_newlines(t_, p);
    }
    while (p < t_.size()) {
      rp_footer f;
      std::size_t end = p;
      const rp_status fs = footer(p, end, &f, m);
      if (fs == rp_status::thrown) return fs;
      if (fs == rp_status::fail) break;
      if (m.footers.size() >= m.max_footers) {
        m.too_many_at = p;
        break;
      }
      m.footers.push_back(std::move(f));
      if (!rp_newline(t_, end)) break;
      p = rp_skip_newlines(t_, end);
    }
    return rp_status::ok;
  }

 private:
  static constexpr std::int8_t unknown = -1;

  void throw_at(rp_message& m, std::string_view why, std::size_t at) const {
    m.error = why;
    m.error_at = at;
  }

  // <summary>: type, (scope), !, separator, whitespace, text.
  rp_status summary(std::size_t& p, rp_message& m) {
    std::size_t i = rp_type_end(t_, p);
    if (i == p) return rp_status::fail;
    m.type = t_.substr(p, i - p);
    if (i < t_.size() && t_[i] == '(') {
      std::size_t j = i + 1;
      while (j < t_.size() && t_[j] != '(' && t_[j] != ')' && !rp_newline(t_, j)) ++j;
      if (j >= t_.size() || t_[j] != ')') {
        throw_at(m, "a scope's parenthesis is not closed", j);
        return rp_status::thrown;
      }
      if (j == i + 1) {
        p = i + 1;
        return rp_status::fail;  // `()`: the parser rewinds into the parentheses
      }
      m.scope = t_.substr(i + 1, j - i - 1);
      i = j + 1;
    }
    if (const std::size_t b = rp_breaking(t_, i, true)) {
      m.summary_breaking = true;
      i += b;
    }
    if (i < t_.size() && t_[i] == ':') {
      ++i;
    } else if (t_.substr(i, 2) == " #") {
      i += 2;
    } else {
      p = i;
      return rp_status::fail;
    }
    i = rp_skip_spaces(t_, i);
    std::size_t e = i;
    while (e < t_.size() && !rp_newline(t_, e)) ++e;
    m.subject = t_.substr(i, e - i);
    p = e;
    return rp_status::ok;
  }

  // <footer> at `p`: token, separator, whitespace, value (text, continuations); `end` after
  // it. `f` may be null (a look-ahead of preFooter).
  rp_status footer(std::size_t p, std::size_t& end, rp_footer* f, rp_message& m) {
    std::size_t i = p;
    std::string_view type;
    std::string_view scope;
    std::string_view breaking;
    if (const std::size_t b = rp_breaking(t_, i, true)) {
      breaking = t_.substr(i, b);
      i += b;
    } else {
      const std::size_t e = rp_type_end(t_, i);
      if (e == i) return rp_status::fail;
      type = t_.substr(i, e - i);
      i = e;
      if (i < t_.size() && t_[i] == '(') {
        std::size_t j = i + 1;
        while (j < t_.size() && t_[j] != '(' && t_[j] != ')' && !rp_newline(t_, j)) ++j;
        if (j >= t_.size() || t_[j] != ')') {
          throw_at(m, "a footer token's parenthesis is not closed", j);
          return rp_status::thrown;
        }
        if (j == i + 1) return rp_status::fail;  // `()`: no separator can follow
        scope = t_.substr(i + 1, j - i - 1);
        i = j + 1;
      }
      if (const std::size_t bang = rp_breaking(t_, i, true)) {
        breaking = t_.substr(i, bang);
        i += bang;
      }
    }
    std::string_view separator;
    if (i < t_.size() && t_[i] == ':') {
      separator = t_.substr(i, 1);
    } else if (t_.substr(i, 2) == " #") {
      separator = t_.substr(i, 2);
    } else {
      return rp_status::fail;
    }
    i = rp_skip_spaces(t_, i + separator.size());
    std::size_t e = i;
    while (e < t_.size() && !rp_newline(t_, e)) ++e;
    if (f != nullptr) {
      f->begin = p;
      f->type = type;
      f->scope = scope;
      f->breaking = breaking;
      f->separator = separator;
      f->nodes.emplace_back(t_.substr(i, e - i), false);
    }
    // <continuation>: newline(s), whitespace (at least one), text.
    while (rp_newline(t_, e)) {
      const std::size_t n = rp_skip_newlines(t_, e);
      const std::size_t w = rp_skip_spaces(t_, n);
      if (w == n) break;
      std::size_t x = w;
      while (x < t_.size() && !rp_newline(t_, x)) ++x;
      if (f != nullptr) {
        f->nodes.emplace_back(t_.substr(e, n - e), true);
        f->nodes.emplace_back(t_.substr(w, x - w), false);
      }
      e = x;
    }
    end = e;
    return rp_status::ok;
  }

  // preFooter at `p`: newline*, footer, until the end of the text (each start's answer is
  // kept: body asks at every line, the chain is walked once).
  rp_status pre_footer(std::size_t p, rp_message& m) {
    std::vector<std::size_t> walked;
    rp_status result = rp_status::ok;
    while (p < t_.size()) {
      if (chain_[p] != unknown) {
        result = static_cast<rp_status>(chain_[p]);
        break;
      }
      walked.push_back(p);
      std::size_t end = p;
      const rp_status s = footer(rp_skip_newlines(t_, p), end, nullptr, m);
      if (s != rp_status::ok) {
        result = s;
        break;
      }
      p = end;
    }
    for (std::size_t at : walked) chain_[at] = static_cast<std::int8_t>(result);
    return result;
  }

  // <body>: lines until the rest is all footers; `stop` after its last text.
  rp_status body(std::size_t p, std::size_t& stop, rp_message& m) {
    bool first = true;
    while (true) {
      const rp_status pf = pre_footer(p, m);
      if (pf == rp_status::thrown) return pf;
      if (pf == rp_status::ok) return first ? rp_status::fail : rp_status::ok;
      first = false;
      std::size_t i = p;
      if (const std::size_t b = rp_breaking(t_, i, false)) {
        i += b;  // consumed even when no ':' follows (the parser does not give it back)
        if (i < t_.size() && t_[i] == ':') {
          if (m.body_marker == rp_npos) m.body_marker = m.body_nodes.size();
          i = rp_skip_spaces(t_, i + 1);
        }
      }
      std::size_t e = i;
      while (e < t_.size() && !rp_newline(t_, e)) ++e;
      m.body_nodes.push_back(t_.substr(i, e - i));
      stop = e;
      if (e >= t_.size()) return rp_status::ok;
      const std::size_t next = rp_skip_newlines(t_, e);
      // The next line continues the body unless the rest from it is all footers.
      const rp_status ahead = next < t_.size() ? pre_footer(next, m) : rp_status::ok;
      if (ahead == rp_status::thrown) return ahead;
      if (ahead == rp_status::ok) return rp_status::ok;
      m.body_nodes.push_back(t_.substr(e, next - e));
      p = next;
    }
  }

  std::string_view t_;
  std::vector<std::int8_t> chain_;
};

// `/BREAKING-CHANGE:\s*(.*)/` on a body text: the captured text (empty: no match, or empty).
[[nodiscard]] inline std::string_view rp_breaking_dash(std::string_view body) {
  const std::size_t at = body.find("BREAKING-CHANGE:");
  if (at == rp_npos) return {};
  const std::size_t from = relkit::detail::skip_js_spaces(body, at + 16);
  return body.substr(from, relkit::detail::find_js_line_terminator(body, from) - from);
}

// Footer commits inside footer commits, at most (each level re-reads a footer's own text;
// real messages nest one level, the bound keeps a crafted one linear).
inline constexpr int rp_max_depth = 8;

// toConventionalChangelogFormat(parser(text)) and postProcessCommits' BREAKING-CHANGE rule:
// the footer commits first, the message's own last, appended to `out`. False when the
// parser throws; `failure` (when given) then holds the reason and its offset in `text`.
// `nested` false: the footer commits are not read (parse() keeps only the
// message's own). More than max_footers footers: false, with *too_many_at the
// offset in `text` of the first one beyond.
inline bool rp_read(std::string_view text, const std::shared_ptr<const std::string>& owner,
                    int depth, std::vector<commit>& out, commit* failure, bool nested = true,
                    std::size_t max_footers = rp_npos, std::size_t* too_many_at = nullptr) {
  const std::string_view t = relkit::detail::js_trim(text);
  rp_message m;
  m.max_footers = max_footers;
  const rp_status parsed = rp_parser(t).parse(m);
  if (m.too_many_at != rp_npos) {
    if (too_many_at != nullptr) {
      *too_many_at = static_cast<std::size_t>(t.data() - text.data()) + m.too_many_at;
    }
    return false;
  }
  if (parsed != rp_status::ok) {
    if (failure != nullptr) {
      failure->conventional = false;
      failure->reason = m.error;
      failure->reason_position = static_cast<std::size_t>(t.data() - text.data()) + m.error_at;
    }
    return false;
  }
  commit head;
  head.conventional = true;
  head.header = t.substr(0, t.find_first_of("\r\n"));
  head.type = m.type;
  head.scope = m.scope;
  head.exclamation = m.summary_breaking;
  head.description = m.subject;
  head.owned_text = owner;
  if (m.body_begin != rp_npos) head.body = t.substr(m.body_begin, m.body_end - m.body_begin);
  if (!m.footers.empty()) head.footer = t.substr(m.footers.front().begin);
  // The BREAKING CHANGE note's text, in document order (summary, body, footers): the last
  // one set wins, and an empty text is no note.
  std::string_view note;
  if (m.summary_breaking) note = m.subject;
  if (m.body_marker != rp_npos) {
    note = {};
    const std::string_view last = m.body_nodes.back();
    for (std::size_t k = m.body_marker; k < m.body_nodes.size(); ++k) {
      if (m.body_nodes[k].empty()) continue;
      const char* from = m.body_nodes[k].data();
      note = std::string_view(from, static_cast<std::size_t>(last.data() + last.size() - from));
      break;
    }
  }
  for (const rp_footer& f : m.footers) {
    if (f.breaking.find("BREAKING") != rp_npos) note = f.nodes.back().first;
  }
  if (!note.empty()) head.notes.push_back(commits::note{"BREAKING CHANGE", note});
  if (head.notes.empty() && !m.body_nodes.empty()) {
    std::string body_text;  // the body string the parser builds: text and newline nodes
    for (std::string_view node : m.body_nodes) body_text.append(node);
    const std::string_view dash = rp_breaking_dash(body_text);
    if (!dash.empty()) {
      const std::size_t at = head.body->find(dash);
      head.notes.push_back(
          commits::note{"BREAKING CHANGE",
                        at == rp_npos ? std::string_view() : head.body->substr(at, dash.size())});
    }
  }
  head.breaking = !head.notes.empty();
  // Every footer whose token is a word is read again as `type(scope)!: value` (whitespace
  // nodes left out, a " #" separator dropped): one more commit when that parses.
  if (nested && depth < rp_max_depth) {
    for (const rp_footer& f : m.footers) {
      if (f.type.empty()) continue;
      auto footer_text = std::make_shared<std::string>(f.type);
      if (!f.scope.empty()) {
        *footer_text += '(';
        *footer_text += f.scope;
        *footer_text += ')';
      }
      *footer_text += f.breaking;
      if (f.separator.find('#') == rp_npos) {
        *footer_text += f.separator;
        *footer_text += ' ';
      }
      for (const auto& node : f.nodes) *footer_text += node.first;
      rp_read(*footer_text, footer_text, depth + 1, out, nullptr);
    }
  }
  out.push_back(std::move(head));
  return true;
}

// The end of splitMessages' separator /\r?\n\r?\n(?=(?:feat|fix|docs|style|refactor|perf|test|
// build|ci|chore|revert)(?:\(.*?\))?: )/ when one starts at `i`, else npos.
[[nodiscard]] inline std::size_t rp_split_at(std::string_view s, std::size_t i) {
  for (int k = 0; k < 2; ++k) {
    if (i < s.size() && s[i] == '\r') ++i;
    if (i >= s.size() || s[i] != '\n') return rp_npos;
    ++i;
  }
  static constexpr std::string_view types[] = {"feat", "fix",   "docs", "style", "refactor", "perf",
                                               "test", "build", "ci",   "chore", "revert"};
  for (const std::string_view type : types) {
    if (s.substr(i, type.size()) != type) continue;
    const std::size_t j = i + type.size();
    if (j < s.size() && s[j] == '(') {
      // `\(.*?\)` then ": ": the first ')' on the line that ": " follows.
      for (std::size_t q = j + 1; q < s.size(); ++q) {
        if (relkit::detail::js_line_terminator_length(s, q) != 0) break;
        if (s[q] == ')' && s.substr(q + 1, 2) == ": ") return i;
      }
    }
    if (s.substr(j, 2) == ": ") return i;
  }
  return rp_npos;
}

// A text and what keeps it alive (null: a view into the caller's message).
struct rp_part {
  std::string_view text;
  std::shared_ptr<const std::string> owner;
};

// splitMessages: the text outside BEGIN_NESTED_COMMIT ... END_NESTED_COMMIT blocks, split
// before each blank line that a conventional header of one of 11 types follows (empty
// pieces dropped), then each block.
[[nodiscard]] inline std::vector<rp_part> rp_split_messages(std::string_view message) {
  constexpr std::string_view begin = "BEGIN_NESTED_COMMIT";
  constexpr std::string_view end = "END_NESTED_COMMIT";
  std::vector<rp_part> nested;
  rp_part main{message, nullptr};
  std::size_t at = message.find(begin);
  if (at != rp_npos) {
    auto text = std::make_shared<std::string>(message.substr(0, at));
    while (at != rp_npos) {
      const std::size_t from = at + begin.size();
      const std::size_t next = message.find(begin, from);
      const std::string_view part =
          message.substr(from, (next == rp_npos ? message.size() : next) - from);
      const std::size_t close = part.find(end);
      nested.push_back(rp_part{part.substr(0, close), nullptr});
      if (close != rp_npos) text->append(part.substr(close + end.size()));
      at = next;
    }
    main = rp_part{*text, text};
  }
  std::vector<rp_part> parts;
  std::size_t start = 0;
  for (std::size_t i = main.text.find_first_of("\r\n"); i != rp_npos && i < main.text.size();) {
    const std::size_t after = rp_split_at(main.text, i);
    if (after == rp_npos) {
      i = main.text.find_first_of("\r\n", i + 1);
      continue;
    }
    if (i > start) parts.push_back(rp_part{main.text.substr(start, i - start), main.owner});
    start = after;
    i = main.text.find_first_of("\r\n", after);
  }
  if (start < main.text.size()) parts.push_back(rp_part{main.text.substr(start), main.owner});
  parts.insert(parts.end(), nested.begin(), nested.end());
  return parts;
}

// Every commit release-please reads in one message, in its order.
inline void release_please_commits(std::string_view message, std::vector<commit>& out) {
  for (const rp_part& part : rp_split_messages(message)) {
    rp_read(part.text, part.owner, 0, out, nullptr);
  }
}

// parse() for dialect::release_please: the commit of the message's first part, the one its
// header starts (the parser's reason when it throws there).
// The message's own commit (its footer commits are not read). More than
// max_footers footers: the offset of the first one beyond in `message` (else npos).
inline std::size_t parse_release_please(std::string_view message, commit& out,
                                        std::size_t max_footers = rp_npos) {
  const std::vector<rp_part> parts = rp_split_messages(message);
  const std::string_view trimmed = relkit::detail::js_trim(message);
  out.header = trimmed.substr(0, trimmed.find_first_of("\r\n"));
  if (parts.empty()) {
    out.reason = "the header does not start with a type";
    out.reason_position = static_cast<std::size_t>(trimmed.data() - message.data());
    return rp_npos;
  }
  std::vector<commit> read;
  commit failure;
  std::size_t too_many_at = rp_npos;
  if (!rp_read(parts.front().text, parts.front().owner, 0, read, &failure, false, max_footers,
               &too_many_at)) {
    if (too_many_at != rp_npos) {
      return parts.front().owner
                 ? 0
                 : too_many_at +
                       static_cast<std::size_t>(parts.front().text.data() - message.data());
    }
    out.reason = failure.reason;
    // A position in the message when the part is a piece of it (not rebuilt from nesting).
    out.reason_position =
        parts.front().owner
            ? 0
            : failure.reason_position +
                  static_cast<std::size_t>(parts.front().text.data() - message.data());
    return rp_npos;
  }
  const std::string_view header = out.header;
  out = std::move(read.back());
  out.header = header;
  return rp_npos;
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
