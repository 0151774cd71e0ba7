// Reading and writing config.yaml: schema-checked, with the offending line in errors.
import { LineCounter, parseDocument } from 'yaml';
import { toYaml } from '../plan/yaml-emit.js';
import type { Config } from './config.js';
import { CONFIG_HEADER, ConfigSchema } from './config-own.js';

export { ConfigSchema };

export type ConfigParse = { ok: true; config: Config } | { ok: false; line?: number; message: string };

export function parseConfigYaml(text: string): ConfigParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, line: lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = ConfigSchema.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data as Config };
  const issue = parsed.error.issues[0]!;
  const node = doc.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
  const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
  return { ok: false, ...(line ? { line } : {}), message: `${issue.path.join('.') || 'config'}: ${issue.message}` };
}

/** The line a top-level key is set on, for a message about a value the schema lets through. */
export function configLine(text: string, key: string): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

export function configToYaml(config: Config): string {
  return CONFIG_HEADER + toYaml(config);
}
