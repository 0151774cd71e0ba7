// `launch doctor`: the workspace's plan, config and log checked, and what a repair did.
import type { LogEvent } from '../core/log/events.js';
import type { DoctorJson } from './json/doctor.schema.js';
import { safeText } from './sanitize.js';
import type { Theme } from './theme.js';
import { count } from './count.js';

export interface DoctorModel {
  planFile: string;
  itemCount: number;
  weekOneStarts: string;
  timeZone: string;
  configPath: string;
  /** config.yaml cannot be used: week one and the zone above are stand-ins, not to be shown. */
  configProblem: { line?: number; message: string } | undefined;
  logFile: string;
  /** What the full check of the log found (src/io/event-log-doctor.ts). */
  report: DoctorJson['log'];
  /** Events for items a plan update removed: kept in the log, listed here, never deleted. */
  orphans: LogEvent[];
  repair: DoctorJson['repair'];
}

const problem = (p: { file: string; line: number; message: string }) => `${p.file}:${p.line}: ${p.message}`;

export const badLines = (r: DoctorJson['log']): number => r.errors.length + r.torn.length + r.invalid.length + r.conflicts.length;

export function renderDoctor(m: DoctorModel, theme: Theme): string[] {
  const { mark, c } = theme;
  const { report, repair } = m;
  const out = [
    `${mark.done} plan ${safeText(m.planFile)}: ${count(m.itemCount, 'item')}, valid`,
    ...configLines(m, theme),
    `${report.ok ? mark.done : mark.missed} log ${safeText(m.logFile)}: ${count(report.events, 'event')} on ${count(report.lines, 'line')}`,
  ];
  const problems = [...report.errors, ...report.torn, ...report.invalid, ...report.conflicts].sort((a, b) => a.line - b.line);
  for (const p of problems) out.push(`    ${safeText(problem(p))}`);
  const copies = report.duplicates.filter((d) => d.identical).length;
  if (copies > 0) out.push(`  ${count(copies, 'repeated event line')} (counted once; normal after a git union merge)`);
  if (report.unknownTypes.length > 0) out.push(`  ${count(report.unknownTypes.length, 'event')} of types this version ignores`);
  if (report.danglingUndos.length > 0) out.push(`  ${count(report.danglingUndos.length, 'undo event')} whose target is not in the log`);
  if (report.future.length > 0) {
    out.push(`  ${count(report.future.length, 'event')} recorded after now (a clock ahead, or edited by hand): they decide no status until then`);
    for (const f of report.future.slice(0, 5)) out.push(c.dim(`    line ${f.line}: recorded ${safeText(f.recorded)}`));
  }
  if (m.orphans.length > 0) {
    out.push(`  ${count(m.orphans.length, 'event')} for items no longer in the plan (kept, never deleted):`);
    for (const e of m.orphans.slice(0, 10)) out.push(c.dim(`    ${e.type} ${safeText(String(e.item ?? e.metric))}`));
  }
  if (repair) {
    out.push(`Repaired: moved ${count(repair.moved, 'line')} to ${safeText(basename(repair.backup!))}; the old log is kept as ${safeText(basename(repair.copy!))}`);
  } else if (!report.ok) {
    out.push(`Run \`launch doctor --repair\` to move the ${count(problems.length, 'bad line')} to a backup file.`);
  }
  return out;
}

function configLines(m: DoctorModel, theme: Theme): string[] {
  const p = m.configProblem;
  if (!p) return [`${theme.mark.done} config: week 1 starts ${m.weekOneStarts}, ${m.timeZone}`];
  return [
    `${theme.mark.missed} config ${safeText(basename(m.configPath))}${p.line ? `:${p.line}` : ''}: ${safeText(p.message)}`,
    `    every other command stops on it: correct that line of ${safeText(m.configPath)}`,
  ];
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
