#pragma once
// relkit::rollout internals: the state machine behind advance(). Not a
// public header; relkit/rollout/impl/advance.hpp includes it.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/kayenta.hpp"
#include "relkit/rollout/action.hpp"
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/event.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {
namespace detail {

// One advance: the plan, the state being changed, the actions being emitted.
template <class Unused>
class machine {
 public:
  machine(const rollout::plan& p, rollout::state& s, rollout::action_list& out,
          rollout::time_point now) noexcept
      : plan_(p), s_(s), out_(out), now_(now) {}

  void on(const rollout::tick&) {
    if (!s_.updating || s_.aborted || s_.manual_pause) return;
    const auto& bg = plan_.blue_green();
    if (s_.pause == rollout::pause_reason::pause_step) {
      const rollout::step* st = current_step();
      if (st != nullptr && st->duration && now_ >= s_.paused_at + *st->duration) next_step();
      return;
    }
    if (s_.pause == rollout::pause_reason::blue_green) {
      if (bg.auto_promotion && now_ >= s_.paused_at + bg.auto_promotion_delay) next_step();
      return;
    }
    if (plan_.strategy() == rollout::strategy::progressive &&
        (s_.pause == rollout::pause_reason::none ||
         s_.pause == rollout::pause_reason::awaiting_promotion) &&
        now_ >= s_.last_iteration + plan_.progressive().interval) {
      iterate();
      if (!s_.updating || s_.aborted) return;
    }
    if (s_.pause == rollout::pause_reason::none && !s_.timed_out &&
        now_ - s_.progress_at > plan_.options().progress_deadline) {
      s_.timed_out = true;
      if (plan_.options().progress_deadline_abort) abort_rollout();
    }
  }

  void on(const rollout::analysis_result& r) {
    if (!s_.updating || s_.aborted) return;
    if (plan_.strategy() == rollout::strategy::progressive) {
      s_.pending_check = r.value == rollout::measurement::successful;
      return;
    }
    const rollout::analysis_spec* a = analysis_for(r.slot);
    rollout::run_status& run = run_for(r.slot);
    if (a == nullptr || a->kind != rollout::analysis_kind::argo ||
        run.phase != rollout::analysis_phase::running || r.metric >= run.metric_count ||
        rollout::is_completed(run.metrics[r.metric].phase)) {
      return;
    }
    run.metrics[r.metric] = rollout::record(run.metrics[r.metric], r.value);
    run = rollout::settle(*a, run);
    progress();
    if (rollout::is_completed(run.phase)) finished(r.slot, run.phase);
  }

  void on(const rollout::score_result& r) {
    if (!s_.updating || s_.aborted) return;
    const rollout::analysis_spec* a = analysis_for(r.slot);
    rollout::run_status& run = run_for(r.slot);
    const bool nan = r.score != r.score;
    if (a == nullptr || a->kind != rollout::analysis_kind::kayenta ||
        run.phase != rollout::analysis_phase::running ||
        (!nan && !(r.score >= -1e9 && r.score <= 1e9))) {
      return;
    }
    // A NaN score is judged as NaN (it fails, see relkit/gates/kayenta.hpp)
    // and stored as 0; others are rounded to hundredths first, as Kayenta does.
    const double clamped = nan ? 0 : r.score < 0 ? 0 : r.score > 100 ? 100 : r.score;
    run.last_score = static_cast<std::int32_t>(clamped * 100 + 0.5);
    run.scores += 1;
    const double score = nan ? r.score : run.last_score / 100.0;
    const auto& j = a->thresholds;
    switch (relkit::gates::judge_interval(score, run.scores >= j.intervals, j.marginal, j.pass)) {
      case relkit::gates::outcome::pass:
        run.phase = rollout::analysis_phase::successful;
        break;
      case relkit::gates::outcome::pending:
        break;
      default:
        run.phase = rollout::analysis_phase::failed;
        break;
    }
    progress();
    if (rollout::is_completed(run.phase)) finished(r.slot, run.phase);
  }

  void on(const rollout::promote&) {
    if (!s_.updating || s_.aborted) return;
    s_.manual_pause = false;
    if (plan_.strategy() == rollout::strategy::progressive) {
      if (s_.pause == rollout::pause_reason::awaiting_promotion) complete();
      progress();
      return;
    }
    stop(rollout::analysis_slot::step);
    next_step();
  }

  void on(const rollout::promote_full&) {
    if (!s_.updating) return;
    if (plan_.strategy() == rollout::strategy::blue_green && s_.step_index < 2) {
      emit({rollout::action_kind::switch_active});
    }
    complete();
  }

  void on(const rollout::abort&) {
    if (s_.updating && !s_.aborted) abort_rollout();
  }

  void on(const rollout::retry&) {
    if (s_.updating && s_.aborted) restart();
  }

  void on(const rollout::pause&) {
    if (s_.updating && !s_.aborted) s_.manual_pause = true;
  }

  void on(const rollout::resume&) {
    if (!s_.manual_pause) return;
    s_.manual_pause = false;
    progress();
  }

  void on_new_artifact(const std::string& id) {
    if (id.empty()) return;
    if (id == s_.stable) {
      if (!s_.updating) return;
      // Back to the stable artifact: skip the steps (Argo "rollback to stable").
      stop(rollout::analysis_slot::step);
      stop(rollout::analysis_slot::background);
      emit({rollout::action_kind::rollback});
      emit(scale_down(rollout::artifact_role::canary, plan_.options().abort_scale_down_delay));
      become_healthy();
      return;
    }
    if (s_.updating && id == s_.canary) return;
    if (s_.updating && !s_.aborted) {
      // A newer artifact replaces the canary mid-update (Argo: new ReplicaSet,
      // step 0; Flagger: restart at weight 0).
      stop(rollout::analysis_slot::step);
      stop(rollout::analysis_slot::background);
      if (s_.weight != 0) {
        emit({rollout::action_kind::rollback});
        s_.weight = 0;
      }
      emit(scale_down(rollout::artifact_role::canary, rollout::seconds{0}));
    }
    s_.canary = id;
    restart();
  }

  void settle_phase() noexcept {
    using rollout::state_phase;
    if (!s_.updating) {
      s_.phase = state_phase::healthy;
    } else if (s_.aborted) {
      s_.phase = state_phase::aborted;
    } else if (s_.timed_out) {
      s_.phase = state_phase::degraded;
    } else if (s_.manual_pause) {
      s_.phase = state_phase::paused;
    } else if (s_.pause == rollout::pause_reason::awaiting_promotion) {
      s_.phase = state_phase::waiting_promotion;
    } else if (s_.pause != rollout::pause_reason::none) {
      s_.phase = state_phase::paused;
    } else {
      s_.phase = state_phase::progressing;
    }
  }

 private:
  void emit(const rollout::action& a) noexcept { out_.push_back(a); }

  static rollout::action scale_down(rollout::artifact_role role, rollout::seconds delay) noexcept {
    rollout::action a;
    a.kind = rollout::action_kind::scale_down;
    a.target = role;
    a.delay = delay;
    return a;
  }

  void set_weight(std::int32_t weight) noexcept {
    s_.weight = weight;
    rollout::action a;
    a.kind = rollout::action_kind::set_weight;
    a.weight = weight;
    emit(a);
  }

  void progress() noexcept {
    s_.progress_at = now_;
    s_.timed_out = false;
  }

  const rollout::step* current_step() const noexcept {
    if (plan_.strategy() != rollout::strategy::canary) return nullptr;
    const auto& steps = plan_.canary().steps;
    return s_.step_index < steps.size() ? &steps[s_.step_index] : nullptr;
  }

  const rollout::analysis_spec* analysis_for(rollout::analysis_slot slot) const noexcept {
    if (slot == rollout::analysis_slot::background) {
      const auto& bg = plan_.canary().background;
      return plan_.strategy() == rollout::strategy::canary && bg ? &bg->analysis : nullptr;
    }
    if (plan_.strategy() == rollout::strategy::canary) {
      const rollout::step* st = current_step();
      return st != nullptr && st->kind == rollout::step_kind::analysis ? &st->analysis : nullptr;
    }
    if (plan_.strategy() == rollout::strategy::blue_green) {
      const auto& bg = plan_.blue_green();
      if (s_.step_index == 0 && bg.pre_promotion) return &*bg.pre_promotion;
      if (s_.step_index == 2 && bg.post_promotion) return &*bg.post_promotion;
    }
    return nullptr;
  }

  rollout::run_status& run_for(rollout::analysis_slot slot) noexcept {
    return slot == rollout::analysis_slot::step ? s_.step_run : s_.background_run;
  }

  void start(rollout::analysis_slot slot, const rollout::analysis_spec& a) {
    run_for(slot) = rollout::start_run(a);
    rollout::action act;
    act.kind = rollout::action_kind::start_analysis;
    act.slot = slot;
    emit(act);
  }

  // Terminates a running run: its metrics are assessed as terminated.
  void stop(rollout::analysis_slot slot) {
    rollout::run_status& run = run_for(slot);
    if (run.phase != rollout::analysis_phase::running) return;
    const rollout::analysis_spec* a = analysis_for(slot);
    if (a != nullptr && a->kind == rollout::analysis_kind::argo) {
      run = rollout::settle(*a, run, true);
    } else {
      run.phase = rollout::analysis_phase::successful;
    }
    rollout::action act;
    act.kind = rollout::action_kind::stop_analysis;
    act.slot = slot;
    emit(act);
  }

  void finished(rollout::analysis_slot slot, rollout::analysis_phase result) {
    switch (result) {
      case rollout::analysis_phase::successful:
        if (slot == rollout::analysis_slot::step) next_step();
        break;
      case rollout::analysis_phase::inconclusive:
        s_.pause = rollout::pause_reason::inconclusive_analysis;
        s_.paused_at = now_;
        break;
      default:  // failed, error
        abort_rollout();
        break;
    }
  }

  void next_step() {
    s_.step_index += 1;
    s_.pause = rollout::pause_reason::none;
    progress();
    enter_step();
  }

  // Runs the plan from the current step until something blocks.
  void enter_step() {
    s_.step_started = now_;
    switch (plan_.strategy()) {
      case rollout::strategy::canary:
        enter_canary_step();
        return;
      case rollout::strategy::blue_green:
        enter_blue_green_step();
        return;
      case rollout::strategy::progressive:
        return;  // the scheduler's ticks move it
    }
  }

  void enter_canary_step() {
    const auto& spec = plan_.canary();
    for (;;) {
      const std::size_t i = s_.step_index;
      if (spec.background) {
        const auto& bg = *spec.background;
        const std::size_t end = bg.end_step ? *bg.end_step : spec.steps.size();
        if (i >= end) {
          stop(rollout::analysis_slot::background);
        } else if (i >= bg.first_step &&
                   s_.background_run.phase == rollout::analysis_phase::pending) {
          start(rollout::analysis_slot::background, bg.analysis);
        }
      }
      if (i >= spec.steps.size()) {
        complete();
        return;
      }
      const rollout::step& st = spec.steps[i];
      if (st.kind == rollout::step_kind::set_weight) {
        set_weight(st.weight);
        s_.step_index += 1;
        continue;
      }
      if (st.kind == rollout::step_kind::pause) {
        if (st.duration && st.duration->count() == 0) {
          s_.step_index += 1;
          continue;
        }
        s_.pause = rollout::pause_reason::pause_step;
        s_.paused_at = now_;
        return;
      }
      start(rollout::analysis_slot::step, st.analysis);
      return;
    }
  }

  void enter_blue_green_step() {
    const auto& spec = plan_.blue_green();
    for (;;) {
      if (s_.step_index == 0) {
        if (spec.pre_promotion) {
          start(rollout::analysis_slot::step, *spec.pre_promotion);
          return;
        }
        s_.step_index = 1;
      } else if (s_.step_index == 1) {
        if (!spec.auto_promotion || spec.auto_promotion_delay.count() > 0) {
          s_.pause = rollout::pause_reason::blue_green;
          s_.paused_at = now_;
          return;
        }
        s_.step_index = 2;
      } else if (s_.step_index == 2) {
        emit({rollout::action_kind::switch_active});
        s_.weight = 100;
        if (spec.post_promotion) {
          start(rollout::analysis_slot::step, *spec.post_promotion);
          return;
        }
        s_.step_index = 3;
      } else {
        complete();
        return;
      }
    }
  }

  // One Flagger scheduler iteration.
  void iterate() {
    const auto& spec = plan_.progressive();
    s_.last_iteration = now_;
    if (s_.failed_checks >= spec.threshold) {
      abort_rollout();
      return;
    }
    const std::optional<bool> check = s_.pending_check;
    s_.pending_check.reset();
    if (!check) return;  // no check result this interval: halt, not counted
    if (!*check) {
      s_.failed_checks += 1;
      return;
    }
    const auto& weights = plan_.weights();
    if (s_.step_index < weights.size()) {
      s_.step_index += 1;
      set_weight(weights[s_.step_index - 1]);
      progress();
      return;
    }
    if (spec.confirm_promotion) {
      if (s_.pause != rollout::pause_reason::awaiting_promotion) {
        s_.pause = rollout::pause_reason::awaiting_promotion;
        s_.paused_at = now_;
      }
      return;
    }
    complete();
  }

  void restart() {
    s_.updating = true;
    s_.aborted = false;
    s_.timed_out = false;
    s_.pause = rollout::pause_reason::none;
    s_.step_index = 0;
    s_.failed_checks = 0;
    s_.pending_check.reset();
    s_.step_run = rollout::run_status{};
    s_.background_run = rollout::run_status{};
    s_.last_iteration = now_;
    emit({rollout::action_kind::deploy_canary});
    if (plan_.strategy() == rollout::strategy::blue_green) {
      emit({rollout::action_kind::switch_preview});
    }
    progress();
    enter_step();
  }

  void abort_rollout() {
    stop(rollout::analysis_slot::step);
    stop(rollout::analysis_slot::background);
    s_.aborted = true;
    s_.timed_out = false;
    s_.pause = rollout::pause_reason::none;
    s_.manual_pause = false;
    s_.step_index = 0;
    s_.weight = 0;
    s_.pending_check.reset();
    emit({rollout::action_kind::rollback});
    emit(scale_down(rollout::artifact_role::canary, plan_.options().abort_scale_down_delay));
    if (plan_.strategy() == rollout::strategy::progressive) {
      emit({rollout::action_kind::post_rollout_hooks});
    }
  }

  void complete() {
    stop(rollout::analysis_slot::step);
    stop(rollout::analysis_slot::background);
    emit({rollout::action_kind::promote_stable});
    emit(scale_down(rollout::artifact_role::previous_stable, plan_.options().scale_down_delay));
    if (plan_.strategy() == rollout::strategy::progressive) {
      emit({rollout::action_kind::post_rollout_hooks});
    }
    s_.previous_stable = std::move(s_.stable);
    s_.stable = std::move(s_.canary);
    become_healthy();
  }

  void become_healthy() {
    s_.canary.clear();
    s_.updating = false;
    s_.aborted = false;
    s_.timed_out = false;
    s_.manual_pause = false;
    s_.pause = rollout::pause_reason::none;
    s_.step_index = 0;
    s_.weight = 0;
    s_.failed_checks = 0;
    s_.pending_check.reset();
    s_.step_run = rollout::run_status{};
    s_.background_run = rollout::run_status{};
    progress();
  }

  const rollout::plan& plan_;
  rollout::state& s_;
  rollout::action_list& out_;
  rollout::time_point now_;
};

template <class Unused>
void run(const rollout::plan& p, rollout::state& s, rollout::action_list& out,
         const rollout::event& e) {
  machine<Unused> m(p, s, out, e.now);
  switch (e.kind) {
    case rollout::event_kind::tick:
      m.on(rollout::tick{e.now});
      break;
    case rollout::event_kind::analysis_result:
      m.on(rollout::analysis_result{e.now, e.slot, e.metric, e.value});
      break;
    case rollout::event_kind::score_result:
      m.on(rollout::score_result{e.now, e.slot, e.score});
      break;
    case rollout::event_kind::promote:
      m.on(rollout::promote{e.now});
      break;
    case rollout::event_kind::promote_full:
      m.on(rollout::promote_full{e.now});
      break;
    case rollout::event_kind::abort:
      m.on(rollout::abort{e.now});
      break;
    case rollout::event_kind::retry:
      m.on(rollout::retry{e.now});
      break;
    case rollout::event_kind::pause:
      m.on(rollout::pause{e.now});
      break;
    case rollout::event_kind::resume:
      m.on(rollout::resume{e.now});
      break;
    case rollout::event_kind::new_artifact:
      m.on_new_artifact(e.id);
      break;
  }
  m.settle_phase();
}

}  // namespace detail
}  // namespace rollout
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
