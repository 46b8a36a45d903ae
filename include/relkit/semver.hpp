#pragma once
// relkit::semver: SemVer 2.0.0 versions and npm ranges, deciding what
// node-semver 7.8.6 decides (deliberate differences are listed in docs/semver.md).
//
//   semver/errc.hpp        error codes and their messages ("semver" domain)
//   semver/version.hpp     version, parse, compare, to_string, sort, hash
//   semver/operations.hpp  bump (inc), diff, truncate, coerce
//   semver/comparator.hpp  comparator and range values, test, satisfies
//   semver/range.hpp       parse_range, parse_comparator, range queries
//   semver/detail/         internals (relkit::semver::detail)

#include "relkit/semver/comparator.hpp"
#include "relkit/semver/errc.hpp"
#include "relkit/semver/operations.hpp"
#include "relkit/semver/range.hpp"
#include "relkit/semver/version.hpp"
