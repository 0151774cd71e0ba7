import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { launch, tempDir } from './run.js';

const seed = join(repoRoot, 'plans', 'securenet-launch.md');

describe('launch import / validate (built binary)', () => {
  it('the committed bundled YAML is exactly what the importer produces now', () => {
    const dir = tempDir();
    const r = launch(['import', seed, '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const fresh = readFileSync(join(dir, 'out.yaml'), 'utf8');
    expect(fresh).toBe(readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8'));
  });

  it('--json reports the counts and warnings with lines', () => {
    const dir = tempDir();
    const r = launch(['import', seed, '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({ sprints: 4, weeks: 8, blocks: 21, tasks: 47, checklist: 72, kpis: 16, standupQuestions: 4 });
    expect(out.warnings[0]).toMatchObject({ line: 6 });
    expect(existsSync(join(dir, 'plans', 'securenet-launch.yaml'))).toBe(true);
  });

  it('prints a summary and warnings on stderr', () => {
    const dir = tempDir();
    const r = launch(['import', seed, '-o', 'p.yaml'], { cwd: dir });
    expect(r.stdout).toMatch(/72 checklist items · 16 KPIs · 4 standup questions/);
    expect(r.stderr).toMatch(/securenet-launch\.md:6: repaired 8 characters/);
  });

  it.each([
    ['a missing file', 'missing.md', /missing\.md: no such file/],
    ['a directory', '.', /is a directory/],
    ['an empty file', 'empty.md', /empty\.md: the file is empty/],
    ['a binary file', 'binary.md', /binary\.md: looks like a binary file/],
    ['invalid UTF-8', 'latin1.md', /latin1\.md: line 2: not valid UTF-8/],
    ['a file over 10 MB', 'huge.md', /huge\.md: 10\.0 MB is over the 10 MB limit/],
  ])('refuses %s with one clear message, exit 1 and no output file', (_what, file, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# ok\ncaf\xe9\n', 'latin1'));
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    const r = launch(['import', file, '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('leaves an existing output untouched when the write fails', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out.yaml'));
    const r = launch(['import', seed, '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\.yaml: could not write/);
  });

  it('validate accepts the bundled plan and the Markdown source', () => {
    expect(launch(['validate', join(repoRoot, 'plans', 'securenet-launch.yaml')], { cwd: repoRoot }).code).toBe(0);
    expect(launch(['validate', seed], { cwd: repoRoot }).code).toBe(0);
  });

  it('validate names file and line for YAML syntax errors, schema violations and bad references', () => {
    const dir = tempDir();
    const good = readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8');
    writeFileSync(join(dir, 'syntax.yaml'), 'schema: 1\nid: [unclosed\n');
    writeFileSync(join(dir, 'schema.yaml'), good.replace('  - id: skeleton-loading-setup\n    kind: task', '  - id: skeleton-loading-setup\n    kind: chore'));
    writeFileSync(join(dir, 'dupe.yaml'), good.replace('id: bundle-analysis', 'id: skeleton-loading-setup'));
    writeFileSync(join(dir, 'range.yaml'), good.replace('totalWeeks: 10', 'totalWeeks: 8'));
    writeFileSync(join(dir, 'proto.yaml'), good.replace('schema: 1\n', 'schema: 1\n__proto__:\n  polluted: true\n'));

    const syntax = launch(['validate', 'syntax.yaml'], { cwd: dir });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/syntax\.yaml:\d+: /);

    const schema = launch(['validate', 'schema.yaml'], { cwd: dir });
    const kindLine = good.split('\n').findIndex((l, i, all) => all[i - 1] === '  - id: skeleton-loading-setup') + 1;
    expect(schema.stderr).toContain(`schema.yaml:${kindLine}: items[`);
    expect(schema.stderr).toMatch(/\.kind: /);

    expect(launch(['validate', 'dupe.yaml'], { cwd: dir }).stderr).toMatch(/duplicate id "skeleton-loading-setup"/);
    expect(launch(['validate', 'range.yaml'], { cwd: dir }).stderr).toMatch(/week 10 is outside the plan's 8 weeks/);
    expect(launch(['validate', 'proto.yaml'], { cwd: dir }).stderr).toMatch(/__proto__/);
  });

  it('validate --json prints the problems and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'schema: 2\n');
    const r = launch(['validate', 'bad.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems.length).toBeGreaterThan(0);
  });
});
