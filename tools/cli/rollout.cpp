// relkit rollout: (in progress)
#include "commands.hpp"
#include "io.hpp"

namespace relkit::cli {

int rollout_command(const arguments& words) {
  (void)words;
  return usage_error("rollout: not yet", "rollout");
}

}  // namespace relkit::cli
