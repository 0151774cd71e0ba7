// launch validate: a YAML or Markdown plan checked, with file:line messages when it is invalid.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launcher } from '../support/commands.js';
import { scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');
const seed = join(repoRoot, 'plans', 'securenet-launch.md');

describe('launch validate', () => {
  it('accepts the bundled plan and the Markdown source', async () => {
    expect((await launch(['validate', join(repoRoot, 'plans', 'securenet-launch.yaml')], repoRoot)).code).toBe(0);
    expect((await launch(['validate', seed], repoRoot)).code).toBe(0);
  });

  it('names file and line for YAML syntax errors, schema violations and bad references', async () => {
    const dir = scratchDir();
    const good = readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8');
    writeFileSync(join(dir, 'syntax.yaml'), 'schema: 1\nid: [unclosed\n');
    writeFileSync(join(dir, 'schema.yaml'), good.replace('  - id: skeleton-loading-setup\n    kind: task', '  - id: skeleton-loading-setup\n    kind: chore'));
    writeFileSync(join(dir, 'dupe.yaml'), good.replace('id: bundle-analysis', 'id: skeleton-loading-setup'));
    writeFileSync(join(dir, 'range.yaml'), good.replace('totalWeeks: 10', 'totalWeeks: 8'));
    writeFileSync(join(dir, 'proto.yaml'), good.replace('schema: 1\n', 'schema: 1\n__proto__:\n  polluted: true\n'));

    const syntax = await launch(['validate', 'syntax.yaml'], dir);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/syntax\.yaml:\d+: /);

    const schema = await launch(['validate', 'schema.yaml'], dir);
    const kindLine = good.split('\n').findIndex((l, i, all) => all[i - 1] === '  - id: skeleton-loading-setup') + 1;
    expect(schema.stderr).toContain(`schema.yaml:${kindLine}: items[`);
    expect(schema.stderr).toMatch(/\.kind: /);

    expect((await launch(['validate', 'dupe.yaml'], dir)).stderr).toMatch(/duplicate id "skeleton-loading-setup"/);
    expect((await launch(['validate', 'range.yaml'], dir)).stderr).toMatch(/week 10 is outside the plan's 8 weeks/);
    expect((await launch(['validate', 'proto.yaml'], dir)).stderr).toMatch(/__proto__/);
  });

  it('--json prints the problems and exits 1', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bad.yaml'), 'schema: 2\n');
    const r = await launch(['validate', 'bad.yaml', '--json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems.length).toBeGreaterThan(0);
  });
});
