// Text out of mdast nodes, as the importer reads it.
import type { List, ListItem, Nodes, Paragraph } from 'mdast';

export const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;
/**
 * Plain text of a node; unlike mdast-util-to-string, a hard line break reads as a space. Walked with a
 * stack, not recursion: emphasis can nest thousands deep within one line.
 */
export function toString(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'break') out += ' ';
    else if ('value' in n && typeof n.value === 'string') out += n.value;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    else if (n.type === 'image') out += n.alt ?? '';
  }
  return out;
}
export const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A checkbox anywhere in the list, however deep. */
export const hasCheckbox = (l: List): boolean =>
  l.children.some((n) => n.checked != null || n.children.some((c) => c.type === 'list' && hasCheckbox(c)));

/** A list item's title; `**Bold** - rest` keeps the bold part as the title and the rest as detail. */
export function itemTitle(li: ListItem): { title: string; detail?: string } {
  const para = li.children.find((n): n is Paragraph => n.type === 'paragraph');
  if (!para) return { title: clean(toString(li)) };
  const first = para.children[0];
  const text = clean(toString(para));
  if (first?.type === 'strong') {
    const head = clean(toString(first));
    const rest = text.slice(text.indexOf(head) + head.length).replace(/^\s*[-–—:]\s*/, '').trim();
    if (head && rest) return { title: head, detail: rest };
  }
  return { title: text };
}
