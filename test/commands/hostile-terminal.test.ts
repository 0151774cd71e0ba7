// What reaches the terminal from outside the program: file names, words typed on the command line that
// commander echoes, a plan's text in a prompt, and the plan's text in --json. None may carry an escape
// sequence, a control character or a hidden (bidi, zero-width) one to the terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatError } from '../../src/cli.js';
import { LaunchError } from '../../src/errors.js';
import { launcher } from '../support/commands.js';
import { launchIn, type Result, scratchDir } from '../support/in-process.js';

// The prompts library, replaced: what each prompt would have shown is kept, and answered.
const shown = vi.hoisted(() => [] as string[]);
vi.mock('../../src/lazy/prompts.js', () => ({
  input: async (o: { message: string; default?: string }) => (shown.push(o.message, o.default ?? ''), 'an answer'),
  confirm: async (o: { message: string }) => (shown.push(o.message), true),
  select: async () => { throw new Error('not asked in these tests'); },
  checkbox: async () => { throw new Error('not asked in these tests'); },
}));

const launch = launcher('2026-12-01T09:00:00Z');
const ESC = '\u001b';
const BEL = '\u0007';
/** What must never reach a terminal: controls but tab and newline, and bidi or invisible characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const expectClean = (r: Result, what: string) => {
  expect.soft(r.stdout, `${what}: stdout`).not.toMatch(UNSAFE);
  expect.soft(r.stderr, `${what}: stderr`).not.toMatch(UNSAFE);
  expect(r.stderr, what).not.toMatch(/internal error/);
};

const PLAN = '# P\n\n## Week 1: W\n\n- [ ] One thing\n\n## Daily Standup\n\n### Questions\n\n- What did you do?\n';

describe('file names', () => {
  const evil = `x${ESC}[2J${ESC}]0;pwned${BEL}y\u202e.md`;

  it('import, validate and plan update print them without their escape sequences', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, evil), PLAN);
    const imported = await launch(['import', evil, '-o', 'out.yaml'], dir);
    expectClean(imported, 'import');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported xy\.md → out\.yaml$/m);
    // The YAML's header names the file too, and someone will `cat` it.
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).not.toMatch(UNSAFE);

    const validated = await launch(['validate', evil], dir);
    expectClean(validated, 'validate');
    expect(validated.stdout).toMatch(/xy\.md is a valid plan/);
    expectClean(await launch(['validate', `nothing${ESC}[2J.yaml`], dir), 'validate (missing file)');

    expect((await launch(['init', '--plan', 'out.yaml', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    writeFileSync(join(dir, evil), PLAN.replace('One thing', 'Another thing'));
    const preview = await launch(['plan', 'update', evil], dir);
    expectClean(preview, 'plan update (preview)');
    expect(preview.stdout).toMatch(/^Plan update: \.launch\/plan\.yaml ← xy\.md$/m);
    expect(preview.stderr).toMatch(/^hint: .*launch plan update xy\.md --yes/m);
    const applied = await launch(['import', evil, '--yes'], dir);
    expectClean(applied, 'import inside the workspace');
    expect(applied.code, applied.stderr).toBe(0);
    expectClean(await launch(['plan', 'update', evil], dir), 'plan update (already up to date)');
  });

  it('an error hint is sanitised like the message', () => {
    const { message } = formatError(new LaunchError(`bad ${ESC}[2J`, { hint: `run \`launch validate x${ESC}]0;t${BEL}.md\`` }), {});
    expect(message).toBe('error: bad \nhint: run `launch validate x.md`');
  });
});

describe("commander's own errors", () => {
  it('echo an unknown command, option or choice without the escape sequences typed in it', async () => {
    const dir = scratchDir();
    for (const args of [[`fo${ESC}[2Jo`], ['today', `--fo${ESC}[2Jo`], ['list', '--status', `fin${ESC}]0;t${BEL}ished`], [`hel${ESC}[2Jp`, 'x']]) {
      const r = await launch(args, dir);
      expectClean(r, args.join(' '));
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await launch([`fo${ESC}[2Jo`], dir)).stderr).toMatch(/^error: unknown command 'foo'$/m);
  });
});

describe("a plan's text", () => {
  // A hand-edited plan.yaml: the importer never saw it, so only the output side stands between it and
  // the terminal.
  async function workspace(): Promise<string> {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), PLAN);
    expect((await launch(['import', 'p.md', '-o', 'p.yaml'], dir)).code).toBe(0);
    const plan = parse(readFileSync(join(dir, 'p.yaml'), 'utf8'));
    plan.standup.questions = [`What ${ESC}[2J${ESC}[Hdid you\u200f do?`];
    plan.items[0].title = `One\u200b thing\u202e \ufeffreversed\u061c`;
    writeFileSync(join(dir, 'p.yaml'), stringify(plan));
    expect((await launch(['init', '--plan', 'p.yaml', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    return dir;
  }

  it('reaches the standup --answer prompt without a clear-screen', async () => {
    const dir = await workspace();
    shown.length = 0;
    const r = await launchIn(['standup', '--answer'], { cwd: dir, env: { TZ: 'UTC' }, now: '2026-12-01T09:00:00Z', stdoutIsTTY: true, stdinIsTTY: true });
    expectClean(r, 'standup --answer');
    expect(r.code, r.stderr).toBe(0);
    expect(shown[0]).toBe('What did you do?');
    expect(shown.filter((s) => UNSAFE.test(s))).toEqual([]);
  });

  it('reaches --json with every bidi and invisible character escaped, and the terminal without them', async () => {
    const dir = await workspace();
    const json = await launch(['list', '--json'], dir);
    expectClean(json, 'list --json');
    expect(json.stdout).toContain('One\\u200b thing\\u202e \\ufeffreversed\\u061c');
    expect(JSON.parse(json.stdout).items[0].title).toBe('One\u200b thing\u202e \ufeffreversed\u061c');
    const list = await launch(['list'], dir);
    expectClean(list, 'list');
    expect(list.stdout).toMatch(/One thing reversed/);
  });
});

describe('a Markdown plan with hidden characters', () => {
  it('is imported with them removed, saying where', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), PLAN.replace('One thing', `Skeleton ${ESC}[2J Setup`).replace('What did', `What ${ESC}[2J${ESC}[Hdid`));
    const r = await launch(['import', 'p.md', '-o', 'p.yaml'], dir);
    expectClean(r, 'import');
    expect(r.stderr).toMatch(/^warning: p\.md:5: removed 11 hidden characters \(terminal escape sequences/m);
    const plan = parse(readFileSync(join(dir, 'p.yaml'), 'utf8'));
    expect(plan.items.map((i: { id: string; title: string }) => [i.id, i.title])).toEqual([['skeleton-setup', 'Skeleton Setup']]);
    expect(plan.standup.questions).toEqual(['What did you do?']);
  });
});

describe('a plan saved with old Mac \\r line endings', () => {
  it('imports with every Day-N task, as with \\n, and nothing to warn about', async () => {
    const dir = scratchDir();
    const lf = '# P\n\n## Week 1: W\n\n**Daily Tasks**:\n```bash\n# Day 1: Skeleton Setup\nnpm test\n# Day 2: Transitions\n```\n\n- [ ] One thing\n';
    writeFileSync(join(dir, 'lf.md'), lf);
    writeFileSync(join(dir, 'cr.md'), lf.replace(/\n/g, '\r'));
    const fromLf = await launch(['import', 'lf.md', '-o', 'lf.yaml'], dir);
    const fromCr = await launch(['import', 'cr.md', '-o', 'cr.yaml'], dir);
    expect(fromCr.stderr).toBe('');
    expect(fromCr.stdout).toMatch(/ 2 tasks · 1 checklist item /);
    expect(fromCr.stdout.replaceAll('cr', 'lf')).toBe(fromLf.stdout);
    const body = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n').replace('id: cr', 'id: lf');
    expect(body('cr.yaml')).toBe(body('lf.yaml'));
  });
});
