#!/usr/bin/env python3
"""Agreement of `relkit next-version --workspace` with a real release-please monorepo.

For every release tag of a repository in release-please manifest mode, takes the tagged
commit's first parent P (the history the release pull request was computed from), reads
release-please-config.json and .release-please-manifest.json at P, and runs

    relkit next-version --workspace CONFIG --manifest MANIFEST --repo GIT_DIR --to P --json

then compares the tagged package's `next` with the tag's version. Counts per outcome:
  agree          relkit releases the package at the tag's version
  differ         relkit releases it at another version
  no-release     relkit does not release it
  no-previous    the package has no earlier release tag reachable from P (its first
                 release in manifest mode, or a bootstrap-sha history): listed apart
  not-release-commit  the tagged commit is no release pull request's commit (subject not
                 `chore...: release ...`: a tag made by hand); P is then meaningless
  error          relkit failed (its message is shown)
Not in CI. Usage:

    python3 tools/workspace_agreement.py --relkit build/h/tools/cli/relkit \
        --repo /work/.mirror/googleapis+gax-nodejs/repo [--verbose]

The config is adapted in one way: release-please's `node` strategy takes a package's
component from its package.json name (without an npm @scope/), which
relkit::commits::read_release_please_config does not read; the script sets `component`
from `PATH/package.json` at P for packages of release-type node that have none.

Results (relkit 0.2.0 branch workspace-cli, 2026-12-03; mirrors fetched that day):
  googleapis/gax-nodejs acfbe801 (3 packages): 39 tags: agree 34, no-previous 3,
    no-release 1 (gapic-tools-v1.0.1: its only commit is `chore: update gax dependency`,
    listed as a fix by a pull-request override git does not hold), not-release-commit 1.
  open-telemetry/opentelemetry-js-contrib fd4d8ae8f (node-workspace, ~100 packages):
    3234 tags (1m45s): agree 2813, differ 60, no-release 284, no-previous 76,
    not-release-commit 1. After the (g1) fix below (main df1b1c3): agree 2814, differ 59,
    no-release 284, no-previous 76, not-release-commit 1.

  Every miss classified (2026-12-03, branch classify): 344 otel misses + gax's 1, from
  `git log PREV..P -- PATH` and the tagged commit's CHANGELOG.md diff (a release-notes
  entry links its commit). Kind: input = a missing input (pull-request bodies), relkit =
  a relkit defect, ? = not explainable from git.
    (a) 310 otel (differ 56, no-release 254) + 1 gax, input: pull-request override. A
        `chore`/non-conventional commit the notes list under Features/Bug Fixes; only 9
        commits: 80cbee7 d3ac785 9fa058e 2822511 edc426b 9624486 141b155 (otel dependency
        updates touching every package) and 7054bc1 7e27039. E.g.
        auto-instrumentations-web-v0.29.0, 141b155 `chore: update core dependencies ...`
        as a feature; gax gapic-tools-v1.0.1, c025b13 `chore: update gax dependency`.
    (b) 3 (no-release 2, differ 1), input: `type!(scope):` made breaking by an override.
        instrumentation-ioredis-v0.28.0, 986c349 `fix!(ioredis): ...`; instrumentation-
        mysql-v0.28.0 and instrumentation-redis-v0.29.0, bf39b90 `fix!(mysql*,redis):`.
        @conventional-commits/parser's summary is `<type> "(" <scope> ")" ["!"] ":"` or
        `<type> ["!"] ":"`: `fix!(x):` throws and release-please's
        parseConventionalCommits drops the commit, as relkit does (deliberate, same
        grammar); only a pull-request override can have listed it as breaking.
    (c) 28 no-release, follows (a): dependency cascade. Each is a deps-only release (a
        devDependency bump) of a workspace package that was itself a miss in the same
        release, e.g. resource-detector-alibaba-cloud-v0.27.1 <- contrib-test-utils-v0.31.0
        (141b155). relkit's propagation (devDependencies included) is not at fault.
    (d) Release-As footer 0; (e) commits outside the package's path / exclude-paths 0;
        (f) merge or history order 0.
    (g1) 2 differ, relkit: `current` from the last tag when the manifest's version is
        higher (tags renamed, or the package moved in). apply_release_tags() overwrites
        the manifest's version; release-please keeps it. instrumentation-aws-sdk-v0.34.0:
        last tag v0.10.0, manifest 0.33.0, relkit 0.10.1 (ff109b7);
        propagator-aws-xray-v1.26.1: tag v1.3.1, manifest 1.26.0 (836ae2d moved it back
        from the core repo), relkit 1.3.2. FIXED in df1b1c3 (a later manifest version is
        kept): propagator-aws-xray-v1.26.1 now agrees; instrumentation-aws-sdk-v0.34.0 now
        gives 0.33.1 — its remaining miss is the level, (a) (ff109b7 `fix(deps)` listed
        as a feature).
    (g2) 1 differ, ?: a feat commit in PATH the notes omit. auto-instrumentations-node-
        v0.31.1, 68cf014 `feat(lru-memoizer): ...` (first-parent, touches the package's
        package.json and src/utils.ts): relkit 0.32.0; probably an override of #1056.
  So 342 of 345 misses are missing pull-request bodies or their cascade; the one relkit
  defect seen was (g1), now fixed. Reading pull-request overrides (a file mapping sha to
  override text) would remove (a), (b) and (c).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def show(repo, rev, path):
    r = subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True,
                       text=True)
    return r.stdout if r.returncode == 0 else None


def components(repo, rev, config):
    """path -> (component, tag regex) with the node strategy's default component."""
    out = {}
    default_type = config.get("release-type", "node")
    for path, opts in config.get("packages", {}).items():
        comp = opts.get("component") or config.get("component")
        if not comp and opts.get("release-type", default_type) == "node":
            pj = show(repo, rev, ("" if path == "." else path + "/") + "package.json")
            if pj:
                name = json.loads(pj).get("name", "")
                comp = name.split("/", 1)[1] if re.match(r"^@[\w-]+/", name) else name
        if not comp:
            comp = path.rstrip("/").split("/")[-1]
        sep = opts.get("tag-separator", config.get("tag-separator", "-"))
        with_v = opts.get("include-v-in-tag", config.get("include-v-in-tag", True))
        with_comp = opts.get("include-component-in-tag",
                             config.get("include-component-in-tag", True))
        prefix = (re.escape(comp) + re.escape(sep) if with_comp else "") + ("v" if with_v else "")
        out[path] = (comp, re.compile("^" + prefix + r"(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$"))
    return out


def evaluate(relkit, repo, parent, tmp):
    """(components, relkit's JSON or None, its stderr, tags merged into P) at commit P."""
    cfg_text = show(repo, parent, "release-please-config.json")
    man_text = show(repo, parent, ".release-please-manifest.json")
    if cfg_text is None or man_text is None:
        return None, None, "", []
    config = json.loads(cfg_text)
    comps = components(repo, parent, config)
    # The package.json files of P under a directory of their own (the node-workspace
    # plugin's dependencies); git reads the mirror through GIT_DIR.
    root = tempfile.mkdtemp(dir=tmp)
    for p, (c, _) in comps.items():
        config["packages"][p]["component"] = c
        pj = show(repo, parent, ("" if p == "." else p + "/") + "package.json")
        if pj is not None:
            os.makedirs(os.path.join(root, p), exist_ok=True)
            with open(os.path.join(root, p, "package.json"), "w") as f:
                f.write(pj)
    cfg = os.path.join(root, "release-please-config.json")
    with open(cfg, "w") as f:
        json.dump(config, f)
    with open(os.path.join(root, ".release-please-manifest.json"), "w") as f:
        f.write(man_text)
    env = dict(os.environ, GIT_DIR=os.path.abspath(repo))
    r = subprocess.run([relkit, "next-version", "--workspace", cfg, "--repo", root, "--to", parent,
                        "--json"], capture_output=True, text=True, env=env)
    merged = git(repo, "tag", "--merged", parent).split()
    result = json.loads(r.stdout) if r.returncode in (0, 1) else None
    return comps, result, r.stderr.strip(), merged


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relkit", required=True)
    ap.add_argument("--repo", required=True, help="the git directory (a bare mirror is fine)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    repo = a.repo
    refs = git(repo, "for-each-ref", "--sort=creatordate",
               "--format=%(refname:strip=2)%09%(*objectname)%09%(objectname)", "refs/tags")
    counts = Counter()
    details = []
    cache = {}
    with tempfile.TemporaryDirectory() as tmp:
        for line in refs.splitlines():
            tag, peeled, obj = line.split("\t")
            commit = peeled or obj
            try:
                parent = git(repo, "rev-parse", "--verify", "--quiet", commit + "^1").strip()
            except subprocess.CalledProcessError:
                continue
            if parent not in cache:
                cache[parent] = evaluate(a.relkit, repo, parent, tmp)
            comps, result, message, merged = cache[parent]
            if comps is None:
                continue  # no manifest-mode configuration at P
            owner = None
            for path, (comp, rx) in comps.items():
                m = rx.match(tag)
                if m:
                    owner = (path, comp, m.group(1))
                    break
            if owner is None:
                continue  # not a package's release tag (release-please-1805, next)
            path, comp, version = owner
            earlier = [t for t in merged if comps[path][1].match(t)]
            subject = git(repo, "log", "-1", "--format=%s", commit).strip()
            if result is None:
                outcome, got = "error", message
            elif not re.match(r"^chore(\([^)]*\))?!?: release", subject):
                outcome, got = "not-release-commit", "(tagged commit: " + subject + ")"
            else:
                pkg = next(p for p in result["packages"] if p["name"] == comp)
                got = pkg["next"] if pkg["release"] else "none"
                if not earlier:
                    outcome = "no-previous"
                elif not pkg["release"]:
                    outcome = "no-release"
                else:
                    outcome = "agree" if pkg["next"] == version else "differ"
                got += " (" + pkg["reason"] + ")"
            counts[outcome] += 1
            details.append(f"{outcome:11} {tag}: relkit {got}")
    for d in details:
        if a.verbose or not d.startswith("agree"):
            print(d)
    print("tags compared:", sum(counts.values()),
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    sys.exit(main())
