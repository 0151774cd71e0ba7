// Reads back the YAML that ./yaml-emit.ts writes, and nothing else. The yaml library builds a full
// document model (nodes, ranges, comments) before handing over any value: on a 10,000-item plan that
// was most of 19 G instructions of the first `launch today` after the plan changed. Plans launch
// wrote are nearly always read as launch wrote them, so this mirrors the emitter line by line: the
// exact indentation it uses, `- ` entries, keys and scalars each exactly as `scalar` would write the
// value read (a string the emitter would quote must be quoted, and quoted as JSON.stringify does).
// Anything else — a comment, a blank line, an anchor, a flow collection, another indentation or
// quoting style, a duplicate key — gives undefined, and the caller reads the file with the yaml
// library. Every text this accepts is thus the emitter's output for the value it returns, which the
// yaml library reads as that same value (test/core/yaml-read.test.ts checks both over generated values
// and edited texts).
import { scalar } from './yaml-emit.js';

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** Thrown inside to leave at the first line that is not the emitter's; never escapes. */
const NOT_EMITTED = Symbol('not emitted');

// Keys the yaml library refuses (implicit keys end within 1024 characters) and keys the plan reader
// refuses by name: both are left to the full reader, which says where they are.
const MAX_KEY = 1000;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const SPACE = 32;
const DASH = 45;
const QUOTE = 34;

/** The value of a YAML text written by `toYaml` (a non-empty mapping at the top), else undefined. */
export function readEmittedYaml(text: string): Plain | undefined {
  if (!text.endsWith('\n') || text.includes('\r')) return undefined;
  const reader = new Reader(text.slice(0, -1).split('\n'));
  try {
    const value = reader.mapping(0);
    return reader.at === reader.lines.length ? value : undefined;
  } catch (error) {
    if (error === NOT_EMITTED) return undefined;
    throw error;
  }
}

const fail = (): never => {
  throw NOT_EMITTED;
};

class Reader {
  at = 0;
  private rest = 0;
  /** Lower-case plain tokens (ids, enum values) already found to be written as the emitter writes them. */
  private readonly plain = new Set<string>();
  /** Key tokens already found to be written as the emitter writes them. */
  private readonly keys = new Set<string>();
  private readonly spaces: string[] = [''];

  constructor(readonly lines: string[]) {}

  private indent(n: number): string {
    while (this.spaces.length <= n) this.spaces.push(' '.repeat(this.spaces.length));
    return this.spaces[n]!;
  }

  /** Whether line `at` is a key (or a sequence entry) at exactly column n. */
  private startsAt(n: number, dash: boolean): boolean {
    const line = this.lines[this.at];
    if (line === undefined || line.length <= n || !line.startsWith(this.indent(n))) return false;
    const c = line.charCodeAt(n);
    return dash ? c === DASH : c !== SPACE;
  }

  /**
   * A mapping whose keys start at column `n`. Its first line was checked by the caller (it may start
   * with the "- " of a sequence entry); the others are exactly n spaces and a key.
   */
  mapping(n: number): { [key: string]: Plain } {
    const map: { [key: string]: Plain } = {};
    do {
      const line = this.lines[this.at]!;
      const key = this.key(line, n);
      if (Object.hasOwn(map, key)) fail();
      this.at++;
      const rest = this.rest;
      map[key] = rest === line.length ? this.nested(n + 2) : line.charCodeAt(rest) === SPACE ? this.inline(line.slice(rest + 1)) : fail();
    } while (this.startsAt(n, false));
    return map;
  }

  /** A sequence whose "- " marks are at column `n`. */
  private sequence(n: number): Plain[] {
    const list: Plain[] = [];
    while (this.startsAt(n, true)) {
      const line = this.lines[this.at]!;
      if (line.length === n + 1) {
        // A non-empty list inside a list: "-" alone, its entries two columns further in.
        this.at++;
        if (!this.startsAt(n + 2, true)) fail();
        list.push(this.sequence(n + 2));
      } else if (line.charCodeAt(n + 1) !== SPACE) fail();
      else if (isKeyLine(line, n + 2)) list.push(this.mapping(n + 2));
      else {
        this.at++;
        list.push(this.inline(line.slice(n + 2)));
      }
    }
    return list;
  }

  /** What follows "key:" alone on its line: a non-empty sequence or mapping two columns further in. */
  private nested(n: number): Plain {
    if (this.startsAt(n, true)) return this.sequence(n);
    if (this.startsAt(n, false)) return this.mapping(n);
    return fail();
  }

  /** The key starting at column n; `rest` is then where the line goes on after its ":". */
  private key(line: string, n: number): string {
    let end: number;
    let key: string;
    if (line.charCodeAt(n) === QUOTE) {
      end = quotedEnd(line, n);
      if (line.charCodeAt(end) !== 58) fail();
      key = parseQuoted(line.slice(n, end));
    } else {
      end = line.indexOf(': ', n);
      if (end < 0) end = line.endsWith(':') ? line.length - 1 : fail();
      key = line.slice(n, end);
    }
    // Plans repeat a few dozen keys thousands of times: each spelling is checked once.
    const token = line.slice(n, end);
    if (!this.keys.has(token)) {
      if (end - n > MAX_KEY || RESERVED_KEYS.has(key) || scalar(key) !== token) fail();
      this.keys.add(token);
    }
    this.rest = end + 1;
    return key;
  }

  /** A value on its key's (or its "- "'s) line. */
  private inline(token: string): Plain {
    const c = token.charCodeAt(0);
    if (c >= 97 && c <= 122 && this.plain.has(token)) return token;
    const value = inline(token);
    if (typeof value === 'string' && c >= 97 && c <= 122) this.plain.add(value);
    return value;
  }
}

/** Whether the text at column n of a sequence entry's line is a mapping's first key. */
function isKeyLine(line: string, n: number): boolean {
  if (line.charCodeAt(n) === QUOTE) {
    const end = quotedEnd(line, n);
    return end < line.length && line.charCodeAt(end) === 58;
  }
  return line.includes(': ', n) || line.endsWith(':');
}

/** Where the double-quoted scalar starting at `from` ends (just past its closing quote). */
function quotedEnd(line: string, from: number): number {
  for (let i = from + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++;
    else if (c === QUOTE) return i + 1;
  }
  return fail();
}

function parseQuoted(token: string): string {
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    return fail();
  }
  // The emitter quotes only what it must, and always as JSON.stringify does.
  return typeof value === 'string' && scalar(value) === token ? value : fail();
}

/** A value on its key's (or its "- "'s) line. */
function inline(token: string): Plain {
  switch (token) {
    case '[]':
      return [];
    case '{}':
      return {};
    case 'null':
      return null;
    case 'true':
      return true;
    case 'false':
      return false;
  }
  const c = token.charCodeAt(0);
  if (c === QUOTE) return parseQuoted(token);
  if ((c >= 48 && c <= 57) || c === DASH) {
    // Numbers are written as String(n): any other spelling ("1.0", "0x1F", "1_000") is not the emitter's.
    const n = Number(token);
    return String(n) === token ? n : fail();
  }
  return scalar(token) === token ? token : fail();
}
