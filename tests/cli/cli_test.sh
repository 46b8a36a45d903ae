#!/usr/bin/env bash
# Runs the relkit command on real inputs and checks stdout and the exit code exactly.
# Usage: cli_test.sh PATH/TO/relkit [PATH/TO/relkit_cli_library_answer]
set -u
relkit="$1"
library_answer="${2-}"
failures=0
checks=0

# expect NAME EXPECTED_STATUS EXPECTED_STDOUT -- COMMAND... (stdin: $stdin_text if set)
expect() {
  local name="$1" want_status="$2" want_out="$3"
  shift 4
  local got_out got_status
  printf '%s' "${stdin_text-}" >"$work/stdin"
  got_out="$("$@" <"$work/stdin" 2>"$work/stderr"; printf 'x%d' $?)"
  got_status="${got_out##*x}"
  got_out="${got_out%x*}"
  checks=$((checks + 1))
  if [[ "$got_out" != "$want_out" || "$got_status" != "$want_status" ]]; then
    failures=$((failures + 1))
    printf 'FAIL %s\n  status %s (want %s)\n  stdout:\n%s\n  want:\n%s\n  stderr:\n%s\n' \
      "$name" "$got_status" "$want_status" "$got_out" "$want_out" "$(cat "$work/stderr")"
  fi
}

# expect_stderr NAME TEXT: the last command's stderr contains TEXT (newlines included: a
# TEXT ending in a newline must end a line).
expect_stderr() {
  checks=$((checks + 1))
  local got
  got="$(cat "$work/stderr"; printf x)"
  if [[ "${got%x}" != *"$2"* ]]; then
    failures=$((failures + 1))
    printf 'FAIL %s: stderr lacks "%s":\n%s\n' "$1" "$2" "$(cat "$work/stderr")"
  fi
}

# expect_quiet NAME: the last command wrote nothing to stderr.
expect_quiet() {
  checks=$((checks + 1))
  if [[ -s "$work/stderr" ]]; then
    failures=$((failures + 1))
    printf 'FAIL %s: stderr is not empty:\n%s\n' "$1" "$(cat "$work/stderr")"
  fi
}

# expect_same NAME GOT WANT
expect_same() {
  checks=$((checks + 1))
  if [[ "$2" != "$3" ]]; then
    failures=$((failures + 1))
    printf 'FAIL %s: got "%s", want "%s"\n' "$1" "$2" "$3"
  fi
}

# expect_file NAME FILE CONTENT: FILE holds exactly CONTENT.
expect_file() {
  checks=$((checks + 1))
  if [[ "$(cat "$2"; printf x)" != "${3}x" ]]; then
    failures=$((failures + 1))
    printf 'FAIL %s: %s holds:\n%s\n--- want:\n%s\n' "$1" "$2" "$(cat "$2")" "$3"
  fi
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nl=$'\n'

# ------------------------------------------------------------------ semver
unset stdin_text
expect compare.less 0 "-1$nl" -- "$relkit" semver compare 1.2.3 v1.10.0
expect compare.build 0 "0$nl" -- "$relkit" semver compare 1.2.3 1.2.3+build.5
expect compare.pre 0 "1$nl" -- "$relkit" semver compare 2.0.0 2.0.0-rc.1
expect compare.bad 2 "" -- "$relkit" semver compare 1.02.3 1.0.0
expect_stderr compare.bad "relkit: first version: leading zero in minor version at 2 [semver.leading_zero]"
expect compare.arity 2 "" -- "$relkit" semver compare 1.0.0
expect satisfies.yes 0 "" -- "$relkit" semver satisfies 1.5.0 '^1.2.0'
expect satisfies.no 1 "" -- "$relkit" semver satisfies 2.5.0 '^1.2.0'
expect satisfies.or 0 "" -- "$relkit" semver satisfies 2.5.0 '~1.2 || >=2.1.0 <3'
expect satisfies.pre 1 "" -- "$relkit" semver satisfies 1.3.0-rc.1 '^1.2.0'
expect satisfies.bad 2 "" -- "$relkit" semver satisfies 1.5.0 '>=a'
expect_stderr satisfies.bad "relkit: range: invalid range: invalid comparator '>=a' at 0"
expect bump.major 0 "2.0.0$nl" -- "$relkit" semver bump 1.4.1 major
expect bump.minor 0 "1.5.0$nl" -- "$relkit" semver bump 1.4.1 minor
expect bump.patch 0 "1.4.2$nl" -- "$relkit" semver bump 1.4.1 patch
expect bump.premajor 0 "2.0.0-rc.0$nl" -- "$relkit" semver bump 1.4.1 premajor --preid rc
expect bump.preminor 0 "1.5.0-rc.0$nl" -- "$relkit" semver bump 1.4.1 preminor --preid=rc
expect bump.prepatch 0 "1.4.2-0$nl" -- "$relkit" semver bump 1.4.1 prepatch
expect bump.prerelease 0 "1.5.0-rc.1$nl" -- "$relkit" semver bump 1.5.0-rc.0 prerelease
expect bump.prerelease.id 0 "1.5.0-beta.0$nl" -- "$relkit" semver bump 1.5.0-rc.0 prerelease --preid beta
expect bump.release 0 "1.5.0$nl" -- "$relkit" semver bump 1.5.0-rc.3 release
expect bump.release.bad 2 "" -- "$relkit" semver bump 1.4.1 release
expect_stderr bump.release.bad "version 1.4.1 is not a prerelease [semver.not_a_prerelease]"
expect bump.type 2 "" -- "$relkit" semver bump 1.4.1 huge
expect_stderr bump.type "unknown bump type 'huge'"
stdin_text=$'1.10.0\n1.2.0\n\n 2.0.0-rc.1 \r\nv2.0.0\n1.2.0-alpha\n1.2.0-alpha.10\n1.2.0-alpha.9\n'
expect sort 0 "1.2.0-alpha${nl}1.2.0-alpha.9${nl}1.2.0-alpha.10${nl}1.2.0${nl}1.10.0${nl}2.0.0-rc.1${nl}2.0.0$nl" \
  -- "$relkit" semver sort
expect sort.reverse 0 "2.0.0${nl}2.0.0-rc.1${nl}1.10.0${nl}1.2.0${nl}1.2.0-alpha.10${nl}1.2.0-alpha.9${nl}1.2.0-alpha$nl" \
  -- "$relkit" semver sort --reverse
# As node-semver's own command (`semver 1.0.0 '' x.1`, bin/semver.js of semver 7.8.6): lines
# semver.valid rejects are left out without a word; none valid: exit 1, nothing printed.
stdin_text=$'1.0.0\n\nx.1\n=1.2.3\n1.2\n'
expect sort.invalid 0 "1.0.0$nl" -- "$relkit" semver sort
expect_quiet sort.invalid
stdin_text=$'v\nvnext\n\n'
expect sort.none 1 "" -- "$relkit" semver sort
expect_quiet sort.none
stdin_text=""
expect sort.empty 1 "" -- "$relkit" semver sort
# Equal versions keep their order in both directions (semver.compare, a stable sort; build
# metadata ignored), printed as semver.clean prints them, or as read with --original (a CRLF
# line end is not part of the line). node: `semver 1.2.3+b v1.2.3 1.2.3+a 1.0.0` -> 1.0.0
# 1.2.3 1.2.3 1.2.3, the same with --reverse after the three 1.2.3.
stdin_text=$'1.2.3+b\r\nv1.2.3\n1.2.3+a\n1.0.0'
expect sort.build 0 "1.0.0${nl}1.2.3${nl}1.2.3${nl}1.2.3$nl" -- "$relkit" semver sort
expect sort.original 0 "1.0.0${nl}1.2.3+b${nl}v1.2.3${nl}1.2.3+a$nl" -- "$relkit" semver sort --original
expect sort.original.reverse 0 "1.2.3+b${nl}v1.2.3${nl}1.2.3+a${nl}1.0.0$nl" \
  -- "$relkit" semver sort --reverse --original
unset stdin_text
expect help 0 "$("$relkit" --help)$nl" -- "$relkit" help
expect help.semver 0 "$("$relkit" semver --help)$nl" -- "$relkit" semver compare --help
for command in next-version changelog bucket gate "migrate plan" "migrate lint" lint; do
  # shellcheck disable=SC2086
  expect "help.$command" 0 "$("$relkit" $command --help)$nl" -- "$relkit" $command -h
  checks=$((checks + 1))
  # shellcheck disable=SC2086
  if ! "$relkit" $command --help | grep -q '^Usage: relkit'; then
    failures=$((failures + 1))
    echo "FAIL help.$command: no usage line"
  fi
done
checks=$((checks + 1))
if ! "$relkit" next-version --help | grep -qF 'git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD'; then
  failures=$((failures + 1))
  echo "FAIL help.next-version: the git log format is not documented"
fi
expect unknown.command 2 "" -- "$relkit" deploy
expect unknown.option 2 "" -- "$relkit" semver bump 1.0.0 major --force
expect_stderr unknown.option "relkit: unknown option --force"

# ------------------------------------------------ version, help, misuse
# --version: "relkit X.Y.Z" from include/relkit/config.hpp.
config="$(dirname "$0")/../../include/relkit/config.hpp"
version="$(sed -n 's/^#define RELKIT_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' "$config" | paste -sd.)"
expect version 0 "relkit $version$nl" -- "$relkit" --version
expect_quiet version
expect version.args 2 "" -- "$relkit" --version --json
# Help asked for: stdout, exit 0, nothing on stderr.
main_help="$("$relkit" --help)$nl"
for words in "help" "--help" "-h"; do
  # shellcheck disable=SC2086
  expect "help.stdout.$words" 0 "$main_help" -- "$relkit" $words
  expect_quiet "help.stdout.$words"
done
for command in semver next-version changelog bucket gate migrate; do
  command_help="$("$relkit" $command --help)$nl"
  expect "help.$command.stdout" 0 "$command_help" -- "$relkit" $command --help
  expect_quiet "help.$command.stdout"
  expect "help.$command.via.help" 0 "$command_help" -- "$relkit" help $command
  expect_quiet "help.$command.via.help"
  # An unknown option: stderr names it and points at the command's help, exit 2.
  expect "misuse.$command.option" 2 "" -- "$relkit" $command --bogus
  expect_stderr "misuse.$command.option" "relkit: unknown option --bogus$nl"
  expect_stderr "misuse.$command.option" "Try 'relkit $command --help'."
done
expect help.unknown 2 "" -- "$relkit" help deploy
expect_stderr help.unknown "relkit: unknown command 'deploy'"
# Misuse: nothing on stdout, the message on stderr, exit 2.
expect misuse.nothing 2 "" -- "$relkit"
expect_stderr misuse.nothing "Usage: relkit COMMAND"
expect misuse.unknown 2 "" -- "$relkit" deploy
expect_stderr misuse.unknown "relkit: unknown command 'deploy'"
expect misuse.semver 2 "" -- "$relkit" semver
expect_stderr misuse.semver "relkit: semver needs a command: compare, satisfies, bump or sort"
expect misuse.semver.sub 2 "" -- "$relkit" semver order 1.0.0
expect_stderr misuse.semver.sub "relkit: unknown semver command 'order'"
expect misuse.semver.early 2 "" -- "$relkit" semver --reverse sort
expect_stderr misuse.semver.early "relkit: semver needs a command before its options: compare, satisfies, bump or sort$nl"
expect misuse.migrate 2 "" -- "$relkit" migrate
expect_stderr misuse.migrate "relkit: migrate needs a command: plan"
expect misuse.value 2 "" -- "$relkit" semver bump 1.0.0 preminor --preid
expect_stderr misuse.value "relkit: option --preid needs a value"
expect misuse.flag.value 2 "" -- "$relkit" semver sort --reverse=yes
expect_stderr misuse.flag.value "relkit: option --reverse takes no value"
expect misuse.argument 2 "" -- "$relkit" next-version --current 1.0.0 extra
expect_stderr misuse.argument "relkit: unexpected argument 'extra'"
# An option given twice is an error naming it, in either spelling and for flags too; --help
# still wins.
expect twice.preid 2 "" -- "$relkit" semver bump 1.4.1 preminor --preid rc --preid=beta
expect_stderr twice.preid "relkit: option --preid given twice$nl"
expect twice.reverse 2 "" -- "$relkit" semver sort --reverse --reverse
expect_stderr twice.reverse "relkit: option --reverse given twice"
expect twice.current 2 "" -- "$relkit" next-version --current 1.4.1 --current=1.5.0
expect_stderr twice.current "relkit: option --current given twice"
expect twice.explain 2 "" -- "$relkit" next-version --current 1.4.1 --explain --explain
expect_stderr twice.explain "relkit: option --explain given twice"
expect twice.preset 2 "" -- "$relkit" changelog --current 1.4.1 --repo-url https://github.com/o/r \
  --preset angular --preset=spec
expect_stderr twice.preset "relkit: option --preset given twice$nl"
expect twice.date 2 "" -- "$relkit" changelog --current 1.4.1 --repo-url https://github.com/o/r \
  --date 2026-11-23 --date 2026-11-24
expect_stderr twice.date "relkit: option --date given twice"
expect twice.id 2 "" -- "$relkit" bucket --system unleash --flag f --id a --id b
expect_stderr twice.id "relkit: option --id given twice"
expect twice.evidence 2 "" -- "$relkit" gate spec --evidence a --evidence b
expect_stderr twice.evidence "relkit: option --evidence given twice"
expect twice.name 2 "" -- "$relkit" migrate plan add-index users email --name a --name b
expect_stderr twice.name "relkit: option --name given twice"
expect twice.help 0 "$("$relkit" semver --help)$nl" -- "$relkit" semver bump 1.4.1 major \
  --preid a --preid b --help
expect_quiet twice.help

# ------------------------------------------------------------------ bucket
# Expected values: SDK-generated vectors (/work/shared/vectors/flags/bucketing/*.jsonl).
expect bucket.unleash 0 "50$nl" -- "$relkit" bucket --system unleash --flag pricing-page-experiment --id 217
expect bucket.unleash.variant 0 "92$nl" -- "$relkit" bucket --system unleash \
  --flag pricing-page-experiment --id 217 --variants 1000
expect bucket.unleash.spec 0 "10$nl" -- "$relkit" bucket --system unleash \
  --flag Feature.flexibleRollout.10 --id 174
expect bucket.unleash.utf8 0 "60$nl" -- "$relkit" bucket --system unleash --flag onboarding.tour --id '🌍-41157'
expect bucket.unleash.node 0 "92$nl" -- "$relkit" bucket --system unleash --flag onboarding.tour \
  --id '🌍-41157' --node
expect bucket.growthbook.v1 0 "0.613$nl" -- "$relkit" bucket --system growthbook \
  --flag pricing-page-experiment --id 7dbaa198-316b-4043-a420-a8b24bae36a4
expect bucket.growthbook.v2 0 "0.9562$nl" -- "$relkit" bucket --system growthbook \
  --flag pricing-page-experiment --id 7dbaa198-316b-4043-a420-a8b24bae36a4 --hash-version 2
expect bucket.launchdarkly 0 "50579$nl" -- "$relkit" bucket --system launchdarkly \
  --flag onboarding.tour --salt 2387d035b47243306ee448a6d1a9952d --id -3Wy3utFJ6Ahu1K0
expect bucket.launchdarkly.seed 0 "57014$nl" -- "$relkit" bucket --system launchdarkly \
  --flag search_v2 --seed 982934922 --id user-695423
expect bucket.flagd 0 "29$nl" -- "$relkit" bucket --system flagd --flag ten-percent --id 536
expect bucket.flagd.total 0 "5$nl" -- "$relkit" bucket --system flagd --flag uneven \
  --id 63b8a2d2-780f-48be-972c-927c6170b70f --total 6
expect bucket.system 2 "" -- "$relkit" bucket --system split --flag f --id u
expect_stderr bucket.system "unknown system 'split'"
expect bucket.missing 2 "" -- "$relkit" bucket --system unleash --flag f
expect bucket.ld.salt 2 "" -- "$relkit" bucket --system launchdarkly --flag f --id u
expect bucket.gb.version 2 "" -- "$relkit" bucket --system growthbook --flag f --id u --hash-version 3

# ------------------------------------------------------------------ gate
# The production gate of docs/gates.md; the expected verdicts are that page's.
cat >"$work/production.gate" <<'SPEC'
all production
  metric coverage >= 80
  metric critical_cves == 0
  metric p95 <+5%
  stages smoke passed
  approvals 1
  no_failure test within 30m
end
SPEC
cat >"$work/good.evidence" <<'EVIDENCE'
# evidence of pipeline 4711
now 2026-11-23T12:00:00Z
author ann
metric coverage 84.2
metric p95 212 baseline 205
count critical_cves 0
approval bob 2026-11-23T11:55:00Z
stage smoke passed 2026-11-23T11:50:00Z
stage test failed 2026-11-23T09:00:00Z
stage test passed 2026-11-23T11:00:00Z
EVIDENCE
cat >"$work/bad.evidence" <<'EVIDENCE'
now 2026-11-23T12:00:00Z
author ann
metric coverage 79.9
metric p95 221
count critical_cves 2
approval ann 2026-11-23T11:55:00Z
stage smoke passed 2026-11-23T11:50:00Z
stage smoke failed 2026-11-23T11:51:00Z
stage test failed 2026-11-23T11:31:00Z
EVIDENCE
expect gate.pass 0 "PASS all_of production: 6 of 6 passed
  PASS coverage 84.2 >= 80
  PASS critical_cves 0 == 0
  PASS p95 212 < 215.25 (baseline 205 +5%)
  PASS smoke 1 of 1 passed
  PASS approvals 1 of 1 required (bob)
  PASS test last failed at 2026-11-23T09:00:00Z, 3h before now (required no failure within 30m)
" -- "$relkit" gate "$work/production.gate" --evidence "$work/good.evidence"
expect gate.fail 1 "FAIL all_of production: 0 of 6 passed, 1 pending, 5 failed
  FAIL coverage 79.9 < 80 (required >= 80)
  FAIL critical_cves 2 > 0 (required == 0)
  FAIL p95 221, baseline missing (required < baseline +5%)
  FAIL smoke 1 of 2 passed, 1 failed (required all passed)
  PENDING approvals 0 of 1 required (self-approval by ann not counted)
  FAIL test failed at 2026-11-23T11:31:00Z, 29m before now (required no failure within 30m)
" -- "$relkit" gate "$work/production.gate" --evidence "$work/bad.evidence"
printf 'all smoke\n  stages smoke passed\nend\n' >"$work/smoke.gate"
printf 'stage smoke running 2026-11-23T11:50:00Z\n' >"$work/running.evidence"
expect gate.pending.markdown 1 "- **PENDING** \`all_of smoke: 0 of 1 passed, 1 pending\`
  - **PENDING** \`smoke 0 of 1 passed, 1 running\`
" -- "$relkit" gate "$work/smoke.gate" --evidence "$work/running.evidence" --markdown
printf 'now 2026-11-23T12:00:00Z\n\nmetric coverage 8O\n' >"$work/typo.evidence"
expect gate.bad.evidence 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/typo.evidence"
expect_stderr gate.bad.evidence "relkit: $work/typo.evidence line 3: expected a number, got '8O'"
# Metric values are plain decimals (strtod also read hexadecimal floats, "nan"
# and "inf", and would follow LC_NUMERIC under setlocale).
for bad in 0x54 nan inf 1e999; do
  printf 'now 2026-11-23T12:00:00Z\nmetric coverage %s\n' "$bad" >"$work/odd.evidence"
  expect "gate.bad.number.$bad" 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/odd.evidence"
  expect_stderr "gate.bad.number.$bad" "line 2: expected a number, got '$bad'"
done
printf 'all\n  metric coverage >= 80 allow_failure\nend\n' >"$work/optional.gate"
expect gate.bad.spec 2 "" -- "$relkit" gate "$work/optional.gate" --evidence "$work/good.evidence"
expect_stderr gate.bad.spec "relkit: $work/optional.gate:2:25: 'allow_failure' is not allowed: every gate member blocks, none can be optional [gates.optional_not_allowed]"
expect gate.no.evidence 2 "" -- "$relkit" gate "$work/production.gate"
# --json: one object on one line (gate --help documents it), the same exit codes.
expect gate.json.pass 0 '{"outcome":"pass","promotes":true,"gate":{"kind":"all_of","name":"production","outcome":"pass","missing_evidence":false,"reason":"all_of production: 6 of 6 passed","conditions":[{"kind":"threshold","name":"coverage","outcome":"pass","missing_evidence":false,"reason":"coverage 84.2 >= 80","conditions":[]},{"kind":"threshold","name":"critical_cves","outcome":"pass","missing_evidence":false,"reason":"critical_cves 0 == 0","conditions":[]},{"kind":"threshold","name":"p95","outcome":"pass","missing_evidence":false,"reason":"p95 212 < 215.25 (baseline 205 +5%)","conditions":[]},{"kind":"stages_passed","name":"smoke","outcome":"pass","missing_evidence":false,"reason":"smoke 1 of 1 passed","conditions":[]},{"kind":"approvals","name":"approvals","outcome":"pass","missing_evidence":false,"reason":"approvals 1 of 1 required (bob)","conditions":[]},{"kind":"no_failure","name":"test","outcome":"pass","missing_evidence":false,"reason":"test last failed at 2026-11-23T09:00:00Z, 3h before now (required no failure within 30m)","conditions":[]}]}}
' -- "$relkit" gate "$work/production.gate" --evidence "$work/good.evidence" --json
expect_quiet gate.json.pass
expect gate.json.fail 1 '{"outcome":"fail","promotes":false,"gate":{"kind":"all_of","name":"production","outcome":"fail","missing_evidence":true,"reason":"all_of production: 0 of 6 passed, 1 pending, 5 failed","conditions":[{"kind":"threshold","name":"coverage","outcome":"fail","missing_evidence":false,"reason":"coverage 79.9 < 80 (required >= 80)","conditions":[]},{"kind":"threshold","name":"critical_cves","outcome":"fail","missing_evidence":false,"reason":"critical_cves 2 > 0 (required == 0)","conditions":[]},{"kind":"threshold","name":"p95","outcome":"fail","missing_evidence":true,"reason":"p95 221, baseline missing (required < baseline +5%)","conditions":[]},{"kind":"stages_passed","name":"smoke","outcome":"fail","missing_evidence":false,"reason":"smoke 1 of 2 passed, 1 failed (required all passed)","conditions":[]},{"kind":"approvals","name":"approvals","outcome":"pending","missing_evidence":false,"reason":"approvals 0 of 1 required (self-approval by ann not counted)","conditions":[]},{"kind":"no_failure","name":"test","outcome":"fail","missing_evidence":false,"reason":"test failed at 2026-11-23T11:31:00Z, 29m before now (required no failure within 30m)","conditions":[]}]}}
' -- "$relkit" gate "$work/production.gate" --evidence "$work/bad.evidence" --json
# Nested nodes (not, a score that warns), a node without a name, and text JSON must escape: a quote, a
# backslash, a control character and a byte that is not UTF-8 (written as U+FFFD).
printf 'any\n  not\n    stages smoke passed\n  end\n  score slo pass 90 warn 50\n    metric errors < 1 weight 3 key\n    approvals 1\n  end\nend\n' >"$work/nested.gate"
printf 'now 2026-11-23T12:00:00Z\nmetric errors 0\nauthor a"b\\c\001\377\napproval a"b\\c\001\377 2026-11-23T11:00:00Z\n' >"$work/nested.evidence"
expect gate.json.nested 0 '{"outcome":"warn","promotes":true,"gate":{"kind":"any_of","name":"","outcome":"warn","missing_evidence":true,"reason":"any_of: 0 of 2 passed, 1 warned, 1 failed","conditions":[{"kind":"not","name":"","outcome":"fail","missing_evidence":true,"reason":"not: member lacks evidence (fails closed)","conditions":[{"kind":"stages_passed","name":"smoke","outcome":"fail","missing_evidence":true,"reason":"smoke no results (required all passed)","conditions":[]}]},{"kind":"score","name":"slo","outcome":"warn","missing_evidence":false,"reason":"score slo 75 < 90 (pass >= 90, warn >= 50)","conditions":[{"kind":"threshold","name":"errors","outcome":"pass","missing_evidence":false,"reason":"errors 0 < 1 [key, weight 3 -> 3]","conditions":[]},{"kind":"approvals","name":"approvals","outcome":"pending","missing_evidence":false,"reason":"approvals 0 of 1 required (self-approval by a\"b\\c\u0001'$'\xef\xbf\xbd'' not counted) [weight 1 -> 0]","conditions":[]}]}]}}
' -- "$relkit" gate "$work/nested.gate" --evidence "$work/nested.evidence" --json
expect gate.json.markdown 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/good.evidence" --json --markdown
expect_stderr gate.json.markdown "relkit: --json and --markdown exclude each other$nl"
# Files that cannot be read: the file and the system's reason.
expect gate.no.spec 2 "" -- "$relkit" gate "$work/absent.gate" --evidence "$work/good.evidence"
expect_stderr gate.no.spec "relkit: cannot read $work/absent.gate: No such file or directory$nl"
mkdir "$work/evidence.d"
expect gate.evidence.directory 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/evidence.d"
expect_stderr gate.evidence.directory "relkit: cannot read $work/evidence.d: Is a directory$nl"

# Reports read directly (tests/data/reports, PROVENANCE.md there), merged into one evidence.
reports="$(cd "$(dirname "$0")/../data/reports" && pwd)"
printf 'all\n  metric critical_cves == 0\n  approvals 1\n  metric p95 <=+5%%\nend\n' >"$work/reports.gate"
expect gate.reports.fail 1 "FAIL all_of: 1 of 3 passed, 2 failed
  FAIL critical_cves 5 > 0 (required == 0)
  PASS approvals 1 of 1 required (orta)
  FAIL p95 42, baseline missing (required <= baseline +5%)
" -- "$relkit" gate "$work/reports.gate" --trivy "$reports/trivy-gomod.json" --grype "$reports/grype-dirs.json" \
  --github-reviews "$reports/github-reviews.json" --author ann --prometheus "p95=$reports/prometheus-scalar.json"
expect gate.reports.pass 0 "PASS all_of: 3 of 3 passed
  PASS critical_cves 0 == 0
  PASS approvals 1 of 1 required (orta)
  PASS p95 42 <= 44.1 (baseline 42 +5%)
" -- "$relkit" gate "$work/reports.gate" --grype "$reports/grype-empty.json" --npm-audit "$reports/npm-audit-dep-vuln.json" \
  --sarif "$reports/clang-analyzer.sarif" --github-reviews "$reports/github-reviews.json" --author ann \
  --prometheus "p95=$reports/prometheus-scalar.json" --prometheus-baseline "p95=$reports/prometheus-scalar.json"
expect gate.reports.missing 2 "" -- "$relkit" gate "$work/reports.gate" --sarif "$work/absent.sarif"
expect_stderr gate.reports.missing "relkit: cannot read $work/absent.sarif: No such file or directory$nl"
expect gate.reports.wrong 2 "" -- "$relkit" gate "$work/reports.gate" --sarif "$reports/trivy-gomod.json"
expect_stderr gate.reports.wrong "relkit: $reports/trivy-gomod.json:1:1: not a SARIF 2.1.0 log: found 'SchemaVersion' [gates.report.wrong_format]$nl"
expect gate.reports.two.samples 2 "" -- "$relkit" gate "$work/reports.gate" --prometheus "up=$reports/prometheus-vector-two-samples.json"
expect_stderr gate.reports.two.samples "relkit: $reports/prometheus-vector-two-samples.json:5:18: data.result: expected exactly one sample, found 'several samples' [gates.report.bad_value]$nl"
expect gate.reports.prometheus.usage 2 "" -- "$relkit" gate "$work/reports.gate" --prometheus "$reports/prometheus-scalar.json"
expect gate.reports.gitlab 1 "FAIL all_of: 1 of 2 passed, 1 failed
  FAIL test 0 of 2 passed, 2 failed (required all passed)
  PASS allowed_failures 0 == 0
" -- "$relkit" gate <(printf 'all\n  stages test passed\n  metric allowed_failures == 0\nend\n') --gitlab-jobs "$reports/gitlab-pipeline-jobs.json" --gitlab-approvals "$reports/gitlab-approvals.json"
# One calendar for the library and the command: a day that does not exist is refused, named.
printf 'now 2026-02-31T12:00:00Z\n' >"$work/impossible.evidence"
expect gate.impossible.date 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/impossible.evidence"
expect_stderr gate.impossible.date "relkit: $work/impossible.evidence line 1: '2026-02-31T12:00:00Z' is not a date in the calendar"
printf 'now 2026-11-23T12:00:00Z\nstage smoke passed 2026-11-23T11:50:0Z\n' >"$work/badtime.evidence"
expect gate.bad.time 2 "" -- "$relkit" gate "$work/production.gate" --evidence "$work/badtime.evidence"
expect_stderr gate.bad.time "relkit: $work/badtime.evidence line 2: expected a time YYYY-MM-DDTHH:MM:SSZ, got '2026-11-23T11:50:0Z'"

# Reports as evidence (tests/data/reports, real tools' output; PROVENANCE.md there).
reports="$(dirname "$0")/../data/reports"
printf 'all production\n  metric coverage >= 80\n  metric branch_coverage >= 50\n  metric tests_failed == 0\n  stages tests passed\n  no_failure tests within 30m\nend\n' >"$work/reports.gate"
printf 'now 2017-07-13T00:30:00Z\n' >"$work/now.evidence"
expect gate.reports.pass 0 "PASS all_of production: 5 of 5 passed
  PASS coverage 90 >= 80
  PASS branch_coverage 56.25 >= 50
  PASS tests_failed 0 == 0
  PASS tests 1 of 1 passed
  PASS tests no failure recorded (required no failure within 30m)
" -- "$relkit" gate "$work/reports.gate" --evidence "$work/now.evidence" --junit "$reports/jest-junit-passing.xml" --coverage "$reports/gcovr-cobertura.xml"
expect_quiet gate.reports.pass
expect gate.reports.fail 1 "FAIL all_of production: 0 of 5 passed, 5 failed
  FAIL coverage 23.0769230769 < 80 (required >= 80)
  FAIL branch_coverage 25 < 50 (required >= 50)
  FAIL tests_failed 1 > 0 (required == 0)
  FAIL tests 0 of 1 passed, 1 failed (required all passed)
  FAIL tests failed at 2017-07-13T00:03:40Z, 26m19s before now (required no failure within 30m)
" -- "$relkit" gate "$work/reports.gate" --evidence "$work/now.evidence" --junit "$reports/jest-junit-failing.xml" --coverage "$reports/jacoco-parse-sample.xml"
# Repeated reports are merged (counts summed, stages added); NAME= names a stage; a
# report without a timestamp (Surefire) finished at the evidence's now.
printf 'now 2026-12-03T13:00:00Z\n' >"$work/later.evidence"
expect gate.reports.merged 1 "FAIL all_of production: 2 of 5 passed, 3 failed
  PASS coverage 83.3333333333 >= 80
  PASS branch_coverage 87.5 >= 50
  FAIL tests_failed 5 > 0 (required == 0)
  FAIL tests 0 of 2 passed, 2 failed (required all passed)
  FAIL tests failed at 2026-12-03T13:00:00Z, 0s before now (required no failure within 30m)
" -- "$relkit" gate "$work/reports.gate" --evidence "$work/later.evidence" --junit "unit=$reports/gtest.xml" --junit "$reports/pytest.xml" --junit "$reports/surefire-FailingTest.xml" --coverage "$reports/coveragepy-cobertura.xml" --coverage-format cobertura
expect gate.reports.lcov 0 "PASS all_of production: 5 of 5 passed
  PASS coverage 90 >= 80
  PASS branch_coverage 56.25 >= 50
  PASS tests_failed 0 == 0
  PASS tests 1 of 1 passed
  PASS tests no failure recorded (required no failure within 30m)
" -- "$relkit" gate "$work/reports.gate" --evidence "$work/now.evidence" --junit "$reports/surefire-FlakyTest.xml" --coverage "$reports/lcov-capture.info" --coverage-format lcov
# No evidence file: a gate on reports alone (no_failure then lacks the evaluation time).
printf 'all\n  metric coverage >= 90\n  stages tests passed\nend\n' >"$work/coverage.gate"
expect gate.reports.only 0 '{"outcome":"pass","promotes":true,"gate":{"kind":"all_of","name":"","outcome":"pass","missing_evidence":false,"reason":"all_of: 2 of 2 passed","conditions":[{"kind":"threshold","name":"coverage","outcome":"pass","missing_evidence":false,"reason":"coverage 97.8723404255 >= 90","conditions":[]},{"kind":"stages_passed","name":"tests","outcome":"pass","missing_evidence":false,"reason":"tests 1 of 1 passed","conditions":[]}]}}
' -- "$relkit" gate "$work/coverage.gate" --coverage "$reports/istanbul-cobertura.xml" --junit "$reports/jest-junit-passing.xml" --json
expect gate.reports.missing 2 "" -- "$relkit" gate "$work/coverage.gate" --junit "$reports/absent.xml"
expect_stderr gate.reports.missing "relkit: cannot read $reports/absent.xml: No such file or directory$nl"
printf '<?xml version="1.0"?>\n<testsuite tests="many"/>\n' >"$work/bad-junit.xml"
expect gate.reports.malformed 2 "" -- "$relkit" gate "$work/coverage.gate" --junit "$work/bad-junit.xml"
expect_stderr gate.reports.malformed "relkit: $work/bad-junit.xml:2:19: testsuite@tests: expected a non-negative integer, found 'many' [gates.report.bad_value]$nl"
printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<testsuite>&lol1;</testsuite>\n' >"$work/laughs.xml"
expect gate.reports.billion.laughs 2 "" -- "$relkit" gate "$work/coverage.gate" --junit "$work/laughs.xml"
expect_stderr gate.reports.billion.laughs "relkit: $work/laughs.xml:2:16: invalid XML: a DTD internal subset (entity declarations) is refused [gates.report.invalid_xml]$nl"
expect gate.reports.wrong.format 2 "" -- "$relkit" gate "$work/coverage.gate" --coverage "$reports/gtest.xml"
expect_stderr gate.reports.wrong.format "relkit: $reports/gtest.xml:2:1: not a coverage report (Cobertura, JaCoCo or lcov): found 'testsuites' [gates.report.wrong_format]$nl"
expect gate.reports.forced.format 2 "" -- "$relkit" gate "$work/coverage.gate" --coverage "$reports/gcovr-cobertura.xml" --coverage-format jacoco
expect_stderr gate.reports.forced.format "relkit: $reports/gcovr-cobertura.xml:3:1: not a JaCoCo XML report (<report>): found 'coverage' [gates.report.wrong_format]$nl"
# --now: the evaluation time without an evidence file; a JUnit report without
# timestamps (Surefire) finished then.
printf 'all\n  no_failure tests within 30m\nend\n' >"$work/no-failure.gate"
expect gate.now.surefire 1 "FAIL all_of: 0 of 1 passed, 1 failed
  FAIL tests failed at 2017-07-13T00:30:00Z, 0s before now (required no failure within 30m)
" -- "$relkit" gate "$work/no-failure.gate" --now 2017-07-13T00:30:00Z --junit "$reports/surefire-FailingTest.xml"
expect_quiet gate.now.surefire
expect gate.now.absent 1 "FAIL all_of: 0 of 1 passed, 1 failed
  FAIL tests evaluation time missing (required no failure within 30m)
" -- "$relkit" gate "$work/no-failure.gate" --junit "$reports/surefire-FailingTest.xml"
# --now and the evidence file's now: the same instant is fine, another one a usage error.
expect gate.now.same 1 "FAIL all_of: 0 of 1 passed, 1 failed
  FAIL tests failed at 2017-07-13T00:30:00Z, 0s before now (required no failure within 30m)
" -- "$relkit" gate "$work/no-failure.gate" --now 2017-07-13T01:30:00.000+01:00 --evidence "$work/now.evidence" --junit "$reports/surefire-FailingTest.xml"
expect gate.now.differs 2 "" -- "$relkit" gate "$work/no-failure.gate" --now 2017-07-13T00:31:00Z --evidence "$work/now.evidence"
expect_stderr gate.now.differs "relkit: --now 2017-07-13T00:31:00Z differs from the evidence's now 2017-07-13T00:30:00Z${nl}Try 'relkit gate --help'.$nl"
expect gate.now.bad.date 2 "" -- "$relkit" gate "$work/no-failure.gate" --now 2017-02-30T00:00:00Z --junit "$reports/surefire-FailingTest.xml"
expect_stderr gate.now.bad.date "relkit: --now: '2017-02-30T00:00:00Z' is not a date in the calendar$nl"
expect gate.now.bad.time 2 "" -- "$relkit" gate "$work/no-failure.gate" --now yesterday --junit "$reports/surefire-FailingTest.xml"
expect_stderr gate.now.bad.time "relkit: --now: expected a time YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'$nl"
expect gate.extra.argument 2 "" -- "$relkit" gate "$work/no-failure.gate" extra --now 2017-07-13T00:30:00Z
expect_stderr gate.extra.argument "relkit: unexpected argument 'extra'${nl}Try 'relkit gate --help'.$nl"
expect gate.no.spec.file 2 "" -- "$relkit" gate --now 2017-07-13T00:30:00Z
expect_stderr gate.no.spec.file "relkit: gate takes one SPEC_FILE$nl"
expect gate.reports.two.coverages 2 "" -- "$relkit" gate "$work/coverage.gate" --coverage "$reports/lcov-merged.info" --coverage "$reports/gcovr-cobertura.xml"
expect_stderr gate.reports.two.coverages "relkit: $reports/gcovr-cobertura.xml: the metric 'coverage' is given by two reports [gates.report.conflicting_evidence]$nl"
expect gate.reports.bad.format.name 2 "" -- "$relkit" gate "$work/coverage.gate" --coverage "$reports/lcov-merged.info" --coverage-format clover
expect_stderr gate.reports.bad.format.name "relkit: --coverage-format takes cobertura, jacoco or lcov, not 'clover'$nl"
expect gate.reports.none 2 "" -- "$relkit" gate "$work/coverage.gate" --coverage-format lcov
expect_stderr gate.reports.none "relkit: give --evidence FILE or at least one report$nl"

# ------------------------------------------------------------------ migrate
# The library's golden runbook (examples/rename_column_runbook.cpp calls make_plan + render).
golden="$(dirname "$0")/../../examples/rename_column_runbook.expected"
expect migrate.rename 0 "$(cat "$golden")$nl" -- "$relkit" migrate plan rename-column users name full_name text
expect migrate.index 0 "# Migration: add unique index users_email_idx

## App versions

- **A0**: the running app, unchanged

## Phases

| # | phase | apps | rollback |
|---|---|---|---|
| 1 | expand | A0 | lossless |

## Phase 1: expand: build the index concurrently

Apps allowed: A0

\`\`\`sql
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
\`\`\`

Note: Runs outside a transaction. A failed build leaves an INVALID index: drop it (the rollback) and run again.

Rollback (lossless):

\`\`\`sql
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
\`\`\`
" \
  -- "$relkit" migrate plan add-index users email --unique
expect migrate.bad.identifier 2 "" -- "$relkit" migrate plan rename-column users Name full_name text
expect_stderr migrate.bad.identifier "relkit: rename-column: invalid column name 'Name' (expected [a-z_][a-z0-9_]*, at most 63 bytes) [migrations.invalid_identifier]"
expect migrate.arity 2 "" -- "$relkit" migrate plan rename-column users name
expect_stderr migrate.arity "rename-column takes 4 arguments"
expect migrate.postgres 2 "" -- "$relkit" migrate plan rename-table users people --postgres 10
expect_stderr migrate.postgres "PostgreSQL 10 is not supported"

# migrate lint: one finding a line, FILE:LINE:COLUMN of the statement; exit 1 on findings.
w="$work"
printf "SET lock_timeout = '2s';\n-- relkit:allow ban-drop-column (the app stopped reading it in 4.2)\nALTER TABLE users DROP avatar;\nALTER TABLE users\n  ADD COLUMN phone text UNIQUE;\nALTER TABLE users ALTER COLUMN type SET DEFAULT 'x'; -- a column named type\n" >"$work/0001.sql"
printf "SET lock_timeout = '2s';\nCREATE FUNCTION token() RETURNS text LANGUAGE sql VOLATILE AS \$\$ SELECT md5(random()::text) \$\$;\n  ALTER TABLE users ADD COLUMN token text DEFAULT token();\n" >"$work/0002.sql"
printf "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n" >"$work/0003.sql"
unique_help="$w/0001.sql:4:1: disallowed-unique-constraint: a UNIQUE constraint (on the table or on an added column) builds its index while blocking reads and writes; help: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX"
default_help="$w/0002.sql:3:3: adding-field-with-default: a volatile default (a call not known to be IMMUTABLE or STABLE), a serial, identity or stored generated column (or any default before PostgreSQL 11) rewrites the whole table under an ACCESS EXCLUSIVE lock; help: add the column without a default, SET DEFAULT separately, then backfill in batches"
expect migrate.lint 1 "$unique_help$nl$default_help$nl" -- "$relkit" migrate lint "$w/0001.sql" "$w/0002.sql" "$w/0003.sql"
expect_quiet migrate.lint
expect migrate.lint.clean 0 "" -- "$relkit" migrate lint "$w/0003.sql"
expect migrate.lint.exclude 0 "" -- "$relkit" migrate lint "$w/0001.sql" "$w/0002.sql" \
  --exclude disallowed-unique-constraint,adding-field-with-default
expect migrate.lint.vouched 1 "$unique_help$nl" -- "$relkit" migrate lint "$w/0001.sql" "$w/0003.sql" --non-volatile-functions token
stdin_text="ALTER TABLE t DROP COLUMN c;"
expect migrate.lint.stdin 1 "-:1:1: require-lock-timeout: DDL waits for its lock behind long transactions and every query queues behind it (a new table only when it references, inherits or partitions an existing one); help: run SET lock_timeout = '5s' before the first DDL statement and retry on timeout
-:1:1: ban-drop-column: the running app still selects or inserts the column and errors; help: deploy an app that ignores the column first; drop it as the acknowledged contract step$nl" -- "$relkit" migrate lint -
unset stdin_text
expect migrate.lint.json 1 '{"findings":1,"files":[{"file":"'"$w/0001.sql"'","findings":[{"rule":"disallowed-unique-constraint","line":4,"column":1,"position":124,"statement":2,"message":"a UNIQUE constraint (on the table or on an added column) builds its index while blocking reads and writes","help":"CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX"}]},{"file":"'"$w/0003.sql"'","findings":[]}]}'"$nl" \
  -- "$relkit" migrate lint "$w/0001.sql" "$w/0003.sql" --json
expect migrate.lint.unreadable 2 "$unique_help$nl" -- "$relkit" migrate lint "$w/missing.sql" "$w/0001.sql"
expect_stderr migrate.lint.unreadable "relkit: cannot read $w/missing.sql: No such file or directory$nl"
expect migrate.lint.no.file 2 "" -- "$relkit" migrate lint
expect_stderr migrate.lint.no.file "relkit: migrate lint needs FILE.sql$nl"
expect migrate.lint.bad.rule 2 "" -- "$relkit" migrate lint "$w/0001.sql" --exclude ban-drop-collumn
expect_stderr migrate.lint.bad.rule "relkit: --exclude: unknown rule 'ban-drop-collumn'$nl"
expect migrate.lint.max 1 "$w/0001.sql:4:1: too-many-findings: the script has more findings than lint_options::max_findings; the rest is not linted; help: fix or allow the findings reported, or split the script$nl" \
  -- "$relkit" migrate lint "$w/0001.sql" --max-findings 0

# ------------------------------------------------------------------ flags
# An Unleash client-API payload (GET /api/client/features, client specification 6.1.0).
cat >"$work/features.json" <<'JSON'
{"version":2,"features":[
 {"name":"checkout","type":"release","enabled":true,"createdAt":"2026-09-01T10:00:00.000Z",
  "strategies":[{"name":"flexibleRollout","parameters":{"rollout":"50","stickiness":"default","groupId":"checkout"},
   "constraints":[{"contextName":"environment","operator":"IN","values":["production"]}]}],
  "variants":[{"name":"blue","weight":500,"stickiness":"default","payload":{"type":"string","value":"b"}},
              {"name":"green","weight":500,"stickiness":"default"}]},
 {"name":"beta","type":"permission","enabled":true,"strategies":[{"name":"userWithId","parameters":{"userIds":"ann,bob"}}]},
 {"name":"region","type":"operational","enabled":true,"createdAt":"2026-11-20T00:00:00.000Z",
  "strategies":[{"name":"default","constraints":[{"contextName":"region","operator":"IN","values":["eu"]}]}]},
 {"name":"old","type":"experiment","enabled":false,"stale":true,"strategies":[]},
 {"name":"kill","type":"kill-switch","enabled":false,"createdAt":"2020-01-01T00:00:00.000Z","strategies":[]}
]}
JSON
flags=("$relkit" flags)
# userId 6: bucket 42 of checkout (<= 50, on), variant bucket 142 of 1000 (blue); userId 1:
# bucket 58, off (both as `relkit bucket` prints them).
expect flags.bucket.6 0 "42$nl" -- "${flags[@]}" bucket --system unleash --flag checkout --id 6
expect flags.bucket.alias 0 "42$nl" -- "$relkit" bucket --system unleash --flag checkout --id 6
expect flags.eval.on 0 "on
variant: blue
payload: string b
reason: checkout is on: strategy 0 (flexibleRollout) matched
" -- "${flags[@]}" eval --payload "$work/features.json" --flag checkout --context userId=6 \
  --context environment=production
expect flags.eval.rollout 1 "off
variant: disabled
reason: checkout is off: no strategy matched
" -- "${flags[@]}" eval --payload "$work/features.json" --flag checkout --context userId=1 \
  --context=environment=production
expect flags.eval.constraint 1 "off
variant: disabled
reason: checkout is off: no strategy matched (last strategy: constraint 0 failed)
" -- "${flags[@]}" eval --payload "$work/features.json" --flag checkout --context userId=6
expect flags.eval.json 0 '{"flag":"checkout","enabled":true,"reason":"strategy_matched","explanation":"checkout is on: strategy 0 (flexibleRollout) matched","strategy":0,"variant":{"name":"blue","enabled":true,"source":"flag_variant","payload":{"type":"string","value":"b"}}}
' -- "${flags[@]}" eval --payload "$work/features.json" --flag checkout --json \
  --context userId=6 --context environment=production
expect flags.eval.user 0 "on
variant: disabled
reason: beta is on: strategy 0 (userWithId) matched
" -- "${flags[@]}" eval --payload "$work/features.json" --flag beta --context userId=bob
expect flags.eval.property 0 "on
variant: disabled
reason: region is on: strategy 0 (default) matched
" -- "${flags[@]}" eval --payload "$work/features.json" --flag region --context region=eu
expect flags.eval.properties 0 "on
variant: disabled
reason: region is on: strategy 0 (default) matched
" -- "${flags[@]}" eval --payload "$work/features.json" --flag region --context properties.region=eu
expect flags.eval.disabled 1 "off
variant: disabled
reason: kill is off: disabled (kill switch)
" -- "${flags[@]}" eval --payload "$work/features.json" --flag kill
expect flags.eval.unknown 1 '{"flag":"nope","enabled":false,"reason":"unknown_flag","explanation":"nope is off: unknown flag","strategy":null,"variant":{"name":"disabled","enabled":false,"source":"none","payload":null}}
' -- "${flags[@]}" eval --payload "$work/features.json" --flag nope --json
# A delta-API payload: its events applied to an empty set.
printf '%s' '{"events":[{"eventId":1,"type":"hydration","features":[{"name":"a","enabled":true,"strategies":[]}],"segments":[]},{"eventId":2,"type":"feature-removed","featureName":"a"}]}' \
  >"$work/delta.json"
expect flags.eval.delta 1 "off
variant: disabled
reason: a is off: unknown flag
" -- "${flags[@]}" eval --payload "$work/delta.json" --flag a
printf '{"version":2,\n "features":[{"name":1}]}' >"$work/bad-features.json"
expect flags.eval.invalid 2 "" -- "${flags[@]}" eval --payload "$work/bad-features.json" --flag a
expect_stderr flags.eval.invalid "relkit: $work/bad-features.json:2:22: \"name\" must be a string [unleash.wrong_type]$nl"
expect flags.eval.missing 2 "" -- "${flags[@]}" eval --payload "$work/none.json" --flag a
expect_stderr flags.eval.missing "relkit: cannot read $work/none.json: No such file or directory$nl"
expect flags.eval.noflag 2 "" -- "${flags[@]}" eval --payload "$work/features.json"
expect_stderr flags.eval.noflag "relkit: flags eval needs --payload FILE and --flag NAME$nl"
expect flags.eval.pair 2 "" -- "${flags[@]}" eval --payload "$work/features.json" --flag a --context userId
expect_stderr flags.eval.pair "relkit: --context takes KEY=VALUE, got 'userId'$nl"
expect flags.eval.twice 2 "" -- "${flags[@]}" eval --payload "$work/features.json" --flag a \
  --context region=eu --context properties.region=us
expect_stderr flags.eval.twice "relkit: context key 'region' given twice$nl"
expect flags.eval.novalue 2 "" -- "${flags[@]}" eval --payload "$work/features.json" --flag a --context
expect_stderr flags.eval.novalue "relkit: option --context needs a value$nl"
expect flags.eval.extra 2 "" -- "${flags[@]}" eval --payload "$work/features.json" --flag a extra
expect_stderr flags.eval.extra "relkit: unexpected argument 'extra'${nl}Try 'relkit flags --help'.$nl"
expect flags.stale 1 "checkout: past expected lifetime (release), 53 days overdue
region: past expected lifetime (operational), 6 days overdue
old: marked stale (experiment)
" -- "${flags[@]}" stale --payload "$work/features.json" --now 2026-12-03T12:00:00Z
expect flags.stale.json 1 '{"stale":[{"flag":"checkout","type":"release","owner":"","reason":"past_expected_lifetime","days_overdue":53},{"flag":"region","type":"operational","owner":"","reason":"past_expected_lifetime","days_overdue":6},{"flag":"old","type":"experiment","owner":"","reason":"marked_stale","days_overdue":0}]}
' -- "${flags[@]}" stale --payload "$work/features.json" --now 2026-12-03T12:00:00Z --json
expect flags.stale.none 0 "" -- "${flags[@]}" stale --payload "$work/delta.json" --now 2026-12-03T12:00:00Z
expect flags.stale.none.json 0 '{"stale":[]}
' -- "${flags[@]}" stale --payload "$work/delta.json" --now 2026-12-03T12:00:00Z --json
expect flags.stale.date 2 "" -- "${flags[@]}" stale --payload "$work/features.json" --now 2026-02-30T00:00:00Z
expect_stderr flags.stale.date "relkit: --now: '2026-02-30T00:00:00Z' is not a date in the calendar$nl"
expect flags.stale.time 2 "" -- "${flags[@]}" stale --payload "$work/features.json" --now yesterday
expect_stderr flags.stale.time "relkit: --now: expected a time YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'$nl"
expect flags.stale.nonow 2 "" -- "${flags[@]}" stale --payload "$work/features.json"
expect_stderr flags.stale.nonow "relkit: flags stale needs --payload FILE and --now TIME$nl"
expect flags.none 2 "" -- "${flags[@]}"
expect_stderr flags.none "relkit: flags needs a command: eval, stale or bucket$nl"
expect flags.unknown 2 "" -- "${flags[@]}" frob
expect_stderr flags.unknown "relkit: unknown flags command 'frob' (eval, stale, bucket)$nl"
expect flags.bucket.help 0 "$("$relkit" bucket --help)$nl" -- "${flags[@]}" bucket --help

# ------------------------------------------------------------------ rollout
# A canary plan as Argo Rollouts writes canary.steps, one step a line.
cat >"$work/plan.txt" <<'PLAN'
# checkout canary
strategy canary
progressDeadlineSeconds 900
setWeight 20
pause 1h
analysis smoke
  metric error-rate count 2 interval 1m successCondition <= 0.01
setWeight 50
pause
setWeight 100
PLAN
ro=("$relkit" rollout)
plan="$work/plan.txt"
st="$work/rollout.state"
expect rollout.simulate 0 "0s         deploy canary
0s         step 0: set weight 20
0s         step 1: pause 1h
1h         step 2: analysis smoke (error-rate: 2 measurements every 1m), up to 1m
1h1m       step 3: set weight 50
1h1m       step 4: pause until promoted
1h1m       step 5: set weight 100
1h1m       promote: the canary becomes stable; the previous stable scaled down after 30s
worst-case duration: 1h1m, plus 1 manual promotion (step 4)
" -- "${ro[@]}" simulate "$plan"
expect rollout.init 0 "state healthy step 0 weight 0 pause none$nl" -- "${ro[@]}" init "$plan" "$st" --stable v1
expect rollout.init.again 2 "" -- "${ro[@]}" init "$plan" "$st" --stable v1
expect_stderr rollout.init.again "relkit: $st exists: rollout init creates a new state file$nl"
expect rollout.start 0 "action deploy_canary
action set_weight 20
state paused step 1 weight 20 pause pause_step
" -- "${ro[@]}" start "$plan" "$st" --canary v2 --now 2026-12-01T10:00:00Z
expect rollout.tick.early 0 "state paused step 1 weight 20 pause pause_step$nl" \
  -- "${ro[@]}" tick "$plan" "$st" --now 2026-12-01T10:30:00Z
expect rollout.tick 0 "action start_analysis step
state progressing step 2 weight 20 pause none
" -- "${ro[@]}" tick "$plan" "$st" --now 2026-12-01T11:00:00Z
expect rollout.measurement 0 "state progressing step 2 weight 20 pause none$nl" \
  -- "${ro[@]}" measurement "$plan" "$st" error-rate=0.002 --now 2026-12-01T11:00:00Z
expect rollout.measurement.last 0 "action set_weight 50
state paused step 4 weight 50 pause pause_step
" -- "${ro[@]}" measurement "$plan" "$st" error-rate=0.01 --now 2026-12-01T11:01:00Z
expect rollout.measurement.none 2 "" \
  -- "${ro[@]}" measurement "$plan" "$st" error-rate=0 --now 2026-12-01T11:02:00Z
expect_stderr rollout.measurement.none "relkit: no running analysis has a metric 'error-rate'$nl"
expect rollout.promote 0 "action set_weight 100
action promote_stable
action scale_down previous_stable after 30s
state healthy step 0 weight 0 pause none
" -- "${ro[@]}" promote "$plan" "$st" --now 2026-12-01T11:05:00Z
expect_file rollout.state.file "$st" "relkit-rollout-state 2
plan $(sed -n 's/^plan //p' "$st")
phase healthy
pause none
manual_pause 0
timed_out 0
updating 0
aborted 0
step 0
weight 0
stable v2
canary 
previous_stable v1
step_started 1796123100000
paused_at 1796122860000
progress_at 1796123100000
last_iteration 1796119200000
failed_checks 0
pending_check none
step_run pending 0 0 0
background_run pending 0 0 0
"
expect rollout.status 0 "state healthy step 0 weight 0 pause none$nl" -- "${ro[@]}" status "$plan" "$st"
# A failed measurement aborts (exit 1); retry starts the steps again.
rm -f "$st"
"${ro[@]}" init "$plan" "$st" --stable v1 >/dev/null
"${ro[@]}" start "$plan" "$st" --canary v2 --now 2026-12-01T10:00:00Z >/dev/null
"${ro[@]}" tick "$plan" "$st" --now 2026-12-01T11:00:00Z >/dev/null
expect rollout.measurement.failed 1 "action rollback
action scale_down canary after 30s
state aborted step 0 weight 0 pause none
" -- "${ro[@]}" measurement "$plan" "$st" error-rate=0.5 --now 2026-12-01T11:00:00Z
expect rollout.status.aborted 1 "state aborted step 0 weight 0 pause none$nl" -- "${ro[@]}" status "$plan" "$st"
expect rollout.retry.json 0 '{"actions":[{"kind":"deploy_canary"},{"kind":"set_weight","weight":20}],"state":{"phase":"paused","step":1,"weight":20,"pause":"pause_step","stable":"v1","canary":"v2"}}
' -- "${ro[@]}" retry "$plan" "$st" --now 2026-12-01T12:00:00Z --json
# The progress deadline (900 s without progress in the analysis): degraded, exit 1.
"${ro[@]}" tick "$plan" "$st" --now 2026-12-01T13:00:00Z >/dev/null
expect rollout.degraded 1 "state degraded step 2 weight 20 pause none$nl" \
  -- "${ro[@]}" tick "$plan" "$st" --now 2026-12-01T13:15:01Z
expect rollout.promote.full 0 '{"actions":[{"kind":"stop_analysis","slot":"step"},{"kind":"promote_stable"},{"kind":"scale_down","target":"previous_stable","delay_seconds":30}],"state":{"phase":"healthy","step":0,"weight":0,"pause":"none","stable":"v2","canary":""}}
' -- "${ro[@]}" promote "$plan" "$st" --full --now 2026-12-01T13:16:00Z --json
expect rollout.abort.idle 0 "state healthy step 0 weight 0 pause none$nl" \
  -- "${ro[@]}" abort "$plan" "$st" --now 2026-12-01T13:17:00Z
# Twenty measurements at once on one state file: the lock loses none of them.
printf 'strategy canary\nsetWeight 10\nanalysis load\n  metric requests interval 1m\n' >"$work/load.txt"
"${ro[@]}" init "$work/load.txt" "$work/load.state" --stable v1 >/dev/null
"${ro[@]}" start "$work/load.txt" "$work/load.state" --canary v2 --now 2026-12-01T10:00:00Z >/dev/null
for i in $(seq 20); do
  "${ro[@]}" measurement "$work/load.txt" "$work/load.state" "requests=$i" \
    --now 2026-12-01T10:00:00Z >/dev/null 2>&1 &
done
wait
expect_same rollout.concurrent "$(grep '^step_run ' "$work/load.state")" \
  "step_run running 1 0 0 running:20:20:0:0:0:0:20"
# A Kayenta judged analysis takes scores; pause and resume are manual.
printf 'strategy canary\nsetWeight 10\nanalysis score\n  judge pass 90 intervals 1\nsetWeight 100\n' \
  >"$work/judged.txt"
"${ro[@]}" init "$work/judged.txt" "$work/judged.state" --stable v1 >/dev/null
"${ro[@]}" start "$work/judged.txt" "$work/judged.state" --canary v2 --now 2026-12-01T10:00:00Z >/dev/null
expect rollout.pause 0 "state paused step 1 weight 10 pause none$nl" \
  -- "${ro[@]}" pause "$work/judged.txt" "$work/judged.state" --now 2026-12-01T10:00:10Z
expect rollout.resume 0 "state progressing step 1 weight 10 pause none$nl" \
  -- "${ro[@]}" resume "$work/judged.txt" "$work/judged.state" --now 2026-12-01T10:00:20Z
expect rollout.score 0 "action set_weight 100
action promote_stable
action scale_down previous_stable after 30s
state healthy step 0 weight 0 pause none
" -- "${ro[@]}" score "$work/judged.txt" "$work/judged.state" 96.5 --now 2026-12-01T10:01:00Z
expect rollout.score.bad 2 "" -- "${ro[@]}" score "$work/judged.txt" "$work/judged.state" x --now 2026-12-01T10:01:00Z
expect_stderr rollout.score.bad "relkit: expected a score (a number), got 'x'$nl"
# Blue-green and progressive plans (Argo's blueGreen, Flagger's analysis).
cat >"$work/bg.txt" <<'PLAN'
strategy blue_green
autoPromotionSeconds 30
prePromotionAnalysis smoke
  metric success-rate count 3 interval 10s successCondition >= 0.95
PLAN
expect rollout.simulate.bg 0 "0s         deploy canary; switch preview to it
0s         pre-promotion analysis smoke (success-rate: 3 measurements every 10s), up to 20s
20s        pause 30s
50s        switch active to the canary (weight 100)
50s        promote: the canary becomes stable; the previous stable scaled down after 30s
worst-case duration: 50s
" -- "${ro[@]}" simulate "$work/bg.txt"
cat >"$work/flagger.txt" <<'PLAN'
strategy progressive
interval 1m
threshold 3
stepWeight 25
maxWeight 50
metric request-success-rate min 99
PLAN
expect rollout.simulate.progressive 0 "0s         deploy canary (weight 0); one check every 1m
1m         set weight 25 (after a passing check)
2m         set weight 50 (after a passing check)
3m         promote: the canary becomes stable; the previous stable scaled down after 30s
worst-case duration: 5m (3m with every check passing, plus 2 failed checks of 1m, one short of threshold 3)
" -- "${ro[@]}" simulate "$work/flagger.txt"
"${ro[@]}" init "$work/flagger.txt" "$work/flagger.state" --stable v1 >/dev/null
"${ro[@]}" start "$work/flagger.txt" "$work/flagger.state" --canary v2 --now 2026-12-01T10:00:00Z >/dev/null
"${ro[@]}" measurement "$work/flagger.txt" "$work/flagger.state" request-success-rate=99.5 \
  --now 2026-12-01T10:00:30Z >/dev/null
expect rollout.progressive.tick 0 "action set_weight 25
state progressing step 1 weight 25 pause none
" -- "${ro[@]}" tick "$work/flagger.txt" "$work/flagger.state" --now 2026-12-01T10:01:00Z
"${ro[@]}" measurement "$work/flagger.txt" "$work/flagger.state" request-success-rate=98 \
  --now 2026-12-01T10:01:30Z >/dev/null
expect rollout.progressive.failed 0 "state progressing step 1 weight 25 pause none$nl" \
  -- "${ro[@]}" tick "$work/flagger.txt" "$work/flagger.state" --now 2026-12-01T10:02:00Z
expect_same rollout.progressive.checks "$(grep '^failed_checks ' "$work/flagger.state")" "failed_checks 1"
# Errors: the plan's and the state's with their line and column, usage with exit 2.
printf 'strategy canary\nsetWeight 20\npause 1d\n' >"$work/bad-plan.txt"
expect rollout.plan.syntax 2 "" -- "${ro[@]}" simulate "$work/bad-plan.txt"
expect_stderr rollout.plan.syntax "relkit: $work/bad-plan.txt:3:7: expected a duration (30s, 10m, 1h30m or seconds), got '1d' [rollout.bad_plan_format]$nl"
printf 'strategy canary\nsetWeight 20\nsetWeight 120\n' >"$work/bad-weight.txt"
expect rollout.plan.weight 2 "" -- "${ro[@]}" simulate "$work/bad-weight.txt"
expect_stderr rollout.plan.weight "relkit: $work/bad-weight.txt:3:1: the weight of step 1 is 120, outside 0..100 [rollout.weight_out_of_range]$nl"
expect rollout.state.other 2 "" -- "${ro[@]}" tick "$work/flagger.txt" "$st" --now 2026-12-01T10:00:00Z
expect_stderr rollout.state.other "relkit: $st:2:6: the state was made for another plan [rollout.state_mismatch]$nl"
expect rollout.state.missing 2 "" -- "${ro[@]}" tick "$plan" "$work/none.state" --now 2026-12-01T10:00:00Z
expect_stderr rollout.state.missing "relkit: cannot read $work/none.state: no such state file (create it with relkit rollout init)$nl"
expect rollout.plan.missing 2 "" -- "${ro[@]}" simulate "$work/none.txt"
expect_stderr rollout.plan.missing "relkit: cannot read $work/none.txt: No such file or directory$nl"
expect rollout.now.missing 2 "" -- "${ro[@]}" tick "$plan" "$st"
expect_stderr rollout.now.missing "relkit: rollout tick needs --now TIME$nl"
expect rollout.now.bad 2 "" -- "${ro[@]}" tick "$plan" "$st" --now 2026-12-01
expect_stderr rollout.now.bad "relkit: --now: expected a time YYYY-MM-DDTHH:MM:SSZ, got '2026-12-01'$nl"
expect rollout.full.tick 2 "" -- "${ro[@]}" tick "$plan" "$st" --now 2026-12-01T10:00:00Z --full
expect_stderr rollout.full.tick "relkit: rollout tick does not take --full$nl"
expect rollout.init.stable 2 "" -- "${ro[@]}" init "$plan" "$work/new.state"
expect_stderr rollout.init.stable "relkit: rollout init needs --stable ID$nl"
expect rollout.measurement.pair 2 "" -- "${ro[@]}" measurement "$plan" "$st" error-rate --now 2026-12-01T10:00:00Z
expect_stderr rollout.measurement.pair "relkit: expected NAME=VALUE, got 'error-rate'$nl"
expect rollout.measurement.value 2 "" -- "${ro[@]}" measurement "$plan" "$st" error-rate=low --now 2026-12-01T10:00:00Z
expect_stderr rollout.measurement.value "relkit: expected a number or successful, failed, inconclusive or error, got 'low'$nl"
expect rollout.arity 2 "" -- "${ro[@]}" tick "$plan"
expect_stderr rollout.arity "relkit: rollout tick takes PLAN STATE$nl"
expect rollout.extra 2 "" -- "${ro[@]}" tick "$plan" "$st" more --now 2026-12-01T10:00:00Z
expect_stderr rollout.extra "relkit: unexpected argument 'more'${nl}Try 'relkit rollout --help'.$nl"
expect rollout.none 2 "" -- "${ro[@]}"
expect_stderr rollout.none "relkit: rollout needs a command: init, start, tick, measurement, score, promote, abort, retry, pause, resume, status or simulate$nl"
expect rollout.unknown 2 "" -- "${ro[@]}" deploy "$plan"
expect_stderr rollout.unknown "relkit: unknown rollout command 'deploy'$nl"
# Help: the command's, also after a subcommand, on stdout with exit 0.
for command in "flags eval stale" "rollout tick simulate"; do
  read -r name first second <<<"$command"
  command_help="$("$relkit" "$name" --help)$nl"
  for words in "--help" "$first --help" "$second -h"; do
    # shellcheck disable=SC2086
    expect "$name.help.$words" 0 "$command_help" -- "$relkit" "$name" $words
  done
  expect "$name.help.via.help" 0 "$command_help" -- "$relkit" help "$name"
done

# ------------------------------------------------ a real git repository
if ! command -v git >/dev/null; then
  echo "git not found: the repository checks are skipped"
else
  repo="$work/repo"
  mkdir "$repo"
  export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME="Ada Lovelace" \
    GIT_AUTHOR_EMAIL=ada@example.com GIT_COMMITTER_NAME="Ada Lovelace" \
    GIT_COMMITTER_EMAIL=ada@example.com
  g() { git -C "$repo" -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
  minute=0
  # commit FILE MESSAGE: one commit a minute, so that git log's order is fixed
  commit() {
    minute=$((minute + 1))
    local when
    when="$(printf '2026-11-20T10:%02d:00Z' "$minute")"
    echo "$minute" >"$repo/$1"
    g add "$1"
    GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" g commit -q -m "$2"
  }
  g init -q
  g config user.name "Ada Lovelace"
  g config user.email ada@example.com
  g checkout -q -b main
  commit a "feat: first feature"
  g tag v1.4.1
  commit b $'fix(parser): handle empty input\n\nCloses #12'
  commit c "docs: explain the flags"
  g checkout -q -b speed
  commit d "perf(bucket): hash once per flag"
  g checkout -q main
  commit e "feat(api): add the export endpoint"
  minute=$((minute + 1))
  GIT_AUTHOR_DATE="2026-11-20T10:${minute}:00Z" GIT_COMMITTER_DATE="2026-11-20T10:${minute}:00Z" \
    g merge -q --no-ff -m "Merge branch 'speed'" speed
  log() { g log --format=%H%x1f%P%x1f%B%x1e "$@"; }
  sha() { g rev-parse "$1"; }
  short() { g rev-parse --short=7 "$1"; }
  fix_sha="$(sha main^1~2)"  # fix(parser)
  perf_sha="$(sha speed)"
  feat_sha="$(sha main^1)"   # feat(api), first parent of the merge
  url=https://github.com/acme/app

  stdin_text="$(log v1.4.1..HEAD)"
  expect git.next 0 "1.5.0$nl" -- "$relkit" next-version --log - --current 1.4.1
  expect git.next.explain 0 \
    "1.5.0${nl}minor: 'feat(api): add the export endpoint' ($(short main^1)) matched feat -> minor$nl" \
    -- "$relkit" next-version --log - --current 1.4.1 --explain
  expect git.next.rc 0 "1.5.0-rc.1$nl" -- "$relkit" next-version --log - --current 1.4.1 --prerelease rc
  expect git.next.rc2 0 "1.5.0-rc.2$nl" -- "$relkit" next-version --log - --current v1.5.0-rc.1 --prerelease rc
  expect git.next.graduate 0 "1.5.0$nl" -- "$relkit" next-version --log - --current 1.5.0-rc.2
  expect git.next.bad.current 2 "" -- "$relkit" next-version --log - --current 1.4
  expect_stderr git.next.bad.current "relkit: --current: "
  expect git.next.no.current 2 "" -- "$relkit" next-version --log -
  expect_stderr git.next.no.current "--current VERSION is required"

  section="## [1.5.0]($url/compare/v1.4.1...v1.5.0) (2026-11-23)

### Features

* **api:** add the export endpoint ([$(short "$feat_sha")]($url/commit/$feat_sha))

### Bug Fixes

* **parser:** handle empty input ([$(short "$fix_sha")]($url/commit/$fix_sha)), closes [#12]($url/issues/12)

### Performance Improvements

* **bucket:** hash once per flag ([$(short "$perf_sha")]($url/commit/$perf_sha))
"
  expect git.changelog 0 "$section" \
    -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url.git" --date 2026-11-23
  kac="## [1.5.0] - 2026-11-23

### Added

- **api:** add the export endpoint

### Changed

- **bucket:** hash once per flag

### Fixed

- **parser:** handle empty input
"
  # The same version and section as the library calls on the same log text.
  if [[ -n "$library_answer" ]]; then
    stdin_text="$(log v1.4.1..HEAD)"
    answer="$(printf '%s' "$stdin_text" | "$library_answer" 1.4.1 "$url" 2026-11-23; printf x)"
    answer="${answer%x}"
    expect git.library.version 0 "${answer%%"$nl"*}$nl" -- "$relkit" next-version --log - --current 1.4.1
    expect git.library.section 0 "${answer#*"$nl"}" \
      -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 2026-11-23
  fi
  expect git.changelog.kac 0 "$kac" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" \
    --style keepachangelog --date 2026-11-23
  expect git.changelog.style 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --style rst
  expect git.changelog.preset 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --preset rst
  expect git.changelog.date 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 23.11.2026

  # ---------------------------------------- the repository read by relkit itself (git)
  # Without --log the command runs git: the last release is the highest tag reachable from
  # HEAD that matches the tag format and parses, prereleases and tags that do not parse
  # ("v", "vnext") skipped; the commits are those since it. Same answers as the log above.
  export GIT_CEILING_DIRECTORIES="$work"
  saved_stdin="$stdin_text"
  stdin_text=""
  g tag v "$fix_sha"
  g tag vnext "$fix_sha"
  g tag v1.5.0-rc.1 "$(sha main^1~1)"  # docs: a prerelease tag
  g tag app@3.0.0 "$fix_sha"
  g tag pkg/v0.3.0 "$feat_sha"
  g checkout -q -b unmerged v1.4.1
  commit u "feat!: never merged"
  g tag v9.0.0
  g checkout -q main
  expect git.repo.next 0 "1.5.0$nl" -- "$relkit" next-version --repo "$repo"
  expect_quiet git.repo.next
  expect git.repo.cwd 0 \
    "1.5.0${nl}minor: 'feat(api): add the export endpoint' ($(short main^1)) matched feat -> minor$nl" \
    -- bash -c 'cd "$1" && "$2" next-version --explain' _ "$repo" \
    "$(cd "$(dirname "$relkit")" && pwd)/$(basename "$relkit")"
  expect git.repo.changelog 0 "$section" \
    -- "$relkit" changelog --repo "$repo" --repo-url "$url.git" --date 2026-11-23
  expect git.repo.to 0 "1.4.2$nl" -- "$relkit" next-version --repo "$repo" --to "$fix_sha"
  expect git.repo.from 0 "1.4.2$nl" -- "$relkit" next-version --repo "$repo" --from v1.4.1 \
    --to "$fix_sha"
  expect git.repo.from.docs 1 "1.4.1$nl" -- "$relkit" next-version --repo "$repo" --from "$fix_sha" \
    --to main^1~1
  expect git.repo.current 0 "2.1.0$nl" -- "$relkit" next-version --repo "$repo" --current 2.0.0
  expect git.repo.prerelease 0 "1.5.0-rc.2$nl" -- "$relkit" next-version --repo "$repo" \
    --prerelease rc
  expect git.repo.format.at 0 "3.1.0$nl" -- "$relkit" next-version --repo "$repo" \
    --tag-format 'app@${version}'
  expect git.repo.format.slash 0 "0.3.1$nl" -- "$relkit" next-version --repo "$repo" \
    --tag-format 'pkg/v${version}'
  app_section="$("$relkit" changelog --repo "$repo" --repo-url "$url" --tag-format 'app@${version}' \
    --date 2026-11-23 | head -1)"
  checks=$((checks + 1))
  if [[ "$app_section" != "## [3.1.0]($url/compare/app@3.0.0...app@3.1.0) (2026-11-23)" ]]; then
    failures=$((failures + 1))
    printf 'FAIL git.repo.format.changelog: %s\n' "$app_section"
  fi
  expect git.repo.format.prefix 0 "$section" -- "$relkit" changelog --repo "$repo" \
    --repo-url "$url.git" --date 2026-11-23 --tag-prefix v
  expect git.repo.format.both 2 "" -- "$relkit" changelog --repo "$repo" --repo-url "$url" \
    --tag-prefix v --tag-format 'v${version}'
  expect_stderr git.repo.format.both "relkit: --tag-prefix P is the tag format P\${version}: give one of the two"
  expect git.repo.format.bad 2 "" -- "$relkit" next-version --repo "$repo" --tag-format 'app-{version}'
  expect_stderr git.repo.format.bad "relkit: --tag-format: expected \${version} in a tag format at 13 [commits.bad_tag_format]"
  expect git.repo.format.brace 2 "" -- "$relkit" next-version --repo "$repo" --tag-format 'app@{version}'
  expect_stderr git.repo.format.brace "relkit: --tag-format: a git tag name cannot contain '@{' at 3 [commits.bad_tag_name]"
  expect git.repo.format.space 2 "" -- "$relkit" next-version --repo "$repo" --tag-format 'v ${version}'
  expect_stderr git.repo.format.space "relkit: --tag-format: a git tag name cannot contain ' ' at 1 [commits.bad_tag_name]"
  expect git.repo.log.conflict 2 "" -- "$relkit" next-version --log - --current 1.4.1 --from v1.4.1
  expect_stderr git.repo.log.conflict "relkit: --from reads the repository: it cannot be used with --log"
  expect git.repo.unknown.ref 2 "" -- "$relkit" next-version --repo "$repo" --to nope
  expect_stderr git.repo.unknown.ref "relkit: no commit named 'nope' (git -C $repo rev-parse --verify --quiet nope^{commit}: exit status 1)"
  expect git.repo.dash.ref 2 "" -- "$relkit" next-version --repo "$repo" --from=--output=x
  expect_stderr git.repo.dash.ref "relkit: the ref '--output=x' begins with '-', which git would read as an option"
  mkdir "$work/plain"
  expect git.repo.none 2 "" -- "$relkit" next-version --repo "$work/plain"
  expect_stderr git.repo.none "relkit: not a git repository: run in a repository or pass --repo DIR (git -C $work/plain rev-parse --verify --quiet HEAD^{commit}: fatal: not a git repository"
  expect git.repo.missing 2 "" -- "$relkit" next-version --repo "$work/missing"
  expect_stderr git.repo.missing "relkit: cannot enter the --repo directory (git -C $work/missing rev-parse --verify --quiet HEAD^{commit}: fatal: cannot change to '$work/missing': No such file or directory)"
  expect git.repo.no.git 2 "" -- env PATH="$work/plain" "$relkit" next-version --repo "$repo"
  expect_stderr git.repo.no.git "relkit: git not found: install git or put it on PATH (relkit runs \`git -C $repo rev-parse --verify --quiet HEAD^{commit}\`)"
  # --log FILE: a prepared log from a file; errors name the file.
  log v1.4.1..HEAD >"$work/range.log"
  expect git.log.file 0 "1.5.0$nl" -- "$relkit" next-version --log "$work/range.log" --current 1.4.1
  g log --format=%H%x1e -1 >"$work/bad.log"
  expect git.log.file.bad 2 "" -- "$relkit" next-version --log "$work/bad.log" --current 1.4.1
  expect_stderr git.log.file.bad "relkit: $work/bad.log:1:1: expected \`%H 0x1f %P 0x1f %B\` in a git log record [commits.bad_log_record]$nl"
  expect_stderr git.log.file.bad "relkit: the log must be exactly what \`git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD\` writes$nl"
  expect git.log.file.missing 2 "" -- "$relkit" next-version --log "$work/nothing.log" --current 1.4.1
  expect_stderr git.log.file.missing "relkit: cannot read $work/nothing.log: No such file or directory$nl"

  # No release tag yet: the whole history, and the first release is 1.0.0 (semantic-release).
  fresh="$work/fresh"
  mkdir "$fresh"
  git -C "$fresh" init -q -b main
  git -C "$fresh" -c user.name=t -c user.email=t@t commit -q --allow-empty -m "chore: init"
  git -C "$fresh" tag vnext
  expect git.first.none 1 "" -- "$relkit" next-version --repo "$fresh"
  expect git.first.none.explain 1 "no release: no commit calls for one$nl" -- "$relkit" next-version \
    --repo "$fresh" --explain
  expect git.first.changelog.none 1 "" -- "$relkit" changelog --repo "$fresh" --repo-url "$url"
  git -C "$fresh" -c user.name=t -c user.email=t@t commit -q --allow-empty -m "fix: first fix"
  first_sha="$(git -C "$fresh" rev-parse HEAD)"
  expect git.first 0 "1.0.0$nl" -- "$relkit" next-version --repo "$fresh"
  expect git.first.explain 0 \
    "1.0.0${nl}patch: 'fix: first fix' (${first_sha:0:7}) matched fix -> patch (first release: 1.0.0)$nl" \
    -- "$relkit" next-version --repo "$fresh" --explain
  expect git.first.rc 0 "1.0.0-rc.1$nl" -- "$relkit" next-version --repo "$fresh" --prerelease rc
  expect git.first.changelog 0 "## 1.0.0 (2026-11-23)

### Bug Fixes

* first fix ([${first_sha:0:7}]($url/commit/$first_sha))
" -- "$relkit" changelog --repo "$fresh" --repo-url "$url" --date 2026-11-23
  # An explicit --current still decides from the whole history.
  expect git.first.current 0 "0.4.1$nl" -- "$relkit" next-version --repo "$fresh" --current 0.4.0
  git -C "$fresh" tag v1.0.0
  expect git.first.tagged 1 "1.0.0$nl" -- "$relkit" next-version --repo "$fresh"
  stdin_text="$saved_stdin"

  old="# Changelog

## [1.4.1]($url/compare/v1.4.0...v1.4.1) (2026-11-01)

### Bug Fixes

* an old fix
"
  printf '%s' "$old" >"$work/CHANGELOG.md"
  expect git.prepend 0 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" \
    --date 2026-11-23 --prepend "$work/CHANGELOG.md"
  checks=$((checks + 1))
  want_file="# Changelog

$section
${old#"# Changelog

"}"
  if [[ "$(cat "$work/CHANGELOG.md"; printf x)" != "${want_file}x" ]]; then
    failures=$((failures + 1))
    printf 'FAIL git.prepend.file:\n%s\n--- want:\n%s\n' "$(cat "$work/CHANGELOG.md")" "$want_file"
  fi
  cp "$work/CHANGELOG.md" "$work/CHANGELOG.before"
  expect git.prepend.again 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" \
    --date 2026-11-23 --prepend "$work/CHANGELOG.md"
  expect_stderr git.prepend.again "relkit: $work/CHANGELOG.md: "
  expect_stderr git.prepend.again "[changelog.version_exists]"
  checks=$((checks + 1))
  if ! cmp -s "$work/CHANGELOG.md" "$work/CHANGELOG.before"; then
    failures=$((failures + 1))
    echo "FAIL git.prepend.again: the file changed"
  fi

  # --prepend writes the real file behind a chain of symbolic links (a relative target is
  # relative to its link's directory) and keeps the links, the file's mode and owner; a
  # read-only file is refused; the new bytes go to a temporary file beside the real file,
  # which is renamed over it. Every I/O error names the file and the system's reason.
  stdin_text="$(log v1.4.1..HEAD)"
  files="$work/files"
  mkdir -p "$files/docs" "$files/notes"
  prepend() { "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 2026-11-23 --prepend "$1"; }
  link_or_file() { if [[ -L "$1" ]]; then echo "link to $(readlink "$1")"; else echo file; fi; }
  saved_umask="$(umask)"
  umask 022  # so that a kept mode 0664 differs from what a new file would get
  printf '%s' "$old" >"$files/notes/CHANGES.md"
  chmod 664 "$files/notes/CHANGES.md"
  ln -s docs/CHANGELOG.link "$files/CHANGELOG.md"
  ln -s ../notes/CHANGES.md "$files/docs/CHANGELOG.link"
  expect prepend.symlink 0 "" -- prepend "$files/CHANGELOG.md"
  expect_quiet prepend.symlink
  expect_file prepend.symlink.target "$files/notes/CHANGES.md" "$want_file"
  expect_same prepend.symlink.link "$(link_or_file "$files/CHANGELOG.md")" "link to docs/CHANGELOG.link"
  expect_same prepend.symlink.link2 "$(link_or_file "$files/docs/CHANGELOG.link")" \
    "link to ../notes/CHANGES.md"
  expect_same prepend.mode "$(stat -c %a "$files/notes/CHANGES.md")" 664
  printf '%s' "$old" >"$files/group.md"
  chmod 664 "$files/group.md"
  expect prepend.mode.plain 0 "" -- prepend "$files/group.md"
  expect_file prepend.mode.plain.file "$files/group.md" "$want_file"
  expect_same prepend.mode.plain.mode "$(stat -c %a "$files/group.md")" 664
  expect_same prepend.no.temporary "$(ls -A "$files/notes" "$files/docs" | tr '\n' ' ')" \
    "$files/docs: CHANGELOG.link  $files/notes: CHANGES.md "
  # A missing file is created as any program creates one (0666 minus the umask); through a
  # dangling link, the link's target is.
  expect prepend.new 0 "" -- prepend "$files/NEW.md"
  expect_file prepend.new.file "$files/NEW.md" "$section"
  expect_same prepend.new.mode "$(stat -c %a "$files/NEW.md")" 644
  ln -s notes/LATER.md "$files/LATER.md"
  expect prepend.dangling 0 "" -- prepend "$files/LATER.md"
  expect_file prepend.dangling.file "$files/notes/LATER.md" "$section"
  expect_same prepend.dangling.link "$(link_or_file "$files/LATER.md")" "link to notes/LATER.md"
  # Read-only (no write permission for anybody): refused, even for the superuser, whom the
  # system would let write; the file and its mode stay as they are.
  printf '%s' "$old" >"$files/ro.md"
  chmod 444 "$files/ro.md"
  ln -s ro.md "$files/ro-link.md"
  expect prepend.readonly 2 "" -- prepend "$files/ro.md"
  expect_stderr prepend.readonly "relkit: cannot write $files/ro.md: the file is read-only (mode 0444); make it writable (chmod u+w $files/ro.md) and run again$nl"
  expect_file prepend.readonly.file "$files/ro.md" "$old"
  expect_same prepend.readonly.mode "$(stat -c %a "$files/ro.md")" 444
  expect prepend.readonly.link 2 "" -- prepend "$files/ro-link.md"
  expect_stderr prepend.readonly.link "relkit: cannot write $files/ro.md (the target of $files/ro-link.md): the file is read-only (mode 0444)"
  expect prepend.nodir 2 "" -- prepend "$files/nodir/CHANGELOG.md"
  expect_stderr prepend.nodir "relkit: cannot create $files/nodir/CHANGELOG.md: No such file or directory$nl"
  expect_same prepend.nodir.absent "$(ls "$files/nodir" 2>&1 >/dev/null | wc -l)" 1
  expect prepend.directory 2 "" -- prepend "$files/docs"
  expect_stderr prepend.directory "relkit: cannot write $files/docs: Is a directory$nl"
  ln -s loop2 "$files/loop1"
  ln -s loop1 "$files/loop2"
  expect prepend.loop 2 "" -- prepend "$files/loop1"
  expect_stderr prepend.loop "relkit: cannot resolve $files/loop1: Too many levels of symbolic links$nl"
  # A file with two names (a hard link): rewritten in place, so both names see the new text
  # and stay one file (a rename would leave the other name with the old text).
  printf '%s' "$old" >"$files/linked.md"
  ln "$files/linked.md" "$files/also-linked.md"
  expect prepend.hardlink 0 "" -- prepend "$files/linked.md"
  expect_file prepend.hardlink.file "$files/linked.md" "$want_file"
  expect_file prepend.hardlink.other "$files/also-linked.md" "$want_file"
  expect_same prepend.hardlink.one "$(stat -c '%h %i' "$files/also-linked.md")" \
    "$(stat -c '%h %i' "$files/linked.md")"
  expect_same prepend.hardlink.count "$(stat -c %h "$files/linked.md")" 2
  # Extended attributes (user.*; POSIX ACLs are system.* attributes copied the same way)
  # move to the new file, where the file system has them.
  printf '%s' "$old" >"$files/attr.md"
  if python3 -c 'import os,sys; os.setxattr(sys.argv[1], "user.relkit.test", b"kept\x00!")' \
    "$files/attr.md" 2>/dev/null; then
    expect prepend.xattr 0 "" -- prepend "$files/attr.md"
    expect_file prepend.xattr.file "$files/attr.md" "$want_file"
    expect_same prepend.xattr.kept \
      "$(python3 -c 'import os,sys; print(os.getxattr(sys.argv[1], "user.relkit.test"))' "$files/attr.md")" \
      "b'kept\x00!'"
  else
    echo "this file system has no user extended attributes: the attribute check is skipped"
  fi
  umask "$saved_umask"
  if [[ "$(id -u)" == 0 ]]; then
    # The owner is kept (only the superuser may give a file to another user).
    printf '%s' "$old" >"$files/owned.md"
    chown 4321:4322 "$files/owned.md"
    expect prepend.owner 0 "" -- prepend "$files/owned.md"
    expect_same prepend.owner.kept "$(stat -c %u:%g "$files/owned.md")" 4321:4322
  else
    echo "not root: the owner check is skipped (only root can make a file another user's)"
  fi
  # Another user's file in a directory anybody may write: rename() would replace it, the
  # file's permissions refuse. Needs a second user: as root, setpriv runs relkit as nobody.
  if [[ "$(id -u)" == 0 ]] && command -v setpriv >/dev/null; then
    chmod 755 "$work"
    shared="$work/shared"
    mkdir -m 777 "$shared"
    printf '%s' "$old" >"$shared/CHANGELOG.md"
    chmod 644 "$shared/CHANGELOG.md"
    printf '%s' "$old" >"$shared/secret.md"
    chmod 600 "$shared/secret.md"
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    expect prepend.other.user 2 "" -- as_nobody "$relkit" changelog --log - --current 1.4.1 \
      --repo-url "$url" --prepend "$shared/CHANGELOG.md"
    expect_stderr prepend.other.user "relkit: cannot write $shared/CHANGELOG.md: Permission denied (mode 0644, owner uid 0); make it writable for you and run again$nl"
    expect_file prepend.other.user.file "$shared/CHANGELOG.md" "$old"
    expect prepend.unreadable 2 "" -- as_nobody "$relkit" changelog --log - --current 1.4.1 \
      --repo-url "$url" --prepend "$shared/secret.md"
    expect_stderr prepend.unreadable "relkit: cannot read $shared/secret.md: Permission denied$nl"
    expect_file prepend.unreadable.file "$shared/secret.md" "$old"
    chmod 700 "$work"
  else
    echo "not root or no setpriv: the checks as another user are skipped"
  fi

  # Messages that point at the fix.
  # A log whose line ends became CRLF, or without the 0x1e terminator: the format to use.
  stdin_text="$(log v1.4.1..HEAD | sed 's/$/\r/')"
  expect log.crlf 2 "" -- "$relkit" next-version --log - --current 1.4.1
  expect_stderr log.crlf "relkit: stdin (git log): line 2, column 2: the line ends are CRLF (\\r\\n) where git writes \\n$nl"
  expect_stderr log.crlf "relkit: the log must be exactly what \`git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD\` writes$nl"
  stdin_text="$(g log --format=%H%x1f%P%x1f%B v1.4.1..HEAD)"
  expect log.no.terminator 2 "" -- "$relkit" next-version --log - --current 1.4.1
  expect_stderr log.no.terminator "relkit: stdin (git log): line 1, column 1: expected the 0x1e terminator in a git log record [commits.bad_log_record]$nl"
  expect_stderr log.no.terminator "relkit: the log must be exactly what \`git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD\` writes$nl"
  # Positions in stdin are a line and a column: the second record's parent is not a sha.
  stdin_text="$(log -1 HEAD)$nl$(sha HEAD)"$'\x1f'"abc"$'\x1f'$'docs: x\n\x1e'
  expect log.position 2 "" -- "$relkit" next-version --log - --current 2.0.0
  expect_stderr log.position "relkit: stdin (git log): line 3, column 42: expected a parent sha of 7-64 hex digits in a git log record [commits.bad_log_record]$nl"
  stdin_text="$(log v1.4.1..HEAD)"
  expect current.patch 2 "" -- "$relkit" next-version --log - --current 1.2
  expect_stderr current.patch "relkit: --current: '1.2' lacks a patch number; write 1.2.0$nl"
  expect current.minor 2 "" -- "$relkit" changelog --log - --current v1 --repo-url "$url"
  expect_stderr current.minor "relkit: --current: 'v1' lacks a minor and a patch number; write 1.0.0$nl"
  expect current.prerelease 2 "" -- "$relkit" next-version --log - --current 1.5-rc.1
  expect_stderr current.prerelease "relkit: --current: '1.5-rc.1' lacks a patch number; write 1.5.0-rc.1$nl"
  expect current.tag 2 "" -- "$relkit" next-version --log - --current pkg@1.2.3
  expect_stderr current.tag "relkit: --current: 'pkg@1.2.3' is a tag name, not a version; write 1.2.3 (tags named like it: --tag-format 'pkg@\${version}')$nl"
  expect current.tag.v 2 "" -- "$relkit" next-version --log - --current release-v1.2.3
  expect_stderr current.tag.v "relkit: --current: 'release-v1.2.3' is a tag name, not a version; write 1.2.3 (tags named like it: --tag-format 'release-v\${version}')$nl"
  expect current.other 2 "" -- "$relkit" next-version --log - --current 1.2.x
  expect_stderr current.other "relkit: --current: unexpected 'x' while parsing patch version at 4 [semver.unexpected_character]$nl"
  expect date.calendar 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 2026-02-31
  expect_stderr date.calendar "relkit: --date: '2026-02-31' is not a date in the calendar (expected YYYY-MM-DD)$nl"
  expect date.shape 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 23.11.2026
  expect_stderr date.shape "relkit: --date: expected a date YYYY-MM-DD, got '23.11.2026'$nl"
  expect date.leap 0 "${section/2026-11-23/2024-02-29}" \
    -- "$relkit" changelog --log - --current 1.4.1 --repo-url "$url" --date 2024-02-29
  expect repo.url.scheme 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url github.com/acme/app
  expect_stderr repo.url.scheme "relkit: --repo-url: 'github.com/acme/app' lacks the scheme; write https://github.com/acme/app$nl"
  expect repo.url.other 2 "" -- "$relkit" changelog --log - --current 1.4.1 --repo-url acme/app
  expect_stderr repo.url.other "relkit: --repo-url: expected a scheme or host: at 0 [changelog.bad_repository_url]$nl"

  # semver sort in a repository with a tag literally named `v` (and `vnext`, `v1.2`): they
  # are left out, as node-semver's `semver $(git tag --list 'v*')` leaves them out.
  tags="$work/tags"
  git init -q "$tags"
  git -C "$tags" -c commit.gpgsign=false commit -q --allow-empty -m "chore: start"
  for t in v v1.2 v1.2.3 v1.9.0+build.7 v1.10.0 v2.0.0-rc.1 vnext; do git -C "$tags" tag "$t"; done
  stdin_text="$(git -C "$tags" tag --list 'v*')"
  expect tags.sort 0 "1.2.3${nl}1.9.0${nl}1.10.0${nl}2.0.0-rc.1$nl" -- "$relkit" semver sort
  expect tags.sort.original 0 "v2.0.0-rc.1${nl}v1.10.0${nl}v1.9.0+build.7${nl}v1.2.3$nl" \
    -- "$relkit" semver sort --reverse --original
  expect_quiet tags.sort.original
  latest="$(git -C "$tags" tag --list 'v*' | "$relkit" semver sort --reverse --original | head -1)"
  expect_same tags.latest "$latest" v2.0.0-rc.1

  # A breaking change after the merge: major.
  commit f $'feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: /v1 is gone'
  stdin_text="$(log v1.4.1..HEAD)"
  expect git.next.major 0 "2.0.0$nl" -- "$relkit" next-version --log - --current 1.4.1
  # Only documentation since the last commit: no release, the current version, exit 1.
  commit g "docs: more words"
  stdin_text="$(log HEAD~1..HEAD)"
  expect git.next.none 1 "2.0.0$nl" -- "$relkit" next-version --log - --current 2.0.0
  expect git.changelog.none 1 "" -- "$relkit" changelog --log - --current 2.0.0 --repo-url "$url"
  stdin_text=""
  expect git.next.empty 1 "2.0.0$nl" -- "$relkit" next-version --log - --current 2.0.0
  # Not git log's format: an input error at the record's byte.
  stdin_text="$(g log --format=%H%x1e HEAD~1..HEAD)"
  expect git.next.badlog 2 "" -- "$relkit" next-version --log - --current 2.0.0
  expect_stderr git.next.badlog "relkit: stdin (git log): line 1, column 1: expected \`%H 0x1f %P 0x1f %B\` in a git log record [commits.bad_log_record]$nl"

  # ------------------------------------ changelog --all: the whole file of a repository
  # Tags: v0.1.0 lightweight, v1.0.0 annotated (on a merge), v1.1.0-beta.1 a prerelease,
  # vnext that does not parse, v1.1.0 annotated, v9.0.0 on a branch never merged. The
  # branch `late` starts before v1.1.0 and is merged after it: its commit is unreleased (a
  # commit belongs to the earliest tag that reaches it). Commits before the first tag,
  # unreleased ones on top, a .git-blame-ignore-revs. The two git-cliff outputs below are
  # what git-cliff 2.14.2 writes for this repository (`git-cliff --tag-pattern '^v[0-9]'`,
  # and with `--config keepachangelog`), byte for byte.
  hist="$work/history"
  mkdir "$hist"
  h() { git -C "$hist" -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
  hn=0
  # hcommit DATE MESSAGE: a commit at DATE (author and committer dates)
  hcommit() {
    hn=$((hn + 1))
    echo "$hn" >"$hist/f$hn"
    h add "f$hn"
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" h commit -q -m "$2"
  }
  # hmerge DATE BRANCH: a merge commit of BRANCH at DATE
  hmerge() {
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" h merge -q --no-ff -m "Merge branch '$2'" "$2"
  }
  h init -q
  h checkout -q -b main
  hcommit 2024-01-01T10:00:00Z "chore: init"
  hcommit 2024-01-02T10:00:00Z "feat: first feature"
  hcommit 2024-01-03T10:00:00Z "Initial docs"
  h tag v0.1.0
  hcommit 2024-02-01T10:00:00Z $'fix(parser): handle empty input\n\nCloses #12'
  h checkout -q -b topic
  hcommit 2024-02-02T10:00:00Z "feat(api): branch feature"
  h checkout -q main
  hcommit 2024-02-03T10:00:00Z "docs: readme"
  hmerge 2024-02-04T10:00:00Z topic
  GIT_COMMITTER_DATE=2024-02-05T10:00:00Z h tag -a v1.0.0 -m "release 1.0.0"
  h checkout -q -b late
  hcommit 2024-02-10T10:00:00Z "feat(cli): started before 1.1.0, merged after"
  h checkout -q -b unmerged
  hcommit 2024-02-11T10:00:00Z "feat: never merged"
  h tag v9.0.0
  h checkout -q main
  # 23:30 at UTC-5: 2024-03-02 in UTC, the date shown
  hcommit 2024-03-01T23:30:00-05:00 "feat: beta thing"
  h tag v1.1.0-beta.1
  hcommit 2024-03-05T10:00:00Z "fix: after beta"
  h tag vnext
  hcommit 2024-03-06T10:00:00Z $'feat!: breaking change\n\nBREAKING CHANGE: the old flag is gone'
  h tag -a v1.1.0 -m "v1.1.0"
  hmerge 2024-03-20T10:00:00Z late
  hcommit 2024-04-01T10:00:00Z "fix: unreleased fix"
  hcommit 2024-04-02T10:00:00Z "style: reformat"
  reformat="$(h rev-parse HEAD)"
  # git-cliff leaves out the commits .git-blame-ignore-revs names and those changing only it.
  printf '# the reformat\n%s\n' "${reformat:0:12}" >"$hist/.git-blame-ignore-revs"
  h add .git-blame-ignore-revs
  GIT_AUTHOR_DATE=2024-04-03T10:00:00Z GIT_COMMITTER_DATE=2024-04-03T10:00:00Z \
    h commit -q -m "chore: ignore the reformat in blame"
  hcommit 2024-04-04T10:00:00Z "perf: faster"

  cliff_older="## [1.1.0] - 2024-03-06

### 🚀 Features

- [**breaking**] Breaking change

### 🐛 Bug Fixes

- After beta
## [1.1.0-beta.1] - 2024-03-02

### 🚀 Features

- Beta thing
## [1.0.0] - 2024-02-04

### 🚀 Features

- *(api)* Branch feature

### 🐛 Bug Fixes

- *(parser)* Handle empty input

### 📚 Documentation

- Readme
## [0.1.0] - 2024-01-03

### 🚀 Features

- First feature

### ⚙️ Miscellaneous Tasks

- Init
"
  expect all.git-cliff 0 "## [unreleased]

### 🚀 Features

- *(cli)* Started before 1.1.0, merged after

### 🐛 Bug Fixes

- Unreleased fix

### ⚡ Performance

- Faster
$cliff_older" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --style git-cliff
  expect_quiet all.git-cliff
  expect all.no.unreleased 0 "$cliff_older" -- "$relkit" changelog --all --repo "$hist" \
    --repo-url "$url" --style git-cliff --no-unreleased
  expect all.to 0 "${cliff_older#*"- After beta$nl"}" -- "$relkit" changelog --all --repo "$hist" \
    --repo-url "$url" --style git-cliff --to v1.1.0-beta.1
  expect all.git-cliff.keepachangelog 0 "# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.0.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

### Changed

- Started before 1.1.0, merged after
- Merge branch 'late'
- Faster

### Fixed

- Unreleased fix

## [1.1.0] - 2024-03-06

### Changed

- Breaking change

### Fixed

- After beta

## [1.1.0-beta.1] - 2024-03-02

### Changed

- Beta thing

## [1.0.0] - 2024-02-04

### Changed

- Readme
- Branch feature
- Merge branch 'topic'

### Fixed

- Handle empty input

## [0.1.0] - 2024-01-03

### Changed

- Init
- First feature
- Initial docs

[unreleased]: $url/compare/v1.1.0..HEAD
[1.1.0]: $url/compare/v1.1.0-beta.1..v1.1.0
[1.1.0-beta.1]: $url/compare/v1.0.0..v1.1.0-beta.1
[1.0.0]: $url/compare/v0.1.0..v1.0.0
[0.1.0]: $url/tree/v0.1.0

<!-- generated by git-cliff -->
" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --style git-cliff-keepachangelog
  # Keep a Changelog 1.1.0: hidden types (docs, style, chore) stay out; the link references.
  expect all.keepachangelog 0 "# Changelog

All notable changes to this project will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]

### Added

- **cli:** started before 1.1.0, merged after

### Changed

- faster

### Fixed

- unreleased fix

## [1.1.0] - 2024-03-06

### Added

- breaking change

### Fixed

- after beta

## [1.1.0-beta.1] - 2024-03-02

### Added

- beta thing

## [1.0.0] - 2024-02-04

### Added

- **api:** branch feature

### Fixed

- **parser:** handle empty input

## [0.1.0] - 2024-01-03

### Added

- first feature

[unreleased]: $url/compare/v1.1.0...HEAD
[1.1.0]: $url/compare/v1.1.0-beta.1...v1.1.0
[1.1.0-beta.1]: $url/compare/v1.0.0...v1.1.0-beta.1
[1.0.0]: $url/compare/v0.1.0...v1.0.0
[0.1.0]: $url/releases/tag/v0.1.0
" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --style keepachangelog
  # The default style: compare links from the previous tag, commit and issue links.
  hsha() { h rev-parse "$1"; }
  hlink() { local s; s="$(hsha "$1")"; printf '[%s](%s/commit/%s)' "${s:0:7}" "$url" "$s"; }
  expect all.conventional 0 "## [1.0.0]($url/compare/v0.1.0...v1.0.0) (2024-02-04)

### Features

* **api:** branch feature ($(hlink topic))

### Bug Fixes

* **parser:** handle empty input ($(hlink topic~1)), closes [#12]($url/issues/12)

## 0.1.0 (2024-01-03)

### Features

* first feature ($(hlink v0.1.0~1))
" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --to v1.0.0
  expect all.conventional.unreleased 0 "## [Unreleased]($url/compare/v1.1.0...HEAD)

### Features

* **cli:** started before 1.1.0, merged after ($(hlink late))

### Bug Fixes

* unreleased fix ($(hlink main~3))

### Performance Improvements

* faster ($(hlink main))

" -- bash -c '"$1" changelog --all --repo "$2" --repo-url "$3" | sed -n "1,/^## \[1\.1\.0\]/p" | sed "\$d"' \
    _ "$relkit" "$hist" "$url"
  # No release tag matches the format: every commit is unreleased (git-cliff 2.14.2's
  # output with --tag-pattern '^release-').
  expect all.no.tags 0 "## [unreleased]

### 🚀 Features

- First feature
- *(api)* Branch feature
- Beta thing
- [**breaking**] Breaking change
- *(cli)* Started before 1.1.0, merged after

### 🐛 Bug Fixes

- *(parser)* Handle empty input
- After beta
- Unreleased fix

### 📚 Documentation

- Readme

### ⚡ Performance

- Faster

### ⚙️ Miscellaneous Tasks

- Init
" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --style git-cliff \
    --tag-format 'release-${version}'
  expect all.date 2 "" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --date 2024-05-01
  expect_stderr all.date "relkit: --date is for one release: --all writes every release of the repository, each dated by its tag"
  expect all.log 2 "" -- "$relkit" changelog --all --log - --repo-url "$url"
  expect_stderr all.log "relkit: --log is for one release"
  expect all.preset 2 "" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" \
    --preset git-cliff
  expect_stderr all.preset "relkit: --preset is for one release"
  expect all.json 2 "" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --json
  expect_stderr all.json "relkit: --json is for one release"
  expect all.no.unreleased.alone 2 "" -- "$relkit" changelog --repo "$hist" --repo-url "$url" \
    --no-unreleased
  expect_stderr all.no.unreleased.alone "relkit: --no-unreleased is for the whole file (--all)"
  expect all.bad.ref 2 "" -- "$relkit" changelog --all --repo "$hist" --repo-url "$url" --to nope
  expect_stderr all.bad.ref "relkit: no commit named 'nope'"
  unset stdin_text

  # ---------------------------------------- the rules and styles of each tool
  # mini NAME MESSAGE...: a repository $work/NAME, tag v1.0.0 on its first commit, then one
  # commit a second per MESSAGE (kept byte for byte: leading spaces, no space after ':').
  mini() {
    local dir="$work/$1" second=0 message
    shift
    rm -rf "$dir"
    git init -q -b main "$dir"
    m() {
      second=$((second + 1))
      local when
      when="$(printf '2026-11-20T11:00:%02dZ' "$second")"
      GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" \
        git -C "$dir" -c commit.gpgsign=false commit -q --allow-empty --cleanup=verbatim -m "$1"
    }
    m "chore: init"
    git -C "$dir" -c tag.gpgsign=false tag v1.0.0
    for message in "$@"; do m "$message"; done
  }
  sha_of() { git -C "$work/$1" rev-parse "$2"; }
  unset stdin_text
  url=https://github.com/acme/app

  # --preset NAME: each tool's rules. `feat!:` is no type for semantic-release's default
  # (angular) rules; whatBump gives FEAT a patch; cocogitto has no perf rule.
  mini bang "feat!: drop node 16"
  expect rules.default 0 "2.0.0$nl" -- "$relkit" next-version --repo "$work/bang"
  expect rules.angular 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/bang" --preset angular
  expect rules.semantic-release 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/bang" \
    --preset semantic-release
  expect rules.spec 0 "2.0.0$nl" -- "$relkit" next-version --repo "$work/bang" --preset spec
  mini shout "FEAT: shout" "perf: faster"
  expect rules.conventionalcommits 0 "1.1.0$nl" -- "$relkit" next-version --repo "$work/shout" \
    --preset conventionalcommits
  expect rules.whatbump 0 "1.0.1$nl" -- "$relkit" next-version --repo "$work/shout" \
    --preset conventional-changelog
  mini perf "perf: faster"
  expect rules.cocogitto 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/perf" --preset cocogitto
  expect rules.unknown 2 "" -- "$relkit" next-version --repo "$work/perf" --preset semantic_release
  expect_stderr rules.unknown "relkit: unknown --preset 'semantic_release' (conventionalcommits, angular, semantic-release, conventional-changelog, release-please, git-cliff, cocogitto, spec)$nl"

  # git-cliff's rules: its grammar (`fix(node):this` is a fix), chore(deps...) skipped, any
  # other conventional commit a patch, the first release 0.1.0 (git-cliff --bumped-version
  # answers the same on these repositories).
  mini cliff.tight "fix(node):this"
  expect rules.cliff.tight 0 "1.0.1$nl" -- "$relkit" next-version --repo "$work/cliff.tight" \
    --preset git-cliff
  expect rules.cliff.tight.default 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/cliff.tight"
  mini cliff.deps "chore(deps): bump x" "chore(release): prepare for v1.0.1"
  expect rules.cliff.deps 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/cliff.deps" \
    --preset git-cliff
  mini cliff.docs "docs: words"
  expect rules.cliff.docs 0 "1.0.1$nl" -- "$relkit" next-version --repo "$work/cliff.docs" \
    --preset git-cliff
  git -C "$work/cliff.docs" tag -d v1.0.0 >/dev/null
  expect rules.cliff.first 0 "0.1.0$nl" -- "$relkit" next-version --repo "$work/cliff.docs" \
    --preset git-cliff

  # release-please: a trailer is read as a commit of its own, but nothing user-facing makes
  # no release; a fix found in the body (after a blank line) does (release-please 17.11.1
  # answers the same).
  mini rp.docs $'docs: words\n\nCo-authored-by: Jane <jane@example.com>'
  expect rules.rp.docs 1 "1.0.0${nl}no release: no user-facing commit (release-please: feat, feature, fix, perf, revert, or breaking)$nl" \
    -- "$relkit" next-version --repo "$work/rp.docs" --preset release-please --explain
  expect rules.rp.docs.default 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/rp.docs"
  expect rules.rp.docs.cliff 0 "1.0.1$nl" -- "$relkit" next-version --repo "$work/rp.docs" \
    --preset git-cliff
  mini rp.split $'chore: update deps\n\nfix: a crash on start'
  expect rules.rp.split 0 "1.0.1${nl}patch: 'fix: a crash on start' ($(sha_of rp.split HEAD | cut -c1-7)) matched other -> patch$nl" \
    -- "$relkit" next-version --repo "$work/rp.split" --preset release-please --explain
  expect rules.rp.split.default 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/rp.split"

  # A leading space: semantic-release trims each message, so ` feat: x` is a feature in the
  # version and in the notes; conventional-changelog's own rules read it as it is.
  mini lead " feat: leading space"
  lead_sha="$(sha_of lead HEAD)"
  expect trim.next 0 "1.1.0$nl" -- "$relkit" next-version --repo "$work/lead"
  expect trim.whatbump 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/lead" \
    --preset conventional-changelog
  expect trim.notes 0 "# [1.1.0]($url/compare/v1.0.0...v1.1.0) (2026-11-23)


### Features

* leading space ([${lead_sha:0:7}]($url/commit/$lead_sha))
" -- "$relkit" changelog --repo "$work/lead" --repo-url "$url" --date 2026-11-23 --style semantic-release
  expect trim.notes.default 0 "## [1.1.0]($url/compare/v1.0.0...v1.1.0) (2026-11-23)

### Features

* leading space ([${lead_sha:0:7}]($url/commit/$lead_sha))
" -- "$relkit" changelog --repo "$work/lead" --repo-url "$url" --date 2026-11-23

  # Whitespace after the colon and a missing space, read as each style's tool reads them
  # (conventional-changelog-writer 9.3.0 and git-cliff 2.14.2 print these bytes).
  mini space "fix:  two spaces" "fix(node):this" "style: tidy"
  two="$(sha_of space HEAD~2)"
  expect style.conventionalcommits 0 "## [1.0.1]($url/compare/v1.0.0...v1.0.1) (2026-11-23)

### Bug Fixes

* two spaces ([${two:0:7}]($url/commit/$two))
" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" --date 2026-11-23
  expect style.semantic-release 0 "## [1.0.1]($url/compare/v1.0.0...v1.0.1) (2026-11-23)


### Bug Fixes

*  two spaces ([${two:0:7}]($url/commit/$two))
" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" --date 2026-11-23 \
    --style semantic-release
  expect style.git-cliff 0 "## [1.0.1] - 2026-11-23

### 🐛 Bug Fixes

- Two spaces
- *(node)* This

### 🎨 Styling

- Tidy
" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" --date 2026-11-23 \
    --preset git-cliff --style git-cliff
  expect style.unknown 2 "" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" --style rst
  expect_stderr style.unknown "relkit: unknown --style 'rst' (conventionalcommits, angular, semantic-release, git-cliff, git-cliff-keepachangelog, keepachangelog, relkit)$nl"
  # --preset named the style before --style: a style name that is no rules name says so.
  expect style.former 2 "" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" \
    --preset keepachangelog
  expect_stderr style.former "relkit: --preset names the commit rules; 'keepachangelog' is a changelog style: write --style keepachangelog$nl"
  expect style.both 0 "## [1.0.1]($url/compare/v1.0.0...v1.0.1) (2026-11-23)

### Bug Fixes

* two spaces ([${two:0:7}]($url/commit/$two))
" -- "$relkit" changelog --repo "$work/space" --repo-url "$url" --date 2026-11-23 --preset git-cliff
  expect_stderr style.both "relkit: note: --preset git-cliff gives the commit rules (the style stays conventionalcommits); for the git-cliff changelog style add --style git-cliff$nl"

  # A merge commit titled as a fix decides the version and is in the notes (as
  # release-notes-generator and git-cliff list it); its branch's commits are not conventional.
  mini merged
  git -C "$work/merged" checkout -q -b topic
  GIT_AUTHOR_DATE=2026-11-20T12:00:01Z GIT_COMMITTER_DATE=2026-11-20T12:00:01Z \
    git -C "$work/merged" commit -q --allow-empty -m "wip"
  git -C "$work/merged" checkout -q main
  GIT_AUTHOR_DATE=2026-11-20T12:00:02Z GIT_COMMITTER_DATE=2026-11-20T12:00:02Z \
    git -C "$work/merged" merge -q --no-ff topic -m "fix: mask sensitive environment variables (#4252)"
  merge_sha="$(sha_of merged HEAD)"
  expect merge.next 0 "1.0.1$nl" -- "$relkit" next-version --repo "$work/merged"
  expect merge.notes 0 "## [1.0.1]($url/compare/v1.0.0...v1.0.1) (2026-11-23)

### Bug Fixes

* mask sensitive environment variables ([#4252]($url/issues/4252)) ([${merge_sha:0:7}]($url/commit/$merge_sha))
" -- "$relkit" changelog --repo "$work/merged" --repo-url "$url" --date 2026-11-23
  expect merge.cliff 0 "## [1.0.1] - 2026-11-23

### 🐛 Bug Fixes

- Mask sensitive environment variables (#4252)
" -- "$relkit" changelog --repo "$work/merged" --repo-url "$url" --date 2026-11-23 \
    --preset git-cliff --style git-cliff

  # --style git-cliff lists commits oldest first in topological order (git-cliff's
  # topo_order_commits): each merged branch's commits together, whatever their dates.
  mini topo
  t() {
    GIT_AUTHOR_DATE="2026-11-20T13:00:$1Z" GIT_COMMITTER_DATE="2026-11-20T13:00:$1Z" \
      git -C "$work/topo" "${@:2}"
  }
  git -C "$work/topo" checkout -q -b b1
  t 01 commit -q --allow-empty -m "feat: b1 first"
  git -C "$work/topo" checkout -q main
  t 02 commit -q --allow-empty -m "feat: main first"
  git -C "$work/topo" checkout -q b1
  t 03 commit -q --allow-empty -m "feat: b1 second"
  git -C "$work/topo" checkout -q main
  t 04 merge -q --no-ff b1 -m "Merge branch 'b1'"
  t 05 commit -q --allow-empty -m "feat: main second"
  expect topo.cliff 0 "## [1.1.0] - 2026-11-23

### 🚀 Features

- Main first
- B1 first
- B1 second
- Main second
" -- "$relkit" changelog --repo "$work/topo" --repo-url "$url" --date 2026-11-23 \
    --preset git-cliff --style git-cliff

  # --release-as VERSION: a manual release, even of chores only; a section with no entry.
  mini chores "chore: tidy" "ci: cache"
  expect manual.none 1 "1.0.0$nl" -- "$relkit" next-version --repo "$work/chores"
  expect manual.next 0 "1.1.0${nl}manual: --release-as 1.1.0 (the commits: none: no commit matched a rule of semantic-release (conventionalcommits))$nl" \
    -- "$relkit" next-version --repo "$work/chores" --release-as 1.1.0 --explain
  expect manual.changelog 0 "## [1.1.0]($url/compare/v1.0.0...v1.1.0) (2026-11-23)
" -- "$relkit" changelog --repo "$work/chores" --repo-url "$url" --date 2026-11-23 --release-as 1.1.0
  expect manual.lower 2 "" -- "$relkit" next-version --repo "$work/chores" --release-as 1.0.0
  expect_stderr manual.lower "relkit: --release-as 1.0.0 is not above the last release 1.0.0 (v1.0.0)$nl"
  expect manual.bad 2 "" -- "$relkit" next-version --repo "$work/chores" --release-as 1.1
  expect_stderr manual.bad "relkit: --release-as: "

  # --json: one object on one line.
  feat_json_sha="$(sha_of shout HEAD~1)"
  expect json.next 0 "{\"version\":\"1.1.0\",\"tag\":\"v1.1.0\",\"previous_version\":\"1.0.0\",\"previous_tag\":\"v1.0.0\",\"release\":true,\"bump\":\"minor\",\"manual\":false,\"preset\":\"conventionalcommits\",\"commit\":\"$feat_json_sha\",\"rule\":\"FEAT -> minor\",\"reason\":\"minor: 'FEAT: shout' (${feat_json_sha:0:7}) matched FEAT -> minor\",\"commits\":2}$nl" \
    -- "$relkit" next-version --repo "$work/shout" --json
  expect json.next.none 1 "{\"version\":\"1.0.0\",\"tag\":null,\"previous_version\":\"1.0.0\",\"previous_tag\":\"v1.0.0\",\"release\":false,\"bump\":\"none\",\"manual\":false,\"preset\":\"conventionalcommits\",\"commit\":null,\"rule\":null,\"reason\":\"no release: no commit calls for one\",\"commits\":2}$nl" \
    -- "$relkit" next-version --repo "$work/chores" --json
  expect json.next.manual 0 "{\"version\":\"2.0.0\",\"tag\":\"v2.0.0\",\"previous_version\":\"1.0.0\",\"previous_tag\":\"v1.0.0\",\"release\":true,\"bump\":\"none\",\"manual\":true,\"preset\":\"conventionalcommits\",\"commit\":null,\"rule\":null,\"reason\":\"manual: --release-as 2.0.0 (the commits: none: no commit matched a rule of semantic-release (conventionalcommits))\",\"commits\":2}$nl" \
    -- "$relkit" next-version --repo "$work/chores" --json --release-as 2.0.0
  expect json.next.both 2 "" -- "$relkit" next-version --repo "$work/chores" --json --explain
  mini notes $'feat(api)!: drop "v1"\n\nBREAKING CHANGE: /v1 is gone' "fix: crash"
  drop_sha="$(sha_of notes HEAD~1)"
  crash_sha="$(sha_of notes HEAD)"
  notes_md="## [2.0.0]($url/compare/v1.0.0...v2.0.0) (2026-11-23)\n\n### ⚠ BREAKING CHANGES\n\n* **api:** /v1 is gone\n\n### Features\n\n* **api:** drop \\\"v1\\\" ([${drop_sha:0:7}]($url/commit/$drop_sha))\n\n### Bug Fixes\n\n* crash ([${crash_sha:0:7}]($url/commit/$crash_sha))\n"
  expect json.changelog 0 "{\"version\":\"2.0.0\",\"tag\":\"v2.0.0\",\"previous_tag\":\"v1.0.0\",\"date\":\"2026-11-23\",\"preset\":\"conventionalcommits\",\"style\":\"conventionalcommits\",\"bump\":\"major\",\"manual\":false,\"markdown\":\"$notes_md\",\"sections\":[{\"title\":\"Features\",\"entries\":[{\"hash\":\"$drop_sha\",\"type\":\"feat\",\"scope\":\"api\",\"subject\":\"drop \\\"v1\\\"\",\"header\":\"feat(api)!: drop \\\"v1\\\"\",\"breaking\":true}]},{\"title\":\"Bug Fixes\",\"entries\":[{\"hash\":\"$crash_sha\",\"type\":\"fix\",\"scope\":null,\"subject\":\"crash\",\"header\":\"fix: crash\",\"breaking\":false}]}],\"breaking\":[{\"hash\":\"$drop_sha\",\"scope\":\"api\",\"text\":\"/v1 is gone\"}]}$nl" \
    -- "$relkit" changelog --repo "$work/notes" --repo-url "$url" --date 2026-11-23 --json
  printf '%s' "# Changelog$nl" >"$work/NOTES.md"
  expect json.prepend 0 "" -- bash -c '"$1" changelog --repo "$2" --repo-url "$3" --date 2026-11-23 \
    --json --prepend "$4" | grep -c "\"version\":\"2.0.0\"" >/dev/null' _ "$relkit" "$work/notes" "$url" \
    "$work/NOTES.md"
  checks=$((checks + 1))
  if ! grep -qF "## [2.0.0]($url/compare/v1.0.0...v2.0.0) (2026-11-23)" "$work/NOTES.md"; then
    failures=$((failures + 1))
    printf 'FAIL json.prepend: the file lacks the section\n'
  fi
fi

# ------------------------------------------------------------------ lint
# Every expected stdout and exit code below was produced by @commitlint/cli 21.2.4 with
# @commitlint/config-conventional 21.2.4 (node 20; `commitlint` with a commitlint.config.mjs
# that extends config-conventional, stdout not a terminal) on the same input, except where a
# comment says relkit differs. CI, FORCE_COLOR and NO_COLOR are cleared: CI turns colors on
# as it does for commitlint (picocolors).
lint=(env -u CI -u FORCE_COLOR -u NO_COLOR "$relkit" lint)
help_url="ⓘ   Get help: https://github.com/conventional-changelog/commitlint/#what-is-commitlint"
enum="type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test]"
stdin_text="feat: add x"
expect lint.valid 0 "" -- "${lint[@]}"
expect lint.valid.verbose 0 "⧗   --- input ---
feat: add x
✔   found 0 problems, 0 warnings
" -- "${lint[@]}" --verbose
expect lint.valid.legacy 0 "⧗   input: feat: add x
✔   found 0 problems, 0 warnings
" -- "${lint[@]}" -V --legacy-output
expect lint.valid.strict 0 "" -- "${lint[@]}" --strict
stdin_text="Foo: bar."
foo_bar="⧗   --- input ---
Foo: bar.
✖   subject may not end with full stop [subject-full-stop]
✖   type must be lower-case [type-case]
✖   $enum [type-enum]

✖   found 3 problems, 0 warnings
$help_url

"
expect lint.errors 1 "$foo_bar" -- "${lint[@]}"
expect lint.errors.strict 3 "$foo_bar" -- "${lint[@]}" --strict
expect lint.errors.quiet 1 "" -- "${lint[@]}" --quiet
expect lint.errors.quiet.short 3 "" -- "${lint[@]}" -q -s
expect lint.errors.legacy 1 "⧗   input: Foo: bar.
✖   subject may not end with full stop [subject-full-stop]
✖   type must be lower-case [type-case]
✖   $enum [type-enum]

✖   found 3 problems, 0 warnings
ⓘ   Get help: https://example.com/commits

" -- "${lint[@]}" --legacy-output -H https://example.com/commits
# Colors: commitlint under FORCE_COLOR=1 (picocolors 1.1.1).
e=$'\e'
expect lint.errors.color 1 "$e[90m⧗$e[39m   --- input ---
$e[1mFoo: bar.$e[22m
$e[31m✖$e[39m   subject may not end with full stop $e[90m[subject-full-stop]$e[39m
$e[31m✖$e[39m   type must be lower-case $e[90m[type-case]$e[39m
$e[31m✖$e[39m   $enum $e[90m[type-enum]$e[39m

$e[1m$e[31m✖$e[39m   found 3 problems, 0 warnings$e[22m
$help_url

" -- env -u CI -u NO_COLOR FORCE_COLOR=1 "$relkit" lint
expect lint.errors.no.color 1 "$foo_bar" -- env -u NO_COLOR FORCE_COLOR=1 "$relkit" lint --no-color
stdin_text="feat: add x"
expect lint.errors.color.ci 0 "$e[90m⧗$e[39m   input: $e[1mfeat: add x$e[22m
$e[1m$e[32m✔$e[39m   found 0 problems, 0 warnings$e[22m
" -- env -u FORCE_COLOR -u NO_COLOR CI=true "$relkit" lint -V --legacy-output
stdin_text=$'feat: x\nbody'
warned="⧗   --- input ---
feat: x

body
⚠   body must have leading blank line [body-leading-blank]

⚠   found 0 problems, 1 warnings
$help_url

"
expect lint.warnings 0 "$warned" -- "${lint[@]}"
expect lint.warnings.strict 2 "$warned" -- "${lint[@]}" --strict
# Ignored by commitlint's defaults: valid, shown as read (its newline included) with -V.
stdin_text=$'Merge branch \'x\' into main\n'
expect lint.merge 0 "" -- "${lint[@]}"
expect lint.merge.verbose 0 "⧗   --- input ---
Merge branch 'x' into main

✔   found 0 problems, 0 warnings
" -- "${lint[@]}" -V
stdin_text=$'Revert "feat: x"\n\nThis reverts commit 1234567.'
expect lint.revert 0 "" -- "${lint[@]}"
# CRLF line ends: the input is shown with '\n' between the parser's header, body and footer.
stdin_text=$'fix(api): handle it\r\n\r\nSome body text.\r\n\r\nRefs: #12\r\nBREAKING CHANGE: gone\r\n'
expect lint.crlf.verbose 0 "⧗   --- input ---
fix(api): handle it

Some body text.

Refs: #12
BREAKING CHANGE: gone
✔   found 0 problems, 0 warnings
" -- "${lint[@]}" --verbose
stdin_text="feat(api): $(printf 'word %.0s' {1..20})"
expect lint.header.long 1 "⧗   --- input ---
$stdin_text
✖   header must not be longer than 100 characters, current length is 111 [header-max-length]
✖   header must not end with whitespace [header-trim]

✖   found 2 problems, 0 warnings
$help_url

" -- "${lint[@]}"
# --json: one object (relkit's own; commitlint has no JSON output).
stdin_text="Foo: bar."
json_errors='{"valid":false,"errorCount":3,"warningCount":0,"results":[{"hash":null,"input":"Foo: bar.","valid":false,"ignored":false,"errors":[{"rule":"subject-full-stop","level":"error","message":"subject may not end with full stop"},{"rule":"type-case","level":"error","message":"type must be lower-case"},{"rule":"type-enum","level":"error","message":"type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test]"}],"warnings":[]}]}
'
expect lint.json.errors 1 "$json_errors" -- "${lint[@]}" --json
expect lint.json.strict 3 "$json_errors" -- "${lint[@]}" --json --strict
stdin_text=$'feat: "quoted"\tx\nbody'
expect lint.json.warnings 0 '{"valid":true,"errorCount":0,"warningCount":1,"results":[{"hash":null,"input":"feat: \"quoted\"\tx\n\nbody","valid":true,"ignored":false,"errors":[],"warnings":[{"rule":"body-leading-blank","level":"warning","message":"body must have leading blank line"}]}]}
' -- "${lint[@]}" --json
stdin_text=$'Merge branch \'x\'\n'
expect lint.json.ignored 0 '{"valid":true,"errorCount":0,"warningCount":0,"results":[{"hash":null,"input":"Merge branch '"'x'"'\n","valid":true,"ignored":true,"errors":[],"warnings":[]}]}
' -- "${lint[@]}" --json
# No message: commitlint prints its help and exits 1; relkit says so on stderr and exits 2.
stdin_text=$' \n\n'
expect lint.empty 2 "" -- "${lint[@]}"
expect_stderr lint.empty "relkit: no message on stdin (it is empty); pass --edit FILE or --from/--to"
unset stdin_text
expect lint.positional 2 "" -- "${lint[@]}" "feat: x"
expect_stderr lint.positional "unexpected argument 'feat: x' (the message is read from stdin)"
expect lint.edit.from 2 "" -- "${lint[@]}" --edit msg --from HEAD~1
expect_stderr lint.edit.from "--edit and --from/--to exclude each other"
expect lint.same.range 2 "" -- "${lint[@]}" --from v1 --to v1
expect_stderr lint.same.range "--from and --to point to the same commit; to lint that one commit use --from v1^ --to v1"
expect lint.json.quiet 2 "" -- "${lint[@]}" --json --quiet
expect lint.twice 2 "" -- "${lint[@]}" -V --verbose
expect_stderr lint.twice "option --verbose given twice"

# --edit FILE: a commit-msg hook's file. Comment lines and everything from the scissors
# line on are not linted (git leaves them out of the commit; so does commitlint's parser).
printf 'Fix: x\n\nbody line\n# Please enter the commit message for your changes.\n#\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+# added\n' \
  >"$work/COMMIT_EDITMSG"
fix_x="⧗   --- input ---
Fix: x

body line
✖   type must be lower-case [type-case]
✖   $enum [type-enum]

✖   found 2 problems, 0 warnings
$help_url

"
expect lint.edit 1 "$fix_x" -- "${lint[@]}" --edit "$work/COMMIT_EDITMSG"
expect lint.edit.short 1 "$fix_x" -- "${lint[@]}" -e "$work/COMMIT_EDITMSG"
expect lint.edit.equals 1 "$fix_x" -- "${lint[@]}" --edit="$work/COMMIT_EDITMSG"
# Only comments: no message left, valid; -V shows the file as read (commitlint adds '\n').
printf '# only a comment\n' >"$work/comments"
expect lint.edit.comments 0 "⧗   --- input ---
# only a comment


✔   found 0 problems, 0 warnings
" -- "${lint[@]}" --edit "$work/comments" -V
# An empty file: nothing to lint (commitlint prints nothing and exits 0).
: >"$work/empty"
expect lint.edit.empty 0 "" -- "${lint[@]}" --edit "$work/empty" -V
expect lint.edit.empty.json 0 '{"valid":true,"errorCount":0,"warningCount":0,"results":[]}
' -- "${lint[@]}" --edit "$work/empty" --json
# Where commitlint reads the raw file and relkit the message git records: a comment line
# between the header and the body (commitlint: "body must have leading blank line"), and a
# comment line before the header (commitlint: header "null", three errors). relkit: valid.
printf 'feat: x\n# c\n\nbody\n' >"$work/comment.body"
expect lint.edit.comment.body 0 "" -- "${lint[@]}" --edit "$work/comment.body"
printf '# c\n\nfeat: x\n' >"$work/comment.first"
expect lint.edit.comment.first 0 "" -- "${lint[@]}" --edit "$work/comment.first"
expect lint.edit.missing 2 "" -- "${lint[@]}" --edit "$work/nothing-here"
expect_stderr lint.edit.missing "relkit: cannot read $work/nothing-here: No such file or directory"

if command -v git >/dev/null; then
  # --edit without FILE: .git/COMMIT_EDITMSG of the repository around the current directory
  # (a worktree's own, through its .git file).
  hook_repo="$work/hook-repo"
  git init -q "$hook_repo"
  gh() { git -C "$hook_repo" -c commit.gpgsign=false "$@"; }
  printf 'Fix: x\n\nbody line\n# comment\n' >"$hook_repo/.git/COMMIT_EDITMSG"
  mkdir -p "$hook_repo/sub/dir"
  expect lint.edit.default 1 "$fix_x" -- bash -c 'cd "$1/sub/dir" && shift && "$@" --edit' _ \
    "$hook_repo" "${lint[@]}"
  expect lint.edit.default.repo 1 "$fix_x" -- "${lint[@]}" --repo "$hook_repo" --edit -V
  expect lint.edit.none 2 "" -- bash -c 'cd / && shift && "$@" --edit' _ "$hook_repo" "${lint[@]}"
  expect_stderr lint.edit.none "relkit: lint --edit: no git repository here (no .git from . upwards)"

  # The commit-msg hook of docs/cli.md, in a real repository: git refuses a commit whose message
  # breaks a rule and records one that passes (relkit found on PATH, as installed).
  mkdir -p "$work/bin"
  ln -sf "$relkit" "$work/bin/relkit"
  readme="$(dirname "$0")/../../docs/cli.md"
  awk '/^<!-- commit-msg hook -->$/ { found = 1; next }
       found && /^```sh$/ { inside = 1; next }
       inside && /^```$/ { exit }
       inside { print }' "$readme" >"$hook_repo/.git/hooks/commit-msg"
  chmod +x "$hook_repo/.git/hooks/commit-msg"
  checks=$((checks + 1))
  if ! grep -qxF 'exec relkit lint --edit "$1"' "$hook_repo/.git/hooks/commit-msg"; then
    failures=$((failures + 1))
    echo "FAIL lint.hook.readme: docs/cli.md has no commit-msg hook block running relkit lint --edit"
  fi
  hook_env=(env -u CI -u FORCE_COLOR -u NO_COLOR PATH="$work/bin:$PATH" GIT_CONFIG_NOSYSTEM=1
    HOME="$work" GIT_AUTHOR_NAME=Ada GIT_AUTHOR_EMAIL=ada@example.com GIT_COMMITTER_NAME=Ada
    GIT_COMMITTER_EMAIL=ada@example.com)
  commits() { gh rev-list --count HEAD 2>/dev/null || echo 0; }
  echo a >"$hook_repo/a"
  gh add a
  # git runs the hook with its stdout on git's stderr.
  expect lint.hook.refused 1 "" -- "${hook_env[@]}" git -C "$hook_repo" -c commit.gpgsign=false \
    commit -q -m "Added the file"
  checks=$((checks + 1))
  if [[ "$(cat "$work/stderr")" != "⧗   --- input ---
Added the file
✖   subject may not be empty [subject-empty]
✖   type may not be empty [type-empty]

✖   found 2 problems, 0 warnings
$help_url" ]]; then
    failures=$((failures + 1))
    printf 'FAIL lint.hook.refused: stderr:\n%s\n' "$(cat "$work/stderr")"
  fi
  checks=$((checks + 1))
  if [[ "$(commits)" != 0 ]]; then
    failures=$((failures + 1))
    echo "FAIL lint.hook.refused: the commit was recorded"
  fi
  expect lint.hook.accepted 0 "" -- "${hook_env[@]}" git -C "$hook_repo" -c commit.gpgsign=false \
    commit -q -m "feat: add the file"
  # Through an editor, with `git commit -v`: the template's comments and the diff below the
  # scissors line reach the hook; the message is the editor's first line.
  echo b >"$hook_repo/b"
  gh add b
  expect lint.hook.editor 0 "" -- "${hook_env[@]}" GIT_EDITOR="sed -i '1s/^/fix: add b/'" \
    git -C "$hook_repo" -c commit.gpgsign=false commit -q -v
  expect lint.hook.log 0 "fix: add b${nl}feat: add the file$nl" -- gh log --format=%s
  checks=$((checks + 1))
  if [[ "$(commits)" != 2 ]]; then
    failures=$((failures + 1))
    echo "FAIL lint.hook: $(commits) commits, want 2"
  fi

  # A range (--from/--to): one result per commit, newest first, as commitlint reads
  # `git log --format=%B%n FROM..TO`. The outputs are @commitlint/cli 21.2.4's on a
  # repository built by the same commands.
  gh tag v1
  at=0
  # hook_commit MESSAGE [git commit options]: a commit without the hook, one a minute.
  hook_commit() {
    at=$((at + 1))
    echo "$at" >"$hook_repo/c$at"
    gh add "c$at"
    GIT_AUTHOR_DATE="2026-11-21T10:0$at:00Z" GIT_COMMITTER_DATE="2026-11-21T10:0$at:00Z" \
      gh commit -q --no-verify --cleanup=verbatim -m "$@"
  }
  hook_commit "Bad message"
  hook_commit $'docs: x\nbody'
  gh checkout -q -b topic
  hook_commit "feat(topic): on a branch"
  gh checkout -q -
  hook_commit "fix: on main"
  at=$((at + 1))
  GIT_AUTHOR_DATE="2026-11-21T10:0$at:00Z" GIT_COMMITTER_DATE="2026-11-21T10:0$at:00Z" \
    gh merge -q --no-ff --no-edit --no-verify topic
  range_out="⧗   --- input ---
docs: x

body
⚠   body must have leading blank line [body-leading-blank]

⚠   found 0 problems, 1 warnings
$help_url

⧗   --- input ---
Bad message
✖   subject may not be empty [subject-empty]
✖   type may not be empty [type-empty]

✖   found 2 problems, 0 warnings
$help_url

"
  expect lint.range 1 "$range_out" -- "${lint[@]}" --repo "$hook_repo" --from v1 --to HEAD
  expect lint.range.from 1 "$range_out" -- bash -c 'cd "$1" && shift && "$@" -f v1' _ \
    "$hook_repo" "${lint[@]}"
  expect lint.range.strict 3 "$range_out" -- "${lint[@]}" --repo "$hook_repo" --from v1 --strict
  expect lint.range.verbose 1 "⧗   --- input ---
Merge branch 'topic'


✔   found 0 problems, 0 warnings
⧗   --- input ---
fix: on main
✔   found 0 problems, 0 warnings
⧗   --- input ---
feat(topic): on a branch
✔   found 0 problems, 0 warnings
$range_out" -- "${lint[@]}" --repo "$hook_repo" --from v1 -V
  expect lint.range.valid 0 "" -- "${lint[@]}" --repo "$hook_repo" --to v1
  expect lint.last 0 "⧗   --- input ---
Merge branch 'topic'
✔   found 0 problems, 0 warnings
" -- "${lint[@]}" --repo "$hook_repo" --last -V
  expect lint.last.short 0 "" -- "${lint[@]}" --repo "$hook_repo" -l
  sha() { gh rev-parse "$1"; }
  expect lint.range.json 1 '{"valid":false,"errorCount":2,"warningCount":1,"results":[{"hash":"'"$(sha HEAD)"'","input":"Merge branch '"'topic'"'\n\n","valid":true,"ignored":true,"errors":[],"warnings":[]},{"hash":"'"$(sha HEAD^)"'","input":"fix: on main","valid":true,"ignored":false,"errors":[],"warnings":[]},{"hash":"'"$(sha topic)"'","input":"feat(topic): on a branch","valid":true,"ignored":false,"errors":[],"warnings":[]},{"hash":"'"$(sha topic~1)"'","input":"docs: x\n\nbody","valid":true,"ignored":false,"errors":[],"warnings":[{"rule":"body-leading-blank","level":"warning","message":"body must have leading blank line"}]},{"hash":"'"$(sha topic~2)"'","input":"Bad message","valid":false,"ignored":false,"errors":[{"rule":"subject-empty","level":"error","message":"subject may not be empty"},{"rule":"type-empty","level":"error","message":"type may not be empty"}],"warnings":[]}]}
' -- "${lint[@]}" --repo "$hook_repo" --from v1 --json
  expect lint.range.none 0 '{"valid":true,"errorCount":0,"warningCount":0,"results":[]}
' -- "${lint[@]}" --repo "$hook_repo" --from HEAD --json
  expect lint.range.bad 2 "" -- "${lint[@]}" --repo "$hook_repo" --from nope
  expect_stderr lint.range.bad "relkit: lint: no commit named 'nope'"
  expect lint.last.alone 2 "" -- "${lint[@]}" --last --from v1
  expect_stderr lint.last.alone "--last stands alone: not with --edit, --from or --to"
  # core.commentChar: the hook's file uses git's comment character.
  gh config core.commentChar ';'
  printf 'feat: x\n; this comment line is longer than one hundred characters, which a body line of config-conventional may not be\n' \
    >"$work/semicolon"
  expect lint.edit.comment.char 0 "" -- "${lint[@]}" --repo "$hook_repo" --edit "$work/semicolon"
  gh config --unset core.commentChar
  expect lint.edit.comment.hash 1 "⧗   --- input ---
feat: x

; this comment line is longer than one hundred characters, which a body line of config-conventional may not be
✖   body's lines must not be longer than 100 characters [body-max-line-length]
⚠   body must have leading blank line [body-leading-blank]

✖   found 1 problems, 1 warnings
$help_url

" -- "${lint[@]}" --repo "$hook_repo" --edit "$work/semicolon"
fi

# ------------------------------------------------ workspaces (next-version/changelog --workspace)
if command -v git >/dev/null; then
  export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME="Ada Lovelace" \
    GIT_AUTHOR_EMAIL=ada@example.com GIT_COMMITTER_NAME="Ada Lovelace" \
    GIT_COMMITTER_EMAIL=ada@example.com
  # wsrepo NAME: a new repository $work/NAME, the current one of w, wc and wt.
  wsrepo() {
    ws="$work/$1"
    ws_second=0
    rm -rf "$ws"
    git init -q -b main "$ws"
  }
  w() { git -C "$ws" -c commit.gpgsign=false -c tag.gpgsign=false "$@"; }
  # wc MESSAGE FILE...: writes each FILE (its own name and the commit count; a package.json
  # is kept as pkg wrote it), commits them.
  wc() {
    local message="$1" f when
    shift
    ws_second=$((ws_second + 1))
    for f in "$@"; do
      mkdir -p "$(dirname "$ws/$f")"
      [[ $f == *package.json ]] || printf '%s %s\n' "$f" "$ws_second" >"$ws/$f"
      w add "$f"
    done
    when="$(printf '2026-11-22T10:00:%02dZ' "$ws_second")"
    GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" w commit -q -m "$message"
  }
  wshort() { w rev-parse --short=7 "$1"; }
  # pkg DIR NAME VERSION [DEPENDENCY...]: DIR/package.json
  # (VERSION -: none)
  pkg() {
    local dir="$1" name="$2" version="\"version\": \"$3\", " deps="" d
    shift 3
    [[ $version == *'"-"'* ]] && version=""
    for d in "$@"; do deps="$deps${deps:+, }\"$d\": \"workspace:*\""; done
    mkdir -p "$ws/$dir"
    printf '{"name": "%s", %s"dependencies": {%s}}\n' "$name" "$version" "$deps" \
      >"$ws/$dir/package.json"
  }
  nv=("$relkit" next-version --workspace)

  # npm workspaces: globs with a negation; a dependency chain app -> util -> @acme/core; a
  # commit touching two packages; a lockfile-only commit (ignored); a root-only commit
  # (unclaimed); a package never released (docs-site: its first release).
  wsrepo npm
  printf '{"private": true, "workspaces": ["packages/*", "!packages/scratch", "sites/docs"]}\n' \
    >"$ws/package.json"
  pkg packages/core @acme/core 1.2.0
  pkg packages/util util 0.4.0 @acme/core
  pkg packages/app app 2.0.0 util
  pkg packages/scratch scratch 0.0.1
  pkg sites/docs docs-site -
  pkg tools/gen gen 1.0.0
  wc "chore: init" README.md
  w add -A
  wc "chore: packages" .gitignore
  w tag @acme/core@1.2.0
  w tag util@0.4.0
  w tag -a app@2.0.0 -m "app 2.0.0"
  wc "feat: core api" packages/core/index.js
  wc "fix: typo in core and docs" packages/core/a.js sites/docs/a.md
  wc "fix(scratch): ignored, not a member" packages/scratch/x.js
  wc "chore: lockfile" package-lock.json
  wc "fix: root script" scripts/build.sh
  feat="$(wshort HEAD~4)"
  typo="$(wshort HEAD~3)"
  expect ws.npm 0 "app 2.0.0 -> 2.0.1 (patch: app <- util <- @acme/core (minor))
@acme/core 1.2.0 -> 1.3.0 (minor: 'feat: core api' ($feat) matched feat -> minor)
util 0.4.0 -> 0.4.1 (patch: util <- @acme/core (minor))
docs-site (none) -> 1.0.0 (patch: 'fix: typo in core and docs' ($typo) matched fix -> patch (first release: 1.0.0))
" -- "${nv[@]}" --repo "$ws"
  expect_quiet ws.npm.quiet
  expect ws.npm.json 0 "{\"packages\":[{\"name\":\"app\",\"path\":\"packages/app\",\"current\":\"2.0.0\",\"release\":true,\"level\":\"patch\",\"own_level\":\"none\",\"next\":\"2.0.1\",\"tag\":\"app@2.0.1\",\"commit\":null,\"commits\":[],\"propagated_from\":[\"app\",\"util\",\"@acme/core\"],\"group\":null,\"reason\":\"patch: app <- util <- @acme/core (minor)\"},{\"name\":\"@acme/core\",\"path\":\"packages/core\",\"current\":\"1.2.0\",\"release\":true,\"level\":\"minor\",\"own_level\":\"minor\",\"next\":\"1.3.0\",\"tag\":\"@acme/core@1.3.0\",\"commit\":{\"sha\":\"$feat\",\"subject\":\"feat: core api\"},\"commits\":[{\"sha\":\"$typo\",\"subject\":\"fix: typo in core and docs\"},{\"sha\":\"$feat\",\"subject\":\"feat: core api\"}],\"propagated_from\":[],\"group\":null,\"reason\":\"minor: 'feat: core api' ($feat) matched feat -> minor\"},{\"name\":\"util\",\"path\":\"packages/util\",\"current\":\"0.4.0\",\"release\":true,\"level\":\"patch\",\"own_level\":\"none\",\"next\":\"0.4.1\",\"tag\":\"util@0.4.1\",\"commit\":null,\"commits\":[],\"propagated_from\":[\"util\",\"@acme/core\"],\"group\":null,\"reason\":\"patch: util <- @acme/core (minor)\"},{\"name\":\"docs-site\",\"path\":\"sites/docs\",\"current\":null,\"release\":true,\"level\":\"patch\",\"own_level\":\"patch\",\"next\":\"1.0.0\",\"tag\":\"docs-site@1.0.0\",\"commit\":{\"sha\":\"$typo\",\"subject\":\"fix: typo in core and docs\"},\"commits\":[{\"sha\":\"$typo\",\"subject\":\"fix: typo in core and docs\"},{\"sha\":\"$(wshort HEAD~5)\",\"subject\":\"chore: packages\"}],\"propagated_from\":[],\"group\":null,\"reason\":\"patch: 'fix: typo in core and docs' ($typo) matched fix -> patch (first release: 1.0.0)\"}],\"ignored\":1,\"unclaimed\":3}
" -- "${nv[@]}" --repo "$ws" --json
  # The same through the explicit package.json; --to: the history and tags of HEAD~3.
  expect ws.npm.to 0 "app 2.0.0 -> 2.0.1 (patch: app <- util <- @acme/core (minor))
@acme/core 1.2.0 -> 1.3.0 (minor: 'feat: core api' ($feat) matched feat -> minor)
util 0.4.0 -> 0.4.1 (patch: util <- @acme/core (minor))
" -- "${nv[@]}" "$ws/package.json" --repo "$ws" --to HEAD~4

  # changelog --workspace: --dry-run prints each section; then the files are written (a
  # CHANGELOG.md that exists keeps its bytes after the new section).
  printf '# Changelog\n\n## [1.2.0](https://github.com/acme/mono/compare/@acme/core@1.1.0...@acme/core@1.2.0)\n\n* old\n' \
    >"$ws/packages/core/CHANGELOG.md"
  cw=("$relkit" changelog --workspace --repo "$ws" --repo-url https://github.com/acme/mono
    --date 2026-11-23)
  feat_full="$(w rev-parse HEAD~4)"
  typo_full="$(w rev-parse HEAD~3)"
  core_section="## [1.3.0](https://github.com/acme/mono/compare/@acme/core@1.2.0...@acme/core@1.3.0) (2026-11-23)

### Features

* core api ([$feat](https://github.com/acme/mono/commit/$feat_full))

### Bug Fixes

* typo in core and docs ([$typo](https://github.com/acme/mono/commit/$typo_full))
"
  docs_section="## 1.0.0 (2026-11-23)

### Bug Fixes

* typo in core and docs ([$typo](https://github.com/acme/mono/commit/$typo_full))
"
  expect ws.changelog.dry 0 "==> packages/app/CHANGELOG.md (app 2.0.1)
## [2.0.1](https://github.com/acme/mono/compare/app@2.0.0...app@2.0.1) (2026-11-23)

==> packages/core/CHANGELOG.md (@acme/core 1.3.0)
$core_section
==> packages/util/CHANGELOG.md (util 0.4.1)
## [0.4.1](https://github.com/acme/mono/compare/util@0.4.0...util@0.4.1) (2026-11-23)

==> sites/docs/CHANGELOG.md (docs-site 1.0.0)
$docs_section" -- "${cw[@]}" --dry-run
  expect_same ws.changelog.dry.untouched "$(ls "$ws/sites/docs")" "a.md${nl}package.json"
  expect ws.changelog 0 "packages/app/CHANGELOG.md: app 2.0.1
packages/core/CHANGELOG.md: @acme/core 1.3.0
packages/util/CHANGELOG.md: util 0.4.1
sites/docs/CHANGELOG.md: docs-site 1.0.0
" -- "${cw[@]}"
  expect_file ws.changelog.core "$ws/packages/core/CHANGELOG.md" "# Changelog

$core_section
## [1.2.0](https://github.com/acme/mono/compare/@acme/core@1.1.0...@acme/core@1.2.0)

* old
"
  expect_file ws.changelog.docs "$ws/sites/docs/CHANGELOG.md" "$docs_section"
  # Again: each file already has its section (refused, exit 2).
  expect ws.changelog.again 2 "" -- "${cw[@]}"
  # All or nothing: app's changelog, removed, would be written first, but core's already has
  # 1.3.0 (refused), so no file is written.
  rm "$ws/packages/app/CHANGELOG.md"
  expect ws.changelog.all_or_nothing 2 "" -- "${cw[@]}"
  expect_same ws.changelog.all_or_nothing.app "$(ls "$ws/packages/app")" "package.json"

  # Nothing to release: exit 1, nothing printed (as next-version without --workspace).
  wsrepo quiet
  printf '{"workspaces": ["packages/*"]}\n' >"$ws/package.json"
  pkg packages/a a 1.0.0
  wc "chore: init" packages/a/index.js package.json packages/a/package.json
  w tag a@1.0.0
  wc "chore: tidy" packages/a/index.js
  wc "fix: only the lockfile" package-lock.json
  expect ws.none 1 "" -- "${nv[@]}" --repo "$ws"
  expect ws.none.changelog 1 "" -- "${cw[@]/$work\/npm/$ws}"
  expect_stderr ws.none.changelog.message "relkit: no release is due: no package calls for one"
  # Globs that are not expanded; options of a single package.
  printf '{"workspaces": ["packages/**"]}\n' >"$ws/package.json"
  expect ws.glob.unsupported 2 "" -- "${nv[@]}" --repo "$ws"
  expect_stderr ws.glob.unsupported.message "relkit: $ws/package.json: workspace glob 'packages/**' is not expanded"
  expect ws.single.option 2 "" -- "${nv[@]}" --repo "$ws" --current 1.0.0
  expect_stderr ws.single.option.message "relkit: --current does not apply with --workspace"

  # pnpm-workspace.yaml (before package.json): its globs, a member's `workspace:` dependency.
  wsrepo pnpm
  printf "# members\npackages:\n  - 'libs/*'\n  - \"!libs/old\"\nonlyBuiltDependencies:\n  - esbuild\n" \
    >"$ws/pnpm-workspace.yaml"
  printf '{"workspaces": ["nothing/*"]}\n' >"$ws/package.json"
  pkg libs/x x 1.0.0
  pkg libs/y y 2.0.0 x
  pkg libs/old old 1.0.0
  w add -A
  wc "chore: init" README.md
  w tag x@1.0.0
  w tag y@2.0.0
  wc "feat!: x drops a default" libs/x/index.js libs/old/index.js
  expect ws.pnpm 0 "x 1.0.0 -> 2.0.0 (major: 'feat!: x drops a default' ($(wshort HEAD)) matched breaking -> major)
y 2.0.0 -> 2.0.1 (patch: y <- x (major))
" -- "${nv[@]}" --repo "$ws"

  # A dependency cycle: an error that names it (exit 2).
  wsrepo cycle
  printf '{"workspaces": ["a", "b", "c"]}\n' >"$ws/package.json"
  pkg a a 1.0.0 b
  pkg b b 1.0.0 c
  pkg c c 1.0.0 a
  wc "feat: init" a/x package.json a/package.json b/package.json c/package.json
  expect ws.cycle 2 "" -- "${nv[@]}" --repo "$ws"
  expect_stderr ws.cycle.message "relkit: workspace: dependency cycle a -> b -> c -> a [commits.dependency_cycle]"

  # release-please manifest mode: components and tag separators (lib-v1.2.0, plugin@1.2.0),
  # the node-workspace plugin (cli depends on @acme/lib through its package.json), a
  # linked-versions group (one version for sdk-a and sdk-b), exclude-paths, and
  # release-please's rules (chore: no release). A root package.json with workspaces is
  # there too: the release-please config comes first.
  wsrepo rp
  cat >"$ws/release-please-config.json" <<'JSON'
{
  "plugins": ["node-workspace",
              {"type": "linked-versions", "groupName": "sdk", "components": ["sdk-a", "sdk-b"]}],
  "packages": {
    "packages/lib": {"component": "lib"},
    "packages/cli": {"component": "cli"},
    "packages/sdk-a": {"component": "sdk-a"},
    "packages/sdk-b": {"component": "sdk-b"},
    "packages/plugin": {"package-name": "@acme/plugin", "tag-separator": "@",
                        "include-v-in-tag": false, "exclude-paths": ["packages/plugin/test"]}
  }
}
JSON
  cat >"$ws/.release-please-manifest.json" <<'JSON'
{"packages/lib": "1.2.0", "packages/cli": "0.9.0", "packages/sdk-a": "3.1.0",
 "packages/sdk-b": "3.1.0", "packages/plugin": "1.2.0"}
JSON
  printf '{"workspaces": ["packages/*"]}\n' >"$ws/package.json"
  pkg packages/lib @acme/lib 1.2.0
  pkg packages/cli @acme/cli 0.9.0 @acme/lib
  pkg packages/sdk-a sdk-a 3.1.0
  pkg packages/sdk-b sdk-b 3.1.0
  pkg packages/plugin @acme/plugin 1.2.0
  wc "chore: init" README.md
  w add -A
  wc "chore: release main" .gitignore
  for t in lib-v1.2.0 cli-v0.9.0 sdk-a-v3.1.0 sdk-b-v3.1.0 plugin@1.2.0; do w tag "$t"; done
  wc "feat(lib): options" packages/lib/a.js
  wc "fix: sdk-b crash" packages/sdk-b/x.js
  wc "fix(plugin): only tests and its changelog" packages/plugin/test/a.js \
    packages/plugin/CHANGELOG.md
  wc "chore(plugin): tidy" packages/plugin/index.js
  lib_feat="$(wshort HEAD~3)"
  sdk_fix="$(wshort HEAD~2)"
  rp_out="lib 1.2.0 -> 1.3.0 (minor: 'feat(lib): options' ($lib_feat) matched feat -> minor)
cli 0.9.0 -> 0.9.1 (patch: cli <- lib (minor))
sdk-a 3.1.0 -> 3.1.1 (patch: fixed group sdk)
sdk-b 3.1.0 -> 3.1.1 (patch: 'fix: sdk-b crash' ($sdk_fix) matched other -> patch)
"
  expect ws.rp 0 "$rp_out" -- "${nv[@]}" --repo "$ws"
  expect ws.rp.config 0 "$rp_out" -- "${nv[@]}" "$ws/release-please-config.json" --repo "$ws"
  cp "$ws/.release-please-manifest.json" "$work/manifest.json"
  rm "$ws/.release-please-manifest.json"
  expect ws.rp.manifest 0 "$rp_out" -- "${nv[@]}" --repo "$ws" --manifest "$work/manifest.json"
  expect ws.rp.no.manifest 2 "" -- "${nv[@]}" --repo "$ws"
  expect_stderr ws.rp.no.manifest.message "relkit: cannot read $ws/.release-please-manifest.json: No such file or directory"
  # The package.json workspaces of the same repository: npm names, the versions of the
  # package.json files (no NAME@VERSION tag: every commit counts), no exclude-paths.
  expect ws.rp.npm 0 "@acme/cli 0.9.0 -> 0.9.1 (patch: @acme/cli <- @acme/lib (minor))
@acme/lib 1.2.0 -> 1.3.0 (minor: 'feat(lib): options' ($lib_feat) matched feat -> minor)
@acme/plugin 1.2.0 -> 1.2.1 (patch: 'fix(plugin): only tests and its changelog' ($(wshort HEAD~1)) matched fix -> patch)
sdk-b 3.1.0 -> 3.1.1 (patch: 'fix: sdk-b crash' ($sdk_fix) matched fix -> patch)
" -- "${nv[@]}" "$ws/package.json" --repo "$ws"
fi

printf 'relkit cli: %d checks, %d failed\n' "$checks" "$failures"
[[ $failures -eq 0 ]]
