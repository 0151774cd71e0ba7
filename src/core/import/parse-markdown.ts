// The one Markdown dialect plans are read in (CommonMark + GFM + YAML front matter), and how a large
// plan is parsed: in parts, one after another.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { endsClean, findSplits, mergeParts, shiftPositions } from './split-markdown.js';

// micromark-extension-frontmatter#5: an opening `---` that never closes (a leading thematic break)
// turns every later list into a paragraph, so the extension is used only when the front matter closes.
const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Parts of about this size are parsed one after another: micromark holds every event of the text it
 * parses until the end, so a 600 KB plan parsed whole peaks at ~300 MB and spends a third of its time
 * collecting garbage; in 16 KB parts it stays near 120 MB and takes ~20% less time.
 */
export const PART_CHARS = 16 * 1024;

/**
 * GFM without autolink literals: the importer reads a link as its text, which is the literal itself,
 * so finding them (a check at every `w`, `h`, `@` and a pass over every text node) changes nothing
 * it reads and cost ~15% of a large parse. Tables, task lists, strikethrough and footnotes do change
 * what it reads.
 */
function options(text: string) {
  const frontMatter = CLOSED_FRONT_MATTER.test(text);
  return {
    extensions: [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem(), ...(frontMatter ? [frontmatter(['yaml'])] : [])],
    mdastExtensions: [
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
      ...(frontMatter ? [frontmatterFromMarkdown(['yaml'])] : []),
    ],
  };
}

/**
 * The tree of `text`, parsed in parts of about `partChars` where it can be cut (split-markdown.ts says
 * why that is exact); `Infinity` parses it whole.
 */
export function parseMarkdownTree(text: string, partChars = PART_CHARS): Root {
  const opts = options(text);
  const cuts = text.length >= 2 * partChars ? findSplits(text, partChars) : [];
  if (cuts.length === 0) return fromMarkdown(text, opts);
  const parts: Root[] = [];
  let from = { index: 0, lines: 0 };
  for (const to of [...cuts, { index: text.length, lines: -1 }]) {
    const partText = text.slice(from.index, to.index);
    const part = fromMarkdown(partText, opts);
    // A block still open at a cut (the scan reads only top-level constructs): parse it whole.
    if (to.lines >= 0 && !endsClean(part, partText.length)) return fromMarkdown(text, opts);
    shiftPositions(part, from.lines, from.index);
    parts.push(part);
    from = to;
  }
  return mergeParts(parts);
}
