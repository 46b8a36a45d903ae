#!/usr/bin/env python3
"""Checks (or writes) docs/changelog-relkit.md: relkit's own changelog, written by relkit.

The page holds a hand-written introduction, then a marker line naming the exact arguments of
`relkit changelog` it was generated with, its range ending at a fixed commit:

  <!-- relkit changelog: --all --repo-url URL --style NAME --to SHA -->

and after that line, the command's output, byte for byte. The check runs the built relkit
with those arguments on this repository (`--repo` the checkout) and compares; because the
range ends at a recorded commit, commits made later do not change the output, so the check
holds on any clone of main that has that commit. Without a git checkout (a release tarball)
or without the commit (a shallow clone) it skips (exit 77), saying why.

    python3 tools/changelog_page.py --relkit PATH            # check
    python3 tools/changelog_page.py --relkit PATH --write [--to REF]
        # regenerate; --to moves the recorded commit (e.g. --to main, resolved to its sha)
"""

import argparse
import pathlib
import re
import shlex
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "changelog-relkit.md"
MARKER = re.compile(r"^<!-- relkit changelog: (.*) -->$", re.M)
SKIP = 77


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT)] + list(args), capture_output=True, text=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relkit", type=pathlib.Path, required=True)
    parser.add_argument("--write", action="store_true", help="regenerate the page's output")
    parser.add_argument("--to", help="with --write: the commit the range ends at (resolved)")
    args = parser.parse_args()
    text = PAGE.read_text(encoding="utf-8")
    match = MARKER.search(text)
    if match is None:
        print(f"{PAGE}: no `<!-- relkit changelog: ARGS -->` line")
        return 1
    words = shlex.split(match.group(1))
    if "--to" not in words or words.index("--to") + 1 >= len(words):
        print(f"{PAGE}: the recorded arguments have no --to COMMIT (the output would move)")
        return 1
    if git("rev-parse", "--git-dir").returncode != 0:
        print(f"skipped: {ROOT} is not a git checkout")
        return SKIP
    if args.write and args.to:
        resolved = git("rev-parse", "--verify", args.to + "^{commit}")
        if resolved.returncode != 0:
            print(f"--to {args.to}: {resolved.stderr.strip()}")
            return 1
        words[words.index("--to") + 1] = resolved.stdout.strip()
    commit = words[words.index("--to") + 1]
    if git("cat-file", "-e", commit + "^{commit}").returncode != 0:
        print(f"skipped: commit {commit} is not in this clone (shallow?)")
        return SKIP
    run = subprocess.run([str(args.relkit), "changelog"] + words + ["--repo", str(ROOT)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(f"relkit changelog {' '.join(words)}: exit {run.returncode}\n{run.stderr}")
        return 1
    head = text[:match.start()] + f"<!-- relkit changelog: {shlex.join(words)} -->\n"
    if args.write:
        PAGE.write_text(head + run.stdout, encoding="utf-8")
        print(f"{PAGE.relative_to(ROOT)}: written ({len(run.stdout.splitlines())} lines)")
        return 0
    shown = text[match.end() + 1:]
    if shown != run.stdout:
        a, b = shown.split("\n"), run.stdout.split("\n")
        line = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        first = text[:match.end()].count("\n") + 2 + line
        print(f"{PAGE.relative_to(ROOT)}:{first}: differs from `relkit changelog "
              f"{' '.join(words)}`:\n  page:   {a[line] if line < len(a) else '(end)'}\n"
              f"  relkit: {b[line] if line < len(b) else '(end)'}\n"
              "regenerate: python3 tools/changelog_page.py --relkit PATH --write")
        return 1
    print(f"{PAGE.relative_to(ROOT)}: the output of relkit changelog {' '.join(words)} "
          f"({len(b := run.stdout.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
