// 32-bit words as base64 text, for the snapshots' long lists of numbers (the fold snapshot's id
// hashes, the plan snapshot's number columns): encoded and decoded natively, where a JSON array of
// numbers is parsed and checked one number at a time. The words are in the machine's byte order, as a
// snapshot never leaves the machine.

export const wordsText = (a: Int32Array | Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** The words of base64 `text`, or undefined when its bytes are not a whole number of words. */
export function wordsOf(text: string): ArrayBuffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) return undefined;
  // A copy: the decoded bytes may sit at any offset of Node's pool, and words must be aligned.
  const words = new Uint8Array(bytes.length);
  words.set(bytes);
  return words.buffer;
}

/** How many words the base64 at [start, end) of `buf` holds, or undefined when not a whole number. */
export function wordCount(buf: Uint8Array, start: number, end: number): number | undefined {
  const length = end - start;
  const padding = length === 0 ? 0 : buf[end - 1] !== 0x3d ? 0 : buf[end - 2] !== 0x3d ? 1 : 2;
  const bytes = (length / 4) * 3 - padding;
  return length % 4 !== 0 || bytes % 4 !== 0 ? undefined : bytes / 4;
}

const word = new Uint8Array(4);
const wordView = new Uint32Array(word.buffer);
/**
 * Word k of the base64 at `start` of `buf`, decoding only the (one or two) 4-character groups that
 * hold its 4 bytes: for a search that looks at a few words of millions.
 */
export function wordAt(buf: Buffer, start: number, k: number): number {
  const first = Math.floor((4 * k) / 3);
  const last = Math.floor((4 * k + 3) / 3);
  const decoded = Buffer.from(buf.toString('latin1', start + 4 * first, start + 4 * last + 4), 'base64');
  const from = 4 * k - 3 * first;
  word.set(decoded.subarray(from, from + 4));
  return wordView[0]!;
}
