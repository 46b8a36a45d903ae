#!/usr/bin/env python3
"""Runs the shell blocks of README.md and docs/**/*.md that call `relkit`, and compares their output.

The sibling of tools/readme_snippets.py (which compiles and runs the C++ blocks). A fenced
block calls relkit when `relkit` stands where a command does (a line's start, after `|`, `&&`,
`;`, `$(`, `exec`, `then`, ...; in YAML after `run:` or `- `); comments do not count. Every
such block is either run here or explicitly skipped: an unmarked one that cannot be run (a
YAML pipeline, a `text` block holding a `$ relkit` line) fails the check.

Blocks that are run:

  ```console   a transcript. A line starting with `$ ` is a command (a line ending in `\\`
               continues it on the next line); the lines after it, up to the next `$ `
               line, are exactly what it prints, standard output and standard error
               together as a terminal shows them. A command exits 0 unless its own text
               ends with a comment `# exit N` (e.g. `$ relkit gate g.gate  # exit 1`).
  ```sh        a script (also `shell`, `bash`), run with `set -e` in a subshell; it must
               exit 0 (or what `<!-- shell: exit N -->` says); its output is compared
               only when a block marked `<!-- shell: output -->` follows it.

Markers, HTML comments on a line of their own (hidden on GitHub and by mkdocs):

  <!-- shell: setup [NAME]
  shell commands the next block needs but the reader does not see (commits, tags,
  files); they run before it in its directory with `set -e`, their output is not shown;
  NAME lets a later block reuse them
  -->
  <!-- shell: setup NAME -->        the setup NAME (defined above on the page) again
  <!-- shell: file PATH -->         the next fenced block (any language, shown to the
                                    reader) is written to PATH before the next run block
  <!-- shell: output -->            the next fenced block is the exact output of the
                                    sh block before it
  <!-- shell: exit N -->            the next sh block exits N
  <!-- shell: continue -->          the next block runs on in the previous block's
                                    directory and shell (variables, files, commits kept)
  <!-- shell: skip REASON -->       the next block calls relkit but is not run; REASON
                                    (required) says why: needs a CI service, builds
                                    from source, installs a hook, ...
  <!-- shell: json COMMAND... -->   the next Markdown table is the JSON output schema of
                                    `relkit COMMAND... --json` (below)

Each block (with the blocks that `continue` it) runs in a fresh temporary directory that
is an empty git repository (branch main), with the built relkit first on PATH as `relkit`,
HOME in the temporary directory, no user or system git configuration, TZ=UTC, LC_ALL=C.UTF-8,
author and committer `Ann <ann@example.com>` and fixed dates, so shas and dates in output
are the same on every machine. Setups may call `commit MESSAGE [FILE...]`, which adds the
files and commits (an empty commit without files) one day after the previous commit
(the first on 2026-11-01 12:00 UTC), and read `$RELKIT_SOURCE_DIR` (the checkout, e.g. to
copy examples/pipeline/ reports). Everything runs in one `sh` per block group, stdin empty.

JSON schemas: a table whose first column is a field path in backticks (`version`,
`sections[].entries[].hash`: `[]` is an array's elements) and whose second is its type
(`string`, `integer`, `number`, `boolean`, `null`, `array`, `object`, joined by ` or `;
`optional` when the field is not always present; `object as PATH`: the same fields as
PATH, for recursive nodes). The output of every console command on the page running
`relkit COMMAND... --json` (the table with the most matching words wins) must be JSON in
which every field is in the table with one of its types, every field not optional is
present, and every row of the table must be seen in at least one output of the page.

    python3 tools/doc_shell.py --relkit PATH [--page docs/cli.md]   # run (all pages by default)
    python3 tools/doc_shell.py --list                               # pages with blocks to run
    python3 tools/doc_shell.py --count                              # run / skipped per page
"""

import argparse
import json
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

# The pages, their names and the fence grammar are the C++ checker's: one reading of a page.
from readme_snippets import FENCE, fence_body, page_name, pages

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- shell: (\S+)(?: (.*?))? -->\s*$")
OPEN = re.compile(r"^<!-- shell: setup(?: (\S+))?\s*$")
RUN_SH = {"sh", "shell", "bash"}
YAML = {"yaml", "yml"}
# `relkit` where a command stands.
CALL = re.compile(r"(?:^|[|;&(`{]|\$\(|\b(?:then|do|else|exec|if|time|!)\s)\s*relkit(?=\s|$|\))")
YAML_CALL = re.compile(r"(?:\brun:|^\s*-)\s+relkit(?=\s|$)")
EXIT = re.compile(r"#\s*exit\s+(\d+)\b")
COMMENT = re.compile(r"(?:^|\s)#.*$")
BASE_DATE = 1793534400  # 2026-11-01T12:00:00Z
PRELUDE = f"""\
commit() {{
  relkit_doc_message=$1; shift
  if [ $# -gt 0 ]; then git add -- "$@"; fi
  relkit_doc_n=$(git rev-list --all --count 2>/dev/null || echo 0)
  relkit_doc_t=$(( {BASE_DATE} + relkit_doc_n * 86400 ))
  GIT_AUTHOR_DATE="@$relkit_doc_t +0000" GIT_COMMITTER_DATE="@$relkit_doc_t +0000" \\
    git commit -q --allow-empty -m "$relkit_doc_message"
}}
"""


def test_name(path: pathlib.Path) -> str:
    """shell.readme, shell.docs.cli (as readme_snippets names the C++ tests)."""
    rel = path.relative_to(ROOT).with_suffix("").as_posix()
    if rel == "README":
        return "shell.readme"
    return "shell." + ".".join(re.sub(r"[^A-Za-z0-9/]+", "_", rel).lower().split("/"))


class Fail(Exception):
    pass


def strip_comment(line: str) -> str:
    return COMMENT.sub("", line)


def calls_relkit(info: str, body: list) -> bool:
    if info == "console" or info in ("text", ""):
        lines = []
        for line in body:
            if line.startswith("$ "):
                lines.append(line[2:])
            elif info == "console" and lines and lines[-1].endswith("\\"):
                lines.append(line)
        return any(CALL.search(strip_comment(l)) for l in lines)
    if info in RUN_SH:
        return any(CALL.search(strip_comment(l)) for l in body)
    if info in YAML:
        return any(CALL.search(strip_comment(l)) or YAML_CALL.search(strip_comment(l))
                   for l in body)
    return False


class Step:
    def __init__(self, kind, line, text="", expected=None, status=0, path=""):
        self.kind = kind  # setup | file | command | script
        self.line = line
        self.text = text
        self.expected = expected  # None: not compared
        self.status = status
        self.path = path
        self.argv = None  # the words after `relkit` of a --json command


def console_steps(line: int, body: list) -> list:
    steps = []
    i = 0
    if body and not body[0].startswith("$ "):
        raise Fail(f"{line}: a console block starts with a `$ ` command line")
    while i < len(body):
        start = i
        command = [body[i][2:]]
        while command[-1].endswith("\\") and i + 1 < len(body):
            i += 1
            command.append(body[i])
        i += 1
        output = []
        while i < len(body) and not body[i].startswith("$ "):
            output.append(body[i])
            i += 1
        text = "\n".join(command)
        match = EXIT.search(command[-1])
        step = Step("command", line + 1 + start, text,
                    "\n".join(output) + "\n" if output else "",
                    int(match.group(1)) if match else 0)
        if "--json" in text and CALL.search(strip_comment(text)):
            try:
                words = shlex.split(strip_comment(text.replace("\\\n", " ")))
            except ValueError:
                words = []
            if "relkit" in words:
                rest = words[words.index("relkit") + 1:]
                ends = [k for k, w in enumerate(rest) if w in ("|", "&&", "||", ";")]
                step.argv = rest[:ends[0]] if ends else rest
        steps.append(step)
    return steps


class Group:
    def __init__(self, line):
        self.line = line
        self.steps = []


def parse(page: str, text: str):
    """The page's groups of steps, its skipped blocks and its JSON schemas."""
    lines = text.split("\n")
    groups, skipped, schemas = [], [], []
    setups = {}
    pending = []  # steps (setups, files) for the next run block
    exit_status = None
    marker = None  # (kind, line, arg) awaiting the next fenced block
    last_run = None  # (group, info) of the previous run block
    i = 0

    def error(n, message):
        raise Fail(f"{page}:{n}: {message}")

    while i < len(lines):
        line = lines[i]
        opened = OPEN.match(line)
        if opened:
            start = i
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "-->":
                body.append(lines[i])
                i += 1
            if i == len(lines):
                error(start + 1, "unclosed shell setup comment")
            name = opened.group(1)
            if name:
                if name in setups:
                    error(start + 1, f"a second setup named {name}")
                setups[name] = body
            pending.append(Step("setup", start + 2, "\n".join(body)))
            i += 1
            continue
        if line.startswith("<!-- snippet: setup"):  # readme_snippets's; C++ inside
            while i < len(lines) and lines[i].strip() != "-->":
                i += 1
            i += 1
            continue
        match = MARKER.match(line)
        if match:
            kind, arg = match.group(1), (match.group(2) or "").strip()
            if kind == "setup":
                if arg not in setups:
                    error(i + 1, f"no setup named {arg!r} above")
                pending.append(Step("setup", i + 1, "\n".join(setups[arg])))
            elif kind == "exit":
                if not arg.isdigit():
                    error(i + 1, "shell: exit takes a number")
                exit_status = int(arg)
            elif kind in ("file", "output", "continue", "skip", "json"):
                if marker is not None and not (marker[0] == "continue" and kind != "continue"):
                    error(marker[1], f"marker `{marker[0]}` not followed by a code block")
                if kind in ("skip", "file", "json") and not arg:
                    error(i + 1, f"shell: {kind} needs an argument")
                if kind == "continue":
                    if last_run is None:
                        error(i + 1, "shell: continue with no run block above")
                    marker = ("continue", i + 1, arg)
                else:
                    continuing = marker if marker and marker[0] == "continue" else None
                    marker = (kind, i + 1, arg, continuing)
            else:
                error(i + 1, f"unknown marker `shell: {kind}`")
            i += 1
            continue
        if marker and marker[0] == "json" and line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            schemas.append(read_schema(page, marker[1], marker[2], rows))
            marker = None
            continue
        fence = FENCE.match(line)
        if not fence:
            if marker and marker[0] == "json" and line.strip():
                error(marker[1], "shell: json not followed by a table")
            i += 1
            continue
        info = fence.group(2)
        start = i
        body, i = fence_body(lines, i, fence.group(1))
        if i == len(lines):
            error(start + 1, "unclosed code fence")
        i += 1
        n = start + 1
        kind = marker[0] if marker else None
        if kind == "file":
            pending.append(Step("file", n, "\n".join(body) + "\n", path=marker[2]))
            marker = marker[3] if len(marker) > 3 and marker[3] else None
            continue
        if kind == "output":
            if last_run is None or last_run[1] not in RUN_SH:
                error(marker[1], "shell: output must follow an sh block")
            script = last_run[0].steps[-1]
            if script.expected is not None:
                error(marker[1], "a second output for one sh block")
            script.expected = "\n".join(body) + "\n"
            marker = None
            continue
        calls = calls_relkit(info, body)
        if kind == "skip":
            if not calls:
                error(marker[1], "shell: skip before a block that does not call relkit")
            if pending or exit_status is not None:
                error(marker[1], "setup, file or exit before a skipped block")
            skipped.append((n, marker[2]))
            marker = None
            continue
        if not calls:
            if pending or exit_status is not None or kind == "continue":
                error(n, "a shell marker before a block that does not call relkit")
            continue
        if info not in RUN_SH and info != "console":
            error(n, f"a ```{info or '(no language)'} block calls relkit: make it a console or sh "
                     "block that runs, or mark it <!-- shell: skip REASON -->")
        if kind == "continue":
            group = last_run[0]
        else:
            group = Group(n)
            groups.append(group)
        marker = None
        group.steps += pending
        pending = []
        if info == "console":
            if exit_status is not None:
                error(n, "shell: exit is for sh blocks; a console command says `# exit N`")
            try:
                group.steps += console_steps(n, body)
            except Fail as e:
                error(n, str(e))
        else:
            group.steps.append(Step("script", n, "\n".join(body), None,
                                    exit_status if exit_status is not None else 0))
        exit_status = None
        last_run = (group, info)
    if marker is not None:
        error(marker[1], f"marker `{marker[0]}` not followed by what it announces")
    if pending or exit_status is not None:
        error(len(lines), "a setup, file or exit marker not followed by a block to run")
    return groups, skipped, schemas


# ---- JSON schemas ----

TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
         "null": type(None), "array": list, "object": dict}


class Schema:
    def __init__(self, page, line, words):
        self.page = page
        self.line = line
        self.words = words
        self.fields = {}  # path -> (types, optional, alias)
        self.seen = set()


def read_schema(page, line, words, rows):
    schema = Schema(page, line, words.split())
    for n, row in enumerate(rows):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if n < 2 or len(cells) < 2:
            continue  # the header and its rule
        path = cells[0].strip("`")
        spec = cells[1]
        alias = None
        m = re.search(r"\bas `?([A-Za-z0-9_.\[\]]+)`?", spec)
        if m:
            alias = m.group(1)
            spec = spec[:m.start()]
        words_ = [w for w in re.split(r"\s+or\s+|,\s*|\s+", spec) if w]
        optional = "optional" in words_
        types = [w for w in words_ if w != "optional"]
        for t in types:
            if t not in TYPES:
                raise Fail(f"{page}:{line}: field {path}: unknown type {t!r}")
        if not types:
            raise Fail(f"{page}:{line}: field {path} has no type")
        schema.fields[path] = (types, optional, alias)
    return schema


def check_value(schema, path, value, problems, depth=0):
    if depth > 64:
        return
    entry = schema.fields.get(path)
    if entry is None:
        problems.append(f"field `{path}` is not in the table")
        return
    schema.seen.add(path)
    types, _, alias = entry
    if not any(isinstance(value, TYPES[t]) and not (t in ("integer", "number") and
                                                    isinstance(value, bool))
               for t in types):
        problems.append(f"field `{path}`: {json.dumps(value)[:60]} is not {' or '.join(types)}")
        return
    base = alias if alias else path
    if isinstance(value, dict):
        check_object(schema, base, value, problems, depth + 1)
    elif isinstance(value, list):
        for element in value:
            check_value(schema, base + "[]", element, problems, depth + 1)


def check_object(schema, prefix, obj, problems, depth=0):
    dot = prefix + "." if prefix else ""
    for key, value in obj.items():
        check_value(schema, dot + key, value, problems, depth)
    for path, (_, optional, _) in schema.fields.items():
        if path.startswith(dot) and "." not in path[len(dot):] and "[" not in path[len(dot):]:
            if path[len(dot):] not in obj and not optional:
                problems.append(f"field `{path}` is missing")


def schema_for(schemas, argv):
    best = None
    words = [w for w in argv if w != "--json"]
    for schema in schemas:
        if all(w in words for w in schema.words) and words[:1] == schema.words[:1]:
            if best is None or len(schema.words) > len(best.words):
                best = schema
    return best


# ---- running ----

def script_for(group, stage: pathlib.Path) -> str:
    out = ["cd \"$RELKIT_DOC_WORK\" || exit 100", PRELUDE]
    for n, step in enumerate(group.steps):
        o = f'"$RELKIT_DOC_OUT/{n}'
        if step.kind == "setup":
            out.append(f"{{ set -e\n{step.text}\nset +e; }} >{o}.out\" 2>&1\necho 0 >{o}.rc\"")
        elif step.kind == "file":
            path = shlex.quote(step.path)
            out.append(f'mkdir -p "$(dirname -- {path})" && cp "$RELKIT_DOC_OUT/{n}.in" {path}'
                       f'\necho 0 >{o}.rc"')
            (stage / f"{n}.in").write_text(step.text, encoding="utf-8")
        elif step.kind == "command":
            out.append(f"{{ {step.text}\n}} >{o}.out\" 2>&1 </dev/null\necho $? >{o}.rc\"")
        else:
            out.append(f"( set -e\n{step.text}\n) >{o}.out\" 2>&1 </dev/null\necho $? >{o}.rc\"")
    return "\n".join(out) + "\n"


def environment(tmp: pathlib.Path, bin_dir: pathlib.Path, work: pathlib.Path, out: pathlib.Path):
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    (home / ".gitconfig").write_text("", encoding="utf-8")
    date = f"@{BASE_DATE} +0000"
    return {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(home), "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
        "TERM": "dumb", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.com",
        "GIT_COMMITTER_NAME": "Ann", "GIT_COMMITTER_EMAIL": "ann@example.com",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        "RELKIT_SOURCE_DIR": str(ROOT), "RELKIT_DOC_WORK": str(work), "RELKIT_DOC_OUT": str(out),
    }


def show(text: str) -> str:
    if not text:
        return "    (nothing)"
    body = text[:-1] if text.endswith("\n") else text
    tail = "" if text.endswith("\n") else "\n    (no newline at the end)"
    return "\n".join("    | " + l for l in body.split("\n")) + tail


def run_group(page, group, bin_dir, schemas, outputs) -> list:
    problems = []
    with tempfile.TemporaryDirectory(prefix="relkit-doc-") as name:
        tmp = pathlib.Path(name)
        work, out = tmp / "repo", tmp / "out"
        work.mkdir()
        out.mkdir()
        env = environment(tmp, bin_dir, work, out)
        subprocess.run(["git", "init", "-q", "-b", "main", str(work)], env=env, check=True)
        (tmp / "run.sh").write_text(script_for(group, out), encoding="utf-8")
        subprocess.run(["sh", str(tmp / "run.sh")], env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        for n, step in enumerate(group.steps):
            rc_file, out_file = out / f"{n}.rc", out / f"{n}.out"
            got = out_file.read_text(encoding="utf-8", errors="replace") if out_file.exists() else ""
            if not rc_file.exists():
                problems.append(f"{page}:{step.line}: the {step.kind} did not finish (a command "
                                f"failed under set -e, or the shell exited)\n{show(got)}")
                break
            status = int(rc_file.read_text().strip() or "-1")
            if step.kind in ("setup", "file"):
                continue
            where = f"{page}:{step.line}: `{step.text.splitlines()[0]}`"
            if status != step.status:
                problems.append(f"{where}: exit {status}, the page says {step.status}\n{show(got)}")
            if step.expected is not None and got != step.expected:
                problems.append(f"{where}: the output differs\n  the page shows:\n"
                                f"{show(step.expected)}\n  relkit printed:\n{show(got)}")
            if step.argv is not None and schemas:
                schema = schema_for(schemas, step.argv)
                if schema is None:
                    problems.append(f"{where}: no JSON table for `relkit {' '.join(step.argv)}`")
                    continue
                try:
                    value = json.loads(got)
                except ValueError as e:
                    problems.append(f"{where}: the output is not JSON ({e})")
                    continue
                found = []
                if isinstance(value, dict):
                    check_object(schema, "", value, found)
                else:
                    found.append("the output is not a JSON object")
                problems += [f"{where}: table of line {schema.line}: {p}" for p in found]
                outputs.append(schema)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relkit", type=pathlib.Path, help="the built relkit command")
    parser.add_argument("--page", action="append", help="a page (path from the root); repeatable")
    parser.add_argument("--list", action="store_true", help="print the pages with blocks to run")
    parser.add_argument("--count", action="store_true", help="print run and skipped blocks per page")
    args = parser.parse_args()
    chosen = [ROOT / p for p in args.page] if args.page else pages()
    parsed = []
    try:
        for path in chosen:
            parsed.append((path,) + parse(page_name(path), path.read_text(encoding="utf-8")))
    except Fail as e:
        print(e)
        return 1
    if args.list:
        for path, groups, _, _ in parsed:
            if groups:
                print(f"{test_name(path)} {page_name(path)}")
        return 0
    if args.count:
        for path, groups, skipped, schemas in parsed:
            if groups or skipped:
                commands = sum(1 for g in groups for s in g.steps if s.kind in ("command", "script"))
                print(f"{page_name(path)}: {len(groups)} run groups, {commands} commands, "
                      f"{len(skipped)} skipped, {len(schemas)} JSON tables")
                for line, reason in skipped:
                    print(f"  skipped line {line}: {reason}")
        return 0
    if args.relkit is None:
        parser.error("--relkit PATH is required to run the blocks")
    relkit = args.relkit.resolve()
    if not os.access(relkit, os.X_OK):
        parser.error(f"{relkit} is not an executable")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="relkit-doc-bin-") as bin_name:
        bin_dir = pathlib.Path(bin_name)
        (bin_dir / "relkit").symlink_to(relkit)
        for path, groups, skipped, schemas in parsed:
            page = page_name(path)
            start = time.monotonic()
            problems, outputs, commands = [], [], 0
            for group in groups:
                problems += run_group(page, group, bin_dir, schemas, outputs)
                commands += sum(1 for s in group.steps if s.kind in ("command", "script"))
            for schema in schemas:
                unseen = [p for p in schema.fields if p not in schema.seen]
                if unseen:
                    problems.append(f"{page}:{schema.line}: the JSON table of `relkit "
                                    f"{' '.join(schema.words)}` has rows no output on the page "
                                    f"shows: {', '.join(unseen)}")
            for p in problems:
                print("FAIL " + p)
            if not (groups or skipped or schemas):
                continue
            failures += len(problems)
            print(f"{page}: {commands} commands in {len(groups)} repositories, {len(skipped)} "
                  f"blocks skipped, {len(schemas)} JSON tables; {len(problems)} problems "
                  f"({time.monotonic() - start:.2f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
