// Fuzz target for relkit::commits tag formats. The input is `format` NUL `tags` (one tag a
// line; no NUL: the input is the format and its lines are the tags). Traps when an error
// is of another code or lies outside its input, when a format does not read back from
// to_string(), when a matched version text is not a view into its tag after the prefix,
// when parse_tag() and find_release_tags() disagree, when make_tag() does not read back
// to the same version, or when the last release is not the highest non-prerelease.
#include <relkit/commits.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace rc = relkit::commits;
namespace sv = relkit::semver;

bool within(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view format_text = input.substr(0, nul);
  const std::string_view list = nul == std::string_view::npos ? input : input.substr(nul + 1);

  auto parsed = rc::parse_tag_format(format_text);
  rc::tag_format format;  // the default format when the input's is not one
  if (parsed) {
    format = *parsed;
    const std::string text = rc::to_string(format);
    if (std::string(format.prefix()) + "${version}" + std::string(format.suffix()) != text) {
      __builtin_trap();
    }
    const auto again = rc::parse_tag_format(text);
    if (!again || *again != format) __builtin_trap();
  } else {
    const relkit::error& e = parsed.error();
    if (e.code != rc::errc::bad_tag_format && e.code != rc::errc::bad_tag_name) __builtin_trap();
    if (e.position > format_text.size()) __builtin_trap();
  }

  std::vector<std::string_view> tags;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find('\n', start);
    if (end == std::string_view::npos) end = list.size();
    tags.push_back(list.substr(start, end - start));
    start = end + 1;
  }

  const std::vector<rc::release_tag> releases = rc::find_release_tags(format, tags);
  std::size_t next_release = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string_view tag = tags[i];
    const auto text = rc::match_tag(format, tag);
    if (text && (!within(*text, tag) || text->empty() ||
                 text->data() != tag.data() + format.prefix().size())) {
      __builtin_trap();
    }
    const auto v = rc::parse_tag(format, tag);
    const bool listed = next_release < releases.size() && releases[next_release].index == i;
    if (v.has_value() != listed) __builtin_trap();
    if (!v) {
      if (v.error().position > tag.size() && v.error().position != relkit::no_position) {
        __builtin_trap();
      }
      if (!text && v.error().code != rc::errc::tag_mismatch) __builtin_trap();
      continue;
    }
    const rc::release_tag& r = releases[next_release++];
    if (r.tag.data() != tag.data() || !sv::identical(r.version, *v)) __builtin_trap();
    const auto back = rc::parse_tag(format, rc::make_tag(format, *v));
    if (!back || !sv::identical(*back, *v)) __builtin_trap();
  }
  if (next_release != releases.size()) __builtin_trap();

  const auto last = rc::find_last_release(format, tags);
  for (const rc::release_tag& r : releases) {
    if (r.version.is_prerelease()) continue;
    if (!last || sv::compare(r.version, last->version) > 0) __builtin_trap();
  }
  if (last && (last->index >= tags.size() || last->tag.data() != tags[last->index].data() ||
               last->version.is_prerelease())) {
    __builtin_trap();
  }
  return 0;
}
