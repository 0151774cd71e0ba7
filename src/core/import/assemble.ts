// Turns the walk's drafts into a Plan: fills in what headings implied (sprint spans, an item's sprint
// from its week), assigns stable ids, and writes every object with keys in one fixed order so that
// the same Markdown always gives byte-identical YAML.
import type { Block, Item, Kpi, Plan, Section, Sprint, Week, WeekSpan } from '../plan/schema.js';
import { PLAN_SCHEMA_VERSION } from '../plan/version.js';
import type { Collected } from './drafts.js';
import type { SprintDraft } from './drafts.js';
import { assignIds, none, slug } from './ids.js';

const spanLabel = (w: WeekSpan): string => (w.from === w.to ? `${w.from}` : `${w.from}-${w.to}`);

/** Drops undefined values so YAML and JSON output carry only what is known. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  // for…in, not Object.entries: no array of pairs for each of a large plan's objects.
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

function union(spans: (WeekSpan | undefined)[]): WeekSpan | undefined {
  const known = spans.filter((s): s is WeekSpan => s !== undefined);
  if (known.length === 0) return undefined;
  // Folded, not spread into Math.min/max: a plan can have more spans than the stack has room for arguments.
  return known.reduce((u, s) => ({ from: Math.min(u.from, s.from), to: Math.max(u.to, s.to) }));
}

function resolveSprintWeeks(c: Collected): void {
  let previousEnd = 0;
  for (const sprint of c.sprints) {
    sprint.weeks ??= union([
      ...c.weeks.filter((w) => w.sprint === sprint).map((w) => w.weeks),
      ...c.items.filter((i) => i.sprint === sprint).map((i) => i.weeks),
      ...c.kpis.filter((k) => k.sprint === sprint).flatMap((k) => k.targets.map((t) => t.weeks)),
    ]);
    if (!sprint.weeks) {
      // A sprint that names no weeks is taken to follow the previous one, a week long.
      sprint.weeks = { from: previousEnd + 1, to: previousEnd + 1 };
      c.warnings.push({ line: sprint.line, message: `Sprint ${sprint.label} names no weeks; assumed week ${previousEnd + 1}` });
    }
    previousEnd = sprint.weeks.to;
  }
}

function sprintOfWeek(c: Collected, weeks: WeekSpan | undefined): SprintDraft | undefined {
  if (!weeks) return undefined;
  return c.sprints.find((s) => s.weeks && s.weeks.from <= weeks.from && weeks.from <= s.weeks.to);
}

export function assemble(c: Collected, planId: string, meta?: Record<string, string>): Plan {
  resolveSprintWeeks(c);
  for (const entity of [...c.items, ...c.blocks, ...c.weeks]) entity.sprint ??= sprintOfWeek(c, entity.weeks);

  const sprintId = (s: SprintDraft | undefined) => (s ? `s${s.label}` : undefined);
  const sprintIds = new Set<string>();
  const sprints: Sprint[] = [];
  for (const s of c.sprints) {
    if (sprintIds.has(`s${s.label}`)) continue;
    sprintIds.add(`s${s.label}`);
    sprints.push({ id: `s${s.label}`, name: `Sprint ${s.label}`, title: s.title, weeks: s.weeks!, line: s.line });
  }

  const sectionIds = assignIds(
    c.sections.map((s) => (s.level === 0 ? 'plan' : slug(s.title))),
    (i) => slug(c.sections[i]!.title, 5),
    (i) => {
      const parent = c.sections[i]!.parent;
      return parent && parent.level > 0 ? slug(parent.title, 2) : undefined;
    },
  );
  c.sections.forEach((s, i) => (s.id = sectionIds[i]));
  const sections: Section[] = c.sections.map((s) =>
    compact({
      id: s.id!,
      title: s.title,
      level: s.level,
      parent: s.parent?.id,
      notes: s.notes.length > 0 ? s.notes : undefined,
      line: s.line,
    }),
  );

  const weekIds = assignIds(c.weeks.map((w) => `w${spanLabel(w.weeks)}`), none, (i) => slug(c.weeks[i]!.title, 1));
  const weeks: Week[] = c.weeks.map((w, i) =>
    compact({ id: weekIds[i]!, title: w.title, sprint: sprintId(w.sprint), weeks: w.weeks, line: w.line }),
  );

  const blockPrefix = (w?: WeekSpan) => (w ? `w${spanLabel(w)}-` : '');
  const blockIds = assignIds(
    c.blocks.map((b) => blockPrefix(b.weeks) + slug(b.title, 3)),
    (i) => blockPrefix(c.blocks[i]!.weeks) + slug(c.blocks[i]!.title, 5),
    (i) => c.blocks[i]!.days?.from,
  );
  c.blocks.forEach((b, i) => (b.id = blockIds[i]));
  const blocks: Block[] = c.blocks.map((b) =>
    compact({
      id: b.id!,
      title: b.title,
      sprint: sprintId(b.sprint),
      weeks: b.weeks ?? { from: 1, to: 1 },
      days: b.days,
      team: b.team,
      line: b.line,
    }),
  );

  const itemIds = assignIds(
    c.items.map((i) => slug(i.title)),
    (i) => slug(c.items[i]!.title, 5),
    (i) => {
      const item = c.items[i]!;
      return item.weeks ? `w${spanLabel(item.weeks)}` : item.section.id;
    },
  );
  c.items.forEach((item, i) => (item.id = itemIds[i]));
  const items: Item[] = c.items.map((i) =>
    compact({
      id: i.id!,
      kind: i.kind,
      title: i.title,
      detail: i.detail,
      section: i.section.id!,
      sprint: sprintId(i.sprint),
      block: i.block?.id,
      parent: i.parent?.id,
      weeks: i.weeks,
      days: i.days,
      day: i.day,
      weekday: i.weekday,
      steps: i.steps && i.steps.length > 0 ? i.steps : undefined,
      done: i.done ? (true as const) : undefined,
      thresholds: i.thresholds,
      owner: i.owner,
      line: i.line,
    }),
  );

  const kpiIds = assignIds(
    c.kpis.map((k) => slug(k.metric)),
    (i) => slug(c.kpis[i]!.metric, 5),
    (i) => sprintId(c.kpis[i]!.sprint),
  );
  const kpis: Kpi[] = c.kpis.map((k, i) =>
    compact({ id: kpiIds[i]!, metric: k.metric, sprint: sprintId(k.sprint), section: k.section.id!, targets: k.targets, line: k.line }),
  );

  const levelIds = assignIds(c.levels.map((l) => slug(l.title, 1)), (i) => slug(c.levels[i]!.title), none);
  const spans = [...sprints, ...weeks, ...blocks, ...items, ...kpis.flatMap((k) => k.targets)]
    .map((x) => x.weeks)
    .filter((w): w is WeekSpan => w !== undefined);

  return compact({
    schema: PLAN_SCHEMA_VERSION,
    id: planId,
    title: c.title ?? meta?.title ?? planId,
    description: c.description.length > 0 ? c.description.join('\n') : undefined,
    meta: meta && Object.keys(meta).length > 0 ? meta : undefined,
    totalWeeks: spans.reduce((max, w) => Math.max(max, w.to), 0),
    sprints,
    weeks,
    blocks,
    items,
    kpis,
    standup: c.standup,
    escalation: {
      levels: c.levels.map((l, i) => compact({ id: levelIds[i]!, title: l.title, timing: l.timing, triggers: l.triggers, line: l.line })),
      contacts: c.contacts,
    },
    sections,
  });
}
