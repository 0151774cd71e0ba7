// The report's charts as inline SVG: no script, no font or image to fetch. Each chart has a <title>
// and an aria-label saying what it shows in words; lines differ by dash as well as colour.
import type { Burndown } from '../core/queries/burndown.js';
import type { KpiRow } from '../core/queries/report.js';
import { axisDate } from './report-words.js';

const W = 720;
const H = 280;
const M = { left: 48, right: 20, top: 16, bottom: 44 };
const r1 = (n: number) => Math.round(n * 10) / 10;

export function burndownSvg(b: Burndown, date: string, esc: (s: string) => string): string {
  const pts = b.points;
  if (pts.length < 2) return '<p class="muted">No burndown: the plan has fewer than two working days.</p>';
  const max = Math.max(1, b.total);
  const x = (i: number) => r1(M.left + (i * (W - M.left - M.right)) / (pts.length - 1));
  const y = (v: number) => r1(M.top + (1 - v / max) * (H - M.top - M.bottom));
  const ideal = pts.map((p, i) => `${x(i)},${y(p.ideal)}`).join(' ');
  const actual = pts.flatMap((p, i) => (p.remaining === null ? [] : [`${x(i)},${y(p.remaining)}`])).join(' ');
  const last = [...pts].reverse().find((p) => p.remaining !== null);
  const todayAt = pts.findLastIndex((p) => p.date <= date);
  const label = `Burndown: ${b.total} items; ${last ? `${last.remaining} open on ${last.date}` : 'nothing recorded yet'}; the ideal line falls from ${b.total} on ${pts[0]!.date} to 0 on ${pts.at(-1)!.date}.`;
  const out = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}">`, `<title>${esc(label)}</title>`];
  const yTicks = [...new Set([0, Math.round(max / 2), max])];
  for (const v of yTicks) {
    out.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}"/>`, `<text class="tick" x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  const step = Math.max(1, Math.ceil((pts.length - 1) / 7));
  for (let i = 0; i < pts.length; i += step) out.push(xTick(x(i), axisDate(pts[i]!.date)));
  if ((pts.length - 1) % step !== 0 && (pts.length - 1) % step > step / 2) out.push(xTick(x(pts.length - 1), axisDate(pts.at(-1)!.date)));
  out.push(
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`,
    `<polyline class="ideal" points="${ideal}"/>`,
  );
  if (actual) out.push(`<polyline class="actual" points="${actual}"/>`);
  if (todayAt >= 0 && date <= pts.at(-1)!.date) {
    out.push(`<line class="today" x1="${x(todayAt)}" x2="${x(todayAt)}" y1="${M.top}" y2="${H - M.bottom}"/>`, `<text class="today-label" x="${x(todayAt) + 4}" y="${M.top + 10}">today</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

const xTick = (x: number, text: string) =>
  `<line class="axis" x1="${x}" x2="${x}" y1="${H - M.bottom}" y2="${H - M.bottom + 5}"/><text class="tick" x="${x}" y="${H - M.bottom + 20}" text-anchor="middle">${text}</text>`;

/** The KPI's recorded actuals as a small line, oldest to newest; a dash when nothing numeric was recorded. */
export function sparklineSvg(trend: KpiRow['trend'], metric: string, esc: (s: string) => string): string {
  if (trend.length === 0) return '<span class="muted">–</span>';
  const w = 96;
  const h = 24;
  const values = trend.map((t) => t.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => r1(trend.length === 1 ? w / 2 : 3 + (i * (w - 6)) / (trend.length - 1));
  const y = (v: number) => r1(hi === lo ? h / 2 : 3 + (1 - (v - lo) / (hi - lo)) * (h - 6));
  const label = `${metric}, recorded: ${trend.slice(-8).map((t) => t.text).join(', ')}`;
  const line = trend.length > 1 ? `<polyline class="spark" points="${trend.map((t, i) => `${x(i)},${y(t.value)}`).join(' ')}"/>` : '';
  const end = trend.length - 1;
  return `<svg class="sparkline" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${line}<circle class="spark-end" cx="${x(end)}" cy="${y(trend[end]!.value)}" r="2.5"/></svg>`;
}

/** A progress bar; the numbers beside it carry the meaning, so it is hidden from screen readers. */
export function barSvg(done: number, total: number): string {
  const filled = total === 0 ? 0 : r1((done / total) * 120);
  return `<svg class="bar" viewBox="0 0 120 10" width="120" height="10" aria-hidden="true"><rect class="bar-bg" width="120" height="10" rx="2"/><rect class="bar-fg" width="${filled}" height="10" rx="2"/></svg>`;
}
