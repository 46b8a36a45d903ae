#pragma once
// Internals of relkit::gates: the gate spec parser and printer. Included by
// relkit/gates.hpp by relkit/gates/spec.hpp; not a public header.
#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/condition.hpp"
#include "relkit/gates/detail/evaluate.hpp"
#include "relkit/gates/detail/text.hpp"
#include "relkit/gates/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// ---------------------------------------------------------------- spec text

struct spec_token {
  std::string_view text;
  std::size_t position = 0;
};

// An error at byte `position` of the spec; the message is built from `args`
// only when it is read (see the templates in relkit/gates/error.hpp).
inline relkit::error spec_error(errc code, std::size_t position,
                                relkit::error_args args = {}) noexcept {
  return relkit::error{code, position, args};
}

// "expected {text}, found '{token}'"
inline relkit::error found(errc code, const char* expected, const spec_token& t) noexcept {
  return spec_error(code, t.position, relkit::error_args{}.with_text(expected).with_token(t.text));
}

template <class = void>
inline bool is_forbidden_word(std::string_view word) noexcept {
  constexpr std::string_view words[] = {"allow_failure",
                                        "allow-failure",
                                        "optional",
                                        "continue_on_error",
                                        "continue-on-error",
                                        "skip",
                                        "ignore_failure",
                                        "manual",
                                        "when",
                                        "dry_run",
                                        "dryrun",
                                        "if_present"};
  for (auto w : words) {
    if (word == w) return true;
  }
  return false;
}

template <class = void>
inline bool parse_plain_number(std::string_view text, double& out) noexcept {
  if (text.empty() || !(relkit::detail::is_digit(text[0]) || text[0] == '.')) return false;
  const relkit::detail::decimal_parse parsed =
      relkit::detail::parse_decimal(text, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != text.size()) return false;
  out = parsed.value;
  return is_finite(out);
}

template <class = void>
inline bool parse_unsigned(std::string_view text, std::uint64_t limit,
                           std::uint64_t& out) noexcept {
  if (text.size() > 12) return false;
  const std::optional<std::uint64_t> parsed = relkit::detail::parse_uint(text, limit);
  if (!parsed) return false;
  out = *parsed;
  return true;
}

// "30m", "1h30m", "45s", "1d"
template <class = void>
inline bool parse_duration(std::string_view text, std::chrono::seconds& out) noexcept {
  if (text.empty()) return false;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && relkit::detail::is_digit(text[j])) ++j;
    if (j == i || j == text.size() || j - i > 9) return false;
    std::uint64_t n = 0;
    if (!parse_unsigned(text.substr(i, j - i), 999999999, n)) return false;
    const char unit = text[j];
    const std::int64_t scale = unit == 's'   ? 1
                               : unit == 'm' ? 60
                               : unit == 'h' ? 3600
                               : unit == 'd' ? 86400
                                             : 0;
    if (scale == 0) return false;
    total += static_cast<std::int64_t>(n) * scale;
    if (total > std::int64_t{1} << 40) return false;
    i = j + 1;
  }
  if (total <= 0) return false;
  out = std::chrono::seconds(total);
  return true;
}

template <class = void>
inline bool parse_hhmm(std::string_view text, std::uint16_t& minutes) noexcept {
  if (text.size() != 5 || text[2] != ':') return false;
  std::uint64_t h = 0, m = 0;
  if (!parse_unsigned(text.substr(0, 2), 24, h) || !parse_unsigned(text.substr(3, 2), 59, m)) {
    return false;
  }
  if (h == 24 && m != 0) return false;
  minutes = static_cast<std::uint16_t>(h * 60 + m);
  return true;
}

enum class date_parse : unsigned char { ok, malformed, impossible };

// "MM-DD" or "YYYY-MM-DD". A date that is not in the calendar (2026-02-31,
// 04-31, 2026-02-29) is `impossible`; a recurring 02-29 is a date (it opens in
// leap years only), a dated one only in a leap year.
template <class = void>
inline date_parse parse_month_day(std::string_view text, month_day& out) noexcept {
  std::uint64_t y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!parse_unsigned(text.substr(0, 4), 9999, y) || y == 0) return date_parse::malformed;
    text.remove_prefix(5);
  }
  if (text.size() != 5 || text[2] != '-') return date_parse::malformed;
  if (!parse_unsigned(text.substr(0, 2), 12, m) || !parse_unsigned(text.substr(3, 2), 31, d) ||
      m == 0 || d == 0) {
    return date_parse::malformed;
  }
  // Any leap year stands for a recurring date.
  if (!relkit::detail::is_valid_date(y == 0 ? 2000 : static_cast<std::int64_t>(y),
                                     static_cast<unsigned>(m), static_cast<unsigned>(d))) {
    return date_parse::impossible;
  }
  out = month_day{static_cast<std::int32_t>(y), static_cast<std::uint8_t>(m),
                  static_cast<std::uint8_t>(d)};
  return date_parse::ok;
}

template <class = void>
inline bool parse_offset(std::string_view text, std::int16_t& minutes) noexcept {
  if (text == "Z") {
    minutes = 0;
    return true;
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-')) return false;
  std::uint16_t value = 0;
  if (!parse_hhmm(text.substr(1), value) || value > 18 * 60) return false;
  minutes = static_cast<std::int16_t>(text[0] == '-' ? -value : value);
  return true;
}

template <class = void>
inline int weekday_index(std::string_view text) noexcept {
  for (int i = 0; i < 7; ++i) {
    if (weekday_names[i] == text) return i;
  }
  return -1;
}

// "mon-fri", "sat,sun", "mon,wed-fri", "daily"
template <class = void>
inline bool parse_weekdays(std::string_view text, std::uint8_t& mask) noexcept {
  mask = 0;
  if (text == "daily") {
    mask = 0x7f;
    return true;
  }
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    const std::size_t dash = part.find('-');
    const int first = weekday_index(part.substr(0, dash));
    const int last = dash == std::string_view::npos ? first : weekday_index(part.substr(dash + 1));
    if (first < 0 || last < 0) return false;
    for (int day = first;; day = (day + 1) % 7) {
      mask = static_cast<std::uint8_t>(mask | (1u << day));
      if (day == last) break;
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return false;
  }
  return mask != 0;
}

template <class = void>
class spec_parser {
 public:
  explicit spec_parser(std::string_view input) : input_(input) { advance(); }

  result<gate> parse_document() {
    if (!has_line_) {
      if (error_) return *error_;
      return spec_error(errc::empty_spec, input_.size());
    }
    auto root = parse_node(0);
    if (!root) return root;
    if (error_) return *error_;
    if (has_line_) {
      return found(errc::unexpected_token, "end of input after the root gate", line_[0]);
    }
    return root;
  }

 private:
  using tokens = std::vector<spec_token>;

  // Reads the next line with words into line_ (lines are tokenized one at a
  // time, as the parser reaches them: a spec refused early costs nothing more).
  // A line of more than max_spec_words words, or more than max_spec_gates
  // gate and window lines in all, is errc::too_large at the first word beyond
  // (error_; has_line_ false).
  void advance() {
    has_line_ = false;
    line_.clear();
    while (!error_ && next_ <= input_.size()) {
      std::size_t end = input_.find('\n', next_);
      if (end == std::string_view::npos) end = input_.size();
      std::size_t i = next_;
      next_ = end + 1;
      while (i < end) {
        const char c = input_[i];
        if (c == '#') break;
        if (c == ' ' || c == '\t' || c == '\r') {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < end && input_[j] != ' ' && input_[j] != '\t' && input_[j] != '\r' &&
               input_[j] != '#') {
          ++j;
        }
        if (line_.size() == max_spec_words) {
          error_ = spec_error(errc::too_large, i,
                              relkit::error_args{}
                                  .with_text("words on a line")
                                  .with_number(static_cast<std::int64_t>(max_spec_words)));
          line_.clear();
          return;
        }
        line_.push_back(spec_token{input_.substr(i, j - i), i});
        i = j;
      }
      if (!line_.empty()) {
        const std::string_view word = line_[0].text;
        if (word != "end" && ++gate_lines_ > max_spec_gates) {
          error_ = spec_error(errc::too_large, line_[0].position,
                              relkit::error_args{}
                                  .with_text("gate and window lines")
                                  .with_number(static_cast<std::int64_t>(max_spec_gates)));
          line_.clear();
          return;
        }
        has_line_ = true;
        return;
      }
    }
  }

  relkit::error unexpected(const spec_token& t, const char* expected) const {
    if (is_forbidden_word(t.text)) {
      return spec_error(errc::optional_not_allowed, t.position,
                        relkit::error_args{}.with_token(t.text));
    }
    return found(errc::unexpected_token, expected, t);
  }

  relkit::error missing_after(const tokens& line, const char* expected) const {
    const spec_token& last = line.back();
    return spec_error(errc::unexpected_end, last.position + last.text.size(),
                      relkit::error_args{}.with_text(expected).with_token(last.text));
  }

  // Trailing "weight N" and "key" from index i on.
  result<void> parse_attributes(const tokens& line, std::size_t i, gate& g) const {
    while (i < line.size()) {
      const spec_token& t = line[i];
      if (t.text == "key") {
        g.key = true;
        ++i;
      } else if (t.text == "weight") {
        if (i + 1 >= line.size()) return missing_after(line, "a weight");
        double w = 0;
        if (!parse_plain_number(line[i + 1].text, w) || !(w > 0)) {
          return found(errc::bad_number, "a weight above 0", line[i + 1]);
        }
        g.weight = w;
        i += 2;
      } else {
        return unexpected(t, "'weight', 'key' or the end of the line");
      }
    }
    return {};
  }

  result<void> parse_name(const tokens& line, std::size_t i, std::string& out,
                          const char* what) const {
    if (i >= line.size()) return missing_after(line, what);
    if (!is_valid_name(line[i].text)) {
      if (is_forbidden_word(line[i].text)) return unexpected(line[i], what);
      return found(errc::bad_name, what, line[i]);
    }
    out = std::string(line[i].text);
    return {};
  }

  static bool starts_comparator(std::string_view t) noexcept {
    return !t.empty() && (t[0] == '<' || t[0] == '>' || t[0] == '=' || t[0] == '!');
  }

  // One criterion from line[i] (and line[i+1] when the value is separate).
  result<void> parse_criterion(const tokens& line, std::size_t& i, criterion& c) const {
    const spec_token& t = line[i];
    std::string_view text = t.text;
    std::size_t op_length = 1;
    if (text.substr(0, 2) == "<=") {
      c.op = comparator::le, op_length = 2;
    } else if (text.substr(0, 2) == ">=") {
      c.op = comparator::ge, op_length = 2;
    } else if (text.substr(0, 2) == "==") {
      c.op = comparator::eq, op_length = 2;
    } else if (text.substr(0, 2) == "!=") {
      c.op = comparator::ne, op_length = 2;
    } else if (text[0] == '<') {
      c.op = comparator::lt;
    } else if (text[0] == '>') {
      c.op = comparator::gt;
    } else if (text[0] == '=') {
      c.op = comparator::eq;  // Keptn writes equality with one '='
    } else {
      return spec_error(errc::bad_comparator, t.position, relkit::error_args{}.with_token(text));
    }
    std::string_view value = text.substr(op_length);
    std::size_t value_position = t.position + op_length;
    ++i;
    if (value.empty()) {
      if (i >= line.size()) return missing_after(line, "a threshold value");
      value = line[i].text;
      value_position = line[i].position;
      ++i;
    }
    const auto bad = [&] {
      return spec_error(errc::bad_number, value_position,
                        relkit::error_args{}
                            .with_text("a number, +N, -N, N%, +N%, -N%, *N or (N)")
                            .with_token(value));
    };
    double number = 0;
    if (value[0] == '*') {
      if (!parse_plain_number(value.substr(1), number)) return bad();
      c.ref = reference::baseline_factor;
    } else if (value[0] == '(') {
      if (value.size() < 3 || value.back() != ')') return bad();
      std::string_view inner = value.substr(1, value.size() - 2);
      const bool negative = inner[0] == '-';
      if (negative) inner.remove_prefix(1);
      if (!parse_plain_number(inner, number)) return bad();
      if (negative) number = -number;
      c.ref = reference::absolute;
    } else {
      const bool sign = value[0] == '+' || value[0] == '-';
      const bool negative = value[0] == '-';
      const bool percent = value.back() == '%';
      std::string_view digits = value.substr(sign ? 1 : 0);
      if (percent) digits.remove_suffix(1);
      if (!parse_plain_number(digits, number)) return bad();
      if (negative) number = -number;
      // Keptn: a sign or a '%' makes the criterion relative; a bare '%' is an increase.
      c.ref = percent ? reference::baseline_percent
              : sign  ? reference::baseline_delta
                      : reference::absolute;
    }
    c.value = number;
    return {};
  }

  result<gate> parse_metric(const tokens& line) const {
    gate g;
    g.type = gate_kind::threshold;
    auto named = parse_name(line, 1, g.name, "a metric name");
    if (!named) return named.error();
    std::size_t i = 2;
    std::vector<criterion>* tier = &g.pass;
    while (i < line.size()) {
      const spec_token& t = line[i];
      if (starts_comparator(t.text)) {
        criterion c;
        auto parsed = parse_criterion(line, i, c);
        if (!parsed) return parsed.error();
        tier->push_back(c);
      } else if (t.text == "warn" && tier == &g.pass && !g.pass.empty()) {
        tier = &g.warn;
        ++i;
        if (i >= line.size() || !starts_comparator(line[i].text)) {
          if (i < line.size()) return unexpected(line[i], "a warning criterion");
          return missing_after(line, "a warning criterion");
        }
      } else if (t.text == "baseline") {
        if (i + 1 >= line.size()) return missing_after(line, "avg, p50, p90 or p95");
        const std::string_view how = line[i + 1].text;
        if (how == "avg") {
          g.baseline_aggregate = aggregate::avg;
        } else if (how == "p50") {
          g.baseline_aggregate = aggregate::p50;
        } else if (how == "p90") {
          g.baseline_aggregate = aggregate::p90;
        } else if (how == "p95") {
          g.baseline_aggregate = aggregate::p95;
        } else {
          return unexpected(line[i + 1], "avg, p50, p90 or p95");
        }
        i += 2;
        break;
      } else {
        break;
      }
    }
    if (g.pass.empty()) {
      if (i < line.size()) return unexpected(line[i], "a criterion such as '>= 80' or '<=+10%'");
      return missing_after(line, "a criterion such as '>= 80' or '<=+10%'");
    }
    auto attributes = parse_attributes(line, i, g);
    if (!attributes) return attributes.error();
    return g;
  }

  result<gate> parse_approvals(const tokens& line) const {
    gate g = approvals(1);
    if (line.size() < 2) return missing_after(line, "the number of approvals required");
    std::uint64_t n = 0;
    if (!parse_unsigned(line[1].text, 1000000, n) || n == 0) {
      return found(errc::bad_number, "a number of approvals from 1", line[1]);
    }
    g.required = static_cast<std::uint32_t>(n);
    std::size_t i = 2;
    if (i < line.size() && line[i].text == "allow_self") {
      g.allow_self_approval = true;
      ++i;
    }
    if (i < line.size() && line[i].text == "timeout") {
      if (i + 1 >= line.size()) return missing_after(line, "a duration such as 2h");
      std::chrono::seconds d{0};
      if (!parse_duration(line[i + 1].text, d)) {
        return found(errc::bad_duration, "a duration such as 30m, 2h or 1h30m", line[i + 1]);
      }
      g.timeout = d;
      i += 2;
    }
    auto attributes = parse_attributes(line, i, g);
    if (!attributes) return attributes.error();
    return g;
  }

  result<gate> parse_stage_condition(const tokens& line, bool no_failure) const {
    gate g;
    g.type = no_failure ? gate_kind::no_failure : gate_kind::stages_passed;
    auto named = parse_name(line, 1, g.name, "a stage name");
    if (!named) return named.error();
    const char* word = no_failure ? "within" : "passed";
    if (line.size() < 3) return missing_after(line, no_failure ? "'within'" : "'passed'");
    if (line[2].text != word) return unexpected(line[2], no_failure ? "'within'" : "'passed'");
    std::size_t i = 3;
    if (no_failure) {
      if (line.size() < 4) return missing_after(line, "a duration such as 30m");
      if (!parse_duration(line[3].text, g.within)) {
        return found(errc::bad_duration, "a duration such as 30m, 2h or 1h30m", line[3]);
      }
      i = 4;
    }
    auto attributes = parse_attributes(line, i, g);
    if (!attributes) return attributes.error();
    return g;
  }

  result<void> parse_window(const tokens& line, window& w) const {
    w.effect = line[0].text == "allow" ? window_effect::allow : window_effect::deny;
    if (line.size() < 2) return missing_after(line, "days or a date range");
    const auto bad = [&](const spec_token& t, const char* expected) {
      return found(errc::bad_window, expected, t);
    };
    std::size_t i = 2;
    const std::size_t dots = line[1].text.find("..");
    if (dots != std::string_view::npos) {
      const spec_token from{line[1].text.substr(0, dots), line[1].position};
      const spec_token to{line[1].text.substr(dots + 2), line[1].position + dots + 2};
      const date_parse from_parse = parse_month_day(from.text, w.from);
      const date_parse to_parse = parse_month_day(to.text, w.to);
      if (from_parse == date_parse::malformed || to_parse == date_parse::malformed ||
          (from_parse == date_parse::ok && to_parse == date_parse::ok &&
           (w.from.year == 0) != (w.to.year == 0))) {
        return bad(line[1], "a date range MM-DD..MM-DD or YYYY-MM-DD..YYYY-MM-DD");
      }
      // The position is the impossible date's own, not the range's.
      if (from_parse == date_parse::impossible) return bad(from, "a date in the calendar");
      if (to_parse == date_parse::impossible) return bad(to, "a date in the calendar");
      if (w.from.year != 0 &&
          relkit::detail::days_from_civil(w.from.year, w.from.month, w.from.day) >
              relkit::detail::days_from_civil(w.to.year, w.to.month, w.to.day)) {
        return bad(line[1], "a date range that does not end before it starts");
      }
    } else {
      if (!parse_weekdays(line[1].text, w.weekdays)) {
        return bad(line[1], "days such as mon-fri, sat,sun or daily");
      }
      if (line.size() < 3) return missing_after(line, "a time range such as 09:00-17:00");
      const std::string_view range = line[2].text;
      if (range.size() != 11 || range[5] != '-' ||
          !parse_hhmm(range.substr(0, 5), w.start_minute) ||
          !parse_hhmm(range.substr(6), w.end_minute) || w.start_minute == w.end_minute ||
          w.start_minute == 1440) {
        return bad(line[2], "a time range such as 09:00-17:00");
      }
      i = 3;
    }
    if (i < line.size() &&
        (line[i].text == "Z" || line[i].text[0] == '+' || line[i].text[0] == '-')) {
      if (!parse_offset(line[i].text, w.utc_offset_minutes)) {
        return bad(line[i], "a UTC offset such as +01:00, -05:00 or Z");
      }
      ++i;
    }
    if (i < line.size() && line[i].text == "dst") {
      if (i + 1 >= line.size()) return missing_after(line, "eu or us");
      if (line[i + 1].text == "eu") {
        w.dst = dst_rule::eu;
      } else if (line[i + 1].text == "us") {
        w.dst = dst_rule::us;
      } else {
        return bad(line[i + 1], "eu or us");
      }
      i += 2;
    }
    if (i < line.size()) return unexpected(line[i], "the end of the window line");
    return {};
  }

  // The members of a group, up to its "end" line.
  result<void> parse_members(gate& g, const spec_token& opener, int depth) {
    while (true) {
      if (!has_line_) {
        if (error_) return *error_;
        return spec_error(errc::unclosed_group, input_.size(),
                          relkit::error_args{}
                              .with_token(opener.text)
                              .with_number(static_cast<std::int64_t>(opener.position)));
      }
      const tokens& line = line_;
      if (line[0].text == "end") {
        if (line.size() > 1) return unexpected(line[1], "the end of the line after 'end'");
        advance();
        return {};
      }
      if (g.type == gate_kind::windows) {
        if (line[0].text != "allow" && line[0].text != "deny") {
          return unexpected(line[0], "'allow', 'deny' or 'end'");
        }
        window w;
        auto parsed = parse_window(line, w);
        if (!parsed) return parsed.error();
        g.windows.push_back(w);
        advance();
        continue;
      }
      auto child = parse_node(depth + 1);
      if (!child) return child.error();
      g.children.push_back(std::move(*child));
    }
  }

  result<gate> parse_node(int depth) {
    const tokens& line = line_;
    const spec_token head = line[0];  // a copy: advance() replaces line_
    if (depth > 64) return spec_error(errc::too_deep, head.position);
    const std::string_view word = head.text;
    if (word == "metric" || word == "approvals" || word == "stages" || word == "no_failure") {
      auto leaf = word == "metric"      ? parse_metric(line)
                  : word == "approvals" ? parse_approvals(line)
                                        : parse_stage_condition(line, word == "no_failure");
      if (leaf) advance();
      return leaf;
    }
    gate g;
    if (word == "all" || word == "any" || word == "not") {
      g.type = word == "all"   ? gate_kind::all_of
               : word == "any" ? gate_kind::any_of
                               : gate_kind::not_;
    } else if (word == "score") {
      g.type = gate_kind::score;
    } else if (word == "windows") {
      g.type = gate_kind::windows;
    } else {
      return unexpected(head,
                        "metric, approvals, stages, no_failure, windows, all, any, not or score");
    }
    std::size_t i = 1;
    const bool needs_label = g.type == gate_kind::windows;
    if (g.type != gate_kind::not_ && i < line.size() &&
        (needs_label ||
         (line[i].text != "weight" && line[i].text != "key" && line[i].text != "pass"))) {
      auto named = parse_name(line, i, g.name, needs_label ? "a label" : "a label");
      if (!named) return named.error();
      ++i;
    } else if (needs_label) {
      return missing_after(line, "a label");
    }
    if (g.type == gate_kind::score) {
      double* cut[2] = {&g.pass_score, &g.warn_score};
      const char* words[2] = {"pass", "warn"};
      for (std::size_t k = 0; k < 2; ++k) {
        if (i >= line.size()) return missing_after(line, k == 0 ? "'pass'" : "'warn'");
        if (line[i].text != words[k]) return unexpected(line[i], k == 0 ? "'pass'" : "'warn'");
        if (i + 1 >= line.size()) return missing_after(line, "a score");
        if (!parse_plain_number(line[i + 1].text, *cut[k])) {
          return found(errc::bad_number, "a score", line[i + 1]);
        }
        i += 2;
      }
    }
    auto attributes = parse_attributes(line, i, g);
    if (!attributes) return attributes.error();
    advance();
    auto members = parse_members(g, head, depth);
    if (!members) return members.error();
    if (const char* problem = node_problem(g)) {
      return spec_error(errc::invalid_gate, head.position, relkit::error_args{}.with_text(problem));
    }
    return g;
  }

  std::string_view input_;
  std::size_t next_ = 0;  // where the next line starts
  tokens line_;           // the current line's words
  bool has_line_ = false;
  std::size_t gate_lines_ = 0;
  std::optional<relkit::error> error_;  // a limit exceeded by advance()
};

template <class = void>
inline void append_criterion_spec(std::string& out, const criterion& c) {
  out += op_text(c.op);
  out += ' ';
  switch (c.ref) {
    case reference::absolute:
      if (c.value < 0 || sign_bit(c.value)) {
        out += '(';
        append_number_exact(out, c.value);
        out += ')';
      } else {
        append_number_exact(out, c.value);
      }
      return;
    case reference::baseline_delta:
    case reference::baseline_percent:
      out += sign_bit(c.value) ? '-' : '+';
      append_number_exact(out, abs_value(c.value));
      if (c.ref == reference::baseline_percent) out += '%';
      return;
    case reference::baseline_factor:
      out += '*';
      append_number_exact(out, c.value);
      return;
  }
}

template <class = void>
inline void append_attributes(std::string& out, const gate& g) {
  if (g.weight != 1) {
    out += " weight ";
    append_number_exact(out, g.weight);
  }
  if (g.key) out += " key";
}

template <class = void>
inline void append_spec(std::string& out, const gate& g, std::size_t depth) {
  out.append(depth * 2, ' ');
  switch (g.type) {
    case gate_kind::threshold: {
      out += "metric ";
      out += g.name;
      for (const auto& c : g.pass) {
        out += ' ';
        append_criterion_spec(out, c);
      }
      if (!g.warn.empty()) out += " warn";
      for (const auto& c : g.warn) {
        out += ' ';
        append_criterion_spec(out, c);
      }
      constexpr std::string_view aggregates[] = {"avg", "p50", "p90", "p95"};
      if (g.baseline_aggregate != aggregate::avg) {
        out += " baseline ";
        out += aggregates[static_cast<std::size_t>(g.baseline_aggregate)];
      }
      break;
    }
    case gate_kind::approvals:
      out += "approvals ";
      relkit::detail::append_decimal(out, g.required);
      if (g.allow_self_approval) out += " allow_self";
      if (g.timeout) {
        out += " timeout ";
        append_duration(out, g.timeout->count());
      }
      break;
    case gate_kind::stages_passed:
      out += "stages ";
      out += g.name;
      out += " passed";
      break;
    case gate_kind::no_failure:
      out += "no_failure ";
      out += g.name;
      out += " within ";
      append_duration(out, g.within.count());
      break;
    case gate_kind::windows:
    case gate_kind::all_of:
    case gate_kind::any_of:
    case gate_kind::not_:
    case gate_kind::score: {
      constexpr std::string_view words[] = {"windows", "all", "any", "not", "score"};
      out += words[static_cast<std::size_t>(g.type) - static_cast<std::size_t>(gate_kind::windows)];
      if (!g.name.empty() && g.type != gate_kind::not_) {
        out += ' ';
        out += g.name;
      }
      if (g.type == gate_kind::score) {
        out += " pass ";
        append_number_exact(out, g.pass_score);
        out += " warn ";
        append_number_exact(out, g.warn_score);
      }
      append_attributes(out, g);
      out += '\n';
      for (const auto& w : g.windows) {
        out.append(depth * 2 + 2, ' ');
        append_window(out, w);
        out += '\n';
      }
      for (const auto& child : g.children) append_spec(out, child, depth + 1);
      out.append(depth * 2, ' ');
      out += "end\n";
      return;
    }
  }
  append_attributes(out, g);
  out += '\n';
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
