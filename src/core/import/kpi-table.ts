// A KPI table: a table whose columns name weeks (`| Metric | Week 1 Target | Week 2 Target |`), one
// metric per row, a target per week column.
import type { Table } from 'mdast';
import type { WeekSpan } from '../plan/schema.js';
import { parseTarget } from '../targets/targets.js';
import type { KpiDraft, SectionDraft, SprintDraft } from './drafts.js';
import { clean, lineOf, toString } from './mdast-text.js';
import { weekSpanIn } from './schedule-hints.js';

interface Where {
  section: SectionDraft;
  sprint?: SprintDraft;
  /** The weeks of the heading the table sits under, for a column named only "Target". */
  weeks?: WeekSpan;
}

/** The table's KPI rows, or null when it is not a KPI table (the caller keeps it as a note). */
export function kpisFromTable(node: Table, where: Where, warn: (line: number, message: string) => void): KpiDraft[] | null {
  const [header, ...rows] = node.children;
  const heads = header ? header.children.map((cell) => clean(toString(cell))) : [];
  const columns = heads
    .map((h, index) => ({ index, weeks: weekSpanIn(h) ?? (/target|goal/i.test(h) ? where.weeks : undefined) }))
    .filter((col): col is { index: number; weeks: WeekSpan } => col.index > 0 && col.weeks !== undefined);
  if (columns.length === 0 || !/metric|kpi|measure|target/i.test(heads.join(' '))) return null;
  const kpis: KpiDraft[] = [];
  for (const row of rows) {
    const cells = row.children.map((cell) => clean(toString(cell)));
    const metric = cells[0];
    if (!metric) continue;
    const targets: KpiDraft['targets'] = [];
    for (const col of columns) {
      const cell = cells[col.index] ?? '';
      const target = parseTarget(cell);
      if (target) targets.push({ weeks: col.weeks, target });
      else if (cell) warn(lineOf(row), `"${cell}" is not a target this tool understands (e.g. <600KB, >80%, 500 users, Pass); skipped`);
    }
    if (targets.length === 0) {
      warn(lineOf(row), `KPI row "${metric}" has no readable target; skipped`);
      continue;
    }
    const kpi: KpiDraft = { metric, section: where.section, targets, line: lineOf(row) };
    if (where.sprint) kpi.sprint = where.sprint;
    kpis.push(kpi);
  }
  return kpis;
}
