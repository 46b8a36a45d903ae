#pragma once
// relkit::changelog: release notes from classified commits, byte for byte as
// conventional-changelog (conventionalcommits and angular presets),
// semantic-release's release-notes-generator and git-cliff render them, Keep a
// Changelog 1.1.0, and a configurable preset of relkit's own; whole CHANGELOG.md
// files; prepend into an existing file that keeps every byte it had.
//
// Input is plain data (`entry`, `release`, `repository`), so a changelog can be
// built from any source; `from_commit` adapts a parsed relkit::commits::commit.
// Everything here is pure: the date is a string the caller gives.

#include "relkit/changelog/prepend.hpp"
#include "relkit/changelog/preset.hpp"
#include "relkit/changelog/render.hpp"
#include "relkit/changelog/repository.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"
#include "relkit/result.hpp"
