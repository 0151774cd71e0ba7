// Markdown nested deeper than launch reads (a 4 KB line of `> > > …`, 10,000 nested quotes): every
// command that imports Markdown refuses it at once with the file and the line (exit 1), writes
// nothing, and never says "internal error" (the parse once overflowed the stack, or ran for minutes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcher, workspaceWith } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const HEAD = '# Deep\n\n## Sprint 1: S (Week 1)\n\n- [ ] fine\n\n';
const PLANS: [string, string][] = [
  ['2,000 quotes in a 4 KB line', `${HEAD}${'> '.repeat(2000)}deep\n`],
  ['2,000 list items in a 4 KB line', `${HEAD}${'- '.repeat(2000)}deep\n`],
  ['10,000 nested quotes', `${HEAD}${'> '.repeat(10_000)}deep\n`],
];
const ERROR = 'deep.md:7: lists and quotes nest deeper than 100 levels here; launch reads at most 100';

describe('Markdown nested too deep', () => {
  for (const [name, text] of PLANS) {
    it(`${name}: import, validate, init --plan and plan update refuse it with the line`, async () => {
      const dir = scratchDir();
      writeFileSync(join(dir, 'deep.md'), text);
      const imported = await launch(['import', 'deep.md', '-o', 'deep.yaml'], dir);
      expect(imported.stderr).toBe(`error: ${ERROR}\n`);
      expect(imported.code).toBe(1);
      expect(existsSync(join(dir, 'deep.yaml'))).toBe(false);

      const validated = await launch(['validate', 'deep.md'], dir);
      expect(validated.code).toBe(1);
      expect(validated.stderr).toContain(ERROR);
      const json = await launch(['validate', 'deep.md', '--json'], dir);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, problems: [{ line: 7, message: expect.stringMatching(/deeper than 100 levels/) }] });

      const init = await launch(['init', '--plan', 'deep.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir);
      expect(init.stderr).toBe(`error: ${ERROR}\n`);
      expect(init.code).toBe(1);
      expect(existsSync(join(dir, '.launch'))).toBe(false);
    });
  }

  it('plan update in a workspace keeps the plan it has', async () => {
    const dir = await workspaceWith(launch, 'UTC');
    const before = readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8');
    writeFileSync(join(dir, 'deep.md'), PLANS[0]![1]);
    for (const args of [['plan', 'update', 'deep.md', '--yes'], ['import', 'deep.md', '--yes']]) {
      const r = await launch(args, dir);
      expect(r.stderr, args.join(' ')).toBe(`error: ${ERROR}\n`);
      expect(r.code, args.join(' ')).toBe(1);
    }
    expect(readFileSync(join(dir, '.launch', 'plan.yaml'), 'utf8')).toBe(before);
  });
});
