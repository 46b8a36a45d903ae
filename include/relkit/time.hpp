#pragma once
// relkit::time_point: the one instant type of every relkit component.
//
// Milliseconds since the Unix epoch (1970-01-01T00:00:00Z, leap seconds not
// counted, as std::chrono::system_clock keeps time since C++20). Why
// milliseconds: they are what the systems relkit mirrors put on the wire
// (Unleash, Argo and Flagger timestamps, JavaScript's Date), an int64 of them
// spans +-292 million years, and a coarser unit than the clock's makes every
// persisted instant round-trip exactly. Every component stores, compares and
// persists instants in this one unit. A system_clock::now() reading converts
// with std::chrono::time_point_cast<relkit::time_point::duration>(...).

#include "relkit/detail/prologue.hpp"

#include <chrono>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN

using time_point = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
