// Instructions per operation of bench_flags' request-path cases, for
// before/after decisions on a shared machine (wall-clock moves 2-3x with the
// load; instruction counts do not). Not built by CMake; see flags_ir.sh.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "relkit/flags.hpp"
#include "relkit/unleash.hpp"
namespace flags = relkit::flags;
template <class T>
inline void keep(T const& v) {
  asm volatile("" : : "r,m"(v) : "memory");
}
// make_users() and make_payload() of flags_bench.cpp, copied by flags_ir.sh.
#include "flags_inputs.inc"
__attribute__((noinline)) void run_isenabled(const flags::flag_set& set,
                                             const std::vector<flags::context>& contexts, int n) {
  for (int k = 0; k < n; ++k) {
    bool on =
        relkit::unleash::is_enabled(set, "flag-42", contexts[static_cast<std::size_t>(k) & 4095U]);
    keep(on);
  }
}
__attribute__((noinline)) void run_unknown(const flags::flag_set& set,
                                           const std::vector<flags::context>& contexts, int n) {
  for (int k = 0; k < n; ++k) {
    bool on = relkit::unleash::is_enabled(set, "no-such-flag",
                                          contexts[static_cast<std::size_t>(k) & 4095U]);
    keep(on);
  }
}
__attribute__((noinline)) void run_variant(const flags::flag_set& set,
                                           const std::vector<flags::context>& contexts, int n) {
  for (int k = 0; k < n; ++k) {
    auto v =
        relkit::unleash::get_variant(set, "flag-42", contexts[static_cast<std::size_t>(k) & 4095U]);
    keep(v);
  }
}
__attribute__((noinline)) void run_growthbook(const std::vector<std::string>& users, int n) {
  for (int k = 0; k < n; ++k) {
    auto h = flags::growthbook_hash("pricing-page-experiment",
                                    users[static_cast<std::size_t>(k) & 4095U], 2);
    keep(h);
  }
}
int main(int argc, char** argv) {
  if (argc < 3) return 2;
  const int n = std::atoi(argv[2]);
  const auto set = relkit::unleash::load(make_payload()).value();
  const auto users = make_users(4096);
  std::vector<flags::context> contexts(users.size());
  for (std::size_t k = 0; k < users.size(); ++k) {
    contexts[k].user_id = users[k];
    contexts[k].environment = "production";
    contexts[k].app_name = "checkout-service";
  }
  if (std::strcmp(argv[1], "isenabled") == 0)
    run_isenabled(set, contexts, n);
  else if (std::strcmp(argv[1], "unknown") == 0)
    run_unknown(set, contexts, n);
  else if (std::strcmp(argv[1], "variant") == 0)
    run_variant(set, contexts, n);
  else if (std::strcmp(argv[1], "growthbook") == 0)
    run_growthbook(users, n);
  else
    return 2;
  return 0;
}
