#pragma once
// relkit::rollout internals: the reader of the state's text form (see docs/rollout.md,
// "Persistence"). Strict: every value has exactly one spelling, so
// parse_state(to_string(s)) == s and corrupted text is an error with a
// position. Not a public header; relkit/rollout/impl/state.hpp includes it.

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/error.hpp"
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/error.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {
namespace detail {

inline constexpr std::string_view state_magic = "relkit-rollout-state ";
inline constexpr std::size_t max_id = 4096;

inline void append_escaped(std::string& out, std::string_view id) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || c == '%') {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
}

// Instants are persisted as relkit::time_point counts: milliseconds since the
// epoch (format version 1 wrote nanoseconds; it is still read).
inline std::int64_t unix_ms(relkit::time_point t) noexcept {
  return t.time_since_epoch().count();
}

inline void append_run(std::string& out, const rollout::run_status& run) {
  out += rollout::to_string(run.phase);
  out += ' ';
  out += std::to_string(run.metric_count);
  out += ' ';
  out += std::to_string(run.scores);
  out += ' ';
  out += std::to_string(run.last_score);
  for (std::size_t i = 0; i < run.metric_count && i < rollout::max_metrics; ++i) {
    const auto& m = run.metrics[i];
    out += ' ';
    out += rollout::to_string(m.phase);
    for (const std::uint16_t v : {m.count, m.successful, m.failed, m.inconclusive, m.error,
                                  m.consecutive_error, m.consecutive_success}) {
      out += ':';
      out += std::to_string(v);
    }
  }
}

// Reads "key value\n" lines in a fixed order.
template <class Unused>
class state_reader {
 public:
  explicit state_reader(std::string_view text) noexcept : text_(text) {}

  std::optional<relkit::error> error;
  std::size_t value_position = 0;  // where the last value began
  bool nanoseconds = false;        // format version 1: instants in nanoseconds

  // The value of the next line, which must start with "key ".
  std::string_view line(std::string_view key) {
    if (error) return {};
    const std::string_view rest = text_.substr(pos_);
    if (rest.size() <= key.size() || rest.substr(0, key.size()) != key || rest[key.size()] != ' ') {
      fail(rollout::errc::bad_state_format, pos_,
           relkit::error_args{}.with_text("expected \"").with_token(key).with_text2("\""));
      return {};
    }
    value_position = pos_ + key.size() + 1;
    const std::size_t end = text_.find('\n', value_position);
    if (end == std::string_view::npos) {
      fail(rollout::errc::bad_state_format, text_.size(), "missing end of line");
      return {};
    }
    pos_ = end + 1;
    return text_.substr(value_position, end - value_position);
  }

  void finish() {
    if (!error && pos_ != text_.size()) {
      fail(rollout::errc::bad_state_format, pos_, "unexpected text after the state");
    }
  }

  void fail(rollout::errc code, std::size_t position, relkit::error_args args) noexcept {
    if (error) return;
    error = relkit::error{code, position, args};
  }
  void fail(rollout::errc code, std::size_t position, const char* static_text) noexcept {
    fail(code, position, relkit::error_args{}.with_text(static_text));
  }

  // Decimal without sign or leading zeros, at most `max`.
  std::uint64_t unsigned_value(std::string_view v, std::size_t at, std::uint64_t max) {
    if (error) return 0;
    if (v.empty() || (v.size() > 1 && v[0] == '0')) {
      fail(rollout::errc::bad_state_format, at, "expected a number");
      return 0;
    }
    const relkit::detail::uint_parse parsed = relkit::detail::parse_uint_prefix(v, 0, max);
    if (parsed.status == relkit::detail::number_status::overflow) {
      fail(rollout::errc::bad_state_format, at, "number out of range");
      return 0;
    }
    if (parsed.end != v.size()) {
      fail(rollout::errc::bad_state_format, at + parsed.end, "expected a digit");
      return 0;
    }
    return parsed.value;
  }

  std::int64_t signed_value(std::string_view v, std::size_t at) {
    if (!v.empty() && v[0] == '-') {
      if (v == "-0") fail(rollout::errc::bad_state_format, at, "expected a number");
      const std::uint64_t magnitude = unsigned_value(v.substr(1), at + 1, std::uint64_t{1} << 63);
      return magnitude == (std::uint64_t{1} << 63) ? INT64_MIN
                                                   : -static_cast<std::int64_t>(magnitude);
    }
    return static_cast<std::int64_t>(unsigned_value(v, at, INT64_MAX));
  }

  // The enum value spelled `v` in `names` (the enum's one table).
  template <class Enum, std::size_t N>
  Enum name_value(std::string_view v, std::size_t at,
                  const relkit::detail::enum_name<Enum> (&names)[N]) {
    if (const auto value = relkit::detail::enum_from_string(names, v)) return *value;
    fail(rollout::errc::bad_state_format, at,
         relkit::error_args{}.with_text("unknown name \"").with_token(v).with_text2("\""));
    return names[0].value;
  }

  bool flag(std::string_view key) {
    const std::string_view v = line(key);
    if (error) return false;
    if (v != "0" && v != "1")
      fail(rollout::errc::bad_state_format, value_position, "expected 0 or 1");
    return v == "1";
  }

  std::string id(std::string_view key) {
    const std::string_view v = line(key);
    std::string out;
    if (error) return out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto byte = static_cast<unsigned char>(v[i]);
      if (out.size() == max_id) {
        fail(rollout::errc::bad_state_format, value_position + i, "artifact id over 4096 bytes");
        return out;
      }
      if (v[i] == '%') {
        const int hi = i + 2 < v.size() ? hex_digit(v[i + 1]) : -1;
        const int lo = i + 2 < v.size() ? hex_digit(v[i + 2]) : -1;
        const int decoded = hi * 16 + lo;
        if (hi < 0 || lo < 0 || (decoded > 0x20 && decoded < 0x7F && decoded != '%')) {
          fail(rollout::errc::bad_state_format, value_position + i, "bad escape");
          return out;
        }
        out += static_cast<char>(decoded);
        i += 2;
      } else if (byte <= 0x20 || byte >= 0x7F) {
        fail(rollout::errc::bad_state_format, value_position + i, "unescaped byte");
        return out;
      } else {
        out += v[i];
      }
    }
    return out;
  }

  // An instant: milliseconds (format 2) or nanoseconds (format 1) since the
  // epoch, within the years 0000-9999 an RFC 3339 timestamp can name, so the
  // rollout's arithmetic on it (now - step_started, + a pause) cannot overflow.
  relkit::time_point time(std::string_view key) {
    const std::string_view v = line(key);
    const std::size_t at = value_position;
    const std::int64_t count = signed_value(v, at);
    const std::int64_t ms =
        nanoseconds
            ? std::chrono::floor<relkit::time_point::duration>(std::chrono::nanoseconds(count))
                  .count()
            : count;
    if (!error &&
        (ms < relkit::detail::min_timestamp_ms || ms > relkit::detail::max_timestamp_ms)) {
      fail(rollout::errc::bad_state_format, at, "instant outside the years 0000-9999");
      return relkit::time_point();
    }
    return relkit::time_point(relkit::time_point::duration(ms));
  }

  rollout::run_status run(std::string_view key) {
    rollout::run_status run;
    std::string_view v = line(key);
    std::size_t at = value_position;
    auto token = [&]() {
      const std::size_t space = v.find(' ');
      const std::string_view t = v.substr(0, space);
      const std::size_t token_at = at;
      v = space == std::string_view::npos ? std::string_view() : v.substr(space + 1);
      at += t.size() + 1;
      return std::pair<std::string_view, std::size_t>(t, token_at);
    };
    auto [phase_text, phase_at] = token();
    run.phase = name_value(phase_text, phase_at, analysis_phase_names);
    auto [count_text, count_at] = token();
    run.metric_count =
        static_cast<std::uint8_t>(unsigned_value(count_text, count_at, rollout::max_metrics));
    auto [scores_text, scores_at] = token();
    run.scores = static_cast<std::uint32_t>(unsigned_value(scores_text, scores_at, UINT32_MAX));
    auto [score_text, score_at] = token();
    const std::int64_t score = signed_value(score_text, score_at);
    if (!error && (score < 0 || score > 10000)) {
      fail(rollout::errc::bad_state_format, score_at, "score out of 0..10000");
    }
    run.last_score = static_cast<std::int32_t>(score);
    for (std::size_t i = 0; i < run.metric_count && !error; ++i) {
      auto [metric_text, metric_at] = token();
      std::string_view m = metric_text;
      std::size_t m_at = metric_at;
      const std::size_t colon = m.find(':');
      auto& status = run.metrics[i];
      status.phase = name_value(m.substr(0, colon), m_at, analysis_phase_names);
      std::uint16_t* fields[] = {&status.count,
                                 &status.successful,
                                 &status.failed,
                                 &status.inconclusive,
                                 &status.error,
                                 &status.consecutive_error,
                                 &status.consecutive_success};
      for (std::uint16_t* field : fields) {
        if (error) break;
        const std::size_t c = m.find(':');
        if (c == std::string_view::npos) {
          fail(rollout::errc::bad_state_format, m_at + m.size(), "expected ':'");
          break;
        }
        m_at += c + 1;
        m = m.substr(c + 1);
        const std::size_t next = m.find(':');
        *field = static_cast<std::uint16_t>(unsigned_value(m.substr(0, next), m_at, UINT16_MAX));
      }
      if (!error && m.find(':') != std::string_view::npos) {
        fail(rollout::errc::bad_state_format, m_at + m.find(':'), "too many counters");
      }
    }
    if (!error && !v.empty()) fail(rollout::errc::bad_state_format, at, "unexpected text");
    if (!error && v.empty() && text_[at - 1] == ' ') {
      fail(rollout::errc::bad_state_format, at - 1, "unexpected space");
    }
    return run;
  }

 private:
  static int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// How the state text spells pending_check.
enum class check_text : std::uint8_t { none, pass, fail };
inline constexpr relkit::detail::enum_name<check_text> check_text_names[] = {
    {check_text::none, "none"}, {check_text::pass, "pass"}, {check_text::fail, "fail"}};

}  // namespace detail
}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
