// Fuzzes the rollout plan text (parse_plan): any input either fails with a
// position inside it (or just past its end), or gives a plan whose conditions
// match its analyses metric for metric, and which the state machine can run
// from a fresh state through a new artifact and a promotion.
#include <relkit/rollout.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

namespace ro = relkit::rollout;

// The analysis of `doc` that a conditions entry names, or null.
const ro::analysis_spec* analysis_of(const ro::plan_document& doc,
                                     const ro::analysis_conditions& c) {
  const ro::plan& p = doc.validated;
  if (p.strategy() == ro::strategy::canary) {
    if (c.slot == ro::analysis_slot::background) {
      return p.canary().background ? &p.canary().background->analysis : nullptr;
    }
    return c.step < p.canary().steps.size() ? &p.canary().steps[c.step].analysis : nullptr;
  }
  if (p.strategy() == ro::strategy::blue_green) {
    const auto& slot = c.step == 0 ? p.blue_green().pre_promotion : p.blue_green().post_promotion;
    return slot ? &*slot : nullptr;
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto doc = ro::parse_plan(text);
  if (!doc) {
    if (doc.error().position > size) std::abort();
    if (doc.error().message().empty()) std::abort();
    return 0;
  }
  for (const ro::analysis_conditions& c : doc->conditions) {
    if (ro::conditions_at(*doc, c.slot, c.step) != &c) std::abort();
    if (doc->validated.strategy() == ro::strategy::progressive) continue;
    const ro::analysis_spec* a = analysis_of(*doc, c);
    if (a == nullptr || a->metrics.size() != c.metrics.size()) std::abort();
    for (std::size_t i = 0; i < c.metrics.size(); ++i) {
      if (a->metrics[i].name != c.metrics[i].metric) std::abort();
    }
  }
  const ro::time_point t0{};
  ro::state s = ro::initial_state(doc->validated, "stable");
  auto t = ro::advance(doc->validated, std::move(s), ro::new_artifact{t0, "canary"});
  t = ro::advance(doc->validated, std::move(t.next), ro::promote_full{t0});
  if (t.next.updating || t.next.stable != "canary") std::abort();
  return 0;
}
