#include "history.hpp"

#include <relkit/commits/tag_format.hpp>
#include <relkit/detail/civil_time.hpp>
#include <relkit/semver/version.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace relkit::cli::history {

namespace {

constexpr char record_end = '\x1e';
constexpr char field_end = '\x1f';

bool is_sha(std::string_view s) {
  if (s.size() < 7 || s.size() > 64) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool read_time(std::string_view s, std::int64_t& time) {
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return false;
  std::int64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  time = negative ? -value : value;
  return true;
}

}  // namespace

bool read(std::string_view text, std::vector<commit>& commits, std::string& error) {
  commits.clear();
  commits.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), record_end)));
  std::size_t at = 0;
  while (at < text.size()) {
    if (text[at] == '\n' && !commits.empty()) ++at;  // git's newline after each record
    if (at >= text.size()) break;
    std::size_t end = text.find(record_end, at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view record = text.substr(at, end - at);
    std::string_view fields[4];
    std::size_t from = 0;
    bool complete = true;
    for (std::string_view& field : fields) {
      const std::size_t sep = record.find(field_end, from);
      if (sep == std::string_view::npos) {
        complete = false;
        break;
      }
      field = record.substr(from, sep - from);
      from = sep + 1;
    }
    commit c;
    if (!complete || !is_sha(fields[0]) || !read_time(fields[2], c.time)) {
      error = "unexpected record at byte " + std::to_string(at) +
              " of git log --format=%H%x1f%P%x1f%ct%x1f%D%x1f%B%x1e: '" +
              std::string(record.substr(0, 60)) + "'";
      return false;
    }
    c.sha = fields[0];
    for (std::string_view parents = fields[1]; !parents.empty();) {
      const std::size_t space = parents.find(' ');
      const std::string_view parent = parents.substr(0, space);
      if (!parent.empty()) c.parents.push_back(parent);
      if (space == std::string_view::npos) break;
      parents.remove_prefix(space + 1);
    }
    c.decorations = fields[3];
    c.message = record.substr(from);
    commits.push_back(std::move(c));
    at = end + 1;
  }
  return true;
}

graph link(const std::vector<commit>& commits) {
  const std::size_t n = commits.size();
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) index.emplace(commits[i].sha, i);
  graph g;
  g.start.assign(n + 1, 0);
  g.parent_at.reserve(n + n / 4);
  for (std::size_t i = 0; i < n; ++i) {
    g.start[i] = g.parent_at.size();
    for (const std::string_view parent : commits[i].parents) {
      const auto found = index.find(parent);
      if (found != index.end()) g.parent_at.push_back(found->second);
    }
  }
  g.start[n] = g.parent_at.size();
  return g;
}

std::vector<std::size_t> topological_order(const graph& g) {
  const std::size_t n = g.start.empty() ? 0 : g.start.size() - 1;
  // libgit2: in_degree 1 for every commit of the list, plus one per child in the list.
  std::vector<std::size_t> in_degree(n, 1);
  for (const std::size_t parent : g.parent_at) ++in_degree[parent];
  std::vector<std::size_t> stack;
  // The tips, pushed so that the first of the list comes out first.
  for (std::size_t i = n; i-- > 0;) {
    if (in_degree[i] == 1) stack.push_back(i);
  }
  std::vector<std::size_t> order;
  order.reserve(n);
  while (!stack.empty()) {
    const std::size_t next = stack.back();
    stack.pop_back();
    for (std::size_t k = g.start[next]; k < g.start[next + 1]; ++k) {
      const std::size_t parent = g.parent_at[k];
      if (in_degree[parent] == 0) continue;
      if (--in_degree[parent] == 1) stack.push_back(parent);
    }
    in_degree[next] = 0;
    order.push_back(next);
  }
  return order;
}

bool release_tag(std::string_view decorations, const relkit::commits::tag_format& format,
                 tag_version& found) {
  constexpr std::string_view tag_prefix = "tag: ";
  std::vector<std::string_view> tags;
  while (!decorations.empty()) {
    // Tag names hold no space: ", " separates the decorations.
    const std::size_t comma = decorations.find(", ");
    const std::string_view item = decorations.substr(0, comma);
    if (item.substr(0, tag_prefix.size()) == tag_prefix) {
      tags.push_back(item.substr(tag_prefix.size()));
    }
    if (comma == std::string_view::npos) break;
    decorations.remove_prefix(comma + 2);
  }
  if (tags.empty()) return false;
  const std::vector<relkit::commits::release_tag> releases =
      relkit::commits::find_release_tags(format, tags);
  if (releases.empty()) return false;
  const relkit::commits::release_tag* best = &releases[0];
  for (const relkit::commits::release_tag& r : releases) {
    if (relkit::semver::compare(r.version, best->version) > 0) best = &r;
  }
  found.tag = best->tag;
  found.version = best->version;
  return true;
}

std::vector<release> split(const std::vector<commit>& commits, const graph& g,
                           const std::vector<std::size_t>& order,
                           const relkit::commits::tag_format& format,
                           const std::vector<bool>& left_out) {
  const auto is_left_out = [&left_out](std::size_t i) {
    return i < left_out.size() && left_out[i];
  };
  struct tagged {
    std::size_t commit;
    tag_version tag;
  };
  std::vector<tagged> tags;
  for (std::size_t i = 0; i < commits.size(); ++i) {
    tag_version found;
    if (!commits[i].decorations.empty() && !is_left_out(i) &&
        release_tag(commits[i].decorations, format, found)) {
      tags.push_back({i, std::move(found)});
    }
  }
  std::stable_sort(tags.begin(), tags.end(), [&commits](const tagged& a, const tagged& b) {
    const std::int64_t ta = commits[a.commit].time;
    const std::int64_t tb = commits[b.commit].time;
    return ta != tb ? ta < tb : a.tag.tag < b.tag.tag;
  });

  // owner[i]: the position in `tags` of the release that took commit i; none: unreleased.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> owner(commits.size(), none);
  std::vector<std::size_t> taken(tags.size(), 0);
  std::vector<std::size_t> stack;
  for (std::size_t t = 0; t < tags.size(); ++t) {
    stack.assign(1, tags[t].commit);
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      if (owner[i] != none) continue;  // an earlier tag took it, and all it reaches
      owner[i] = t;
      if (!is_left_out(i)) ++taken[t];
      for (std::size_t k = g.start[i]; k < g.start[i + 1]; ++k) {
        if (owner[g.parent_at[k]] == none) stack.push_back(g.parent_at[k]);
      }
    }
  }

  // Newest first: the unreleased commits, then the tags from the latest.
  std::vector<std::size_t> slot(tags.size(), none);
  std::vector<release> releases;
  std::size_t unreleased = 0;
  for (std::size_t i = 0; i < owner.size(); ++i) {
    if (owner[i] == none && !is_left_out(i)) ++unreleased;
  }
  if (unreleased != 0) {
    releases.emplace_back();
    releases.back().commits.reserve(unreleased);
  }
  for (std::size_t t = tags.size(); t-- > 0;) {
    if (taken[t] == 0) continue;
    slot[t] = releases.size();
    release r;
    r.tag = tags[t].tag.tag;
    r.version = std::move(tags[t].tag.version);
    r.time = commits[tags[t].commit].time;
    r.commits.reserve(taken[t]);
    releases.push_back(std::move(r));
  }
  for (const std::size_t i : order) {
    if (!is_left_out(i)) releases[owner[i] == none ? 0 : slot[owner[i]]].commits.push_back(i);
  }
  return releases;
}

std::vector<std::string_view> blame_ignore_revs(std::string_view file) {
  std::vector<std::string_view> revs;
  while (!file.empty()) {
    const std::size_t eol = file.find('\n');
    std::string_view line = file.substr(0, eol);
    file = eol == std::string_view::npos ? std::string_view() : file.substr(eol + 1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (!line.empty() && line.front() != '#') revs.push_back(line);
  }
  return revs;
}

std::vector<bool> left_out_commits(const std::vector<commit>& commits,
                                   const std::vector<std::string_view>& revs,
                                   const std::vector<std::string>& only_file) {
  std::vector<bool> left_out(commits.size(), false);
  for (std::size_t i = 0; i < commits.size(); ++i) {
    const std::string_view sha = commits[i].sha;
    for (const std::string_view rev : revs) {
      if (sha.substr(0, rev.size()) == rev) left_out[i] = true;
    }
    for (const std::string& other : only_file) {
      if (sha == other) left_out[i] = true;
    }
  }
  return left_out;
}

std::string utc_date(std::int64_t seconds) {
  const std::int64_t days = relkit::detail::floor_div(seconds, 86400);
  const relkit::detail::civil_date d = relkit::detail::civil_from_days(days);
  std::string text = std::to_string(d.year);
  while (text.size() < 4) text.insert(text.begin(), '0');
  const auto two = [&text](unsigned v) {
    text += '-';
    text += static_cast<char>('0' + v / 10);
    text += static_cast<char>('0' + v % 10);
  };
  two(d.month);
  two(d.day);
  return text;
}

}  // namespace relkit::cli::history
