#pragma once
// relkit::gates approvals and pipeline history: GitHub's pull-request reviews
// and Actions jobs, GitLab's merge-request approvals and pipeline jobs, read
// from the JSON their REST APIs return, into approvals and stage results.
//
// GitHub reviews (`read_github_reviews`, GET /repos/{o}/{r}/pulls/{n}/reviews,
// a JSON array): as GitHub decides a reviewer's state, each `user.login`'s
// latest review (in the array's order, which is GitHub's chronological order)
// that is APPROVED, CHANGES_REQUESTED or DISMISSED counts: APPROVED is an
// approval, CHANGES_REQUESTED a rejection, DISMISSED nothing; COMMENTED and
// PENDING reviews never change it. The time is `submitted_at`. A review
// whose `user` is null (a deleted account) is GitHub's "ghost". The payload
// does not name the pull request's author: give it to the gate apart
// (`relkit gate --author NAME`, or `author` in an evidence file). An unknown
// `state` is bad_value; more decisive reviews than
// read_options::max_entries (16384 by default) are too_large.
//
// GitHub jobs (`read_github_jobs`, GET /repos/{o}/{r}/actions/runs/{id}/jobs,
// an object with `jobs`): each job is a stage named by its `name`, finished at
// `completed_at` (else `started_at`). A job whose `status` is not "completed"
// is running; a completed one's `conclusion`: success -> passed, failure and
// timed_out -> failed, cancelled -> canceled, skipped and neutral -> skipped
// (neither is evidence of success), action_required and stale -> running (it
// waits for someone); any other conclusion is bad_value. A failed or canceled
// job without a time is missing_field: a failure must be placed in time.
//
// GitLab approvals (`read_gitlab_approvals`, GET
// /projects/:id/merge_requests/:iid/approvals): each `approved_by[].user.username`
// is an approval, at the entry's `approved_at` when GitLab gives one, else at
// the document's `updated_at` (the last approval happened no later). An
// `author.username`, when present (the merge request's own JSON has it), is
// the author. No `approved_by` is wrong_format.
//
// GitLab jobs (`read_gitlab_jobs`, GET /projects/:id/pipelines/:pid/jobs, a
// JSON array): each job is a stage under its `name` and, when it differs,
// another under its GitLab `stage` (so `stages test passed` needs every job of
// the stage `test`), finished at `finished_at` (else `started_at`, else
// `created_at`). `status`: success -> passed, failed -> failed, canceled and
// canceling -> canceled, skipped -> skipped, and created, pending, running,
// waiting_for_resource, preparing, scheduled, manual -> running (not done: a
// stage condition stays pending). A failed job is failed even with
// `allow_failure: true`, where GitLab would show the pipeline as passed with
// warnings; and to make "never allow_failure" checkable, two counts are
// always given: `allow_failure_jobs` (jobs with allow_failure true) and
// `allowed_failures` (those of them that failed or were canceled).
//
// Times are RFC 3339 (relkit/detail/civil_time.hpp); one that is not is
// bad_time naming the field. Errors carry the byte position in the report;
// read_options' limits (max_bytes, max_depth, max_entries: stages or
// approvals one report gives) are too_large.

#include "relkit/detail/prologue.hpp"

#include <string_view>

#include "relkit/config.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/read_options.hpp"
#include "relkit/gates/report.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

template <class = void>
[[nodiscard]] result<evidence> read_github_reviews(std::string_view text,
                                                   const read_options& options = {});
template <class = void>
[[nodiscard]] result<evidence> read_github_jobs(std::string_view text,
                                                const read_options& options = {});
template <class = void>
[[nodiscard]] result<evidence> read_gitlab_approvals(std::string_view text,
                                                     const read_options& options = {});
template <class = void>
[[nodiscard]] result<evidence> read_gitlab_jobs(std::string_view text,
                                                const read_options& options = {});

}  // namespace gates
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/gates/impl/review_report.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
