#!/usr/bin/env python3
"""Packs the release tarball relkit-<version>.tar.gz, byte for byte the same
for the same files (sorted names, fixed times and owners, no gzip timestamp),
so its SHA-256 can be published for FetchContent's URL_HASH and Meson wraps.

It holds the library, its build files and the sources of the `relkit`
command (tools/cli/) under relkit-<version>/: what a consumer needs, not the
tests, the examples or the other tools.

    python3 tools/make_dist.py [--output DIR]   # prints the path and its SHA256
"""

import argparse
import gzip
import hashlib
import io
import pathlib
import re
import sys
import tarfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# docs/ and mkdocs.yml: the README links into the reference, which must travel with it.
CONTENTS = ["CMakeLists.txt", "meson.build", "meson_options.txt", "LICENSE", "README.md", "docs", "mkdocs.yml",
            "cmake", "include", "src", "single_include", "tools/cli"]
EPOCH = 946684800  # 2000-01-01T00:00:00Z


def version() -> str:
    text = (ROOT / "include/relkit/config.hpp").read_text(encoding="utf-8")
    parts = dict(re.findall(r"^#define RELKIT_VERSION_(MAJOR|MINOR|PATCH) ([0-9]+)$", text, re.M))
    return "{MAJOR}.{MINOR}.{PATCH}".format(**parts)


def files() -> list:
    found = []
    for item in CONTENTS:
        path = ROOT / item
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file())
    return sorted(found, key=lambda p: p.relative_to(ROOT).as_posix())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(ROOT / "build" / "dist"), help="directory for the tarball")
    args = parser.parse_args()
    top = f"relkit-{version()}"
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for path in files():
            info = tarfile.TarInfo(f"{top}/{path.relative_to(ROOT).as_posix()}")
            data = path.read_bytes()
            info.size = len(data)
            info.mtime = EPOCH
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    out_dir = pathlib.Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{top}.tar.gz"
    with open(out, "wb") as handle, gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as packed:
        packed.write(raw.getvalue())
    print(out)
    print("SHA256=" + hashlib.sha256(out.read_bytes()).hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
