#pragma once
// relkit::rollout: the state's text form (to_string, parse_state). Included
// at the end of relkit/rollout/state.hpp.

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/rollout/detail/state_text.hpp"
#include "relkit/rollout/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

template <class Unused>
std::string to_string(const state& s) {
  std::string out;
  out.reserve(512);
  out += detail::state_magic;
  out += std::to_string(state_format_version);
  out += "\nplan ";
  static constexpr char hex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out += hex[(s.plan_fingerprint >> shift) & 0xF];
  out += "\nphase ";
  out += to_string(s.phase);
  out += "\npause ";
  out += to_string(s.pause);
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
  detail::append_escaped(out, s.stable);
  out += "\ncanary ";
  detail::append_escaped(out, s.canary);
  out += "\nprevious_stable ";
  detail::append_escaped(out, s.previous_stable);
  out += "\nstep_started ";
  out += std::to_string(detail::unix_ms(s.step_started));
  out += "\npaused_at ";
  out += std::to_string(detail::unix_ms(s.paused_at));
  out += "\nprogress_at ";
  out += std::to_string(detail::unix_ms(s.progress_at));
  out += "\nlast_iteration ";
  out += std::to_string(detail::unix_ms(s.last_iteration));
  out += "\nfailed_checks ";
  out += std::to_string(s.failed_checks);
  out += "\npending_check ";
  out += relkit::detail::enum_to_string(detail::check_text_names,
                                        !s.pending_check   ? detail::check_text::none
                                        : *s.pending_check ? detail::check_text::pass
                                                           : detail::check_text::fail);
  out += "\nstep_run ";
  detail::append_run(out, s.step_run);
  out += "\nbackground_run ";
  detail::append_run(out, s.background_run);
  out += '\n';
  return out;
}

template <class Unused>
result<state> parse_state(std::string_view text) {
  detail::state_reader<Unused> r(text);
  const std::string_view magic = detail::state_magic;
  if (text.substr(0, magic.size()) != magic) {
    return relkit::error{
        errc::bad_state_format, 0,
        relkit::error_args{}.with_text("expected \"relkit-rollout-state <version>\"")};
  }
  const std::size_t eol = text.find('\n');
  const std::string_view version =
      text.substr(magic.size(), eol == std::string_view::npos ? eol : eol - magic.size());
  const std::uint64_t v = r.unsigned_value(version, magic.size(), 1000000);
  if (r.error) return std::move(*r.error);
  if ((v != static_cast<std::uint64_t>(state_format_version) && v != 1) ||
      eol == std::string_view::npos) {
    return relkit::error{
        errc::state_version, magic.size(),
        relkit::error_args{}.with_token(version).with_number(state_format_version)};
  }
  detail::state_reader<Unused> body(text.substr(eol + 1));
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
  s.phase = body.name_value(value, body.value_position, detail::phase_names);
  const std::size_t phase_at = body.value_position;
  value = body.line("pause");
  s.pause = body.name_value(value, body.value_position, detail::pause_reason_names);
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
  const detail::check_text check =
      body.name_value(value, body.value_position, detail::check_text_names);
  if (check != detail::check_text::none) s.pending_check = check == detail::check_text::pass;
  s.step_run = body.run("step_run");
  s.background_run = body.run("background_run");
  body.finish();
  if (!body.error) {
    // The phase is derived from the flags; a disagreement means corruption.
    rollout::state_phase derived = state_phase::progressing;
    if (!s.updating) {
      derived = state_phase::healthy;
    } else if (s.aborted) {
      derived = state_phase::aborted;
    } else if (s.timed_out) {
      derived = state_phase::degraded;
    } else if (s.manual_pause) {
      derived = state_phase::paused;
    } else if (s.pause == pause_reason::awaiting_promotion) {
      derived = state_phase::waiting_promotion;
    } else if (s.pause != pause_reason::none) {
      derived = state_phase::paused;
    }
    if (derived != s.phase) {
      body.fail(errc::bad_state_format, phase_at, "phase does not match the state's flags");
    }
  }
  if (body.error) {
    relkit::error err = std::move(*body.error);
    // Positions so far are relative to the body; report them in the text.
    err.position += eol + 1;
    return err;
  }
  return s;
}

template <class Unused>
result<state> parse_state(std::string_view text, const plan& p) {
  auto parsed = parse_state<Unused>(text);
  if (!parsed) return parsed;
  const state& s = *parsed;
  // Where the value of line `key` begins (no allocation on the error path).
  const auto line_at = [&](std::string_view key) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      const std::string_view rest = text.substr(at + 1);
      if (rest.size() > key.size() && rest.substr(0, key.size()) == key &&
          rest[key.size()] == ' ') {
        return at + 2 + key.size();
      }
    }
    return std::size_t{0};
  };
  if (s.plan_fingerprint != p.fingerprint()) {
    const std::size_t at = line_at("plan");
    return relkit::error{errc::state_mismatch, at,
                         relkit::error_args{}.with_text("the state was made for another plan")};
  }
  if (s.step_index >= p.step_count()) {
    const std::size_t at = line_at("step");
    // "step 7 is beyond the plan's 3 steps"
    const relkit::detail::integer_text step(s.step_index);
    const relkit::detail::integer_text count(p.step_count());
    return relkit::error{
        errc::state_mismatch, at,
        relkit::detail::joined_token({step.view(), " is beyond the plan's ", count.view()}, 3)
            .with_text("step ")
            .with_text2(" steps")
            .with_number(s.step_index)
            .with_number2(static_cast<std::int64_t>(p.step_count()))};
  }
  // A running run must have one status per metric of the analysis it runs.
  const analysis_spec* step_analysis = nullptr;
  if (p.strategy() == strategy::canary &&
      p.canary().steps[s.step_index].kind == step_kind::analysis) {
    step_analysis = &p.canary().steps[s.step_index].analysis;
  } else if (p.strategy() == strategy::blue_green) {
    const auto& bg = p.blue_green();
    if (s.step_index == 0 && bg.pre_promotion) step_analysis = &*bg.pre_promotion;
    if (s.step_index == 2 && bg.post_promotion) step_analysis = &*bg.post_promotion;
  }
  const analysis_spec* background = p.strategy() == strategy::canary && p.canary().background
                                        ? &p.canary().background->analysis
                                        : nullptr;
  const auto fits = [](const analysis_spec* a, const run_status& run) {
    if (run.phase != analysis_phase::running) return true;
    if (a == nullptr) return false;
    return a->kind == analysis_kind::kayenta ? run.metric_count == 0
                                             : run.metric_count == a->metrics.size();
  };
  if (!fits(step_analysis, s.step_run)) {
    const std::size_t at = line_at("step_run");
    return relkit::error{
        errc::state_mismatch, at,
        relkit::error_args{}.with_text("the running step analysis does not fit the plan")};
  }
  if (!fits(background, s.background_run)) {
    const std::size_t at = line_at("background_run");
    return relkit::error{
        errc::state_mismatch, at,
        relkit::error_args{}.with_text("the running background analysis does not fit the plan")};
  }
  return parsed;
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
