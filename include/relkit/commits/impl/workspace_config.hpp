#pragma once
// Bodies of relkit/commits/workspace.hpp: the configuration readers (release-please
// manifest mode, npm/yarn/pnpm workspaces). What they read is stated there.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/commits/bump.hpp"
#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/workspace.hpp"
#include "relkit/commits/tag_format.hpp"
#include "relkit/commits/workspace.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/json.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

using relkit::detail::json_value;

[[nodiscard]] inline relkit::error config_error(const json_value& at, const char* what,
                                                std::string_view subject) {
  return relkit::error{errc::bad_workspace_config, at.position,
                       error_args{}.with_text(what).with_token(subject)};
}

[[nodiscard]] inline result<json_value> read_json_document(std::string_view text,
                                                           std::string_view file) {
  static_assert(max_config_values == 16384 && max_config_bytes == std::size_t{4} << 20U,
                "the messages below name the limits");
  relkit::detail::json_limits limits;
  limits.max_bytes = max_config_bytes;
  limits.max_values = max_config_values;
  auto doc = relkit::detail::parse_json(text, limits);
  if (!doc) {
    const relkit::error& e = doc.error();
    const char* what = e.args.text().data();  // a string literal (relkit/detail/json.hpp)
    if (e.code == relkit::detail::json_errc::too_many_values) {
      what = "more than 16384 JSON values, the limit of a configuration file";
    } else if (e.code == relkit::detail::json_errc::too_large) {
      what = "larger than 4 MiB, the limit of a configuration file";
    }
    return relkit::error{errc::invalid_workspace_json, e.position,
                         error_args{}.with_text(what).with_token(file)};
  }
  if (!doc->is_object()) return config_error(*doc, "a JSON object", file);
  return doc;
}

// A string member, or nullopt when absent; an error when of another type.
[[nodiscard]] inline result<std::optional<std::string>> string_member(const json_value& object,
                                                                      const char* key) {
  const json_value* v = object.find(key);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return config_error(*v, "a string", key);
  return std::optional<std::string>(v->text);
}

[[nodiscard]] inline result<std::optional<bool>> bool_member(const json_value& object,
                                                             const char* key) {
  const json_value* v = object.find(key);
  if (v == nullptr || v->is_null()) return std::optional<bool>();
  if (!v->is_bool()) return config_error(*v, "true or false", key);
  return std::optional<bool>(v->boolean);
}

[[nodiscard]] inline result<std::optional<std::vector<std::string>>> strings_member(
    const json_value& object, const char* key) {
  const json_value* v = object.find(key);
  if (v == nullptr || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array()) return config_error(*v, "an array of strings", key);
  std::vector<std::string> out;
  for (const json_value& item : v->items) {
    if (!item.is_string()) return config_error(item, "a string", key);
    out.push_back(item.text);
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

// The release-please options a package inherits from the top level.
struct release_please_options {
  std::optional<std::string> component;
  std::optional<std::string> package_name;
  std::optional<std::string> tag_separator;
  std::optional<bool> include_component_in_tag;
  std::optional<bool> include_v_in_tag;
  std::optional<bool> bump_minor_pre_major;
  std::optional<bool> bump_patch_for_minor_pre_major;
  std::optional<bool> prerelease;
  std::optional<std::string> prerelease_type;
  std::optional<std::string> versioning;
  std::optional<std::vector<std::string>> exclude_paths;
};

[[nodiscard]] inline result<void> read_release_please_options(const json_value& object,
                                                              release_please_options& into,
                                                              bool top_level) {
  auto take_string = [&](const char* key, std::optional<std::string>& field) -> result<void> {
    auto v = string_member(object, key);
    if (!v) return std::move(v).error();
    if (*v) field = std::move(*v);
    return {};
  };
  auto take_bool = [&](const char* key, std::optional<bool>& field) -> result<void> {
    auto v = bool_member(object, key);
    if (!v) return std::move(v).error();
    if (*v) field = *v;
    return {};
  };
  if (!top_level) {
    // Names are each package's own.
    if (auto r = take_string("component", into.component); !r) return r;
    if (auto r = take_string("package-name", into.package_name); !r) return r;
  }
  if (auto r = take_string("tag-separator", into.tag_separator); !r) return r;
  if (auto r = take_bool("include-component-in-tag", into.include_component_in_tag); !r) return r;
  if (auto r = take_bool("include-v-in-tag", into.include_v_in_tag); !r) return r;
  if (auto r = take_bool("bump-minor-pre-major", into.bump_minor_pre_major); !r) return r;
  if (auto r = take_bool("bump-patch-for-minor-pre-major", into.bump_patch_for_minor_pre_major); !r)
    return r;
  if (auto r = take_bool("prerelease", into.prerelease); !r) return r;
  if (auto r = take_string("prerelease-type", into.prerelease_type); !r) return r;
  if (auto r = take_string("versioning", into.versioning); !r) return r;
  auto excluded = strings_member(object, "exclude-paths");
  if (!excluded) return std::move(excluded).error();
  if (*excluded) into.exclude_paths = std::move(*excluded);
  return {};
}

[[nodiscard]] inline std::string_view last_segment(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The members of one dependency map naming a workspace member.
inline result<void> internal_dependencies(const json_value& doc, const std::string& path,
                                          const std::map<std::string, std::size_t>& names,
                                          std::vector<std::string>& into) {
  for (const char* key :
       {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
    const json_value* deps = doc.find(key);
    if (deps == nullptr || deps->is_null()) continue;
    if (!deps->is_object()) return config_error(*deps, "an object of dependencies", path);
    for (const auto& member : deps->members) {
      if (names.count(member.key) == 0) continue;
      bool seen = false;
      for (const std::string& d : into) seen = seen || d == member.key;
      if (!seen) into.push_back(member.key);
    }
  }
  return {};
}

}  // namespace detail

RELKIT_INLINE result<workspace> read_release_please_config(std::string_view config_json,
                                                           std::string_view manifest_json) {
  using relkit::detail::json_value;
  auto config = detail::read_json_document(config_json, "release-please-config.json");
  if (!config) return std::move(config).error();
  auto manifest = detail::read_json_document(manifest_json, ".release-please-manifest.json");
  if (!manifest) return std::move(manifest).error();
  detail::release_please_options defaults;
  if (auto r = detail::read_release_please_options(*config, defaults, true); !r) {
    return std::move(r).error();
  }
  workspace ws;
  const json_value* packages = config->find("packages");
  if (packages == nullptr || !packages->is_object()) {
    return detail::config_error(packages != nullptr ? *packages : *config, "an object",
                                "\"packages\"");
  }
  std::map<std::string, std::string> name_of_component;
  for (const auto& entry : packages->members) {
    if (!entry.value.is_object()) return detail::config_error(entry.value, "an object", entry.key);
    detail::release_please_options opts = defaults;
    if (auto r = detail::read_release_please_options(entry.value, opts, false); !r) {
      return std::move(r).error();
    }
    package pkg;
    const std::string_view path = detail::normal_path(entry.key);
    pkg.paths.push_back(std::string(path));
    pkg.name = opts.component      ? *opts.component
               : opts.package_name ? *opts.package_name
                                   : entry.key;
    std::string component;
    if (opts.component) {
      component = *opts.component;
    } else if (opts.package_name) {
      component = std::string(detail::short_name(*opts.package_name));
    } else {
      component = std::string(detail::last_segment(path));
    }
    name_of_component.emplace(component, pkg.name);
    std::string format;
    if (opts.include_component_in_tag.value_or(true) && !component.empty()) {
      format = component + opts.tag_separator.value_or("-");
    }
    if (opts.include_v_in_tag.value_or(true)) format += 'v';
    format += tag_format::placeholder;
    auto tags = parse_tag_format(format);
    if (!tags) return detail::config_error(entry.value, "a valid tag format", entry.key);
    pkg.tags = std::move(*tags);
    pkg.preset = presets::release_please();
    const bool minor_pre = opts.bump_minor_pre_major.value_or(false);
    const bool patch_pre = opts.bump_patch_for_minor_pre_major.value_or(false);
    if (minor_pre && patch_pre) {
      pkg.preset.zero_major = initial_development::lower_one_level;
    } else if (minor_pre) {
      pkg.preset.zero_major = initial_development::breaking_is_minor;
    } else if (patch_pre) {
      pkg.preset.zero_major = initial_development::minor_is_patch;
    }
    if (opts.prerelease.value_or(false) || opts.versioning.value_or("") == "prerelease") {
      pkg.channel = opts.prerelease_type.value_or("");
    }
    if (opts.exclude_paths) {
      for (const std::string& p : *opts.exclude_paths) {
        pkg.excluded.push_back(std::string(detail::normal_path(p)));
      }
    }
    // The manifest's version for this path ("." or the path as written).
    const json_value* version = manifest->find(entry.key);
    if (version == nullptr && path.empty()) version = manifest->find(".");
    if (version != nullptr && !version->is_null()) {
      if (!version->is_string()) return detail::config_error(*version, "a version", entry.key);
      auto v = semver::parse(version->text);
      if (!v) return detail::config_error(*version, "a version", entry.key);
      pkg.current = std::move(*v);
    }
    ws.packages.push_back(std::move(pkg));
  }
  const json_value* plugins = config->find("plugins");
  if (plugins != nullptr && !plugins->is_null()) {
    if (!plugins->is_array()) return detail::config_error(*plugins, "an array", "\"plugins\"");
    for (const json_value& plugin : plugins->items) {
      const json_value* type = plugin.is_string() ? &plugin : plugin.find("type");
      if (type == nullptr || !type->is_string()) {
        return detail::config_error(plugin, "a plugin type", "\"plugins\"");
      }
      if (type->text == "node-workspace") {
        ws.dependents = propagation::patch;
      } else if (type->text == "linked-versions") {
        auto name = detail::string_member(plugin, "groupName");
        if (!name) return std::move(name).error();
        auto components = detail::strings_member(plugin, "components");
        if (!components) return std::move(components).error();
        group g;
        g.name = name->value_or("linked-versions");
        g.kind = group_kind::fixed;
        for (const std::string& c : components->value_or(std::vector<std::string>())) {
          const auto it = name_of_component.find(c);
          g.members.push_back(it != name_of_component.end() ? it->second : c);
        }
        ws.groups.push_back(std::move(g));
      }
    }
  }
  return ws;
}

RELKIT_INLINE result<std::vector<std::string>> read_npm_workspace_globs(
    std::string_view root_package_json) {
  auto root = detail::read_json_document(root_package_json, "package.json");
  if (!root) return std::move(root).error();
  const detail::json_value* list = root->find("workspaces");
  if (list == nullptr) return detail::config_error(*root, "a list", "\"workspaces\"");
  if (list->is_object()) list = list->find("packages");
  if (list == nullptr || !list->is_array()) {
    return detail::config_error(list != nullptr ? *list : *root, "a list", "\"workspaces\"");
  }
  std::vector<std::string> globs;
  for (const detail::json_value& item : list->items) {
    if (!item.is_string()) return detail::config_error(item, "a string", "\"workspaces\"");
    globs.push_back(item.text);
  }
  return globs;
}

RELKIT_INLINE result<workspace> read_workspace_packages(const std::vector<package_file>& members) {
  std::vector<detail::json_value> docs;
  std::map<std::string, std::size_t> names;
  workspace ws;
  for (const package_file& member : members) {
    auto doc = detail::read_json_document(member.text, member.path);
    if (!doc) return std::move(doc).error();
    auto name = detail::string_member(*doc, "name");
    if (!name) return std::move(name).error();
    if (!*name || (*name)->empty()) return detail::config_error(*doc, "a name", member.path);
    package pkg;
    pkg.name = **name;
    pkg.paths.push_back(std::string(detail::normal_path(member.path)));
    auto tags = parse_tag_format(pkg.name + "@${version}");
    if (!tags) return detail::config_error(*doc->find("name"), "a tag-safe name", member.path);
    pkg.tags = std::move(*tags);
    const detail::json_value* version = doc->find("version");
    if (version != nullptr && !version->is_null()) {
      if (!version->is_string()) return detail::config_error(*version, "a version", member.path);
      auto v = semver::parse(version->text);
      if (!v) return detail::config_error(*version, "a version", member.path);
      pkg.current = std::move(*v);
    }
    names.emplace(pkg.name, ws.packages.size());
    ws.packages.push_back(std::move(pkg));
    docs.push_back(std::move(*doc));
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    auto r =
        detail::internal_dependencies(docs[i], members[i].path, names, ws.packages[i].dependencies);
    if (!r) return std::move(r).error();
  }
  return ws;
}

RELKIT_INLINE result<workspace> read_npm_workspaces(std::string_view root_package_json,
                                                    const std::vector<package_file>& members) {
  auto globs = read_npm_workspace_globs(root_package_json);
  if (!globs) return std::move(globs).error();
  return read_workspace_packages(members);
}

RELKIT_INLINE result<std::vector<std::string>> read_pnpm_workspace(std::string_view yaml_text) {
  std::vector<std::string> globs;
  auto fail = [](std::size_t at, const char* what) {
    return relkit::error{errc::bad_workspace_yaml, at, error_args{}.with_text(what)};
  };
  // One scalar (plain, 'single' or "double" quoted) at `i`; `end` stops a plain one.
  auto scalar = [&](std::size_t& i, std::size_t line_end, bool flow,
                    std::string& out) -> result<void> {
    const char q = yaml_text[i];
    if (q == '\'' || q == '"') {
      const std::size_t open = i;
      ++i;
      while (true) {
        if (i >= line_end) return fail(i, "a closing quote");
        const char c = yaml_text[i];
        if (c == q) {
          if (q == '\'' && i + 1 < line_end && yaml_text[i + 1] == '\'') {
            out += '\'';
            i += 2;
            continue;
          }
          ++i;
          if (out.empty()) return fail(open, "a glob, not an empty string");
          return {};
        }
        if (q == '"' && c == '\\') {
          if (i + 1 >= line_end || (yaml_text[i + 1] != '"' && yaml_text[i + 1] != '\\')) {
            return fail(i, "\\\" or \\\\ (the escapes read)");
          }
          out += yaml_text[i + 1];
          i += 2;
          continue;
        }
        out += c;
        ++i;
      }
    }
    const std::size_t start = i;
    while (i < line_end) {
      const char c = yaml_text[i];
      if (c == '#' && i > start && (yaml_text[i - 1] == ' ' || yaml_text[i - 1] == '\t')) break;
      if (flow && (c == ',' || c == ']')) break;
      ++i;
    }
    std::size_t e = i;
    while (e > start && (yaml_text[e - 1] == ' ' || yaml_text[e - 1] == '\t')) --e;
    if (e == start) return fail(start, "a glob");
    out.assign(yaml_text.data() + start, e - start);
    return {};
  };
  // After a value: spaces, then a comment or the line end.
  auto rest_of_line = [&](std::size_t i, std::size_t line_end) -> result<void> {
    while (i < line_end && (yaml_text[i] == ' ' || yaml_text[i] == '\t')) ++i;
    if (i < line_end && yaml_text[i] != '#') return fail(i, "the end of the line or a comment");
    return {};
  };
  bool in_packages = false;
  bool seen_packages = false;
  std::size_t pos = 0;
  while (pos < yaml_text.size()) {
    std::size_t line_end = yaml_text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = yaml_text.size();
    const std::size_t next = line_end + 1;
    if (line_end > pos && yaml_text[line_end - 1] == '\r') --line_end;
    std::size_t i = pos;
    while (i < line_end && (yaml_text[i] == ' ' || yaml_text[i] == '\t')) ++i;
    if (i == line_end || yaml_text[i] == '#') {
      pos = next;
      continue;
    }
    const bool indented = i > pos;
    if (yaml_text[i] == '-' && (i + 1 == line_end || yaml_text[i + 1] == ' ')) {
      if (!in_packages) {
        if (!indented && seen_packages) return fail(i, "a key");
        if (!indented) return fail(i, "a `packages:` key before the list");
        pos = next;  // an item of another key's list
        continue;
      }
      i += 1;
      while (i < line_end && yaml_text[i] == ' ') ++i;
      if (i == line_end) return fail(i, "a glob");
      std::string glob;
      if (auto r = scalar(i, line_end, false, glob); !r) return std::move(r).error();
      if (auto r = rest_of_line(i, line_end); !r) return std::move(r).error();
      globs.push_back(std::move(glob));
      pos = next;
      continue;
    }
    if (indented) {
      if (in_packages) return fail(i, "a list item `- glob`");
      pos = next;  // a nested line of another key
      continue;
    }
    // A top-level key.
    const std::size_t colon = yaml_text.find(':', i);
    if (colon == std::string_view::npos || colon >= line_end) return fail(i, "a `key:`");
    const std::string_view key = yaml_text.substr(i, colon - i);
    in_packages = false;
    if (key != "packages") {
      pos = next;
      continue;
    }
    if (seen_packages) return fail(i, "one `packages:` key");
    seen_packages = true;
    std::size_t v = colon + 1;
    while (v < line_end && (yaml_text[v] == ' ' || yaml_text[v] == '\t')) ++v;
    if (v == line_end || yaml_text[v] == '#') {
      in_packages = true;
    } else if (yaml_text[v] == '[') {
      ++v;
      while (true) {
        while (v < line_end && yaml_text[v] == ' ') ++v;
        if (v < line_end && yaml_text[v] == ']' && globs.empty()) {
          ++v;
          break;
        }
        std::string glob;
        if (v >= line_end) return fail(v, "a glob or ']'");
        if (auto r = scalar(v, line_end, true, glob); !r) return std::move(r).error();
        globs.push_back(std::move(glob));
        while (v < line_end && yaml_text[v] == ' ') ++v;
        if (v < line_end && yaml_text[v] == ',') {
          ++v;
          continue;
        }
        if (v < line_end && yaml_text[v] == ']') {
          ++v;
          break;
        }
        return fail(v, "',' or ']'");
      }
      if (auto r = rest_of_line(v, line_end); !r) return std::move(r).error();
    } else {
      return fail(v, "a list of globs");
    }
    pos = next;
  }
  return globs;
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
