#pragma once
// relkit::rollout internals: the state's text form (see README "rollout",
// "Persistence"). Strict: every value has exactly one spelling, so
// parse(to_string(s)) == s and corrupted text is an error with a position.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/rollout.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

inline constexpr std::string_view rollout_state_magic = "relkit-rollout-state ";
inline constexpr std::size_t rollout_max_id = 4096;

inline constexpr std::string_view rollout_phase_names[] = {
    "healthy", "progressing", "paused", "waiting_promotion", "degraded", "aborted"};
inline constexpr std::string_view rollout_pause_names[] = {
    "none", "pause_step", "blue_green", "inconclusive_analysis", "awaiting_promotion"};
inline constexpr std::string_view rollout_run_phase_names[] = {
    "pending", "running", "successful", "failed", "inconclusive", "error"};

inline void rollout_append_escaped(std::string& out, std::string_view id) {
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
inline std::int64_t rollout_ms(rollout::time_point t) noexcept {
  return t.time_since_epoch().count();
}

inline void rollout_append_run(std::string& out, const rollout::run_status& run) {
  out += rollout_run_phase_names[static_cast<int>(run.phase)];
  out += ' ';
  out += std::to_string(run.metric_count);
  out += ' ';
  out += std::to_string(run.scores);
  out += ' ';
  out += std::to_string(run.last_score);
  for (std::size_t i = 0; i < run.metric_count && i < rollout::max_metrics; ++i) {
    const auto& m = run.metrics[i];
    out += ' ';
    out += rollout_run_phase_names[static_cast<int>(m.phase)];
    for (const std::uint16_t v : {m.count, m.successful, m.failed, m.inconclusive, m.error,
                                  m.consecutive_error, m.consecutive_success}) {
      out += ':';
      out += std::to_string(v);
    }
  }
}

// Reads "key value\n" lines in a fixed order.
template <class Unused>
class rollout_state_reader {
 public:
  explicit rollout_state_reader(std::string_view text) noexcept : text_(text) {}

  std::optional<relkit::error> error;
  std::size_t value_position = 0;  // where the last value began
  bool nanoseconds = false;        // format version 1: instants in nanoseconds

  // The value of the next line, which must start with "key ".
  std::string_view line(std::string_view key) {
    if (error) return {};
    const std::string_view rest = text_.substr(pos_);
    if (rest.size() <= key.size() || rest.substr(0, key.size()) != key || rest[key.size()] != ' ') {
      fail(rollout::errc::bad_state_format, pos_, "expected \"" + std::string(key) + "\"");
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

  void fail(rollout::errc code, std::size_t position, std::string message) {
    if (error) return;
    error = relkit::error{code, position, rollout_at(std::move(message), position)};
  }

  // Decimal without sign or leading zeros, at most `max`.
  std::uint64_t unsigned_value(std::string_view v, std::size_t at, std::uint64_t max) {
    if (error) return 0;
    if (v.empty() || (v.size() > 1 && v[0] == '0')) {
      fail(rollout::errc::bad_state_format, at, "expected a number");
      return 0;
    }
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const char c = v[i];
      if (c < '0' || c > '9') {
        fail(rollout::errc::bad_state_format, at + i, "expected a digit");
        return 0;
      }
      const auto digit = static_cast<std::uint64_t>(c - '0');
      if (value > (max - digit) / 10) {
        fail(rollout::errc::bad_state_format, at, "number out of range");
        return 0;
      }
      value = value * 10 + digit;
    }
    return value;
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

  template <std::size_t N>
  std::uint8_t name_value(std::string_view v, std::size_t at, const std::string_view (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == v) return static_cast<std::uint8_t>(i);
    }
    fail(rollout::errc::bad_state_format, at,
         "unknown name \"" + std::string(v.substr(0, 40)) + "\"");
    return 0;
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
      if (out.size() == rollout_max_id) {
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

  rollout::time_point time(std::string_view key) {
    const std::string_view v = line(key);
    const std::int64_t count = signed_value(v, value_position);
    if (nanoseconds) {
      return rollout::time_point(
          std::chrono::floor<rollout::time_point::duration>(std::chrono::nanoseconds(count)));
    }
    return rollout::time_point(rollout::time_point::duration(count));
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
    run.phase = static_cast<rollout::analysis_phase>(
        name_value(phase_text, phase_at, rollout_run_phase_names));
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
      status.phase = static_cast<rollout::analysis_phase>(
          name_value(m.substr(0, colon), m_at, rollout_run_phase_names));
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

}  // namespace detail

namespace rollout {

template <class Unused>
std::string to_string(const state& s) {
  std::string out;
  out.reserve(512);
  out += detail::rollout_state_magic;
  out += std::to_string(state_format_version);
  out += "\nplan ";
  static constexpr char hex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out += hex[(s.plan_fingerprint >> shift) & 0xF];
  out += "\nphase ";
  out += detail::rollout_phase_names[static_cast<int>(s.phase)];
  out += "\npause ";
  out += detail::rollout_pause_names[static_cast<int>(s.pause)];
  out += "\nmanual_pause ";
  out += s.manual_pause ? '1' : '0';
  out += "\ntimed_out ";
  out += s.timed_out ? '1' : '0';
  out += "\nupdating ";
  out += s.updating ? '1' : '0';
  out += "\naborted ";
  out += s.aborted ? '1' : '0';
  out += "\nstep ";
  out += std::to_string(s.step_index);
  out += "\nweight ";
  out += std::to_string(s.weight);
  out += "\nstable ";
  detail::rollout_append_escaped(out, s.stable);
  out += "\ncanary ";
  detail::rollout_append_escaped(out, s.canary);
  out += "\nprevious_stable ";
  detail::rollout_append_escaped(out, s.previous_stable);
  out += "\nstep_started ";
  out += std::to_string(detail::rollout_ms(s.step_started));
  out += "\npaused_at ";
  out += std::to_string(detail::rollout_ms(s.paused_at));
  out += "\nprogress_at ";
  out += std::to_string(detail::rollout_ms(s.progress_at));
  out += "\nlast_iteration ";
  out += std::to_string(detail::rollout_ms(s.last_iteration));
  out += "\nfailed_checks ";
  out += std::to_string(s.failed_checks);
  out += "\npending_check ";
  out += !s.pending_check ? "none" : *s.pending_check ? "pass" : "fail";
  out += "\nstep_run ";
  detail::rollout_append_run(out, s.step_run);
  out += "\nbackground_run ";
  detail::rollout_append_run(out, s.background_run);
  out += '\n';
  return out;
}

template <class Unused>
result<state> parse_state(std::string_view text) {
  detail::rollout_state_reader<Unused> r(text);
  const std::string_view magic = detail::rollout_state_magic;
  if (text.substr(0, magic.size()) != magic) {
    return relkit::error{errc::bad_state_format, 0,
                         "expected \"relkit-rollout-state <version>\" at 0"};
  }
  const std::size_t eol = text.find('\n');
  const std::string_view version =
      text.substr(magic.size(), eol == std::string_view::npos ? eol : eol - magic.size());
  const std::uint64_t v = r.unsigned_value(version, magic.size(), 1000000);
  if (r.error) return std::move(*r.error);
  if ((v != static_cast<std::uint64_t>(state_format_version) && v != 1) ||
      eol == std::string_view::npos) {
    return relkit::error{errc::state_version, magic.size(),
                         "state format version " + std::string(version.substr(0, 20)) +
                             " is not 2 at " + std::to_string(magic.size())};
  }
  detail::rollout_state_reader<Unused> body(text.substr(eol + 1));
  body.nanoseconds = v == 1;
  state s;
  const std::string_view plan_hex = body.line("plan");
  if (!body.error) {
    if (plan_hex.size() != 16)
      body.fail(errc::bad_state_format, body.value_position, "expected 16 hex digits");
    for (std::size_t i = 0; i < plan_hex.size() && !body.error; ++i) {
      const char c = plan_hex[i];
      const bool digit = c >= '0' && c <= '9';
      const bool letter = c >= 'a' && c <= 'f';
      if (!digit && !letter) {
        body.fail(errc::bad_state_format, body.value_position + i, "expected a hex digit");
      }
      s.plan_fingerprint =
          (s.plan_fingerprint << 4) | static_cast<std::uint64_t>(digit ? c - '0' : c - 'a' + 10);
    }
  }
  std::string_view value = body.line("phase");
  s.phase = static_cast<rollout::phase>(
      body.name_value(value, body.value_position, detail::rollout_phase_names));
  const std::size_t phase_at = body.value_position;
  value = body.line("pause");
  s.pause = static_cast<pause_reason>(
      body.name_value(value, body.value_position, detail::rollout_pause_names));
  s.manual_pause = body.flag("manual_pause");
  s.timed_out = body.flag("timed_out");
  s.updating = body.flag("updating");
  s.aborted = body.flag("aborted");
  value = body.line("step");
  s.step_index =
      static_cast<std::uint32_t>(body.unsigned_value(value, body.value_position, 100000));
  value = body.line("weight");
  s.weight = static_cast<std::int32_t>(body.unsigned_value(value, body.value_position, 100));
  s.stable = body.id("stable");
  s.canary = body.id("canary");
  s.previous_stable = body.id("previous_stable");
  s.step_started = body.time("step_started");
  s.paused_at = body.time("paused_at");
  s.progress_at = body.time("progress_at");
  s.last_iteration = body.time("last_iteration");
  value = body.line("failed_checks");
  s.failed_checks =
      static_cast<std::uint32_t>(body.unsigned_value(value, body.value_position, UINT32_MAX));
  value = body.line("pending_check");
  const std::uint8_t check = body.name_value(
      value, body.value_position,
      {std::string_view("none"), std::string_view("pass"), std::string_view("fail")});
  if (check != 0) s.pending_check = check == 1;
  s.step_run = body.run("step_run");
  s.background_run = body.run("background_run");
  body.finish();
  if (!body.error) {
    // The phase is derived from the flags; a disagreement means corruption.
    rollout::phase derived = phase::progressing;
    if (!s.updating) {
      derived = phase::healthy;
    } else if (s.aborted) {
      derived = phase::aborted;
    } else if (s.timed_out) {
      derived = phase::degraded;
    } else if (s.manual_pause) {
      derived = phase::paused;
    } else if (s.pause == pause_reason::awaiting_promotion) {
      derived = phase::waiting_promotion;
    } else if (s.pause != pause_reason::none) {
      derived = phase::paused;
    }
    if (derived != s.phase) {
      body.fail(errc::bad_state_format, phase_at, "phase does not match the state's flags");
    }
  }
  if (body.error) {
    relkit::error err = std::move(*body.error);
    // Positions so far are relative to the body; report them in the text.
    const std::size_t offset = eol + 1;
    const std::string old_suffix = " at " + std::to_string(err.position);
    std::string message = err.message();
    if (message.size() >= old_suffix.size() &&
        message.compare(message.size() - old_suffix.size(), old_suffix.size(), old_suffix) == 0) {
      message.resize(message.size() - old_suffix.size());
    }
    message += " at " + std::to_string(err.position + offset);
    return relkit::error{err.code, err.position + offset, std::move(message)};
  }
  return s;
}

template <class Unused>
result<state> parse_state(std::string_view text, const plan& p) {
  auto parsed = parse_state<Unused>(text);
  if (!parsed) return parsed;
  const state& s = *parsed;
  const auto line_at = [&](std::string_view key) {
    const std::size_t at = text.find("\n" + std::string(key) + " ");
    return at == std::string_view::npos ? std::size_t{0} : at + 2 + key.size();
  };
  if (s.plan_fingerprint != p.fingerprint()) {
    const std::size_t at = line_at("plan");
    return relkit::error{errc::state_mismatch, at,
                         "the state was made for another plan at " + std::to_string(at)};
  }
  if (s.step_index >= p.step_count()) {
    const std::size_t at = line_at("step");
    return relkit::error{errc::state_mismatch, at,
                         "step " + std::to_string(s.step_index) + " is beyond the plan's " +
                             std::to_string(p.step_count()) + " steps at " + std::to_string(at)};
  }
  // A running run must have one status per metric of the analysis it runs.
  const analysis* step_analysis = nullptr;
  if (p.strategy() == strategy::canary &&
      p.canary().steps[s.step_index].kind == step_kind::analysis) {
    step_analysis = &p.canary().steps[s.step_index].analysis;
  } else if (p.strategy() == strategy::blue_green) {
    const auto& bg = p.blue_green();
    if (s.step_index == 0 && bg.pre_promotion) step_analysis = &*bg.pre_promotion;
    if (s.step_index == 2 && bg.post_promotion) step_analysis = &*bg.post_promotion;
  }
  const analysis* background = p.strategy() == strategy::canary && p.canary().background
                                   ? &p.canary().background->analysis
                                   : nullptr;
  const auto fits = [](const analysis* a, const run_status& run) {
    if (run.phase != analysis_phase::running) return true;
    if (a == nullptr) return false;
    return a->kind == analysis_kind::kayenta ? run.metric_count == 0
                                             : run.metric_count == a->metrics.size();
  };
  if (!fits(step_analysis, s.step_run)) {
    const std::size_t at = line_at("step_run");
    return relkit::error{
        errc::state_mismatch, at,
        "the running step analysis does not fit the plan at " + std::to_string(at)};
  }
  if (!fits(background, s.background_run)) {
    const std::size_t at = line_at("background_run");
    return relkit::error{
        errc::state_mismatch, at,
        "the running background analysis does not fit the plan at " + std::to_string(at)};
  }
  return parsed;
}

}  // namespace rollout
RELKIT_NAMESPACE_END
