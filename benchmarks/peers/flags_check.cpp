// Agreement check beside node_flags_bench.js: relkit's answers for flag-42 of the 64-flag
// payload over the 4096 users (make_payload(), make_users(4096) as dump_inputs wrote them),
// with the contexts of benchmarks/flags_bench.cpp. Prints the line node prints:
//   {"check":"flag-42 enabled of 4096","enabled":N,"variants":{...}}
//   flags_check PAYLOAD64.json USERS.txt
#include <relkit/flags.hpp>
#include <relkit/unleash.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: flags_check PAYLOAD64.json USERS.txt\n");
    return 2;
  }
  std::ifstream payload(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << payload.rdbuf();
  const auto set = relkit::unleash::load(ss.str());
  if (!set) return 1;
  std::vector<std::string> users;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) users.push_back(line);
  int enabled = 0;
  std::map<std::string, int> variants;
  for (const std::string& user : users) {
    relkit::flags::context c;
    c.user_id = user;
    c.environment = "production";
    c.app_name = "checkout-service";
    enabled += relkit::unleash::is_enabled(*set, "flag-42", c) ? 1 : 0;
    relkit::flags::context v;
    v.user_id = user;
    v.environment = "production";
    variants[std::string(relkit::unleash::get_variant(*set, "flag-42", v).name)]++;
  }
  std::printf("{\"check\":\"flag-42 enabled of %zu\",\"enabled\":%d,\"variants\":{", users.size(),
              enabled);
  bool first = true;
  for (const auto& [name, n] : variants) {
    std::printf("%s\"%s\":%d", first ? "" : ",", name.c_str(), n);
    first = false;
  }
  std::printf("}}\n");
  return 0;
}
