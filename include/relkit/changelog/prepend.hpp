#pragma once
// relkit::changelog: prepend a release section into an existing CHANGELOG.md.
// Included by relkit/changelog.hpp; include that header instead.
//
// The result is always `old[0, k) + inserted + old[k, end)`: not one byte of the
// existing file is changed, moved or dropped. The section goes before the first
// release heading (after the title, the preamble and any [Unreleased] section),
// or at the end when the file has no release yet.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include "relkit/changelog/detail/outline.hpp"
#include "relkit/changelog/detail/render.hpp"
#include "relkit/changelog/render.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/utf8.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {

struct prepend_options {
  // When the file already has a section for the version: return it unchanged
  // (idempotent runs) instead of errc::version_exists.
  bool skip_existing = false;
};

// What prepend() reads from an existing file.
struct outline {
  std::size_t insert_at = 0;          // where a new release section goes
  bool has_release = false;           // a release heading was found
  std::string line_ending = "\n";     // the file's first line ending ("\n" or "\r\n")
  std::vector<std::string> versions;  // versions of the release headings, in file order
  std::vector<std::size_t> version_positions;
};

// Reads the structure of an existing changelog. errc::unrecognized_file (with the
// byte position) for a NUL byte, invalid UTF-8 or a code fence that never closes.
[[nodiscard]] inline result<outline> read_outline(std::string_view file) {
  outline out;
  const std::size_t first_lf = file.find('\n');
  if (first_lf != std::string_view::npos && first_lf > 0 && file[first_lf - 1] == '\r') {
    out.line_ending = "\r\n";
  }
  for (std::size_t i = detail::skip_ascii(file, 0); i < file.size();
       i = detail::skip_ascii(file, i)) {
    if (file[i] == '\0') {
      return relkit::error{errc::unrecognized_file, i,
                           error_args{}.with_text("NUL byte, not a text file")};
    }
    const std::size_t len = relkit::detail::utf8_length(file, i);
    if (len == 0) {
      return relkit::error{errc::unrecognized_file, i, error_args{}.with_text("invalid UTF-8")};
    }
    i += len;
  }
  bool in_fence = false;
  char fence_char = 0;
  std::size_t fence_len = 0;
  std::size_t fence_start = 0;
  bool after_unreleased = false;
  std::size_t unreleased_end = std::string_view::npos;
  for (std::size_t start = 0; start < file.size();) {
    std::size_t end = file.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? file.size() : end + 1;
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    const std::string_view body = line.substr(indent);
    if (indent < 4 && !body.empty() && (body[0] == '`' || body[0] == '~')) {
      std::size_t run = 0;
      while (run < body.size() && body[run] == body[0]) ++run;
      if (run >= 3) {
        if (!in_fence) {
          in_fence = true;
          fence_char = body[0];
          fence_len = run;
          fence_start = start;
        } else if (body[0] == fence_char && run >= fence_len &&
                   body.find_first_not_of(" \t", run) == std::string_view::npos) {
          in_fence = false;
        }
        start = next;
        continue;
      }
    }
    if (!in_fence && indent < 4 && !body.empty() && body[0] == '#') {
      std::size_t level = 0;
      while (level < body.size() && body[level] == '#') ++level;
      if (level <= 6 && level < body.size() && body[level] == ' ') {
        std::string_view text = body.substr(level + 1);
        while (!text.empty() && text[0] == ' ') text.remove_prefix(1);
        const std::string version = detail::heading_version(text);
        if (!version.empty()) {
          if (!out.has_release) {
            out.has_release = true;
            out.insert_at = start;
          }
          out.versions.push_back(version);
          out.version_positions.push_back(start);
        } else if (!out.has_release && detail::is_unreleased(text)) {
          after_unreleased = true;
        } else if (after_unreleased && level <= 2 && unreleased_end == std::string_view::npos &&
                   !out.has_release) {
          unreleased_end = start;  // the next h1/h2 closes the Unreleased section
        }
      }
    }
    start = next;
  }
  if (in_fence) {
    return relkit::error{errc::unrecognized_file, fence_start,
                         error_args{}.with_text("code fence never closed")};
  }
  if (!out.has_release) {
    out.insert_at = unreleased_end != std::string_view::npos ? unreleased_end : file.size();
  }
  return out;
}

// Inserts `section` (Markdown with '\n' line ends, converted to the file's) into
// `file` before its first release heading. errc::version_exists when a heading
// already names `version` (unless options.skip_existing: the file comes back as it
// was); errc::unrecognized_file when the file cannot be read (see read_outline).
[[nodiscard]] inline result<std::string> prepend(std::string_view file, std::string_view section,
                                                 std::string_view version,
                                                 const prepend_options& options = {}) {
  auto shape = read_outline(file);
  if (!shape) return shape.error();
  const std::string wanted = detail::strip_v(version);
  for (std::size_t i = 0; i < shape->versions.size(); ++i) {
    if (shape->versions[i] != wanted) continue;
    if (options.skip_existing) return std::string(file);
    const std::size_t at = shape->version_positions[i];
    return relkit::error{errc::version_exists, at, error_args{}.with_token(wanted)};
  }
  const std::string& eol = shape->line_ending;
  std::string block;
  block.reserve(section.size() + section.size() / 16 + 8);
  for (char c : section) {
    if (c == '\n' && eol.size() == 2 && (block.empty() || block.back() != '\r')) {
      block += eol;
    } else {
      block += c;
    }
  }
  if (block.empty() || block.back() != '\n') block += eol;
  const std::size_t at = shape->insert_at;
  std::string out;
  out.reserve(file.size() + block.size() + 2 * eol.size());
  out.append(file.substr(0, at));
  if (at > 0) {
    // Keep a blank line between what precedes and the new section.
    if (file[at - 1] != '\n') {
      out += eol;
      out += eol;
    } else {
      const std::size_t prev_start = file.rfind('\n', at >= 2 ? at - 2 : 0);
      const std::size_t ls = at >= 2 && prev_start != std::string_view::npos ? prev_start + 1 : 0;
      std::string_view prev = file.substr(ls, at - 1 - ls);
      if (!prev.empty() && prev.back() == '\r') prev.remove_suffix(1);
      if (!prev.empty()) out += eol;
    }
  }
  out += block;
  if (at < file.size()) out += eol;  // a blank line before the next release
  out.append(file.substr(at));
  return out;
}

// Renders `r` in `s` and prepends it (see above).
[[nodiscard]] inline result<std::string> prepend(std::string_view file, const release& r,
                                                 const preset& s, const repository& repo = {},
                                                 const prepend_options& options = {}) {
  return prepend(file, render(r, s, repo), r.unreleased ? std::string_view() : r.version, options);
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
