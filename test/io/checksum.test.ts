// The caches' checksum: zlib's CRC-32 where Node has it, the same CRC from a table where it does not,
// so a sum written by one Node is understood by another.
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, tableCrc32 } from '../../src/io/store/checksum.js';

describe('checksum', () => {
  it('is CRC-32: the standard check value, as 8 hex digits', () => {
    expect(checksum(Buffer.from('123456789'))).toBe('cbf43926');
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(checksum(new Uint8Array(0))).toBe('00000000');
  });

  it('the table gives what zlib gives, on any bytes and any range of them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length ? a % bytes.length : 0;
        const end = start + (bytes.length ? b % (bytes.length - start + 1) : 0);
        const part = bytes.subarray(start, end);
        expect(tableCrc32(part)).toBe(crc32(part));
        expect(checksum(bytes, start, end)).toBe(crc32(part).toString(16).padStart(8, '0'));
      }),
    );
  });

  it('any one changed byte changes the sum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
        const edited = Uint8Array.from(bytes);
        edited[at % bytes.length]! ^= flip;
        expect(checksum(edited)).not.toBe(checksum(bytes));
      }),
    );
  });
});
