#pragma once
// relkit::semver: SemVer 2.0.0 versions and npm ranges, deciding what
// node-semver 7.8.6 decides (deliberate differences are listed in README.md).

#include "relkit/semver/operations.hpp"
#include "relkit/semver/range.hpp"
#include "relkit/semver/version.hpp"
