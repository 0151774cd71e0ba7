// `launch doctor --json` (./doctor.schema.ts).
import type { DoctorModel } from '../doctor.js';
import type { DoctorJson } from './doctor.schema.js';

export const doctorJson = (m: DoctorModel): DoctorJson => ({
  schema: 1,
  log: m.report,
  orphans: m.orphans.map((e) => ({ id: e.id, type: e.type, item: (e.item as string | undefined) ?? null })),
  repair: m.repair,
});
