// relkit semver: compare, satisfies, bump and sort, as node-semver's npm mode reads versions.
#include "commands.hpp"
#include "io.hpp"

#include <relkit/semver.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace sv = relkit::semver;

constexpr std::string_view semver_help =
    R"(Usage: relkit semver compare A B
       relkit semver satisfies V RANGE
       relkit semver bump V TYPE [--preid ID]
       relkit semver sort [--reverse] [--original]

Versions and ranges are read as node-semver reads them (npm mode: surrounding
whitespace and one leading 'v' are accepted, numbers up to 2^53-1).

  compare A B        prints -1 if A < B, 0 if equal (build metadata ignored), 1 if A > B
  satisfies V RANGE  exit 0 if V satisfies the range (e.g. '^1.2.0 || >=2.0.0 <3'),
                     1 if not; prints nothing
  bump V TYPE        TYPE is major, minor, patch, premajor, preminor, prepatch,
                     prerelease or release; --preid rc names the prerelease
                     (1.4.1 preminor --preid rc -> 1.5.0-rc.0), as `semver -i`
  sort               reads versions from stdin, one a line, and prints them ascending
                     (--reverse: descending) as node-semver's `semver V...` does with
                     one argument a line: a line semver.valid rejects (a tag `v`,
                     `1.2`, a blank line) is left out without a word, equal versions
                     keep their order, each is printed normalised (`v1.2.3+b` ->
                     `1.2.3`), or as its line was with --original (the tag's name);
                     exit 1, printing nothing, when no line is a version

Exit codes: 0 ok/yes, 1 no (satisfies: not in the range; sort: no version),
2 usage or invalid input.
)";

std::optional<sv::version> parse_version_arg(std::string_view text, std::string_view what,
                                             int& status) {
  auto v = sv::parse(text, sv::npm_options);
  if (!v) {
    status = input_error(what, v.error());
    return std::nullopt;
  }
  return std::move(*v);
}

}  // namespace

int semver_command(const arguments& words) {
  if (words.empty()) {
    return usage_error("semver needs a command: compare, satisfies, bump or sort", "semver");
  }
  if (is_help(words[0])) {
    out(semver_help);
    return exit_ok;
  }
  if (words[0].size() > 1 && words[0][0] == '-') {
    // An option where the command belongs: an unknown one is named as anywhere else.
    const parsed_args early = parse_args(words, 0, {"--preid"}, {"--reverse", "--original"});
    if (!early.problem.empty()) return usage_error(early.problem, "semver");
    return usage_error(
        "semver needs a command before its options: compare, satisfies, bump or sort", "semver");
  }
  const std::string_view sub = words[0];
  const parsed_args args = parse_args(words, 1, {"--preid"}, {"--reverse", "--original"});
  if (args.help) {
    out(semver_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "semver");
  const auto& pos = args.positional;
  int status = exit_ok;
  if (sub == "compare") {
    if (pos.size() != 2) return usage_error("semver compare takes two versions", "semver");
    auto a = parse_version_arg(pos[0], "first version", status);
    if (!a) return status;
    auto b = parse_version_arg(pos[1], "second version", status);
    if (!b) return status;
    const int c = sv::compare(*a, *b);
    out(c < 0 ? "-1\n" : c > 0 ? "1\n" : "0\n");
    return exit_ok;
  }
  if (sub == "satisfies") {
    if (pos.size() != 2) {
      return usage_error("semver satisfies takes a version and a range", "semver");
    }
    auto v = parse_version_arg(pos[0], "version", status);
    if (!v) return status;
    auto r = sv::parse_range(pos[1]);
    if (!r) return input_error("range", r.error());
    return sv::satisfies(*v, *r) ? exit_ok : exit_no;
  }
  if (sub == "bump") {
    if (pos.size() != 2) return usage_error("semver bump takes a version and a type", "semver");
    auto v = parse_version_arg(pos[0], "version", status);
    if (!v) return status;
    const auto type = sv::parse_release_type(pos[1]);
    if (!type || *type == sv::release_type::pre) {
      return usage_error("unknown bump type '" + std::string(pos[1]) + "'", "semver");
    }
    sv::bump_options opts;
    if (auto id = args.option("--preid")) opts.identifier = *id;
    auto next = sv::bump(*v, *type, opts);
    if (!next) return input_error("bump", next.error());
    out(sv::to_string(*next) + "\n");
    return exit_ok;
  }
  if (sub == "sort") {
    if (!pos.empty()) return usage_error("semver sort reads stdin and takes no versions", "semver");
    std::string text;
    if (const int e = read_stdin(text); e != 0) return io_error("read", "stdin", e);
    // node-semver's `semver V...`, a line for each argument: the versions semver.valid
    // accepts, the others left out without a word; none at all: exit 1.
    struct sorted_line {
      std::string_view line;
      sv::version version;
    };
    std::vector<sorted_line> lines;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (auto v = sv::parse(line, sv::npm_options)) lines.push_back({line, std::move(*v)});
      start = end + 1;
    }
    if (lines.empty()) return exit_no;
    // semver.compare / rcompare (precedence; build metadata ignored) in a stable sort:
    // equal versions keep their order, also with --reverse.
    const bool reverse = args.flag("--reverse");
    std::stable_sort(lines.begin(), lines.end(),
                     [reverse](const sorted_line& a, const sorted_line& b) {
                       return reverse ? sv::compare(b.version, a.version) < 0
                                      : sv::compare(a.version, b.version) < 0;
                     });
    const bool original = args.flag("--original");
    std::string output;
    for (const auto& l : lines) {
      output += original ? std::string(l.line) : sv::to_npm_string(l.version);
      output += '\n';
    }
    out(output);
    return exit_ok;
  }
  return usage_error("unknown semver command '" + std::string(sub) + "'", "semver");
}

}  // namespace relkit::cli
