// The JSON Schemas launch ships in schemas/ (for editors and other tools): made from the zod schemas
// with z.toJSONSchema, committed, and checked here to be current (UPDATE_GOLDEN=1 rewrites them). Real
// output of every command's --json, a plan.yaml launch wrote and the lines of its log are validated with
// them by a JSON Schema validator (ajv), not by zod: what a tool reading the files would see.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repoRoot } from '../helpers.js';
import { eventsOf, launcher, workspaceWith } from '../support/commands.js';
import { PUBLISHED_SCHEMAS } from '../../src/render/json/registry.js';
import { PLAN_SCHEMA_COMMENT, SCHEMA_URL_BASE } from '../../src/core/plan/version.js';

const dir = join(repoRoot, 'schemas');
const fileOf = (name: string) => join(dir, `${name}.schema.json`);
const generated = (name: string, schema: z.ZodType): string =>
  `${JSON.stringify({ $id: `${SCHEMA_URL_BASE}${name}.schema.json`, ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) }, null, 2)}\n`;

describe('schemas/*.schema.json', () => {
  it('are what the zod schemas make, one file each and no other', () => {
    const schemas = PUBLISHED_SCHEMAS();
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dir, { recursive: true });
      for (const [name, schema] of Object.entries(schemas)) writeFileSync(fileOf(name), generated(name, schema));
    }
    expect(readdirSync(dir).sort()).toEqual(Object.keys(schemas).map((n) => `${n}.schema.json`).sort());
    for (const [name, schema] of Object.entries(schemas)) {
      expect(readFileSync(fileOf(name), 'utf8'), `schemas/${name}.schema.json is stale: run this test with UPDATE_GOLDEN=1`).toBe(generated(name, schema));
    }
  });
});

describe('real output against the published JSON Schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validator = (name: string) => ajv.getSchema(`${SCHEMA_URL_BASE}${name}.schema.json`) ?? ajv.compile(JSON.parse(readFileSync(fileOf(name), 'utf8')));
  const valid = (name: string, value: unknown) => {
    const validate = validator(name);
    const ok = validate(value);
    expect(ok, `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
  const launch = launcher('2026-12-02T09:00:00Z');
  let ws: string;
  beforeAll(async () => {
    ws = await workspaceWith(launch);
  });
  const json = async (args: string[]) => {
    const r = await launch([...args, '--json'], ws);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  it("every command's --json output, the plan.yaml and the log's lines", async () => {
    valid('check', await json(['check', 'skeleton-loading-setup', '--note', 'in']));
    valid('block', await json(['block', 'redis-setup', '--reason', 'waiting on ops']));
    valid('note', await json(['note', 'bundle-analysis', '-m', 'started']));
    valid('kpi-record', await json(['kpi', 'record', 'bundle-size', '540KB', '--week', '1']));
    valid('escalate', await json(['escalate', 'redis-setup', '--level', 'high', '--reason', 'blocks caching']));
    valid('unblock', await json(['unblock', 'redis-setup']));
    valid('uncheck', await json(['uncheck', 'skeleton-loading-setup']));
    valid('assign', await json(['assign', 'redis-setup', '--to', 'bob']));
    valid('undo', await json(['undo']));
    for (const name of ['today', 'status', 'kpis', 'standup', 'list', 'log', 'doctor', 'whoami', 'escalate']) valid(name, await json([name]));
    valid('show', await json(['show', 'redis-setup']));
    valid('show', await json(['show', 'bundle-size']));
    valid('validate', await json(['validate', join(repoRoot, 'plans', 'securenet-launch.md')]));
    const yaml = readFileSync(join(ws, '.launch', 'plan.yaml'), 'utf8');
    valid('plan', parse(yaml));
    // An editor finds the schema from the file's first line.
    expect(yaml.split('\n')[0]).toBe(PLAN_SCHEMA_COMMENT);
    expect(PLAN_SCHEMA_COMMENT).toBe(`# yaml-language-server: $schema=${SCHEMA_URL_BASE}plan.schema.json`);
    const imported = await json(['import', join(repoRoot, 'plans', 'securenet-launch.md'), '-o', join(ws, 'out.yaml')]);
    valid('import', imported);
    const out = readFileSync(join(ws, 'out.yaml'), 'utf8');
    expect(out.split('\n')[0]).toBe(PLAN_SCHEMA_COMMENT);
    valid('plan', parse(out));
    const events = eventsOf(ws);
    expect(events.length).toBeGreaterThan(5);
    for (const event of events) valid('event', event);
  });

  it('refuse what launch would not write: an unknown key, a missing field, a known type with wrong fields', () => {
    const validate = validator('whoami');
    expect(validate({ schema: 1, surprise: true })).toBe(false);
    const event = validator('event');
    const base = { v: 1, id: '9f1c2b7a40d3e815', ts: '2026-12-01T09:12:44.120+01:00', actor: 'alice' };
    expect(event({ ...base, type: 'block', item: 'x', reason: 'r' })).toBe(true);
    expect(event({ ...base, type: 'block', item: 'x' })).toBe(false);
    expect(event({ ...base, type: 'from-the-future', anything: 1 })).toBe(true);
    const plan = validator('plan');
    expect(plan({ schema: 1 })).toBe(false);
  });
});
