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
