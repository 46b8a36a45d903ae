#pragma once
// A small regular-expression matcher for the Unleash REGEX constraint
// operator, with the semantics of Unleash's Rust engine (the `regex` crate):
// no look-around, no backreferences (both make the pattern invalid, so the
// constraint is false), inline flags (?i) (?m) (?s) and (?flags:...).
// Matching is a Pike VM over code points: linear in the text for a given
// pattern, whatever the pattern (no catastrophic backtracking), and the
// answer is only "does it match somewhere".
//
// Deliberate limits (documented in docs/flags.md): \d \w \s \b and case folding
// are ASCII (the regex crate is Unicode-aware there); Unicode classes \p{..}
// and class set operations (&&, --) are rejected as invalid.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/flags/detail/hash.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {
inline constexpr std::size_t max_pattern_bytes = 4096;
inline constexpr std::size_t max_program_size = 20000;
inline constexpr int max_nesting = 64;
inline constexpr std::uint32_t unbounded = 0xFFFFFFFFU;

struct class_range {
  std::uint32_t lo = 0;
  std::uint32_t hi = 0;
};

enum class opcode : std::uint8_t {
  literal,     // a = code point; flag = case-insensitive
  any,         // flag = dot matches '\n'
  char_class,  // a = class index; flag = negated
  split,       // a, b = targets (a preferred)
  jump,        // a = target
  match,
  line_begin,  // flag = multi-line
  line_end,    // flag = multi-line
  text_begin,
  text_end,
  word_boundary,
  not_word_boundary,
};

struct instruction {
  opcode op = opcode::match;
  bool flag = false;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

[[nodiscard]] constexpr std::uint32_t ascii_swap_case(std::uint32_t c) noexcept {
  if (c >= 'a' && c <= 'z') return c - 32U;
  if (c >= 'A' && c <= 'Z') return c + 32U;
  return c;
}
[[nodiscard]] constexpr bool is_word_char(std::uint32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Code points of UTF-8 text; malformed bytes read as U+FFFD.
[[nodiscard]] inline std::uint32_t decode_at(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80U) {
    ++i;
    return b0;
  }
  std::size_t len = b0 >= 0xF0U ? 4 : (b0 >= 0xE0U ? 3 : (b0 >= 0xC0U ? 2 : 1));
  if (len == 1 || i + len > s.size()) {
    ++i;
    return 0xFFFDU;
  }
  std::uint32_t cp = b0 & (0x7FU >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) {
      ++i;
      return 0xFFFDU;
    }
    cp = (cp << 6U) | (b & 0x3FU);
  }
  i += len;
  return cp;
}

// A template only so that including this header costs nothing until used.
template <class Unused = void>
class basic_regex {
 public:
  basic_regex() = default;

  // Compiles `pattern`; valid() is false for anything the engine rejects.
  [[nodiscard]] static basic_regex compile(std::string_view pattern, bool case_insensitive) {
    basic_regex r;
    if (pattern.size() > max_pattern_bytes) return r;
    compiler c(pattern, r);
    c.flags.case_insensitive = case_insensitive;
    r.valid_ = c.run();
    if (!r.valid_) {
      r.code_.clear();
      r.classes_.clear();
    }
    return r;
  }

  [[nodiscard]] bool valid() const noexcept { return valid_; }

  // Whether the pattern matches anywhere in `text`.
  [[nodiscard]] bool search(std::string_view text) const {
    if (!valid_) return false;
    const std::size_t n = code_.size();
    thread_list current(n), next(n);
    std::vector<std::uint32_t> stack;
    stack.reserve(n);
    std::uint32_t prev = 0xFFFFFFFFU;  // no character before the start
    std::size_t pos = 0;
    while (true) {
      std::uint32_t cur = 0xFFFFFFFFU;
      std::size_t after = pos;
      if (pos < text.size()) cur = decode_at(text, after);
      // Unanchored: a new thread starts at every position.
      if (add_thread(current, stack, 0, prev, cur)) return true;
      if (pos >= text.size()) return false;
      next.clear();
      for (std::size_t k = 0; k < current.size; ++k) {
        const instruction& in = code_[current.dense[k]];
        bool advances = false;
        switch (in.op) {
          case opcode::literal:
            advances = cur == in.a || (in.flag && ascii_swap_case(cur) == in.a);
            break;
          case opcode::any:
            advances = in.flag || cur != '\n';
            break;
          case opcode::char_class:
            advances = class_matches(in, cur);
            break;
          default:
            break;
        }
        if (advances) {
          std::size_t peek = after;
          const std::uint32_t following = after < text.size() ? decode_at(text, peek) : 0xFFFFFFFFU;
          if (add_thread(next, stack, current.dense[k] + 1, cur, following)) return true;
        }
      }
      std::swap(current, next);
      prev = cur;
      pos = after;
    }
  }

 private:
  struct thread_list {
    std::vector<std::uint32_t> dense, sparse;
    std::size_t size = 0;
    explicit thread_list(std::size_t n) : dense(n), sparse(n) {}
    [[nodiscard]] bool contains(std::uint32_t pc) const noexcept {
      const std::uint32_t slot = sparse[pc];
      return slot < size && dense[slot] == pc;
    }
    void insert(std::uint32_t pc) noexcept {
      sparse[pc] = static_cast<std::uint32_t>(size);
      dense[size++] = pc;
    }
    void clear() noexcept { size = 0; }
  };

  [[nodiscard]] bool class_matches(const instruction& in, std::uint32_t cp) const noexcept {
    const auto& ranges = classes_[in.a];
    bool hit = false;
    for (const auto& r : ranges) {
      if (cp >= r.lo && cp <= r.hi) {
        hit = true;
        break;
      }
    }
    return hit != in.flag;
  }

  // Follows jumps, splits and assertions from `pc` at the position between
  // `prev` and `cur`; true if a match instruction is reached.
  [[nodiscard]] bool add_thread(thread_list& list, std::vector<std::uint32_t>& stack,
                                std::uint32_t start, std::uint32_t prev, std::uint32_t cur) const {
    stack.clear();
    stack.push_back(start);
    while (!stack.empty()) {
      const std::uint32_t pc = stack.back();
      stack.pop_back();
      if (list.contains(pc)) continue;
      list.insert(pc);
      const instruction& in = code_[pc];
      bool pass = true;
      switch (in.op) {
        case opcode::match:
          return true;
        case opcode::jump:
          stack.push_back(in.a);
          continue;
        case opcode::split:
          stack.push_back(in.b);
          stack.push_back(in.a);
          continue;
        case opcode::line_begin:
          pass = prev == 0xFFFFFFFFU || (in.flag && prev == '\n');
          break;
        case opcode::line_end:
          pass = cur == 0xFFFFFFFFU || (in.flag && cur == '\n');
          break;
        case opcode::text_begin:
          pass = prev == 0xFFFFFFFFU;
          break;
        case opcode::text_end:
          pass = cur == 0xFFFFFFFFU;
          break;
        case opcode::word_boundary:
        case opcode::not_word_boundary: {
          const bool boundary = is_word_char(prev) != is_word_char(cur);
          pass = boundary == (in.op == opcode::word_boundary);
          break;
        }
        default:
          continue;  // consuming instruction: stays in the list
      }
      if (pass) stack.push_back(pc + 1);
    }
    return false;
  }

  struct flag_set {
    bool case_insensitive = false;
    bool multi_line = false;
    bool dot_all = false;
  };

  // Parser to an AST, then code generation (both bounded by max_nesting).
  class compiler {
   public:
    compiler(std::string_view pattern, basic_regex& out) : p_(pattern), out_(out) {}
    flag_set flags;

    [[nodiscard]] bool run() {
      int root = -1;
      if (!parse_alternation(root, 0, flags)) return false;
      if (i_ != p_.size()) return false;  // unbalanced ')'
      if (!emit(root, 0)) return false;
      out_.code_.push_back(instruction{opcode::match, false, 0, 0});
      return out_.code_.size() <= max_program_size;
    }

   private:
    enum class kind : std::uint8_t { empty, instr, concat, alternation, repeat };
    struct node {
      kind type = kind::empty;
      instruction leaf;  // for instr
      std::vector<int> children;
      std::uint32_t min = 0, max = 0;
    };

    [[nodiscard]] int add(node n) {
      nodes_.push_back(std::move(n));
      return static_cast<int>(nodes_.size() - 1);
    }
    [[nodiscard]] int leaf(opcode op, bool flag, std::uint32_t a = 0) {
      node n;
      n.type = kind::instr;
      n.leaf = instruction{op, flag, a, 0};
      return add(std::move(n));
    }
    [[nodiscard]] bool at_end() const noexcept { return i_ >= p_.size(); }
    [[nodiscard]] char peek() const noexcept { return p_[i_]; }

    [[nodiscard]] bool parse_alternation(int& out, int depth, flag_set& fl) {
      if (depth > max_nesting) return false;
      node alt;
      alt.type = kind::alternation;
      while (true) {
        int branch = -1;
        if (!parse_concat(branch, depth, fl)) return false;
        alt.children.push_back(branch);
        if (!at_end() && peek() == '|') {
          ++i_;
          continue;
        }
        break;
      }
      out = alt.children.size() == 1 ? alt.children[0] : add(std::move(alt));
      return true;
    }

    [[nodiscard]] bool parse_concat(int& out, int depth, flag_set& fl) {
      node seq;
      seq.type = kind::concat;
      while (!at_end() && peek() != '|' && peek() != ')') {
        int atom = -1;
        bool is_flag_group = false;
        if (!parse_atom(atom, depth, fl, is_flag_group)) return false;
        if (is_flag_group) continue;  // (?i): changes flags, matches nothing
        if (!parse_quantifiers(atom)) return false;
        seq.children.push_back(atom);
      }
      out = add(std::move(seq));
      return true;
    }

    // A repetition count, at most 1000.
    [[nodiscard]] bool read_count(std::uint32_t& value) {
      const relkit::detail::uint_parse count = relkit::detail::parse_uint_prefix(p_, i_, 1000);
      if (count.status != relkit::detail::number_status::ok) return false;
      i_ = count.end;
      value = static_cast<std::uint32_t>(count.value);
      return true;
    }

    [[nodiscard]] bool parse_quantifiers(int& atom) {
      if (at_end()) return true;
      std::uint32_t min = 0, max = 0;
      const char c = peek();
      if (c == '*') {
        min = 0;
        max = unbounded;
        ++i_;
      } else if (c == '+') {
        min = 1;
        max = unbounded;
        ++i_;
      } else if (c == '?') {
        min = 0;
        max = 1;
        ++i_;
      } else if (c == '{') {
        ++i_;
        if (!read_count(min)) return false;
        max = min;
        if (!at_end() && peek() == ',') {
          ++i_;
          max = unbounded;
          if (!at_end() && peek() != '}' && !read_count(max)) return false;
        }
        if (at_end() || peek() != '}' || max < min) return false;
        ++i_;
      } else {
        return true;
      }
      if (!at_end() && peek() == '?') ++i_;  // lazy: same answer to "does it match"
      if (nodes_[static_cast<std::size_t>(atom)].type == kind::instr) {
        const opcode op = nodes_[static_cast<std::size_t>(atom)].leaf.op;
        if (op != opcode::literal && op != opcode::any && op != opcode::char_class) return false;
      }
      node rep;
      rep.type = kind::repeat;
      rep.children.push_back(atom);
      rep.min = min;
      rep.max = max;
      atom = add(std::move(rep));
      // A second quantifier directly after is an error in the regex crate.
      return at_end() || (peek() != '*' && peek() != '+' && peek() != '?' && peek() != '{');
    }

    [[nodiscard]] bool parse_flags(flag_set& fl, bool& scoped) {
      bool negate = false;
      while (!at_end()) {
        const char c = peek();
        ++i_;
        if (c == ')') {
          scoped = false;
          return true;
        }
        if (c == ':') {
          scoped = true;
          return true;
        }
        if (c == '-') {
          negate = true;
        } else if (c == 'i') {
          fl.case_insensitive = !negate;
        } else if (c == 'm') {
          fl.multi_line = !negate;
        } else if (c == 's') {
          fl.dot_all = !negate;
        } else if (c == 'U' || c == 'u' || c == 'x' || c == 'R') {
          if (c == 'x') return false;  // verbose mode is not supported
        } else {
          return false;
        }
      }
      return false;
    }

    [[nodiscard]] bool parse_atom(int& out, int depth, flag_set& fl, bool& is_flag_group) {
      const char c = peek();
      if (c == '(') {
        ++i_;
        flag_set inner = fl;
        if (!at_end() && peek() == '?') {
          ++i_;
          if (at_end()) return false;
          const char k = peek();
          if (k == '=' || k == '!' || k == '<') {
            // Look-around is rejected; named groups (?<name>...) are fine.
            if (k == '<' && i_ + 1 < p_.size() && p_[i_ + 1] != '=' && p_[i_ + 1] != '!') {
              if (!skip_group_name('>')) return false;
            } else {
              return false;
            }
          } else if (k == 'P') {
            ++i_;
            if (at_end() || peek() != '<' || !skip_group_name('>')) return false;
          } else if (k == ':') {
            ++i_;
          } else {
            bool scoped = false;
            if (!parse_flags(inner, scoped)) return false;
            if (!scoped) {
              fl = inner;  // applies to the rest of the enclosing group
              is_flag_group = true;
              return true;
            }
          }
        }
        if (!parse_alternation(out, depth + 1, inner)) return false;
        if (at_end() || peek() != ')') return false;
        ++i_;
        return true;
      }
      if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{') return false;
      ++i_;
      if (c == '.') {
        out = leaf(opcode::any, fl.dot_all);
        return true;
      }
      if (c == '^') {
        out = leaf(opcode::line_begin, fl.multi_line);
        return true;
      }
      if (c == '$') {
        out = leaf(opcode::line_end, fl.multi_line);
        return true;
      }
      if (c == '[') return parse_class(out, fl);
      if (c == '\\') return parse_escape(out, fl);
      --i_;
      const std::uint32_t cp = decode_at(p_, i_);
      out = literal(cp, fl);
      return true;
    }

    [[nodiscard]] bool skip_group_name(char close) {
      ++i_;  // '<'
      const std::size_t start = i_;
      while (!at_end() && peek() != close) ++i_;
      if (at_end() || i_ == start) return false;
      ++i_;
      return true;
    }

    [[nodiscard]] int literal(std::uint32_t cp, const flag_set& fl) {
      const bool fold = fl.case_insensitive && ascii_swap_case(cp) != cp;
      return leaf(opcode::literal, fold, cp);
    }

    [[nodiscard]] int class_node(std::vector<class_range> ranges, bool negated,
                                 const flag_set& fl) {
      if (fl.case_insensitive) {
        const std::size_t n = ranges.size();
        for (std::size_t k = 0; k < n; ++k) {
          const class_range r = ranges[k];
          for (std::uint32_t ch = r.lo; ch <= r.hi && ch < 128U; ++ch) {
            const std::uint32_t other = ascii_swap_case(ch);
            if (other != ch) ranges.push_back(class_range{other, other});
          }
        }
      }
      out_.classes_.push_back(std::move(ranges));
      return leaf(opcode::char_class, negated,
                  static_cast<std::uint32_t>(out_.classes_.size() - 1));
    }

    // Perl classes \d \w \s (ASCII); false if `c` is none.
    [[nodiscard]] static bool perl_class(char c, std::vector<class_range>& ranges, bool& negated) {
      negated = c == 'D' || c == 'W' || c == 'S';
      switch (c) {
        case 'd':
        case 'D':
          ranges.push_back({'0', '9'});
          return true;
        case 'w':
        case 'W':
          ranges.insert(ranges.end(), {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
          return true;
        case 's':
        case 'S':
          ranges.insert(ranges.end(), {{'\t', '\r'}, {' ', ' '}});
          return true;
        default:
          return false;
      }
    }

    // A single-character escape (after '\'); false if not one.
    [[nodiscard]] bool escaped_char(char e, std::uint32_t& cp) {
      switch (e) {
        case 'n':
          cp = '\n';
          return true;
        case 't':
          cp = '\t';
          return true;
        case 'r':
          cp = '\r';
          return true;
        case 'f':
          cp = '\f';
          return true;
        case 'v':
          cp = '\v';
          return true;
        case 'a':
          cp = 7;
          return true;
        case 'x': {
          cp = 0;
          const bool braces = !at_end() && peek() == '{';
          if (braces) ++i_;
          std::size_t digits = 0;
          while (!at_end() && (braces || digits < 2)) {
            const int d = relkit::detail::hex_digit_value(peek());
            if (d < 0) break;
            cp = cp * 16U + static_cast<std::uint32_t>(d);
            if (cp > 0x10FFFFU) return false;
            ++digits;
            ++i_;
          }
          if (digits == 0) return false;
          if (braces) {
            if (at_end() || peek() != '}') return false;
            ++i_;
          } else if (digits != 2) {
            return false;
          }
          return true;
        }
        default:
          // Escaped punctuation stands for itself; escaped letters and digits
          // are errors (backreferences, \p classes, unknown escapes).
          if (relkit::detail::is_alnum(e)) return false;
          cp = static_cast<unsigned char>(e);
          return static_cast<unsigned char>(e) < 0x80U;
      }
    }

    [[nodiscard]] bool parse_escape(int& out, const flag_set& fl) {
      if (at_end()) return false;
      const char e = peek();
      ++i_;
      std::vector<class_range> ranges;
      bool negated = false;
      if (perl_class(e, ranges, negated)) {
        out = class_node(std::move(ranges), negated, flag_set{});
        return true;
      }
      switch (e) {
        case 'b':
          out = leaf(opcode::word_boundary, false);
          return true;
        case 'B':
          out = leaf(opcode::not_word_boundary, false);
          return true;
        case 'A':
          out = leaf(opcode::text_begin, false);
          return true;
        case 'z':
          out = leaf(opcode::text_end, false);
          return true;
        default:
          break;
      }
      std::uint32_t cp = 0;
      if (!escaped_char(e, cp)) return false;
      out = literal(cp, fl);
      return true;
    }

    [[nodiscard]] static bool posix_class(std::string_view name, std::vector<class_range>& r) {
      if (name == "alpha") {
        r.insert(r.end(), {{'A', 'Z'}, {'a', 'z'}});
      } else if (name == "digit") {
        r.push_back({'0', '9'});
      } else if (name == "alnum") {
        r.insert(r.end(), {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}});
      } else if (name == "upper") {
        r.push_back({'A', 'Z'});
      } else if (name == "lower") {
        r.push_back({'a', 'z'});
      } else if (name == "space") {
        r.insert(r.end(), {{'\t', '\r'}, {' ', ' '}});
      } else if (name == "xdigit") {
        r.insert(r.end(), {{'0', '9'}, {'A', 'F'}, {'a', 'f'}});
      } else if (name == "punct") {
        r.insert(r.end(), {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}});
      } else if (name == "word") {
        r.insert(r.end(), {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
      } else if (name == "blank") {
        r.insert(r.end(), {{' ', ' '}, {'\t', '\t'}});
      } else if (name == "cntrl") {
        r.insert(r.end(), {{0, 31}, {127, 127}});
      } else if (name == "print") {
        r.push_back({32, 126});
      } else if (name == "graph") {
        r.push_back({33, 126});
      } else if (name == "ascii") {
        r.push_back({0, 127});
      } else {
        return false;
      }
      return true;
    }

    // After '['.
    [[nodiscard]] bool parse_class(int& out, const flag_set& fl) {
      std::vector<class_range> ranges;
      bool negated = false;
      if (!at_end() && peek() == '^') {
        negated = true;
        ++i_;
      }
      bool first = true;
      while (true) {
        if (at_end()) return false;
        char c = peek();
        if (c == ']' && !first) {
          ++i_;
          break;
        }
        first = false;
        if (c == '[') {
          if (i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
            const std::size_t close = p_.find(":]", i_ + 2);
            if (close == std::string_view::npos) return false;
            std::string_view name = p_.substr(i_ + 2, close - i_ - 2);
            std::vector<class_range> posix;
            bool posix_negated = !name.empty() && name.front() == '^';
            if (posix_negated) name.remove_prefix(1);
            if (!posix_class(name, posix) || posix_negated) return false;
            ranges.insert(ranges.end(), posix.begin(), posix.end());
            i_ = close + 2;
            continue;
          }
          return false;  // nested classes and set operations are not supported
        }
        if ((c == '&' || c == '-' || c == '~') && i_ + 1 < p_.size() && p_[i_ + 1] == c &&
            c != '-') {
          return false;  // && and ~~ set operations
        }
        std::uint32_t lo = 0;
        if (!class_atom(lo, ranges)) return false;
        if (lo == unbounded) continue;  // a Perl class was added
        std::uint32_t hi = lo;
        if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
          ++i_;
          if (!class_atom(hi, ranges) || hi == unbounded || hi < lo) return false;
        }
        ranges.push_back({lo, hi});
      }
      out = class_node(std::move(ranges), negated, fl);
      return true;
    }

    // One class member: a character (cp) or a Perl class (cp = unbounded).
    [[nodiscard]] bool class_atom(std::uint32_t& cp, std::vector<class_range>& ranges) {
      if (peek() == '\\') {
        ++i_;
        if (at_end()) return false;
        const char e = peek();
        ++i_;
        bool negated = false;
        std::vector<class_range> perl;
        if (perl_class(e, perl, negated)) {
          if (negated) return false;  // [\D] etc.: not supported
          ranges.insert(ranges.end(), perl.begin(), perl.end());
          cp = unbounded;
          return true;
        }
        return escaped_char(e, cp);
      }
      cp = decode_at(p_, i_);
      return true;
    }

    [[nodiscard]] bool emit(int index, int depth) {
      if (depth > 4 * max_nesting + 8) return false;
      if (out_.code_.size() > max_program_size) return false;
      const node& n = nodes_[static_cast<std::size_t>(index)];
      auto& code = out_.code_;
      switch (n.type) {
        case kind::empty:
          return true;
        case kind::instr:
          code.push_back(n.leaf);
          return true;
        case kind::concat:
          for (int child : n.children) {
            if (!emit(child, depth + 1)) return false;
          }
          return true;
        case kind::alternation: {
          // split L1, next; L1: a; jump end; next: split L2, ... ; last
          std::vector<std::size_t> jumps;
          for (std::size_t k = 0; k < n.children.size(); ++k) {
            if (k + 1 < n.children.size()) {
              const std::size_t split = code.size();
              code.push_back(instruction{opcode::split, false, 0, 0});
              code[split].a = static_cast<std::uint32_t>(code.size());
              if (!emit(n.children[k], depth + 1)) return false;
              jumps.push_back(code.size());
              code.push_back(instruction{opcode::jump, false, 0, 0});
              code[split].b = static_cast<std::uint32_t>(code.size());
            } else {
              if (!emit(n.children[k], depth + 1)) return false;
            }
          }
          for (std::size_t j : jumps) code[j].a = static_cast<std::uint32_t>(code.size());
          return true;
        }
        case kind::repeat: {
          const int child = n.children[0];
          for (std::uint32_t k = 0; k < n.min; ++k) {
            if (!emit(child, depth + 1)) return false;
            if (code.size() > max_program_size) return false;
          }
          if (n.max == unbounded) {
            const std::size_t split = code.size();
            code.push_back(instruction{opcode::split, false, 0, 0});
            code[split].a = static_cast<std::uint32_t>(code.size());
            if (!emit(child, depth + 1)) return false;
            code.push_back(instruction{opcode::jump, false, static_cast<std::uint32_t>(split), 0});
            code[split].b = static_cast<std::uint32_t>(code.size());
            return true;
          }
          std::vector<std::size_t> splits;
          for (std::uint32_t k = n.min; k < n.max; ++k) {
            splits.push_back(code.size());
            code.push_back(instruction{opcode::split, false, 0, 0});
            code[splits.back()].a = static_cast<std::uint32_t>(code.size());
            if (!emit(child, depth + 1)) return false;
            if (code.size() > max_program_size) return false;
          }
          for (std::size_t s : splits) code[s].b = static_cast<std::uint32_t>(code.size());
          return true;
        }
      }
      return false;
    }

    std::string_view p_;
    basic_regex& out_;
    std::size_t i_ = 0;
    std::vector<node> nodes_;
  };

  bool valid_ = false;
  std::vector<instruction> code_;
  std::vector<std::vector<class_range>> classes_;
};

using regex = basic_regex<>;

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
