// The report's one stylesheet, inline so the file stands alone (mailed, attached, opened offline).
// System fonts only: nothing is fetched. Colours follow prefers-color-scheme on screen; print is
// always dark ink on white. No page size is set: the margins fit both A4 and US Letter.
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --accent: #0969da; --ideal: #8c959f; --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; --bar-bg: #e6eaef; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --accent: #4493f8; --ideal: #7d8590; --good: #3fb950; --bad: #f85149; --warn: #d29922; --bar-bg: #262c36; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p { margin: .4rem 0; }
.muted, .tick { color: var(--muted); fill: var(--muted); }
.where { color: var(--muted); margin: 0; }
.verdict { display: inline-block; margin-top: .5rem; padding: .15rem .6rem; border: 1px solid currentColor; border-radius: 1rem; font-weight: 600; }
.good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); } .none { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--head); }
td.nw { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.chart { width: 100%; height: auto; max-width: 45rem; }
.chart .axis { stroke: var(--fg); stroke-width: 1; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .tick { font-size: 11px; }
.chart .ideal { fill: none; stroke: var(--ideal); stroke-width: 2; stroke-dasharray: 6 4; }
.chart .actual { fill: none; stroke: var(--accent); stroke-width: 2.5; }
.chart .today { stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 2 3; }
.chart .today-label { fill: var(--bad); font-size: 11px; }
.legend { list-style: none; padding: 0; margin: .25rem 0; display: flex; gap: 1.5rem; font-size: .9rem; }
.key { display: inline-block; width: 1.6rem; vertical-align: middle; border-top: 2.5px solid var(--accent); margin-right: .35rem; }
.key.ideal { border-top: 2px dashed var(--ideal); } .key.today { border-top: 2px dotted var(--bad); }
.sparkline .spark { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.sparkline .spark-end { fill: var(--accent); }
.bar { vertical-align: middle; } .bar-bg { fill: var(--bar-bg); } .bar-fg { fill: var(--good); }
ul.contacts { margin: .25rem 0 1rem; padding-left: 1.2rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444c56; --line: #b0b8c1; --head: #eef1f4;
    --accent: #0550ae; --ideal: #6e7781; --good: #116329; --bad: #a40e26; --warn: #7d4e00; --bar-bg: #e6eaef; }
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr, figure, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
