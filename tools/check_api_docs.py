#!/usr/bin/env python3
"""Every public function of a component is named on its documentation page.

Lists the functions declared at namespace scope in include/relkit/<component>/*.hpp (not
detail/ nor impl/, and not inside a `namespace detail` block of a public header): a line that
starts at column 0 (relkit does not indent namespaces; members are indented), is not a
preprocessor line, and declares `NAME(` after a return type, possibly after `[[nodiscard]]`,
`inline`, `constexpr`, `RELKIT_INLINE` and a `template <...>` line. Each NAME must appear inside
an inline code span or a fenced code block of one of the component's pages (PAGES below), so
a function cannot be added without its contract reaching the docs.

    python3 tools/check_api_docs.py            # exit 1 and list what is missing
    python3 tools/check_api_docs.py --list     # print every public function per component

The check is textual on purpose: it needs no compiler, and a false alarm is fixed by naming
the function on its page or, with a reason, in EXEMPT below.
"""

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# component -> the pages that document it (docs/...).
PAGES = {
    "semver": ["semver.md"],
    "commits": ["commits.md", "commits-conformance.md"],
    "changelog": ["changelog.md"],
    "gates": ["gates.md"],
    "flags": ["flags.md"],
    "unleash": ["flags.md"],
    "rollout": ["rollout.md", "rollout-plan.md"],
    "migrations": ["migrations.md", "migrations-lint.md"],
}

# (component or "*", function) -> why it need not be named on the component's page.
EXEMPT = {
    ("*", "relkit_error_domain"): "the ADL hook that turns a component's errc into a "
    "relkit::error; not called by users (docs/design.md describes the domains, docs/errors.md "
    "lists each)",
}

DECLARATION = re.compile(
    r"^(?:\[\[nodiscard\]\]\s+)?(?:(?:inline|constexpr|RELKIT_INLINE|static|friend)\s+)*"
    r"(?:[A-Za-z_][\w:<>,\s*&]*?[\s*&])"  # the return type
    r"([a-z_][a-z0-9_]*)\s*\(")
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "decltype", "static_assert"}
# A code span as CommonMark reads it: a run of n backticks up to the next run of exactly n.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def public_functions(component: str) -> dict:
    """name -> the first header (relative path) declaring it."""
    found = {}
    folder = ROOT / "include" / "relkit" / component
    for header in sorted(folder.glob("*.hpp")):
        depth_in_detail = 0
        for line in header.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("namespace detail"):
                depth_in_detail += 1
                continue
            if depth_in_detail and stripped.startswith("}  // namespace detail"):
                depth_in_detail -= 1
                continue
            if depth_in_detail or not line or line[0] in " \t#/}{":
                continue
            match = DECLARATION.match(line)
            if not match:
                continue
            name = match.group(1)
            if name in KEYWORDS or name.startswith("operator"):
                continue
            found.setdefault(name, header.relative_to(ROOT).as_posix())
    return found


def documented_words(pages: list) -> set:
    """Every identifier inside a code span (which may run over a line break) or a fenced
    block of the pages."""
    words = set()
    for page in pages:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        in_fence = False
        prose = []
        for line in text.splitlines():
            if re.match(r"^\s*(```|~~~)", line):
                in_fence = not in_fence
                continue
            if in_fence:
                words.update(IDENTIFIER.findall(line))
            else:
                prose.append(line)
        for _, span in CODE_SPAN.findall("\n".join(prose)):
            words.update(IDENTIFIER.findall(span))
    return words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the public functions")
    args = parser.parse_args()
    missing = []
    total = 0
    for component, pages in PAGES.items():
        functions = public_functions(component)
        total += len(functions)
        words = documented_words(pages)
        if args.list:
            print(f"{component} ({len(functions)}): {' '.join(sorted(functions))}")
        for name, header in sorted(functions.items()):
            if name in words or (component, name) in EXEMPT or ("*", name) in EXEMPT:
                continue
            missing.append(f"{header}: {name} is not named on docs/{' or docs/'.join(pages)}")
    stale = [key for key in EXEMPT
             if key[0] != "*" and key[1] not in public_functions(key[0])]
    for component, name in stale:
        missing.append(f"EXEMPT lists {component}::{name}, which is no longer a public function")
    if missing:
        print("\n".join(missing))
        print(f"{len(missing)} public functions without their contract on the component's page "
              "(name each in a code span there, with its inputs, result and errors)")
        return 1
    print(f"{total} public functions, each named on its component's page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
