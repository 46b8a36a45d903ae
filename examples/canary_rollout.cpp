// A canary walked step by step: 5% -> pause 10m -> analysis -> 25% -> ... ->
// 100%, then the same plan with a failing analysis that rolls back. Each line
// is one event, the state it leads to, and the actions a controller must take.
#include <relkit/rollout.hpp>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

namespace ro = relkit::rollout;
using std::chrono::minutes;

namespace {

const ro::time_point start = ro::time_point{} + std::chrono::hours(24 * 365 * 56);

std::string clock_of(ro::time_point t) {
  const auto m = std::chrono::duration_cast<minutes>(t - start).count();
  std::ostringstream out;
  out << std::setfill('0') << std::setw(2) << m / 60 << ':' << std::setw(2) << m % 60;
  return out.str();
}

std::string name_of(const ro::event& e) {
  switch (e.kind) {
    case ro::event_kind::tick:
      return "tick";
    case ro::event_kind::analysis_result:
      return "measured " + std::string(ro::wire_name(e.value));
    case ro::event_kind::new_artifact:
      return "new artifact " + e.id;
    case ro::event_kind::promote:
      return "promote";
    case ro::event_kind::abort:
      return "abort";
    default:
      return "other";
  }
}

void run(const ro::plan& plan, ro::state s, const std::vector<ro::event>& events) {
  for (const auto& e : events) {
    auto t = ro::advance(plan, std::move(s), e);
    s = std::move(t.next);
    std::cout << clock_of(e.now) << "  " << std::left << std::setw(24) << name_of(e)
              << std::setw(12) << ro::to_string(s.phase) << "step " << s.step_index << "  weight "
              << std::setw(3) << s.weight << " |";
    if (t.actions.empty()) std::cout << " -";
    for (const auto& a : t.actions) std::cout << ' ' << ro::render(a) << ';';
    std::cout << '\n';
  }
  std::cout << "stable " << s.stable << ", canary " << (s.canary.empty() ? "-" : s.canary)
            << "\n\n";
}

}  // namespace

int main() {
  ro::metric error_rate;
  error_rate.name = "error-rate";
  error_rate.count = 3;          // three measurements
  error_rate.failure_limit = 1;  // a second failure fails the metric
  ro::analysis_spec smoke;
  smoke.name = "smoke";
  smoke.metrics = {error_rate};

  ro::canary_spec spec;
  spec.steps = {ro::steps::set_weight(5),  ro::steps::pause(minutes(10)), ro::steps::analyze(smoke),
                ro::steps::set_weight(25), ro::steps::pause(minutes(10)), ro::steps::set_weight(50),
                ro::steps::pause(),        ro::steps::set_weight(100)};
  const auto plan = ro::make_plan(spec);
  if (!plan) {
    std::cout << relkit::to_string(plan.error()) << '\n';
    return 1;
  }
  const ro::state healthy = ro::initial_state(*plan, "shop:1.4.0");
  const auto at = [](int m) { return start + minutes(m); };
  const auto measured = [&](int m, ro::measurement value) {
    return ro::analysis_result{at(m), ro::analysis_slot::step, 0, value};
  };
  using M = ro::measurement;

  std::cout << "== shop:1.5.0 goes all the way\n";
  run(*plan, healthy,
      {ro::new_artifact{at(0), "shop:1.5.0"}, ro::tick{at(5)}, ro::tick{at(10)},
       measured(11, M::successful), measured(12, M::failed), measured(13, M::successful),
       ro::tick{at(20)}, ro::tick{at(23)}, ro::tick{at(90)}, ro::promote{at(95)}});

  std::cout << "== shop:1.6.0 fails its analysis and rolls back\n";
  run(*plan, healthy,
      {ro::new_artifact{at(0), "shop:1.6.0"}, ro::tick{at(10)}, measured(11, M::failed),
       measured(12, M::failed), ro::tick{at(30)}});

  // A controller that restarts reads its state back from the text form.
  const auto paused = ro::advance(*plan, healthy, ro::new_artifact{at(0), "shop:1.5.0"}).next;
  const std::string text = ro::to_string(paused);
  std::cout << "== stored state (first lines)\n" << text.substr(0, text.find("\nstable")) << '\n';
  const auto back = ro::parse_state(text, *plan);
  std::cout << "restored equal: " << (back && *back == paused ? "yes" : "no") << '\n';
  std::string corrupted = text;
  corrupted.replace(corrupted.find("weight 5"), 8, "weight 500");
  std::cout << "corrupted: " << relkit::to_string(ro::parse_state(corrupted, *plan).error())
            << '\n';
}
