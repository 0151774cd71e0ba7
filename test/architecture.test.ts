// The layers, as docs/ARCHITECTURE.md draws them, checked on the import lines of every source file:
// core is pure and imports nothing outside core; render imports no io; io imports no commands; only the
// entry bundle holds commander; and no file grows past the size a reader takes in at once.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const src = join(repoRoot, 'src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));
const text = new Map(files.map((f) => [f, readFileSync(join(src, f), 'utf8')]));

interface Import {
  spec: string;
  /** The imported file relative to src/, for a relative import. */
  target: string | undefined;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
  for (const m of text.get(file)!.matchAll(re)) {
    const spec = m[3] ?? m[4]!;
    const target = spec.startsWith('.') ? normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts') : undefined;
    out.push({ spec, target, typeOnly: m[2] !== undefined });
  }
  return out;
}

const layer = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);
const violations = (from: (f: string) => boolean, bad: (i: Import) => boolean) =>
  files.filter(from).flatMap((f) => importsOf(f).filter(bad).map((i) => `${f} → ${i.spec}`));

describe('the layers', () => {
  it('finds the imports it checks', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(importsOf('cli.ts').map((i) => i.spec)).toContain('./commands/today.js');
  });

  it('core imports nothing outside core, and nothing of Node', () => {
    expect(violations((f) => layer(f) === 'core', (i) => i.spec.startsWith('node:') || (i.target !== undefined && layer(i.target) !== 'core'))).toEqual([]);
  });

  it('core reads no clock, no process, no console and no colour', () => {
    const impure = /\bprocess\.|Date\.now\(|new Date\(\)|console\.|from 'chalk'/;
    expect(files.filter((f) => layer(f) === 'core' && impure.test(text.get(f)!))).toEqual([]);
  });

  it('render imports no io, no commands and nothing of Node', () => {
    expect(violations((f) => layer(f) === 'render', (i) => i.spec.startsWith('node:') || (i.target !== undefined && ['io', 'commands', 'cli.ts'].includes(layer(i.target))))).toEqual([]);
  });

  it('io imports no commands, no render and not the command context', () => {
    expect(violations((f) => layer(f) === 'io', (i) => i.target !== undefined && ['commands', 'render', 'runtime.ts', 'cli.ts'].includes(layer(i.target)))).toEqual([]);
  });

  it('commands reach files only through io, and commander only through the program they are given', () => {
    expect(violations((f) => layer(f) === 'commands', (i) => i.spec === 'node:fs' || (i.spec === 'commander' && !i.typeOnly))).toEqual([]);
  });

  it('every cache lives behind the store door: only io/store/ reads or writes a snapshot', () => {
    const snapshotUsers = files.filter((f) => /snapshot/i.test(importsOf(f).map((i) => i.spec).join(' ')) && !f.startsWith('io/store/'));
    expect(snapshotUsers).toEqual([]);
  });

  it('no source file is longer than 300 lines', () => {
    const long = files.filter((f) => text.get(f)!.split('\n').length > 301).map((f) => `${f}: ${text.get(f)!.split('\n').length} lines`);
    expect(long).toEqual([]);
  });
});

describe('the checks above can fail', () => {
  it('a core file importing io, and a long file, would be caught', () => {
    const fake = 'core/x.ts';
    text.set(fake, "import { openState } from '../io/store/open.js';\n" + 'x\n'.repeat(400));
    files.push(fake);
    try {
      expect(violations((f) => layer(f) === 'core', (i) => i.target !== undefined && layer(i.target) !== 'core')).toEqual(['core/x.ts → ../io/store/open.js']);
      expect(files.filter((f) => text.get(f)!.split('\n').length > 301)).toContain(fake);
    } finally {
      files.pop();
      text.delete(fake);
    }
  });
});
