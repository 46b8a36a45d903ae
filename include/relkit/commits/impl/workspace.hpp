#pragma once
// Bodies of relkit/commits/workspace.hpp: the log with paths, release tags, decide().

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/commits/bump.hpp"
#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/detail/workspace.hpp"
#include "relkit/commits/tag_format.hpp"
#include "relkit/commits/workspace.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/operations.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// " <- " joined: app <- lib-b <- lib-a.
[[nodiscard]] inline std::string arrow_path(const std::vector<std::string>& names,
                                            std::string_view arrow) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += arrow;
    out += names[i];
  }
  return out;
}

}  // namespace detail

RELKIT_INLINE result<std::vector<change>> read_git_log_with_paths(std::string_view text) {
  std::vector<change> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (text[pos] != '\0') return detail::bad_log_record(pos, "a NUL opening the record");
    const std::size_t end = text.find('\0', pos + 1);
    if (end == std::string_view::npos)
      return detail::bad_log_record(start, "a NUL after the message");
    auto entry = detail::read_log_head(text.substr(pos + 1, end - pos - 1), pos + 1,
                                       "`NUL %H 0x1f %P 0x1f %B NUL`");
    if (!entry) return entry.error();
    change c;
    c.entry = *entry;
    pos = end + 1;
    if (pos < text.size() && text[pos] == '\n') {
      ++pos;
      // Paths, each ended by a NUL, until the NUL that opens the next record.
      while (pos < text.size() && text[pos] != '\0') {
        const std::size_t path_end = text.find('\0', pos);
        if (path_end == std::string_view::npos)
          return detail::bad_log_record(pos, "a NUL after the path");
        c.paths.push_back(text.substr(pos, path_end - pos));
        pos = path_end + 1;
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

RELKIT_INLINE void apply_release_tags(workspace& ws, const std::vector<tag_ref>& tags) {
  std::vector<std::string_view> names;
  names.reserve(tags.size());
  for (const tag_ref& t : tags) names.push_back(t.name);
  for (package& pkg : ws.packages) {
    find_options opts;
    opts.channel = pkg.channel;
    const std::optional<release_tag> last = find_last_release(pkg.tags, names, opts);
    if (!last) continue;
    // A manifest may know a later version than the tags do (tags renamed, or a package
    // moved in from another repository): release-please keeps the manifest's.
    if (!pkg.current || semver::compare(last->version, *pkg.current) > 0) {
      pkg.current = last->version;
    }
    pkg.since = std::string(tags[last->index].sha);
  }
}

RELKIT_INLINE result<workspace_decision> decide(const workspace& ws,
                                                const std::vector<change>& history) {
  const std::size_t n = ws.packages.size();
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  // Names.
  std::map<std::string_view, std::size_t> by_name;
  for (std::size_t i = 0; i < n; ++i) {
    if (!by_name.emplace(ws.packages[i].name, i).second) {
      return relkit::error{errc::duplicate_package, relkit::no_position,
                           error_args{}.with_token(ws.packages[i].name)};
    }
  }
  std::map<std::string_view, std::size_t> by_short_name;
  if (ws.scope_assigns) {
    for (std::size_t i = 0; i < n; ++i) {
      by_short_name.emplace(detail::short_name(ws.packages[i].name), i);
    }
  }
  std::vector<std::vector<std::size_t>> deps(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& d : ws.packages[i].dependencies) {
      const auto it = by_name.find(d);
      if (it == by_name.end()) {
        return relkit::error{errc::unknown_package, relkit::no_position,
                             error_args{}.with_text("dependency").with_token(d)};
      }
      deps[i].push_back(it->second);
    }
  }
  std::vector<std::vector<std::size_t>> group_members(ws.groups.size());
  for (std::size_t g = 0; g < ws.groups.size(); ++g) {
    for (const std::string& m : ws.groups[g].members) {
      const auto it = by_name.find(m);
      if (it == by_name.end()) {
        return relkit::error{errc::unknown_package, relkit::no_position,
                             error_args{}.with_text("group member").with_token(m)};
      }
      group_members[g].push_back(it->second);
    }
  }
  // Dependencies first (depth-first, explicit stack); a back edge is a cycle.
  std::vector<std::size_t> order;
  if (ws.dependents != propagation::none) {
    std::vector<unsigned char> state(n, 0);  // 0 new, 1 on the stack, 2 done
    for (std::size_t root = 0; root < n; ++root) {
      if (state[root] != 0) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
      state[root] = 1;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < deps[node].size()) {
          const std::size_t d = deps[node][next++];
          if (state[d] == 1) {
            std::vector<std::string> cycle;
            std::size_t k = 0;
            while (stack[k].first != d) ++k;
            for (; k < stack.size(); ++k) cycle.push_back(ws.packages[stack[k].first].name);
            cycle.push_back(ws.packages[d].name);
            return relkit::error{errc::dependency_cycle, relkit::no_position,
                                 error_args{}.with_token(detail::arrow_path(cycle, " -> "))};
          }
          if (state[d] == 0) {
            state[d] = 1;
            stack.emplace_back(d, 0);
          }
        } else {
          state[node] = 2;
          order.push_back(node);
          stack.pop_back();
        }
      }
    }
  }
  // Where each package's history ends: the commit of its last release.
  std::vector<std::size_t> cut(n, history.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& since = ws.packages[i].since;
    if (since.empty()) continue;
    for (std::size_t k = 0; k < history.size(); ++k) {
      const std::string_view sha = history[k].entry.sha;
      if (sha.size() >= since.size() && detail::iequals(sha.substr(0, since.size()), since)) {
        cut[i] = k;
        break;
      }
    }
  }
  // Package paths, normalised, with their package.
  struct claim {
    std::string_view dir;
    std::size_t owner;
  };
  std::vector<claim> claims;
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& path : ws.packages[i].paths) {
      claims.push_back(claim{detail::normal_path(path), i});
    }
  }
  workspace_decision out;
  std::vector<std::vector<std::size_t>> owned(n);
  std::vector<std::size_t> touched;
  for (std::size_t k = 0; k < history.size(); ++k) {
    const change& c = history[k];
    touched.clear();
    bool counted = false;
    for (const std::string_view path : c.paths) {
      bool skip = false;
      for (const std::string& pattern : ws.excluded) {
        if (detail::excluded_by(pattern, path)) {
          skip = true;
          break;
        }
      }
      if (skip) continue;
      std::size_t owner = none;
      std::size_t longest = 0;
      for (const claim& cl : claims) {
        if ((owner == none || cl.dir.size() > longest) && detail::is_under(path, cl.dir)) {
          owner = cl.owner;
          longest = cl.dir.size();
        }
      }
      if (owner != none) {
        for (const std::string& dir : ws.packages[owner].excluded) {
          if (detail::is_under(path, detail::normal_path(dir))) {
            skip = true;
            break;
          }
        }
      }
      if (skip) continue;
      counted = true;
      if (owner != none && std::find(touched.begin(), touched.end(), owner) == touched.end()) {
        touched.push_back(owner);
      }
    }
    if (!counted && !c.paths.empty()) {
      ++out.ignored;
      continue;
    }
    if (ws.scope_assigns) {
      const std::string_view scope = detail::header_scope(c.entry.message);
      if (!scope.empty()) {
        std::size_t named = none;
        const auto full = by_name.find(scope);
        if (full != by_name.end()) {
          named = full->second;
        } else {
          const auto part = by_short_name.find(scope);
          if (part != by_short_name.end()) named = part->second;
        }
        if (named != none && std::find(touched.begin(), touched.end(), named) == touched.end()) {
          touched.push_back(named);
        }
      }
    }
    if (touched.empty()) ++out.unclaimed;
    for (const std::size_t p : touched) {
      if (k < cut[p]) owned[p].push_back(k);
    }
  }
  // Each package on its own commits.
  out.packages.resize(n);
  std::vector<log_entry> range;
  for (std::size_t i = 0; i < n; ++i) {
    const package& pkg = ws.packages[i];
    package_decision& pd = out.packages[i];
    pd.name = pkg.name;
    pd.current = pkg.current;
    pd.commits = owned[i];
    range.clear();
    for (const std::size_t k : owned[i]) range.push_back(history[k].entry);
    if (pkg.current) {
      auto d = next_version(*pkg.current, range, pkg.preset, pkg.channel);
      if (!d) return std::move(d).error();
      pd.own = std::move(*d);
    } else {
      pd.own = first_release(range, pkg.preset, pkg.channel);
    }
    if (pd.own.level != bump::none) pd.own.commit_index = owned[i][pd.own.commit_index];
    pd.level = pd.own.level;
  }
  // Dependencies and groups, until nothing rises (levels only rise: it ends).
  std::vector<std::size_t> raised_by(n, none);
  std::vector<std::size_t> raised_in(n, none);
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::size_t p : order) {
      for (const std::size_t d : deps[p]) {
        const bump from = out.packages[d].level;
        if (from == bump::none) continue;
        const bump given = ws.dependents == propagation::same_level ? from : bump::patch;
        if (given > out.packages[p].level) {
          out.packages[p].level = given;
          raised_by[p] = d;
          raised_in[p] = none;
          changed = true;
        }
      }
    }
    for (std::size_t g = 0; g < ws.groups.size(); ++g) {
      bump top = bump::none;
      for (const std::size_t m : group_members[g]) top = std::max(top, out.packages[m].level);
      if (top == bump::none) continue;
      for (const std::size_t m : group_members[g]) {
        bump& level = out.packages[m].level;
        if (level < top && (ws.groups[g].kind == group_kind::fixed || level != bump::none)) {
          level = top;
          raised_by[m] = none;
          raised_in[m] = g;
          changed = true;
        }
      }
    }
  }
  // Versions and reasons.
  for (std::size_t i = 0; i < n; ++i) {
    const package& pkg = ws.packages[i];
    package_decision& pd = out.packages[i];
    pd.releases = pd.level != bump::none;
    if (pd.level == pd.own.level) {
      pd.next = pd.own.next_version;
      pd.reason = pd.own.reason;
    } else {
      if (pkg.current) {
        auto v = next_version(*pkg.current, pd.level, pkg.channel);
        if (!v) return std::move(v).error();
        pd.next = std::move(*v);
      } else {
        pd.next = pkg.preset.initial_version;
        if (!pkg.channel.empty()) pd.next.prerelease = pkg.channel + ".1";
      }
      if (raised_by[i] != none) {
        std::vector<std::string> path{pkg.name};
        std::size_t at = i;
        while (raised_by[at] != none && path.size() <= n) {
          at = raised_by[at];
          path.push_back(ws.packages[at].name);
        }
        pd.propagated_from = path;
        pd.reason = std::string(to_string(pd.level)) + ": " + detail::arrow_path(path, " <- ") +
                    " (" + std::string(to_string(out.packages[at].level)) + ")";
      } else if (raised_in[i] != none) {
        const group& g = ws.groups[raised_in[i]];
        pd.group = g.name;
        pd.reason = std::string(to_string(pd.level)) + ": " + std::string(to_string(g.kind)) +
                    " group " + g.name;
      }
    }
  }
  // A fixed group releases at one version: the highest of its members'.
  for (std::size_t g = 0; g < ws.groups.size(); ++g) {
    if (ws.groups[g].kind != group_kind::fixed) continue;
    const semver::version* top = nullptr;
    for (const std::size_t m : group_members[g]) {
      if (!out.packages[m].releases) continue;
      if (top == nullptr || semver::compare(out.packages[m].next, *top) > 0) {
        top = &out.packages[m].next;
      }
    }
    if (top == nullptr) continue;
    const semver::version version = *top;
    for (const std::size_t m : group_members[g]) {
      package_decision& pd = out.packages[m];
      if (semver::compare(pd.next, version) != 0) {
        pd.next = version;
        if (pd.group.empty()) {
          pd.group = ws.groups[g].name;
          pd.reason += " (fixed group " + ws.groups[g].name + ")";
        }
      }
    }
  }
  return out;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
