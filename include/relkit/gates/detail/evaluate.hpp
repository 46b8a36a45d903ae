#pragma once
// Internals of relkit::gates: evaluation and rendering. Included by
// relkit/gates.hpp by relkit/gates/evaluate.hpp; not a public header.
#include "relkit/detail/prologue.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/error.hpp"
#include "relkit/gates/condition.hpp"
#include "relkit/gates/detail/text.hpp"
#include "relkit/gates/detail/windows.hpp"
#include "relkit/gates/evidence.hpp"
#include "relkit/gates/verdict.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {
namespace detail {

// Milliseconds from `from` to `to`, saturating: the evidence's instants are
// the caller's, any int64 (durations in a spec are at most 2^40 s, so
// count() * 1000 fits).
inline std::int64_t elapsed_ms(time_point from, time_point to) noexcept {
  return relkit::detail::saturating_sub(to.time_since_epoch().count(),
                                        from.time_since_epoch().count());
}

// ---------------------------------------------------------------- evaluation

struct node_eval {
  outcome result = outcome::fail;
  bool missing = false;
  double fraction = 0;  // share of the weight earned as a score objective, 0..1
};

template <class = void>
inline bool lookup_value(const evidence& e, std::string_view name, double& value,
                         const metric*& found) noexcept {
  for (const auto& m : e.metrics) {
    if (m.name == name) {
      value = m.value;
      found = &m;
      return true;
    }
  }
  for (const auto& c : e.counts) {
    if (c.name == name) {
      value = static_cast<double>(c.value);
      return true;
    }
  }
  return false;
}

template <class = void>
inline bool compare(double actual, comparator op, double target) noexcept {
  switch (op) {
    case comparator::lt:
      return actual < target;
    case comparator::le:
      return actual <= target;
    case comparator::eq:
      return actual == target;
    case comparator::ne:
      return actual != target;
    case comparator::ge:
      return actual >= target;
    case comparator::gt:
      return actual > target;
  }
  return false;
}

constexpr std::string_view op_text(comparator op) noexcept {
  switch (op) {
    case comparator::lt:
      return "<";
    case comparator::le:
      return "<=";
    case comparator::eq:
      return "==";
    case comparator::ne:
      return "!=";
    case comparator::ge:
      return ">=";
    case comparator::gt:
      return ">";
  }
  return "?";
}

template <class = void>
inline bool is_relative(const criterion& c) noexcept {
  return c.ref != reference::absolute;
}

// The k-th smallest (0-based) without sorting a copy: no allocation.
template <class = void>
inline double kth_smallest(const std::vector<double>& samples, std::size_t k) noexcept {
  for (double candidate : samples) {
    std::size_t less = 0;
    std::size_t equal = 0;
    for (double other : samples) {
      if (other < candidate) ++less;
      if (other == candidate) ++equal;
    }
    if (less <= k && k < less + equal) return candidate;
  }
  return samples.front();
}

template <class = void>
inline bool baseline_of(const metric* m, aggregate how, double& out) noexcept {
  if (m == nullptr) return false;
  if (m->baseline) {
    out = *m->baseline;
    return is_finite(out);
  }
  const auto& samples = m->baseline_samples;
  if (samples.empty()) return false;
  for (double s : samples) {
    if (!is_finite(s)) return false;
  }
  if (how == aggregate::avg) {
    double sum = 0;
    for (double s : samples) sum += s;
    out = sum / static_cast<double>(samples.size());
    return is_finite(out);
  }
  const std::size_t p = how == aggregate::p50 ? 50 : how == aggregate::p90 ? 90 : 95;
  // Nearest rank: the ceil(p/100 * n)-th smallest, 1-based.
  std::size_t rank = (p * samples.size() + 99) / 100;
  if (rank == 0) rank = 1;
  out = kth_smallest(samples, rank - 1);
  return true;
}

template <class = void>
inline double target_of(const criterion& c, double baseline) noexcept {
  switch (c.ref) {
    case reference::absolute:
      return c.value;
    case reference::baseline_delta:
      return baseline + c.value;
    case reference::baseline_percent:
      return baseline + abs_value(baseline) * c.value / 100.0;
    case reference::baseline_factor:
      return baseline + abs_value(baseline) * (c.value - 1.0);
  }
  return c.value;
}

template <class = void>
inline void append_signed(std::string& out, double value) {
  out += value < 0 ? '-' : '+';
  append_number_readable(out, abs_value(value));
}

// "<= 220: baseline 200 +10%" (relative, baseline known), "<= +10%" (unknown)
// or ">= 80" (absolute).
// "baseline 200 +10%", "baseline * 1.05" (no known baseline value).
template <class = void>
inline void append_relation(std::string& out, const criterion& c, bool has_baseline,
                            double baseline) {
  out += "baseline ";
  if (has_baseline) {
    append_number_readable(out, baseline);
    out += ' ';
  }
  if (c.ref == reference::baseline_factor) {
    out += "* ";
    append_number_readable(out, c.value);
  } else {
    append_signed(out, c.value);
    if (c.ref == reference::baseline_percent) out += '%';
  }
}

// "<= 220: baseline 200 +10%" (relative, baseline known), "<= baseline +10%"
// (unknown) or ">= 80" (absolute).
template <class = void>
inline void append_criterion(std::string& out, const criterion& c, bool has_baseline,
                             double baseline) {
  out += op_text(c.op);
  out += ' ';
  if (c.ref == reference::absolute) {
    append_number_readable(out, c.value);
    return;
  }
  if (has_baseline) {
    append_number_readable(out, target_of(c, baseline));
    out += ": ";
  }
  append_relation(out, c, has_baseline, baseline);
}

template <class = void>
inline void append_requirements(std::string& out, const gate& g, bool has_baseline,
                                double baseline) {
  out += "(required ";
  for (std::size_t i = 0; i < g.pass.size(); ++i) {
    if (i != 0) out += " and ";
    append_criterion(out, g.pass[i], has_baseline, baseline);
  }
  if (!g.warn.empty()) {
    out += "; warning ";
    for (std::size_t i = 0; i < g.warn.size(); ++i) {
      if (i != 0) out += " and ";
      append_criterion(out, g.warn[i], has_baseline, baseline);
    }
  }
  out += ')';
}

template <class = void>
inline bool tier_met(const std::vector<criterion>& tier, double value, double baseline,
                     std::size_t& first_missed) noexcept {
  for (std::size_t i = 0; i < tier.size(); ++i) {
    if (!compare(value, tier[i].op, target_of(tier[i], baseline))) {
      first_missed = i;
      return false;
    }
  }
  return true;
}

template <class = void>
inline node_eval eval_threshold(const gate& g, const evidence& e, verdict* out) {
  double value = 0;
  const metric* m = nullptr;
  const bool found = lookup_value(e, g.name, value, m);
  if (!found || !is_finite(value)) {
    if (out != nullptr) {
      out->line = g.name;
      out->line += found ? " is not a finite number " : " missing ";
      append_requirements(out->line, g, false, 0);
    }
    return {outcome::fail, true, 0};
  }
  bool needs_baseline = false;
  for (const auto& c : g.pass) needs_baseline = needs_baseline || is_relative(c);
  for (const auto& c : g.warn) needs_baseline = needs_baseline || is_relative(c);
  double baseline = 0;
  if (needs_baseline && !baseline_of(m, g.baseline_aggregate, baseline)) {
    // Keptn treats a relative criterion without a baseline as met; relkit fails closed.
    if (out != nullptr) {
      out->line = g.name;
      out->line += ' ';
      append_number_readable(out->line, value);
      out->line += ", baseline missing ";
      append_requirements(out->line, g, false, 0);
    }
    return {outcome::fail, true, 0};
  }
  std::size_t missed = 0;
  if (tier_met(g.pass, value, baseline, missed)) {
    if (out != nullptr) {
      out->line = g.name;
      out->line += ' ';
      append_number_readable(out->line, value);
      for (std::size_t i = 0; i < g.pass.size(); ++i) {
        const criterion& c = g.pass[i];
        out->line += i == 0 ? " " : ", ";
        out->line += op_text(c.op);
        out->line += ' ';
        append_number_readable(out->line, target_of(c, baseline));
        if (is_relative(c)) {
          out->line += " (";
          append_relation(out->line, c, true, baseline);
          out->line += ')';
        }
      }
    }
    return {outcome::pass, false, 1};
  }
  std::size_t warn_missed = 0;
  const bool warned = !g.warn.empty() && tier_met(g.warn, value, baseline, warn_missed);
  if (out != nullptr) {
    const double target = target_of(g.pass[missed], baseline);
    out->line = g.name;
    out->line += ' ';
    append_number_readable(out->line, value);
    out->line += value < target ? " < " : value > target ? " > " : " == ";
    append_number_readable(out->line, target);
    out->line += ' ';
    append_requirements(out->line, g, needs_baseline, baseline);
  }
  if (warned) return {outcome::warn, false, 0.5};
  return {outcome::fail, false, 0};
}

template <class = void>
inline bool counted_before(const std::vector<approval>& list, std::size_t index) noexcept {
  for (std::size_t j = 0; j < index; ++j) {
    if (list[j].choice == decision::approve && list[j].who == list[index].who) return true;
  }
  return false;
}

template <class = void>
inline node_eval eval_approvals(const gate& g, const evidence& e, verdict* out) {
  if (!g.allow_self_approval && (!e.author || e.author->empty())) {
    if (out != nullptr) out->line = "approvals author missing (needed to exclude self-approval)";
    return {outcome::fail, true, 0};
  }
  for (const auto& a : e.approvals) {
    if (a.choice == decision::reject) {
      if (out != nullptr) {
        out->line = "approvals rejected by ";
        out->line += a.who.empty() ? std::string("(unnamed)") : a.who;
        out->line += " (any rejection vetoes)";
      }
      return {outcome::fail, false, 0};
    }
  }
  std::uint32_t valid = 0;
  bool self_ignored = false;
  std::string names;
  const auto& list = e.approvals;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].who.empty() || counted_before(list, i)) continue;
    if (!g.allow_self_approval && list[i].who == *e.author) {
      self_ignored = true;
      continue;
    }
    ++valid;
    if (out != nullptr) {
      if (!names.empty()) names += ", ";
      names += list[i].who;
    }
  }
  const auto describe_count = [&](std::string& line) {
    line = "approvals ";
    relkit::detail::append_decimal(line, valid);
    line += " of ";
    relkit::detail::append_decimal(line, g.required);
    line += " required";
    if (!names.empty() || self_ignored) {
      line += " (";
      line += names;
      if (self_ignored) {
        if (!names.empty()) line += "; ";
        line += "self-approval by ";
        line += *e.author;
        line += " not counted";
      }
      line += ')';
    }
  };
  if (valid >= g.required) {
    if (out != nullptr) describe_count(out->line);
    return {outcome::pass, false, 1};
  }
  if (g.timeout) {
    if (!e.now || !e.approval_requested_at) {
      if (out != nullptr) {
        describe_count(out->line);
        out->line += e.now ? ", approval request time missing" : ", evaluation time missing";
        out->line += " (a timeout never approves)";
      }
      return {outcome::fail, true, 0};
    }
    if (elapsed_ms(*e.approval_requested_at, *e.now) >= g.timeout->count() * 1000) {
      if (out != nullptr) {
        describe_count(out->line);
        out->line += ", timed out after ";
        append_duration(out->line, g.timeout->count());
        out->line += " (a timeout never approves)";
      }
      return {outcome::fail, false, 0};
    }
  }
  if (out != nullptr) describe_count(out->line);
  return {outcome::pending, false, 0};
}

template <class = void>
inline node_eval eval_stages_passed(const gate& g, const evidence& e, verdict* out) {
  std::uint64_t total = 0, passed = 0, failed = 0, running = 0, not_run = 0;
  for (const auto& s : e.stages) {
    if (s.stage != g.name) continue;
    ++total;
    switch (s.status) {
      case stage_status::passed:
        ++passed;
        break;
      case stage_status::failed:
        ++failed;
        break;
      case stage_status::running:
        ++running;
        break;
      case stage_status::skipped:
      case stage_status::canceled:
        ++not_run;
        break;
    }
  }
  const outcome result = total == 0                    ? outcome::fail
                         : failed != 0 || not_run != 0 ? outcome::fail
                         : running != 0                ? outcome::pending
                                                       : outcome::pass;
  if (out != nullptr) {
    out->line = g.name;
    if (total == 0) {
      out->line += " no results (required all passed)";
    } else {
      out->line += ' ';
      relkit::detail::append_decimal(out->line, passed);
      out->line += " of ";
      relkit::detail::append_decimal(out->line, total);
      out->line += " passed";
      const auto part = [&](std::uint64_t n, const char* what) {
        if (n == 0) return;
        out->line += ", ";
        relkit::detail::append_decimal(out->line, n);
        out->line += what;
      };
      part(failed, " failed");
      part(not_run, " skipped or canceled");
      part(running, " running");
      if (result == outcome::fail) out->line += " (required all passed)";
    }
  }
  return {result, total == 0, result == outcome::pass ? 1.0 : 0.0};
}

template <class = void>
inline node_eval eval_no_failure(const gate& g, const evidence& e, verdict* out) {
  if (out != nullptr) out->line = g.name;
  const auto append_required = [&] {
    out->line += "(required no failure within ";
    append_duration(out->line, g.within.count());
    out->line += ')';
  };
  if (!e.now) {
    if (out != nullptr) {
      out->line += " evaluation time missing ";
      append_required();
    }
    return {outcome::fail, true, 0};
  }
  bool any = false;
  const stage_result* last_failure = nullptr;
  for (const auto& s : e.stages) {
    if (s.stage != g.name) continue;
    any = true;
    if (s.status == stage_status::failed &&
        (last_failure == nullptr || s.finished_at > last_failure->finished_at)) {
      last_failure = &s;
    }
  }
  if (!any) {
    if (out != nullptr) {
      out->line += " no results ";
      append_required();
    }
    return {outcome::fail, true, 0};
  }
  // Closed window: a failure exactly `within` before now still counts, and so
  // does one stamped after now (clock skew is not a pass).
  const bool recent = last_failure != nullptr &&
                      elapsed_ms(last_failure->finished_at, *e.now) <= g.within.count() * 1000;
  if (out != nullptr) {
    if (last_failure == nullptr) {
      out->line += " no failure recorded";
    } else {
      out->line += recent ? " failed at " : " last failed at ";
      const auto stamp =
          relkit::detail::format_timestamp(last_failure->finished_at.time_since_epoch().count());
      if (stamp.size == 0) {
        out->line += "(out of range)";
      } else {
        out->line += stamp.view();
      }
      const std::chrono::seconds ago{elapsed_ms(last_failure->finished_at, *e.now) / 1000};
      out->line += ", ";
      if (ago.count() >= 0) {
        append_duration(out->line, ago.count());
        out->line += " before now";
      } else {
        append_duration(out->line, -ago.count());
        out->line += " after now";
      }
    }
    out->line += ' ';
    append_required();
  }
  return recent ? node_eval{outcome::fail, false, 0} : node_eval{outcome::pass, false, 1};
}

template <class = void>
inline node_eval eval_windows(const gate& g, const evidence& e, verdict* out) {
  if (!e.now) {
    if (out != nullptr) {
      out->line = g.name;
      out->line += " evaluation time missing (required an open deploy window)";
    }
    return {outcome::fail, true, 0};
  }
  const std::int64_t utc = unix_seconds(*e.now);
  const window* open_allow = nullptr;
  const window* first_allow = nullptr;
  for (const auto& w : g.windows) {
    if (w.effect == window_effect::deny) {
      if (window_active(w, utc)) {
        if (out != nullptr) {
          out->line = g.name;
          out->line += " closed: ";
          append_window(out->line, w);
          out->line += " active ";
          append_local(out->line, w, utc);
        }
        return {outcome::fail, false, 0};
      }
    } else {
      if (first_allow == nullptr) first_allow = &w;
      if (open_allow == nullptr && window_active(w, utc)) open_allow = &w;
    }
  }
  if (first_allow != nullptr && open_allow == nullptr) {
    if (out != nullptr) {
      out->line = g.name;
      out->line += " closed: no allow window open ";
      append_local(out->line, *first_allow, utc);
    }
    return {outcome::fail, false, 0};
  }
  if (out != nullptr) {
    out->line = g.name;
    if (open_allow != nullptr) {
      out->line += " open: ";
      append_window(out->line, *open_allow);
      out->line += ' ';
      append_local(out->line, *open_allow, utc);
    } else {
      out->line += " open: no deny window active ";
      append_local(out->line, g.windows.front(), utc);
    }
  }
  return {outcome::pass, false, 1};
}

template <class = void>
inline void append_tally(std::string& line, const std::size_t (&tally)[4], std::size_t total) {
  relkit::detail::append_decimal(line, tally[0]);
  line += " of ";
  relkit::detail::append_decimal(line, total);
  line += " passed";
  const char* names[4] = {"", " warned", " pending", " failed"};
  for (std::size_t i = 1; i < 4; ++i) {
    if (tally[i] == 0) continue;
    line += ", ";
    relkit::detail::append_decimal(line, tally[i]);
    line += names[i];
  }
}

template <class = void>
inline void append_label(std::string& line, const char* word, const gate& g) {
  line = word;
  if (!g.name.empty()) {
    line += ' ';
    line += g.name;
  }
  line += ": ";
}

template <class = void>
inline node_eval eval_node(const gate& g, const evidence& e, verdict* out, int depth);

template <class = void>
inline node_eval eval_group(const gate& g, const evidence& e, verdict* out, int depth) {
  const bool all = g.type == gate_kind::all_of;
  std::size_t tally[4] = {0, 0, 0, 0};
  outcome combined = all ? outcome::pass : outcome::fail;
  bool missing = false;
  if (out != nullptr) out->reasons.resize(g.children.size());
  for (std::size_t i = 0; i < g.children.size(); ++i) {
    verdict* child_out = nullptr;
    if (out != nullptr) child_out = &out->reasons[i];
    const node_eval child = eval_node(g.children[i], e, child_out, depth + 1);
    ++tally[static_cast<std::size_t>(child.result)];
    missing = missing || child.missing;
    combined = all ? (child.result > combined ? child.result : combined)
                   : (child.result < combined ? child.result : combined);
    if (out == nullptr) {
      // Only the outcome is wanted: stop once it cannot change.
      if (all && combined == outcome::fail) break;
      if (!all && combined == outcome::pass) break;
    }
  }
  if (out != nullptr) {
    append_label(out->line, all ? "all_of" : "any_of", g);
    append_tally(out->line, tally, g.children.size());
  }
  return {combined, missing, combined == outcome::pass ? 1.0 : combined == outcome::warn ? 0.5 : 0};
}

template <class = void>
inline node_eval eval_not(const gate& g, const evidence& e, verdict* out, int depth) {
  verdict* child_out = nullptr;
  if (out != nullptr) {
    out->reasons.resize(1);
    child_out = &out->reasons[0];
  }
  const node_eval child = eval_node(g.children[0], e, child_out, depth + 1);
  node_eval result{outcome::fail, child.missing, 0};
  const char* why = "not: member lacks evidence (fails closed)";
  if (!child.missing) {
    switch (child.result) {
      case outcome::pass:
        why = "not: member passed";
        break;
      case outcome::fail:
        why = "not: member failed";
        result = {outcome::pass, false, 1};
        break;
      case outcome::warn:
        why = "not: member warned";
        result = {outcome::warn, false, 0.5};
        break;
      case outcome::pending:
        why = "not: member pending";
        result = {outcome::pending, false, 0};
        break;
    }
  }
  if (out != nullptr) out->line = why;
  return result;
}

template <class = void>
inline node_eval eval_score(const gate& g, const evidence& e, verdict* out, int depth) {
  double earned = 0;
  double total = 0;
  bool missing = false;
  const gate* failed_key = nullptr;
  if (out != nullptr) out->reasons.resize(g.children.size());
  for (std::size_t i = 0; i < g.children.size(); ++i) {
    const gate& objective = g.children[i];
    verdict* child_out = nullptr;
    if (out != nullptr) child_out = &out->reasons[i];
    const node_eval child = eval_node(objective, e, child_out, depth + 1);
    missing = missing || child.missing;
    // Keptn: pass earns the weight, warning half of it, anything else nothing.
    const double share = child.missing ? 0 : child.fraction;
    earned += share * objective.weight;
    total += objective.weight;
    if (objective.key && !promotes(child.result) && failed_key == nullptr) failed_key = &objective;
    if (out != nullptr) {
      std::string& line = child_out->line;
      line += " [";
      if (objective.key) line += "key, ";
      line += "weight ";
      append_number_readable(line, objective.weight);
      line += " -> ";
      append_number_readable(line, share * objective.weight);
      line += ']';
    }
  }
  const double value = total > 0 ? 100.0 * earned / total : 0;
  const outcome result = failed_key != nullptr   ? outcome::fail
                         : value >= g.pass_score ? outcome::pass
                         : value >= g.warn_score ? outcome::warn
                                                 : outcome::fail;
  if (out != nullptr) {
    std::string& line = out->line;
    append_label(line, "score", g);
    line.resize(line.size() - 2);  // no colon: "score slo 37.5 < 75"
    line += ' ';
    append_number_readable(line, value);
    if (failed_key != nullptr) {
      line += ", key objective ";
      line += failed_key->name.empty() ? std::string("(unnamed)") : failed_key->name;
      line += " failed";
    } else if (result == outcome::pass) {
      line += " >= ";
      append_number_readable(line, g.pass_score);
    } else {
      line += " < ";
      append_number_readable(line, result == outcome::warn ? g.pass_score : g.warn_score);
    }
    line += " (pass >= ";
    append_number_readable(line, g.pass_score);
    line += ", warn >= ";
    append_number_readable(line, g.warn_score);
    line += ')';
  }
  return {result, missing, value / 100.0};
}

template <class>
inline node_eval eval_node(const gate& g, const evidence& e, verdict* out, int depth) {
  const char* problem = depth > 64 ? "gate nested deeper than 64 levels" : node_problem(g);
  node_eval result;
  // One allocation for nearly every line instead of several as it grows.
  if (out != nullptr) out->line.reserve(120);
  if (problem != nullptr) {
    if (out != nullptr) {
      out->line = "invalid gate: ";
      out->line += problem;
    }
    result = {outcome::fail, false, 0};
  } else {
    switch (g.type) {
      case gate_kind::threshold:
        result = eval_threshold(g, e, out);
        break;
      case gate_kind::approvals:
        result = eval_approvals(g, e, out);
        break;
      case gate_kind::stages_passed:
        result = eval_stages_passed(g, e, out);
        break;
      case gate_kind::no_failure:
        result = eval_no_failure(g, e, out);
        break;
      case gate_kind::windows:
        result = eval_windows(g, e, out);
        break;
      case gate_kind::all_of:
      case gate_kind::any_of:
        result = eval_group(g, e, out, depth);
        break;
      case gate_kind::not_:
        result = eval_not(g, e, out, depth);
        break;
      case gate_kind::score:
        result = eval_score(g, e, out, depth);
        break;
    }
  }
  if (out != nullptr) {
    out->result = result.result;
    out->missing_evidence = result.missing;
  }
  return result;
}

template <class = void>
inline void append_verdict(std::string& out, const verdict& v, std::size_t depth, bool markdown) {
  out.append(depth * 2, ' ');
  if (markdown) out += "- **";
  out += display_name(v.result);
  out += markdown ? "** `" : " ";
  out += v.line;
  if (markdown) out += '`';
  out += '\n';
  for (const auto& child : v.reasons) append_verdict(out, child, depth + 1, markdown);
}

}  // namespace detail
}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
