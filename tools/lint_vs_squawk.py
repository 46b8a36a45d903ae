#!/usr/bin/env python3
"""Compares `relkit migrate lint` with squawk-cli on real migration files.

Usage: tools/lint_vs_squawk.py --relkit PATH/relkit --squawk PATH/squawk
           [--replace FROM=TO]... [--examples N] DIR...

Every *.sql file under each DIR is linted by both tools (default options:
relkit's defaults, squawk 2.66.0's default rules, no --assume-in-transaction).
Findings are compared per file and rule (a file counts once per rule however
many statements break it), after mapping the rules the two tools name
differently. Prints a Markdown table by rule: files both flag, only relkit,
only squawk; then, with --examples, up to N files of each disagreement.
--replace renders templated migrations first (supabase/auth writes its schema
as {{ index .Options "Namespace" }}, which squawk cannot parse): both tools
then read copies with FROM replaced by TO, in a temporary directory. Not run
in CI: it needs squawk (npm install squawk-cli@2.66.0) and the
repositories (docs/migrations-lint.md says which and at which commits).
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

# squawk's name -> relkit's name, where they differ.
SQUAWK_TO_RELKIT = {
    "prefer-timestamp-tz": "prefer-timestamptz",
    "adding-not-nullable-field": "setting-not-null",
}


def sql_files(directory):
    found = []
    for root, _, names in os.walk(directory):
        found.extend(os.path.join(root, n) for n in names if n.endswith(".sql"))
    return sorted(found)


def run_relkit(relkit, files):
    findings = collections.defaultdict(set)
    for start in range(0, len(files), 200):
        chunk = files[start:start + 200]
        out = subprocess.run([relkit, "migrate", "lint", "--json"] + chunk,
                             capture_output=True, text=True, check=False)
        if out.returncode not in (0, 1):
            sys.exit("relkit failed: " + out.stderr)
        for f in json.loads(out.stdout)["files"]:
            findings[f["file"]] |= {x["rule"] for x in f["findings"]}
    return findings


def run_squawk(squawk, files):
    findings = collections.defaultdict(set)
    for start in range(0, len(files), 200):
        chunk = files[start:start + 200]
        out = subprocess.run([squawk, "--reporter", "json"] + chunk,
                             capture_output=True, text=True, check=False)
        for x in json.loads(out.stdout or "[]"):
            rule = x["rule_name"]
            findings[x["file"]].add(SQUAWK_TO_RELKIT.get(rule, rule))
    return findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--relkit", required=True)
    parser.add_argument("--squawk", required=True)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--replace", action="append", default=[])
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    files = [f for d in args.dirs for f in sql_files(d)]
    if args.replace:
        rendered = tempfile.mkdtemp(prefix="lint_vs_squawk.")
        pairs = [r.split("=", 1) for r in args.replace]
        copies = []
        for f in files:
            copy = os.path.join(rendered, f.lstrip("/"))
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            with open(f, encoding="utf-8", errors="surrogateescape") as source:
                text = source.read()
            for old, new in pairs:
                text = text.replace(old, new)
            with open(copy, "w", encoding="utf-8", errors="surrogateescape") as target:
                target.write(text)
            copies.append(copy)
        try:
            compare(args, copies, rendered + "/")
        finally:
            shutil.rmtree(rendered)
    else:
        compare(args, files, "")


def compare(args, files, prefix):
    mine = run_relkit(args.relkit, files)
    theirs = run_squawk(args.squawk, files)
    both = collections.Counter()
    only_relkit = collections.defaultdict(list)
    only_squawk = collections.defaultdict(list)
    for f in files:
        for rule in mine[f] | theirs[f]:
            if rule in mine[f] and rule in theirs[f]:
                both[rule] += 1
            elif rule in mine[f]:
                only_relkit[rule].append(f)
            else:
                only_squawk[rule].append(f)
    rules = sorted(set(both) | set(only_relkit) | set(only_squawk))
    print(f"{len(files)} files\n")
    print("| rule | both | only relkit | only squawk |")
    print("|---|---:|---:|---:|")
    for rule in rules:
        print(f"| {rule} | {both[rule]} | {len(only_relkit[rule])} | {len(only_squawk[rule])} |")
    if args.examples:
        for title, table in (("only relkit", only_relkit), ("only squawk", only_squawk)):
            for rule in rules:
                for f in table[rule][:args.examples]:
                    print(f"{title}\t{rule}\t{f[len(prefix):]}")


if __name__ == "__main__":
    main()
