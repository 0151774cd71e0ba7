// Repairs UTF-8 text that was decoded as Windows-1252 and saved again as UTF-8 ("ðŸš€" for "🚀").
// Only byte runs that form a valid UTF-8 multi-byte sequence are rewritten, so ordinary accented
// text ("café", "Ørsted") is left alone.

// Windows-1252 characters in 0x80–0x9F that are not Latin-1's C1 controls.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

function byteOf(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (code >= 0x80 && code <= 0xff) return code; // Latin-1 range, including undecoded C1 bytes
  return CP1252_HIGH[code];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeRepair {
  text: string;
  /** How many characters were restored. */
  repaired: number;
  /** 1-based line of the first repair. */
  firstLine?: number;
}

export function repairDoubleEncoding(text: string): MojibakeRepair {
  // Fast exit: every double-encoded sequence starts with a lead byte shown as Â..ô.
  if (!/[\u00c2-\u00f4]/.test(text)) return { text, repaired: 0 };
  let out = '';
  let repaired = 0;
  let firstLine: number | undefined;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const lead = byteOf(ch);
    const len = lead === undefined ? 0 : sequenceLength(lead);
    if (len > 0 && i + len <= text.length) {
      const bytes = [lead!];
      for (let k = 1; k < len; k++) {
        const b = byteOf(text[i + k]!);
        if (b === undefined || b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (bytes.length === len) {
        try {
          out += strictUtf8.decode(new Uint8Array(bytes));
          repaired++;
          firstLine ??= line;
          i += len;
          continue;
        } catch {
          // not a valid sequence (overlong, surrogate): keep the characters as they are
        }
      }
    }
    if (ch === '\n') line++;
    out += ch;
    i++;
  }
  return firstLine === undefined ? { text: out, repaired } : { text: out, repaired, firstLine };
}
