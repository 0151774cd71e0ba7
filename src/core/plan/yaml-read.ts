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
const COLON = 58;

/** The value of a YAML text written by `toYaml` (a non-empty mapping at the top), else undefined. */
export function readEmittedYaml(text: string): Plain | undefined {
  if (!text.endsWith('\n') || text.includes('\r')) return undefined;
  const reader = new Reader(text);
  try {
    const value = reader.mapping(0);
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error === NOT_EMITTED) return undefined;
    throw error;
  }
}

const fail = (): never => {
  throw NOT_EMITTED;
};

// Positions in the one text rather than split lines: a plan read once per process runs mostly before
// V8 optimises anything, where every string and array made costs.
class Reader {
  /** Where the current line starts, and its "\n". */
  private at = 0;
  private eol: number;
  /** Where the line goes on after the key just read (at its ":"). */
  private rest = 0;
  /** Lower-case plain tokens (ids, enum values) already found to be written as the emitter writes them. */
  private readonly plain = new Set<string>();
  /** Key tokens already found to be written as the emitter writes them. */
  private readonly keys = new Set<string>();
  /** The plain keys of the last mapping read at each column: the next one there mostly has the same. */
  private readonly lastKeys: (string | undefined)[][] = [];
  /** Whether the key just read was written plain (else quoted). */
  private plainKey = false;

  constructor(private readonly t: string) {
    this.eol = t.indexOf('\n');
  }

  done(): boolean {
    return this.at === this.t.length;
  }

  private next(): void {
    this.at = this.eol + 1;
    this.eol = this.t.indexOf('\n', this.at);
  }

  /** Whether the current line is a key (or a sequence entry) at exactly column n. */
  private startsAt(n: number, dash: boolean): boolean {
    const { t, at } = this;
    if (at + n >= this.eol) return false;
    for (let i = at; i < at + n; i++) if (t.charCodeAt(i) !== SPACE) return false;
    const c = t.charCodeAt(at + n);
    return dash ? c === DASH : c !== SPACE;
  }

  /**
   * A mapping whose keys start at column `n`. Its first line was checked by the caller (it may start
   * with the "- " of a sequence entry); the others are exactly n spaces and a key.
   */
  mapping(n: number): { [key: string]: Plain } {
    const map: { [key: string]: Plain } = {};
    const last = this.lastKeys[n] ?? [];
    const keys: (string | undefined)[] = [];
    do {
      const key = this.key(n, last[keys.length]);
      if (Object.hasOwn(map, key)) fail();
      keys.push(this.plainKey ? key : undefined);
      const { t, rest, eol } = this;
      if (rest === eol) {
        this.next();
        map[key] = this.nested(n + 2);
      } else {
        if (t.charCodeAt(rest) !== SPACE) fail();
        map[key] = this.inline(t.slice(rest + 1, eol));
        this.next();
      }
    } while (this.startsAt(n, false));
    this.lastKeys[n] = keys;
    return map;
  }

  /** A sequence whose "- " marks are at column `n`. */
  private sequence(n: number): Plain[] {
    const list: Plain[] = [];
    while (this.startsAt(n, true)) {
      const { t, at, eol } = this;
      if (at + n + 1 === eol) {
        // A non-empty list inside a list: "-" alone, its entries two columns further in.
        this.next();
        if (!this.startsAt(n + 2, true)) fail();
        list.push(this.sequence(n + 2));
      } else if (t.charCodeAt(at + n + 1) !== SPACE) fail();
      else if (isKeyLine(t, at + n + 2, eol)) list.push(this.mapping(n + 2));
      else {
        list.push(this.inline(t.slice(at + n + 2, eol)));
        this.next();
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

  /** The key at column n of the current line (`guess`, a plain key, if it is that); sets `rest`. */
  private key(n: number, guess: string | undefined): string {
    const { t, eol } = this;
    const p = this.at + n;
    if (guess !== undefined && t.startsWith(guess, p)) {
      // A plain key holds no ": " and does not end with ":", so its ":" is the first one that counts.
      const end = p + guess.length;
      const after = t.charCodeAt(end + 1);
      if (t.charCodeAt(end) === COLON && (end + 1 === eol || after === SPACE)) {
        this.rest = end + 1;
        this.plainKey = true;
        return guess;
      }
    }
    let end: number;
    let key: string;
    this.plainKey = t.charCodeAt(p) !== QUOTE;
    if (!this.plainKey) {
      end = quotedEnd(t, p, eol);
      if (t.charCodeAt(end) !== COLON) fail();
      key = parseQuoted(t.slice(p, end));
    } else {
      end = t.indexOf(': ', p);
      if (end < 0 || end > eol) end = t.charCodeAt(eol - 1) === COLON ? eol - 1 : fail();
      key = t.slice(p, end);
    }
    // Plans repeat a few dozen keys thousands of times: each spelling is checked once.
    const token = this.plainKey ? key : t.slice(p, end);
    if (!this.keys.has(token)) {
      if (end - p > MAX_KEY || RESERVED_KEYS.has(key) || scalar(key) !== token) fail();
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

/** Whether the text from `p` to the line's end `eol` (a sequence entry's) is a mapping's first key. */
function isKeyLine(t: string, p: number, eol: number): boolean {
  if (t.charCodeAt(p) === QUOTE) {
    const end = quotedEnd(t, p, eol);
    return end < eol && t.charCodeAt(end) === COLON;
  }
  const sep = t.indexOf(': ', p);
  return (sep >= 0 && sep < eol) || t.charCodeAt(eol - 1) === COLON;
}

/** Where the double-quoted scalar starting at `from` ends (just past its closing quote), within its line. */
function quotedEnd(t: string, from: number, eol: number): number {
  for (let i = from + 1; i < eol; i++) {
    const c = t.charCodeAt(i);
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
