// The one Markdown dialect plans are read in (CommonMark + GFM + YAML front matter), and how a large
// plan is parsed: in parts, one after another.
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { slowReason } from './markdown-it-checks.js';
import { Diverged, markdownItTree } from './markdown-it-tree.js';
import { endsClean, findSplits, shiftPositions, type SplitPoint } from './split-markdown.js';

// micromark-extension-frontmatter#5: an opening `---` that never closes (a leading thematic break)
// turns every later list into a paragraph, so the extension is used only when the front matter closes.
const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Parts of about this size are parsed one after another: micromark holds every event of the text it
 * parses until the end, and events that live long enough to leave V8's young generation make garbage
 * collection expensive. The 600 KB synthetic plan, parsed whole, peaks at ~350 MB RSS and spends a
 * third of its time collecting; in 4 KB parts it stays near 170 MB and takes ~30% less time
 * (16 KB parts: ~15% less).
 */
export const PART_CHARS = 4 * 1024;

/**
 * GFM, with one pass left out. Autolink literals must be tokenized: inside a bare URL, `__tests__` or
 * `*.md` would otherwise read as emphasis and lose their marks. But mdast's second look for them, a
 * find-and-replace over every text node (~15% of a large parse), only turns text the tokenizer left
 * alone into links with that same text, and the importer reads a link as its text.
 */
function options(text: string) {
  const frontMatter = CLOSED_FRONT_MATTER.test(text);
  const autolinkLiterals = { ...gfmAutolinkLiteralFromMarkdown(), transforms: [] };
  return {
    extensions: [gfmAutolinkLiteral(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem(), ...(frontMatter ? [frontmatter(['yaml'])] : [])],
    mdastExtensions: [
      autolinkLiterals,
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
      ...(frontMatter ? [frontmatterFromMarkdown(['yaml'])] : []),
    ],
  };
}

/**
 * The trees of `text`'s parts, in order, each with the positions it has in the whole text: cut about
 * every `partChars` where it can be (split-markdown.ts says why each part then parses as it does in
 * the whole); `Infinity` gives one part. A part cut between two items of one list hands its first
 * list's items to the list the part before ended with (continueList), so the trees read in order are
 * still the one-parse tree. When a part leaves a block open at its cut, or does not continue the list
 * it should (the scan reads only top-level constructs), the rest of the text, from the last part not
 * yet given out, is parsed as one part.
 * Parts are given out once nothing later can change them, so a consumer that lets go of each keeps
 * memory flat; a long list is held until it ends.
 */
export function* parseParts(text: string, partChars = PART_CHARS): Generator<Root> {
  const opts = options(text);
  const cuts = text.length >= 2 * partChars ? findSplits(text, partChars) : [];
  const ends: SplitPoint[] = [...cuts, { index: text.length, lines: -1 }];
  let from: SplitPoint = { index: 0, lines: 0 };
  /** Parts not given out yet, and where the first of them starts. */
  let held: Root[] = [];
  let heldFrom = from;
  for (const to of ends) {
    const part = parsePart(text.slice(from.index, to.index), opts);
    const clean = to.lines < 0 || endsClean(part, to.index - from.index);
    shiftPositions(part, from.lines, from.index);
    if (!clean || (from.list && !continueList(held, part, from.list.blankBefore))) {
      // The rest in one parse: taking in one part at a time could re-parse it once per cut.
      const rest = parsePart(text.slice(heldFrom.index), opts);
      shiftPositions(rest, heldFrom.lines, heldFrom.index);
      yield rest;
      return;
    }
    held.push(part);
    if (!to.list) {
      yield* held;
      held = [];
      heldFrom = to;
    }
    from = to;
  }
}

/**
 * One part's tree: markdown-it's, unless the part holds what it reads otherwise than micromark
 * (markdown-it-tree.ts), which then reads it. `micromarkOnly`: the old reading alone, for comparing.
 */
function parsePart(part: string, opts: ReturnType<typeof options>): Root {
  if (!micromarkOnly && slowReason(part) === undefined) {
    try {
      return markdownItTree(part);
    } catch (error) {
      if (!(error instanceof Diverged)) throw error;
    }
  }
  return fromMarkdown(part, opts);
}

/** micromark's tree of a whole text, as the importer reads it without markdown-it. */
export const micromarkTree = (text: string): Root => fromMarkdown(text, options(text));

let micromarkOnly = false;
/** Tests only: parse every part with micromark, as before markdown-it, to compare the two. */
export function useMicromarkOnly(on: boolean): void {
  micromarkOnly = on;
}

/**
 * Moves the items of `next`'s first list into the list the held parts end with, the list they
 * continue, and returns true; false (nothing changed) if the trees are not shaped so.
 */
export function continueList(held: readonly Root[], next: Root, blankBefore: boolean): boolean {
  const list = held.findLast((part) => part.children.length > 0)?.children.at(-1);
  const rest = next.children[0];
  if (list?.type !== 'list' || rest?.type !== 'list' || list.ordered !== rest.ordered) return false;
  if (rest.position?.start.offset !== next.position?.start.offset) return false;
  list.children.push(...rest.children);
  // A blank line between two items makes the whole list loose.
  list.spread = Boolean(list.spread || rest.spread || blankBefore);
  if (list.position && rest.position) list.position.end = rest.position.end;
  next.children.shift();
  return true;
}

/** The document's top-level nodes, parsed part by part as they are asked for. */
export function* topLevelNodes(text: string, partChars = PART_CHARS): Generator<RootContent> {
  for (const part of parseParts(text, partChars)) yield* part.children;
}
