#!/usr/bin/env node
'use strict';
// unleash-client 6.12.1 and @growthbook/growthbook 1.8.0 on exactly the inputs of relkit's
// benchmarks/flags_bench.cpp: the same 64-flag Unleash payload (make_payload), the same
// 4096 user ids (make_users), flag "flag-42" = flexibleRollout 50% (groupId flag-42,
// stickiness default) + one IN constraint on environment, 3 variants; contexts
// {userId, environment: "production", appName: "checkout-service"}.
//   node node_flags_bench.js [rounds=7] [round_ms=200]
// Cases cycle through the 4096 users; median of `rounds` rounds, ns/op, one JSON line each.
//   PEERS_INPUTS=DIR node node_flags_bench.js [rounds] [round_ms]
// DIR/flags_payload64.json and DIR/flags_users4096.txt are make_payload() and make_users(4096),
// written by dump_inputs (run.sh).
const fs = require('fs');
const path = require('path');
const { EventEmitter } = require('events');

const UnleashClient = require('unleash-client/lib/client').default;
const { defaultStrategies } = require('unleash-client/lib/strategy');
const { Unleash } = require('unleash-client');
const unleashUtil = require('unleash-client/lib/strategy/util');
const murmurhash3js = require('murmurhash3js');
// hash() is not exported by the package's entry points: its CommonJS build, by path
const gbUtil = require(path.join(__dirname, 'node_modules', '@growthbook', 'growthbook', 'dist', 'cjs', 'util.js'));
const INPUTS = process.env.PEERS_INPUTS || '.';

const ROUNDS = parseInt(process.argv[2] || '7', 10);
const ROUND_NS = parseFloat(process.argv[3] || '200') * 1e6;

// make_users(4096) and make_payload() of flags_bench.cpp, byte for byte
const USERS = 4096;
const users = fs.readFileSync(path.join(INPUTS, 'flags_users4096.txt'), 'utf8').split('\n').filter(Boolean);
if (users.length !== USERS) throw new Error('flags_users4096.txt');
const payload = JSON.parse(fs.readFileSync(path.join(INPUTS, 'flags_payload64.json'), 'utf8'));
// unleash-client's Repository keeps features in an object keyed by name (convertToMap) and
// getToggle(name) is `this.data[name]`; this repository does the same.
const data = {};
for (const f of payload.features) data[f.name] = f;
class Repo extends EventEmitter {
  getToggle(name) { return data[name]; }
  getToggles() { return Object.values(data); }
  getSegment() { return undefined; }
  getTogglesWithSegmentData() { return this.getToggles(); }
  start() { return Promise.resolve(); }
  stop() {}
}
const repo = new Repo();
const client = new UnleashClient(repo, defaultStrategies);
const ctx = users.map((u) => ({ userId: u, environment: 'production', appName: 'checkout-service' }));
const ctxVariant = users.map((u) => ({ userId: u, environment: 'production' }));

let sink = 0;
function now() { return process.hrtime.bigint(); }
function round(fn, iters) {
  const t0 = now();
  for (let i = 0; i < iters; i++) sink += fn(i & (USERS - 1)) ? 1 : 0;
  return Number(now() - t0) / iters;
}
function bench(name, fn) {
  let iters = 1024;
  while (round(fn, iters) * iters < 20e6) iters *= 2; // warm-up + calibration
  round(fn, iters);
  const per = round(fn, iters);
  iters = Math.max(1024, Math.round(ROUND_NS / Math.max(per, 0.1)));
  const ns = [];
  for (let r = 0; r < ROUNDS; r++) ns.push(round(fn, iters));
  ns.sort((a, b) => a - b);
  console.log(JSON.stringify({ name, ns: +ns[ns.length >> 1].toFixed(2), min: +ns[0].toFixed(2), max: +ns[ns.length - 1].toFixed(2), rounds: ROUNDS }));
}

// Agreement check: how many of the 4096 users are enabled (relkit's count is printed by
// relkit_flags_check.cpp for the same inputs).
let enabled = 0;
for (let i = 0; i < USERS; i++) enabled += client.isEnabled('flag-42', ctx[i], () => false) ? 1 : 0;
const variants = {};
for (let i = 0; i < USERS; i++) { const v = client.getVariant('flag-42', ctxVariant[i]).name; variants[v] = (variants[v] || 0) + 1; }
console.log(JSON.stringify({ check: 'flag-42 enabled of 4096', enabled, variants }));

bench('unleash.isEnabled flexibleRollout50+IN (UnleashClient, 64 flags)', (i) => client.isEnabled('flag-42', ctx[i], () => false));
bench('unleash.isEnabled unknown flag (UnleashClient)', (i) => client.isEnabled('no-such-flag', ctx[i], () => false));
bench('unleash.getVariant flag-42, 3 variants (UnleashClient)', (i) => client.getVariant('flag-42', ctxVariant[i]).enabled);
// The public Unleash object (context merge with the static context, metrics disabled), same repository.
const unleash = new Unleash({ appName: 'checkout-service', environment: 'production', url: 'http://127.0.0.1:9/api/', repository: repo,
  disableMetrics: true, disableAutoStart: true, skipInstanceCountWarning: true });
unleash.on('error', () => {});
repo.emit('ready');
if (!unleash.isEnabled('flag-42', ctx[0]) && !unleash.isEnabled('flag-42', ctx[1])) throw new Error('Unleash not ready?');
bench('unleash.isEnabled flexibleRollout50+IN (public Unleash, metrics off)', (i) => unleash.isEnabled('flag-42', ctx[i]));
bench('unleash normalizedStrategyValue("new-checkout", user) (= BM_UnleashBucket)', (i) => unleashUtil.normalizedStrategyValue(users[i], 'new-checkout'));
// the key of BM_Murmur3_41ByteKey, verbatim (41 bytes)
const key41 = 'new-checkout:3f1c2a9e-7b4d-4e8a-9c01-55aa';
bench('murmurhash3js x86.hash32 same 41-byte key (= BM_Murmur3_41ByteKey)', () => murmurhash3js.x86.hash32(key41, 0));
bench('growthbook hash v2 ("pricing-page-experiment", user) (= BM_GrowthBookHashV2)', (i) => gbUtil.hash('pricing-page-experiment', users[i], 2));
console.log(JSON.stringify({ meta: { node: process.version, unleash: require('unleash-client/package.json').version, growthbook: JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@growthbook', 'growthbook', 'package.json'), 'utf8')).version, sink: sink > 0 } }));
unleash.destroy();
