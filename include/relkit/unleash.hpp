#pragma once
// relkit::unleash: read Unleash's client-API feature payload (GET
// /api/client/features, and the delta API's events) into a relkit flag set,
// and evaluate is_enabled / get_variant with the results of Unleash's SDKs
// (client-specification 6.1.0).
//
// Pieces: error.hpp (the "unleash" error domain), load.hpp (parse_features,
// parse_delta, apply_delta, load), evaluate.hpp (is_enabled, get_variant).

#include "relkit/flags.hpp"
#include "relkit/unleash/error.hpp"
#include "relkit/unleash/evaluate.hpp"
#include "relkit/unleash/load.hpp"
