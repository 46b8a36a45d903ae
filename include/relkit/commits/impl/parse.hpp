#pragma once
// Body of relkit/commits/parse.hpp's parse (the grammars are in
// relkit/commits/detail/parser.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <string_view>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/parser.hpp"
#include "relkit/commits/detail/release_please.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

namespace detail {
// `c` emptied as a default commit, its lists keeping their capacity.
inline void clear_keeping_capacity(commit& c) {
  commit empty;
  empty.footers.swap(c.footers);
  empty.notes.swap(c.notes);
  empty.references.swap(c.references);
  empty.mentions.swap(c.mentions);
  empty.footers.clear();
  empty.notes.clear();
  empty.references.clear();
  empty.mentions.clear();
  c = std::move(empty);
}

// parse() into `out`, a default commit.
inline result<void> parse_into(std::string_view message, commit& out, const parse_options& opts) {
  if (message.size() > opts.max_length) {
    return relkit::error{errc::message_too_long, opts.max_length,
                         error_args{}.with_number(static_cast<std::int64_t>(opts.max_length))};
  }
  if (relkit::detail::is_js_blank(message)) {
    return relkit::error{errc::empty_message, 0};
  }
  detail::commit_parser parser(message, out, opts.max_items);
  if (opts.grammar == dialect::spec) {
    parser.parse_spec();
  } else if (opts.grammar == dialect::git_cliff) {
    parser.parse_git_cliff();
  } else if (opts.grammar == dialect::release_please) {
    const std::size_t too_many_at = detail::parse_release_please(message, out, opts.max_items);
    if (too_many_at != std::string_view::npos) {
      return relkit::error{
          errc::too_many_items, too_many_at,
          error_args{}.with_number(static_cast<std::int64_t>(opts.max_items)).with_text("footers")};
    }
    out.merge = detail::is_merge_header(out.header);
  } else {
    parser.parse_compatible(opts.grammar, opts.meta_fields);
  }
  if (parser.too_many_at() != std::string_view::npos) {
    return relkit::error{errc::too_many_items, parser.too_many_at(),
                         error_args{}
                             .with_number(static_cast<std::int64_t>(opts.max_items))
                             .with_text(parser.too_many_what())};
  }
  return {};
}
}  // namespace detail

RELKIT_INLINE result<commit> parse(std::string_view message, const parse_options& opts) {
  result<commit> out;  // parsed in place: no move of the commit into the result
  const result<void> done = detail::parse_into(message, *out, opts);
  if (!done) relkit::detail::result_access::emplace_error(out, done.error());
  return out;
}

RELKIT_INLINE result<void> parse(std::string_view message, commit& out, const parse_options& opts) {
  detail::clear_keeping_capacity(out);
  result<void> done = detail::parse_into(message, out, opts);
  if (!done) detail::clear_keeping_capacity(out);
  return done;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
