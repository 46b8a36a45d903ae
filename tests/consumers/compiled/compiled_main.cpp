// The consumer of relkit::compiled: calls functions whose bodies live only in
// the library (rollout's state machine, unleash::load, migrations' plan and
// runbook) and prints what every consumer prints.
#include <relkit/relkit.hpp>

#ifndef RELKIT_SEPARATE_COMPILATION
#error "relkit::compiled must define RELKIT_SEPARATE_COMPILATION for its users"
#endif

#include <cstdio>
#include <string>

std::string other_runbook_title();

int main() {
  namespace ro = relkit::rollout;
  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(20), ro::steps::pause(), ro::steps::set_weight(100)};
  const auto plan = ro::make_plan(spec);
  if (!plan) return 2;
  const ro::state initial = ro::initial_state(*plan, "stable-1");
  const auto reread = ro::parse_state(ro::to_string(initial), *plan);
  if (!reread) return 3;

  const auto flags = relkit::unleash::load(R"({"version":2,"features":[{"name":"f","enabled":true,)"
                                           R"("strategies":[{"name":"default"}]}]})");
  if (!flags) return 4;
  if (!relkit::unleash::is_enabled(*flags, "f", relkit::flags::context{})) return 5;

  if (other_runbook_title() != "# Migration: rename column users.name to full_name") return 6;
  if (relkit::migrations::lint("ALTER TABLE t ADD COLUMN c int NOT NULL;").empty()) return 7;

  std::printf("relkit %d.%d.%d ok\n", RELKIT_VERSION_MAJOR, RELKIT_VERSION_MINOR,
              RELKIT_VERSION_PATCH);
  return 0;
}
