// See abi_with_exceptions.cpp; this unit is built with -fno-exceptions.
#include <relkit/relkit.hpp>

#include <typeinfo>

#if RELKIT_HAS_EXCEPTIONS
#error "this unit must be built with -fno-exceptions"
#endif

const char* type_name_without_exceptions();
bool parse_without_exceptions(const char* text);

const char* type_name_without_exceptions() {
  return typeid(relkit::semver::version).name();
}
bool parse_without_exceptions(const char* text) {
  return relkit::semver::parse(text).has_value();
}
