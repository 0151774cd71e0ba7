// Every published shape, by the name of its file in schemas/ (<name>.schema.json): each command's
// `--json` output, the plan YAML and a line of the event log. test/render/json-schema-files.test.ts
// writes them with z.toJSONSchema and checks the committed files are current and accept real output.
import type { ZodType } from 'zod';
import { eventLineSchema } from '../../core/log/schema.js';
import { PlanSchema } from '../../core/plan/schema.js';
import { AssignJson } from './assign.schema.js';
import { BlockJson } from './block.schema.js';
import { CheckJson } from './check.schema.js';
import { DoctorJson } from './doctor.schema.js';
import { EscalateJson, EscalateResolveJson, EscalationsJson } from './escalate.schema.js';
import { ImportOutputJson } from './import.schema.js';
import { InitJson } from './init.schema.js';
import { KpiRecordJson } from './kpi-record.schema.js';
import { KpisGateJson, KpisJson } from './kpis.schema.js';
import { ListJson } from './list.schema.js';
import { LogJson } from './log.schema.js';
import { NoteJson } from './note.schema.js';
import { PlanUpdateJson } from './plan-update.schema.js';
import { ShowKpiJson } from './show-kpi.schema.js';
import { ShowJson } from './show.schema.js';
import { StandupAnswerJson, StandupJson } from './standup.schema.js';
import { StatusJson } from './status.schema.js';
import { SyncJson } from './sync.schema.js';
import { TodayJson } from './today.schema.js';
import { UnblockJson } from './unblock.schema.js';
import { UncheckJson } from './uncheck.schema.js';
import { UndoJson } from './undo.schema.js';
import { ValidateJson } from './validate.schema.js';
import { WhoamiJson } from './whoami.schema.js';

/** Shapes a command prints in more than one form are published as one schema accepting each. */
export const PUBLISHED_SCHEMAS = (): Record<string, ZodType> => ({
  plan: PlanSchema,
  event: eventLineSchema(),
  assign: AssignJson,
  block: BlockJson,
  check: CheckJson,
  doctor: DoctorJson,
  escalate: EscalateJson.or(EscalateResolveJson).or(EscalationsJson),
  import: ImportOutputJson,
  init: InitJson,
  'kpi-record': KpiRecordJson,
  kpis: KpisJson.or(KpisGateJson),
  list: ListJson,
  log: LogJson,
  note: NoteJson,
  'plan-update': PlanUpdateJson,
  show: ShowJson.or(ShowKpiJson),
  standup: StandupJson.or(StandupAnswerJson),
  status: StatusJson,
  sync: SyncJson,
  today: TodayJson,
  unblock: UnblockJson,
  uncheck: UncheckJson,
  undo: UndoJson,
  validate: ValidateJson,
  whoami: WhoamiJson,
});
