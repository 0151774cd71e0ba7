// Writes plain data (what JSON can hold) as block-style YAML. The yaml library's stringify builds a
// full document model first and took 1.8 s of a 10,000-item import; plans are plain data, so this
// emits them directly. A property test checks that every value survives emit → parse (yaml library)
// unchanged; ./yaml-read.ts reads this very layout back without the library.

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

// Words YAML 1.1 or 1.2 readers may take for booleans or null.
const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
// A plain scalar: no leading indicator or space, no ": " or " #", no trailing space or colon, one line.
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n\r]*$/;
const NUMBER_LIKE = /^[-+.]?(?:\d|\.\d)|^0[xob]|^[-+]?\.(?:inf|nan)$/i;

// Ids, keys and enum values ("w1-backend", "kind", "check"): plain unless a reserved word.
const SIMPLE = /^[a-z][a-z0-9-]*$/;

/** How one scalar (or key) is written; the reader of this layout accepts a token only if it is this. */
export function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string' && SIMPLE.test(value)) return RESERVED.test(value) ? JSON.stringify(value) : value;
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const plain =
    PLAIN.test(value) &&
    !RESERVED.test(value) &&
    !NUMBER_LIKE.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !value.endsWith(':') &&
    !value.endsWith(' ') &&
    // Control and non-printable characters must be escaped, which only the quoted form can do.
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value);
  // JSON's double-quoted strings are valid YAML double-quoted scalars.
  return plain ? value : JSON.stringify(value);
}

const isPlainObject = (v: unknown): v is { [key: string]: Plain } => typeof v === 'object' && v !== null && !Array.isArray(v);

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

/**
 * The text is kept as its pieces (indents, keys, values, line ends: strings that exist already) and
 * joined once, and each key is written once per call. A 10,000-item plan is 210,000 lines over a few
 * dozen distinct keys; a string made for each line and kept to the end kept the young-generation
 * collector copying them, and every key was tested as a scalar again. Emitting that plan took ~960 M
 * instructions, now ~750 M (callgrind, the medians of three runs).
 */
class Emitter {
  pieces: string[] = [];
  /**
   * The pieces joined a few entries at a time: one join of a large plan's ~800,000 pieces was an
   * eighth of an import's time. Joined every 128 pieces, emitting the 10,000-item plan takes ~690 M
   * instructions rather than ~915 M (callgrind, --single-threaded, the same plan; 4,096: ~755 M).
   */
  readonly joined: string[] = [];
  private readonly keys = new Map<string, string>();

  private flush(): void {
    if (this.pieces.length > 0) this.joined.push(this.pieces.join(''));
    this.pieces = [];
  }

  join(): string {
    this.flush();
    return this.joined.join('');
  }

  private key(k: string): string {
    let written = this.keys.get(k);
    if (written === undefined) this.keys.set(k, (written = `${scalar(k)}:`));
    return written;
  }

  value(value: Plain, indent: string, lead: string): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return void this.pieces.push(lead, ' []\n');
      if (lead) this.pieces.push(lead, '\n');
      const inner = `${indent}  `;
      const dash = `${indent}- `;
      for (const entry of value) {
        if (this.pieces.length > 128) this.flush();
        if (isPlainObject(entry) && hasKeys(entry)) this.mapping(entry, inner, dash);
        else if (Array.isArray(entry) && entry.length > 0) {
          this.pieces.push(indent, '-\n');
          this.value(entry, inner, '');
        } else this.inline(entry, indent, '-');
      }
      return;
    }
    if (isPlainObject(value)) {
      if (!hasKeys(value)) return void this.pieces.push(lead, ' {}\n');
      if (lead) this.pieces.push(lead, '\n');
      this.mapping(value, indent, indent);
      return;
    }
    this.pieces.push(lead, ' ', scalar(value), '\n');
  }

  /** An empty collection or a scalar after `lead` + `key` on the line. */
  inline(value: Plain, lead: string, key: string): void {
    if (Array.isArray(value)) this.pieces.push(lead, key, ' []\n');
    else if (isPlainObject(value)) this.pieces.push(lead, key, ' {}\n');
    else this.pieces.push(lead, key, ' ', scalar(value), '\n');
  }

  /** `first` is the text before the first key (the "- " of a sequence entry, or the indent). */
  mapping(map: { [key: string]: Plain }, indent: string, first: string): void {
    let lead = first;
    const inner = `${indent}  `;
    for (const key of Object.keys(map)) {
      const v = map[key];
      if (v === undefined) continue;
      const k = this.key(key);
      if ((Array.isArray(v) && v.length > 0) || (isPlainObject(v) && hasKeys(v))) {
        this.pieces.push(lead, k, '\n');
        this.value(v, inner, '');
      } else this.inline(v, lead, k);
      lead = indent;
    }
  }
}

export function toYaml(value: unknown): string {
  if (isPlainObject(value) && !hasKeys(value)) return '{}\n';
  if (Array.isArray(value) && value.length === 0) return '[]\n';
  const e = new Emitter();
  if (isPlainObject(value)) e.mapping(value, '', '');
  else e.value(value as Plain, '', '');
  // Every value undefined: no line, as the text was before (its lines joined, then a line end).
  const text = e.join();
  return text === '' ? '\n' : text;
}
