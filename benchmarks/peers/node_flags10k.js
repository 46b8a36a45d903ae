#!/usr/bin/env node
'use strict';
// unleash-client 6.12.1 side of the 10,000-flag set (mem_flags10k.cpp is relkit's side):
// the same payload file, JSON.parse'd and kept as unleash-client's Repository keeps it
// (an object keyed by flag name, its convertToMap), one isEnabled through UnleashClient.
//   node --expose-gc node_flags10k.js PAYLOAD.json [repeats=7]
// peak_rss_delta_kib = maxRSS after the load - RSS before it; heap_held_bytes = V8 heap used
// after a full GC with the set held - before. Then `repeats` further loads, median wall ms.
const fs = require('fs');
const UnleashClient = require('unleash-client/lib/client').default;
const { defaultStrategies } = require('unleash-client/lib/strategy');

const file = process.argv[2];
const repeats = parseInt(process.argv[3] || '7', 10);
const json = fs.readFileSync(file, 'utf8');
const gc = global.gc || (() => { throw new Error('run with --expose-gc'); });
const load = (text) => {
  const data = {};
  for (const f of JSON.parse(text).features) data[f.name] = f;
  return data;
};

gc();
const rssBefore = Math.round(process.memoryUsage().rss / 1024);
const heapBefore = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
let data = load(json);
const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
const client = new UnleashClient({ getToggle: (x) => data[x], getSegment: () => undefined }, defaultStrategies);
const on = client.isEnabled('flag-4242', { userId: '3f1c2a9e-7b4d-4e8a-9c01-100000000000', environment: 'production' }, () => false) ? 1 : 0;
const peak = process.resourceUsage().maxRSS;
gc();
const heapAfter = process.memoryUsage().heapUsed;
const rssAfter = Math.round(process.memoryUsage().rss / 1024);
data = null;

const ms = [];
for (let r = 0; r < repeats; r++) {
  const s = process.hrtime.bigint();
  const again = load(json);
  ms.push(Number(process.hrtime.bigint() - s) / 1e6);
  if (!again['flag-9999']) throw new Error('load');
}
ms.sort((a, b) => a - b);
console.log(JSON.stringify({ name: 'load10k', impl: 'unleash-client', json_bytes: Buffer.byteLength(json), on,
  first_load_ms: +firstMs.toFixed(3), load_ms_median: +ms[ms.length >> 1].toFixed(3), load_ms_min: +ms[0].toFixed(3), repeats,
  rss_before_kib: rssBefore, rss_after_kib: rssAfter, peak_rss_kib: peak, peak_rss_delta_kib: peak - rssBefore,
  heap_held_bytes: heapAfter - heapBefore, node: process.version, unleash: require('unleash-client/package.json').version }));
