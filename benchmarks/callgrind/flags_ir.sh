#!/bin/bash
# Instructions per operation (callgrind) of bench_flags' request-path cases, g++ -O3 as the
# release preset.   benchmarks/callgrind/flags_ir.sh [include-dir]   (default: this checkout's)
# Prints "case instructions-per-operation".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inc=${1:-$here/../../include}
out=$(mktemp -d)
# make_users() and make_payload() from their signature lines to the first "}" line.
awk '/^std::vector<std::string> make_users\(/ || /^std::string make_payload\(/ {on=1} on {print} on && /^}$/ {on=0}' \
  "$here/../flags_bench.cpp" > "$out/flags_inputs.inc"
grep -q 'make_payload(' "$out/flags_inputs.inc" || { echo "make_payload() not found in flags_bench.cpp" >&2; exit 1; }
g++ -std=c++17 -O3 -DNDEBUG -I"$inc" -I"$out" "$here/flags_ir.cpp" -o "$out/flags_ir"
for spec in "isenabled 100000" "unknown 100000" "variant 100000" "growthbook 100000"; do
  set -- $spec
  valgrind --tool=callgrind --toggle-collect='run_*' --callgrind-out-file="$out/cg.$1" \
    "$out/flags_ir" "$1" "$2" > /dev/null 2>&1
  ir=$(callgrind_annotate "$out/cg.$1" | grep -m1 'PROGRAM TOTALS' | awk '{gsub(",", "", $1); print $1}')
  echo "$1 $(python3 -c "print(round($ir / $2, 1))")"
done
echo "profiles: $out/cg.*"
