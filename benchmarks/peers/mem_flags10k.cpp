// relkit side of the 10,000-flag Unleash set: load time, peak RSS and heap held.
//   mem_flags10k PAYLOAD.json [repeats=7]
// Reads the payload (dump_inputs' flags_payload10k.json, 4.2 MB), then:
// - memory: RSS and heap in use before the load, relkit::unleash::load, evaluates flag-4242 once,
//   then heap in use and peak RSS with the flag set held. peak_rss_delta_kib = peak RSS after
//   the load - RSS before it; heap_held_bytes = heap in use after - before (the flag set).
// - time: `repeats` further loads (each set destroyed before the next), median wall ms.
// One JSON line. node_flags10k.js measures unleash-client the same way.
#include <relkit/flags.hpp>
#include <relkit/unleash.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mem_common.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: mem_flags10k PAYLOAD.json [repeats]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string json = ss.str();
  if (json.empty()) return 2;

  const long rss_before = peers::rss_kib();
  const std::size_t heap_before = peers::heap_bytes();
  double first_ms = 0;
  int on = -1;
  std::size_t heap_after = 0;
  long peak = 0;
  long rss_after = 0;
  {
    const auto t0 = std::chrono::steady_clock::now();
    auto set = relkit::unleash::load(json);
    first_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!set) {
      std::fprintf(stderr, "mem_flags10k: load failed\n");
      return 1;
    }
    relkit::flags::context c;
    c.user_id = "3f1c2a9e-7b4d-4e8a-9c01-100000000000";
    c.environment = "production";
    on = relkit::unleash::is_enabled(*set, "flag-4242", c) ? 1 : 0;
    heap_after = peers::heap_bytes();
    peak = peers::peak_rss_kib();
    rss_after = peers::rss_kib();
  }

  std::vector<double> ms;
  for (int r = 0; r < repeats; ++r) {
    const auto s = std::chrono::steady_clock::now();
    auto again = relkit::unleash::load(json);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count());
    if (!again) return 1;
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "{\"name\":\"load10k\",\"impl\":\"relkit\",\"json_bytes\":%zu,\"on\":%d,"
      "\"first_load_ms\":%.3f,\"load_ms_median\":%.3f,\"load_ms_min\":%.3f,\"repeats\":%d,"
      "\"rss_before_kib\":%ld,\"rss_after_kib\":%ld,\"peak_rss_kib\":%ld,"
      "\"peak_rss_delta_kib\":%ld,\"heap_held_bytes\":%lld}\n",
      json.size(), on, first_ms, ms[ms.size() / 2], ms[0], repeats, rss_before, rss_after, peak,
      peak - rss_before, static_cast<long long>(heap_after) - static_cast<long long>(heap_before));
  return 0;
}
