#pragma once
// URL templates of relkit::changelog::repository (internal).

#include "relkit/detail/prologue.hpp"

#include <string>
#include <string_view>

#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {

[[nodiscard]] inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = relkit::detail::to_lower(c);
  }
  return out;
}

inline void replace_all(std::string& text, std::string_view key, std::string_view value) {
  std::size_t at = 0;
  while ((at = text.find(key, at)) != std::string::npos) {
    text.replace(at, key.size(), value);
    at += value.size();
  }
}

[[nodiscard]] inline std::string base_url(const repository& r) {
  std::string out = r.host_url;
  out += '/';
  out += r.owner;
  out += '/';
  out += r.name;
  return out;
}

[[nodiscard]] inline std::string expand(std::string tmpl, const repository& r) {
  replace_all(tmpl, "{base}", base_url(r));
  replace_all(tmpl, "{host}", r.host_url);
  replace_all(tmpl, "{owner}", r.owner);
  replace_all(tmpl, "{repo}", r.name);
  return tmpl;
}

}  // namespace detail
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
