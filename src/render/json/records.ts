// What the write commands print with --json: the events they recorded, and what they left alone.
import type { LaunchEvent, LogEvent } from '../../core/log/events.js';
import type { KpiCell } from '../../core/queries/kpis.js';
import type { BlockJson } from './block.schema.js';
import type { CheckJson } from './check.schema.js';
import type { EscalateJson, EscalateResolveJson } from './escalate.schema.js';
import type { KpiRecordJson } from './kpi-record.schema.js';
import type { NoteJson } from './note.schema.js';
import { kpiJson } from './shared.js';
import type { StandupAnswerJson } from './standup.schema.js';
import type { UnblockJson } from './unblock.schema.js';
import type { UncheckJson } from './uncheck.schema.js';
import type { UndoJson } from './undo.schema.js';

type Recorded = BlockJson | NoteJson | EscalateJson | EscalateResolveJson | StandupAnswerJson;

/** Events as this version writes them are what the schemas describe; the cast names the shape. */
export const recordedJson = <T extends Recorded>(recorded: readonly LaunchEvent[]): T => ({ schema: 1, recorded }) as unknown as T;

export const checkJson = (recorded: readonly LaunchEvent[], unchanged: readonly string[]): CheckJson =>
  ({ schema: 1, recorded, unchanged: unchanged.map((id) => ({ id, status: 'done' as const })) }) as unknown as CheckJson;

export const backToTodoJson = (recorded: readonly LaunchEvent[], unchanged: readonly string[]): UncheckJson | UnblockJson =>
  ({ schema: 1, recorded, unchanged }) as unknown as UncheckJson | UnblockJson;

export const undoJson = (recorded: LaunchEvent, undone: LogEvent): UndoJson => ({ schema: 1, recorded: [recorded], undone }) as unknown as UndoJson;

export const kpiRecordJson = (recorded: LaunchEvent, cells: readonly KpiCell[]): KpiRecordJson =>
  ({ schema: 1, recorded: [recorded], kpis: cells.map(kpiJson) }) as unknown as KpiRecordJson;
