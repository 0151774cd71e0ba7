// What makes a cache vouch for its own bytes: a checksum of its payload, stored with it and compared on
// every read, so that an edited or damaged cache — even one edited to the same length — is rebuilt,
// never believed. Not a defence against someone forging a cache (they could as well edit the log); a
// check that what is read is what launch wrote.
//
// Plain JavaScript over 32-bit words: loading node:crypto costs ~12 M instructions (2.5% of a bare
// start), more than this costs over a big workspace's 2 MB of snapshots (~28 M; a few hundred
// thousand on a small one). Words are read in the machine's byte order, which is fine for a cache that
// never leaves the machine (other machines' caches are keyed to other inodes anyway). Each lane takes
// a word by a step that is one-to-one in the word and in the lane, so any single changed word changes
// the sum.

/** 16 hex digits summing the bytes [start, end) of `b`. */
export function checksum(b: Uint8Array, start = 0, end = b.length): string {
  const n = end - start;
  const count = n >>> 2;
  let words: Int32Array;
  if (((b.byteOffset + start) & 3) === 0) words = new Int32Array(b.buffer, b.byteOffset + start, count);
  else {
    const copy = new Uint8Array(count * 4);
    copy.set(b.subarray(start, start + count * 4));
    words = new Int32Array(copy.buffer, 0, count);
  }
  mixWords(words, count, 0x811c9dc5 ^ n, 0x1b873593);
  let h1 = lane1;
  for (let i = start + count * 4; i < end; i++) h1 = Math.imul(h1 ^ b[i]!, 0x01000193);
  return hex(h1) + hex(lane2);
}

// The loop alone in a function, its result in module variables: V8 compiles a long loop while it runs
// (on-stack replacement), and code after the loop that has not run yet has no type feedback, so the
// compiled loop bailed out there and was compiled again, on every run (a 10,000-item plan's snapshot:
// two compilations and four bail-outs of checksum per `check`).
let lane1 = 0;
let lane2 = 0;
function mixWords(words: Int32Array, count: number, h1: number, h2: number): void {
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), 0x5bd1e995) ^ w;
  }
  lane1 = h1;
  lane2 = h2;
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** A 32-bit hash of a string (FNV-1a over its UTF-16 units), for sets where a collision only costs time. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
