// `launch kpis --json` (./kpis.schema.ts).
import type { KpisModel } from '../kpis.js';
import type { KpisGateJson, KpisJson } from './kpis.schema.js';
import { kpiJson } from './shared.js';

export function kpisJson(m: KpisModel): KpisJson | KpisGateJson {
  return {
    schema: 1,
    date: m.date,
    kpis: m.cells.map(kpiJson),
    measured: m.measured.map((e) => ({ id: e.id, title: e.item.title, values: e.state!.values! as KpisJson['measured'][number]['values'], missed: e.state!.missed ?? false })),
    ...(m.gate ? { gate: { passed: m.gate.length === 0, missed: m.gate.map(kpiJson) } } : {}),
  };
}
