#pragma once
#include "relkit/detail/prologue.hpp"
// relkit: release primitives for C++17. Including this header gives every
// component; each component header can also be included on its own.

#include "relkit/changelog.hpp"
#include "relkit/commits.hpp"
#include "relkit/config.hpp"
#include "relkit/flags.hpp"
#include "relkit/gates.hpp"
#include "relkit/migrations.hpp"
#include "relkit/result.hpp"
#include "relkit/rollout.hpp"
#include "relkit/semver.hpp"
#include "relkit/unleash.hpp"

// The shared core (relkit::detail) whole, so that the single header carries
// every module and tests/core_test.cpp runs against it too.
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/js_text.hpp"

#include "relkit/detail/epilogue.hpp"
