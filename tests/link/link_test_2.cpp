#include <relkit/relkit.hpp>

int version_from_second_unit() {
  relkit::result<int> there = RELKIT_VERSION;
  return there.value_or(-1);
}
