// Writes the inputs of relkit's own benchmarks to files, so that every peer reads exactly the
// strings relkit's benchmark programs use. run.sh extracts version_mix() from
// benchmarks/semver_bench.cpp and make_users()/make_payload() from benchmarks/flags_bench.cpp
// into inputs.inc (the functions are not copied here; they stay in one place).
//   dump_inputs OUTDIR
// OUTDIR/mix1000.txt, mix10000.txt    version_mix(1000), version_mix(10000), one per line
// OUTDIR/flags_payload64.json         make_payload() (the 64-flag Unleash payload)
// OUTDIR/flags_users4096.txt          make_users(4096)
// OUTDIR/flags_payload10k.json        10,000 flags of the same shape (payload_of(10000));
//                                     payload_of(64) is checked equal to make_payload()
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {
#include "inputs.inc"

std::string payload_of(int n) {
  std::string json = R"({"version":2,"features":[)";
  for (int i = 0; i < n; ++i) {
    if (i > 0) json += ',';
    const std::string id = std::to_string(i);
    json +=
        R"({"name":"flag-)" + id +
        R"(","enabled":true,"strategies":[{"name":"flexibleRollout","parameters":{"rollout":"50","stickiness":"default","groupId":"flag-)" +
        id +
        R"("},"constraints":[{"contextName":"environment","operator":"IN","values":["staging","production"]}]}],"variants":[{"name":"red","weight":500,"stickiness":"default"},{"name":"green","weight":300,"stickiness":"default"},{"name":"blue","weight":200,"stickiness":"default"}]})";
  }
  json += "]}";
  return json;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::fprintf(stderr, "dump_inputs: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

std::string lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dump_inputs OUTDIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  write(dir + "/mix1000.txt", lines(version_mix(1000)));
  write(dir + "/mix10000.txt", lines(version_mix(10000)));
  write(dir + "/flags_payload64.json", make_payload());
  write(dir + "/flags_users4096.txt", lines(make_users(4096)));
  if (payload_of(64) != make_payload()) {
    std::fprintf(
        stderr,
        "dump_inputs: flags_bench.cpp's make_payload() changed shape; update payload_of()\n");
    return 1;
  }
  write(dir + "/flags_payload10k.json", payload_of(10000));
  return 0;
}
