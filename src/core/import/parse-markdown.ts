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
import { endsClean, findSplits, shiftPositions } from './split-markdown.js';

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
 * the whole); `Infinity` gives one part. When a part leaves a block open at its cut (the scan reads only
 * top-level constructs), the rest of the text is parsed as one part.
 * One part is parsed at a time, so a consumer that lets go of each keeps memory flat.
 */
export function* parseParts(text: string, partChars = PART_CHARS): Generator<Root> {
  const opts = options(text);
  const cuts = text.length >= 2 * partChars ? findSplits(text, partChars) : [];
  const ends = [...cuts, { index: text.length, lines: -1 }];
  let from = { index: 0, lines: 0 };
  for (let i = 0; i < ends.length; i++) {
    let to = ends[i]!;
    let part = fromMarkdown(text.slice(from.index, to.index), opts);
    if (to.lines >= 0 && !endsClean(part, to.index - from.index)) {
      // The rest in one parse: taking in one part at a time could re-parse it once per cut.
      to = ends.at(-1)!;
      i = ends.length - 1;
      part = fromMarkdown(text.slice(from.index), opts);
    }
    shiftPositions(part, from.lines, from.index);
    yield part;
    from = to;
  }
}

/** The document's top-level nodes, parsed part by part as they are asked for. */
export function* topLevelNodes(text: string, partChars = PART_CHARS): Generator<RootContent> {
  for (const part of parseParts(text, partChars)) yield* part.children;
}
