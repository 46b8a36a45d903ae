// relkit flags: a flag evaluated from an Unleash payload (eval), the stale-flag report
// (stale), and the bucket a flag system puts a user in (bucket, also `relkit bucket`).
#include "commands.hpp"
#include "io.hpp"
#include "json.hpp"

#include <relkit/flags.hpp>
#include <relkit/unleash.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace fl = relkit::flags;

constexpr std::string_view flags_help =
    R"(Usage: relkit flags eval --payload FILE --flag NAME [--context KEY=VALUE]... [--json]
       relkit flags stale --payload FILE --now TIME [--json]
       relkit flags bucket --system S --flag F --id ID ...   (relkit bucket --help)

eval   Evaluates flag NAME as Unleash's SDKs do (client specification 6.1.0) and
       prints three lines: "on" or "off", the variant ("variant: NAME", and
       "payload: TYPE VALUE" when it carries one), and the reason
       ("reason: checkout is on: strategy 0 (flexibleRollout) matched").
       An unknown flag is off ("reason: NAME is off: unknown flag"), as the SDKs
       answer false for it.
stale  Prints one line per flag that is marked stale, past an expiry, or older
       than its type's expected lifetime (release and experiment 40 days,
       operational 7, kill-switch and permission never), in payload order:
         NAME: past expected lifetime (release), 12 days overdue
         NAME: marked stale (operational)
       TIME is RFC 3339 (YYYY-MM-DDTHH:MM:SSZ); no clock is read.
bucket The same command as `relkit bucket` (which stays as an alias).

--payload FILE  an Unleash client-API response (GET /api/client/features:
                {"version":2,"features":[...],"segments":[...]}) or a delta-API
                response ({"events":[...]}, applied in order to an empty set)
--context KEY=VALUE  one field of the Unleash context; repeat it for more:
                userId, sessionId, remoteAddress, environment, appName,
                currentTime (RFC 3339: DATE_* constraints; without it they are
                false, no clock is read), hostname (the applicationHostname
                strategy), properties.NAME (a custom property), and any other
                KEY is the property KEY, as the SDKs look up a context field
                that is not a standard one. Random stickiness draws 0.
--json          eval: {"flag":NAME,"enabled":B,"reason":R,"explanation":TEXT,
                "strategy":I|null,"variant":{"name":V,"enabled":B,
                "source":S,"payload":{"type":T,"value":X}|null}}
                (R: unknown_flag, disabled, dependency_failed, no_strategies,
                strategy_matched, no_strategy_matched; S: none,
                override_match, strategy_variant, flag_variant)
                stale: {"stale":[{"flag":N,"type":T,"owner":O,"reason":R,
                "days_overdue":D}, ...]} (R: marked_stale,
                past_expected_lifetime, past_expiry)

Exit codes: eval 0 the flag is on, 1 off (unknown included); stale 0 no stale
flag, 1 at least one; 2 usage error or an invalid payload (FILE:LINE:COLUMN:
message [code]).
)";

// Reads and loads the payload; nullopt after printing the error (exit_usage).
std::optional<fl::flag_set> load_payload(std::string_view path) {
  return parse_file(path, [](std::string_view text) { return relkit::unleash::load(text); });
}

// Takes every `--context KEY=VALUE` (or `--context=KEY=VALUE`) out of `words`, into
// `values`; the other words are left for parse_args. False when a --context lacks its value.
bool take_contexts(const arguments& words, arguments& rest, std::vector<std::string_view>& values) {
  constexpr std::string_view name = "--context";
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w == "--") {
      rest.insert(rest.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
      return true;
    }
    if (w == name) {
      if (i + 1 == words.size()) return false;
      values.push_back(words[++i]);
    } else if (w.size() > name.size() && w.substr(0, name.size() + 1) == "--context=") {
      values.push_back(w.substr(name.size() + 1));
    } else {
      rest.push_back(w);
    }
  }
  return true;
}

// Builds the context from KEY=VALUE words; an empty string on success, else the problem.
std::string build_context(const std::vector<std::string_view>& pairs, fl::context& ctx) {
  std::vector<std::string_view> seen;
  for (const std::string_view pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return "--context takes KEY=VALUE, got '" + std::string(pair) + "'";
    }
    std::string_view key = pair.substr(0, eq);
    const std::string_view value = pair.substr(eq + 1);
    constexpr std::string_view prefix = "properties.";
    if (key.size() > prefix.size() && key.substr(0, prefix.size()) == prefix) {
      key.remove_prefix(prefix.size());
    }
    for (const std::string_view k : seen) {
      if (k == key) return "context key '" + std::string(key) + "' given twice";
    }
    seen.push_back(key);
    const std::pair<std::string_view, std::optional<std::string_view>*> fields[] = {
        {"userId", &ctx.user_id},
        {"sessionId", &ctx.session_id},
        {"remoteAddress", &ctx.remote_address},
        {"environment", &ctx.environment},
        {"appName", &ctx.app_name},
        {"currentTime", &ctx.current_time},
        {"hostname", &ctx.hostname}};
    std::optional<std::string_view>* field = nullptr;
    for (const auto& f : fields) {
      if (f.first == pair.substr(0, eq)) field = f.second;  // not "properties.userId"
    }
    if (field != nullptr) {
      *field = value;
    } else {
      ctx.properties.push_back({key, value});
    }
  }
  return {};
}

int eval_command(const arguments& words) {
  arguments rest;
  std::vector<std::string_view> pairs;
  if (!take_contexts(words, rest, pairs)) {
    return usage_error("option --context needs a value", "flags");
  }
  const parsed_args args = parse_args(rest, 0, {"--payload", "--flag"}, {"--json"});
  if (const auto done = settle_args(args, flags_help, "flags")) return *done;
  const auto payload = args.option("--payload");
  const auto name = args.option("--flag");
  if (!payload || !name)
    return usage_error("flags eval needs --payload FILE and --flag NAME", "flags");
  fl::context ctx;
  if (const std::string problem = build_context(pairs, ctx); !problem.empty()) {
    return usage_error(problem, "flags");
  }
  const auto set = load_payload(*payload);
  if (!set) return exit_usage;
  const fl::evaluation e = set->evaluate(*name, ctx);
  const fl::variant_result v = set->get_variant(*name, ctx);
  fl::flag unknown;
  unknown.name = std::string(*name);
  const fl::flag* f = set->find(*name);
  const std::string explanation = fl::render(f != nullptr ? *f : unknown, e);
  if (args.flag("--json")) {
    std::string o = "{";
    json::append_key(o, "flag");
    json::append_string(o, *name);
    json::append_key(o, "enabled");
    o += e.enabled ? "true" : "false";
    json::append_key(o, "reason");
    json::append_string(o, fl::to_string(e.reason));
    json::append_key(o, "explanation");
    json::append_string(o, explanation);
    json::append_key(o, "strategy");
    o += e.strategy >= 0 ? std::to_string(e.strategy) : "null";
    json::append_key(o, "variant");
    o += '{';
    json::append_key(o, "name");
    json::append_string(o, v.name);
    json::append_key(o, "enabled");
    o += v.enabled ? "true" : "false";
    json::append_key(o, "source");
    json::append_string(o, fl::to_string(v.source));
    json::append_key(o, "payload");
    if (v.payload != nullptr) {
      o += '{';
      json::append_key(o, "type");
      json::append_string(o, v.payload->type);
      json::append_key(o, "value");
      json::append_string(o, v.payload->value);
      o += '}';
    } else {
      o += "null";
    }
    o += "}}\n";
    out(o);
  } else {
    std::string text = e.enabled ? "on\n" : "off\n";
    text += "variant: " + std::string(v.name) + "\n";
    if (v.payload != nullptr) text += "payload: " + v.payload->type + " " + v.payload->value + "\n";
    text += "reason: " + explanation + "\n";
    out(text);
  }
  return e.enabled ? exit_ok : exit_no;
}

int stale_command(const arguments& words) {
  const parsed_args args = parse_args(words, 0, {"--payload", "--now"}, {"--json"});
  if (const auto done = settle_args(args, flags_help, "flags")) return *done;
  const auto payload = args.option("--payload");
  const auto now_text = args.option("--now");
  if (!payload || !now_text) {
    return usage_error("flags stale needs --payload FILE and --now TIME", "flags");
  }
  std::string problem;
  const auto now = parse_time(*now_text, problem);
  if (!now) return usage_error("--now: " + problem, "flags");
  const auto set = load_payload(*payload);
  if (!set) return exit_usage;
  const std::vector<fl::stale_entry> report = fl::stale_report(set->flags(), *now);
  std::string text;
  if (args.flag("--json")) {
    text = "{";
    json::append_key(text, "stale");
    text += '[';
    for (const fl::stale_entry& s : report) {
      json::append_separator(text);
      text += '{';
      json::append_key(text, "flag");
      json::append_string(text, s.flag);
      json::append_key(text, "type");
      json::append_string(text, fl::wire_name(s.type));
      json::append_key(text, "owner");
      json::append_string(text, s.owner);
      json::append_key(text, "reason");
      json::append_string(text, fl::to_string(s.reason));
      json::append_key(text, "days_overdue");
      text += std::to_string(s.days_overdue) + "}";
    }
    text += "]}\n";
  } else {
    for (const fl::stale_entry& s : report) {
      text += s.flag + ": " + std::string(fl::display_name(s.reason)) + " (" +
              std::string(fl::wire_name(s.type));
      if (!s.owner.empty()) text += ", owner " + s.owner;
      text += ")";
      if (s.reason != fl::stale_reason::marked_stale) {
        text += ", " + std::to_string(s.days_overdue) +
                (s.days_overdue == 1 ? " day overdue" : " days overdue");
      }
      text += "\n";
    }
  }
  out(text);
  return report.empty() ? exit_ok : exit_no;
}

}  // namespace

int flags_command(const arguments& words) {
  if (words.empty()) return usage_error("flags needs a command: eval, stale or bucket", "flags");
  if (is_help(words[0])) {
    out(flags_help);
    return exit_ok;
  }
  const arguments rest(words.begin() + 1, words.end());
  if (words[0] == "eval") return eval_command(rest);
  if (words[0] == "stale") return stale_command(rest);
  if (words[0] == "bucket") return bucket_command(rest);
  return usage_error("unknown flags command '" + std::string(words[0]) + "' (eval, stale, bucket)",
                     "flags");
}

}  // namespace relkit::cli
