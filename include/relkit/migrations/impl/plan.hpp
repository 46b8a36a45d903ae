#pragma once
// Bodies of relkit/migrations/plan.hpp. The plan of each kind of change is
// built in relkit/migrations/detail/plan_columns.hpp and plan_tables.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/error.hpp"
#include "relkit/migrations/detail/builder.hpp"
#include "relkit/migrations/detail/names.hpp"
#include "relkit/migrations/detail/plan_columns.hpp"
#include "relkit/migrations/detail/plan_tables.hpp"
#include "relkit/migrations/plan.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

RELKIT_INLINE relkit::result<void> check_invariant(const migration_plan& p) {
  for (std::size_t k = 0; k < p.phases.size(); ++k) {
    const std::vector<std::string>& before = k == 0 ? p.initial_schema : p.phases[k - 1].schema;
    const std::vector<std::string>& after = p.phases[k].schema;
    const auto number = static_cast<std::int64_t>(k + 1);
    for (const std::string& name : p.phases[k].apps) {
      const app_version* app = nullptr;
      for (const auto& a : p.apps) {
        if (a.name == name) app = &a;
      }
      if (app == nullptr) {
        return relkit::error{errc::unknown_app_version, relkit::no_position,
                             relkit::error_args().with_number(number).with_token(name)};
      }
      for (const std::string& need : app->needs) {
        bool in_before = false;
        bool in_after = false;
        for (const auto& fact : before) in_before = in_before || fact == need;
        for (const auto& fact : after) in_after = in_after || fact == need;
        if (!in_before || !in_after) {
          const char* when = in_before ? "after this phase"
                             : k == 0  ? "before the plan"
                                       : "after the previous phase";
          // "A1 (needs 'column users.full_name')": the app version and the fact
          // it misses; a long fact is cut, the app version is kept.
          return relkit::error{errc::invariant_violated, relkit::no_position,
                               relkit::detail::joined_token({name, " (needs '", need, "')"}, 2)
                                   .with_number(number)
                                   .with_text(when)};
        }
      }
    }
  }
  return relkit::result<void>();
}

RELKIT_INLINE std::optional<std::size_t> violated_phase(const relkit::error& err) noexcept {
  if ((err.code != errc::invariant_violated && err.code != errc::unknown_app_version) ||
      err.args.number() < 1) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(err.args.number() - 1);
}

RELKIT_INLINE relkit::result<migration_plan> make_plan(const change& what,
                                                       const make_plan_options& options) {
  if (options.postgres_major < 11) {
    return detail::plan_error(errc::unsupported_postgres_version,
                              relkit::error_args().with_number(options.postgres_major));
  }
  if (auto e = detail::check_column(options.key_column, "key column name")) return *e;
  if (options.batch_size == 0) {
    return detail::plan_error(errc::invalid_batch_size, relkit::error_args());
  }
  const detail::builder build{options};
  relkit::result<migration_plan> out =
      std::visit([&](const auto& c) { return detail::plan_for(c, build); }, what);
  if (!out) return out;
  const relkit::result<void> ok = check_invariant(*out);
  if (!ok) return ok.error();
  return out;
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
