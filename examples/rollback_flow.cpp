// The promotion pipeline of promotion_flow.cpp, but the canary's analysis
// fails at 10%: the rollout aborts and traffic returns to the stable artifact,
// the flag's kill switch turns the feature off, and the migration stays in
// its reversible phase. Then the classic incident replayed: an integration
// stage fails and someone deploys to production by hand anyway; the
// production gate refuses. Time and metrics are scripted inputs.
#include "release_pipeline.hpp"

using namespace pipeline;  // NOLINT(google-build-using-namespace)

int main() {
  decision_log log;

  // ---- 10:00 .. 11:30 as in promotion_flow: 1.5.0, built once, gates passed
  const auto current = semver::parse("1.4.1");
  std::vector<cm::log_entry> range;
  for (const auto& c : commits_since_1_4_1()) range.push_back({c.sha, 1, c.message});
  const auto next = cm::next_version(*current, range, cm::presets::conventional_commits());
  if (!next) return 1;
  const std::string version = semver::to_string(next->next_version);
  log.entry(at(10, 0), "commits",
            std::to_string(range.size()) + " commits since 1.4.1 -> " + version, next->reason);
  const std::string artifact = "shop:" + version + "+" + std::string(head_sha()).substr(0, 7);
  log.entry(at(10, 5), "build", "built " + artifact + " from " + head_sha() + " (once)");

  gates::evidence evidence;
  evidence.author = "ann";
  evidence.stages = {{"build", gates::stage_status::passed, at(10, 5)},
                     {"unit", gates::stage_status::passed, at(10, 12)}};
  const auto promote = [&](time_point now, const gates::gate& gate, const std::string& env) {
    evidence.now = now;
    const gates::verdict verdict = gates::evaluate(gate, evidence);
    const bool go = gates::promotes(verdict.result);
    log.entry(now, "gates", artifact + " -> " + env + ": " + (go ? "promoted" : "refused"),
              gates::render(verdict));
    return go;
  };
  if (!promote(at(10, 15), dev_gate(), "dev")) return 1;
  evidence.metrics = {{"coverage", 84.6, {}, {}}};
  evidence.counts = {{"critical_cves", 0}};
  evidence.stages.push_back({"integration", gates::stage_status::passed, at(10, 38)});
  if (!promote(at(10, 40), staging_gate(), "staging")) return 1;

  const auto plan = rename_plan();
  if (!plan) return 1;
  const mig::phase& expand = plan->phases.front();
  log.entry(at(11, 2), "migrate",
            "phase 1 applied: " + std::string(mig::to_string(expand.kind)) + ": " + expand.title,
            "apps allowed: " + join(expand.apps) + "; rollback " +
                std::string(mig::to_string(expand.rollback)));

  evidence.metrics = {{"coverage", 84.6, {}, {}}, {"p95", 212, 205.0, {}}};
  evidence.stages.push_back({"smoke", gates::stage_status::passed, at(11, 20)});
  evidence.approvals = {{"bob", at(11, 25), gates::decision::approve}};
  if (!promote(at(11, 30), production_gate(), "production")) return 1;

  // ---- 11:31 the canary: 1% passes its analysis, 10% fails it
  const auto canary = canary_plan();
  if (!canary) return 1;
  const std::string stable = "shop:1.4.1+e41a0c3";
  canary_release rollout(*canary, stable, log);
  using M = ro::measurement;
  rollout.event(at(11, 31), ro::new_artifact{at(11, 31), artifact}, "new artifact " + artifact);
  rollout.event(at(11, 41), ro::tick{at(11, 41)}, "tick (10m at 1%)");
  rollout.measured(at(11, 44), 0, M::successful);
  rollout.measured(at(11, 45), 1, M::successful);
  rollout.event(at(11, 55), ro::tick{at(11, 55)}, "tick (10m at 10%)");
  rollout.measured(at(11, 58), 0, M::failed);  // error rate 2.4% against a 1% limit
  // A measurement arriving after the abort changes nothing.
  rollout.measured(at(11, 59), 1, M::successful);

  // ---- 11:59 the flag's kill switch, then the database: nothing to undo
  rollout.kill(at(11, 59));

  std::size_t no_return = 0;
  for (std::size_t k = 0; k < plan->phases.size(); ++k) {
    if (plan->phases[k].point_of_no_return && no_return == 0) no_return = k + 1;
  }
  const mig::phase& last = plan->phases[no_return - 1];
  const auto phases_allowing = [&](const std::string& app) {
    std::vector<std::string> numbers;
    for (std::size_t k = 0; k < plan->phases.size(); ++k) {
      for (const auto& a : plan->phases[k].apps) {
        if (a == app) numbers.push_back(std::to_string(k + 1));
      }
    }
    return join(numbers);
  };
  log.entry(at(12, 0), "migrate",
            "stays at phase 1 of " + std::to_string(plan->phases.size()) + " (" +
                std::string(mig::to_string(expand.kind)) + "), rollback " +
                std::string(mig::to_string(expand.rollback)),
            "the stable " + stable + " is A0, allowed in phases " + phases_allowing("A0") +
                ": no database action is needed\n" + "point of no return: phase " +
                std::to_string(no_return) + " (" + std::string(mig::to_string(last.kind)) +
                "), rollback " + std::string(mig::to_string(last.rollback)) + ": not reached");
  rollout.actions.push_back("[12:00] migrate: none (phase 1 expand kept; " +
                            std::string(mig::to_string(expand.rollback)) + " rollback available)");

  log.entry(at(12, 0), "release",
            "aborted: stable " + rollout.state().stable + " serves 100%, canary " +
                rollout.state().canary + " at weight " + std::to_string(rollout.state().weight));
  std::cout << "\n== actions, in time order\n";
  for (const auto& a : rollout.actions) std::cout << a << '\n';

  // ---- 14:00 the incident replayed: integration fails, a manual deploy anyway
  std::cout << "\n== incident replay: a manual production deploy after a failed integration\n";
  const std::string hotfix = "shop:1.5.1+d41f7a2";
  gates::evidence manual;
  manual.author = "carol";
  manual.metrics = {{"coverage", 84.1, {}, {}}, {"p95", 214, 205.0, {}}};
  manual.counts = {{"critical_cves", 0}};
  manual.stages = {{"build", gates::stage_status::passed, at(13, 50)},
                   {"unit", gates::stage_status::passed, at(13, 56)},
                   {"integration", gates::stage_status::failed, at(14, 2)}};
  manual.approvals = {{"carol", at(14, 8), gates::decision::approve}};  // her own
  manual.now = at(14, 10);
  const gates::verdict verdict = gates::evaluate(production_gate(), manual);
  log.entry(at(14, 10), "gates",
            hotfix + " -> production (manual, by carol): " +
                (gates::promotes(verdict.result) ? "promoted" : "refused"),
            gates::render(verdict));
  return gates::promotes(verdict.result) ? 1 : 0;  // the refusal is the expected outcome
}
