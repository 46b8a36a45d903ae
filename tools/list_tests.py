#!/usr/bin/env python3
"""Prints the unit-test sources, one per line, relative to the repository root
(Meson has no glob; CMake globs the same patterns)."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
for pattern in ("tests/*_test.cpp", "tests/conformance/*_test.cpp"):
    for path in sorted(ROOT.glob(pattern)):
        print(path.relative_to(ROOT).as_posix())
