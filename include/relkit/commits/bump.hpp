#pragma once
// relkit::commits bump policies and the bump decision over a range of commits.
// Included by relkit/commits.hpp (public API in namespace relkit::commits).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/commits/detail/bump.hpp"
#include "relkit/commits/detail/release_please.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/operations.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

enum class bump : std::uint8_t { none, patch, minor, major };

namespace detail {
inline constexpr relkit::detail::enum_name<bump> bump_names[] = {
    {bump::none, "none"},
    {bump::patch, "patch"},
    {bump::minor, "minor"},
    {bump::major, "major"},
};
}  // namespace detail
// The stable identifier of a bump level ("none"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(bump value) noexcept {
  return relkit::detail::enum_to_string(detail::bump_names, value);
}
// The bump level that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<bump> parse_bump(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::bump_names, name);
}

// One line of a policy: the first rule a commit matches gives its bump.
struct rule {
  std::string name;                // shown in the decision: "feat -> minor"
  bool breaking = false;           // only commits with a BREAKING CHANGE note or `!`
  bool revert = false;             // only reverts
  bool any_conventional = false;   // any conventional commit (git-cliff, release-please)
  bool any_commit = false;         // any commit at all, conventional or not
  std::vector<std::string> types;  // one of these types (empty: any)
  bool ignore_case = false;        // compare types ignoring ASCII case
  std::string scope;               // this scope only (empty: any)
  std::string header_prefix;       // the header starts with this text (git-cliff's skips)
  bump level = bump::none;         // none: the commit counts for nothing (a skip rule)
};

// How a 0.y.z version bumps (SemVer leaves initial development open).
enum class initial_development : std::uint8_t {
  as_stable,          // breaking -> 1.0.0 (semantic-release, git-cliff and release-please defaults)
  lower_one_level,    // major -> minor, minor -> patch (conventionalcommits preMajor)
  breaking_is_minor,  // major -> minor only (release-please bump-minor-pre-major)
  ignore_breaking,    // the breaking mark is ignored, the type decides (cocogitto)
  minor_is_patch,     // minor -> patch only (release-please bump-patch-for-minor-pre-major)
};

// How a revert cancels the commit it reverts inside the range.
enum class revert_matching : std::uint8_t {
  none,                  // reverts never cancel (whatBump)
  newer_full_hash,       // commit-analyzer: revert newer than its target, full hash and header
  hash_prefix_any_order  // relkit: hash prefix of at least 7 characters and header, any order
};

namespace detail {
inline constexpr relkit::detail::enum_name<initial_development> initial_development_names[] = {
    {initial_development::as_stable, "as_stable"},
    {initial_development::lower_one_level, "lower_one_level"},
    {initial_development::breaking_is_minor, "breaking_is_minor"},
    {initial_development::ignore_breaking, "ignore_breaking"},
    {initial_development::minor_is_patch, "minor_is_patch"},
};
}  // namespace detail
// The stable identifier of an initial-development policy ("as_stable"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(initial_development value) noexcept {
  return relkit::detail::enum_to_string(detail::initial_development_names, value);
}
// The initial-development policy that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<initial_development> parse_initial_development(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::initial_development_names, name);
}

namespace detail {
inline constexpr relkit::detail::enum_name<revert_matching> revert_matching_names[] = {
    {revert_matching::none, "none"},
    {revert_matching::newer_full_hash, "newer_full_hash"},
    {revert_matching::hash_prefix_any_order, "hash_prefix_any_order"},
};
}  // namespace detail
// The stable identifier of a revert-matching policy ("none"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(revert_matching value) noexcept {
  return relkit::detail::enum_to_string(detail::revert_matching_names, value);
}
// The revert-matching policy that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<revert_matching> parse_revert_matching(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::revert_matching_names, name);
}

// A bump preset: the grammar commits are parsed in, the rules in order, how reverts
// cancel, merges, squash bodies and the initial-development (0.y.z) behaviour.
struct policy {
  std::string name;
  dialect grammar = dialect::spec;
  std::vector<rule> rules;
  revert_matching reverts = revert_matching::hash_prefix_any_order;
  bool skip_merges = false;          // ignore commits with more than one parent
  bool split_squash_bodies = false;  // body lines that are conventional headers count too
  // Each message is trimmed (String.prototype.trim) before it is read: semantic-release's
  // core does so before commit-analyzer sees it, so ` feat: x` is a feature there.
  bool trim_message = false;
  // A release is due only when a commit is of one of these types (ASCII case ignored) or
  // breaking: release-please's user-facing commits, the visible sections of its changelog.
  // Empty: any commit a rule gives a bump makes a release.
  std::vector<std::string> user_facing;
  initial_development zero_major = initial_development::as_stable;
  bool zero_zero_patch = false;  // at 0.0.z every bump is a patch
  // The first release's version, when nothing was released yet (first_release()).
  semver::version initial_version = semver::version(1, 0, 0);
};

// A commit as the bump sees it (what `git log` gives).
struct log_entry {
  std::string_view sha;
  std::size_t parent_count = 1;
  std::string_view message;
};

// What decide() and next_version() answer: the level, the commit and rule that
// decided it, a one-line reason, and (next_version) the next version.
struct decision {
  bump level = bump::none;
  std::size_t commit_index = static_cast<std::size_t>(-1);  // deciding commit in the input
  std::string_view sha;                                     // its sha
  std::string rule;                                         // the rule that matched
  std::string reason;  // one line: "major: 'feat!: x' (1a2b3c4) matched breaking -> major"
  semver::version next_version;  // next_version(): the next version (the current one for none)
  std::size_t cancelled = 0;     // commits dropped as revert pairs
  std::size_t skipped = 0;       // merges skipped, empty messages
};

namespace presets {

// A rule giving `level` to commits of one of `types` (`ignore_case`: ASCII case-insensitive).
[[nodiscard]] inline rule make_rule(std::string name, bump level, std::vector<std::string> types,
                                    bool ignore_case = false) {
  rule r;
  r.name = std::move(name);
  r.level = level;
  r.types = std::move(types);
  r.ignore_case = ignore_case;
  return r;
}
// A rule giving `level` to breaking commits (a BREAKING CHANGE note or `!`).
[[nodiscard]] inline rule breaking_rule(bump level = bump::major) {
  rule r;
  r.name = "breaking -> " + std::string(to_string(level));
  r.breaking = true;
  r.level = level;
  return r;
}
// A rule giving a patch to reverts.
[[nodiscard]] inline rule revert_rule() {
  rule r;
  r.name = "revert -> patch";
  r.revert = true;
  r.level = bump::patch;
  return r;
}

// @semantic-release/commit-analyzer 13.0.1 default release rules, preset "conventionalcommits",
// on the messages semantic-release hands it (trimmed).
[[nodiscard]] inline policy semantic_release() {
  policy p;
  p.name = "semantic-release (conventionalcommits)";
  p.trim_message = true;
  p.grammar = dialect::semantic_release_conventionalcommits;
  p.rules = {breaking_rule(),
             make_rule("feat -> minor", bump::minor, {"feat"}),
             make_rule("FEAT -> minor", bump::minor, {"FEAT"}),
             revert_rule(),
             make_rule("fix -> patch", bump::patch, {"fix"}),
             make_rule("perf -> patch", bump::patch, {"perf"}),
             make_rule("FIX -> patch", bump::patch, {"FIX"})};
  p.reverts = revert_matching::newer_full_hash;
  return p;
}
// The same with commit-analyzer's default preset (angular): `feat!:` is not a type there.
[[nodiscard]] inline policy semantic_release_angular() {
  policy p = semantic_release();
  p.name = "semantic-release (angular)";
  p.grammar = dialect::semantic_release_angular;
  return p;
}
// conventional-changelog-conventionalcommits 10.4.1 whatBump (conventional-recommended-bump).
[[nodiscard]] inline policy conventionalcommits_what_bump(bool pre_major = false) {
  policy p;
  p.name = "conventionalcommits whatBump";
  p.grammar = dialect::conventional_changelog;
  p.rules = {breaking_rule(), revert_rule(),
             make_rule("feat -> minor", bump::minor, {"feat", "feature"}),
             make_rule("bump type -> patch", bump::patch,
                       {"feat", "feature", "fix", "perf", "revert"}, true)};
  p.reverts = revert_matching::none;
  if (pre_major) p.zero_major = initial_development::lower_one_level;
  return p;
}
// A rule that makes commits whose header starts with `prefix` count for nothing.
[[nodiscard]] inline rule skip_rule(std::string prefix) {
  rule r;
  r.name = "skip " + prefix;
  r.header_prefix = std::move(prefix);
  return r;
}

// git-cliff 2.14.2 --bump with its default configuration: the commits its changelog keeps
// (conventional, git-cliff's grammar; `chore(release): prepare for`, `chore(deps…)`,
// `chore(pr)`, `chore(pull)` skipped, breaking ones too), then next_version 0.3.2: breaking
// major, feat (any case) minor, any other patch; 0.x as stable; the first release 0.1.0.
[[nodiscard]] inline policy git_cliff() {
  policy p;
  p.name = "git-cliff";
  p.grammar = dialect::git_cliff;
  rule other;
  other.name = "other -> patch";
  other.any_conventional = true;
  other.level = bump::patch;
  p.rules = {skip_rule("chore(release): prepare for"),
             skip_rule("chore(deps"),
             skip_rule("chore(pr)"),
             skip_rule("chore(pull)"),
             breaking_rule(),
             make_rule("feat -> minor", bump::minor, {"feat"}, true),
             other};
  p.reverts = revert_matching::none;
  p.initial_version = semver::version(0, 1, 0);
  return p;
}
// cocogitto: breaking major, feat minor, fix patch; at 0.x breaking never bumps major.
[[nodiscard]] inline policy cocogitto() {
  policy p;
  p.name = "cocogitto";
  p.grammar = dialect::spec;
  p.rules = {breaking_rule(), make_rule("feat -> minor", bump::minor, {"feat"}, true),
             make_rule("fix -> patch", bump::patch, {"fix"}, true)};
  p.reverts = revert_matching::none;
  p.zero_major = initial_development::ignore_breaking;
  return p;
}
// release-please 17.11 with its defaults (DefaultVersioningStrategy, the default changelog
// sections): every commit it reads in a message (dialect::release_please), merges
// included; breaking major, feat/feature (that case) minor, any other patch; but a
// release only when a commit is user-facing: feat, feature, fix, perf, revert or breaking.
[[nodiscard]] inline policy release_please() {
  policy p;
  p.name = "release-please";
  p.grammar = dialect::release_please;
  rule other;
  other.name = "other -> patch";
  other.any_conventional = true;
  other.level = bump::patch;
  p.rules = {breaking_rule(), make_rule("feat -> minor", bump::minor, {"feat", "feature"}), other};
  p.reverts = revert_matching::none;
  p.user_facing = {"feat", "feature", "fix", "perf", "revert"};
  return p;
}
// Conventional Commits 1.0.0 as the spec maps it to SemVer, reverts cancelled in the range.
[[nodiscard]] inline policy conventional_commits() {
  policy p;
  p.name = "conventional commits";
  p.rules = {breaking_rule(), make_rule("feat -> minor", bump::minor, {"feat"}, true),
             make_rule("fix -> patch", bump::patch, {"fix"}, true)};
  return p;
}

namespace detail {
struct policy_name {
  std::string_view name;
  policy (*make)();
};
inline constexpr policy_name policy_names[] = {
    {"semantic_release", &semantic_release},
    {"semantic_release_angular", &semantic_release_angular},
    {"conventionalcommits_what_bump", +[] { return conventionalcommits_what_bump(); }},
    {"git_cliff", &git_cliff},
    {"cocogitto", &cocogitto},
    {"release_please", &release_please},
    {"conventional_commits", &conventional_commits},
};
}  // namespace detail

// The bump preset whose function has this name ("git_cliff" -> git_cliff()); nullopt
// for any other text. The names are those of the functions above, one table.
[[nodiscard]] inline std::optional<policy> named(std::string_view name) {
  for (const detail::policy_name& entry : detail::policy_names) {
    if (entry.name == name) return entry.make();
  }
  return std::nullopt;
}

}  // namespace presets

}  // namespace commits
RELKIT_NAMESPACE_END

RELKIT_NAMESPACE_BEGIN
namespace commits {

// Whether rule `r` applies to the parsed commit `c` (the caller takes r.level from the
// first rule that does).
[[nodiscard]] inline bool matches(const rule& r, const commit& c) {
  if (r.breaking && !c.breaking) return false;
  if (r.revert && !c.revert) return false;
  if (r.any_conventional && !c.conventional) return false;
  if (!r.types.empty()) {
    bool found = false;
    for (const std::string& t : r.types) {
      if (r.ignore_case ? detail::iequals(t, c.type) : std::string_view(t) == c.type) {
        found = true;
        break;
      }
    }
    if (!found || c.type.empty()) return false;
  }
  if (!r.scope.empty() && c.scope != r.scope) return false;
  if (!r.header_prefix.empty() && c.header.substr(0, r.header_prefix.size()) != r.header_prefix)
    return false;
  return r.breaking || r.revert || r.any_conventional || r.any_commit || !r.types.empty() ||
         !r.scope.empty() || !r.header_prefix.empty();
}

// The bump a range of commits (newest first, as `git log` lists them) implies under
// `p`, and the commit and rule that decided it. `initial` says the current version is
// 0.y.z (`zero_zero`: 0.0.z), where the policy's initial-development rules apply.
[[nodiscard]] inline decision decide(const std::vector<log_entry>& range, const policy& p,
                                     bool initial = false, bool zero_zero = false) {
  decision out;
  std::vector<detail::item> items;
  items.reserve(range.size());
  for (std::size_t i = 0; i < range.size(); ++i) {
    if (p.skip_merges && range[i].parent_count > 1) {
      ++out.skipped;
      continue;
    }
    const std::string_view message =
        p.trim_message ? relkit::detail::js_trim(range[i].message) : range[i].message;
    if (p.grammar == dialect::release_please) {
      // Every commit release-please reads in the message (none: the parser rejects it).
      std::vector<commit> read;
      detail::release_please_commits(message, read);
      if (read.empty()) ++out.skipped;
      for (commit& c : read) items.push_back(detail::item{i, std::move(c)});
      continue;
    }
    auto parsed = parse(message, parse_options{p.grammar});
    if (!parsed) {
      ++out.skipped;
      continue;
    }
    if (p.split_squash_bodies) {
      const std::size_t nl = message.find('\n');
      const std::string_view rest =
          nl == std::string_view::npos ? std::string_view() : message.substr(nl + 1);
      for (std::string_view part : detail::squash_parts(rest)) {
        auto extra = parse(part, parse_options{p.grammar});
        if (extra) items.push_back(detail::item{i, std::move(*extra)});
      }
    }
    items.push_back(detail::item{i, std::move(*parsed)});
  }
  if (p.reverts == revert_matching::newer_full_hash) {
    // conventional-commits-filter: a revert is held until an older commit matches it.
    std::vector<std::size_t> held;
    for (std::size_t k = 0; k < items.size(); ++k) {
      const commit& c = items[k].parsed;
      bool matched = false;
      for (std::size_t h = 0; h < held.size(); ++h) {
        const reverted_commit& r = *items[held[h]].parsed.revert;
        if (detail::trim_js(r.header) == detail::trim_js(c.header) &&
            r.hash == range[items[k].index].sha) {
          items[k].dropped = true;
          items[held[h]].dropped = true;
          held.erase(held.begin() + static_cast<std::ptrdiff_t>(h));
          matched = true;
          break;
        }
      }
      if (!matched && c.revert) held.push_back(k);
    }
  } else if (p.reverts == revert_matching::hash_prefix_any_order) {
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].dropped || !items[k].parsed.revert) continue;
      const reverted_commit& r = *items[k].parsed.revert;
      if (r.hash.size() < 7) continue;
      for (std::size_t t = 0; t < items.size(); ++t) {
        if (t == k || items[t].dropped) continue;
        const std::string_view sha = range[items[t].index].sha;
        if (sha.size() >= r.hash.size() && detail::iequals(sha.substr(0, r.hash.size()), r.hash) &&
            detail::trim_js(items[t].parsed.header) == detail::trim_js(r.header)) {
          items[k].dropped = true;
          items[t].dropped = true;
          break;
        }
      }
    }
  }
  // With user-facing types, a commit counts toward a release only when it is one of them.
  auto user_facing = [&p](const commit& c) {
    if (c.breaking) return true;
    for (const std::string& type : p.user_facing) {
      if (!c.type.empty() && detail::iequals(type, c.type)) return true;
    }
    return false;
  };
  std::string_view deciding_header;  // of the commit read that decided (one of a message's)
  bool decided_by_user_facing = false;
  bool due = p.user_facing.empty();
  for (const detail::item& it : items) {
    if (it.dropped) {
      ++out.cancelled;
      continue;
    }
    const bool shown = !p.user_facing.empty() && user_facing(it.parsed);
    due = due || shown;
    for (const rule& r : p.rules) {
      if (initial && r.breaking && p.zero_major == initial_development::ignore_breaking) continue;
      if (!matches(r, it.parsed)) continue;
      // The first commit of the highest level decides; among equals, a user-facing one.
      if (r.level > out.level ||
          (r.level == out.level && r.level != bump::none && shown && !decided_by_user_facing)) {
        out.level = r.level;
        out.commit_index = it.index;
        out.sha = range[it.index].sha;
        out.rule = r.name;
        deciding_header = it.parsed.header;
        decided_by_user_facing = shown;
      }
      break;
    }
  }
  if (!due && out.level != bump::none) {
    out.level = bump::none;
    out.commit_index = static_cast<std::size_t>(-1);
    out.sha = {};
    out.rule.clear();
    out.reason = "none: no user-facing commit (" + p.name + ": ";
    for (const std::string& type : p.user_facing) out.reason += type + ", ";
    out.reason += "or breaking)";
    return out;
  }
  bump adjusted = out.level;
  std::string note;
  if (initial && adjusted != bump::none) {
    if (zero_zero && p.zero_zero_patch) {
      adjusted = bump::patch;
    } else if (p.zero_major == initial_development::lower_one_level && adjusted != bump::patch) {
      adjusted = adjusted == bump::major ? bump::minor : bump::patch;
    } else if (p.zero_major == initial_development::breaking_is_minor && adjusted == bump::major) {
      adjusted = bump::minor;
    } else if (p.zero_major == initial_development::minor_is_patch && adjusted == bump::minor) {
      adjusted = bump::patch;
    }
    if (adjusted != out.level) note = " (0.x: " + std::string(to_string(out.level)) + " lowered)";
  }
  out.level = adjusted;
  if (out.level == bump::none) {
    out.reason = "none: no commit matched a rule of " + p.name;
  } else {
    out.reason = std::string(to_string(out.level)) + ": '" + std::string(deciding_header) + "' (" +
                 std::string(out.sha.substr(0, 7)) + ") matched " + out.rule + note;
  }
  return out;
}

}  // namespace commits
RELKIT_NAMESPACE_END

RELKIT_NAMESPACE_BEGIN
namespace commits {

// The version after `current` for a bump of `level` (none: `current` without its build
// metadata). `channel` (e.g. "rc") makes a prerelease: 1.4.1 + minor -> 1.5.0-rc.1, then
// 1.5.0-rc.1 + patch -> 1.5.0-rc.2; a bump the planned release does not cover starts a new
// one (1.5.0-rc.2 + major -> 2.0.0-rc.1). Without a channel a prerelease graduates
// (1.5.0-rc.2 + patch -> 1.5.0).
[[nodiscard]] inline result<semver::version> next_version(const semver::version& current,
                                                          bump level,
                                                          std::string_view channel = {}) {
  semver::version same = current;
  same.build.clear();
  if (level == bump::none) return same;
  const semver::release_type type = level == bump::major   ? semver::release_type::major
                                    : level == bump::minor ? semver::release_type::minor
                                                           : semver::release_type::patch;
  auto target = semver::bump(current, type);
  if (!target) return target.error();
  if (channel.empty()) return target;
  const std::string_view pre = current.prerelease;
  const bool same_release = current.is_prerelease() && target->major == current.major &&
                            target->minor == current.minor && target->patch == current.patch;
  const bool same_channel = pre.substr(0, pre.find('.')) == channel;
  if (same_release && same_channel) {
    semver::bump_options opts;
    opts.identifier = channel;
    opts.base = semver::identifier_base::one;
    return semver::bump(current, semver::release_type::prerelease, opts);
  }
  target->prerelease = std::string(channel) + ".1";
  return target;
}

// The next version after `current` for the commits since it (newest first) under `p`:
// the bump decide() gives, then the version next_version(current, level, channel) above
// gives. No bump: the version stays, `level` is none.
[[nodiscard]] inline result<decision> next_version(const semver::version& current,
                                                   const std::vector<log_entry>& range,
                                                   const policy& p, std::string_view channel = {}) {
  decision d = decide(range, p, current.major == 0, current.major == 0 && current.minor == 0);
  auto next = next_version(current, d.level, channel);
  if (!next) return std::move(next).error();
  d.next_version = std::move(*next);
  return d;
}

// The first release, when nothing was released yet: p.initial_version (1.0.0; git-cliff
// 0.1.0) if the commits call for a release, `channel` making it a prerelease (1.0.0-rc.1).
// No bump: `level` is none and next_version 0.0.0.
[[nodiscard]] inline decision first_release(const std::vector<log_entry>& range, const policy& p,
                                            std::string_view channel = {}) {
  decision d = decide(range, p);
  if (d.level == bump::none) return d;
  d.next_version = p.initial_version;
  if (!channel.empty()) d.next_version.prerelease = std::string(channel) + ".1";
  d.reason += " (first release: " + semver::to_string(d.next_version) + ")";
  return d;
}

namespace detail {

[[nodiscard]] inline bool is_sha_text(std::string_view s) {
  if (s.size() < 7 || s.size() > 64) return false;
  for (const char c : s) {
    if (!relkit::detail::is_hex_digit(c)) return false;
  }
  return true;
}

[[nodiscard]] inline relkit::error bad_log_record(std::size_t at, const char* expected) {
  return relkit::error{errc::bad_log_record, at, error_args{}.with_text(expected)};
}

// The `%H 0x1f %P 0x1f %B` of one record (read_git_log, read_git_log_with_paths):
// `at` is where the record starts in the whole text, for error positions; `format`
// names the expected record in the error when the two 0x1f are missing.
[[nodiscard]] inline result<log_entry> read_log_head(std::string_view record, std::size_t at,
                                                     const char* format) {
  const std::size_t first = record.find('\x1f');
  const std::size_t second =
      first == std::string_view::npos ? first : record.find('\x1f', first + 1);
  if (second == std::string_view::npos) return bad_log_record(at, format);
  log_entry entry;
  entry.sha = record.substr(0, first);
  if (!is_sha_text(entry.sha)) return bad_log_record(at, "a commit sha of 7-64 hex digits");
  const std::string_view parents = record.substr(first + 1, second - first - 1);
  entry.parent_count = 0;
  std::size_t p = 0;
  while (p < parents.size()) {
    while (p < parents.size() && parents[p] == ' ') ++p;
    std::size_t q = p;
    while (q < parents.size() && parents[q] != ' ') ++q;
    if (q > p) {
      if (!is_sha_text(parents.substr(p, q - p))) {
        return bad_log_record(at + first + 1 + p, "a parent sha of 7-64 hex digits");
      }
      ++entry.parent_count;
    }
    p = q;
  }
  entry.message = record.substr(second + 1);
  return entry;
}

}  // namespace detail

// Reads the output of
//   git log --format=%H%x1f%P%x1f%B%x1e
// (newest first): records end with 0x1e (git adds a '\n' after each), fields are split
// by 0x1f: the sha, the parent shas separated by spaces, the raw message. Values are
// views into `text`. A record without two 0x1f, or a sha that is not 7-64 hex digits,
// is errc::bad_log_record at its byte position.
[[nodiscard]] inline result<std::vector<log_entry>> read_git_log(std::string_view text) {
  std::vector<log_entry> entries;
  // One entry per 0x1e, allocated once: no doubling (issue 19, peak memory).
  std::size_t records = 0;
  for (const char c : text) records += c == '\x1e' ? 1U : 0U;
  entries.reserve(records);
  std::size_t start = 0;
  while (start < text.size()) {
    if (text[start] == '\n') {
      ++start;
      continue;
    }
    std::size_t end = text.find('\x1e', start);
    if (end == std::string_view::npos) {
      return detail::bad_log_record(start, "the 0x1e terminator");
    }
    auto entry =
        detail::read_log_head(text.substr(start, end - start), start, "`%H 0x1f %P 0x1f %B`");
    if (!entry) return entry.error();
    entries.push_back(*entry);
    start = end + 1;
  }
  return entries;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
