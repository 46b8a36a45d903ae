#pragma once
// relkit::commits::lint: the rules of @commitlint/config-conventional 21.2.4, as data.
// Included by relkit/commits.hpp after parse(); public API in namespace relkit::commits.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/detail/lint.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

enum class severity : std::uint8_t { off, warning, error };

namespace detail {
inline constexpr relkit::detail::enum_name<severity> severity_names[] = {
    {severity::off, "off"},
    {severity::warning, "warning"},
    {severity::error, "error"},
};
}  // namespace detail
// The stable identifier of a lint severity ("off"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(severity value) noexcept {
  return relkit::detail::enum_to_string(detail::severity_names, value);
}
// The lint severity that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<severity> parse_severity(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::severity_names, name);
}

// One configured rule, as commitlint writes it: [level, "always"|"never", value].
struct lint_rule {
  std::string name;  // "type-enum", "header-max-length", …
  severity level = severity::error;
  bool never = false;               // "never" instead of "always"
  std::size_t limit = 0;            // *-max-length, *-max-line-length
  std::vector<std::string> values;  // type-enum types, *-case cases, subject-full-stop "."
};

// What lint() checks: the rules (commitlint's config) and whether commitlint's
// default ignores (merges, reverts, fixup!, …) skip a message.
struct lint_options {
  std::vector<lint_rule> rules;
  // commitlint's default ignores: merge, revert, reapply, fixup!/squash!/amend!, a bare
  // version header, "Merged …", "Automatic merge …", "Auto-merged … into …".
  bool default_ignores = true;
};

// One broken rule: which, how severe, where in the message and commitlint's text.
struct finding {
  std::string rule;  // the rule name
  severity level = severity::error;
  std::size_t position = 0;  // byte offset in the message
  std::string message;       // commitlint's wording
};

// What lint() found: `valid` is false when a finding has severity::error.
struct lint_report {
  bool valid = true;  // no finding of severity::error
  bool ignored = false;
  std::vector<finding> findings;
};

namespace presets {

// @commitlint/config-conventional 21.2.4.
[[nodiscard]] inline lint_options config_conventional() {
  lint_options c;
  auto add = [&c](std::string name, severity level, bool never, std::size_t limit,
                  std::vector<std::string> values) {
    c.rules.push_back(lint_rule{std::move(name), level, never, limit, std::move(values)});
  };
  add("body-leading-blank", severity::warning, false, 0, {});
  add("body-max-line-length", severity::error, false, 100, {});
  add("footer-leading-blank", severity::warning, false, 0, {});
  add("footer-max-line-length", severity::error, false, 100, {});
  add("header-max-length", severity::error, false, 100, {});
  add("header-trim", severity::error, false, 0, {});
  add("subject-case", severity::error, true, 0,
      {"sentence-case", "start-case", "pascal-case", "upper-case"});
  add("subject-empty", severity::error, true, 0, {});
  add("subject-full-stop", severity::error, true, 0, {"."});
  add("type-case", severity::error, false, 0, {"lower-case"});
  add("type-empty", severity::error, true, 0, {});
  add("type-enum", severity::error, false, 0,
      {"build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style",
       "test"});
  return c;
}

}  // namespace presets

// Lints a message against commitlint rules (default: @commitlint/config-conventional),
// parsing it as commitlint does (conventionalcommits parser options, no meta fields).
// A message of nothing but whitespace (or of `gpg:` lines) gives an empty, valid report.
[[nodiscard]] inline lint_report lint(std::string_view message,
                                      const lint_options& config = presets::config_conventional()) {
  lint_report report;
  if (config.default_ignores && detail::ignored_by_default(message)) {
    report.ignored = true;
    return report;
  }
  parse_options opts{dialect::conventional_changelog};
  opts.meta_fields = false;
  const auto parsed = parse(message, opts);
  if (!parsed) return report;
  const commit& c = *parsed;
  // Nothing left once the parser drops its `gpg:` lines: commitlint's empty commit.
  if (c.header.empty() && !c.body && !c.footer) return report;
  auto offset = [&](std::string_view part) {
    const char* begin = message.data();
    return part.data() >= begin && part.data() <= begin + message.size()
               ? static_cast<std::size_t>(part.data() - begin)
               : std::size_t{0};
  };
  const std::size_t subject_at = c.description.empty() ? 0 : offset(c.description);
  auto add = [&](const lint_rule& r, std::size_t position, std::string text) {
    report.findings.push_back(finding{r.name, r.level, position, std::move(text)});
    if (r.level == severity::error) report.valid = false;
  };
  auto join = [](const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
      if (!out.empty()) out += ", ";
      out += v;
    }
    return out;
  };
  for (const lint_rule& r : config.rules) {
    if (r.level == severity::off) continue;
    const std::string_view name = r.name;
    if (name == "header-max-length") {
      const std::size_t length = detail::utf16_length(c.header);
      const bool ok = !c.header.empty() && length <= r.limit;
      if (!ok) {
        add(r, 0,
            "header must not be longer than " + std::to_string(r.limit) +
                " characters, current length is " + std::to_string(length));
      }
    } else if (name == "header-trim") {
      if (c.header.empty()) continue;
      // header.trimStart() / header.trimEnd(): JavaScript whitespace (a)
      const bool lead = relkit::detail::js_space_length(c.header, 0) != 0;
      const bool trail = relkit::detail::js_space_length_before(c.header, c.header.size()) != 0;
      if (lead || trail) {
        add(r, lead ? 0 : c.header.size() - 1,
            lead && trail ? "header must not be surrounded by whitespace"
            : lead        ? "header must not start with whitespace"
                          : "header must not end with whitespace");
      }
    } else if (name == "subject-case") {
      if (c.description.empty()) continue;
      const std::uint32_t first = detail::code_point(c.description, 0);
      if (!detail::is_upper_letter(first) && !detail::is_lower_letter(first)) continue;
      std::vector<std::string> matched;
      for (const std::string& v : r.values) {
        if (detail::ensure_case(c.description, v)) matched.push_back(v);
      }
      const bool result = !matched.empty();
      if (r.never ? result : !result) {
        add(r, subject_at,
            std::string("subject must ") + (r.never ? "not " : "") + "be " +
                join(r.never ? matched : r.values));
      }
    } else if (name == "subject-empty" || name == "type-empty") {
      const bool type_rule = name == "type-empty";
      const bool empty = type_rule ? c.type.empty() : c.description.empty();
      if (empty == r.never) {
        add(r, type_rule ? 0 : subject_at,
            std::string(type_rule ? "type" : "subject") + (r.never ? " may not" : " must") +
                " be empty");
      }
    } else if (name == "subject-full-stop") {
      const std::string stop = r.values.empty() ? std::string(".") : r.values[0];
      const std::size_t colon = c.header.find(':');
      if (colon != std::string_view::npos && colon > 0 && colon + 1 == c.header.size()) continue;
      bool has_stop = !c.header.empty() && c.header.size() >= stop.size() &&
                      c.header.substr(c.header.size() - stop.size()) == stop;
      if (c.header.size() >= 3 && c.header.substr(c.header.size() - 3) == "...") has_stop = false;
      if (r.never ? has_stop : !has_stop) {
        add(r, c.header.empty() ? 0 : c.header.size() - 1,
            std::string("subject ") + (r.never ? "may not" : "must") + " end with full stop");
      }
    } else if (name == "type-case") {
      if (c.type.empty()) continue;
      bool any = false;
      for (const std::string& v : r.values) any = any || detail::ensure_case(c.type, v);
      if (r.never ? any : !any) {
        add(r, 0, std::string("type must ") + (r.never ? "not " : "") + "be " + join(r.values));
      }
    } else if (name == "type-enum") {
      if (c.type.empty()) continue;
      bool found = false;
      for (const std::string& v : r.values) found = found || c.type == v;
      if (r.never ? found : !found) {
        add(r, 0,
            std::string("type must ") + (r.never ? "not " : "") + "be one of [" + join(r.values) +
                "]");
      }
    } else if (name == "body-leading-blank" || name == "footer-leading-blank") {
      const bool body = name == "body-leading-blank";
      const std::optional<std::string_view>& part = body ? c.body : c.footer;
      if (!part || part->empty()) continue;
      const auto raw = detail::to_lines(message);
      std::string_view leading;
      bool has_leading = false;
      if (body) {
        has_leading = raw.size() > 1;
        if (has_leading) leading = raw[1];
      } else {
        const std::string_view first = detail::to_lines(*part)[0];
        std::ptrdiff_t at = -1;
        for (std::size_t i = 0; i < raw.size(); ++i) {
          if (raw[i] == first) {
            at = static_cast<std::ptrdiff_t>(i);
            break;
          }
        }
        // rawLines.slice(at - 1)[0]: a negative start counts from the end.
        std::ptrdiff_t index = at - 1;
        if (index < 0) index += static_cast<std::ptrdiff_t>(raw.size());
        has_leading = index >= 0 && static_cast<std::size_t>(index) < raw.size();
        if (has_leading) leading = raw[static_cast<std::size_t>(index)];
      }
      const bool succeeds = has_leading && leading.empty();
      if (r.never ? succeeds : !succeeds) {
        add(r, offset(*part),
            std::string(body ? "body" : "footer") + (r.never ? " may not" : " must") +
                " have leading blank line");
      }
    } else if (name == "body-max-line-length" || name == "footer-max-line-length") {
      const bool body = name == "body-max-line-length";
      const std::optional<std::string_view>& part = body ? c.body : c.footer;
      if (!part || part->empty()) continue;
      for (std::string_view line : detail::to_lines(*part)) {
        if (detail::has_url(line) || detail::utf16_length(line) <= r.limit) continue;
        add(r, offset(line),
            std::string(body ? "body's" : "footer's") + " lines must not be longer than " +
                std::to_string(r.limit) + " characters");
        break;
      }
    }
  }
  return report;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
