#pragma once
// relkit::commits: Conventional Commits 1.0.0 messages parsed exactly, or as
// conventional-commits-parser 7.1.4 parses them (conventionalcommits preset);
// commitlint's config-conventional rules; the version bump a range of commits
// implies and the next version, with the commit and the rule that decided;
// release tags read as semantic-release reads them (tag formats, the last release);
// workspaces: many packages in one history, with dependency propagation and groups.
//
// Parsing is one forward pass over the message: time linear in its length,
// whatever the bytes (a megabyte of '#' or '(' included). Text values are views
// into the message passed to parse(), or into `commit::owned_text` when the
// parser had to join lines the message does not hold contiguously (CRLF line
// ends, dropped `gpg:` lines). Keep the message alive while you use a commit.

#include "relkit/commits/bump.hpp"
#include "relkit/commits/commit.hpp"
#include "relkit/commits/lint.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/commits/tag_format.hpp"
#include "relkit/commits/workspace.hpp"
#include "relkit/config.hpp"
#include "relkit/result.hpp"
