// relkit::semver in a few lines: parse, compare, bump, ranges, errors.
#include <relkit/relkit.hpp>

#include <iostream>
#include <vector>

namespace sv = relkit::semver;

int main() {
  const sv::version v = sv::parse("1.4.0-rc.2+build.7").value();
  std::cout << v.major << '.' << v.minor << '.' << v.patch << " pre=" << v.prerelease
            << " build=" << v.build << '\n';
  std::cout << std::boolalpha << (v < sv::parse("1.4.0").value()) << '\n';

  // npm and npm-loose accept what node-semver accepts; strict is SemVer 2.0.0.
  std::cout << sv::to_string(sv::parse(" v2.0.0 ", sv::parse_mode::npm).value()) << '\n';
  std::cout << sv::to_string(sv::parse("=1.02.3beta", sv::parse_mode::npm_loose).value()) << '\n';

  sv::bump_options rc;
  rc.identifier = "rc";
  std::cout << sv::to_string(sv::bump(v, sv::release_type::prerelease, rc).value()) << '\n';
  std::cout << sv::to_string(sv::bump(v, sv::release_type::minor).value()) << '\n';

  const sv::range r = sv::parse_range("^1.2 || >=3.0.0-beta <3.1").value();
  std::cout << sv::to_string(r) << '\n';
  const std::vector<sv::version> tags{sv::parse("1.2.9").value(), sv::parse("1.9.0").value(),
                                      sv::parse("2.0.0").value(),
                                      sv::parse("3.0.0-beta.3").value()};
  for (const auto& tag : tags) {
    std::cout << sv::to_string(tag) << (sv::satisfies(tag, r) ? " matches" : " does not match")
              << '\n';
  }
  std::cout << "max: " << sv::to_string(*sv::max_satisfying(tags, r)) << '\n';

  for (const char* bad : {"1.02.3", "18446744073709551616.0.0", "1.2.x"}) {
    std::cout << relkit::to_string(sv::parse(bad).error()) << '\n';
  }
  std::cout << relkit::to_string(sv::parse_range(">=1.2.3 <foo").error()) << '\n';
}
