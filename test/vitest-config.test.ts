// Test files share modules (vitest.config.ts), which a vi.mock cannot reach once they are loaded: a
// file that mocks a module must run isolated, listed in MOCKING.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOCKING } from '../vitest.config.js';
import { repoRoot } from './helpers.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('vitest.config.ts', () => {
  it('runs every test file that mocks a module isolated, and only those', () => {
    const mocking = testFiles(join(repoRoot, 'test'))
      .filter((file) => /\bvi\.(?:do)?[mM]ock\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file))
      .filter((file) => file !== 'test/vitest-config.test.ts');
    expect(mocking.sort()).toEqual([...MOCKING].sort());
  });

  it('runs dependencies as the bundle ships them, not their development builds', () => {
    // micromark's "development" export is a build with debug calls and assertions in every step.
    expect(process.execArgv.join(' ')).not.toMatch(/development/);
    expect(createRequire(import.meta.url).resolve('micromark')).not.toMatch(/[/\\]dev[/\\]/);
  });
});
