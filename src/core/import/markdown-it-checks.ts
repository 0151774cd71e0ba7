// What markdown-it reads otherwise than micromark, found in a part's text before parsing it: such a
// part is parsed by micromark (parse-markdown.ts). Each test is a superset of what it guards.
import { markdownIt } from './markdown-it-tree.js';

/**
 * Why micromark must read `text`, or undefined when markdown-it reads it the same. Each test is a
 * superset of what it guards: a false alarm costs only speed.
 */
export function slowReason(text: string): string | undefined {
  if (text.startsWith('---')) return 'front matter';
  if (text.includes('~')) return 'strikethrough';
  // Footnotes are GFM; definitions match labels by ASCII whitespace in micromark, any in markdown-it.
  if (text.includes('[^') || text.includes(']:')) return 'definitions';
  // markdown-it trims paragraphs and headings with String.trim, micromark only spaces and tabs.
  if (UNICODE_SPACE.test(text)) return 'unicode space';
  // Before a line ending micromark drops spaces and tabs, markdown-it only spaces.
  if (TAB_AT_LINE_END.test(text)) return 'tab at a line end';
  if (unlikeFlanking(text)) return 'emphasis next to a symbol';
  if (text.includes('|') && TABLE_DELIMITER.test(text)) return 'table';
  // markdown-it takes a `>` indented four columns on a lazy line for a quote marker.
  if (INDENTED_QUOTE.test(text)) return 'indented quote marker';
  if (bracketDepth(text) > MAX_BRACKETS) return 'deep brackets';
  // A bare URL or e-mail is a link in GFM, plain text here: the same text unless it holds marks
  // that the link would keep and markdown-it would read (`__tests__`, `*`, `&amp;`, a code span).
  for (const run of autolinkRuns(text)) if (URL_MARKS.test(run)) return 'autolink literal';
  return undefined;
}

const INDENTED_QUOTE = /^[ \t>]*(?: {4}|\t)[ \t]*>/m;
const TAB_AT_LINE_END = /\t[ \t]*\n/;
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u000b\u000c]/;
const TABLE_DELIMITER = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$/m;
const AUTOLINK_HINT = /:\/\/|www\.|@/gi;
const URL_MARKS = /[_*~`\\&[\]!]/;
/** Links nest by recursion in markdown-it; deeper than this, micromark reads the part. */
const MAX_BRACKETS = 64;

const NEXT_TO_DELIMITER = /[*_][^\x00-\x7f]|[^\x00-\x7f][*_]/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Whether a `*` or `_` touches a character the two parsers class differently when deciding what
 * opens or closes emphasis: micromark reads an astral character (most emoji) as a letter, one
 * UTF-16 unit at a time, markdown-it as the symbol it is; and their Unicode tables differ in places.
 */
function unlikeFlanking(text: string): boolean {
  NEXT_TO_DELIMITER.lastIndex = 0;
  const utils = markdownIt().utils;
  for (let m = NEXT_TO_DELIMITER.exec(text); m; m = NEXT_TO_DELIMITER.exec(text)) {
    const ch = m[0].charCodeAt(0) === 42 || m[0].charCodeAt(0) === 95 ? m[0][1]! : m[0][0]!;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (PUNCTUATION.test(ch) !== utils.isPunctChar(ch) || /\s/.test(ch) !== utils.isWhiteSpace(code)) return true;
    NEXT_TO_DELIMITER.lastIndex = m.index + 1;
  }
  return false;
}

/** The runs of non-space around each `://`, `www.` or `@`: what a GFM autolink literal can span. */
function* autolinkRuns(text: string): Generator<string> {
  AUTOLINK_HINT.lastIndex = 0;
  for (let m = AUTOLINK_HINT.exec(text); m; m = AUTOLINK_HINT.exec(text)) {
    let from = m.index;
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    let to = m.index + m[0].length;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    AUTOLINK_HINT.lastIndex = to;
    yield text.slice(from, to);
  }
}

function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = text.indexOf('['); i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) max = Math.max(max, ++depth);
    else if (c === 93 && depth > 0) depth--;
  }
  return max;
}

