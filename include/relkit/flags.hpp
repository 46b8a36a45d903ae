#pragma once
// relkit::flags: feature-flag bucketing bit-compatible with Unleash,
// GrowthBook, LaunchDarkly, flagd, Flipt and Flagsmith
// (relkit/flags/bucketing.hpp), and relkit's own flag model: kill switch,
// strategies, constraints, segments, variants with overrides and payloads,
// dependent flags, lifecycle and a stale-flag report. The model follows
// Unleash's semantics (the richest of the systems), so an Unleash payload maps
// onto it one to one (relkit/unleash.hpp). A flag_set, once built, evaluates
// without allocating (except REGEX constraints).
//
// Pieces: bucketing.hpp (hashes and buckets per system), constraint.hpp
// (operators, constraints, segments), flag.hpp (the model), context.hpp (what
// an evaluation knows), evaluation.hpp (results, render), flag_set.hpp (the
// compiled set), stale.hpp (stale-flag report).

#include "relkit/flags/bucketing.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/context.hpp"
#include "relkit/flags/evaluation.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/flags/flag_set.hpp"
#include "relkit/flags/stale.hpp"
