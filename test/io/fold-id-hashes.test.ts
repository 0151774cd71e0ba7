// The fold snapshot's id hashes, searched in their base64 text without decoding them all.
import { describe, expect, it } from 'vitest';
import { checksum } from '../../src/io/store/checksum.js';
import { holds, idHashesOf } from '../../src/io/store/fold-snapshot-file.js';
import { wordsText } from '../../src/io/store/words.js';

/** A small seeded generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s;
  };
}

/** The words' base64 between other bytes, as the snapshot file has them, with its checksum. */
function inFile(words: Uint32Array): { buf: Buffer; start: number; end: number; sum: string } {
  const text = Buffer.from(wordsText(words));
  const buf = Buffer.concat([Buffer.from('{"header":1}\n'), text, Buffer.from('\n{"notes":[]}')]);
  const start = 13;
  return { buf, start, end: start + text.length, sum: checksum(text) };
}

describe('the id hashes searched in place', () => {
  it('find exactly what the decoded words hold, for every length (every base64 padding) and value', () => {
    const next = random(7);
    for (let n = 0; n <= 40; n++) {
      const words = Uint32Array.from({ length: n }, () => next()).sort();
      if (n > 2) words[1] = words[0]!; // a repeated hash
      if (n > 5) [words[n - 1], words[0]] = [0xffffffff, 0]; // the extremes (still sorted)
      const { buf, start, end, sum } = inFile(words);
      const ids = idHashesOf(buf, start, end, sum)!;
      expect(ids).not.toBeNull();
      const probes = [...words, ...words.map((w) => (w + 1) >>> 0), ...words.map((w) => (w - 1) >>> 0), 0, 1, 0xffffffff, next(), next()];
      for (const p of probes) expect(ids.holds(p), `n=${n} hash=${p}`).toBe(holds(words, p));
      expect([...ids.all()]).toEqual([...words]);
      // Once all are decoded, the search uses them: the same answers.
      for (const p of probes) expect(ids.holds(p)).toBe(holds(words, p));
    }
  });

  it('are refused when they do not match their checksum or are not whole words', () => {
    const words = Uint32Array.from([3, 9, 27, 81]);
    const { buf, start, end, sum } = inFile(words);
    expect(idHashesOf(buf, start, end, sum === '00000000' ? '00000001' : '00000000')).toBeNull();
    const five = Buffer.from(Buffer.from([1, 2, 3, 4, 5]).toString('base64'));
    expect(idHashesOf(five, 0, five.length, checksum(five))).toBeNull();
    const cut = buf.subarray(0, end - 1);
    expect(idHashesOf(cut, start, end - 1, checksum(cut, start, end - 1))).toBeNull();
  });
});
