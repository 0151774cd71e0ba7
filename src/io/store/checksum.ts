// What makes a cache vouch for its own bytes: a checksum of its payload, stored with it and compared on
// every read, so that an edited or damaged cache — even one edited to the same length — is rebuilt,
// never believed. Not a defence against someone forging a cache (they could as well edit the log); a
// check that what is read is what launch wrote. CRC-32 notices any change confined to 32 bits, so any
// one changed word, and the rest with odds of 2^-32.
//
// zlib's CRC-32 (node:zlib's crc32, Node ≥ 20.15; loading zlib, with the stream modules it brings,
// costs ~6 M instructions) rather than a loop of our own: a JavaScript loop over a big workspace's 2 MB
// of snapshots runs in V8's baseline tiers until a compiler thread has optimised it, ~330 M
// instructions under callgrind (where threads take turns) against ~14 M for zlib's. Older Nodes get
// the same CRC from a table, so a sum means one thing everywhere.

type Crc32 = (data: Uint8Array, value?: number) => number;

let native: Crc32 | null | undefined;
function nativeCrc32(): Crc32 | null {
  if (native === undefined) {
    const zlib = process.getBuiltinModule?.('node:zlib') as { crc32?: Crc32 } | undefined;
    native = typeof zlib?.crc32 === 'function' ? zlib.crc32 : null;
  }
  return native;
}

/** 8 hex digits: the CRC-32 of the bytes [start, end) of `b`. */
export function checksum(b: Uint8Array, start = 0, end = b.length): string {
  const part = b.subarray(start, end);
  const crc = nativeCrc32();
  return hex(crc ? crc(part) : tableCrc32(part));
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

let table: Int32Array | undefined;
/** CRC-32 (IEEE 802.3, reflected, as zlib's), a byte at a time: only for Nodes without zlib's crc32. */
export function tableCrc32(b: Uint8Array): number {
  if (table === undefined) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < b.length; i++) c = table[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A 32-bit hash of a string (FNV-1a over its UTF-16 units), for sets where a collision only costs time. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
