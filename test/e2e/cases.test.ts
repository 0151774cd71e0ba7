// Every command and its documented flags through the built binary, checked against the table of
// cases docs/CASES.md documents under "Exit codes by example". Cases run in order in one workspace.
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES, prepareCaseDir } from './case-table.js';
import { launch, tempDir } from './run.js';

describe('every command, by the README table', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    prepareCaseDir(dir);
  });
  for (const c of CASES) {
    it(`launch ${c.args.join(' ')} → ${c.code}`, () => {
      const r = launch(c.args, { cwd: dir });
      expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(c.code);
      if (c.out) expect(r.stdout).toMatch(c.out);
      if (c.err) expect(r.stderr).toMatch(c.err);
      if (c.json) expect(() => JSON.parse(r.stdout)).not.toThrow();
      expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
    });
  }
});
