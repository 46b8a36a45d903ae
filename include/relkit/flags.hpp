#pragma once
// relkit::flags: feature-flag bucketing bit-compatible with Unleash,
// GrowthBook, LaunchDarkly, flagd, Flipt and Flagsmith, and relkit's own flag
// model (kill switch, strategies, constraints, variants, dependencies,
// lifecycle) evaluated without allocating.

#include "relkit/config.hpp"
#include "relkit/detail/flag_bucketing.hpp"
