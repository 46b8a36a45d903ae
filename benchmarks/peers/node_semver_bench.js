#!/usr/bin/env node
'use strict';
// node-semver 7.8.6 on exactly the inputs of relkit's benchmarks/semver_bench.cpp.
//
//   PEERS_INPUTS=DIR node node_semver_bench.js [--rounds=7] [--round-ms=200] [--only=substr]
//
// Inputs: DIR/mix1000.txt, DIR/mix10000.txt are relkit's version_mix(1000/10000), written by
// dump_inputs (run.sh). Each case: warm-up/calibration to ~20 ms, then
// `rounds` timed rounds of ~round-ms each; prints the median (and min/max) in ns per
// operation, one JSON line per case. node-semver keeps parsed comparator sets in a
// 1000-entry LRU keyed by the range string: `new Range(r)` of a repeated string is a cache
// hit, so range parse is measured both ways ("cached": as a caller sees it when reparsing
// the same text; "uncached": the LRU's get/set stubbed out for that case only = the parse).
const fs = require('fs');
const path = require('path');

const semver = require('semver');
const LRU = require('semver/internal/lrucache');
const { SemVer, Range } = semver;

const arg = (name, def) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : def;
};
const ROUNDS = parseInt(arg('rounds', '7'), 10);
const ROUND_NS = parseFloat(arg('round-ms', '200')) * 1e6;
const ONLY = arg('only', '');

const here = process.env.PEERS_INPUTS || '.';
const mix1000 = fs.readFileSync(path.join(here, 'mix1000.txt'), 'utf8').split('\n').filter(Boolean);
const mix10000 = fs.readFileSync(path.join(here, 'mix10000.txt'), 'utf8').split('\n').filter(Boolean);
if (mix1000.length !== 1000 || mix10000.length !== 10000) throw new Error('mix files');

let sink = 0;
const results = [];
function bench(name, fn, per = 1) {
  if (ONLY && !name.includes(ONLY)) return;
  const run = (iters) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) { const r = fn(i); sink ^= (r ? 1 : 0); }
    return Number(process.hrtime.bigint() - t0);
  };
  let iters = 1;
  while (run(iters) < 20e6) iters *= 2; // warm-up + calibration (JIT settles here)
  run(iters);
  iters = Math.max(1, Math.round(iters * ROUND_NS / 20e6));
  const ns = [];
  for (let r = 0; r < ROUNDS; r++) ns.push(run(iters) / (iters * per));
  ns.sort((a, b) => a - b);
  const res = { name, ns: +ns[ns.length >> 1].toFixed(2), min: +ns[0].toFixed(2), max: +ns[ns.length - 1].toFixed(2), rounds: ROUNDS };
  results.push(res);
  console.log(JSON.stringify(res));
}

// BM_ParseMix1000: per version
bench('ParseMix1000', () => { let n = 0; for (let k = 0; k < 1000; k++) if (semver.parse(mix1000[k])) n++; return n; }, 1000);
// BM_ParseInvalid: semver.parse builds `new SemVer` and catches its TypeError (message built)
bench('ParseInvalid', () => semver.parse('1.2.x-beta') === null);
// BM_CompareParsed / BM_CompareParsedPlain: SemVer#compare on pre-parsed objects
{
  const a = new SemVer('1.2.3-alpha.1.beta.7'); const b = new SemVer('1.2.3-alpha.1.beta.10');
  bench('CompareParsed', () => a.compare(b) + 2);
  const c = new SemVer('1.2.3'); const d = new SemVer('1.2.4');
  bench('CompareParsedPlain', () => c.compare(d) + 2);
}
// BM_CompareStrings: parse both, compare
bench('CompareStrings', () => semver.compare('1.2.3-rc.1', '1.2.3') + 2);
// BM_Sort10kStrings: parse 10k + stable sort by compareBuild (relkit sv::sort), per element
bench('Sort10kStrings(parse once, sort by compareBuild)', () => {
  const parsed = mix10000.map((s) => new SemVer(s));
  parsed.sort((x, y) => x.compareBuild(y));
  return parsed.length;
}, 10000);
bench('Sort10kStrings(semver.sort on strings, node idiom)', () => semver.sort(mix10000.slice()).length, 10000);

const ranges = { caret: '^1.2.3', or_xrange: '>=1.2.7 <1.3.0 || 2.x', tilde_pre: '~1.2.3-beta.2' };
const versionFor = { caret: '1.8.0', or_xrange: '2.4.1', tilde_pre: '1.2.3-beta.4' };
// BM_RangeParse, as a caller sees it (LRU hit on the comparator sets after the first call)
for (const [k, r] of Object.entries(ranges)) bench(`RangeParse/${k} (cached)`, () => new Range(r).set.length);
// BM_RangeParse, real parse: LRU stubbed for these cases only
{
  const get = LRU.prototype.get; const set = LRU.prototype.set;
  LRU.prototype.get = function () { return undefined; };
  LRU.prototype.set = function () { return this; };
  for (const [k, r] of Object.entries(ranges)) bench(`RangeParse/${k} (uncached)`, () => new Range(r).set.length);
  LRU.prototype.get = get; LRU.prototype.set = set;
}
// BM_Satisfies: pre-parsed range and version
for (const [k, r] of Object.entries(ranges)) {
  const range = new Range(r); const v = new SemVer(versionFor[k]);
  if (!range.test(v)) throw new Error(`expected ${versionFor[k]} to satisfy ${r}`);
  bench(`Satisfies/${k}`, () => range.test(v));
}

const meta = { node: process.version, semver: require('semver/package.json').version, rounds: ROUNDS, round_ms: ROUND_NS / 1e6, sink: sink > -1 };
console.log(JSON.stringify({ meta }));
