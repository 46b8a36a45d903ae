// The release pipeline shared by promotion_flow.cpp and rollback_flow.cpp:
// the scripted clock, the time-ordered log, the commits since 1.4.1, the
// gates, the feature flag, the canary plan and the column-rename migration.
// Everything is a value built from scripted inputs: no clock, no randomness.
#pragma once

#include <relkit/relkit.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace pipeline {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;
namespace flags = relkit::flags;
namespace gates = relkit::gates;
namespace mig = relkit::migrations;
namespace ro = relkit::rollout;
namespace semver = relkit::semver;
using std::chrono::minutes;
using time_point = relkit::time_point;

// 2026-11-23T00:00:00Z; every instant of the flows is this day at a scripted hh:mm.
inline time_point at(int hour, int minute) {
  return time_point(std::chrono::seconds(1795392000)) + std::chrono::hours(hour) + minutes(minute);
}

inline std::string clock_of(time_point t) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(s / 3600 % 24),
                static_cast<int>(s / 60 % 60));
  return text;
}

// The decision log: one entry per decision, "[hh:mm] who  what", followed by
// the component's own explanation, indented. Entries must come in time order.
class decision_log {
 public:
  void entry(time_point t, const std::string& who, const std::string& what,
             const std::string& details = {}) {
    if (t < last_) {
      std::cerr << "log out of time order at " << clock_of(t) << '\n';
      std::abort();
    }
    last_ = t;
    std::string padded = who;
    padded.resize(10, ' ');
    std::cout << '[' << clock_of(t) << "] " << padded << what << '\n';
    std::string::size_type begin = 0;
    while (begin < details.size()) {
      auto end = details.find('\n', begin);
      if (end == std::string::npos) end = details.size();
      std::cout << "                   " << details.substr(begin, end - begin) << '\n';
      begin = end + 1;
    }
  }

 private:
  time_point last_{};
};

// ------------------------------------------------------------------ commits
struct raw_commit {
  const char* sha;
  const char* message;
};

// `git log v1.4.1..HEAD`, newest first.
inline const std::vector<raw_commit>& commits_since_1_4_1() {
  static const std::vector<raw_commit> log = {
      {"9f3c2a1d7e5b4c6a8f0e1d2c3b4a59687766f5e4",
       "feat(checkout): one-page checkout behind the new-checkout flag\n\n"
       "Closes #412\n"},
      {"4b7e9d0c1a2f3e4d5c6b7a8918273645a0b1c2d3",
       "fix(cart): keep the coupon when the quantity changes\n\nFixes #398\n"},
      {"c81d4e2f6a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d", "chore(deps): update postgres driver to 3.2\n"},
      {"2e6f0a4b8c1d5e9f3a7b0c4d8e2f6a1b5c9d3e7f",
       "feat(profile): store the customer's full name\n\n"
       "Writes users.full_name next to users.name (expand phase of the rename).\n"},
      {"7a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "docs: describe the checkout flag\n"},
      {"e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a392817",
       "fix(search): escape quotes in the query string\n"},
  };
  return log;
}

inline const char* head_sha() {
  return commits_since_1_4_1().front().sha;
}

// ------------------------------------------------------------------ gates
// dev: the build and the unit tests passed.
inline gates::gate dev_gate() {
  return gates::all_of("dev", {gates::stages_passed("build"), gates::stages_passed("unit")});
}

// staging: coverage, no critical CVEs, integration tests passed.
inline gates::gate staging_gate() {
  using gates::comparator;
  return gates::all_of("staging", {gates::threshold("coverage", {{comparator::ge, 80}}),
                                   gates::threshold("critical_cves", {{comparator::eq, 0}}),
                                   gates::stages_passed("integration")});
}

// production: coverage >= 80, zero critical CVEs, p95 less than 5% above the
// baseline, smoke tests passed, one approval by someone other than the author,
// no failed stage in the last 30 minutes.
inline gates::gate production_gate() {
  using gates::comparator;
  using gates::reference;
  return gates::all_of(
      "production",
      {gates::threshold("coverage", {{comparator::ge, 80}}),
       gates::threshold("critical_cves", {{comparator::eq, 0}}),
       gates::threshold("p95", {{comparator::lt, 5, reference::baseline_percent}}),
       gates::stages_passed("smoke"), gates::approvals(1),
       gates::all_of("no_failed_stage", {gates::no_failure_within("unit", minutes(30)),
                                         gates::no_failure_within("integration", minutes(30)),
                                         gates::no_failure_within("smoke", minutes(30))})});
}

// ------------------------------------------------------------------ flag
inline flags::flag checkout_flag(std::uint32_t percent) {
  flags::strategy rollout;
  rollout.kind = flags::strategy_kind::flexible_rollout;
  rollout.name = "flexibleRollout";
  rollout.percentage = percent;
  rollout.group_id = "new-checkout";
  flags::flag f;
  f.name = "new-checkout";
  f.enabled = true;
  f.strategies = {rollout};
  f.meta.type = flags::flag_type::release;
  f.meta.owner = "checkout-team";
  return f;
}

// The fixed audience the flows count: customers c001 .. c200.
inline const std::vector<std::string>& customers() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (int i = 1; i <= 200; ++i) {
      char id[8];
      std::snprintf(id, sizeof id, "c%03d", i);
      out.emplace_back(id);
    }
    return out;
  }();
  return ids;
}

inline int customers_on(const flags::flag_set& set) {
  int on = 0;
  for (const auto& id : customers()) {
    flags::context ctx;
    ctx.user_id = id;
    on += set.is_enabled("new-checkout", ctx) ? 1 : 0;
  }
  return on;
}

// ------------------------------------------------------------------ canary
// 1% -> 10% -> 50% -> 100%; ten minutes at each step, then an analysis of the
// canary's error rate and p95 latency (one failed measurement fails it).
inline relkit::result<ro::plan> canary_plan() {
  ro::metric error_rate;
  error_rate.name = "error-rate";
  ro::metric latency;
  latency.name = "p95-latency";
  ro::analysis_spec health;
  health.name = "canary-health";
  health.metrics = {error_rate, latency};
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(1),      ro::steps::pause(minutes(10)),
                ro::steps::analyze(health),    ro::steps::set_weight(10),
                ro::steps::pause(minutes(10)), ro::steps::analyze(health),
                ro::steps::set_weight(50),     ro::steps::pause(minutes(10)),
                ro::steps::analyze(health),    ro::steps::set_weight(100)};
  return ro::make_plan(spec);
}

inline std::string actions_text(const ro::action_list& actions) {
  std::string out;
  for (const auto& a : actions) out += (out.empty() ? "" : "; ") + ro::render(a);
  return out.empty() ? "-" : out;
}

// The canary and the flag together: each event advances the rollout; when an
// action moves the canary's traffic up, the flag's rollout percentage follows.
// A rollback leaves the flag alone: turning the feature off is the kill switch's job.
// `actions` keeps every action emitted, with its time, for the action log.
class canary_release {
 public:
  canary_release(const ro::plan& plan, std::string stable, decision_log& log)
      : plan_(plan),
        state_(ro::initial_state(plan, std::move(stable))),
        flags_({checkout_flag(0)}),
        log_(log) {}

  void event(time_point now, const ro::event& e, const std::string& what) {
    auto t = ro::advance(plan_, std::move(state_), e);
    state_ = std::move(t.next);
    const std::string where = state_.phase == ro::state_phase::healthy
                                  ? "healthy, " + state_.stable + " serves 100%"
                                  : std::string(ro::to_string(state_.phase)) + ", canary " +
                                        std::to_string(state_.weight) + "%, stable " +
                                        std::to_string(100 - state_.weight) + "%";
    log_.entry(now, "rollout", what + " -> " + where, "actions: " + actions_text(t.actions));
    for (const auto& a : t.actions) {
      actions.push_back("[" + clock_of(now) + "] rollout: " + ro::render(a));
      if (a.kind == ro::action_kind::set_weight) follow(now, static_cast<std::uint32_t>(a.weight));
      if (a.kind == ro::action_kind::promote_stable) follow(now, 100);
    }
  }

  void measured(time_point now, std::size_t metric, ro::measurement value) {
    event(now, ro::analysis_result{now, ro::analysis_slot::step, metric, value},
          std::string(metric == 0 ? "error-rate" : "p95-latency") + " measured " +
              std::string(ro::wire_name(value)));
  }

  // The flag's own evaluation for the probe customer, explained.
  std::string probe() const {
    flags::context ctx;
    ctx.user_id = probe_customer;
    return std::string(probe_customer) + " (bucket " +
           std::to_string(flags::unleash_bucket("new-checkout", probe_customer)) + "): " +
           flags::render(*flags_.find("new-checkout"), flags_.evaluate("new-checkout", ctx));
  }

  // The kill switch: the flag stays configured at its percentage, but off.
  void kill(time_point now) {
    flags::flag f = *flags_.find("new-checkout");
    const std::string before = probe();
    f.enabled = false;
    flags_.upsert(f);
    actions.push_back("[" + clock_of(now) + "] flags: new-checkout kill switch off");
    log_.entry(now, "flags",
               "kill switch: new-checkout disabled, " + std::to_string(customers_on(flags_)) +
                   " of " + std::to_string(customers().size()) + " customers on",
               "before: " + before + "\nafter:  " + probe());
  }

  const ro::state& state() const { return state_; }
  std::vector<std::string> actions;

  static constexpr const char* probe_customer = "c016";  // bucket 7: in from 10%

 private:
  void follow(time_point now, std::uint32_t percent) {
    if (percent == percent_) return;
    percent_ = percent;
    flags_.upsert(checkout_flag(percent));
    actions.push_back("[" + clock_of(now) + "] flags: new-checkout rollout " +
                      std::to_string(percent) + "%");
    log_.entry(now, "flags",
               "new-checkout rollout " + std::to_string(percent) +
                   "%: " + std::to_string(customers_on(flags_)) + " of " +
                   std::to_string(customers().size()) + " customers on",
               probe());
  }

  const ro::plan& plan_;
  ro::state state_;
  flags::flag_set flags_;
  decision_log& log_;
  std::uint32_t percent_ = 0;
};

// ------------------------------------------------------------------ migration
// 1.5.0 stores the full name: rename users.name to users.full_name by
// expand-contract. The app versions of the plan: 1.4.1 is A0, 1.5.0 is A1.
inline relkit::result<mig::migration_plan> rename_plan() {
  return mig::make_plan(mig::rename_column{"users", "name", "full_name", "text"});
}

inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The needs of app `name` missing from `schema` ("" when none).
inline std::string missing_needs(const mig::migration_plan& p, const std::string& name,
                                 const std::vector<std::string>& schema) {
  std::vector<std::string> missing;
  for (const auto& app : p.apps) {
    if (app.name != name) continue;
    for (const auto& need : app.needs) {
      bool found = false;
      for (const auto& fact : schema) found = found || fact == need;
      if (!found) missing.push_back(need);
    }
  }
  return join(missing);
}

}  // namespace pipeline
