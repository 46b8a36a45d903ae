#pragma once
// relkit::commits::parse: one commit message read in one of the grammars, and
// rebuild_header. Included by relkit/commits.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "relkit/commits/commit.hpp"
#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// Parses one commit message in the grammar opts.grammar. An error only for a message with nothing
// but whitespace (errc::empty_message; conventional-commits-parser throws there) or one over
// options::max_length; anything else is a commit, conventional or not.
[[nodiscard]] RELKIT_INLINE result<commit> parse(std::string_view message,
                                                 const parse_options& opts = {});

// The same parse into `out`, which keeps the capacity of its lists (footers, notes,
// references, mentions): parsing many messages into one commit allocates only while
// those grow, where parse(message, opts) allocates each list anew. `out` is the
// commit parse(message, opts) returns (its values are views into `message`, or into
// out.owned_text); on an error it is an empty commit.
[[nodiscard]] RELKIT_INLINE result<void> parse(std::string_view message, commit& out,
                                               const parse_options& opts = {});

// The header of a commit, rebuilt: `type(scope)!: description` (the header as
// written when the commit is not conventional). Not a round trip of the whole
// commit: body and footers are left out (formerly to_string(commit)).
[[nodiscard]] inline std::string rebuild_header(const commit& c) {
  if (!c.conventional) return std::string(c.header);
  std::string text(c.type);
  if (!c.scope.empty()) {
    text += '(';
    text += c.scope;
    text += ')';
  }
  if (c.exclamation) text += '!';
  text += ": ";
  text += c.description;
  return text;
}
}  // namespace commits
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/commits/impl/parse.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
