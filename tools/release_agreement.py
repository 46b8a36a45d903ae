#!/usr/bin/env python3
"""What would `relkit next-version` have released at each real release tag of a repository?

    python3 tools/release_agreement.py --relkit build/dev/tools/cli/relkit \\
        --repo /tmp/semantic-release.git [--tag-format 'v${version}'] [--preset NAME] \\
        [--oracle ../shared/vectors/commits --oracle-field release_angular] [--json]

For every release tag T of the repository (the tags that match --tag-format and whose version
text parses as SemVer once cleaned, as semantic-release reads them), in version order:

  * prereleases are skipped unless --channel ID is given (then that channel's prereleases
    are checked too, with `--prerelease ID`);
  * P, the release T was made after, is found as semantic-release found it when it ran on
    T's commit: the highest release among the tags merged into T (`git tag --merged T`)
    other than those on T's commit itself, prereleases left out (with --channel, those of
    the channel count for a prerelease T, as on a prerelease branch) - the same rule
    `relkit next-version` applies to `git tag --merged`;
  * relkit decides from the commits P..T, the range semantic-release analysed (the tag
    points at the commit semantic-release ran on; a release commit of a tool that makes one,
    `chore(release): ...`, is then part of the range as it was for that tool):

        relkit next-version --repo R --tag-format F --from P --to T --current version(P)
                            --explain [--preset NAME] [--prerelease ID]

  * the answer agrees when the printed version is version(T).

A tag with no earlier release is skipped (the first release: relkit's range would have to
exclude T's own tag). With --oracle DIR (the vectors/commits harness: node oracle.js, which
runs @semantic-release/commit-analyzer), every checked range is also decided by the
reference tool (--oracle-field: `release_angular` = commit-analyzer's default angular preset,
what semantic-release uses with no configuration; `release` = its conventionalcommits preset;
`whatBump` = conventional-changelog's), so that a disagreement with the shipped version is
told apart: the reference tool agrees with relkit (the release was not what the rules give:
a manual release, another configuration at the time) or it does not (a rule difference).

Prints the counts and each disagreement with relkit's deciding commit and reason. Exit 0.
Nothing is written; the repository (bare or not) is only read. The figures for semantic-release's,
release-please's and git-cliff's own histories: docs/commits-conformance.md, "Real release
histories".
"""

import argparse
import json
import os
import re
import subprocess
import sys

IDENT = r"(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)"
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-(" + IDENT + r"(?:\." + IDENT + r")*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


# The characters JavaScript's String.prototype.trim removes.
JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


class Version:
    """A SemVer 2.0.0 version, compared by precedence (build metadata ignored)."""

    def __init__(self, match):
        self.major, self.minor, self.patch = (int(match.group(i)) for i in (1, 2, 3))
        self.pre = match.group(4).split(".") if match.group(4) else []
        self.build = match.group(5) or ""

    def __str__(self):
        text = "%d.%d.%d" % (self.major, self.minor, self.patch)
        if self.pre:
            text += "-" + ".".join(self.pre)
        if self.build:
            text += "+" + self.build
        return text

    def key(self):
        def ident(i):
            return (0, int(i), "") if i.isdigit() else (1, 0, i)

        # A stable version sorts above its prereleases.
        pre = (1,) if not self.pre else (0,) + tuple(ident(i) for i in self.pre)
        return (self.major, self.minor, self.patch, pre)


def parse_version(text):
    """node-semver's valid(clean(text)): trimmed, leading `v` and `=` removed."""
    text = text.strip()
    text = re.sub(r"^[=v]+", "", text)
    m = SEMVER.match(text)
    return Version(m) if m else None


def bump_between(old, new):
    """The level from old to new as semantic-release names it; None when equal."""
    if new.key() == old.key():
        return None
    if new.major != old.major:
        return "major"
    if new.minor != old.minor:
        return "minor"
    if new.patch != old.patch or (old.pre and not new.pre):
        return "patch"
    return "prerelease"


class Repo:
    def __init__(self, path):
        self.path = path

    def git(self, *args):
        return subprocess.run(
            ["git", "-C", self.path] + list(args),
            check=True,
            capture_output=True,
            env=dict(os.environ, LC_ALL="C"),
        ).stdout.decode("utf-8", "replace")

    def lines(self, *args):
        return [line.strip() for line in self.git(*args).split("\n") if line.strip()]


def release_tags(repo, fmt):
    """{tag: Version} of the tags that match the format (semantic-release's ^PREFIX(.+)SUFFIX)."""
    prefix, suffix = fmt.split("${version}")
    pattern = re.compile("^" + re.escape(prefix) + "(.+)" + re.escape(suffix))
    tags = {}
    for tag in repo.lines("tag", "--list"):
        m = pattern.match(tag)
        if not m:
            continue
        v = parse_version(m.group(1))
        if v is not None:
            tags[tag] = v
    return tags


def counts_for(v, channel):
    """Does the release v count as a last release (on `channel`'s branch when given)?"""
    return not v.pre or (channel is not None and channel in v.pre)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relkit", required=True, help="the built relkit command")
    ap.add_argument("--repo", required=True, help="the repository (a bare mirror is fine)")
    ap.add_argument("--tag-format", default="v${version}")
    ap.add_argument("--preset", help="relkit next-version --preset NAME")
    ap.add_argument("--channel", help="check this prerelease channel's tags too")
    ap.add_argument("--oracle", help="the vectors/commits harness directory (oracle.js)")
    ap.add_argument(
        "--oracle-field",
        default="release_angular",
        choices=["release_angular", "release", "whatBump"],
    )
    ap.add_argument("--name", help="the repository's name in the output")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of text")
    args = ap.parse_args()
    if args.tag_format.count("${version}") != 1:
        ap.error("--tag-format needs exactly one ${version}")

    repo = Repo(args.repo)
    tags = release_tags(repo, args.tag_format)
    commit_of = {}
    refs = "--format=%(refname:short) %(objectname) %(*objectname)"
    for line in repo.lines("for-each-ref", refs, "refs/tags"):
        parts = line.split()
        if parts[0] in tags:
            commit_of[parts[0]] = parts[-1]  # an annotated tag: the commit it points at

    skipped = {}
    results = []
    for tag in sorted(tags, key=lambda t: (tags[t].key(), t)):
        r = check(repo, args, tags, commit_of, tag, skipped)
        if r is not None:
            results.append(r)
    if args.oracle:
        ask_oracle(repo, args, results)
    for r in results:
        r["class"] = classify(r, tags, commit_of, args.oracle)
    report(args, repo, tags, results, skipped)
    return 0


def check(repo, args, tags, commit_of, tag, skipped):
    """relkit's answer at one release tag, or None after noting why it is skipped."""
    v = tags[tag]
    if v.pre and not counts_for(v, args.channel):
        skipped.setdefault("prerelease" + (" of another channel" if args.channel else ""), [])
        skipped["prerelease" + (" of another channel" if args.channel else "")].append(tag)
        return None
    sha = commit_of[tag]
    # What `git tag --merged` listed when the tool ran on T's commit, before it tagged it.
    # A stable release is made on a release branch, where prereleases never count; a
    # prerelease of the channel on its prerelease branch, where they do.
    channel = args.channel if v.pre else None
    before = [
        t
        for t in repo.lines("tag", "--merged", tag)
        if t in tags and commit_of[t] != sha and counts_for(tags[t], channel)
    ]
    if not before:
        skipped.setdefault("first release (no earlier release reachable)", []).append(tag)
        return None
    prev = max(before, key=lambda t: (tags[t].key(), -before.index(t)))
    cmd = [args.relkit, "next-version", "--repo", args.repo, "--tag-format", args.tag_format]
    cmd += ["--from", prev, "--to", tag, "--current", str(tags[prev]), "--explain"]
    if args.preset:
        cmd += ["--preset", args.preset]
    if v.pre:
        cmd += ["--prerelease", args.channel]
    run = subprocess.run(cmd, capture_output=True)
    out = run.stdout.decode("utf-8", "replace").split("\n")
    if run.returncode not in (0, 1):
        why = run.stderr.decode("utf-8", "replace").strip()
        skipped.setdefault("relkit error", []).append(tag + ": " + why)
        return None
    answer = parse_version(out[0]) if run.returncode == 0 else None
    return {
        "tag": tag,
        "sha": sha,
        "previous": prev,
        "released": str(v),
        "shipped_bump": bump_between(tags[prev], v),
        "relkit": str(answer) if answer else None,
        "relkit_bump": bump_between(tags[prev], answer) if answer else None,
        "reason": out[1] if len(out) > 1 else "",
        "agree": answer is not None and answer.key() == v.key(),
        "commits": int(repo.git("rev-list", "--count", prev + ".." + tag).strip()),
        "command": " ".join(cmd[1:]),
    }


def classify(r, tags, commit_of, oracle):
    """Why relkit's answer is not the released version, as far as the history tells."""
    if r["agree"]:
        return ""
    if oracle and r["oracle"] != r["relkit_bump"]:
        return "rule difference: the reference tool decides otherwise"
    here = tags[r["tag"]].key()
    same_commit = sorted(
        t for t in tags if commit_of[t] == r["sha"] and t != r["tag"] and tags[t].key() < here
    )
    if same_commit:
        return "re-tag: the commit also carries the release %s" % ", ".join(same_commit)
    if tags[r["previous"]].key() > here:
        return "history: a higher release (%s) is reachable from the tag" % r["previous"]
    if r["relkit_bump"] == r["shipped_bump"]:
        return "same bump, versions skipped (released without a tag in the repository)"
    how = "the reference tool agrees with relkit" if oracle else "reference not asked"
    if r["relkit_bump"] is None:
        return "released with no releasing commit (%s)" % how
    return "released %s where the commits call for %s (%s)" % (
        r["shipped_bump"],
        r["relkit_bump"],
        how,
    )


def report(args, repo, tags, results, skipped):
    agree = sum(r["agree"] for r in results)
    classes = {}
    for r in results:
        if not r["agree"]:
            classes[r["class"]] = classes.get(r["class"], 0) + 1
    summary = {
        "repo": args.name or os.path.basename(os.path.normpath(args.repo)),
        "head": repo.git("rev-parse", "HEAD").strip(),
        "tag_format": args.tag_format,
        "preset": args.preset,
        "release_tags": len(tags),
        "checked": len(results),
        "agree": agree,
        "disagree": len(results) - agree,
        "disagree_classes": classes,
        "skipped": {k: len(v) for k, v in skipped.items()},
    }
    if args.oracle:
        summary["oracle_field"] = args.oracle_field
        summary["oracle_agrees_with_relkit"] = sum(
            r["oracle"] == r["relkit_bump"] for r in results
        )
        summary["oracle_agrees_with_shipped"] = sum(
            r["oracle"] == r["shipped_bump"] for r in results
        )
    shown = [
        r for r in results if not r["agree"] or (args.oracle and r["oracle"] != r["relkit_bump"])
    ]
    if args.json:
        summary["shown"] = shown
        summary["skipped_tags"] = skipped
        print(json.dumps(summary, indent=1))
        return

    print(
        "%s (HEAD %s), tag format %s, preset %s"
        % (summary["repo"], summary["head"][:10], args.tag_format, args.preset or "(default)")
    )
    print(
        "release tags %d; checked %d: agree %d, disagree %d"
        % (len(tags), len(results), agree, len(results) - agree)
    )
    for why, n in sorted(classes.items()):
        print("  disagree %d: %s" % (n, why))
    for why, which in sorted(skipped.items()):
        listed = ", ".join(which[:6]) + (", ..." if len(which) > 6 else "")
        print("skipped %d: %s (%s)" % (len(which), why, listed))
    if args.oracle:
        print(
            "reference (%s) on the same ranges: agrees with relkit %d/%d, with the shipped %d/%d"
            % (
                args.oracle_field,
                summary["oracle_agrees_with_relkit"],
                len(results),
                summary["oracle_agrees_with_shipped"],
                len(results),
            )
        )
    for r in shown:
        label = "DISAGREE [%s]" % r["class"] if not r["agree"] else "AGREE (the reference differs)"
        print(
            "%s %s..%s (%d commits): released %s (%s), relkit %s%s"
            % (
                label,
                r["previous"],
                r["tag"],
                r["commits"],
                r["released"],
                r["shipped_bump"],
                "%s (%s)" % (r["relkit"], r["relkit_bump"]) if r["relkit"] else "no release",
                (", reference %s" % (r["oracle"] or "no release")) if args.oracle else "",
            )
        )
        print("    " + r["reason"])


def ask_oracle(repo, args, results):
    """Each range's bump by the reference tool, in one node process (oracle.js set mode)."""
    queries = []
    for i, r in enumerate(results):
        text = repo.git("log", "--format=%H%x1f%B%x1e", r["previous"] + ".." + r["tag"])
        commits = []
        for record in text.split("\x1e"):
            record = record.lstrip("\n")
            if not record:
                continue
            sha, message = record.split("\x1f", 1)
            # semantic-release's getCommits hands the plugins message.trim() (JavaScript's).
            commits.append({"hash": sha, "message": message.strip(JS_SPACE)})
        queries.append(json.dumps({"key": i, "commits": commits}))
    run = subprocess.run(
        ["node", os.path.join(args.oracle, "oracle.js")],
        input="\n".join(queries).encode() + b"\n",
        capture_output=True,
        check=True,
    )
    for line in run.stdout.decode().split("\n"):
        if line.strip():
            answer = json.loads(line)
            results[answer["key"]]["oracle"] = answer[args.oracle_field]


if __name__ == "__main__":
    sys.exit(main())
