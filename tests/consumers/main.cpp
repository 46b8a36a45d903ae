// The program every consumer project builds: it must see relkit's headers, the
// version it was given, and a working result type.
#include <relkit/relkit.hpp>

#include <cstdio>

int main() {
  const relkit::result<int> version = RELKIT_VERSION;
  std::printf("relkit %d.%d.%d ok\n", RELKIT_VERSION_MAJOR, RELKIT_VERSION_MINOR,
              RELKIT_VERSION_PATCH);
  return version.value_or(-1) == RELKIT_VERSION ? 0 : 1;
}
