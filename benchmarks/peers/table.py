#!/usr/bin/env python3
"""The ratio table of issue 18 from one run of benchmarks/peers/run.sh.

    python3 table.py OUTDIR > table.md      (writes OUTDIR/summary.json too)

Every file OUTDIR/<suite>.<prog>.r<round>.json (Google Benchmark, median aggregate of 3
repetitions, real time) or .jsonl (one JSON line per case: node, Rust, memory programs) is one
program's run in one round. Per row: the median over rounds of relkit's time and of each peer's,
and the median over rounds of the ratio peer / relkit taken within each round (both measured
minutes apart at most, pinned to the same CPU). Ratio > 1: relkit is faster.

ROWS below is the one list of benchmark names the harness relies on: relkit's (benchmarks/
semver_bench.cpp, flags_bench.cpp, commits_bench.cpp) and the peers' cases.
"""
import glob
import json
import os
import re
import statistics
import sys

UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def peer(label, prog, case, div=1, best=True):
    """One peer measurement: its label, program, case name, items per reported time.
    best=False: shown, but not a candidate for "best peer" (not the same operation)."""
    return {"label": label, "prog": prog, "case": case, "div": div, "best": best}


NEARGYE = "Neargye/semver"
RUST = "Rust `semver`"
NODE = "node-semver"

# (operation, suite, relkit benchmark name(s), items per relkit time, peers, goal)
ROWS = [
    ("semver parse, 1000-version mix (per version)", "semver", ["BM_ParseMix1000"], 1000,
     [peer(NEARGYE, "neargye", "BM_ParseMix1000", 1000), peer(RUST, "rust", "ParseMix1000"),
      peer(NODE, "node", "ParseMix1000")], 1.5),
    ("semver parse invalid `1.2.x-beta`", "semver", ["BM_ParseInvalid"], 1,
     [peer(NEARGYE, "neargye", "BM_ParseInvalid"), peer(RUST, "rust", "ParseInvalid"),
      peer(NODE, "node", "ParseInvalid")], 1.0),
    ("compare parsed, prerelease", "semver", ["BM_CompareParsed"], 1,
     [peer(NEARGYE, "neargye", "BM_CompareParsed"), peer(RUST, "rust", "CompareParsed"),
      peer(NODE, "node", "CompareParsed")], 1.5),
    ("compare parsed, plain", "semver", ["BM_CompareParsedPlain"], 1,
     [peer(NEARGYE, "neargye", "BM_CompareParsedPlain"), peer(RUST, "rust", "CompareParsedPlain"),
      peer(NODE, "node", "CompareParsedPlain")], 1.0),
    ("compare strings (parse both, compare)", "semver", ["BM_CompareStrings"], 1,
     [peer(NEARGYE, "neargye", "BM_CompareStrings"), peer(RUST, "rust", "CompareStrings"),
      peer(NODE, "node", "CompareStrings")], None),
    ("sort 10k strings (parse + stable sort, per element)", "semver", ["BM_Sort10kStrings"], 10000,
     [peer(NEARGYE, "neargye", "BM_Sort10kStrings", 10000),
      peer(RUST, "rust", "Sort10kStrings(parse once, stable sort by Ord incl. build)"),
      peer(NODE, "node", "Sort10kStrings(parse once, sort by compareBuild)"),
      peer(NODE + " `semver.sort`", "node", "Sort10kStrings(semver.sort on strings, node idiom)", best=False)],
     1.0),
]
for key, text in (("caret", "`^1.2.3`"), ("or_xrange", "`>=1.2.7 <1.3.0 \\|\\| 2.x`"),
                  ("tilde_pre", "`~1.2.3-beta.2`")):
    rust_case = {"or_xrange": "RangeParse/or_xrange (two reqs: '>=1.2.7, <1.3.0' + '2.x')"}.get(
        key, f"RangeParse/{key}")
    ROWS.append((f"range parse {text}", "semver", [f"BM_RangeParse/{key}"], 1,
                 [peer(NEARGYE + " (node's desugaring)", "neargye", f"BM_RangeParse/{key}"),
                  peer(RUST, "rust", rust_case),
                  peer(NODE + " (LRU off)", "node", f"RangeParse/{key} (uncached)"),
                  peer(NODE + " (LRU hit)", "node", f"RangeParse/{key} (cached)", best=False)], 1.0))
for key, text, goal in (("caret", "`^1.2.3`", 1.0), ("or_xrange", "`>=1.2.7 <1.3.0 \\|\\| 2.x`", None),
                        ("tilde_pre", "`~1.2.3-beta.2` (prerelease)", None)):
    rust_case = {"or_xrange": "Satisfies/or_xrange (a || b)"}.get(key, f"Satisfies/{key}")
    ROWS.append((f"satisfies {text}, pre-parsed", "semver", [f"BM_Satisfies/{key}"], 1,
                 [peer(NEARGYE + " (node's desugaring)", "neargye", f"BM_Satisfies/{key}"),
                  peer(RUST, "rust", rust_case), peer(NODE, "node", f"Satisfies/{key}")], goal))
ROWS += [
    ("commit corpus, parser-7.1.4 grammar (one pass; relkit `parse(message)`, a new commit each)",
     "commits", ["BM_ParseCorpusCompatible"], 1,
     [peer("conventional-commits-parser (a new object each)", "node", "cc-parser/corpus")], 25.0),
    # The same pass the way a pipeline loop would write it in C++: one commit reused, its lists
    # keeping their capacity (same answers). Shown beside the row above, not instead of it.
    ("commit corpus, parser-7.1.4 grammar (one pass; relkit `parse(message, commit&)`, one "
     "reused commit)", "commits", ["BM_ParseCorpusCompatibleInto"], 1,
     [peer("conventional-commits-parser (a new object each)", "node", "cc-parser/corpus")], None),
    ("Unleash payload load, 10,000 flags", "memory", ["load10k"], 1,
     [peer("unleash-client (`JSON.parse` + its name map)", "node", "load10k")], 3.0),
    ("Unleash `is_enabled` (flexibleRollout + IN, 64 flags)", "flags",
     ["BM_UnleashIsEnabled_FlexibleRolloutOneConstraint"], 1,
     [peer("unleash-client `UnleashClient`", "node",
           "unleash.isEnabled flexibleRollout50+IN (UnleashClient, 64 flags)"),
      peer("unleash-client public `Unleash`", "node",
           "unleash.isEnabled flexibleRollout50+IN (public Unleash, metrics off)")], 25.0),
    ("Unleash `is_enabled`, unknown flag", "flags", ["BM_UnleashIsEnabled_UnknownFlag"], 1,
     [peer("unleash-client", "node", "unleash.isEnabled unknown flag (UnleashClient)")], None),
    ("Unleash `get_variant` (3 variants)", "flags", ["BM_UnleashGetVariant"], 1,
     [peer("unleash-client", "node", "unleash.getVariant flag-42, 3 variants (UnleashClient)")], None),
    ("Unleash bucket (normalizedStrategyValue)", "flags", ["BM_UnleashBucket"], 1,
     [peer("unleash-client", "node",
           "unleash normalizedStrategyValue(\"new-checkout\", user) (= BM_UnleashBucket)")], None),
    ("MurmurHash3 x86_32, 41-byte key", "flags", ["BM_Murmur3_41ByteKey", "BM_Murmur3_40ByteKey"], 1,
     [peer("murmurhash3js 3.0.1", "node",
           "murmurhash3js x86.hash32 same 41-byte key (= BM_Murmur3_41ByteKey)")], None),
    ("GrowthBook hash v2", "flags", ["BM_GrowthBookHashV2"], 1,
     [peer("@growthbook/growthbook", "node",
           "growthbook hash v2 (\"pricing-page-experiment\", user) (= BM_GrowthBookHashV2)")], 25.0),
]
# Extra conditions beside the ratio: (row operation) -> description, check(relkit, node) -> bool
ALLOCS_ROW = "Unleash `is_enabled` (flexibleRollout + IN, 64 flags)"
LOAD_ROW = "Unleash payload load, 10,000 flags"


def load_gb(path):
    out = {}
    d = json.load(open(path))
    for b in d["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        v = {"ns": b["real_time"] * UNIT[b["time_unit"]]}
        for k in ("bytes_per_second", "items_per_second", "allocs/op"):
            if k in b:
                v[k] = b[k]
        out[b["run_name"]] = v
    return out


def load_jsonl(path):
    out = {}
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        o = json.loads(line)
        if "name" not in o:
            continue
        if "ns" in o:
            out[o["name"]] = {"ns": o["ns"]}
        elif "ms_median" in o:  # commit corpus pass
            out[o["name"]] = {"ns": o["ms_median"] * 1e6, "bytes": o["bytes"]}
        elif "load_ms_median" in o:  # 10k flags: load time and memory
            out[o["name"]] = dict(o, ns=o["load_ms_median"] * 1e6)
        elif o["name"] == "corpus_held":
            out[o["name"]] = o
    return out


def load(outdir):
    runs = {}  # (suite, prog) -> {round: {case: values}}
    for f in glob.glob(os.path.join(outdir, "*.r*.json*")):
        m = re.match(r"(\w+)\.(\w+)\.r(\d+)\.(json|jsonl)$", os.path.basename(f))
        if not m:
            continue
        data = load_gb(f) if m.group(4) == "json" else load_jsonl(f)
        runs.setdefault((m.group(1), m.group(2)), {})[int(m.group(3))] = data
    return runs


def med(xs):
    return statistics.median(xs) if xs else None


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e6:
        return f"{ns / 1e6:,.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:,.2f} µs"
    return f"{ns:,.2f} ns" if ns < 10 else f"{ns:,.1f} ns"


def fmt_ratio(x):
    return "–" if x is None else (f"{x:.2f}" if x < 10 else f"{x:.1f}")


def summarize(runs):
    rows = []
    for op, suite, names, rdiv, peers, goal in ROWS:
        rel = runs.get((suite, "relkit"), {})
        name = next((n for n in names if any(n in v for v in rel.values())), None)
        if name is None:
            continue
        rel_ns = {r: v[name]["ns"] / rdiv for r, v in rel.items() if name in v}
        row = {"operation": op, "relkit": name, "relkit_ns": med(list(rel_ns.values())),
               "relkit_ns_rounds": [rel_ns[r] for r in sorted(rel_ns)], "goal": goal, "peers": []}
        allocs = [v[name]["allocs/op"] for v in rel.values() if name in v and "allocs/op" in v[name]]
        if allocs:
            row["relkit_allocs_per_op"] = max(allocs)
        for p in peers:
            pr = runs.get((suite, p["prog"]), {})
            p_ns = {r: v[p["case"]]["ns"] / p["div"] for r, v in pr.items() if p["case"] in v}
            if not p_ns:
                continue
            ratios = [p_ns[r] / rel_ns[r] for r in p_ns if r in rel_ns and rel_ns[r] > 0]
            row["peers"].append({"label": p["label"], "case": p["case"], "best_candidate": p["best"],
                                 "ns": med(list(p_ns.values())),
                                 "ns_rounds": [p_ns[r] for r in sorted(p_ns)],
                                 "ratio": med(ratios), "ratio_min": min(ratios, default=None),
                                 "ratio_max": max(ratios, default=None)})
        cands = [p for p in row["peers"] if p["best_candidate"] and p["ratio"] is not None]
        row["best"] = min(cands, key=lambda p: p["ns"]) if cands else None
        ratio = row["best"]["ratio"] if row["best"] else None
        met = None if goal is None or ratio is None else ratio >= goal
        notes = []
        if op == ALLOCS_ROW and "relkit_allocs_per_op" in row:
            zero = row["relkit_allocs_per_op"] == 0
            notes.append(f"allocs/op {row['relkit_allocs_per_op']:g}")
            met = met and zero if met is not None else met
        if op == LOAD_ROW:
            mem = memory_rows(runs).get("load10k")
            if mem:
                ok = mem["relkit"]["peak_rss_delta_kib"] <= mem["node"]["peak_rss_delta_kib"]
                notes.append("peak RSS +{:.1f} MiB vs node's +{:.1f} MiB".format(
                    mem["relkit"]["peak_rss_delta_kib"] / 1024, mem["node"]["peak_rss_delta_kib"] / 1024))
                met = met and ok if met is not None else met
        row["met"] = met
        row["notes"] = notes
        rows.append(row)
    return rows


MEMORY_KEYS = ("peak_rss_delta_kib", "heap_held_bytes", "peak_rss_kib", "rss_before_kib")


def memory_rows(runs):
    out = {}
    for case in ("load10k", "corpus_held"):
        entry = {}
        for prog in ("relkit", "node"):
            vals = [v[case] for v in runs.get(("memory", prog), {}).values() if case in v]
            if vals:
                entry[prog] = {k: med([x[k] for x in vals]) for k in MEMORY_KEYS}
                entry[prog]["rounds"] = len(vals)
                for k in ("json_bytes", "bytes", "messages", "conventional", "on"):
                    if k in vals[0]:
                        entry[prog][k] = vals[0][k]
        if len(entry) == 2:
            out[case] = entry
    return out


def met_text(row):
    if row["goal"] is None:
        return ""
    if row["met"] is None:
        return "?"
    if row["met"]:
        return "yes"
    ratio = row["best"]["ratio"]
    short = f"×{row['goal'] / ratio:.2f} short" if ratio and ratio < row["goal"] else "ratio met"
    return f"**no** ({short})"


def main():
    outdir = sys.argv[1]
    runs = load(outdir)
    rows = summarize(runs)
    mem = memory_rows(runs)
    meta = {}
    if os.path.exists(os.path.join(outdir, "meta.json")):
        meta = json.load(open(os.path.join(outdir, "meta.json")))
    loads = []
    if os.path.exists(os.path.join(outdir, "log.txt")):
        for line in open(os.path.join(outdir, "log.txt")):
            m = re.search(r"load ([\d.]+) ", line)
            if m:
                loads.append(float(m.group(1)))
    rounds = max((r for v in runs.values() for r in v), default=0)
    p = print
    p(f"relkit vs peers, {meta.get('date_utc', '?')}, relkit {meta.get('relkit_commit', '?')[:12]}, "
      f"{rounds} interleaved rounds pinned to cpu {meta.get('cpu', '?')} "
      f"({meta.get('cpu_model', '?')}, {meta.get('nproc', '?')} vCPUs); "
      f"1-min load average during the run {min(loads, default=0):.2f}–{max(loads, default=0):.2f}.")
    p("Times: median over rounds (wall clock, each program's own median); ratio = best peer time ÷ relkit "
      "time, median of the per-round ratios (min–max); > 1: relkit is faster.")
    p("")
    p("| operation | relkit | best peer | peer | ratio (min–max) | goal | met |")
    p("|---|---:|---|---:|---:|---:|---|")
    for r in rows:
        b = r["best"]
        if b is None:
            continue
        rng = f"{fmt_ratio(b['ratio'])} ({fmt_ratio(b['ratio_min'])}–{fmt_ratio(b['ratio_max'])})"
        goal = "–" if r["goal"] is None else f"≥ {r['goal']:g}"
        met = met_text(r) + ("; " + "; ".join(r["notes"]) if r["notes"] else "")
        p(f"| {r['operation']} | {fmt_ns(r['relkit_ns'])} | {b['label']} | {fmt_ns(b['ns'])} | {rng} | {goal} | {met} |")
    p("")
    p("Every peer (ratio = peer ÷ relkit, median of rounds):")
    p("")
    p("| operation | peer | peer time | ratio |")
    p("|---|---|---:|---:|")
    for r in rows:
        for q in r["peers"]:
            p(f"| {r['operation']} | {q['label']} | {fmt_ns(q['ns'])} | {fmt_ratio(q['ratio'])} |")
    commits = next((r for r in rows if r["relkit"] == "BM_ParseCorpusCompatible"), None)
    if commits and commits["best"] and "corpus_held" in mem:
        nbytes = mem["corpus_held"]["relkit"].get("bytes")
        if nbytes:
            p("")
            p(f"Commit corpus: {mem['corpus_held']['relkit']['messages']:,} messages, {nbytes:,} bytes "
              f"({nbytes / 1e6:.2f} MB = {nbytes / 2**20:.2f} MiB); relkit "
              f"{nbytes / 1e6 / (commits['relkit_ns'] / 1e9):,.0f} MB/s, conventional-commits-parser "
              f"{nbytes / 1e6 / (commits['best']['ns'] / 1e9):,.1f} MB/s (MB = 10^6 bytes).")
    if mem:
        p("")
        p("Memory (median over rounds; peak RSS delta = peak RSS after - RSS before, in the same process; "
          "heap held = heap in use with the result held - before: glibc mallinfo2 for relkit, V8 heapUsed "
          "after a full GC for node):")
        p("")
        p("| what | relkit peak RSS delta | node peak RSS delta | relkit heap held | node heap held |")
        p("|---|---:|---:|---:|---:|")
        labels = {"load10k": "10,000-flag Unleash set ({} bytes of JSON), held",
                  "corpus_held": "commit corpus, {} messages parsed and held"}
        for case, e in mem.items():
            what = labels[case].format(f"{e['relkit'].get('json_bytes', 0):,}" if case == "load10k"
                                       else f"{e['relkit'].get('messages', 0):,}")
            p(f"| {what} | {e['relkit']['peak_rss_delta_kib'] / 1024:.1f} MiB | "
              f"{e['node']['peak_rss_delta_kib'] / 1024:.1f} MiB | {e['relkit']['heap_held_bytes'] / 2**20:.1f} MiB | "
              f"{e['node']['heap_held_bytes'] / 2**20:.1f} MiB |")
    checks = []
    rel_check = os.path.join(outdir, "flags_check.relkit.json")
    if os.path.exists(rel_check):
        want = json.load(open(rel_check))
        for f in sorted(glob.glob(os.path.join(outdir, "flags.node.r*.jsonl"))):
            for line in open(f):
                if '"check"' in line:
                    checks.append(json.loads(line) == want)
        if checks:
            p("")
            p(f"Answers: relkit and unleash-client agree on flag-42 for the 4096 users ({want['enabled']} enabled, "
              f"variants {want['variants']}): {'yes' if all(checks) else 'NO'} in {len(checks)} round(s).")
    p("")
    p("Peers: " + ", ".join(f"{k} {v}" for k, v in meta.get("npm", {}).items())
      + f"; Rust semver {meta.get('rust_semver', '?')} ({meta.get('rustc', '?')}); Neargye/semver "
      f"{meta.get('neargye_source', '?')}; node {meta.get('node', '?')}; relkit built with "
      f"{meta.get('cxx', '?')} {meta.get('relkit_cxx_flags', '?')}.")
    json.dump({"meta": meta, "rows": rows, "memory": mem}, open(os.path.join(outdir, "summary.json"), "w"),
              indent=1)


main()
