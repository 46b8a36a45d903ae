#!/usr/bin/env node
'use strict';
// conventional-commits-parser 7.1.4 over exactly the messages relkit's BM_ParseCorpusCompatible
// parses (see node_commits_common.js). Loading is not timed.
//   COMMIT_CORPUS_REPOS=a,b,... RELKIT_VECTORS_DIR=... node node_commits_bench.js [passes=5]
// One warm-up pass, then `passes` timed passes; one JSON line: median/min ms per corpus pass,
// MB/s (UTF-8 bytes / 1e6 per second) and ns per message.
const { loadCorpus, makeParser } = require('./node_commits_common.js');

(async () => {
  const passes = parseInt(process.argv[2] || '5', 10);
  const { msgs, bytes } = loadCorpus();
  const { parser, version } = await makeParser();
  let sink = 0;
  const pass = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < msgs.length; i++) { const c = parser.parse(msgs[i]); sink += c.type ? 1 : 0; }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  pass(); // warm-up
  const ms = [];
  for (let p = 0; p < passes; p++) ms.push(pass());
  ms.sort((a, b) => a - b);
  const med = ms[ms.length >> 1];
  console.log(JSON.stringify({ name: 'cc-parser/corpus', parser: version, messages: msgs.length, bytes,
    ms_median: +med.toFixed(2), ms_min: +ms[0].toFixed(2), ms_max: +ms[ms.length - 1].toFixed(2),
    mb_per_s: +((bytes / 1e6) / (med / 1e3)).toFixed(2), ns_per_msg: +((med * 1e6) / msgs.length).toFixed(1),
    conventional: sink / (passes + 1), node: process.version }));
})().catch((e) => { console.error(e); process.exit(1); });
