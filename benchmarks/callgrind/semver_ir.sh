#!/bin/bash
# Instructions per operation (callgrind) of bench_semver's cases, g++ -O3 as the release preset.
#   benchmarks/callgrind/semver_ir.sh [include-dir]      (default: include/ of this checkout)
# Prints "case instructions-per-operation"; per version for mix, per element for sort.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inc=${1:-$here/../../include}
out=$(mktemp -d)
# version_mix() from its signature line to the first "}" line (as benchmarks/peers/run.sh).
awk '/^std::vector<std::string> version_mix\(/ {on=1} on {print} on && /^}$/ {exit}' \
  "$here/../semver_bench.cpp" > "$out/version_mix.inc"
grep -q 'version_mix(' "$out/version_mix.inc" || { echo "version_mix() not found in semver_bench.cpp" >&2; exit 1; }
g++ -std=c++17 -O3 -DNDEBUG -I"$inc" -I"$out" "$here/semver_ir.cpp" -o "$out/semver_ir"
for spec in "mix 20 1000" "invalid 100000 1" "cmp 100000 1" "cmpplain 100000 1" "sort 2 10000" \
            "caret 100000 1" "orx 100000 1" "tilde 100000 1" "satcaret 100000 1"; do
  set -- $spec
  valgrind --tool=callgrind --toggle-collect='run_*' --callgrind-out-file="$out/cg.$1" \
    "$out/semver_ir" "$1" "$2" > /dev/null 2>&1
  ir=$(callgrind_annotate "$out/cg.$1" | grep -m1 'PROGRAM TOTALS' | awk '{gsub(",", "", $1); print $1}')
  echo "$1 $(python3 -c "print(round($ir / ($2 * $3), 1))")"
done
echo "profiles: $out/cg.*"
