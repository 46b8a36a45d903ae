// Differential generator for the shared core (include/relkit/detail/): token
// soup for Number() and String.prototype.trim (Unicode spaces, near-spaces,
// signs, radix prefixes, long mantissas, extreme exponents) and RFC 3339
// timestamps with random fields, answered by this node. One case a line:
//   N <utf-8 hex> <Number() as little-endian double hex> <trimStart bytes> <trim() bytes>
//   T <utf-8 hex> <Date.parse() or nan>
// Usage: node tools/core_diff.js [CASES] [SEED] | /tmp/core_diff
"use strict";
const cases = Number(process.argv[2] || 300000);
let seed = Number(process.argv[3] || 12345);
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const hex = (s) => Buffer.from(s, "utf8").toString("hex") || "-";
const tokens = ["0", "1", "9", "5", "00", ".", "e", "E", "+", "-", "x", "X", "0x", "0b", "0o", "a",
  "f", "F", "g", "Infinity", "Inf", " ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000",
  "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u0085",
  "\u180e", "123456789012345678901234567890", "e308", "e-324", "e400", "9007199254740993", "_", ",",
  "1e", "NaN"];
const lines = [];
for (let k = 0; k < cases; k++) {
  let s = "";
  const len = 1 + rnd(6);
  for (let j = 0; j < len; j++) s += tokens[rnd(tokens.length)];
  const number = Buffer.alloc(8);
  number.writeDoubleLE(Number(s));
  const start = Buffer.byteLength(s) - Buffer.byteLength(s.trimStart());
  lines.push(`N ${hex(s)} ${number.toString("hex")} ${start} ${Buffer.byteLength(s.trim())}`);
}
const pad = (v, n) => String(v).padStart(n, "0");
for (let k = 0; k < cases / 3; k++) {
  let s = `${pad(rnd(10000), 4)}-${pad(rnd(14), 2)}-${pad(rnd(33), 2)}T` +
          `${pad(rnd(26), 2)}:${pad(rnd(62), 2)}:${pad(rnd(62), 2)}`;
  if (rnd(2)) s += "." + pad(rnd(1000), 1 + rnd(3));
  const zone = rnd(3);
  s += zone === 0 ? "Z" : (zone === 1 ? "+" : "-") + pad(rnd(25), 2) + ":" + pad(rnd(61), 2);
  const t = Date.parse(s);
  lines.push(`T ${hex(s)} ${Number.isNaN(t) ? "nan" : String(t)}`);
}
process.stdout.write(lines.join("\n") + "\n");
