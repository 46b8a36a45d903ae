#!/usr/bin/env python3
"""Turns the C++ snippets of README.md and docs/**/*.md into programs that ctest compiles and runs.

Every ```cpp block of a page is a program as a reader sees it. A block with `int main()` is
used as it is; any other block is a fragment: its `#include` lines go to file scope and the
rest becomes the body of `main`. Markers in HTML comments (not rendered on GitHub, nor by
mkdocs) complete the picture:

  <!-- snippet: setup
  code the next cpp block needs but the reader does not (inputs, a clock);
  `#include` lines go to file scope, the rest runs first in main
  -->

  <!-- snippet: output -->        the next fenced block is the exact standard
                                   output of the cpp block before it
  <!-- snippet: output-of examples/NAME.expected -->
                                   the next fenced block is a contiguous run of
                                   lines of that file (an example's checked output)

Unmarked non-cpp blocks are not checked here; shell blocks that call relkit are run by
tools/doc_shell.py, whose multi-line `<!-- shell: setup` comments this tool skips. A marker that is not followed by what
it announces is an error, so markers cannot silently rot.

One program per page (each relkit translation unit costs seconds to compile): every snippet
of the page goes into a namespace of its own (so two snippets may define the same names), its
`main` renamed, its `#include` lines moved to the top (`#line` keeps compiler messages on the
page's lines), and the program's `main` runs the snippet its argument names. ctest runs the
program once per snippet and compares the output.

    python3 tools/readme_snippets.py --out DIR   # write DIR/*.cpp, *.expected, snippets.cmake
    python3 tools/readme_snippets.py --check-output-of   # verify the output-of blocks
"""

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)\s*$")
MARKER = re.compile(r"^<!-- snippet: (output|output-of (\S+)) -->\s*$")
SETUP_OPEN = "<!-- snippet: setup"
MAIN = re.compile(r"\bint\s+main\s*\(\s*\)")
ANY_MAIN = re.compile(r"\bint\s+main\s*\(")
# Included by every generated program so a fragment can print without ceremony.
PRELUDE = ["#include <cstdint>", "#include <iostream>", "#include <string>",
           "#include <string_view>", "#include <utility>", "#include <vector>"]
ENTRY = "relkit_snippet_main"


def pages() -> list:
    """README.md, then every page of docs/ in path order."""
    return [ROOT / "README.md"] + sorted((ROOT / "docs").rglob("*.md"))


def page_name(path: pathlib.Path) -> str:
    return path.relative_to(ROOT).as_posix()


def page_ids(path: pathlib.Path):
    """(program target, test prefix): snippets_readme/readme, snippets_docs_cli/docs.cli."""
    rel = path.relative_to(ROOT).with_suffix("").as_posix()
    if rel == "README":
        return "snippets_readme", "readme"
    words = re.sub(r"[^A-Za-z0-9/]+", "_", rel).lower().split("/")
    return "snippets_" + "_".join(words), ".".join(words)


def is_include(line: str) -> bool:
    return line.lstrip().startswith("#include")


class Snippet:
    def __init__(self, page: str, name: str, line: int, code: list, setup: list, setup_line: int):
        self.page = page
        self.name = name
        self.line = line  # the line of the opening fence; the code starts on the next
        self.code = code
        self.setup = setup
        self.setup_line = setup_line  # the line of the setup comment's opening
        self.expected = None  # text of the block marked `snippet: output`

    def has_main(self) -> bool:
        return any(ANY_MAIN.search(line) for line in self.code)

    def includes(self) -> list:
        return [line.strip() for line in self.setup + self.code if is_include(line)]

    def body(self) -> str:
        """The snippet in its namespace, its #include lines blanked (moved to the top)."""
        def lines(start: int, block: list) -> list:
            return [f'#line {start} "{self.page}"'] + ["" if is_include(l) else l for l in block]

        out = [f"namespace relkit_snippet_{self.name} {{  // {self.page} line {self.line}"]
        if self.has_main():
            if self.setup:
                sys.exit(f"{self.page}:{self.line}: a snippet with its own main cannot take a setup")
            if not any(MAIN.search(line) for line in self.code):
                sys.exit(f"{self.page}:{self.line}: a snippet's main must be `int main()`")
            code = [MAIN.sub(f"int {ENTRY}()", l) for l in self.code]
            # main may end without a return; the renamed function may not: `return 0;` goes on
            # the line of main's closing brace (the first `}` at column 0 after it).
            start = next(i for i, l in enumerate(code) if ENTRY in l)
            close = next((i for i in range(start, len(code)) if code[i].rstrip() == "}"), None)
            if close is None:
                sys.exit(f"{self.page}:{self.line}: main's closing brace is not a line `}}`")
            code[close] = "return 0; }"
            out += lines(self.line + 1, code)
        else:
            out.append(f"int {ENTRY}() {{")
            if self.setup:
                out += lines(self.setup_line + 1, self.setup)
            out += lines(self.line + 1, self.code)
            out.append("  return 0;")
            out.append("}")
        out.append(f"}}  // namespace relkit_snippet_{self.name}")
        return "\n".join(out) + "\n"


def program(page: str, snippets: list) -> str:
    includes = []
    for snippet in snippets:
        for line in snippet.includes():
            if line not in includes:
                includes.append(line)
    head = includes + [p for p in PRELUDE if p not in includes]
    text = (f"// Generated by tools/readme_snippets.py from {page}; do not edit.\n"
            "// Each snippet in its own namespace, its main renamed; `PROGRAM NAME` runs one.\n"
            + "\n".join(head) + "\n\n")
    text += "\n".join(snippet.body() for snippet in snippets)
    text += "\nint main(int argc, char** argv) {\n"
    text += '  const std::string which = argc == 2 ? argv[1] : "";\n'
    for snippet in snippets:
        text += (f'  if (which == "{snippet.name}") return relkit_snippet_{snippet.name}::'
                 f"{ENTRY}();\n")
    names = " | ".join(s.name for s in snippets)
    text += f'  std::cerr << "usage: PROGRAM {names}\\n";\n  return 2;\n}}\n'
    return text


def slug(heading: str) -> str:
    heading = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
    return re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_") or "top"


def fence_body(lines: list, start: int, opener: str):
    """(the lines of the fenced block opened at `start`, the index of its closing fence, or
    len(lines) when it is not closed). Shared with tools/doc_shell.py."""
    body = []
    i = start + 1
    while i < len(lines):
        close = re.match(r"^(`{3,}|~{3,})\s*$", lines[i])
        if close and close.group(1)[0] == opener[0] and len(close.group(1)) >= len(opener):
            break
        body.append(lines[i])
        i += 1
    return body, i


def read_blocks(page: str, text: str):
    """Yields (kind, line, info, lines, heading) for fences, markers and setups, in order."""
    lines = text.split("\n")
    heading = "top"
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            info = fence.group(2)
            start = i
            body, i = fence_body(lines, i, fence.group(1))
            if i == len(lines):
                sys.exit(f"{page}:{start + 1}: unclosed code fence")
            yield ("fence", start + 1, info, body, heading)
        elif line.startswith(SETUP_OPEN):
            start = i
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "-->":
                body.append(lines[i])
                i += 1
            if i == len(lines):
                sys.exit(f"{page}:{start + 1}: unclosed snippet setup comment")
            yield ("setup", start + 1, "", body, heading)
        elif line.startswith("<!-- shell: setup") and not line.rstrip().endswith("-->"):
            # tools/doc_shell.py's setup: shell commands (a `#` comment is no heading)
            while i < len(lines) and lines[i].strip() != "-->":
                i += 1
        elif MARKER.match(line):
            match = MARKER.match(line)
            yield ("marker", i + 1, match.group(2) or "", [match.group(1).split()[0]], heading)
        elif line.startswith("#") and not line.startswith("#!"):
            heading = line.lstrip("#").strip()
        i += 1


def collect(page: str, text: str):
    snippets = []
    output_of = []  # (page, line, file, lines)
    setup = None
    pending_marker = None  # (kind, line, file)
    per_heading = {}
    for kind, line, info, body, heading in read_blocks(page, text):
        if kind == "setup":
            if setup is not None:
                sys.exit(f"{page}:{line}: two setups before one cpp block")
            setup = (line, body)
        elif kind == "marker":
            if pending_marker is not None:
                sys.exit(f"{page}:{pending_marker[1]}: marker not followed by a code block")
            pending_marker = (body[0], line, info)
        else:  # fence
            if pending_marker is not None:
                what, marker_line, target = pending_marker
                pending_marker = None
                if what == "output":
                    if not snippets:
                        sys.exit(f"{page}:{marker_line}: output marker before any cpp block")
                    if snippets[-1].expected is not None:
                        sys.exit(f"{page}:{marker_line}: second output for the snippet at line "
                                 f"{snippets[-1].line}")
                    snippets[-1].expected = "\n".join(body) + "\n"
                else:
                    output_of.append((page, line, target, body))
                continue
            if info != "cpp":
                continue
            count = per_heading.get(slug(heading), 0) + 1
            per_heading[slug(heading)] = count
            name = slug(heading) + ("" if count == 1 else f"_{count}")
            snippets.append(Snippet(page, name, line, body, setup[1] if setup else [],
                                    setup[0] if setup else 0))
            setup = None
    if setup is not None:
        sys.exit(f"{page}:{setup[0]}: setup not followed by a cpp block")
    if pending_marker is not None:
        sys.exit(f"{page}:{pending_marker[1]}: marker not followed by a code block")
    return snippets, output_of


def write_if_changed(path: pathlib.Path, text: str) -> None:
    # Unchanged files keep their timestamps, so reconfiguring rebuilds nothing.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_programs(out: pathlib.Path, collected) -> None:
    out.mkdir(parents=True, exist_ok=True)
    listing = []
    for path, snippets in collected:
        if not snippets:
            continue
        page = page_name(path)
        target, prefix = page_ids(path)
        source = out / f"{target}.cpp"
        write_if_changed(source, program(page, snippets))
        listing.append(f'relkit_snippet_program({target} "{source}")')
        for snippet in snippets:
            expected = ""
            if snippet.expected is not None:
                expected = out / f"{target}.{snippet.name}.expected"
                write_if_changed(expected, snippet.expected)
            listing.append(f'relkit_snippet_test({prefix}.{snippet.name} {target} {snippet.name} '
                           f'"{expected}")')
    write_if_changed(out / "snippets.cmake", "\n".join(listing) + "\n")


def check_output_of(output_of) -> int:
    failures = 0
    for page, line, target, body in output_of:
        path = ROOT / target
        if not path.is_file():
            print(f"{page}:{line}: output-of names {target}, which does not exist")
            failures += 1
            continue
        reference = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        n = len(body)
        if not any(reference[k:k + n] == body for k in range(len(reference) - n + 1)):
            print(f"{page}:{line}: the block is not a contiguous part of {target}")
            failures += 1
        else:
            print(f"{page}:{line}: {n} lines found in {target}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, help="directory for the generated programs")
    parser.add_argument("--check-output-of", action="store_true",
                        help="verify every output-of block against its file")
    parser.add_argument("--count", action="store_true",
                        help="print how many snippets, shown outputs and output-of blocks there are")
    args = parser.parse_args()
    collected = []
    output_of = []
    for path in pages():
        snippets, found = collect(page_name(path), path.read_text(encoding="utf-8"))
        collected.append((path, snippets))
        output_of += found
    if args.out:
        write_programs(args.out, collected)
    if args.count:
        for path, snippets in collected:
            outputs = sum(1 for s in snippets if s.expected is not None)
            of = sum(1 for o in output_of if o[0] == page_name(path))
            if snippets or of:
                print(f"{page_name(path)}: {len(snippets)} C++, {outputs} outputs, {of} output-of")
    if args.check_output_of:
        return check_output_of(output_of)
    return 0


if __name__ == "__main__":
    sys.exit(main())
