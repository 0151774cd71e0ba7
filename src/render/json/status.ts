// `launch status --json` (./status.schema.ts).
import type { Burndown } from '../../core/queries/burndown.js';
import type { Status } from '../../core/queries/status.js';
import type { StatusJson } from './status.schema.js';

export function statusJson(s: Status, burndown: Burndown): StatusJson {
  return {
    schema: 1,
    date: s.date,
    overall: s.overall,
    sprints: s.sprints.map((sp) => ({ id: sp.sprint.id, name: sp.sprint.name, title: sp.sprint.title, done: sp.done, total: sp.total, onTrack: sp.onTrack ? { verdict: sp.onTrack.verdict, done: sp.onTrack.done, expected: sp.onTrack.expected } : null })),
    weeks: s.weeks,
    burndown,
  };
}
