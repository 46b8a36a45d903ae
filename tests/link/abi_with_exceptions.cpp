// Built with exceptions; abi_without_exceptions.cpp with -fno-exceptions. Both
// use the same relkit entities in one program: each must get its own mangled
// names (inline namespace v0 vs v0_noexcept), or the linker would pick one
// definition for both and the program would violate the ODR.
#include <relkit/relkit.hpp>

#include <cstdio>
#include <cstring>
#include <typeinfo>

#if !RELKIT_HAS_EXCEPTIONS
#error "this unit must be built with exceptions"
#endif

const char* type_name_without_exceptions();
bool parse_without_exceptions(const char* text);

int main() {
  const char* here = typeid(relkit::semver::version).name();
  const char* there = type_name_without_exceptions();
  std::printf("with exceptions: %s\nwithout:         %s\n", here, there);
  if (std::strstr(here, "2v0") == nullptr || std::strstr(here, "v0_noexcept") != nullptr) return 1;
  if (std::strstr(there, "v0_noexcept") == nullptr) return 2;
  // Both units' inline functions work side by side in one program.
  const bool here_ok = relkit::semver::parse("1.2.3").has_value();
  return here_ok && parse_without_exceptions("1.2.3") && !parse_without_exceptions("1.2") ? 0 : 3;
}
