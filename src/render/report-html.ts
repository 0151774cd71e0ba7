// `launch report --format html`: one self-contained page (inline CSS and SVG, no script, nothing
// fetched) that prints on A4 or Letter. Every piece of plan and log text is stripped of hidden
// characters and HTML-escaped here, and nowhere else.
import type { KpiRow } from '../core/queries/report.js';
import type { Scheduled } from '../core/queries/schedule.js';
import { barSvg, burndownSvg, sparklineSvg } from './report-html-charts.js';
import { REPORT_CSS } from './report-html-style.js';
import { formatShortDate } from './dates.js';
import { formatDate, headline, kpiStatusText, KPI_STATUS, pct, REPORT_MARK, type ReportDoc, verdictText, weekLabel, whereText } from './report-words.js';
import { safeText } from './sanitize.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Untrusted text as HTML text or attribute value. */
export const esc = (text: string): string => safeText(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const th = (text: string, cls = '') => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${text}</th>`;
const head = (...cols: string[]) => `<thead><tr>${cols.join('')}</tr></thead>`;
const num = (n: number | string) => `<td class="num">${n}</td>`;
const itemCell = (e: Scheduled) => `<th scope="row">${esc(e.item.title)} <code>${esc(e.id)}</code></th>`;

export function renderReportHtml(doc: ReportDoc): string {
  const r = doc.report;
  const verdict = headline(r);
  // Browsers show a tab's title cut short anyway, and validators ask for at most 70 characters (as written).
  const suffix = ` · report as of ${r.date}`;
  // Cut once, by code points (never half a surrogate pair); only escaping can still make it too long.
  const full = [...safeText(doc.title)];
  let keep = Math.min(full.length, 70 - suffix.length);
  let name = full.join('');
  while (keep > 0 && esc(name).length + suffix.length > 70) name = `${full.slice(0, --keep).join('')}…`;
  const title = name + suffix;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${REPORT_MARK}">`,
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(doc.title)}</h1>`,
    `<p class="where">As of <time datetime="${r.date}">${formatDate(r.date)}</time> · ${esc(whereText(r, doc.totalWeeks))}${r.focus ? ` · report for ${esc(r.focus.name)} only` : ''}</p>`,
    `<p class="verdict ${verdict.kind}">${esc(verdict.text)}</p>`,
    '</header>',
    '<main>',
    ...progress(doc),
    ...burndownSection(doc),
    ...kpis(doc),
    ...blockers(doc),
    ...activity(doc),
    ...nextWeek(doc),
    '</main>',
    `<footer>Made by ${REPORT_MARK} from the plan and its event log; every figure is as of the end of ${formatDate(r.date)}.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function progress(doc: ReportDoc): string[] {
  const s = doc.report.status;
  const out = ['<section aria-labelledby="progress">', '<h2 id="progress">Progress</h2>'];
  out.push(`<p>Overall: <strong>${s.overall.done} of ${s.overall.total}</strong> items done (${pct(s.overall.done, s.overall.total)}%).</p>`);
  if (s.sprints.length > 0) {
    out.push('<table>', '<caption>By sprint</caption>', head(th('Sprint'), th('Weeks'), th('Done', 'num'), th('Total', 'num'), th('Progress'), th('Verdict')), '<tbody>');
    for (const sp of s.sprints) {
      const v = sp.onTrack ? verdictText(sp.onTrack) : undefined;
      out.push(`<tr><th scope="row">${esc(sp.sprint.name)}</th><td>${weekLabel(sp.sprint.weeks)}</td>${num(sp.done)}${num(sp.total)}<td>${barSvg(sp.done, sp.total)} ${pct(sp.done, sp.total)}%</td><td${v ? ` class="${v.kind}"` : ''}>${v ? esc(v.text) : '<span class="muted">–</span>'}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  } else {
    out.push('<p class="muted">The plan has no sprints.</p>');
  }
  if (s.weeks.length > 0) {
    out.push('<table>', '<caption>By week (items due that week)</caption>', head(th('Week'), th('Done', 'num'), th('Total', 'num'), th('Progress')), '<tbody>');
    for (const w of s.weeks) out.push(`<tr><th scope="row">Week ${w.week}</th>${num(w.done)}${num(w.total)}<td>${barSvg(w.done, w.total)} ${pct(w.done, w.total)}%</td></tr>`);
    out.push('</tbody>', '</table>');
  }
  out.push('</section>');
  return out;
}

function burndownSection(doc: ReportDoc): string[] {
  const r = doc.report;
  return [
    '<section aria-labelledby="burndown">',
    '<h2 id="burndown">Burndown</h2>',
    '<p>Open items at the end of each working day of the whole plan, against the ideal straight line.</p>',
    '<figure>',
    burndownSvg(r.burndown, r.date, esc),
    '<figcaption><ul class="legend"><li><span class="key"></span>open items (solid)</li><li><span class="key ideal"></span>ideal (dashed)</li><li><span class="key today"></span>today (dotted)</li></ul></figcaption>',
    '</figure>',
    '</section>',
  ];
}

function kpis(doc: ReportDoc): string[] {
  const rows = doc.report.kpis;
  const out = ['<section aria-labelledby="kpis">', '<h2 id="kpis">KPIs</h2>'];
  if (rows.length === 0) return [...out, '<p class="muted">The plan has no KPIs.</p>', '</section>'];
  out.push('<table class="kpis">', '<caption>Each target with its checkpoint, the value it is judged on and its status</caption>');
  out.push(head(th('Metric'), th('Weeks'), th('Target'), th('Checkpoint'), th('Actual'), th('Status'), th('Trend')));
  for (const row of rows) out.push(...kpiRows(row));
  out.push('</table>', `<p class="muted">${Object.values(KPI_STATUS).map((s) => `${s.symbol} ${s.word}`).join(' · ')}</p>`, '</section>');
  return out;
}

function kpiRows(row: KpiRow): string[] {
  const n = row.cells.length;
  const out = ['<tbody>'];
  row.cells.forEach((c, i) => {
    const cls = c.status === 'met' || c.status === 'on-track' ? 'good' : c.status === 'missed' ? 'bad' : c.status === 'at-risk' || c.status === 'no-data' ? 'warn' : 'none';
    const first = i === 0 ? `<th scope="rowgroup" rowspan="${n}">${esc(row.kpi.metric)}</th>` : '';
    const trend = i === 0 ? `<td rowspan="${n}">${sparklineSvg(row.trend, row.kpi.metric, esc)}</td>` : '';
    const actual = c.actual ? esc(c.actual.value) : '<span class="muted">–</span>';
    const problem = c.problem ? ` <span class="muted">(${esc(c.problem)})</span>` : '';
    out.push(`<tr class="kpi-row">${first}<td>${weekLabel(c.weeks)}</td><td>${esc(c.target.text)}</td><td>${formatShortDate(c.due)}</td><td>${actual}${problem}</td><td class="${cls}">${kpiStatusText(c.status)}</td>${trend}</tr>`);
  });
  out.push('</tbody>');
  return out;
}

function blockers(doc: ReportDoc): string[] {
  const r = doc.report;
  const out = ['<section aria-labelledby="blockers">', '<h2 id="blockers">Blocked items and escalations</h2>'];
  if (r.blocked.length === 0) out.push('<p>No item is blocked.</p>');
  else {
    out.push('<table>', `<caption>■ ${r.blocked.length} blocked</caption>`, head(th('Item'), th('Reason'), th('Blocked by'), th('Since')), '<tbody>');
    for (const e of r.blocked) {
      out.push(`<tr>${itemCell(e)}<td>${esc(e.state?.reason ?? '')}</td><td>${esc(e.state?.by ?? '')}</td><td>${e.state?.at ? esc(doc.when(e.state.at)) : ''}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  const open = r.escalations.open;
  if (open.length === 0) out.push('<p>No escalation is open.</p>');
  else {
    out.push('<table>', `<caption>▲ ${open.length} open escalation${open.length === 1 ? '' : 's'}</caption>`, head(th('Level'), th('When to act'), th('About'), th('Reason'), th('Raised'), th('By')), '<tbody>');
    for (const e of open) {
      out.push(`<tr><th scope="row" class="bad">▲ ${esc(e.level.toUpperCase())}</th><td>${esc(r.escalations.timing.get(e.level) ?? '')}</td><td>${esc(e.item ?? 'general')}</td><td>${esc(e.reason)}</td><td>${esc(doc.when(e.ts))}</td><td>${esc(e.actor)}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  if (r.escalations.contacts.length > 0) {
    out.push('<h3>Escalation contacts</h3>', '<ul class="contacts">', ...r.escalations.contacts.map((c) => `<li>${esc(c)}</li>`), '</ul>');
  }
  out.push('</section>');
  return out;
}

function activity(doc: ReportDoc): string[] {
  const a = doc.report.activity;
  const out = ['<section aria-labelledby="activity">', '<h2 id="activity">Activity by person</h2>'];
  if (a.people.length === 0) return [...out, `<p>No changes were recorded from ${formatDate(a.days[0]!)} to ${formatDate(doc.report.date)}.</p>`, '</section>'];
  out.push('<table>', `<caption>Changes recorded (checks, blocks, notes, KPI values, escalations) over the last ${a.days.length} working days</caption>`);
  out.push(head(th('Person'), ...a.days.map((d) => th(formatShortDate(d), 'num')), th('Total', 'num')), '<tbody>');
  for (const p of a.people) out.push(`<tr><th scope="row">${esc(p.actor)}</th>${p.counts.map(num).join('')}${num(p.total)}</tr>`);
  out.push('</tbody>', '</table>', '</section>');
  return out;
}

function nextWeek(doc: ReportDoc): string[] {
  const n = doc.report.next;
  const out = ['<section aria-labelledby="next">', '<h2 id="next">Due next week</h2>'];
  if (!n) return [...out, '<p>The plan has no week after this one.</p>', '</section>'];
  if (n.items.length === 0) return [...out, `<p>Nothing open is due in week ${n.week} (${formatShortDate(n.first)} – ${formatShortDate(n.last)}).</p>`, '</section>'];
  out.push('<table>', `<caption>Week ${n.week}: ${formatDate(n.first)} – ${formatDate(n.last)}</caption>`, head(th('Item'), th('Kind'), th('Due'), th('Status')), '<tbody>');
  for (const e of n.items) {
    out.push(`<tr>${itemCell(e)}<td>${e.kind === 'task' ? 'task' : 'checklist'}</td><td class="nw">${formatShortDate(e.schedule!.due)}</td><td class="nw">${e.status === 'blocked' ? '■ blocked' : '○ to do'}</td></tr>`);
  }
  out.push('</tbody>', '</table>');
  if (n.more > 0) out.push(`<p>… and ${n.more} more.</p>`);
  out.push('</section>');
  return out;
}
