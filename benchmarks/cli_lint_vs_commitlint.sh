#!/usr/bin/env bash
# Per-invocation wall time of `relkit lint` and of @commitlint/cli on the same messages
# (benchmarks/README.md, "relkit lint vs commitlint"). Both run pinned to CPU 0 (taskset);
# commitlint is called as node_modules/.bin/commitlint, not through npx.
#
# Usage: benchmarks/cli_lint_vs_commitlint.sh RELKIT COMMITLINT_DIR [RUNS]
#   RELKIT          the relkit binary (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
#   COMMITLINT_DIR  a folder where this ran:
#                     npm install @commitlint/cli@21.2.4 @commitlint/config-conventional@21.2.4
#   RUNS            runs per command (default 100; commitlint takes about 0.5 s a run)
#
# With hyperfine on PATH it measures (warm-up 3, the shell's own start subtracted, as
# hyperfine does); without, a loop of RUNS runs timed with `date +%s%N` (the time of
# `sh -c` included for both tools). Prints the median of each command and the ratio.
set -euo pipefail
relkit="$(realpath "$1")"
commitlint_dir="$(realpath "$2")"
runs="${3:-100}"
commitlint="$commitlint_dir/node_modules/.bin/commitlint"
[[ -x "$relkit" ]] || { echo "no relkit binary at $relkit" >&2; exit 2; }
[[ -x "$commitlint" ]] || { echo "no commitlint at $commitlint" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# commitlint reads its config from the current directory and resolves
# @commitlint/config-conventional from there: a repository that extends it.
repo="$work/repo"
git init -q "$repo"
echo "export default { extends: ['@commitlint/config-conventional'] };" \
  >"$repo/commitlint.config.mjs"
ln -s "$commitlint_dir/node_modules" "$repo/node_modules"
printf 'feat(api): add the export endpoint\n\nThe endpoint streams CSV.\n\nRefs: #12\n' \
  >"$work/valid.txt"
printf 'Feat: Add the export endpoint.\n' >"$work/invalid.txt"
# What a commit-msg hook gets from `git commit -v`: the message, git's comments, the diff.
{
  printf 'fix(parser): handle empty input\n\n'
  printf '# Please enter the commit message for your changes. Lines starting\n'
  printf "# with '#' will be ignored, and an empty message aborts the commit.\n#\n"
  printf '# On branch main\n# Changes to be committed:\n#\tmodified:   src/parser.cpp\n#\n'
  printf '# ------------------------ >8 ------------------------\n'
  printf '# Do not modify or remove the line above.\n'
  printf 'diff --git a/src/parser.cpp b/src/parser.cpp\n'
} >"$repo/.git/COMMIT_EDITMSG"

# Each case: a name and a command run in the repository (sh -c).
names=(
  "stdin, valid message"
  "stdin, 4 errors"
  "--edit, commit-msg hook file"
)
relkit_cmds=(
  "'$relkit' lint < '$work/valid.txt'"
  "'$relkit' lint < '$work/invalid.txt'"
  "'$relkit' lint --edit .git/COMMIT_EDITMSG"
)
commitlint_cmds=(
  "'$commitlint' < '$work/valid.txt'"
  "'$commitlint' < '$work/invalid.txt'"
  "'$commitlint' --edit .git/COMMIT_EDITMSG"
)

# median_ms COMMAND: the median wall time of RUNS runs, in milliseconds (3 decimals).
median_ms() {
  local cmd="$1"
  if command -v hyperfine >/dev/null; then
    (cd "$repo" && taskset -c 0 hyperfine --style none --warmup 3 --runs "$runs" -i \
      --export-json "$work/h.json" "$cmd" >/dev/null 2>&1)
    python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' \
      "$work/h.json"
  else
    local times=() i t0 t1
    for ((i = 0; i < runs; ++i)); do
      t0=$(date +%s%N)
      (cd "$repo" && taskset -c 0 sh -c "$cmd" >/dev/null 2>&1) || true
      t1=$(date +%s%N)
      times+=($((t1 - t0)))
    done
    printf '%s\n' "${times[@]}" | sort -n |
      awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
             printf "%.3f\n", m / 1e6 }'
  fi
}

echo "relkit:     $("$relkit" --version)"
echo "commitlint: $(cd "$repo" && "$commitlint" --version) (node $(node --version))"
echo "runs: $runs per command; $(command -v hyperfine >/dev/null && hyperfine --version || echo 'date +%s%N loop')"
printf '%-32s %12s %14s %8s\n' "case" "relkit (ms)" "commitlint (ms)" "ratio"
for i in "${!names[@]}"; do
  r=$(median_ms "${relkit_cmds[$i]}")
  c=$(median_ms "${commitlint_cmds[$i]}")
  ratio=$(awk -v r="$r" -v c="$c" 'BEGIN { printf "%.0fx", c / r }')
  printf '%-32s %12s %14s %8s\n' "${names[$i]}" "$r" "$c" "$ratio"
done
