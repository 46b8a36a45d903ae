#!/usr/bin/env bash
# Runs the relkit command on real inputs and checks stdout and the exit code exactly.
# Usage: cli_test.sh PATH/TO/relkit
set -u
relkit="$1"
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

# expect_stderr NAME TEXT: the last command's stderr contains TEXT.
expect_stderr() {
  checks=$((checks + 1))
  if ! grep -qF -- "$2" "$work/stderr"; then
    failures=$((failures + 1))
    printf 'FAIL %s: stderr lacks "%s":\n%s\n' "$1" "$2" "$(cat "$work/stderr")"
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
expect_stderr bump.release.bad "version 1.4.1 is not a prerelease at 0"
expect bump.type 2 "" -- "$relkit" semver bump 1.4.1 huge
expect_stderr bump.type "unknown bump type 'huge'"
stdin_text=$'1.10.0\n1.2.0\n\n 2.0.0-rc.1 \r\nv2.0.0\n1.2.0-alpha\n1.2.0-alpha.10\n1.2.0-alpha.9\n'
expect sort 0 "1.2.0-alpha${nl}1.2.0-alpha.9${nl}1.2.0-alpha.10${nl}1.2.0${nl}1.10.0${nl}2.0.0-rc.1${nl}2.0.0$nl" \
  -- "$relkit" semver sort
expect sort.reverse 0 "2.0.0${nl}2.0.0-rc.1${nl}1.10.0${nl}1.2.0${nl}1.2.0-alpha.10${nl}1.2.0-alpha.9${nl}1.2.0-alpha$nl" \
  -- "$relkit" semver sort --reverse
stdin_text=$'1.0.0\n\nx.1\n'
expect sort.bad 2 "" -- "$relkit" semver sort
expect_stderr sort.bad "relkit: stdin line 3: unexpected 'x' at 0 while parsing major version"
unset stdin_text
expect help 0 "$("$relkit" --help)$nl" -- "$relkit" help
expect help.semver 0 "$("$relkit" semver --help)$nl" -- "$relkit" semver compare --help
expect unknown.command 2 "" -- "$relkit" deploy
expect unknown.option 2 "" -- "$relkit" semver bump 1.0.0 major --force
expect_stderr unknown.option "relkit: unknown option --force"

printf 'relkit cli: %d checks, %d failed\n' "$checks" "$failures"
[[ $failures -eq 0 ]]
