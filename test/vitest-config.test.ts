// Test files share modules (vitest.config.ts), which a vi.mock cannot reach once they are loaded: a
// file that mocks a module must run isolated, listed in MOCKING.
import { readdirSync, readFileSync } from 'node:fs';
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
});
