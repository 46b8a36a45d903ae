#pragma once
// relkit::changelog::render: the notes of one release, or a whole CHANGELOG.md,
// written in a preset. Included by relkit/changelog.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "relkit/changelog/detail/render.hpp"
#include "relkit/changelog/repository.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {

// One section of a release's notes: its title and the entries it lists, in the order
// render() lists them (merged duplicates each, after the bullet they join).
struct section {
  std::string title;
  std::vector<const entry*> entries;  // into the release given to group()
  [[nodiscard]] friend bool operator==(const section& a, const section& b) {
    return a.title == b.title && a.entries == b.entries;
  }
  [[nodiscard]] friend bool operator!=(const section& a, const section& b) { return !(a == b); }
};

// A breaking-change note as the notes list it.
struct breaking_note {
  const entry* source = nullptr;  // the commit that carries it
  std::string text;               // as the commit wrote it
  [[nodiscard]] friend bool operator==(const breaking_note& a, const breaking_note& b) {
    return a.source == b.source && a.text == b.text;
  }
  [[nodiscard]] friend bool operator!=(const breaking_note& a, const breaking_note& b) {
    return !(a == b);
  }
};

// What render() writes for a release, as data: the sections in display order and the
// breaking notes (empty when the preset shows none). Points into the release: keep it.
struct contents {
  std::vector<section> sections;
  std::vector<breaking_note> breaking;
  [[nodiscard]] friend bool operator==(const contents& a, const contents& b) {
    return a.sections == b.sections && a.breaking == b.breaking;
  }
  [[nodiscard]] friend bool operator!=(const contents& a, const contents& b) { return !(a == b); }
};

// The entries of release `r` that preset `s` shows, grouped and ordered as render() writes
// them (for a program: JSON, a release page).
[[nodiscard]] inline contents group(const release& r, const preset& s) {
  const repository repo;
  const detail::link_cache links(repo);
  detail::laid_out parts = detail::lay_out(r, s, repo, links);
  contents out;
  out.sections.reserve(parts.sections.size());
  for (const detail::section_block& block : parts.sections) {
    section one;
    one.title = block.title;
    for (const detail::item& it : block.items) {
      if (it.also.empty()) {
        one.entries.push_back(it.source);
      } else {
        one.entries.insert(one.entries.end(), it.also.begin(), it.also.end());
      }
    }
    out.sections.push_back(std::move(one));
  }
  for (const detail::note_line& note : parts.notes) {
    out.breaking.push_back(breaking_note{note.source, *note.raw});
  }
  return out;
}

// The notes of one release in preset `s`: a heading and its sections, ending in
// one '\n'. Links point into `repo` (none when it is empty). Never fails.
[[nodiscard]] inline std::string render(const release& r, const preset& s,
                                        const repository& repo = {}) {
  return detail::render_release(r, s, repo);
}

// A whole CHANGELOG.md: the preset's title/preamble, the releases newest first
// (as given), link definitions or footer.
[[nodiscard]] inline std::string render(const std::vector<release>& newest_first, const preset& s,
                                        const repository& repo = {}) {
  std::string out = s.file_header;
  const bool kac = s.link_definitions;
  bool has_unreleased = false;
  for (const release& r : newest_first) has_unreleased = has_unreleased || r.unreleased;
  if (kac && !has_unreleased) out += "## [Unreleased]\n\n";
  bool first = true;
  for (const release& r : newest_first) {
    if (!first && s.release_gap) out += '\n';
    first = false;
    out += render(r, s, repo);
  }
  if (kac) {
    out += '\n';
    for (std::size_t i = 0; i < newest_first.size(); ++i) {
      const release& r = newest_first[i];
      const std::string tag = r.tag.empty() ? r.version : r.tag;
      if (i == 0 && !r.unreleased) {
        out += "[unreleased]: " + compare_url(repo, tag, "HEAD") + "\n";
      }
      if (r.unreleased) {
        if (r.previous_tag) {
          out += "[unreleased]: " + compare_url(repo, *r.previous_tag, "HEAD") + "\n";
        }
        continue;
      }
      out += '[';
      out += detail::strip_v(r.version);
      out += "]: ";
      out += r.previous_tag ? compare_url(repo, *r.previous_tag, tag) : tag_url(repo, tag);
      out += '\n';
    }
  }
  if (s.git_cliff_links) {
    std::string links;
    for (const release& r : newest_first) {
      const std::string tag = r.tag.empty() ? r.version : r.tag;
      const std::string base = detail::base_url(repo);
      if (r.unreleased) {
        if (r.previous_tag)
          links += "[unreleased]: " + base + "/compare/" + *r.previous_tag + "..HEAD\n";
      } else if (r.previous_tag) {
        links += "[" + detail::strip_v(r.version) + "]: " + base + "/compare/" + *r.previous_tag +
                 ".." + tag + "\n";
      } else {
        links += "[" + detail::strip_v(r.version) + "]: " + base + "/tree/" + tag + "\n";
      }
    }
    out += '\n';
    out += links;
  }
  if (!s.file_footer.empty()) {
    out += '\n';
    out += s.file_footer;
  }
  return out;
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
