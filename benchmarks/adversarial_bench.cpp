// Issue 19 item 1: every parser on adversarial inputs from 1 KB to 4 MB, with
// the fitted complexity (->Complexity(benchmark::oN)); the figures are in
// benchmarks/README.md ("adversarial"). Each input is one pattern repeated to
// the size; an input refused by a documented limit is refused in O(1) or at
// the limit, so its time stops growing there.
#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/json.hpp>
#include <relkit/flags.hpp>
#include <relkit/gates.hpp>
#include <relkit/rollout.hpp>
#include <relkit/semver.hpp>
#include <relkit/unleash.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// `unit` repeated to `size` bytes (at least one), between `head` and `tail`.
std::string repeated(std::size_t size, std::string_view head, std::string_view unit,
                     std::string_view tail = {}) {
  std::string s(head);
  s.reserve(size + unit.size() + tail.size());
  do {
    s += unit;
  } while (s.size() + tail.size() < size);
  s += tail;
  return s;
}

template <class F>
void run(benchmark::State& state, const std::string& input, F&& parse) {
  for (auto _ : state) {
    auto out = parse(input);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(input.size()));
  state.SetComplexityN(static_cast<std::int64_t>(input.size()));
}

std::size_t size_of(const benchmark::State& state) {
  return static_cast<std::size_t>(state.range(0));
}

// semver -------------------------------------------------------------------
void BM_SemverRangeBars(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "|"),
      [](const std::string& s) { return relkit::semver::parse_range(s); });
}
void BM_SemverRangeOrSets(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "1.2.3 || "),
      [](const std::string& s) { return relkit::semver::parse_range(s); });
}
// Distinct comparators in one set: each is checked against the set's others.
void BM_SemverRangeDistinctComparators(benchmark::State& state) {
  std::string s;
  for (unsigned k = 1; s.size() < size_of(state); ++k) s += ">=" + std::to_string(k) + ".0.0 ";
  run(state, s, [](const std::string& text) { return relkit::semver::parse_range(text); });
}
void BM_SemverVersionPrerelease(benchmark::State& state) {
  run(state, repeated(size_of(state), "1.2.3-", "a."),
      [](const std::string& s) { return relkit::semver::parse(s); });
}

// commits ------------------------------------------------------------------
void BM_CommitFooters(benchmark::State& state) {
  run(state, repeated(size_of(state), "fix: a\n\nbody\n\n", "A: b\n"),
      [](const std::string& s) { return relkit::commits::parse(s); });
}
void BM_CommitFootersReleasePlease(benchmark::State& state) {
  relkit::commits::parse_options options;
  options.grammar = relkit::commits::dialect::release_please;
  run(state, repeated(size_of(state), "fix: a\n\nbody\n\n", "A: b\n"),
      [&](const std::string& s) { return relkit::commits::parse(s, options); });
}
// Distinct references (repeated ones are deduplicated as they are found).
void BM_CommitReferences(benchmark::State& state) {
  std::string s = "fix: a\n\n";
  for (unsigned k = 0; s.size() < size_of(state); ++k) s += "#" + std::to_string(k) + " ";
  run(state, s, [](const std::string& text) { return relkit::commits::parse(text); });
}
void BM_CommitRepeatedReferences(benchmark::State& state) {
  run(state, repeated(size_of(state), "fix: a\n\n", "#1 "),
      [](const std::string& s) { return relkit::commits::parse(s); });
}
void BM_CommitBreakingNotes(benchmark::State& state) {
  run(state, repeated(size_of(state), "fix: a\n\n", "BREAKING CHANGE: x\n"),
      [](const std::string& s) { return relkit::commits::parse(s); });
}
void BM_CommitHeaderParens(benchmark::State& state) {
  run(state, repeated(size_of(state), "feat", "(", ": x"),
      [](const std::string& s) { return relkit::commits::parse(s); });
}
void BM_GitLogRecords(benchmark::State& state) {
  run(state,
      repeated(size_of(state), "",
               "0123456\x1f\x1f"
               "x\x1e\n"),
      [](const std::string& s) { return relkit::commits::read_git_log(s); });
}
void BM_TagFormat(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "v", "${version}"),
      [](const std::string& s) { return relkit::commits::parse_tag_format(s); });
}

// changelog ----------------------------------------------------------------
void BM_ChangelogOutline(benchmark::State& state) {
  run(state, repeated(size_of(state), "# Changelog\n\n", "## [1.0.0]\n"),
      [](const std::string& s) { return relkit::changelog::read_outline(s); });
}
void BM_ChangelogPrepend(benchmark::State& state) {
  run(state, repeated(size_of(state), "# Changelog\n\n", "## [1.0.0]\n"),
      [](const std::string& s) { return relkit::changelog::prepend(s, "## [9.9.9]\n", "9.9.9"); });
}

// gates --------------------------------------------------------------------
void BM_GateMembers(benchmark::State& state) {
  run(state, repeated(size_of(state), "all\n", "metric a > 1\n", "end\n"),
      [](const std::string& s) { return relkit::gates::parse(s); });
}
void BM_GateNesting(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "all\n"),
      [](const std::string& s) { return relkit::gates::parse(s); });
}

// unleash, flags, JSON -----------------------------------------------------
void BM_UnleashFeatures(benchmark::State& state) {
  run(state,
      repeated(size_of(state), R"({"version":2,"features":[)", R"({"name":"a"},)",
               R"({"name":"a"}]})"),
      [](const std::string& s) { return relkit::unleash::load(s); });
}
// One feature's lists of empty entries (refused past load_options::max_entries,
// 262,144) and a delta payload of feature-removed events.
void BM_UnleashStrategies(benchmark::State& state) {
  run(state,
      repeated(size_of(state), R"({"features":[{"name":"a","strategies":[)", "{},", "{}]}]}"),
      [](const std::string& s) { return relkit::unleash::load(s); });
}
void BM_UnleashConstraints(benchmark::State& state) {
  run(state,
      repeated(size_of(state), R"({"features":[{"name":"a","strategies":[{"constraints":[)", "{},",
               "{}]}]}]}"),
      [](const std::string& s) { return relkit::unleash::load(s); });
}
void BM_UnleashRemovedEvents(benchmark::State& state) {
  run(state,
      repeated(size_of(state), R"({"events":[)", R"({"type":"feature-removed","featureName":"a"},)",
               R"({"type":"hydration"}]})"),
      [](const std::string& s) { return relkit::unleash::load(s); });
}
// Repeated IN values (and, above, repeated names) share one slot of their
// hashed index: each insert is a constant number of probes.
void BM_UnleashInValues(benchmark::State& state) {
  run(state,
      repeated(size_of(state),
               R"({"features":[{"name":"a","strategies":[{"name":"default","constraints":[)"
               R"({"contextName":"userId","operator":"IN","values":[)",
               R"("a",)", R"("a"]}]}]}]})"),
      [](const std::string& s) { return relkit::unleash::load(s); });
}
void BM_FlagsValues(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "9"), [](const std::string& s) {
    namespace fd = relkit::flags::detail;
    return fd::js_number(s).has_value() + fd::parse_js_date_ms(s).has_value() +
           fd::parse_cidr(s).has_value();
  });
}
void BM_JsonZeros(benchmark::State& state) {
  run(state, repeated(size_of(state), "[", "0,", "0]"),
      [](const std::string& s) { return relkit::detail::parse_json(s); });
}
void BM_JsonMembers(benchmark::State& state) {
  run(state, repeated(size_of(state), "{", R"("":0,)", R"("":0})"),
      [](const std::string& s) { return relkit::detail::parse_json(s); });
}
void BM_JsonNesting(benchmark::State& state) {
  run(state, repeated(size_of(state), "", "["),
      [](const std::string& s) { return relkit::detail::parse_json(s); });
}

// rollout ------------------------------------------------------------------
void BM_RolloutStateLines(benchmark::State& state) {
  run(state, repeated(size_of(state), "relkit-rollout-state 2\n", "x 0\n"),
      [](const std::string& s) { return relkit::rollout::parse_state(s); });
}
// A format-1 state whose stable artifact is escapes (%25).
void BM_RolloutStateLongValue(benchmark::State& state) {
  run(state,
      repeated(
          size_of(state),
          "relkit-rollout-state 1\nplan bb808a341d585f39\nphase healthy\npause none\nmanual_pause "
          "0\ntimed_out 0\nupdating 0\naborted 0\nstep 0\nweight 0\nstable ",
          "%25",
          "\ncanary \nprevious_stable p\nstep_started 0\npaused_at 0\nprogress_at "
          "0\nlast_iteration 0\nfailed_checks 0\npending_check none\nstep_run pending 0 0 "
          "0\nbackground_run pending 0 0 0\n"),
      [](const std::string& s) { return relkit::rollout::parse_state(s); });
}

}  // namespace

#define RELKIT_ADVERSARIAL(name) \
  BENCHMARK(name)->RangeMultiplier(4)->Range(1 << 10, 4 << 20)->Complexity(benchmark::oN)

// The same patterns up to their documented limit (beyond it they are refused
// in constant time or at the limit): semver's 65,536 bytes, 10,000 footers
// or references, 10,000 gate lines.
#define RELKIT_ADVERSARIAL_UPTO(name, limit) \
  BENCHMARK(name)                            \
      ->Name(#name "_within")                \
      ->RangeMultiplier(2)                   \
      ->Range(1 << 10, limit)                \
      ->Complexity(benchmark::oN)

RELKIT_ADVERSARIAL_UPTO(BM_SemverRangeBars, 60 << 10);
RELKIT_ADVERSARIAL_UPTO(BM_SemverRangeOrSets, 60 << 10);
RELKIT_ADVERSARIAL_UPTO(BM_SemverRangeDistinctComparators, 60 << 10);
RELKIT_ADVERSARIAL_UPTO(BM_CommitFooters, 32 << 10);
RELKIT_ADVERSARIAL_UPTO(BM_CommitReferences, 16 << 10);
RELKIT_ADVERSARIAL_UPTO(BM_GateMembers, 128 << 10);

RELKIT_ADVERSARIAL(BM_SemverRangeBars);
RELKIT_ADVERSARIAL(BM_SemverRangeOrSets);
RELKIT_ADVERSARIAL(BM_SemverRangeDistinctComparators);
RELKIT_ADVERSARIAL(BM_SemverVersionPrerelease);
RELKIT_ADVERSARIAL(BM_CommitFooters);
RELKIT_ADVERSARIAL(BM_CommitFootersReleasePlease);
RELKIT_ADVERSARIAL(BM_CommitReferences);
RELKIT_ADVERSARIAL(BM_CommitRepeatedReferences);
RELKIT_ADVERSARIAL(BM_CommitBreakingNotes);
RELKIT_ADVERSARIAL(BM_CommitHeaderParens);
RELKIT_ADVERSARIAL(BM_GitLogRecords);
RELKIT_ADVERSARIAL(BM_TagFormat);
RELKIT_ADVERSARIAL(BM_ChangelogOutline);
RELKIT_ADVERSARIAL(BM_ChangelogPrepend);
RELKIT_ADVERSARIAL(BM_GateMembers);
RELKIT_ADVERSARIAL(BM_GateNesting);
RELKIT_ADVERSARIAL(BM_UnleashFeatures);
RELKIT_ADVERSARIAL(BM_UnleashInValues);
RELKIT_ADVERSARIAL(BM_UnleashStrategies);
RELKIT_ADVERSARIAL(BM_UnleashConstraints);
RELKIT_ADVERSARIAL(BM_UnleashRemovedEvents);
RELKIT_ADVERSARIAL(BM_FlagsValues);
RELKIT_ADVERSARIAL(BM_JsonZeros);
RELKIT_ADVERSARIAL(BM_JsonMembers);
RELKIT_ADVERSARIAL(BM_JsonNesting);
RELKIT_ADVERSARIAL(BM_RolloutStateLines);
RELKIT_ADVERSARIAL(BM_RolloutStateLongValue);
