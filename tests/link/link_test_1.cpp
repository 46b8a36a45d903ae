#include <relkit/relkit.hpp>

int version_from_second_unit();

int main() {
  relkit::result<int> here = RELKIT_VERSION;
  return *here == version_from_second_unit() ? 0 : 1;
}
