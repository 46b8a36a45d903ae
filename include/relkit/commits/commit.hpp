#pragma once
// relkit::commits value types: the error codes, the grammars (dialect), the
// parse options and the parsed commit with its notes, footers, references and
// revert. Included by relkit/commits.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/dialect.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

enum class errc {
  empty_message = 1,       // nothing but whitespace: no commit at all
  message_too_long,        // over parse_options::max_length
  bad_log_record,          // read_git_log: a record that is not `%H 0x1f %P 0x1f %B`
  bad_tag_format,          // parse_tag_format: not exactly one `${version}` placeholder
  bad_tag_name,            // parse_tag_format: text git refuses in a tag name
  tag_mismatch,            // parse_tag: the tag is not of the format
  duplicate_package,       // decide(workspace): two packages of one name
  unknown_package,         // decide(workspace): a dependency or group member naming none
  dependency_cycle,        // decide(workspace): dependencies that form a cycle
  invalid_workspace_json,  // workspace configuration readers: a JSON text that is not JSON
  bad_workspace_config,    // workspace configuration readers: a value of the wrong type
  bad_workspace_yaml,      // read_pnpm_workspace: outside the YAML subset it reads
  too_many_items,          // more footers, references or mentions than parse_options::max_items
};

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::empty_message, "empty_message", "empty commit message"},
    {errc::message_too_long, "message_too_long", "message longer than {number} bytes"},
    {errc::bad_log_record, "bad_log_record", "expected {text} in a git log record"},
    {errc::bad_tag_format, "bad_tag_format", "expected {text} in a tag format"},
    {errc::bad_tag_name, "bad_tag_name", "a git tag name cannot {text}{token}"},
    {errc::tag_mismatch, "tag_mismatch", "tag is not of the format {token}"},
    {errc::duplicate_package, "duplicate_package", "two packages named {token}"},
    {errc::unknown_package, "unknown_package", "{text} {token} is not a package"},
    {errc::dependency_cycle, "dependency_cycle", "dependency cycle {token}"},
    {errc::invalid_workspace_json, "invalid_workspace_json", "invalid JSON in {token}: {text}"},
    {errc::bad_workspace_config, "bad_workspace_config", "expected {text} for {token}"},
    {errc::bad_workspace_yaml, "bad_workspace_yaml", "pnpm-workspace.yaml: expected {text}"},
    {errc::too_many_items, "too_many_items", "more than {number} {text} in a message"},
};
inline constexpr relkit::error_domain errc_domain =
    relkit::make_error_domain<errc_table>("commits");
}  // namespace detail
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

// How parse() reads a message.
struct parse_options {
  dialect grammar = dialect::spec;
  // Longer messages are an error (errc::message_too_long at max_length), not a slow parse.
  std::size_t max_length = std::size_t{64} << 20;
  // Footers, issue references and @mentions: more than this many of one kind
  // is errc::too_many_items at the first one beyond (issue 19: each costs
  // 40-130 bytes, from 3 bytes of text, so the limit bounds the memory).
  std::size_t max_items = 10000;
  // Compatible dialects: a `-name-` line starts the parser's meta fields (fieldPattern),
  // which take every later line away from body, footer and notes. commitlint sets it off.
  bool meta_fields = true;
};

// A BREAKING CHANGE note: the footer (or the `!` header) that breaks compatibility.
struct note {
  std::string_view title;  // as written: "BREAKING CHANGE", "BREAKING-CHANGE", "breaking change"
  std::string_view text;   // the description; multi-line values joined by '\n'
  [[nodiscard]] friend bool operator==(const note& a, const note& b) {
    return a.title == b.title && a.text == b.text;
  }
  [[nodiscard]] friend bool operator!=(const note& a, const note& b) { return !(a == b); }
};

// A git-trailer footer: `Token: value` or `Token #value`.
struct footer {
  std::string_view token;      // "Reviewed-by", "BREAKING CHANGE", "Refs"
  std::string_view separator;  // ": " or " #"
  std::string_view value;      // to the next footer token; lines joined by '\n'
  [[nodiscard]] friend bool operator==(const footer& a, const footer& b) {
    return a.token == b.token && a.separator == b.separator && a.value == b.value;
  }
  [[nodiscard]] friend bool operator!=(const footer& a, const footer& b) { return !(a == b); }
};

// An issue reference: `#12`, `owner/repo#1`, `Closes #12, #13`.
struct reference {
  std::string_view raw;     // the parser's raw match (from the end of the previous one)
  std::string_view action;  // "Closes", "fixes", …; empty: a reference without an action
  std::optional<std::string_view> owner;  // `owner` of owner/repo#1
  std::string_view repository;            // `repo` of owner/repo#1, `repo` of repo#1
  std::string_view prefix;                // "#"
  std::string_view issue;                 // "12"
  [[nodiscard]] friend bool operator==(const reference& a, const reference& b) {
    return a.raw == b.raw && a.action == b.action && a.owner == b.owner &&
           a.repository == b.repository && a.prefix == b.prefix && a.issue == b.issue;
  }
  [[nodiscard]] friend bool operator!=(const reference& a, const reference& b) { return !(a == b); }
};

// The commit a revert names: `Revert "<header>"` + `This reverts commit <hash>.`,
// or `revert: <header>` + the same.
struct reverted_commit {
  std::string_view header;
  std::string_view hash;  // may be empty (`This reverts commit .`)
  [[nodiscard]] friend bool operator==(const reverted_commit& a, const reverted_commit& b) {
    return a.header == b.header && a.hash == b.hash;
  }
  [[nodiscard]] friend bool operator!=(const reverted_commit& a, const reverted_commit& b) {
    return !(a == b);
  }
};

struct commit {
  // False: the header is not `type(scope)!: description`; `reason` says why and
  // `reason_position` is the byte offset in the message where it stopped matching.
  bool conventional = false;
  std::string_view reason;
  std::size_t reason_position = 0;

  std::string_view header;               // the first line
  std::string_view type;                 // as written ("feat", "Feat"); empty when not conventional
  std::string_view scope;                // empty when absent
  bool exclamation = false;              // `feat!:` / `feat(x)!:`
  std::string_view description;          // the subject after ": "
  std::optional<std::string_view> body;  // absent vs "" as the parser tells them apart
  std::optional<std::string_view> footer;  // the footer section, as one text
  std::vector<struct footer> footers;      // the git trailers of the footer section
  std::vector<note> notes;                 // BREAKING CHANGE notes (the `!` one included)
  bool breaking = false;                   // a breaking note or `!`
  std::vector<reference> references;
  std::vector<std::string_view> mentions;  // `@name` anywhere, without the '@'
  std::optional<reverted_commit> revert;
  bool merge = false;  // `Merge pull request …`, `Merge branch …`, `Merge remote-tracking …`
  // Backing store for values the message does not hold contiguously (shared,
  // immutable: copies of a commit stay valid). Null when every value is a view.
  std::shared_ptr<const std::string> owned_text;

  [[nodiscard]] friend bool operator==(const commit& a, const commit& b) {
    return a.conventional == b.conventional && a.reason == b.reason &&
           a.reason_position == b.reason_position && a.header == b.header && a.type == b.type &&
           a.scope == b.scope && a.exclamation == b.exclamation && a.description == b.description &&
           a.body == b.body && a.footer == b.footer && a.footers == b.footers &&
           a.notes == b.notes && a.breaking == b.breaking && a.references == b.references &&
           a.mentions == b.mentions && a.revert == b.revert && a.merge == b.merge;
  }
  [[nodiscard]] friend bool operator!=(const commit& a, const commit& b) { return !(a == b); }
};

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
