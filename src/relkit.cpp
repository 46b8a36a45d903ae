// The library of relkit's compiled mode (CMake target relkit::compiled): the
// one translation unit that defines the bodies the headers leave out when
// RELKIT_SEPARATE_COMPILATION is defined (the target defines it PUBLIC).
#include "relkit/src.hpp"
