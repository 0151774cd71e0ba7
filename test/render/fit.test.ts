// Wrapping to the terminal's width: display columns (wide characters two, colour codes none), breaks
// between words, continuation lines under where the text begins; a pipe (no width) is never cut.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, fitLines, hangOf, NARROW, wrapLine } from '../../src/render/fit.js';
import { renderTable } from '../../src/render/table.js';

const widest = (lines: string[]) => Math.max(...lines.map((l) => stringWidth(l)));
const plain = { head: (s: string) => s, rule: (s: string) => s };

describe('displayWidth', () => {
  it('takes every character its shortcut (NARROW) counts as one column as string-width does', () => {
    const narrow: string[] = [];
    for (let cp = 0; cp <= 0x2fff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (NARROW.test(ch)) narrow.push(ch);
    }
    expect(narrow.length).toBeGreaterThan(1000);
    expect(narrow.filter((ch) => stringWidth(ch) !== 1).map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
    expect(displayWidth(narrow.join(''))).toBe(stringWidth(narrow.join('')));
  });

  it('leaves the rest to string-width: wide, zero-width and combining characters, and colour codes', () => {
    for (const text of ['日本語', '🚀 launch', 'e\u0301', 'soft\u00adhyphen', '\x1b[1mbold\x1b[22m ○ ✔', '◽ box', 'tab\there']) {
      expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });
});

describe('wrapLine', () => {
  it('breaks before a word too long for any line when the line it would start on is already full', () => {
    const lines = wrapLine(`${'a'.repeat(20)} ${'b'.repeat(25)}`, 20, 0);
    expect(lines.every((l) => l.length <= 20), JSON.stringify(lines)).toBe(true);
    expect(lines.join('')).toBe(`${'a'.repeat(20)}${'b'.repeat(25)}`);
  });

  it('leaves a line alone in a pipe, and one that fits', () => {
    const long = 'word '.repeat(40).trim();
    expect(wrapLine(long, undefined)).toEqual([long]);
    expect(wrapLine('short', 10)).toEqual(['short']);
  });

  it('breaks between words, continuing under the title after an id column', () => {
    const line = '  ○ skeleton-setup  Skeleton components implemented for all data tables and charts';
    const lines = wrapLine(line, 40);
    expect(widest(lines)) .toBeLessThanOrEqual(40);
    expect(lines[0]).toBe('  ○ skeleton-setup  Skeleton components');
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {20}\S/);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(line.trim().replace(/ {2,}/g, '  '));
  });

  it('counts a wide character as two columns and a colour code as none', () => {
    const cjk = `  ○ item  ${'検索'.repeat(20)}`;
    const lines = wrapLine(cjk, 30);
    expect(widest(lines)).toBeLessThanOrEqual(30);
    expect(lines.join('').replace(/\s/g, '')).toBe(cjk.replace(/\s/g, ''));
    const coloured = `\u001b[1m${'bold words '.repeat(8)}\u001b[22m`;
    expect(widest(wrapLine(coloured, 25))).toBeLessThanOrEqual(25);
    expect(stringWidth('🚀')).toBe(2);
    expect(widest(wrapLine(`  ${'🚀 go '.repeat(20)}`, 21))).toBeLessThanOrEqual(21);
  });

  it('cuts only a word longer than a whole line', () => {
    const lines = wrapLine(`see ${'x'.repeat(50)} end`, 20);
    expect(widest(lines)).toBeLessThanOrEqual(20);
    expect(lines.join('').replace(/\s/g, '')).toBe(`see${'x'.repeat(50)}end`);
  });

  it('hangs after a gap, after a mark, or two in from the indent, never past half the width', () => {
    expect(hangOf('  ○ id  Title words', 80)).toBe(8);
    expect(hangOf('  ▲ P1 · something', 80)).toBe(4);
    expect(hangOf('Plain heading', 80)).toBe(2);
    expect(hangOf(`  ${'x'.repeat(50)}  title`, 60)).toBe(4);
  });

  it('fitLines splits lines that hold several', () => {
    expect(fitLines(['a\nb'], 80)).toEqual(['a', 'b']);
    expect(fitLines(['a\nb'], undefined)).toEqual(['a\nb']);
  });
});

describe('renderTable', () => {
  const rows = [
    ['Bundle Size of the main application chunk', '<600KB ✔', '<500KB ◔', '480KB'],
    ['DB Query Time', '<75ms ✔', '<50ms ·', ''],
  ];
  it('sizes columns from their content, one rule under the head, none between rows', () => {
    const lines = renderTable(['Metric', 'Week 1', 'Week 2', 'Actual'], rows, undefined, plain);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^ {2}─+ {2}─{8} {2}─{8} {2}─{6}$/);
    expect(lines[2]!.indexOf('<600KB')).toBe(lines[3]!.indexOf('<75ms'));
  });

  it('fits a narrow terminal by wrapping the widest column inside itself', () => {
    const lines = renderTable(['Metric', 'Week 1', 'Week 2', 'Actual'], rows, 50, plain);
    expect(widest(lines)).toBeLessThanOrEqual(50);
    expect(lines.join(' ')).toMatch(/Bundle Size/);
  });
});
