// Fuzz target for relkit::gates::parse. Any input must either fail with an
// error whose position lies inside the input, or give a valid gate that
// round-trips (parse -> to_string -> parse gives the same gate and text) and
// evaluates identically in both modes.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "relkit/gates.hpp"

namespace {

relkit::gates::evidence sample_evidence() {
  namespace g = relkit::gates;
  using std::chrono::minutes;
  const g::time_point now{std::chrono::seconds(1795435200)};
  g::evidence e;
  e.now = now;
  e.author = "ann";
  e.metrics = {{"coverage", 84.2, {}, {}}, {"p95", 212, 205.0, {}}, {"x", -3, {}, {1, 2, 3}}};
  e.counts = {{"critical_cves", 0}};
  e.approvals = {{"bob", now - minutes(5), g::decision::approve},
                 {"ann", now, g::decision::approve}};
  e.approval_requested_at = now - minutes(90);
  e.stages = {{"smoke", g::stage_status::passed, now - minutes(10)},
              {"test", g::stage_status::failed, now - minutes(40)}};
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace g = relkit::gates;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parsed = g::parse(input);
  if (!parsed) {
    if (parsed.error().position > size) std::abort();
    if (parsed.error().message().empty()) std::abort();
    return 0;
  }
  if (!g::validate(*parsed)) std::abort();
  const std::string text = g::to_string(*parsed);
  const auto again = g::parse(text);
  if (!again || !(*again == *parsed) || g::to_string(*again) != text) std::abort();
  static const g::evidence evidence = sample_evidence();
  const g::verdict v = g::evaluate(*parsed, evidence);
  if (g::check(*parsed, evidence) != v.result) std::abort();
  if (g::render(v).empty() || g::render(v, {g::render_format::markdown}).empty()) std::abort();
  return 0;
}
