'use strict';
// Shared by node_commits_bench.js and node_commits_mem.js: the corpus of relkit's
// BM_ParseCorpus* (RELKIT_VECTORS_DIR/commits/corpus/<repo>.jsonl, the repositories listed in
// tests/support/commit_corpus.hpp, passed by run.sh as COMMIT_CORPUS_REPOS, in that order) and
// conventional-commits-parser 7.1.4 with conventional-changelog-conventionalcommits' options.
const fs = require('fs');
const path = require('path');

function loadCorpus() {
  const vectors = process.env.RELKIT_VECTORS_DIR;
  const repos = (process.env.COMMIT_CORPUS_REPOS || '').split(',').filter(Boolean);
  if (!vectors || repos.length === 0) throw new Error('set RELKIT_VECTORS_DIR and COMMIT_CORPUS_REPOS');
  const msgs = [];
  for (const r of repos) {
    for (const line of fs.readFileSync(path.join(vectors, 'commits', 'corpus', `${r}.jsonl`), 'utf8').split('\n')) {
      if (line) msgs.push(JSON.parse(line).message);
    }
  }
  const bytes = msgs.reduce((a, m) => a + Buffer.byteLength(m), 0);
  return { msgs, bytes };
}

async function makeParser() {
  const { CommitParser } = await import('conventional-commits-parser');
  const preset = await (await import('conventional-changelog-conventionalcommits')).default();
  const version = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', 'conventional-commits-parser', 'package.json'), 'utf8')).version;
  return { parser: new CommitParser(preset.parser), version };
}

module.exports = { loadCorpus, makeParser };
