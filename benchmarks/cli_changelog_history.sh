#!/usr/bin/env bash
# Times `relkit changelog --all` (and git-cliff, if given) on a synthetic repository the size
# of renovatebot/renovate's history, built offline with `git fast-import`.
#
# Usage: benchmarks/cli_changelog_history.sh RELKIT [GIT_CLIFF] [COMMITS] [TAGS]
#   RELKIT     the relkit command (a Release build: build/release/tools/cli/relkit)
#   GIT_CLIFF  the git-cliff binary to time beside it (npm install git-cliff@2.14.2: under
#              node_modules/git-cliff-linux-x64/bin/git-cliff); "" or absent: relkit only
#   COMMITS    commits (default 26798, renovate's): conventional messages, one a minute from
#              2020-01-01; every 40th is a merge of a branch of two of them
#   TAGS       release tags (default 12129, renovate's), spread evenly over main, every
#              other one annotated; versions climb as semantic-release's would
# Environment: RELKIT_BENCH_REPO=DIR keeps the repository in DIR (made if missing, reused if
# present) instead of a temporary directory; RELKIT_BENCH_RUNS=N relkit runs (default 5).
#
# Both commands run pinned to one CPU (taskset -c 0) with the same style: relkit's
# `--style git-cliff` against git-cliff's default configuration, whose output relkit
# reproduces. git-cliff runs once, cold (its cache .git/git-cliff-core removed first), and
# is stopped after 600 s. Wall times in seconds, from bash's `time`.
set -euo pipefail

relkit="${1:?usage: $0 RELKIT [GIT_CLIFF] [COMMITS] [TAGS]}"
cliff="${2-}"
commits="${3:-26798}"
tags="${4:-12129}"
runs="${RELKIT_BENCH_RUNS:-5}"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

if [[ -n "${RELKIT_BENCH_REPO-}" ]]; then
  repo="$RELKIT_BENCH_REPO"
else
  repo="$(mktemp -d)/history"
  trap 'rm -rf "$(dirname "$repo")"' EXIT
fi

if [[ ! -d "$repo/.git" ]]; then
  mkdir -p "$repo"
  git init -q -b main "$repo"
  start=$SECONDS
  # The fast-import stream: commits one a minute from 2020-01-01 (a conventional message
  # each, one file changed), every 40th a merge of a two-commit branch, a release tag every
  # COMMITS/TAGS commits on main.
  awk -v commits="$commits" -v tags="$tags" '
    function msg(i,   t, s) {
      t = i % 10
      s = (i % 3 == 0) ? "(core)" : ((i % 3 == 1) ? "(deps)" : "")
      if (t == 0) return "feat" s ": add option number " i
      if (t == 1 || t == 5) return "fix" s ": handle case " i "\n\nCloses #" i
      if (t == 2 || t == 6 || t == 8) return "chore(deps): update dependency pkg-" i " to v" i
      if (t == 3) return "docs: explain option " i
      if (t == 4) return "refactor" s ": simplify step " i
      if (t == 7) return "perf: faster path " i
      return "feat" s "!: drop setting " i "\n\nBREAKING CHANGE: setting " i " is gone"
    }
    function commit(ref, mark, from, merge, text, when, file) {
      printf "commit %s\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\n", ref, mark, when
      printf "data %d\n%s\n", length(text), text
      if (from) printf "from :%d\n", from
      if (merge) printf "merge :%d\n", merge
      printf "M 644 inline src/f%d.txt\ndata %d\n%d\n\n", file, length(mark "") + 1, mark
    }
    BEGIN {
      when = 1577836800; mark = 0; prev = 0
      every = (commits - 2 * int(commits / 40)) / tags; next_tag = every; made = 0; mains = 0
      major = 1; minor = 0; patch = 0
      for (i = 1; i <= commits; i++) {
        when += 60
        if (i % 40 == 0 && prev && i + 2 <= commits) {
          # a branch of two commits from the previous main commit, merged by a third
          m = ++mark
          commit("refs/heads/topic", m, prev, 0, "feat(topic): branch work " i, when - 50, i % 97)
          m = ++mark
          commit("refs/heads/topic", m, m - 1, 0, "fix(topic): branch fix " i, when - 40, i % 89)
          m = ++mark
          commit("refs/heads/main", m, prev, m - 1, "Merge branch topic " i " (#" i ")", when, i % 101)
          i += 2
        } else {
          m = ++mark
          commit("refs/heads/main", m, prev, 0, msg(i), when, i % 101)
        }
        prev = mark
        mains++
        if (made < tags && mains >= next_tag - 0.000001) {
          made++; next_tag += every
          if (made % 500 == 0) { major++; minor = 0; patch = 0 }
          else if (made % 25 == 0) { minor++; patch = 0 }
          else patch++
          name = "v" major "." minor "." patch
          if (made % 2) {
            printf "reset refs/tags/%s\nfrom :%d\n\n", name, mark
          } else {
            text = "release " name
            printf "tag %s\nfrom :%d\ntagger Bench <bench@example.com> %d +0000\ndata %d\n%s\n",
                   name, mark, when + 30, length(text), text
          }
        }
      }
    }' | git -C "$repo" fast-import --quiet
  git -C "$repo" symbolic-ref HEAD refs/heads/main
  git -C "$repo" remote add origin https://github.com/acme/history.git
  git -C "$repo" config branch.main.remote origin
  git -C "$repo" config branch.main.merge refs/heads/main
  echo "built $repo in $((SECONDS - start)) s"
fi
echo "repository: $(git -C "$repo" rev-list --count HEAD) commits, $(git -C "$repo" tag | wc -l) tags"
echo "machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$relkit" --version), $(git --version)"

TIMEFORMAT=%R
times=()
for ((r = 1; r <= runs; r++)); do
  t="$({ time "${pin[@]}" "$relkit" changelog --all --repo "$repo" \
    --repo-url https://github.com/acme/history --style git-cliff >"$repo.relkit.md"; } 2>&1)"
  times+=("$t")
done
sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
echo "relkit changelog --all --style git-cliff: min $(head -1 <<<"$sorted") s," \
  "median $(sed -n "$(((runs + 1) / 2))p" <<<"$sorted") s over $runs runs" \
  "($(wc -l <"$repo.relkit.md") lines)"

if [[ -n "$cliff" ]]; then
  echo "$("$cliff" --version)"
  rm -rf "$repo/.git/git-cliff-core"
  set +e
  t="$({ time (cd "$repo" && timeout 600 "${pin[@]}" "$cliff" --offline \
    --tag-pattern '^v[0-9]' >"$repo.cliff.md" 2>/dev/null); } 2>&1)"
  status=$?
  set -e
  if [[ $status -eq 124 ]]; then
    echo "git-cliff: stopped after 600 s (did not finish)"
  else
    echo "git-cliff (default configuration): $t s, exit $status ($(wc -l <"$repo.cliff.md") lines)"
    if cmp -s "$repo.relkit.md" "$repo.cliff.md"; then
      echo "outputs: identical"
    else
      echo "outputs: differ ($(diff "$repo.cliff.md" "$repo.relkit.md" | grep -c '^[<>]') lines)"
    fi
  fi
fi
