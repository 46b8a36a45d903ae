// Fuzz target for relkit::commits: parse in every dialect, lint, decide and the git log
// reader. Traps when a value is not a view into the message or its owned text, when a
// conventional header does not round-trip through to_string, when a count is off, or when
// the parse into a reused commit differs from parse().
#include <relkit/relkit.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace rc = relkit::commits;

bool within(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

bool valid_view(std::string_view part, std::string_view message, const rc::commit& c) {
  return within(part, message) || (c.owned_text && within(part, *c.owned_text));
}

void check(const rc::commit& c, std::string_view message, rc::dialect grammar) {
  const std::string_view views[] = {c.header, c.type, c.scope, c.description};
  for (std::string_view v : views) {
    if (!valid_view(v, message, c)) __builtin_trap();
  }
  if (c.body && !valid_view(*c.body, message, c)) __builtin_trap();
  if (c.footer && !valid_view(*c.footer, message, c)) __builtin_trap();
  for (const rc::note& n : c.notes) {
    if (!valid_view(n.text, message, c) && n.text != c.description) __builtin_trap();
  }
  for (const rc::reference& r : c.references) {
    if (!within(r.raw, message) || r.issue.empty()) __builtin_trap();
  }
  for (std::string_view m : c.mentions) {
    if (!within(m, message) || m.empty()) __builtin_trap();
  }
  // Every grammar: breaking means a note (the `!` header gives one, an empty type too).
  if (c.breaking && c.notes.empty()) __builtin_trap();
  if (c.conventional && c.type.empty()) __builtin_trap();
  // A conventional header rebuilt from its parts parses to the same parts.
  if (c.conventional && grammar == rc::dialect::spec) {
    const std::string header = rc::rebuild_header(c);
    if (header != c.header.substr(0, header.size())) __builtin_trap();
    const auto again = rc::parse(header);
    if (!again || !again->conventional || again->type != c.type || again->scope != c.scope ||
        again->exclamation != c.exclamation || again->description != c.description) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string message(reinterpret_cast<const char*>(data), size);
  for (const rc::dialect grammar :
       {rc::dialect::spec, rc::dialect::conventional_changelog,
        rc::dialect::semantic_release_conventionalcommits, rc::dialect::semantic_release_angular,
        rc::dialect::git_cliff, rc::dialect::release_please}) {
    const auto parsed = rc::parse(message, rc::parse_options{grammar});
    if (parsed) {
      check(*parsed, message, grammar);
    } else if (parsed.error().code != rc::errc::empty_message) {
      __builtin_trap();
    }
    // The parse into a commit reused across inputs gives the same commit (or error).
    static rc::commit reused;
    const auto into = rc::parse(message, reused, rc::parse_options{grammar});
    if (parsed.has_value() != into.has_value()) __builtin_trap();
    if (parsed ? reused != *parsed : (into.error() != parsed.error() || reused != rc::commit{})) {
      __builtin_trap();
    }
  }
  const rc::lint_report report = rc::lint(message);
  for (const rc::finding& f : report.findings) {
    if (f.position > message.size()) __builtin_trap();
  }
  const std::vector<rc::log_entry> one = {rc::log_entry{"0123456789abcdef", 1, message}};
  for (const rc::policy& p :
       {rc::presets::semantic_release(), rc::presets::git_cliff(), rc::presets::release_please()}) {
    const rc::decision d = rc::decide(one, p);
    if (d.level != rc::bump::none && d.commit_index != 0) __builtin_trap();
  }
  const auto log = rc::read_git_log(message);
  if (log) {
    for (const rc::log_entry& e : *log) {
      if (!within(e.message, message) || !within(e.sha, message)) __builtin_trap();
    }
  }
  return 0;
}
