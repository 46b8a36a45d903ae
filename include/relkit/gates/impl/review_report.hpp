#pragma once
// Bodies of relkit/gates/review_report.hpp.

#include "relkit/detail/prologue.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/gates/detail/json_report.hpp"
#include "relkit/gates/review_report.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// A string field that must be there.
[[nodiscard]] inline relkit::result<json_span> text_field(const json_text& doc, json_span object,
                                                          std::string_view key, const char* field) {
  const json_span s = doc.find(object, key);
  if (s.absent() || s.is_null()) return missing_field(object, field);
  if (!s.is_string()) return bad_value(doc, s, field, "a string");
  return s;
}

// The first time of `keys` that is a string (null and absent skipped).
[[nodiscard]] inline relkit::result<std::optional<time_point>> first_time(
    const json_text& doc, json_span object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const json_span s = doc.find(object, key);
    if (s.absent() || s.is_null()) continue;
    auto t = time_of(doc, s, key);
    if (!t) return std::move(t).error();
    return std::optional<time_point>(*t);
  }
  return std::optional<time_point>();
}

// --------------------------------------------------------- GitHub reviews

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_github_reviews(std::string_view text,
                                                           const read_options& options) {
  const json_text doc(text);
  auto root = scan_top<>(doc, options, '[', "a GitHub pull request reviews array");
  if (!root) return std::move(root).error();
  struct decisive {
    std::string who;
    std::size_t order;
    time_point at;
    char state;  // 'A' approved, 'C' changes requested, 'D' dismissed
  };
  std::vector<decisive> reviews;
  auto done = for_each_object(doc, *root, "[]", [&](json_span review) -> relkit::result<void> {
    auto state = text_field(doc, review, "state", "state");
    if (!state) return std::move(state).error();
    char code = 0;
    if (doc.equals(*state, "APPROVED")) {
      code = 'A';
    } else if (doc.equals(*state, "CHANGES_REQUESTED")) {
      code = 'C';
    } else if (doc.equals(*state, "DISMISSED")) {
      code = 'D';
    } else if (!doc.equals(*state, "COMMENTED") && !doc.equals(*state, "PENDING")) {
      return bad_value(doc, *state, "state",
                       "APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING");
    }
    if (code == 0) return {};
    if (reviews.size() >= options.max_entries) return too_many(review, options, "reviews");
    const json_span user = doc.find(review, "user");
    std::string who = "ghost";
    if (!user.absent() && !user.is_null()) {
      if (!user.is_object()) return bad_value(doc, user, "user", "an object or null");
      auto login = text_field(doc, user, "login", "user.login");
      if (!login) return std::move(login).error();
      who = doc.string(*login);
    }
    time_point at{};
    if (code != 'D') {
      const json_span submitted = doc.find(review, "submitted_at");
      if (submitted.absent() || submitted.is_null()) {
        return missing_field(review, "submitted_at");
      }
      auto t = time_of(doc, submitted, "submitted_at");
      if (!t) return std::move(t).error();
      at = *t;
    }
    reviews.push_back(decisive{std::move(who), reviews.size(), at, code});
    return {};
  });
  if (!done) return std::move(done).error();
  // Each reviewer's last decisive review, in the order of those reviews.
  std::stable_sort(reviews.begin(), reviews.end(),
                   [](const decisive& a, const decisive& b) { return a.who < b.who; });
  std::vector<decisive> last;
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    if (i + 1 < reviews.size() && reviews[i + 1].who == reviews[i].who) continue;
    if (reviews[i].state != 'D') last.push_back(std::move(reviews[i]));
  }
  std::sort(last.begin(), last.end(),
            [](const decisive& a, const decisive& b) { return a.order < b.order; });
  evidence e;
  for (decisive& d : last) {
    e.approvals.push_back(
        approval{std::move(d.who), d.at, d.state == 'A' ? decision::approve : decision::reject});
  }
  return e;
}

// ------------------------------------------------------------ GitHub jobs

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_github_jobs(std::string_view text,
                                                        const read_options& options) {
  const json_text doc(text);
  constexpr const char* what = "a GitHub Actions jobs list";
  auto root = scan_top<>(doc, options, '{', what);
  if (!root) return std::move(root).error();
  auto jobs = array_member<>(doc, *root, "jobs", what);
  if (!jobs) return std::move(jobs).error();
  evidence e;
  auto done = for_each_object(doc, *jobs, "jobs[]", [&](json_span job) -> relkit::result<void> {
    if (e.stages.size() >= options.max_entries) return too_many(job, options, "jobs");
    auto name = text_field(doc, job, "name", "jobs[].name");
    if (!name) return std::move(name).error();
    auto status = text_field(doc, job, "status", "jobs[].status");
    if (!status) return std::move(status).error();
    stage_status outcome = stage_status::running;
    if (doc.equals(*status, "completed")) {
      const json_span conclusion = doc.find(job, "conclusion");
      if (!conclusion.is_string()) {
        return conclusion.absent() || conclusion.is_null()
                   ? missing_field(job, "jobs[].conclusion")
                   : bad_value(doc, conclusion, "jobs[].conclusion", "a string");
      }
      if (doc.equals(conclusion, "success")) {
        outcome = stage_status::passed;
      } else if (doc.equals(conclusion, "failure") || doc.equals(conclusion, "timed_out")) {
        outcome = stage_status::failed;
      } else if (doc.equals(conclusion, "cancelled")) {
        outcome = stage_status::canceled;
      } else if (doc.equals(conclusion, "skipped") || doc.equals(conclusion, "neutral")) {
        outcome = stage_status::skipped;
      } else if (doc.equals(conclusion, "action_required") || doc.equals(conclusion, "stale")) {
        outcome = stage_status::running;
      } else {
        return bad_value(doc, conclusion, "jobs[].conclusion",
                         "success, failure, cancelled, skipped, timed_out, neutral, "
                         "action_required or stale");
      }
    }
    auto at = first_time(doc, job, {"completed_at", "started_at"});
    if (!at) return std::move(at).error();
    if (!*at && (outcome == stage_status::failed || outcome == stage_status::canceled)) {
      return missing_field(job, "jobs[].completed_at");
    }
    e.stages.push_back(stage_result{doc.string(*name), outcome, at->value_or(time_point{})});
    return {};
  });
  if (!done) return std::move(done).error();
  return e;
}

// ------------------------------------------------------- GitLab approvals

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_gitlab_approvals(std::string_view text,
                                                             const read_options& options) {
  const json_text doc(text);
  constexpr const char* what = "a GitLab merge request approvals document";
  auto root = scan_top<>(doc, options, '{', what);
  if (!root) return std::move(root).error();
  auto approved_by = array_member<>(doc, *root, "approved_by", what);
  if (!approved_by) return std::move(approved_by).error();
  evidence e;
  const json_span author = doc.find(*root, {"author", "username"});
  if (author.is_string()) e.author = doc.string(author);
  bool updated_read = false;
  relkit::result<std::optional<time_point>> updated = std::optional<time_point>();
  auto done = for_each_object(
      doc, *approved_by, "approved_by[]", [&](json_span entry) -> relkit::result<void> {
        if (e.approvals.size() >= options.max_entries) {
          return too_many(entry, options, "approvals");
        }
        const json_span user = doc.find(entry, "user");
        if (!user.is_object()) {
          return user.absent() ? missing_field(entry, "approved_by[].user")
                               : bad_value(doc, user, "approved_by[].user", "an object");
        }
        auto username = text_field(doc, user, "username", "approved_by[].user.username");
        if (!username) return std::move(username).error();
        auto at = first_time(doc, entry, {"approved_at"});
        if (!at) return std::move(at).error();
        if (!*at) {
          // The document's time, looked up once (each lookup walks the document).
          if (!updated_read) {
            updated_read = true;
            updated = first_time(doc, *root, {"updated_at"});
          }
          at = updated;
          if (!at) return std::move(at).error();
          if (!*at) return missing_field(*root, "updated_at");
        }
        e.approvals.push_back(approval{doc.string(*username), **at, decision::approve});
        return {};
      });
  if (!done) return std::move(done).error();
  return e;
}

// ------------------------------------------------------------ GitLab jobs

template <class Unused = void>
[[nodiscard]] relkit::result<evidence> read_gitlab_jobs(std::string_view text,
                                                        const read_options& options) {
  const json_text doc(text);
  auto root = scan_top<>(doc, options, '[', "a GitLab pipeline jobs array");
  if (!root) return std::move(root).error();
  evidence e;
  std::uint64_t allow_failure_jobs = 0;
  std::uint64_t allowed_failures = 0;
  auto done = for_each_object(doc, *root, "[]", [&](json_span job) -> relkit::result<void> {
    if (e.stages.size() + 1 >= options.max_entries) return too_many(job, options, "jobs");
    auto name = text_field(doc, job, "name", "name");
    if (!name) return std::move(name).error();
    auto status = text_field(doc, job, "status", "status");
    if (!status) return std::move(status).error();
    stage_status outcome = stage_status::running;
    if (doc.equals(*status, "success")) {
      outcome = stage_status::passed;
    } else if (doc.equals(*status, "failed")) {
      outcome = stage_status::failed;
    } else if (doc.equals(*status, "canceled") || doc.equals(*status, "canceling")) {
      outcome = stage_status::canceled;
    } else if (doc.equals(*status, "skipped")) {
      outcome = stage_status::skipped;
    } else if (!doc.equals(*status, "created") && !doc.equals(*status, "pending") &&
               !doc.equals(*status, "running") && !doc.equals(*status, "waiting_for_resource") &&
               !doc.equals(*status, "preparing") && !doc.equals(*status, "scheduled") &&
               !doc.equals(*status, "manual")) {
      return bad_value(doc, *status, "status",
                       "success, failed, canceled, skipped, created, pending, running, "
                       "waiting_for_resource, preparing, scheduled or manual");
    }
    const json_span allow = doc.find(job, "allow_failure");
    if (!allow.absent() && !allow.is_null() && !allow.is_bool()) {
      return bad_value(doc, allow, "allow_failure", "true or false");
    }
    if (allow.kind == 't') {
      ++allow_failure_jobs;
      if (outcome == stage_status::failed || outcome == stage_status::canceled) {
        ++allowed_failures;
      }
    }
    auto at = first_time(doc, job, {"finished_at", "started_at", "created_at"});
    if (!at) return std::move(at).error();
    if (!*at && (outcome == stage_status::failed || outcome == stage_status::canceled)) {
      return missing_field(job, "finished_at");
    }
    const time_point when = at->value_or(time_point{});
    std::string job_name = doc.string(*name);
    const json_span stage = doc.find(job, "stage");
    if (!stage.absent() && !stage.is_null() && !stage.is_string()) {
      return bad_value(doc, stage, "stage", "a string");
    }
    std::string stage_name = stage.is_string() ? doc.string(stage) : std::string();
    e.stages.push_back(stage_result{std::move(job_name), outcome, when});
    if (!stage_name.empty() && stage_name != e.stages.back().stage) {
      e.stages.push_back(stage_result{std::move(stage_name), outcome, when});
    }
    return {};
  });
  if (!done) return std::move(done).error();
  e.counts.push_back({"allow_failure_jobs", allow_failure_jobs});
  e.counts.push_back({"allowed_failures", allowed_failures});
  return e;
}

}  // namespace detail

template <class Unused>
result<evidence> read_github_reviews(std::string_view text, const read_options& options) {
  return detail::read_github_reviews<>(text, options);
}
template <class Unused>
result<evidence> read_github_jobs(std::string_view text, const read_options& options) {
  return detail::read_github_jobs<>(text, options);
}
template <class Unused>
result<evidence> read_gitlab_approvals(std::string_view text, const read_options& options) {
  return detail::read_gitlab_approvals<>(text, options);
}
template <class Unused>
result<evidence> read_gitlab_jobs(std::string_view text, const read_options& options) {
  return detail::read_gitlab_jobs<>(text, options);
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
