#pragma once
// relkit::changelog repositories: the links a changelog writes (compare, commit,
// issue, user and tag URLs, from the host's defaults or the repository's templates)
// and parse_repository, which reads a repository from its clone URL.
// Included by relkit/changelog.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "relkit/changelog/detail/url.hpp"
#include "relkit/changelog/types.hpp"
#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {

// URLs of a repository (the host's defaults unless a template is set).
[[nodiscard]] inline std::string compare_url(const repository& r, std::string_view from,
                                             std::string_view to) {
  std::string t = r.compare_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/compare/{from}...{to}"
        : r.kind == host::bitbucket ? "{base}/branches/compare/{to}%0D{from}"
                                    : "{base}/compare/{from}...{to}";
  }
  std::string out = detail::expand(std::move(t), r);
  detail::replace_all(out, "{from}", from);
  detail::replace_all(out, "{to}", to);
  return out;
}
[[nodiscard]] inline std::string commit_url(const repository& r, std::string_view hash) {
  std::string t = r.commit_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/commit/{hash}"
        : r.kind == host::bitbucket ? "{base}/commits/{hash}"
                                    : "{base}/commit/{hash}";
  }
  std::string out = detail::expand(std::move(t), r);
  detail::replace_all(out, "{hash}", hash);
  return out;
}
[[nodiscard]] inline std::string issue_url(const repository& r, std::string_view issue) {
  std::string t = r.issue_template;
  if (t.empty()) t = r.kind == host::gitlab ? "{base}/-/issues/{issue}" : "{base}/issues/{issue}";
  std::string out = detail::expand(std::move(t), r);
  detail::replace_all(out, "{issue}", issue);
  return out;
}
[[nodiscard]] inline std::string user_url(const repository& r, std::string_view user) {
  std::string out = detail::expand(r.user_template.empty() ? "{host}/{user}" : r.user_template, r);
  detail::replace_all(out, "{user}", user);
  return out;
}
[[nodiscard]] inline std::string tag_url(const repository& r, std::string_view tag) {
  std::string t = r.tag_template;
  if (t.empty()) {
    t = r.kind == host::gitlab      ? "{base}/-/tags/{tag}"
        : r.kind == host::bitbucket ? "{base}/src/{tag}"
                                    : "{base}/releases/tag/{tag}";
  }
  std::string out = detail::expand(std::move(t), r);
  detail::replace_all(out, "{tag}", tag);
  return out;
}

// A repository from its URL: `https://github.com/owner/name(.git)`,
// `git@gitlab.com:group/sub/name.git`, `ssh://git@host/owner/name`, `git+https://…`.
// The host kind comes from the host name (github, gitlab, bitbucket), else `fallback`
// (self-hosted Gitea/Forgejo, or say so for a self-hosted GitLab).
// Errors, all errc::bad_repository_url: "expected a scheme or host:" at 0 (neither
// `scheme://` nor `host:`), "expected /owner/name after the host" at the end of the
// URL, "expected owner/name" where the path starts.
[[nodiscard]] inline result<repository> parse_repository(std::string_view url,
                                                         host fallback = host::gitea) {
  std::string_view rest = url;
  if (rest.substr(0, 4) == "git+") rest.remove_prefix(4);
  std::string scheme = "https://";
  std::string_view hostname;
  std::string_view path;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) {
    const std::string_view s = rest.substr(0, scheme_end);
    if (s == "http") scheme = "http://";
    rest.remove_prefix(scheme_end + 3);
    const std::size_t at = rest.find('@');
    const std::size_t slash = rest.find('/');
    if (at != std::string_view::npos && at < slash) rest.remove_prefix(at + 1);
    const std::size_t host_end = rest.find('/');
    if (host_end == std::string_view::npos) {
      return relkit::error{errc::bad_repository_url, url.size(),
                           error_args{}.with_text("/owner/name after the host")};
    }
    hostname = rest.substr(0, host_end);
    // Drop a port of ssh:// URLs; keep it for http(s).
    if (s == "ssh" || s == "git") {
      const std::size_t colon = hostname.find(':');
      if (colon != std::string_view::npos) hostname = hostname.substr(0, colon);
    }
    path = rest.substr(host_end + 1);
  } else {
    const std::size_t at = rest.find('@');
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return relkit::error{errc::bad_repository_url, 0,
                           error_args{}.with_text("a scheme or host:")};
    }
    hostname = rest.substr(at == std::string_view::npos || at > colon ? 0 : at + 1,
                           colon - (at == std::string_view::npos || at > colon ? 0 : at + 1));
    path = rest.substr(colon + 1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() >= 4 && path.substr(path.size() - 4) == ".git") path.remove_suffix(4);
  const std::size_t last = path.rfind('/');
  const std::size_t position =
      url.size() - (rest.size() - static_cast<std::size_t>(path.data() - rest.data()));
  if (hostname.empty() || last == std::string_view::npos || last == 0 || last + 1 == path.size()) {
    return relkit::error{errc::bad_repository_url, position, error_args{}.with_text("owner/name")};
  }
  repository out;
  const std::string lower_host = detail::lower(hostname);
  out.kind = lower_host.find("github") != std::string::npos      ? host::github
             : lower_host.find("gitlab") != std::string::npos    ? host::gitlab
             : lower_host.find("bitbucket") != std::string::npos ? host::bitbucket
                                                                 : fallback;
  out.host_url = scheme + std::string(hostname);
  out.owner = std::string(path.substr(0, last));
  out.name = std::string(path.substr(last + 1));
  return out;
}

}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
