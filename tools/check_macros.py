#!/usr/bin/env python3
"""Fails when including a relkit header leaves a macro that is not documented.

Preprocesses translation units with `-dM -E`: one including the standard
headers relkit itself includes (the baseline), then, for the umbrella and for
EACH public header (not under detail/), one including the baseline and that
header alone. Every macro a header leaves beyond the baseline must be in
DOCUMENTED (the "Configuration macros" table of docs/integration.md). Checked with the
default flags and with -fno-exceptions.

relkit's internal macros (RELKIT_NAMESPACE_BEGIN/END) are defined by
relkit/detail/prologue.hpp and restored by relkit/detail/epilogue.hpp, the
first and last includes of every header that uses them. This script also
checks that structure; `--fix` adds the two lines where they are missing
(run it after adding headers).

    python3 tools/check_macros.py --compiler g++ --include-dir include
    python3 tools/check_macros.py --include-dir include --fix
"""

import argparse
import pathlib
import re
import subprocess
import sys

DOCUMENTED = {
    "RELKIT_VERSION_MAJOR",
    "RELKIT_VERSION_MINOR",
    "RELKIT_VERSION_PATCH",
    "RELKIT_VERSION",
    "RELKIT_HAS_EXCEPTIONS",
    "RELKIT_THROW",
    "RELKIT_INLINE",
}
# Documented macros a user defines; relkit/src.hpp defines one when it is missing.
USER_DEFINED = {"RELKIT_SEPARATE_COMPILATION"}

INTERNAL = re.compile(r"\bRELKIT_NAMESPACE_(BEGIN|END)\b")
PROLOGUE = '#include "relkit/detail/prologue.hpp"'
EPILOGUE = '#include "relkit/detail/epilogue.hpp"'
# The files of the mechanism itself, and config.hpp which opens its namespace by hand.
EXEMPT = {"relkit/detail/prologue.hpp", "relkit/detail/epilogue.hpp", "relkit/config.hpp"}

SYSTEM_INCLUDE = re.compile(r"^\s*#\s*include\s*<([^>]+)>", re.M)
DEFINE = re.compile(r"^#define ([A-Za-z_][A-Za-z0-9_]*)", re.M)


def macros(compiler: str, include_dir: str, source: str, extra: list) -> set:
    run = subprocess.run([compiler, "-std=c++17", *extra, "-dM", "-E", "-x", "c++", "-I", include_dir, "-"],
                         input=source, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"check_macros.py: preprocessing failed:\n{run.stderr}")
    return set(DEFINE.findall(run.stdout))


def structure(include_dir: pathlib.Path, headers: list, fix: bool) -> int:
    """Every header using the internal macros opens with the prologue and ends with the epilogue."""
    failures = 0
    for path in headers:
        name = path.relative_to(include_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if name in EXEMPT or not INTERNAL.search(text):
            continue
        lines = text.rstrip("\n").split("\n")
        once = next((i for i, line in enumerate(lines) if line.strip() == "#pragma once"), None)
        if once is None:
            print(f"{name}: no #pragma once")
            failures += 1
            continue
        after = next((i for i in range(once + 1, len(lines)) if lines[i].strip() and
                      not lines[i].lstrip().startswith("//")), None)
        has_prologue = after is not None and lines[after].strip() == PROLOGUE
        has_epilogue = lines[-1].strip() == EPILOGUE
        if has_prologue and has_epilogue:
            continue
        if not fix:
            what = " and ".join(w for w, ok in (("prologue first", has_prologue),
                                                 ("epilogue last", has_epilogue)) if not ok)
            print(f"{name}: uses RELKIT_NAMESPACE_* but lacks the {what} (run with --fix)")
            failures += 1
            continue
        lines = [line for line in lines if line.strip() not in (PROLOGUE, EPILOGUE)]
        # After the file's opening comment, before its first include or declaration.
        at = next((i for i in range(once + 1, len(lines)) if lines[i].strip() and
                   not lines[i].lstrip().startswith("//")), len(lines))
        lines[at:at] = [PROLOGUE, ""] if lines[at].startswith("#include") else [PROLOGUE]
        lines += ["", EPILOGUE]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
        print(f"fixed {name}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", default="c++")
    parser.add_argument("--include-dir", required=True)
    parser.add_argument("--fix", action="store_true", help="add missing prologue/epilogue includes, then stop")
    args = parser.parse_args()

    include_dir = pathlib.Path(args.include_dir)
    headers = sorted(pathlib.Path(include_dir, "relkit").rglob("*.hpp"))
    single_header = len(headers) == 1  # single_include/: the amalgamation has no structure to check
    failures = 0 if single_header else structure(include_dir, headers, args.fix)
    if args.fix:
        return 0
    standard = sorted({name for h in headers for name in SYSTEM_INCLUDE.findall(h.read_text(encoding="utf-8"))})
    baseline_source = "".join(f"#include <{name}>\n" for name in standard)
    umbrella = "relkit/relkit.hpp"
    public = [umbrella] + [h.relative_to(include_dir).as_posix() for h in headers
                           if "detail" not in h.relative_to(include_dir).parts[:-1] and
                           h.relative_to(include_dir).as_posix() != umbrella]
    if single_header:
        public = [umbrella]
    for extra in ([], ["-fno-exceptions"]):
        label = " ".join(extra) or "default flags"
        baseline = macros(args.compiler, args.include_dir, baseline_source, extra)
        for header in public:
            left = macros(args.compiler, args.include_dir, baseline_source + f"#include <{header}>\n", extra)
            leaked = sorted(left - baseline - DOCUMENTED - USER_DEFINED)
            if leaked:
                print(f"[{label}] undocumented macros left after #include <{header}>: {', '.join(leaked)}")
                failures += 1
            if header == umbrella:
                missing = sorted(DOCUMENTED - left)
                if missing:
                    print(f"[{label}] documented macros not defined: {', '.join(missing)}")
                    failures += 1
    if failures:
        print("internal macros belong in relkit/detail/prologue.hpp (restored by epilogue.hpp);"
              " public ones in docs/integration.md and DOCUMENTED")
        return 1
    print(f"only documented macros remain ({len(DOCUMENTED)}) after each of {len(public)} public headers,"
          f" checked against {len(standard)} standard headers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
