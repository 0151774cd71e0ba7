// `launch report --format md`: the same report as GitHub-flavoured Markdown, to paste into an issue,
// a pull request comment or a wiki page. Plan and log text is stripped of hidden characters and
// escaped so it can only ever be text: no link, no HTML, and no pipe that would end a table cell.
import type { Burndown } from '../core/queries/burndown.js';
import type { Scheduled } from '../core/queries/schedule.js';
import { formatShortDate } from './dates.js';
import { axisDate, formatDate, headline, kpiStatusText, KPI_STATUS, pct, REPORT_MARK, type ReportDoc, verdictText, weekLabel, whereText } from './report-words.js';
import { bar } from './bar.js';
import { safeText } from './sanitize.js';

/** Untrusted text as inline Markdown: every character that could start markup is backslash-escaped. */
export function md(text: string): string {
  return safeText(text)
    .replace(/[\\`*_[\]<>#|~&]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: (string | number)[][], right: number[] = []) => [
  row(header),
  row(header.map((_, i) => (right.includes(i) ? '---:' : '---'))),
  ...rows.map(row),
  '',
];
const item = (e: Scheduled) => `${md(e.item.title)} \`${e.id}\``;

export function renderReportMd(doc: ReportDoc): string {
  const r = doc.report;
  const v = headline(r);
  const out = [
    `<!-- ${REPORT_MARK} -->`,
    `# ${md(doc.title)}`,
    '',
    `As of **${formatDate(r.date)}** · ${md(whereText(r, doc.totalWeeks))}${r.focus ? ` · report for ${md(r.focus.name)} only` : ''}`,
    '',
    `**Verdict: ${md(v.text)}**`,
    '',
    ...progress(doc),
    ...burndownMd(r.burndown, r.date),
    ...kpis(doc),
    ...blockers(doc),
    ...activity(doc),
    ...nextWeek(doc),
    `_Made by ${REPORT_MARK}; every figure is as of the end of ${formatDate(r.date)}._`,
    '',
  ];
  return out.join('\n');
}

function progress(doc: ReportDoc): string[] {
  const s = doc.report.status;
  const out = ['## Progress', '', `Overall: **${s.overall.done} of ${s.overall.total}** items done (${pct(s.overall.done, s.overall.total)}%).`, ''];
  if (s.sprints.length === 0) out.push('The plan has no sprints.', '');
  else {
    out.push(...table(['Sprint', 'Weeks', 'Done', 'Total', 'Progress', 'Verdict'], s.sprints.map((sp) => [
      md(sp.sprint.name), weekLabel(sp.sprint.weeks), sp.done, sp.total, `${bar(sp.done, sp.total, 10)} ${pct(sp.done, sp.total)}%`, sp.onTrack ? md(verdictText(sp.onTrack).text) : '–',
    ]), [2, 3]));
  }
  if (s.weeks.length > 0) {
    out.push(...table(['Week', 'Done', 'Total', 'Progress'], s.weeks.map((w) => [`Week ${w.week}`, w.done, w.total, `${bar(w.done, w.total, 10)} ${pct(w.done, w.total)}%`]), [1, 2]));
  }
  return out;
}

/** A Mermaid chart (GitHub draws it) of at most 30 sampled days, and the figures in words for anywhere else. */
function burndownMd(b: Burndown, date: string): string[] {
  const out = ['## Burndown', ''];
  if (b.points.length < 2) return [...out, 'No burndown: the plan has fewer than two working days.', ''];
  const step = Math.max(1, Math.ceil(b.points.length / 30));
  const pts = b.points.filter((_, i) => i % step === 0 || i === b.points.length - 1);
  const actual = pts.filter((p) => p.remaining !== null);
  const last = [...b.points].reverse().find((p) => p.remaining !== null);
  out.push(
    '```mermaid',
    'xychart-beta',
    `  title "Open items${step > 1 ? ` (every ${step} working days)` : ''}"`,
    `  x-axis [${pts.map((p) => `"${axisDate(p.date)}"`).join(', ')}]`,
    `  y-axis "open items" 0 --> ${Math.max(1, b.total)}`,
    `  line [${pts.map((p) => p.ideal).join(', ')}]`,
    ...(actual.length > 0 ? [`  line [${actual.map((p) => p.remaining).join(', ')}]`] : []),
    '```',
    '',
    `${b.total} items; ideal from ${b.total} on ${formatDate(b.points[0]!.date)} to 0 on ${formatDate(b.points.at(-1)!.date)}; ${last ? `**${last.remaining} open** on ${formatDate(last.date)}` : 'nothing recorded yet'}${date < b.points[0]!.date ? ' (the plan has not started)' : ''}. The straight line is the ideal.`,
    '',
  );
  return out;
}

function kpis(doc: ReportDoc): string[] {
  const rows = doc.report.kpis;
  if (rows.length === 0) return ['## KPIs', '', 'The plan has no KPIs.', ''];
  const lines = rows.flatMap((row) => row.cells.map((c) => [
    md(row.kpi.metric), weekLabel(c.weeks), md(c.target.text), formatShortDate(c.due), c.actual ? md(c.actual.value) : '–', kpiStatusText(c.status),
    row.trend.length > 0 ? row.trend.slice(-6).map((t) => md(t.text)).join(' → ') : '–',
  ]));
  return ['## KPIs', '', ...table(['Metric', 'Weeks', 'Target', 'Checkpoint', 'Actual', 'Status', 'Recorded'], lines), Object.values(KPI_STATUS).map((s) => `${s.symbol} ${s.word}`).join(' · '), ''];
}

function blockers(doc: ReportDoc): string[] {
  const r = doc.report;
  const out = ['## Blocked items and escalations', ''];
  if (r.blocked.length === 0) out.push('No item is blocked.', '');
  else out.push(...r.blocked.map((e) => `- [ ] ■ ${item(e)}: ${md(e.state?.reason ?? 'blocked')}${e.state?.by ? ` (${md(e.state.by)}${e.state.at ? `, ${doc.when(e.state.at)}` : ''})` : ''}`), '');
  const open = r.escalations.open;
  if (open.length === 0) out.push('No escalation is open.', '');
  else {
    out.push(...table(['Level', 'When to act', 'About', 'Reason', 'Raised', 'By'], open.map((e) => [
      `▲ ${md(e.level.toUpperCase())}`, md(r.escalations.timing.get(e.level) ?? ''), md(e.item ?? 'general'), md(e.reason), doc.when(e.ts), md(e.actor),
    ])));
  }
  if (r.escalations.contacts.length > 0) out.push('**Escalation contacts:**', '', ...r.escalations.contacts.map((c) => `- ${md(c)}`), '');
  return out;
}

function activity(doc: ReportDoc): string[] {
  const a = doc.report.activity;
  const out = ['## Activity by person', ''];
  if (a.people.length === 0) return [...out, `No changes were recorded from ${formatDate(a.days[0]!)} to ${formatDate(doc.report.date)}.`, ''];
  const right = [...a.days.keys()].map((i) => i + 1).concat(a.days.length + 1);
  return [...out, ...table(['Person', ...a.days.map(formatShortDate), 'Total'], a.people.map((p) => [md(p.actor), ...p.counts, p.total]), right)];
}

function nextWeek(doc: ReportDoc): string[] {
  const n = doc.report.next;
  const out = ['## Due next week', ''];
  if (!n) return [...out, 'The plan has no week after this one.', ''];
  if (n.items.length === 0) return [...out, `Nothing open is due in week ${n.week} (${formatShortDate(n.first)} – ${formatShortDate(n.last)}).`, ''];
  out.push(`Week ${n.week}: ${formatDate(n.first)} – ${formatDate(n.last)}`, '');
  out.push(...n.items.map((e) => `- [ ] ${item(e)}, due ${formatShortDate(e.schedule!.due)}${e.status === 'blocked' ? ' (■ blocked)' : ''}`));
  if (n.more > 0) out.push(`- … and ${n.more} more`);
  out.push('');
  return out;
}
