// Plan titles, notes and reasons are written by other people and printed to someone's terminal: an
// escape sequence in them could recolour, retitle, clear or fake the output, or plant a hyperlink.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeBlock, safeText } from '../../src/render/sanitize.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// Invisible: bidi marks, zero-width space, word joiner and invisible operators, BOM.
const INVISIBLE = /[\u061c\u200b\u200e\u200f\u2060-\u2064\ufeff]/;

describe('safeText removes what would drive the terminal', () => {
  it.each([
    ['CSI colours', `${ESC}[31mred${ESC}[0m and ${ESC}[1;38;2;255;0;0mtrue${ESC}[m`, 'red and true'],
    ['CSI cursor moves and screen clears', `${ESC}[2J${ESC}[Hhome${ESC}[10A${ESC}[?1049h`, 'home'],
    ['OSC 8 hyperlink, ST-terminated', `${ESC}]8;;https://evil.example${ST}click me${ESC}]8;;${ST}`, 'click me'],
    ['OSC 8 hyperlink, BEL-terminated', `${ESC}]8;;https://evil.example${BEL}click me${ESC}]8;;${BEL}`, 'click me'],
    ['OSC 0 window title, BEL-terminated', `${ESC}]0;pwned${BEL}after`, 'after'],
    ['OSC 2 window title, ST-terminated', `${ESC}]2;pwned${ST}after`, 'after'],
    ['an unterminated OSC swallows nothing but itself and what a terminal would swallow', `before${ESC}]0;pwned`, 'before'],
    ['DCS and APC strings', `${ESC}P+q544e${ST}a${ESC}_apc${ST}b`, 'ab'],
    ['two-byte escapes (reset, charset switch)', `${ESC}c${ESC}(0x${ESC}7y`, 'xy'],
    ['a lone ESC at the end', `text${ESC}`, 'text'],
    ['8-bit C1 CSI', '\u009b31mred\u009b0m', 'red'],
    ['8-bit C1 OSC with ST', '\u009d0;pwned\u009cafter', 'after'],
    ['BEL', `ding${BEL}${BEL}dong`, 'dingdong'],
    ['backspace over-striking', 'safe\b\b\b\bEVIL', 'safeEVIL'],
    ['NUL and DEL', 'nul\u0000here\u007f', 'nulhere'],
    ['bidi overrides and isolates', 'abc\u202Etxt.exe\u202C \u2066x\u2069', 'abctxt.exe x'],
    // Marks reorder what is around them as much as overrides do: "v1\u200f-2" can show as "2-v1".
    ['bidi marks (LRM, RLM, ALM)', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width space, word joiner and BOM', 'Lau\u200bnch\u2060 \ufeffplan', 'Launch plan'],
    ['a joiner between ASCII letters or at an end joins nothing', 'chec\u200dk\u200c \u200dx', 'check x'],
    ['a clear-screen with its parameters, not just its ESC', `Skeleton ${ESC}[2J Setup`, 'Skeleton  Setup'],
  ])('%s', (_name, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('neutralises \\r overwrite tricks: what came before the \\r stays visible', () => {
    const out = safeText('rm -rf / # harmless\rls -l             ');
    expect(out).not.toContain('\r');
    expect(out).toContain('rm -rf / # harmless');
  });

  it('turns tabs and newlines into spaces, so one line stays one line', () => {
    expect(safeText('a\tb\nc\r\nd')).toBe('a b c d');
  });

  it('leaves ordinary text, accents, emoji and joiners untouched', () => {
    for (const s of ['Skeleton Loading Setup', 'café Ørsted naïve Zürich', 'e\u0301', '🚀 📅 ✅', '👩‍👩‍👧 🇩🇪 ❤️', '<500KB >80% 4.0/5', '日本語のテキスト', 'עברית RTL', 'می\u200cخواهم', '$(touch /tmp/x) `rm`']) {
      expect(safeText(s)).toBe(s);
    }
  });
});

describe('safeBlock', () => {
  it('keeps line breaks and cleans every line', () => {
    expect(safeBlock(`one${ESC}[31m\r\ntwo${BEL}\n\tthree${ESC}]0;t${BEL}`)).toBe('one\ntwo\n three');
  });
});

// Escape fragments mixed with text: random strings alone rarely form a whole sequence.
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(ESC, `${ESC}[`, `${ESC}]`, `${ESC}]8;;`, `${ESC}P`, ST, BEL, '\u009b', '\u009d', '\u009c', '\r', '\b', '\u0000', '\u202e', '\u2066', '\u200f', '\u200b', '\ufeff', '\u200d', '31m', ';', '[', ']', '\\', 'm', '\n', '\t'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 120,
});

describe('safeText properties', () => {
  it('output never contains C0/C1 controls, DEL, bidi controls or invisible characters', () => {
    fc.assert(fc.property(hostile, (s) => {
      const out = safeText(s);
      expect(out).not.toMatch(CONTROL);
      expect(out).not.toMatch(BIDI);
      expect(out).not.toMatch(INVISIBLE);
    }), { numRuns: 1000 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(hostile, (s) => {
      expect(safeText(safeText(s))).toBe(safeText(s));
    }), { numRuns: 1000 });
  });

  it('changes nothing in text that has no controls', () => {
    const plain = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((s) => !CONTROL.test(s) && !BIDI.test(s) && !INVISIBLE.test(s) && !/[\u200c\u200d]/.test(s));
    fc.assert(fc.property(plain, (s) => {
      expect(safeText(s)).toBe(s);
    }), { numRuns: 500 });
  });

  it('safeBlock output has no controls other than the newlines it keeps', () => {
    fc.assert(fc.property(hostile, (s) => {
      const out = safeBlock(s);
      expect(out.replace(/\n/g, '')).not.toMatch(CONTROL);
      expect(out.split('\n')).toHaveLength(s.split('\n').length);
    }), { numRuns: 500 });
  });
});
