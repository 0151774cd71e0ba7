// The fast reading of a plan's part: markdown-it's tokens made into the mdast the importer reads, as
// micromark (parse-markdown.ts) would give it. markdown-it parses CommonMark in a fifth of micromark's
// time, but it is not the same dialect: what it reads otherwise (GFM tables, strikethrough, footnotes,
// autolink literals, front matter, Unicode trimming) is found before it parses (markdown-it-checks.ts), and
// what only shows while converting throws Diverged; either way that part goes to micromark.
// test/core/markdown-it-tree.test.ts compares both readings on every fixture and on generated plans.
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/** The part needs micromark. */
export class Diverged extends Error {}

let parser: MarkdownIt | undefined;

export function markdownIt(): MarkdownIt {
  if (parser) return parser;
  // Never hit: nesting is refused far below (nesting.ts) and brackets are bounded above.
  const md = new MarkdownIt('commonmark', { html: true });
  (md.options as { maxNesting: number }).maxNesting = 10_000;
  // The importer reads a link as its text, exactly as written: no URL is checked, encoded or decoded.
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.core.ruler.before('inline', 'task_list', taskListChecks);
  parser = md;
  return md;
}

// GFM's task check: `[ ]`, `[x]` or `[X]` opening the first paragraph of a list item, then a space or
// tab before more text, or a line ending (micromark-extension-gfm-task-list-item).
const CHECK = /^\[([ \txX\n])\]/;

function taskListChecks(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue;
    const first = tokens[i + 1]!;
    const inline = tokens[i + 2]!;
    if (inline.type !== 'inline' || !CHECK.test(inline.content)) continue;
    if (first.type !== 'paragraph_open') throw new Diverged('check in a heading');
    const content = inline.content;
    const after = content.charCodeAt(3);
    let rest: string;
    if (after === 10) {
      rest = content.slice(4).replace(/^[ \t]+/, '');
    } else if (after === 32 || after === 9) {
      // mdast drops the one character after the check; more spaces stay. Spaces up to a line end differ.
      if (/^[ \t]*(?:\n|$)/.test(content.slice(4))) throw new Diverged('check before a line end');
      rest = content.slice(4);
    } else continue;
    tokens[i]!.meta = { checked: content[1] === 'x' || content[1] === 'X' };
    inline.content = rest;
  }
}

/** The tree of `text` (one part: parse-markdown.ts), as micromark reads it; throws Diverged where it cannot tell. */
export function markdownItTree(text: string): Root {
  const tokens = markdownIt().parse(text, {});
  const lines = lineStarts(text);
  const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: point(lines, text, lines.length - 1, text.length) } };
  const stack: { node: Nodes; token?: Token }[] = [{ node: root }];
  let open = false;
  /** The last block was indented code: micromark reads a list right after one as if it interrupted a paragraph. */
  let afterCode = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const parent = stack[stack.length - 1]!.node as Extract<Nodes, { children: unknown }>;
    const map = token.map;
    const at = (): Root['position'] => (map ? blockPosition(lines, text, map) : undefined);
    if (token.nesting === -1) {
      const done = stack.pop()!;
      if (done.node.type === 'list') done.node.spread = done.node.spread || done.token?.meta?.loose === true;
      continue;
    }
    let node: RootContent | undefined;
    const wasAfterCode = afterCode;
    afterCode = token.type === 'code_block';
    switch (token.type) {
      case 'heading_open': node = { type: 'heading', depth: Number(token.tag.slice(1)) as 1, children: [], position: at() }; break;
      case 'paragraph_open':
        node = { type: 'paragraph', children: [], position: at() };
        if (!token.hidden) markLoose(stack);
        break;
      case 'blockquote_open': node = { type: 'blockquote', children: [], position: at() }; break;
      case 'bullet_list_open': case 'ordered_list_open':
        if (wasAfterCode) throw new Diverged('list right after indented code');
        node = { type: 'list', ordered: token.type === 'ordered_list_open', spread: false, children: [], position: at() };
        break;
      case 'list_item_open': {
        // `* *`: micromark reads a list item holding `*`, markdown-it one holding an empty list.
        if (tokens[t + 1]?.type === 'list_item_close') throw new Diverged('empty list item');
        const checked = (token.meta as { checked?: boolean } | null)?.checked;
        node = { type: 'listItem', spread: false, checked: checked ?? null, children: [], position: at() };
        break;
      }
      case 'inline': {
        if (unevenDelimiters(token.content)) throw new Diverged('uneven emphasis marks');
        (parent as { children: PhrasingContent[] }).children = phrasing(token.children ?? []);
        continue;
      }
      case 'fence': case 'code_block': {
        if (map && map[1] >= lines.length - 1) open = true;
        if (map && token.type === 'code_block') {
          // micromark cuts indented code in two after a list or quote in places (a tab, a container's end).
          if (token.content.replace(/\n+$/, '').includes('\n')) throw new Diverged('indented code of several lines');
          // …and reads it as a lazy line of a quote's paragraph where markdown-it ends the quote.
          if (map[0] > 0 && text.slice(lines[map[0] - 1], lines[map[0]]).trim() !== '') throw new Diverged('indented code after a line');
        }
        const info = token.info.replace(/^[ \t]+/, '').match(/^[^ \t]*/)![0];
        node = { type: 'code', lang: info ? markdownIt().utils.unescapeAll(info) : null, value: codeValue(token), position: at() };
        break;
      }
      case 'html_block':
        if (map && map[1] >= lines.length - 1) open = true;
        node = { type: 'html', value: token.content.replace(/\n$/, ''), position: at() };
        break;
      case 'hr': node = { type: 'thematicBreak', position: at() }; break;
      default: throw new Diverged(`token ${token.type}`);
    }
    parent.children.push(node as never);
    if (token.nesting === 1) stack.push({ node, token });
  }
  const last = root.children.at(-1);
  // A fence or HTML block running to the part's end was left open at the cut: endsClean must say so.
  if (open && last?.position) last.position.end = { ...root.position!.end };
  return root;
}

/**
 * Emphasis marks of one kind in runs of unequal lengths, or of three or more. Only then does a run get
 * used in part, and micromark then applies the rule of three to what is left of the runs, markdown-it
 * (and CommonMark's reference) to the runs as written: `***a****b*` reads differently.
 */
function unevenDelimiters(content: string): boolean {
  const first = [0, 0];
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c !== 42 && c !== 95) continue;
    let j = i + 1;
    while (content.charCodeAt(j) === c) j++;
    const kind = c === 42 ? 0 : 1;
    const length = j - i;
    if (length >= 3 || (first[kind] !== 0 && first[kind] !== length)) return true;
    first[kind] = length;
    i = j - 1;
  }
  return false;
}

/** A paragraph shown in a list makes the list loose (markdown-it hides a tight list's paragraphs). */
function markLoose(stack: { node: Nodes; token?: Token }[]): void {
  const item = stack[stack.length - 1];
  const list = stack[stack.length - 2];
  if (item?.node.type === 'listItem' && list?.node.type === 'list') list.node.spread = true;
}

function codeValue(token: Token): string {
  const value = token.content.replace(/\n$/, '');
  // mdast leaves indented code's trailing blank lines out.
  return token.type === 'code_block' ? value.replace(/(?:\n[ \t]*)+$/, '') : value;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function point(lines: number[], text: string, line: number, offset: number) {
  return { line: line + 1, column: offset - lines[line]! + 1, offset: Math.min(offset, text.length) };
}

/** From the block's first character to the end of its last line that is not blank. */
function blockPosition(lines: number[], text: string, [from, to]: [number, number]): Root['position'] {
  let start = lines[from]!;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  let last = Math.max(from, to - 1);
  const lineEnd = (l: number): number => (l + 1 < lines.length ? lines[l + 1]! - 1 : text.length);
  while (last > from && text.slice(lines[last]!, lineEnd(last)).trim() === '') last--;
  return { start: point(lines, text, from, start), end: point(lines, text, last, lineEnd(last)) };
}

type Parent = { type: string; children: PhrasingContent[] };

/** Inline tokens → phrasing nodes, with a stack: emphasis may nest thousands deep. */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const root: Parent = { type: 'root', children: [] };
  const stack: Parent[] = [root];
  for (const t of tokens) {
    const parent = stack[stack.length - 1]!;
    switch (t.type) {
      case 'text': case 'text_special': addText(parent, t.content); break;
      case 'softbreak': addText(parent, '\n'); break;
      case 'hardbreak': parent.children.push({ type: 'break' }); break;
      case 'code_inline': parent.children.push({ type: 'inlineCode', value: t.content }); break;
      case 'html_inline': parent.children.push({ type: 'html', value: t.content }); break;
      case 'image': parent.children.push({ type: 'image', url: '', alt: altText(t.children ?? []) }); break;
      case 'em_open': case 'strong_open': case 'link_open': {
        const node = (t.type === 'em_open' ? { type: 'emphasis', children: [] } : t.type === 'strong_open' ? { type: 'strong', children: [] } : { type: 'link', url: '', children: [] }) as Parent;
        parent.children.push(node as PhrasingContent);
        stack.push(node);
        break;
      }
      case 'em_close': case 'strong_close': case 'link_close': stack.pop(); break;
      default: throw new Diverged(`inline token ${t.type}`);
    }
  }
  return root.children;
}

function addText(parent: Parent, value: string): void {
  if (value === '') return;
  const last = parent.children.at(-1);
  if (last?.type === 'text') last.value += value;
  else parent.children.push({ type: 'text', value });
}

/** An image's alt as mdast-util-to-string makes it: values and nested alts, a hard break adding nothing. */
function altText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'softbreak') out += '\n';
    else if (t.type === 'image') out += altText(t.children ?? []);
  }
  return out;
}
