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

function emit(value: Plain, indent: string, out: string[], prefix: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push(`${prefix} []`);
    if (prefix) out.push(prefix);
    for (const entry of value) {
      if (isPlainObject(entry) && Object.keys(entry).length > 0) emitMapping(entry, `${indent}  `, out, `${indent}- `);
      else if (Array.isArray(entry) && entry.length > 0) {
        out.push(`${indent}-`);
        emit(entry, `${indent}  `, out, '');
      } else emitInline(entry, out, `${indent}-`);
    }
    return;
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return void out.push(`${prefix} {}`);
    if (prefix) out.push(prefix);
    emitMapping(value, indent, out, indent);
    return;
  }
  out.push(`${prefix} ${scalar(value)}`);
}

function emitInline(value: Plain, out: string[], prefix: string): void {
  if (Array.isArray(value)) out.push(`${prefix} []`);
  else if (isPlainObject(value)) out.push(`${prefix} {}`);
  else out.push(`${prefix} ${scalar(value)}`);
}

/** `first` is the text before the first key (the "- " of a sequence entry, or the indent). */
function emitMapping(map: { [key: string]: Plain }, indent: string, out: string[], first: string): void {
  let lead = first;
  for (const [key, v] of Object.entries(map)) {
    if (v === undefined) continue;
    const k = `${lead}${scalar(key)}:`;
    if ((Array.isArray(v) && v.length > 0) || (isPlainObject(v) && Object.keys(v).length > 0)) {
      out.push(k);
      emit(v, Array.isArray(v) ? `${indent}  ` : `${indent}  `, out, '');
    } else emitInline(v, out, k);
    lead = indent;
  }
}

export function toYaml(value: unknown): string {
  const out: string[] = [];
  if (isPlainObject(value) && Object.keys(value).length > 0) emitMapping(value, '', out, '');
  else if (isPlainObject(value)) out.push('{}');
  else if (Array.isArray(value) && value.length === 0) out.push('[]');
  else emit(value as Plain, '', out, '');
  return `${out.join('\n')}\n`;
}
