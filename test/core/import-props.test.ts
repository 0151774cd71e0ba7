// Property tests for the Markdown importer: plans come from other people, so whatever the text, the
// importer must hand back a plan the rest of the tool can trust, the same way every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { checkPlanSanity } from '../../src/core/plan/sanity.js';
import { PlanSchema } from '../../src/core/plan/schema.js';

const RUNS = { numRuns: 100 };

/** Everything a caller relies on: a schema-valid, sane plan with unique ids, and the same result twice. */
function assertTrustworthy(text: string): ReturnType<typeof importMarkdown> {
  const result = importMarkdown(text, { sourceName: 'fuzz.md' });
  const parsed = PlanSchema.safeParse(result.plan);
  if (!parsed.success) throw new Error(`schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  expect(checkPlanSanity(result.plan)).toEqual([]);
  const ids = result.plan.items.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const w of result.warnings) expect(Number.isInteger(w.line) && w.line >= 1).toBe(true);
  // The YAML reader refuses these keys anywhere, so the importer must never write them into meta.
  expect(Object.getOwnPropertyNames(result.plan.meta ?? {}).filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))).toEqual([]);
  expect(importMarkdown(text, { sourceName: 'fuzz.md' })).toEqual(result);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Generators of plan-shaped Markdown. Each block reports how many real checkboxes it contains, so the
// count can be checked against the structure rather than a regex that code blocks would fool.

interface Chunk {
  text: string;
  checks: number;
}

const word = fc.constantFrom(
  'setup', 'Redis', 'bundle', 'Database', 'index', 'review', 'API', 'MFA', 'deploy', 'rollback',
  'café', 'Ørsted', 'naïve', 'Zürich', '🚀', '📅', '✅', '🔥', '<500KB', '>80%', '<2.5s', '500 users',
  '**bold**', '`code`', '[link](https://example.com)', 'the', 'and', 'Day', 'Week', 'Sprint', 'x',
);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const num = fc.integer({ min: 1, max: 12 });
const emoji = fc.constantFrom('', '🚀 ', '📅 ', '✅ ', 'ðŸš€ ');

const headingText = fc.oneof(
  words,
  fc.tuple(num, words).map(([n, w]) => `Sprint ${n}: ${w}`),
  fc.tuple(num, num, words, num, num).map(([a, b, w, c, d]) => `SPRINT ${a}-${b}: ${w} (Week ${c}-${d})`),
  fc.tuple(num, words).map(([n, w]) => `Week ${n}: ${w}`),
  fc.tuple(num, num, words).map(([a, b, w]) => `Weeks ${a}-${b} ${w}`),
  fc.tuple(fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'), fc.constantFrom('', ' - Wednesday', ' - Friday', ' to Thu'), words)
    .map(([d, r, w]) => `${d}${r}: ${w}`),
  fc.tuple(fc.integer({ min: 0, max: 9 }), words).map(([n, w]) => `Day ${n}: ${w}`),
  fc.constantFrom('Daily Standup', 'Questions', 'Weekly Metrics Review', 'Risk Assessment', 'Escalation', 'Contacts', 'Critical (Immediate)'),
);
const heading: fc.Arbitrary<Chunk> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), emoji, headingText, fc.boolean())
  .map(([level, e, t, bold]) => ({ text: `${'#'.repeat(level)} ${e}${bold ? `**${t}**` : t}`, checks: 0 }));
/** The template sections read lists as questions or triggers rather than items: a separate path through the walk. */
const templateSection: fc.Arbitrary<Chunk> = fc
  .constantFrom('## Daily Standup\n\n### Questions', '## Standup Template\n\n### Risk Assessment', '## Escalation\n\n### Critical (Immediate)', '## Escalation Procedures\n\n### Contacts')
  .map((text) => ({ text, checks: 0 }));

interface Entry {
  box: ' ' | 'x' | 'X' | null;
  title: string;
  children: Entry[];
}
const entry: fc.Arbitrary<Entry> = fc.letrec<{ entry: Entry }>((tie) => ({
  entry: fc.record({
    box: fc.constantFrom<Entry['box']>(' ', ' ', 'x', 'X', null),
    title: words,
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Entry[]>([]), fc.array(tie('entry') as fc.Arbitrary<Entry>, { maxLength: 3 })),
  }),
})).entry;

function renderList(entries: Entry[], marker: string, indent: string): Chunk {
  let checks = 0;
  const lines: string[] = [];
  entries.forEach((e, i) => {
    const m = marker === '1.' ? `${i + 1}.` : marker;
    lines.push(`${indent}${m} ${e.box === null ? '' : `[${e.box}] `}${e.title}`);
    if (e.box !== null) checks++;
    if (e.children.length > 0) {
      // Children belong to the item only when indented to its content column.
      const sub = renderList(e.children, marker === '-' ? '*' : '-', indent + ' '.repeat(m.length + 1));
      lines.push(sub.text);
      checks += sub.checks;
    }
  });
  return { text: lines.join('\n'), checks };
}
const list: fc.Arbitrary<Chunk> = fc
  .tuple(fc.constantFrom('-', '*', '+', '1.'), fc.array(entry, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([marker, entries, quoted]) => {
    const chunk = renderList(entries, marker, '');
    return quoted ? { text: chunk.text.split('\n').map((l) => `> ${l}`).join('\n'), checks: chunk.checks } : chunk;
  });

const codeLine = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), words).map(([n, w]) => `# Day ${n}: ${w}`),
  words.map((w) => `# ${w}`),
  fc.constantFrom('npm install', 'touch /tmp/launch-pwned', '$(touch /tmp/launch-pwned)', 'rm -rf "$HOME"', '- [ ] not a checkbox', '* [x] nor this', ''),
);
const code: fc.Arbitrary<Chunk> = fc
  .tuple(fc.constantFrom('', 'bash', 'sh', 'js', 'yaml'), fc.array(codeLine, { maxLength: 6 }))
  .map(([lang, lines]) => ({ text: ['```' + lang, ...lines, '```'].join('\n'), checks: 0 }));

const cell = fc.constantFrom('<600KB', '<500KB', '>80%', '>=90%', '<2.5s', '<15min', '>4.0/5', '500 users', 'Pass', 'Complete', 'n/a', '', 'TBD', '🚀');
const table: fc.Arbitrary<Chunk> = fc
  .tuple(
    fc.constantFrom('Metric', 'KPI', 'Measure', 'Thing'),
    fc.array(fc.oneof(num.map((n) => `Week ${n}`), num.map((n) => `Week ${n}-${n + 1} Target`), fc.constant('Target'), fc.constant('Notes')), { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(words, fc.array(cell, { minLength: 3, maxLength: 3 })), { maxLength: 4 }),
  )
  .map(([first, heads, rows]) => {
    const cols = [first, ...heads];
    const out = [`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`];
    for (const [metric, cells] of rows) out.push(`| ${[metric, ...cells.slice(0, heads.length)].join(' | ')} |`);
    return { text: out.join('\n'), checks: 0 };
  });

const prose: fc.Arbitrary<Chunk> = fc.oneof(
  words.map((w) => ({ text: w, checks: 0 })),
  fc.constantFrom('**Tasks**:', '**Team**: Backend Lead + DevOps', '**Team:** Frontend', '<!-- - [ ] hidden in a comment -->', '<div>raw html</div>', '---')
    .map((text) => ({ text, checks: 0 })),
);

const frontMatter = fc.option(
  fc.constantFrom('---\ntitle: Fuzzed Plan\nid: fuzz-plan\n---', '---\n__proto__: x\nconstructor: y\nprototype: z\nowner: me\n---', '---\nowner: [a, b]\nrelease: 2.4\n---', '---\n: : bad yaml [\n---', '---\n---'),
  { nil: '' },
);

const markdownPlan = fc
  .tuple(frontMatter, fc.array(fc.oneof({ weight: 3, arbitrary: heading }, { weight: 1, arbitrary: templateSection }, { weight: 4, arbitrary: list }, { weight: 1, arbitrary: code }, { weight: 1, arbitrary: table }, { weight: 2, arbitrary: prose }), { maxLength: 25 }))
  .map(([fm, chunks]) => {
    // A leading `---` closed by a later bare `---` is front matter, as in Jekyll or Hugo: checkboxes
    // between the two are YAML, not items. An unclosed one is a thematic break and hides nothing.
    const close = !fm && chunks[0]?.text === '---' ? chunks.findIndex((c, i) => i > 0 && c.text === '---') : -1;
    const counted = close === -1 ? chunks : chunks.slice(close + 1);
    return {
      text: [...(fm ? [fm] : []), ...chunks.map((c) => c.text)].join('\n\n') + '\n',
      checks: counted.reduce((n, c) => n + c.checks, 0),
    };
  });

/** Character soup from Markdown's own punctuation and the importer's keywords: finds edge cases faster than random text. */
const markdownSoup = fc.string({
  unit: fc.constantFrom(
    '#', '## ', ' ', '  ', '\n', '\n\n', '\t', '-', '- [ ] ', '* [x] ', '1. [ ] ', '+', '[', ']', 'x', '```', '~~~', '|', '|---|',
    '*', '**', '_', '>', '<', '<!--', '-->', '!', ':', '(', ')', '---\n', 'Day 1: ', 'Week 2', 'Sprint 3-4', 'Monday - Wednesday',
    '(Week 1-2)', 'Metric', 'Target', '<600KB', '🚀', 'ðŸš€', 'Ã©', '\u0000', '\u001b[31m', '\r', '\uFEFF', 'é', 'a', 'Z', '0', '9',
  ),
  maxLength: 400,
});

// ---------------------------------------------------------------------------------------------------

describe('importMarkdown on arbitrary input', () => {
  it('never throws and returns a valid plan for any grapheme string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => void assertTrustworthy(s)), RUNS);
  });

  it('never throws on any code points, including controls and non-characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void assertTrustworthy(s)), RUNS);
  });

  it('never throws on arbitrary bytes decoded the ways a file might be', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('utf-8', 'latin1', 'utf-16le'), (bytes, encoding) => {
        assertTrustworthy(new TextDecoder(encoding).decode(bytes));
      }),
      RUNS,
    );
  });

  it('never throws on Markdown punctuation soup', () => {
    fc.assert(fc.property(markdownSoup, (s) => void assertTrustworthy(s)), RUNS);
  });
});

describe('importMarkdown on plan-shaped Markdown', () => {
  it('gives a valid, sane, deterministic plan with exactly one check item per checkbox', () => {
    fc.assert(
      fc.property(markdownPlan, ({ text, checks }) => {
        const { plan } = assertTrustworthy(text);
        expect(plan.items.filter((i) => i.kind === 'check')).toHaveLength(checks);
      }),
      RUNS,
    );
  });

});

describe('ids stay inside the schema', () => {
  // Section ids get their parent's words as a qualifier, and item ids get the section id: two long,
  // repeated titles used to produce ids over the schema's 64 characters, i.e. an invalid plan.
  it('long titles repeated under long headings still give ids of at most 64 characters', () => {
    const a = 'Aaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbb';
    const c = 'Cccccccccccccccccccc Dddddddddddddddddddd Eeee';
    const md = `# T\n\n## ${a} one\n\n### ${c}\n\n- [ ] x\n\n## ${a} two\n\n### ${c}\n\n- [ ] x\n`;
    assertTrustworthy(md);
  });
});

describe('nothing found by the properties is silently dropped or doubled', () => {
  // A checkbox under a standup question or an escalation trigger is a checklist item like any other;
  // the template path used to skip the nested lists of its entries entirely.
  it('checkboxes nested under standup questions and escalation triggers become check items', () => {
    const md = '# T\n\n## Daily Standup\n\n### Questions\n\n- What did you do?\n  - [ ] sub check\n\n## Escalation\n\n### Critical (Immediate)\n\n- trigger one\n  - [x] nested done\n';
    const { plan } = assertTrustworthy(md);
    expect(plan.items.map((i) => [i.kind, i.title])).toEqual([['check', 'sub check'], ['check', 'nested done']]);
    expect(plan.standup.questions).toEqual(['What did you do?']);
  });

  // Found by the properties: each of these produced a plan the schema rejects, or lost a checkbox.
  it('a checkbox whose text is only a no-break space is still an item with a title', () => {
    for (const text of ['- [ ] \u00a0\n', '- [x] \u3000\n']) {
      const { plan } = assertTrustworthy(text);
      expect(plan.items.filter((i) => i.kind === 'check'), JSON.stringify(text)).toHaveLength(1);
    }
  });

  // Hidden characters are removed before the parse, so a plan reads as it looks: `1. [ ] ` with nothing
  // after the box is no checkbox (GitHub shows it as text), kept as a note, and both are said.
  it('a checkbox whose text is only a BOM reads as it looks, with warnings on its line', () => {
    const { plan, warnings } = assertTrustworthy('1. [ ] \uFEFF\n');
    expect(plan.items).toEqual([]);
    expect(warnings.map((w) => [w.line, w.message.slice(0, 20)])).toEqual([[1, 'removed 1 hidden cha'], [1, 'list item kept as a ']]);
  });

  it('an emoji-only heading under a week is a block with a name', () => {
    const { plan } = assertTrustworthy('## Week 1: Setup\n\n### 📅\n\n- [ ] Something\n');
    expect(plan.blocks).toHaveLength(1);
    expect(plan.blocks[0]!.title.length).toBeGreaterThan(0);
  });

  it('a checkbox nested under a task\'s plain step is still a check item', () => {
    const { plan } = assertTrustworthy('**Tasks**:\n\n- Deploy\n  * Prepare\n    - [ ] Backups verified\n');
    const box = plan.items.find((i) => i.kind === 'check');
    expect(box?.title).toBe('Backups verified');
    expect(box?.parent).toBe(plan.items.find((i) => i.title === 'Deploy')?.id);
  });

  // micromark-extension-frontmatter#5: a document opening with a `---` rule that never closes made every
  // later list a paragraph, so all its checkboxes vanished without a warning.
  it('a plan that opens with a horizontal rule keeps its checkboxes', () => {
    const { plan } = assertTrustworthy('---\n\n# Release\n\n- [ ] Tag the release\n- [x] Write the notes\n');
    expect(plan.items.map((i) => i.title)).toEqual(['Tag the release', 'Write the notes']);
  });

  // A task whose sub-list mixes steps and checkboxes used to get every plain step twice: once from the
  // steps read up front, once more when the sub-list was walked for its checkboxes.
  it('a task with a mixed sub-list keeps each step once', () => {
    const md = '# T\n\n## Week 1: W\n\n### Monday: Block\n\n**Tasks**:\n\n1. Do thing\n   - step a\n   - [ ] check b\n';
    const { plan } = assertTrustworthy(md);
    const task = plan.items.find((i) => i.title === 'Do thing')!;
    expect(task.steps).toEqual(['step a']);
    expect(plan.items.find((i) => i.title === 'check b')?.parent).toBe(task.id);
  });
});
