#!/usr/bin/env python3
"""Fails when including relkit leaves a macro that is not documented.

Preprocesses two translation units with `-dM -E`: one including the standard
headers relkit itself includes, one including those and <relkit/relkit.hpp>.
Every macro the second defines beyond the first must be in DOCUMENTED (the
"Configuration macros" table of README.md).

    python3 tools/check_macros.py --compiler g++ --include-dir include
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
}

SYSTEM_INCLUDE = re.compile(r"^\s*#\s*include\s*<([^>]+)>", re.M)
DEFINE = re.compile(r"^#define ([A-Za-z_][A-Za-z0-9_]*)", re.M)


def macros(compiler: str, include_dir: str, source: str, extra: list) -> set:
    run = subprocess.run([compiler, "-std=c++17", *extra, "-dM", "-E", "-x", "c++", "-I", include_dir, "-"],
                         input=source, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"check_macros.py: preprocessing failed:\n{run.stderr}")
    return set(DEFINE.findall(run.stdout))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--include-dir", required=True)
    args = parser.parse_args()

    headers = sorted(pathlib.Path(args.include_dir, "relkit").rglob("*.hpp"))
    standard = sorted({name for h in headers for name in SYSTEM_INCLUDE.findall(h.read_text(encoding="utf-8"))})
    baseline_source = "".join(f"#include <{name}>\n" for name in standard)
    failures = 0
    for extra in ([], ["-fno-exceptions"]):
        baseline = macros(args.compiler, args.include_dir, baseline_source, extra)
        with_relkit = macros(args.compiler, args.include_dir, baseline_source + "#include <relkit/relkit.hpp>\n", extra)
        leaked = sorted(with_relkit - baseline - DOCUMENTED)
        missing = sorted(DOCUMENTED - with_relkit)
        label = " ".join(extra) or "default flags"
        if leaked:
            print(f"[{label}] undocumented macros left after #include <relkit/relkit.hpp>: {', '.join(leaked)}")
            failures += 1
        if missing:
            print(f"[{label}] documented macros not defined: {', '.join(missing)}")
            failures += 1
    if failures:
        print("#undef internal macros at the end of relkit.hpp, or document them in README.md and DOCUMENTED")
        return 1
    print(f"only documented macros remain ({len(DOCUMENTED)}), checked against {len(standard)} standard headers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
