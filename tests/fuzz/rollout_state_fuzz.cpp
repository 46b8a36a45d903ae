// Fuzzes the rollout state's text form: any input either fails with a
// position inside it, or parses to a state whose text parses back to the same
// state and the same text (round-trip stability). The plan-checked parse must
// agree with the syntax-only one, and advancing a parsed state must keep it
// serializable.
#include <relkit/rollout.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace ro = relkit::rollout;

const ro::plan& fuzz_plan() {
  static const ro::plan plan = [] {
    ro::canary_spec spec;
    ro::metric m;
    m.name = "error-rate";
    m.count = 3;
    ro::analysis_spec a;
    a.name = "a";
    a.metrics = {m, m};
    spec.steps = {ro::steps::set_weight(5), ro::steps::pause(std::chrono::minutes(10)),
                  ro::steps::analyze(a), ro::steps::set_weight(50), ro::steps::pause()};
    ro::metric bg;
    bg.name = "bg";
    bg.interval = std::chrono::seconds(60);
    ro::analysis_spec b;
    b.name = "b";
    b.metrics = {bg};
    spec.background = ro::background_analysis{b, 1, std::nullopt};
    return ro::make_plan(spec).value();
  }();
  return plan;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = ro::parse_state(text);
  const auto checked = ro::parse_state(text, fuzz_plan());
  if (!parsed) {
    if (parsed.error().position > size) std::abort();
    if (checked) std::abort();
    return 0;
  }
  const std::string once = ro::to_string(*parsed);
  const auto again = ro::parse_state(once);
  if (!again || !(*again == *parsed) || ro::to_string(*again) != once) std::abort();
  if (checked) {
    if (!(*checked == *parsed)) std::abort();
    // A state that fits the plan can be advanced, and stays serializable.
    const auto t =
        ro::advance(fuzz_plan(), *checked, ro::tick{checked->progress_at + std::chrono::hours(1)});
    const auto back = ro::parse_state(ro::to_string(t.next), fuzz_plan());
    if (!back || !(*back == t.next)) std::abort();
  } else if (checked.error().position > size) {
    std::abort();
  }
  return 0;
}
