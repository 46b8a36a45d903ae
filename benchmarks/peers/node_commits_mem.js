#!/usr/bin/env node
'use strict';
// conventional-commits-parser 7.1.4 side of mem_commits.cpp: the same messages, all parsed
// with conventional-changelog-conventionalcommits 10.4.1's parser options, every result held.
//   COMMIT_CORPUS_REPOS=a,b,... RELKIT_VECTORS_DIR=... node --expose-gc node_commits_mem.js
const { loadCorpus, makeParser } = require('./node_commits_common.js');

(async () => {
  const { msgs, bytes } = loadCorpus();
  const { parser } = await makeParser();
  const gc = global.gc || (() => { throw new Error('run with --expose-gc'); });
  gc();
  const rssBefore = Math.round(process.memoryUsage().rss / 1024);
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const parsed = new Array(msgs.length);
  let conventional = 0;
  for (let i = 0; i < msgs.length; i++) { parsed[i] = parser.parse(msgs[i]); if (parsed[i].type) conventional++; }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peak = process.resourceUsage().maxRSS;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ name: 'corpus_held', impl: 'conventional-commits-parser', messages: msgs.length, bytes, conventional,
    parse_ms: +ms.toFixed(2), rss_before_kib: rssBefore, rss_after_kib: Math.round(process.memoryUsage().rss / 1024), peak_rss_kib: peak,
    peak_rss_delta_kib: peak - rssBefore, heap_held_bytes: heapAfter - heapBefore, held: parsed.length, node: process.version }));
})().catch((e) => { console.error(e); process.exit(1); });
