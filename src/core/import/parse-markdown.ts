// The one Markdown dialect plans are read in (CommonMark + GFM + YAML front matter), in a module of
// its own so the parallel parser's worker thread bundles the parser and nothing of the importer.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

// micromark-extension-frontmatter#5: an opening `---` that never closes (a leading thematic break)
// turns every later list into a paragraph, so the extension is used only when the front matter closes.
const CLOSED_FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function parseMarkdownTree(text: string): Root {
  const closed = CLOSED_FRONT_MATTER.test(text);
  return fromMarkdown(text, {
    extensions: closed ? [gfm(), frontmatter(['yaml'])] : [gfm()],
    mdastExtensions: closed ? [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] : [gfmFromMarkdown()],
  });
}
