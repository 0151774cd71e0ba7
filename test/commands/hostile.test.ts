// Plans and notes are written by other people. Whatever they contain, launch must not let it drive
// the user's terminal, must never run a command found in it, and must refuse oversized or
// booby-trapped files quickly with a plain message. Run in-process: what reaches the terminal is what
// the command writes to its streams.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../helpers.js';
import { launcher } from '../support/commands.js';
import { type Result, scratchDir } from '../support/in-process.js';

const launch = launcher('2026-12-01T09:00:00Z');

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const C1_CSI = '\u009b';
/** What must never reach a terminal: C0 controls except tab and newline, DEL, C1, bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// A file a planted command would create; checked after every step.
const PWNED = join(tmpdir(), `launch-pwned-${randomBytes(6).toString('hex')}`);
afterAll(() => rmSync(PWNED, { force: true }));

const hostileMarkdown = [
  `# Hostile ${ESC}]0;pwned-title${BEL}Plan`,
  '',
  `A plan from someone else ${ESC}[31mred${ESC}[0m.`,
  '',
  `## Sprint 1: Foundation ${ESC}[31mRED${ESC}[0m (Week 1-2)`,
  '',
  `### Week 1: Critical ${ESC}]8;;https://evil.example${ST}link${ESC}]8;;${ST}`,
  '',
  `#### Monday - Wednesday: Frontend ${ESC}[2J${ESC}[H`,
  '',
  `**Team**: Frontend Lead ${ESC}]2;retitled${ST} + UI`,
  '',
  '```bash',
  `# Day 1: Skeleton ${ESC}[5mBlink${BEL} Setup`,
  `touch ${PWNED}`,
  `$(touch ${PWNED})`,
  `\`touch ${PWNED}\``,
  `echo pwned > ${PWNED}; node -e "require('fs').writeFileSync('${PWNED}', 'x')"`,
  `# Day 2: Second ${ESC}[1A${ESC}[2K task`,
  '```',
  '',
  `- [ ] Bundle analyzed ${ESC}[31mred${ESC}[0m and ${C1_CSI}31m c1 <500KB`,
  `- [ ] Ding${BEL} bell $(touch ${PWNED})`,
  `- [x] Done ${ESC}]8;;http://x${BEL}hyper${ESC}]8;;${BEL}`,
  '',
  `<!-- $(touch ${PWNED}) -->`,
  '',
  '| Metric | Week 1 Target | Week 2 Target |',
  '|---|---|---|',
  `| Bundle ${ESC}[31mSize | <600KB | <500KB |`,
  '',
  '## Daily Standup',
  '',
  '### Questions',
  '',
  `- What did you ${ESC}]0;t${BEL}complete?`,
  '',
].join('\n');

/** Terminal output: no raw control characters on either stream. */
// Soft: one run reports every command that leaks, not just the first.
function expectClean(r: Result, what: string): void {
  expect.soft(r.stdout, `${what}: stdout`).not.toMatch(RAW_CONTROL);
  expect.soft(r.stderr, `${what}: stderr`).not.toMatch(RAW_CONTROL);
  expect.soft(r.stderr, `${what}: stderr`).not.toMatch(/internal error|\n\s+at /);
  expect(existsSync(PWNED), `${what}: a planted command ran`).toBe(false);
}

/** JSON output: valid, and every control character escaped by the serializer rather than raw. */
function expectJson(r: Result, what: string): any {
  expectClean(r, what);
  expect(r.code, `${what}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout);
}

async function run(dir: string, args: string[], what = args.join(' ')): Promise<Result> {
  const r = await launch(args, dir);
  expectClean(r, what);
  return r;
}

describe('a hostile Markdown plan', () => {
  it('is imported, initialised and shown without a raw control character or a command run', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), hostileMarkdown);

    const imported = await run(dir, ['import', 'p.md', '-o', 'plans/h.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    const importJson = expectJson(await launch(['import', 'p.md', '-o', 'plans/h2.yaml', '--json'], dir), 'import --json');
    expect(importJson.counts.checklist).toBe(3);
    expect((await run(dir, ['validate', 'p.md'])).code).toBe(0);
    expect((await run(dir, ['validate', 'plans/h.yaml'])).code).toBe(0);

    const init = await run(dir, ['init', '--plan', 'p.md', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice']);
    expect(init.code, init.stderr).toBe(0);

    expect((await run(dir, ['list'])).code).toBe(0);
    const items: { id: string; title: string; kind: string }[] = expectJson(await launch(['list', '--json'], dir), 'list --json').items;
    // The importer removed every escape sequence whole: titles are what a reader of the plan sees, and
    // ids hold no residue of a sequence (skeleton-blink-setup, not skeleton-5mblink-setup).
    expect(items.filter((i) => RAW_CONTROL.test(i.title))).toEqual([]);
    expect(items.map((i) => i.id)).toContain('skeleton-blink-setup');
    const [task, bundle, ding] = [items.find((i) => i.kind === 'task')!, items.find((i) => i.title.startsWith('Bundle'))!, items.find((i) => i.title.startsWith('Ding'))!];

    for (const i of items) {
      expect((await run(dir, ['show', i.id])).code).toBe(0);
      expectJson(await launch(['show', i.id, '--json'], dir), `show ${i.id} --json`);
    }
    const today = await run(dir, ['today', '--date', '2026-11-30', '--all']);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/Skeleton Blink Setup/);
    expect(today.stdout).toMatch(/Bundle analyzed red/);
    expectJson(await launch(['today', '--date', '2026-11-30', '--json'], dir), 'today --json');

    // Notes, reasons and actor names typed by teammates are just as untrusted as the plan.
    const evil = `evil ${ESC}]0;t${BEL}note\roverwrite ${C1_CSI}2J ${ESC}[31mred`;
    expect((await run(dir, ['note', task.id, evil])).code).toBe(0);
    expect((await run(dir, ['block', bundle.id, '--reason', `waiting ${ESC}[31mfor\r DBA${BEL}`])).code).toBe(0);
    // --as refuses a name with escapes (a usage error); a teammate's own tool may still write one.
    const mallory = `mallory${ESC}]0;x${BEL}`;
    expect((await run(dir, ['check', ding.id, '--as', mallory, '--note', `done\r${ESC}[2J`, '--date', '2026-11-30'])).code).toBe(2);
    const line = { v: 1, id: 'e0e0e0e0e0e0e0e0', ts: '2026-11-30T12:00:00.000+00:00', actor: mallory, type: 'check', item: ding.id, note: `done\r${ESC}[2J` };
    appendFileSync(join(dir, '.launch', 'events.jsonl'), `${JSON.stringify(line)}\n`);

    for (const args of [
      ['list'], ['show', task.id], ['show', bundle.id], ['show', ding.id], ['today', '--date', '2026-12-01'],
      ['standup', '--date', '2026-12-01'], ['standup', '--date', '2026-12-01', '--format', 'md'], ['log'],
      ['kpis', '--date', '2026-12-01'], ['status', '--date', '2026-12-01'], ['doctor'], ['escalate'],
    ]) {
      const r = await run(dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    for (const args of [['show', task.id], ['show', bundle.id], ['today', '--date', '2026-12-01'], ['standup', '--date', '2026-12-01'], ['log'], ['kpis'], ['list']]) {
      expectJson(await launch([...args, '--json'], dir), `${args.join(' ')} --json`);
    }
    const shown = expectJson(await launch(['show', task.id, '--json'], dir), 'show --json');
    expect(shown.state.notes[0].text).toBe(evil);
    expect(existsSync(PWNED)).toBe(false);
  });

  it('a hand-written YAML plan cannot smuggle escapes through sprint names, target labels or \\r', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), hostileMarkdown);
    expect((await launch(['import', 'p.md', '-o', 'h.yaml'], dir)).code).toBe(0);
    const plan = parse(readFileSync(join(dir, 'h.yaml'), 'utf8'));
    plan.sprints[0].name = `Sprint 1${ESC}]0;pwned${BEL}`;
    plan.sprints[0].title = `Found\rEVIL${ESC}[2J`;
    const check = plan.items.find((i: { kind: string }) => i.kind === 'check');
    check.title = `Check\r${ESC}[31mEVIL`;
    check.thresholds = [{ kind: 'numeric', text: '<500KB', op: '<', value: 500000, dimension: 'size', unit: `KB${ESC}[5m`, label: `LCP${ESC}]8;;http://x${BEL}` }];
    plan.blocks[0].team = `Team${C1_CSI}2J`;
    writeFileSync(join(dir, 'h.yaml'), stringify(plan));
    expect((await run(dir, ['validate', 'h.yaml'])).code).toBe(0);
    expect((await run(dir, ['init', '--plan', 'h.yaml', '--start', '2026-11-30', '--tz', 'UTC'])).code).toBe(0);
    for (const args of [['today', '--date', '2026-11-30'], ['status', '--date', '2026-11-30'], ['kpis', '--date', '2026-12-01'], ['list'], ['show', check.id], ['standup', '--date', '2026-12-01']]) {
      const r = await run(dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    for (const args of [['today', '--date', '2026-11-30'], ['show', check.id], ['kpis']]) {
      expectJson(await launch([...args, '--json'], dir), `${args.join(' ')} --json`);
    }
  });
});

describe('booby-trapped YAML', () => {
  const laughs = (): string => {
    const lines = ['schema: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const n of 'bcdefghij') {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    return `${lines.join('\n')}\n`;
  };

  it('a billion-laughs alias bomb fails fast with exit 1 and a plain message', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bomb.yaml'), laughs());
    for (const args of [['validate', 'bomb.yaml'], ['init', '--plan', 'bomb.yaml'], ['list', '--plan', 'bomb.yaml']]) {
      // Without the alias limit this would not end: the test's own timeout is the bound.
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: /m);
      expect(r.stderr).toMatch(/bomb\.yaml/);
      expect(r.stderr).toMatch(/alias/i);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });

  it('a !!js/function tag is read as plain text or rejected, never run', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), '# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    expect((await launch(['import', 'p.md', '-o', 'good.yaml'], dir)).code).toBe(0);
    const good = readFileSync(join(dir, 'good.yaml'), 'utf8');
    const payload = `function () { require('fs').writeFileSync(${JSON.stringify(PWNED)}, 'x'); process.exit(42) }()`;
    const variants = {
      'scalar.yaml': good.replace(/^title: .*$/m, `title: !!js/function ${JSON.stringify(payload)}`),
      'verbatim.yaml': good.replace(/^title: .*$/m, `title: !<tag:yaml.org,2002:js/function> ${JSON.stringify(payload)}`),
      'regexp.yaml': good.replace(/^title: .*$/m, 'title: !!js/regexp /(a+)+$/'),
      'mapping.yaml': good.replace(/^title: .*$/m, `title: !custom { code: ${JSON.stringify(payload)} }`),
    };
    for (const [name, text] of Object.entries(variants)) {
      writeFileSync(join(dir, name), text);
      for (const args of [['validate', name], ['list', '--plan', name]]) {
        const r = await launch(args, dir);
        expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        expect(existsSync(PWNED), name).toBe(false);
      }
    }
    // Read as data, the function is only ever a title.
    const listed = await launch(['show', 'one-thing', '--plan', 'scalar.yaml', '--json'], dir);
    if (listed.code === 0) expect(JSON.parse(listed.stdout).item.id).toBe('one-thing');
  });

  it('__proto__ and constructor keys are rejected by the schema, wherever they are', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), '# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    expect((await launch(['import', 'p.md', '-o', 'good.yaml'], dir)).code).toBe(0);
    const good = readFileSync(join(dir, 'good.yaml'), 'utf8');
    const variants: Record<string, string> = {
      'top-proto.yaml': `__proto__:\n  polluted: true\n${good}`,
      'top-ctor.yaml': `constructor:\n  prototype:\n    polluted: true\n${good}`,
      'item-proto.yaml': good.replace(/^( +)kind: check$/m, '$1kind: check\n$1__proto__:\n$1  polluted: true'),
      'meta-proto.yaml': good.replace(/^schema: 1$/m, 'schema: 1\nmeta:\n  __proto__: polluted'),
      'meta-ctor.yaml': good.replace(/^schema: 1$/m, 'schema: 1\nmeta:\n  constructor: polluted'),
    };
    for (const [name, text] of Object.entries(variants)) {
      expect(text, name).not.toBe(good);
      writeFileSync(join(dir, name), text);
      const r = await launch(['validate', name], dir);
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+: .*(__proto__|constructor)`));
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a Markdown plan whose front matter has such keys imports to a plan that reads back', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'p.md'), '---\n__proto__: x\nconstructor: y\nowner: me\n---\n# P\n\n## Week 1: W\n\n- [ ] One thing\n');
    expect((await launch(['init', '--plan', 'p.md', '--start', '2026-11-30', '--tz', 'UTC'], dir)).code).toBe(0);
    const validate = await launch(['validate', '.launch/plan.yaml'], dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect((await launch(['list', '--json'], dir)).code).toBe(0);
  });
});

describe('size limits', () => {
  it('a Markdown plan over 2 MB is refused with a clear message (the worst shape at 10 MB took 2.6 GB)', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'big.md'), `# Big\n\n${'- [ ] item words here\n'.repeat(100_000)}`);
    for (const args of [['import', 'big.md'], ['validate', 'big.md'], ['init', '--plan', 'big.md']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/big\.md: [\d.]+ MB is over the 2 MB limit for a Markdown plan/);
    }
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });

  it('a plan holds at most 50,000 items, said as the plan size and not as our bug', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'many.md'), `# Many\n\n${Array.from({ length: 50_001 }, (_, i) => `- [ ] t${i}`).join('\n')}\n`);
    // Refused before parsing, at the checkbox over the limit (line 50,003 after the title and a blank).
    for (const args of [['import', 'many.md', '-o', 'many.yaml'], ['init', '--plan', 'many.md'], ['validate', 'many.md']]) {
      const r = await launch(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/many\.md:50003: more than 50,000 checklist items by here; a plan holds at most 50,000/);
      expect(r.stderr).not.toMatch(/please report/);
    }
    expect(existsSync(join(dir, 'many.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.launch'))).toBe(false);
  });

  it('the plan schema holds the same limit, for a YAML plan written by hand', async () => {
    const { PlanSchema } = await import('../../src/core/plan/schema.js');
    const item = PlanSchema.parse(parse(readFileSync(join(repoRoot, 'plans', 'securenet-launch.yaml'), 'utf8'))).items[0];
    const items = PlanSchema.shape.items;
    expect(items.safeParse(Array(50_000).fill(item)).success).toBe(true);
    const over = items.safeParse(Array(50_001).fill(item));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('a plan holds at most 50,000 items');
  });

  it('a YAML plan keeps the 10 MB limit: what a 2 MB Markdown plan imports to must still be read', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const r = await launch(['validate', 'big.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.yaml: 10\.0 MB is over the 10 MB limit for a YAML plan/);
  });

  it('an event line over 64 KB is an error naming file and line; a note that long is refused', async () => {
    const dir = scratchDir();
    expect((await launch(['init', '--start', '2026-11-30', '--tz', 'UTC', '--as', 'alice'], dir)).code).toBe(0);
    const long = await launch(['note', 'redis-setup', 'x'.repeat(70_000)], dir);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/longer than 64 KB/);
    expect((await launch(['check', 'redis-setup'], dir)).code).toBe(0);
    const log = join(dir, '.launch', 'events.jsonl');
    const [first] = readFileSync(log, 'utf8').split('\n');
    appendFileSync(log, `${JSON.stringify({ ...JSON.parse(first!), id: 'feedc0de00000001', type: 'note', text: 'y'.repeat(70_000) })}\n`);
    const doctor = await launch(['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout + doctor.stderr).toMatch(/events\.jsonl:2: line is longer than 64 KB/);
    const list = await launch(['list', '--status', 'done'], dir);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/events\.jsonl:2/);
    expect((await launch(['check', 'session-security'], dir)).code).toBe(1);
  });
});
