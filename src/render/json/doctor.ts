// `launch doctor --json` (./doctor.schema.ts).
import type { DoctorModel } from '../doctor.js';
import type { DoctorJson } from './doctor.schema.js';

export const doctorJson = (m: DoctorModel): DoctorJson => ({
  schema: 1,
  config: { path: m.configPath, ok: m.configProblem === undefined, problem: m.configProblem ? { line: m.configProblem.line ?? null, message: m.configProblem.message } : null },
  log: m.report,
  orphans: m.orphans.map((e) => ({ id: e.id, type: e.type, item: (e.item as string | undefined) ?? null })),
  repair: m.repair,
});
