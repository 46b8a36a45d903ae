// relkit rollout: a canary, blue-green or progressive rollout driven one event per call
// from a plan file (relkit/rollout/plan_text.hpp) and a state file (the rollout state's
// text form), and the plan's timeline (simulate).
#include "commands.hpp"
#include "file_update.hpp"
#include "io.hpp"
#include "json.hpp"

#include <relkit/rollout.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace relkit::cli {

namespace {

namespace ro = relkit::rollout;

constexpr std::string_view rollout_help =
    R"(Usage: relkit rollout init PLAN STATE --stable ID
       relkit rollout start PLAN STATE --canary ID --now TIME
       relkit rollout tick PLAN STATE --now TIME
       relkit rollout measurement PLAN STATE NAME=VALUE --now TIME
       relkit rollout score PLAN STATE SCORE --now TIME
       relkit rollout promote PLAN STATE --now TIME [--full]
       relkit rollout abort|retry|pause|resume PLAN STATE --now TIME
       relkit rollout status PLAN STATE
       relkit rollout simulate PLAN

Drives a rollout one event per call, so a pipeline without Kubernetes can walk a
canary step by step: each call locks STATE, reads it, applies the event to the
state machine of relkit::rollout (Argo Rollouts' and Flagger's semantics), writes
the new state atomically (a temporary file beside it, fsync, rename) and prints
the actions to take, then the state:

  action set_weight 20
  action start_analysis step
  state progressing step 2 weight 20 pause none

Events:
  init         creates STATE: nothing rolling out, ID serving (refuses an
               existing STATE)
  start        a new artifact ID: the rollout begins (deploy_canary, ...); the
               stable ID again rolls back
  tick         time passes: a pause or an interval may end (call it on a schedule)
  measurement  one measurement of metric NAME of the analysis running now (the
               step's, else the background one): VALUE is a number, judged by
               the metric's successCondition / failureCondition (progressive:
               min / max), or successful, failed, inconclusive or error
  score        a Kayenta canary score (0..100) for the judged analysis running now
  promote      past a pause or the running analysis (--full: to the end at once)
  abort        roll back to stable; retry starts the steps again
  pause/resume a manual pause
  status       prints the state, changes nothing

TIME is RFC 3339 (YYYY-MM-DDTHH:MM:SSZ); no clock is read. Concurrent calls on
one STATE are serialised by an exclusive lock (flock) on STATE.lock, which is
left in place; no event is lost.

--json   prints {"actions":[ACTION,...],"state":{"phase":P,"step":N,
         "weight":W,"pause":R,"stable":ID,"canary":ID}}, an ACTION being
         {"kind":K} with "weight" (set_weight), "slot" (start_analysis,
         stop_analysis) or "target" and "delay_seconds" (scale_down)

simulate prints the plan's timeline: each step with the time it starts, the
weights, pauses and analyses, and the worst-case duration (every pause to its
end, every analysis to its last measurement at its interval, progressive
checks failing threshold-1 times), manual promotions listed apart.

The plan file (docs/rollout-plan.md): one directive a line, '#' starts a
comment, indentation is free. Argo's canary steps, one a line:

  strategy canary                  canary | blue_green | progressive
  progressDeadlineSeconds 600      also progressDeadlineAbort true,
                                   scaleDownDelaySeconds, abortScaleDownDelaySeconds
  setWeight 20                     - setWeight: 20
  pause 1h                         - pause: {duration: 1h}  (30s, 10m, 1h30m, seconds)
  pause                            - pause: {}  (until promote)
  analysis smoke                   - analysis: {templates: [{templateName: smoke}]}
    metric error-rate count 3 interval 1m failureLimit 1 successCondition <= 0.01
  backgroundAnalysis health startingStep 1 [endStep 4]    canary.analysis
    metric p95 interval 5m failureCondition > 300
  blue_green: autoPromotionEnabled, autoPromotionSeconds, previewReplicaCount,
              prePromotionAnalysis NAME, postPromotionAnalysis NAME
  progressive: interval 1m, threshold 5, stepWeight 10, maxWeight 50,
              stepWeights 1,5,10,50, confirmPromotion true,
              metric NAME min 99 [max 500]
  metric fields: count, interval, failureLimit, inconclusiveLimit,
              consecutiveErrorLimit, consecutiveSuccessLimit, dryRun,
              successCondition OP N, failureCondition OP N (OP: < <= > >= == !=);
  judge marginal 75 pass 95 intervals 3  (a Kayenta analysis instead of metrics)

Exit codes: 0 the rollout is progressing, paused, waiting or done (healthy);
1 it is aborted or degraded (progress deadline), or the event rolled it back;
2 usage error, an invalid plan or state file (FILE:LINE:COLUMN: message
[code]), a file that cannot be read, locked or written, or a measurement for
no running analysis.
)";

// ---- files

std::optional<ro::plan_document> load_plan(std::string_view path) {
  return parse_file(path, [](std::string_view text) { return ro::parse_plan(text); });
}

// An exclusive flock on PATH.lock, held until destruction.
class state_lock {
 public:
  state_lock() = default;
  state_lock(const state_lock&) = delete;
  state_lock& operator=(const state_lock&) = delete;
  ~state_lock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  // False after the message.
  bool take(const std::string& state_path) {
    const std::string path = state_path + ".lock";
    do {
      fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
      io_error("open", path, errno);
      return false;
    }
    int status = 0;
    do {
      status = ::flock(fd_, LOCK_EX);
    } while (status != 0 && errno == EINTR);
    if (status != 0) {
      io_error("lock", path, errno);
      return false;
    }
    return true;
  }

 private:
  int fd_ = -1;
};

// ---- output

void append_action(std::string& out, const ro::action& a) {
  out += '{';
  json::append_key(out, "kind");
  json::append_string(out, ro::to_string(a.kind));
  if (a.kind == ro::action_kind::set_weight) {
    json::append_key(out, "weight");
    out += std::to_string(a.weight);
  } else if (a.kind == ro::action_kind::start_analysis ||
             a.kind == ro::action_kind::stop_analysis) {
    json::append_key(out, "slot");
    json::append_string(out, ro::to_string(a.slot));
  } else if (a.kind == ro::action_kind::scale_down) {
    json::append_key(out, "target");
    json::append_string(out, ro::to_string(a.target));
    json::append_key(out, "delay_seconds");
    out += std::to_string(a.delay.count());
  }
  out += '}';
}

void print_transition(const ro::action_list& actions, const ro::state& s, bool as_json) {
  std::string text;
  if (as_json) {
    text = "{";
    json::append_key(text, "actions");
    text += '[';
    for (const ro::action& a : actions) {
      json::append_separator(text);
      append_action(text, a);
    }
    text += ']';
    json::append_key(text, "state");
    text += '{';
    json::append_key(text, "phase");
    json::append_string(text, ro::to_string(s.phase));
    json::append_key(text, "step");
    text += std::to_string(s.step_index);
    json::append_key(text, "weight");
    text += std::to_string(s.weight);
    json::append_key(text, "pause");
    json::append_string(text, ro::to_string(s.pause));
    json::append_key(text, "stable");
    json::append_string(text, s.stable);
    json::append_key(text, "canary");
    json::append_string(text, s.canary);
    text += "}}\n";
  } else {
    for (const ro::action& a : actions) text += "action " + ro::render(a) + "\n";
    text += "state " + std::string(ro::to_string(s.phase)) + " step " +
            std::to_string(s.step_index) + " weight " + std::to_string(s.weight) + " pause " +
            std::string(ro::to_string(s.pause)) + "\n";
  }
  out(text);
}

int exit_for(const ro::action_list& actions, const ro::state& s) {
  if (s.phase == ro::state_phase::aborted || s.phase == ro::state_phase::degraded) return exit_no;
  for (const ro::action& a : actions) {
    if (a.kind == ro::action_kind::rollback) return exit_no;
  }
  return exit_ok;
}

// ---- measurements

// The step index at which `slot`'s conditions are recorded (conditions_at).
std::size_t conditions_step(const ro::plan& p, const ro::state& s, ro::analysis_slot slot) {
  if (slot == ro::analysis_slot::background && p.strategy() == ro::strategy::canary &&
      p.canary().background) {
    return p.canary().background->first_step;
  }
  return s.step_index;
}

// The event a measurement NAME=VALUE makes, or nullopt after the message.
std::optional<ro::event> measurement_event(const ro::plan_document& doc, const ro::state& s,
                                           std::string_view pair, ro::time_point now) {
  const std::size_t eq = pair.find('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size()) {
    usage_error("expected NAME=VALUE, got '" + std::string(pair) + "'", "rollout");
    return std::nullopt;
  }
  const std::string_view name = pair.substr(0, eq);
  const std::string_view value_text = pair.substr(eq + 1);
  const std::optional<ro::measurement> literal = ro::parse_measurement(value_text);
  const std::optional<double> number = literal ? std::nullopt : parse_number(value_text);
  if (!literal && !number) {
    usage_error("expected a number or successful, failed, inconclusive or error, got '" +
                    std::string(value_text) + "'",
                "rollout");
    return std::nullopt;
  }
  const bool progressive = doc.validated.strategy() == ro::strategy::progressive;
  for (const ro::analysis_slot slot : {ro::analysis_slot::step, ro::analysis_slot::background}) {
    const ro::run_status& run = slot == ro::analysis_slot::step ? s.step_run : s.background_run;
    if (!progressive && run.phase != ro::analysis_phase::running) continue;
    if (progressive && (slot != ro::analysis_slot::step || !s.updating || s.aborted)) continue;
    const ro::analysis_conditions* conditions =
        ro::conditions_at(doc, slot, conditions_step(doc.validated, s, slot));
    if (conditions == nullptr) continue;
    for (std::size_t i = 0; i < conditions->metrics.size(); ++i) {
      const ro::metric_conditions& m = conditions->metrics[i];
      if (m.metric != name) continue;
      ro::measurement value = literal ? *literal : ro::classify(m, *number);
      if (progressive) {
        const bool pass =
            literal ? *literal == ro::measurement::successful : ro::passes(m, *number);
        value = pass ? ro::measurement::successful : ro::measurement::failed;
      }
      return ro::event(ro::analysis_result{now, slot, progressive ? 0 : i, value});
    }
  }
  err("relkit: no running analysis has a metric '" + std::string(name) + "'\n");
  return std::nullopt;
}

// ---- events

struct event_command_spec {
  std::string_view name;
  std::size_t positional;  // PLAN STATE [VALUE]
};

constexpr event_command_spec event_commands[] = {
    {"init", 2},  {"start", 2}, {"tick", 2},  {"measurement", 3}, {"score", 3},  {"promote", 2},
    {"abort", 2}, {"retry", 2}, {"pause", 2}, {"resume", 2},      {"status", 2},
};

int event_command(std::string_view command, std::size_t positional, const arguments& words) {
  const parsed_args args =
      parse_args(words, 0, {"--now", "--stable", "--canary"}, {"--json", "--full"});
  if (const auto done = settle_args(args, rollout_help, "rollout", positional)) return *done;
  if (args.positional.size() < positional) {
    return usage_error(
        "rollout " + std::string(command) +
            (positional == 3 ? " takes PLAN STATE and a value" : " takes PLAN STATE"),
        "rollout");
  }
  // Which options each event takes.
  const bool is_init = command == "init";
  const bool is_status = command == "status";
  const auto only = [&](std::string_view option, bool allowed) {
    if (allowed || (!args.option(option) && !args.flag(option))) return true;
    usage_error("rollout " + std::string(command) + " does not take " + std::string(option),
                "rollout");
    return false;
  };
  if (!only("--stable", is_init) || !only("--canary", command == "start") ||
      !only("--full", command == "promote") || !only("--now", !is_init && !is_status)) {
    return exit_usage;
  }
  std::optional<ro::time_point> now;
  if (!is_init && !is_status) {
    const auto now_text = args.option("--now");
    if (!now_text)
      return usage_error("rollout " + std::string(command) + " needs --now TIME", "rollout");
    std::string problem;
    now = parse_time(*now_text, problem);
    if (!now) return usage_error("--now: " + problem, "rollout");
  }
  if (is_init && (!args.option("--stable") || args.option("--stable")->empty())) {
    return usage_error("rollout init needs --stable ID", "rollout");
  }
  if (command == "start" && (!args.option("--canary") || args.option("--canary")->empty())) {
    return usage_error("rollout start needs --canary ID", "rollout");
  }
  const auto doc = load_plan(args.positional[0]);
  if (!doc) return exit_usage;
  const std::string state_path(args.positional[1]);
  state_lock lock;
  if (!lock.take(state_path)) return exit_usage;
  file_update file;
  std::string text;
  if (!begin_update(state_path, file, text)) return exit_usage;
  if (is_init) {
    if (file.exists) {
      err("relkit: " + file.name + " exists: rollout init creates a new state file\n");
      return exit_usage;
    }
    const ro::state s = ro::initial_state(doc->validated, std::string(*args.option("--stable")));
    if (!commit_update(file, ro::to_string(s))) return exit_usage;
    print_transition({}, s, args.flag("--json"));
    return exit_ok;
  }
  if (!file.exists) {
    err("relkit: cannot read " + file.name +
        ": no such state file (create it with relkit rollout init)\n");
    return exit_usage;
  }
  auto current = ro::parse_state(text, doc->validated);
  if (!current) return located_error(file.name, text, current.error());
  if (is_status) {
    print_transition({}, *current, args.flag("--json"));
    return exit_for({}, *current);
  }
  std::optional<ro::event> e;
  if (command == "start") {
    e = ro::event(ro::new_artifact{*now, std::string(*args.option("--canary"))});
  } else if (command == "tick") {
    e = ro::event(ro::tick{*now});
  } else if (command == "measurement") {
    e = measurement_event(*doc, *current, args.positional[2], *now);
    if (!e) return exit_usage;
  } else if (command == "score") {
    const std::string_view v = args.positional[2];
    const std::optional<double> score = parse_number(v);
    if (!score) {
      return usage_error("expected a score (a number), got '" + std::string(v) + "'", "rollout");
    }
    const bool step_running = current->step_run.phase == ro::analysis_phase::running;
    e = ro::event(ro::score_result{
        *now, step_running ? ro::analysis_slot::step : ro::analysis_slot::background, *score});
  } else if (command == "promote") {
    e = args.flag("--full") ? ro::event(ro::promote_full{*now}) : ro::event(ro::promote{*now});
  } else if (command == "abort") {
    e = ro::event(ro::abort{*now});
  } else if (command == "retry") {
    e = ro::event(ro::retry{*now});
  } else if (command == "pause") {
    e = ro::event(ro::pause{*now});
  } else {
    e = ro::event(ro::resume{*now});
  }
  const ro::transition t = ro::advance(doc->validated, std::move(*current), *e);
  if (!commit_update(file, ro::to_string(t.next))) return exit_usage;
  print_transition(t.actions, t.next, args.flag("--json"));
  return exit_for(t.actions, t.next);
}

// ---- simulate

// "1h30m", "45s", "0s": hours, minutes and seconds, the zero ones left out.
std::string span(std::int64_t seconds) {
  if (seconds == 0) return "0s";
  std::string text;
  if (seconds >= 3600) text += std::to_string(seconds / 3600) + "h";
  if (seconds % 3600 >= 60) text += std::to_string(seconds % 3600 / 60) + "m";
  if (seconds % 60 != 0) text += std::to_string(seconds % 60) + "s";
  return text;
}

// How long an analysis runs at most, in seconds (nullopt: until it is stopped), and a
// description of its metrics.
struct analysis_length {
  std::optional<std::int64_t> seconds;
  std::string description;
};

analysis_length length_of(const ro::analysis_spec& a) {
  analysis_length out;
  out.seconds = 0;
  if (a.kind == ro::analysis_kind::kayenta) {
    out.description = "judge: " + std::to_string(a.thresholds.intervals) +
                      (a.thresholds.intervals == 1 ? " score" : " scores");
    return out;
  }
  for (const ro::metric& m : a.metrics) {
    if (!out.description.empty()) out.description += "; ";
    out.description += m.name + ": ";
    const std::optional<std::uint32_t> count = m.count      ? m.count
                                               : m.interval ? std::nullopt
                                                            : std::optional<std::uint32_t>(1);
    if (!count) {
      out.description += "every " + span(m.interval->count()) + ", no count";
      if (!m.dry_run) out.seconds.reset();
      continue;
    }
    out.description += std::to_string(*count) + (*count == 1 ? " measurement" : " measurements");
    if (m.interval) out.description += " every " + span(m.interval->count());
    if (m.dry_run) out.description += " (dry run)";
    const std::int64_t length =
        m.interval ? static_cast<std::int64_t>(*count - 1) * m.interval->count() : 0;
    if (out.seconds && !m.dry_run) out.seconds = std::max(*out.seconds, length);
  }
  return out;
}

class timeline {
 public:
  void line(const std::string& text) {
    std::string when = span(now_);
    when.resize(std::max<std::size_t>(when.size(), 10), ' ');
    text_ += when + " " + text + "\n";
  }
  // An analysis that blocks the rollout: runs, then the clock moves on.
  void analysis(const std::string& what, const ro::analysis_spec& a) {
    const analysis_length length = length_of(a);
    std::string text = what + " " + a.name + " (" + length.description + ")";
    if (length.seconds) {
      line(text + ", up to " + span(*length.seconds));
      now_ += *length.seconds;
    } else {
      line(text + ", runs until promoted");
      manual(what);
    }
  }
  void wait(std::int64_t seconds) { now_ += seconds; }
  void manual(const std::string& where) { manual_.push_back(where); }
  // The worst case: the time reached plus `extra` seconds (`why`, when not 0).
  std::string finish(std::int64_t extra = 0, const std::string& why = {}) {
    text_ += "worst-case duration: " + span(now_ + extra);
    if (extra != 0) text_ += " (" + span(now_) + " with every check passing, plus " + why + ")";
    if (!manual_.empty()) {
      text_ += ", plus " + std::to_string(manual_.size()) +
               (manual_.size() == 1 ? " manual promotion (" : " manual promotions (");
      for (std::size_t i = 0; i < manual_.size(); ++i) text_ += (i > 0 ? ", " : "") + manual_[i];
      text_ += ")";
    }
    return text_ + "\n";
  }

 private:
  std::int64_t now_ = 0;
  std::string text_;
  std::vector<std::string> manual_;
};

std::string promotion_line(const ro::plan& p) {
  return "promote: the canary becomes stable; the previous stable scaled down after " +
         span(p.options().scale_down_delay.count());
}

std::string simulate_canary(const ro::plan& p) {
  const ro::canary_spec& spec = p.canary();
  timeline t;
  t.line("deploy canary");
  if (spec.background) {
    const auto& bg = *spec.background;
    const std::size_t end = bg.end_step ? *bg.end_step : spec.steps.size();
    t.line("background analysis " + bg.analysis.name + " from step " +
           std::to_string(bg.first_step) + " to step " + std::to_string(end - 1) + " (" +
           length_of(bg.analysis).description + "), alongside the steps");
  }
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const ro::step& st = spec.steps[i];
    const std::string step = "step " + std::to_string(i) + ": ";
    if (st.kind == ro::step_kind::set_weight) {
      t.line(step + "set weight " + std::to_string(st.weight));
    } else if (st.kind == ro::step_kind::pause && st.duration) {
      t.line(step + "pause " + span(st.duration->count()));
      t.wait(st.duration->count());
    } else if (st.kind == ro::step_kind::pause) {
      t.line(step + "pause until promoted");
      t.manual("step " + std::to_string(i));
    } else {
      t.analysis(step + "analysis", st.analysis);
    }
  }
  t.line(promotion_line(p));
  return t.finish();
}

std::string simulate_blue_green(const ro::plan& p) {
  const ro::blue_green_spec& spec = p.blue_green();
  timeline t;
  t.line("deploy canary; switch preview to it");
  if (spec.pre_promotion) t.analysis("pre-promotion analysis", *spec.pre_promotion);
  if (!spec.auto_promotion) {
    t.line("pause until promoted");
    t.manual("before the switch");
  } else if (spec.auto_promotion_delay.count() > 0) {
    t.line("pause " + span(spec.auto_promotion_delay.count()));
    t.wait(spec.auto_promotion_delay.count());
  }
  t.line("switch active to the canary (weight 100)");
  if (spec.post_promotion) t.analysis("post-promotion analysis", *spec.post_promotion);
  t.line(promotion_line(p));
  return t.finish();
}

std::string simulate_progressive(const ro::plan& p) {
  const ro::progressive_spec& spec = p.progressive();
  const std::int64_t interval = spec.interval.count();
  timeline t;
  t.line("deploy canary (weight 0); one check every " + span(interval));
  for (const std::int32_t w : p.weights()) {
    t.wait(interval);
    t.line("set weight " + std::to_string(w) + " (after a passing check)");
  }
  t.wait(interval);
  if (spec.confirm_promotion) {
    t.line("wait for promotion (confirmPromotion)");
    t.manual("confirmPromotion");
  }
  t.line(promotion_line(p));
  const std::int64_t failures = static_cast<std::int64_t>(spec.threshold) - 1;
  return t.finish(failures * interval, std::to_string(failures) +
                                           (failures == 1 ? " failed check" : " failed checks") +
                                           " of " + span(interval) + ", one short of threshold " +
                                           std::to_string(spec.threshold));
}

int simulate_command(const arguments& words) {
  const parsed_args args = parse_args(words, 0, {}, {});
  if (const auto done = settle_args(args, rollout_help, "rollout", 1)) return *done;
  if (args.positional.empty()) return usage_error("rollout simulate takes PLAN", "rollout");
  const auto doc = load_plan(args.positional[0]);
  if (!doc) return exit_usage;
  const ro::plan& p = doc->validated;
  switch (p.strategy()) {
    case ro::strategy::canary:
      out(simulate_canary(p));
      break;
    case ro::strategy::blue_green:
      out(simulate_blue_green(p));
      break;
    case ro::strategy::progressive:
      out(simulate_progressive(p));
      break;
  }
  return exit_ok;
}

}  // namespace

int rollout_command(const arguments& words) {
  if (words.empty()) {
    return usage_error(
        "rollout needs a command: init, start, tick, measurement, score, promote, abort, retry, "
        "pause, resume, status or simulate",
        "rollout");
  }
  if (is_help(words[0])) {
    out(rollout_help);
    return exit_ok;
  }
  const arguments rest(words.begin() + 1, words.end());
  if (words[0] == "simulate") return simulate_command(rest);
  for (const event_command_spec& c : event_commands) {
    if (c.name == words[0]) return event_command(c.name, c.positional, rest);
  }
  return usage_error("unknown rollout command '" + std::string(words[0]) + "'", "rollout");
}

}  // namespace relkit::cli
