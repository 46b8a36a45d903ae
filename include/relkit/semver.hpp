#pragma once
// relkit::semver: SemVer 2.0.0 versions and npm ranges, deciding what
// node-semver 7.8.6 decides (deliberate differences are listed in README.md).

#include "relkit/detail/semver_ops.hpp"
#include "relkit/detail/semver_range.hpp"
#include "relkit/detail/semver_version.hpp"
