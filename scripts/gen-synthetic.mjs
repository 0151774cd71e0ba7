// Generates the benchmark's synthetic inputs: a Markdown plan of 10,000 checklist items over 100
// weeks, and an events.jsonl of N events on a plan's items. Deterministic (seeded), so every run
// measures the same work.
import { writeFileSync } from 'node:fs';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const BLOCKS = [['Monday - Tuesday', 'Frontend'], ['Wednesday - Thursday', 'Backend'], ['Friday', 'Platform'], ['Monday - Friday', 'Quality']];

/** 100 weeks × 4 blocks × 25 checkboxes = 10,000 checklist items, in 50 two-week sprints. */
export function syntheticPlan({ weeks = 100, perBlock = 25 } = {}) {
  const out = ['# Synthetic launch plan', ''];
  for (let w = 1; w <= weeks; w++) {
    if (w % 2 === 1) out.push(`## Sprint ${(w + 1) / 2}: Sprint ${(w + 1) / 2} work (Week ${w}-${w + 1})`, '');
    out.push(`### Week ${w}: Theme ${w}`, '');
    BLOCKS.forEach(([days, team], b) => {
      out.push(`#### ${days}: ${team} stream ${w}`, `**Team**: ${team} Team`, '', '**Success Metrics**:');
      for (let i = 1; i <= perBlock; i++) out.push(`- [ ] Week ${w} ${team} deliverable ${b * perBlock + i} response time <${100 + i}ms`);
      out.push('');
    });
  }
  return out.join('\n');
}

/**
 * The hardest plan to import within the limits: one flat list (no heading to cut at) of as many
 * checkbox items as a plan may hold, all titled alike (every id a counter), with titles as long as
 * fills `bytes`.
 */
export function worstPlan(bytes, maxItems) {
  const head = '# The largest plan\n\n';
  const width = Math.max(16, Math.floor((bytes - head.length - 1) / maxItems));
  const line = `- [ ] same task${' again'.repeat(Math.ceil(width / 6)).slice(0, width - 16)}\n`;
  return head + line.repeat(Math.min(maxItems, Math.floor((bytes - head.length - 1) / line.length)));
}

/**
 * An instant as launch's own record() writes it (formatOffsetTimestamp): local time with the zone's
 * offset, never `Z` — a workspace in UTC writes `+00:00`. `offsetMin` is the zone's fixed offset.
 */
export function offsetTimestamp(ms, offsetMin = 0) {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMin);
  return `${local}${offsetMin < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * `count` events on the given item ids, in time order from `start`, mostly checks, each line exactly as
 * launch's createEvent writes it (keys v, id, ts, actor, type, item, then the type's own; a 16-hex-digit
 * id; an offset timestamp), so that the bench measures the paths launch's own logs take.
 */
export function syntheticEvents(itemIds, count, { start = Date.parse('2026-11-30T08:00:00Z'), spanDays = 700, seed = 7, offsetMin = 0 } = {}) {
  const rand = rng(seed);
  const step = (spanDays * 86400_000) / count;
  const types = ['check', 'check', 'check', 'note', 'uncheck', 'block', 'unblock'];
  const lines = [];
  for (let i = 0; i < count; i++) {
    const type = types[Math.floor(rand() * types.length)];
    const item = itemIds[Math.floor(rand() * itemIds.length)];
    const ts = offsetTimestamp(Math.floor(start + i * step), offsetMin);
    const e = { v: 1, id: (i.toString(16).padStart(8, '0') + Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0')), ts, actor: ['alice', 'bob', 'carol'][i % 3], type, item };
    if (type === 'note') e.text = `note ${i}`;
    if (type === 'block') e.reason = `waiting ${i}`;
    lines.push(JSON.stringify(e));
  }
  return lines.join('\n') + '\n';
}

if (process.argv[2] === 'plan') writeFileSync(process.argv[3], syntheticPlan());
