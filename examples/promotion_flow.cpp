// A release from commit to 100% of traffic: the commits since 1.4.1 decide
// 1.5.0 and its changelog section; one artifact (version + commit sha) is
// built once and promoted dev -> staging -> production through gates; the
// expand phase of a column rename runs before the code that needs it; the
// release goes out behind a flag whose percentage follows a canary at
// 1% -> 10% -> 50% -> 100%, with an analysis at each step. Every decision is
// logged in time order with the component's own explanation. Time and
// metrics are scripted, so the output is the same on every run.
#include "release_pipeline.hpp"

using namespace pipeline;  // NOLINT(google-build-using-namespace)

int main() {
  decision_log log;

  // ---- 10:00 the next version and its changelog section, from the commits
  const auto current = semver::parse("1.4.1");
  std::vector<cm::log_entry> range;
  for (const auto& c : commits_since_1_4_1()) range.push_back({c.sha, 1, c.message});
  const auto next = cm::next_version(*current, range, cm::presets::conventional_commits());
  if (!next) return 1;
  const std::string version = semver::to_string(next->next_version);
  log.entry(at(10, 0), "commits",
            std::to_string(range.size()) + " commits since 1.4.1 -> " + version, next->reason);

  cl::release release;
  release.version = version;
  release.tag = "v" + version;
  release.previous_tag = "v1.4.1";
  release.date = "2026-11-23";
  cm::parse_options grammar;
  grammar.grammar = cm::dialect::conventional_changelog;
  for (const auto& c : commits_since_1_4_1()) {
    const auto parsed = cm::parse(c.message, grammar);
    if (!parsed) return 1;
    release.entries.push_back(cl::from_commit(c.sha, *parsed, c.message));
  }
  const auto repo = cl::parse_repository("https://github.com/acme/shop");
  if (!repo) return 1;
  log.entry(at(10, 0), "changelog", "section for " + version + " (conventionalcommits style)",
            cl::render(release, cl::presets::conventionalcommits(), *repo));

  // ---- 10:05 one artifact, built once, promoted unchanged everywhere
  const std::string artifact = "shop:" + version + "+" + std::string(head_sha()).substr(0, 7);
  log.entry(at(10, 5), "build", "built " + artifact + " from " + head_sha() + " (once)");

  // ---- the evidence the pipeline collects for this artifact (author: ann)
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

  // ---- 11:00 the database: expand before any 1.5.0 reaches production
  const auto plan = rename_plan();
  if (!plan) return 1;
  const mig::phase& expand = plan->phases.front();
  log.entry(at(11, 0), "migrate",
            "1.5.0 runs as app version A1, which needs: " + missing_needs(*plan, "A1", {}),
            "before the plan, missing: " + missing_needs(*plan, "A1", plan->initial_schema) +
                " -> 1.5.0 must wait for phase 1");
  log.entry(at(11, 2), "migrate",
            "phase 1 applied: " + std::string(mig::to_string(expand.kind)) + ": " + expand.title,
            "apps allowed: " + join(expand.apps) + "; rollback " +
                std::string(mig::to_string(expand.rollback)) + "\nA1 needs still missing: " +
                (missing_needs(*plan, "A1", expand.schema).empty()
                     ? std::string("none")
                     : missing_needs(*plan, "A1", expand.schema)) +
                "; next phase " + std::string(mig::to_string(plan->phases[1].kind)) + " allows " +
                join(plan->phases[1].apps) + " -> 1.5.0 may deploy");

  // ---- 11:30 production: smoke tests on staging, p95 vs baseline, approval by bob
  evidence.metrics = {{"coverage", 84.6, {}, {}}, {"p95", 212, 205.0, {}}};
  evidence.stages.push_back({"smoke", gates::stage_status::passed, at(11, 20)});
  evidence.approvals = {{"bob", at(11, 25), gates::decision::approve}};
  if (!promote(at(11, 30), production_gate(), "production")) return 1;

  // ---- 11:30 .. 12:15 the canary, with the flag following its weight
  const auto canary = canary_plan();
  if (!canary) return 1;
  canary_release rollout(*canary, "shop:1.4.1+e41a0c3", log);
  using M = ro::measurement;
  rollout.event(at(11, 31), ro::new_artifact{at(11, 31), artifact}, "new artifact " + artifact);
  rollout.event(at(11, 41), ro::tick{at(11, 41)}, "tick (10m at 1%)");
  rollout.measured(at(11, 44), 0, M::successful);
  rollout.measured(at(11, 45), 1, M::successful);
  rollout.event(at(11, 55), ro::tick{at(11, 55)}, "tick (10m at 10%)");
  rollout.measured(at(11, 58), 0, M::successful);
  rollout.measured(at(11, 59), 1, M::successful);
  rollout.event(at(12, 9), ro::tick{at(12, 9)}, "tick (10m at 50%)");
  rollout.measured(at(12, 12), 0, M::successful);
  rollout.measured(at(12, 13), 1, M::successful);
  log.entry(at(12, 13), "release",
            "stable " + rollout.state().stable + ", previous " + rollout.state().previous_stable +
                "; migration phase 1 of " + std::to_string(plan->phases.size()) +
                " done, phase 2 (backfill) next");
  return 0;
}
