#!/usr/bin/env bash
# relkit side by side with its peers, in one command (issue 18): builds relkit's release
# benchmarks and the peers, runs interleaved rounds pinned to one CPU, prints the ratio table.
#
#   benchmarks/peers/run.sh [--rounds N] [--cpu C] [--out DIR] [--suites "semver flags commits memory"]
#
# Peers: node-semver, conventional-commits-parser, unleash-client, @growthbook/growthbook
# (exact versions in package.json and package-lock.json, `npm ci` here), Neargye/semver (header at the commit
# NEARGYE_COMMIT below), Rust `semver` (Debian's librust-semver-dev, built offline).
# Needs: cmake, g++, Google Benchmark (libbenchmark-dev), node + npm, cargo, python3, taskset,
# git (for Neargye), the commit corpus (RELKIT_VECTORS_DIR, default ../shared/vectors beside
# the repository). Environment:
#   RELKIT_VECTORS_DIR   vectors folder holding commits/corpus/ (default <repo>/../shared/vectors)
#   RELKIT_PEERS_BUILD   build folder (default <repo>/build/peers; cmake's release preset there)
#   NEARGYE_SEMVER_HPP   Neargye's semver.hpp to use as is (its sha256 is recorded), or
#   NEARGYE_SEMVER_GIT   a clone or bare mirror of github.com/Neargye/semver to take it from at
#                        NEARGYE_COMMIT; neither set: cloned from GitHub into the build folder.
#   CARGO                cargo to use (default: `cargo` on PATH, else ~/.cargo/bin/cargo)
# Output (DIR, default <build>/results-<UTC time>): one file per program and round, log.txt
# (load average per step), meta.json (versions, commits), summary.json and table.md.
set -euo pipefail

NEARGYE_COMMIT=14a86c62a31931ea2e7aa78b348dc9f7883b79c0  # v1.0.0-rc-3-g14a86c6, 2025-06-10

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROUNDS=3
CPU=0
OUT=
SUITES="semver flags commits memory"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --cpu) CPU=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --suites) SUITES=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --rounds needs a positive number" >&2; exit 2; }
[[ "$CPU" =~ ^[0-9]+$ ]] || { echo "run.sh: --cpu needs a CPU number" >&2; exit 2; }
for s in $SUITES; do
  case "$s" in semver|flags|commits|memory) ;; *) echo "run.sh: unknown suite $s (semver flags commits memory)" >&2; exit 2 ;; esac
done

export RELKIT_VECTORS_DIR=${RELKIT_VECTORS_DIR:-$ROOT/../shared/vectors}
[[ -d "$RELKIT_VECTORS_DIR/commits/corpus" ]] || {
  echo "run.sh: no commit corpus at $RELKIT_VECTORS_DIR/commits/corpus (set RELKIT_VECTORS_DIR)" >&2; exit 1; }
export RELKIT_VECTORS_DIR=$(cd "$RELKIT_VECTORS_DIR" && pwd)
BUILD=${RELKIT_PEERS_BUILD:-$ROOT/build/peers}
TOOLS=$BUILD/peer-tools
OUT=${OUT:-$BUILD/results-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$TOOLS" "$OUT"
OUT=$(cd "$OUT" && pwd)
CARGO=${CARGO:-$(command -v cargo || echo "$HOME/.cargo/bin/cargo")}
CXX=${CXX:-g++}
CXXFLAGS_PEERS="-std=c++17 -O3 -DNDEBUG"  # what the release preset gives relkit (CMake Release)
step() { echo "== $*" >&2; }

# --- 1. relkit's release benchmarks -------------------------------------------------------
step "relkit: cmake --preset release -B $BUILD (bench_semver bench_commits bench_flags)"
(cd "$ROOT" && cmake --preset release -B "$BUILD" > "$OUT/build-relkit.log" 2>&1 &&
  nice -n 10 cmake --build "$BUILD" --target bench_semver bench_commits bench_flags -j2 >> "$OUT/build-relkit.log" 2>&1) ||
  { tail -30 "$OUT/build-relkit.log" >&2; exit 1; }
BENCH=$BUILD/benchmarks

# --- 2. the inputs, from relkit's own benchmark sources -----------------------------------
# version_mix() of semver_bench.cpp and make_users()/make_payload() of flags_bench.cpp, copied
# at run time into inputs.inc so that dump_inputs writes exactly relkit's strings.
extract() {  # file function-name: the definition from its signature line to the first "}" line
  awk -v name="$2" 'index($0, name "(") && $0 ~ /^[A-Za-z].*\) \{$/ {on=1} on {print} on && /^}$/ {exit}' "$1"
}
{
  extract "$ROOT/benchmarks/semver_bench.cpp" version_mix
  extract "$ROOT/benchmarks/flags_bench.cpp" make_users
  extract "$ROOT/benchmarks/flags_bench.cpp" make_payload
} > "$TOOLS/inputs.inc"
for f in version_mix make_users make_payload; do
  grep -q " $f(" "$TOOLS/inputs.inc" || { echo "run.sh: $f() not found in benchmarks/*_bench.cpp" >&2; exit 1; }
done
INPUTS=$TOOLS/inputs
mkdir -p "$INPUTS"
$CXX $CXXFLAGS_PEERS -I"$TOOLS" "$HERE/dump_inputs.cpp" -o "$TOOLS/dump_inputs"
"$TOOLS/dump_inputs" "$INPUTS"
export PEERS_INPUTS=$INPUTS
COMMIT_CORPUS_REPOS=$(grep -o '"[^"]*+[^"]*"' "$ROOT/tests/support/commit_corpus.hpp" | tr -d '"' | paste -sd, -)
export COMMIT_CORPUS_REPOS

# --- 3. the peers ----------------------------------------------------------------------------
step "node peers: npm install in benchmarks/peers"
(cd "$HERE" && if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi) \
  > "$OUT/build-npm.log" 2>&1 || { tail -20 "$OUT/build-npm.log" >&2; exit 1; }

step "Neargye/semver"
NEARGYE_DIR=$TOOLS/neargye
mkdir -p "$NEARGYE_DIR"
if [[ -n "${NEARGYE_SEMVER_HPP:-}" ]]; then
  cp "$NEARGYE_SEMVER_HPP" "$NEARGYE_DIR/semver.hpp"
  NEARGYE_SOURCE="file $NEARGYE_SEMVER_HPP (commit not known)"
else
  GITDIR=${NEARGYE_SEMVER_GIT:-$TOOLS/neargye-clone}
  if [[ -z "${NEARGYE_SEMVER_GIT:-}" && ! -d "$GITDIR" ]]; then
    git clone --quiet --bare https://github.com/Neargye/semver "$GITDIR"
  fi
  git -C "$GITDIR" show "$NEARGYE_COMMIT:include/semver.hpp" > "$NEARGYE_DIR/semver.hpp"
  NEARGYE_SOURCE="github.com/Neargye/semver@$NEARGYE_COMMIT include/semver.hpp"
fi
NEARGYE_SHA=$(sha256sum "$NEARGYE_DIR/semver.hpp" | cut -d' ' -f1)
$CXX $CXXFLAGS_PEERS -I"$NEARGYE_DIR" "$HERE/neargye_bench.cpp" -o "$TOOLS/neargye_bench" -lbenchmark -lpthread

step "Rust semver (Debian's librust-semver-dev, offline)"
(cd "$HERE/rust_semver" && CARGO_TARGET_DIR=$TOOLS/rust "$CARGO" build --release --offline --quiet) \
  > "$OUT/build-rust.log" 2>&1 || { cat "$OUT/build-rust.log" >&2; echo "(apt-get install librust-semver-dev?)" >&2; exit 1; }
RUST_SEMVER=$(awk '/^name = "semver"$/ {getline; gsub(/version = |"/, ""); print}' "$HERE/rust_semver/Cargo.lock")

step "relkit memory programs"
$CXX $CXXFLAGS_PEERS -I"$ROOT/include" "$HERE/mem_flags10k.cpp" -o "$TOOLS/mem_flags10k"
$CXX $CXXFLAGS_PEERS -I"$ROOT/include" "$HERE/mem_commits.cpp" -o "$TOOLS/mem_commits"
$CXX $CXXFLAGS_PEERS -I"$ROOT/include" "$HERE/flags_check.cpp" -o "$TOOLS/flags_check"
"$TOOLS/flags_check" "$INPUTS/flags_payload64.json" "$INPUTS/flags_users4096.txt" > "$OUT/flags_check.relkit.json"

NPM_VERSIONS=$(cd "$HERE" && node -e '
  const fs = require("fs"); const o = {};
  for (const n of ["semver", "conventional-commits-parser", "conventional-changelog-conventionalcommits",
                   "unleash-client", "@growthbook/growthbook", "murmurhash3js"])
    o[n] = JSON.parse(fs.readFileSync(`node_modules/${n}/package.json`, "utf8")).version;
  console.log(JSON.stringify(o));')
RELKIT_COMMIT=$(git -C "$ROOT" rev-parse HEAD)$(git -C "$ROOT" diff --quiet HEAD -- include benchmarks || echo +uncommitted)
RUSTC=$(rustc --version 2>/dev/null || "$(dirname "$CARGO")/rustc" --version)
export CPU ROUNDS CXXFLAGS_PEERS NEARGYE_SOURCE NEARGYE_SHA RUST_SEMVER NPM_VERSIONS RELKIT_COMMIT RUSTC
export CXX_VERSION=$($CXX --version | head -1) NODE_VERSION=$(node --version)
export RELKIT_CXX_FLAGS=$(grep -E '^CMAKE_CXX_FLAGS_RELEASE:' "$BUILD/CMakeCache.txt" | cut -d= -f2-)
python3 - > "$OUT/meta.json" <<'PY'
import json, os, time
e = os.environ
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(json.dumps({"date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "relkit_commit": e["RELKIT_COMMIT"],
                  "cpu": int(e["CPU"]), "rounds": int(e["ROUNDS"]), "cpu_model": model, "nproc": os.cpu_count(),
                  "cxx": e["CXX_VERSION"], "relkit_cxx_flags": e["RELKIT_CXX_FLAGS"], "cxxflags_peers": e["CXXFLAGS_PEERS"],
                  "node": e["NODE_VERSION"], "rustc": e["RUSTC"], "npm": json.loads(e["NPM_VERSIONS"]),
                  "neargye_source": e["NEARGYE_SOURCE"], "neargye_sha256": e["NEARGYE_SHA"], "rust_semver": e["RUST_SEMVER"],
                  "load_before": open("/proc/loadavg").read().split()[:3]}, indent=1))
PY

# --- 4. interleaved rounds, pinned -----------------------------------------------------------
# Each round runs every program of a suite once, in an order rotated per round, so a peer and
# relkit of the same round ran minutes apart at most; ratios are taken within a round.
P="taskset -c $CPU"
GB="--benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_out_format=json"
semver_progs=(relkit neargye rust node)
flags_progs=(relkit node)
commits_progs=(relkit node)
memory_progs=(relkit node)
run_one() {  # suite prog round
  local s=$1 p=$2 r=$3 f="$OUT/$1.$2.r$3"
  echo "$(date -u +%T) cpu$CPU $s $p r$r load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/log.txt"
  case "$s.$p" in
    semver.relkit)  $P "$BENCH/bench_semver" --benchmark_min_time=0.2 $GB --benchmark_out="$f.json" ;;
    semver.neargye) $P "$TOOLS/neargye_bench" --benchmark_min_time=0.2 $GB --benchmark_out="$f.json" ;;
    semver.rust)    $P "$TOOLS/rust/release/semver_peer_bench" 5 100 > "$f.jsonl" ;;
    semver.node)    $P node "$HERE/node_semver_bench.js" --rounds=5 --round-ms=100 > "$f.jsonl" ;;
    flags.relkit)   $P "$BENCH/bench_flags" --benchmark_min_time=0.3 $GB --benchmark_out="$f.json" ;;
    flags.node)     $P node "$HERE/node_flags_bench.js" 5 100 > "$f.jsonl" ;;
    commits.relkit) $P "$BENCH/bench_commits" --benchmark_filter='^BM_ParseCorpus' --benchmark_min_time=1 $GB --benchmark_out="$f.json" ;;
    commits.node)   $P node "$HERE/node_commits_bench.js" 5 > "$f.jsonl" ;;
    memory.relkit)  { $P "$TOOLS/mem_flags10k" "$INPUTS/flags_payload10k.json" 7 && $P "$TOOLS/mem_commits"; } > "$f.jsonl" ;;
    memory.node)    { $P node --expose-gc "$HERE/node_flags10k.js" "$INPUTS/flags_payload10k.json" 7 &&
                      $P node --expose-gc "$HERE/node_commits_mem.js"; } > "$f.jsonl" ;;
  esac > /dev/null 2>> "$OUT/err.txt" || { echo "run.sh: $s.$p failed in round $r (see $OUT/err.txt)" >&2; exit 1; }
}
for r in $(seq 1 "$ROUNDS"); do
  step "round $r/$ROUNDS on cpu $CPU (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for s in $SUITES; do
    eval "progs=(\"\${${s}_progs[@]}\")"
    n=${#progs[@]}
    for k in $(seq 0 $((n - 1))); do run_one "$s" "${progs[$(( (k + r) % n ))]}" "$r"; done
  done
done
echo "$(date -u +%T) done load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/log.txt"

# --- 5. the table ------------------------------------------------------------------------------
python3 "$HERE/table.py" "$OUT" > "$OUT/table.md"
cat "$OUT/table.md"
step "results in $OUT"
