// `- [ ] Ship the release notes @alice`: a name at the end of an item's text is its owner. Only at the
// end, after a space: an address (ops@example.com) or a package (@types/node) inside the text stays text.

const TRAILING_OWNER = /\s+@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})$/u;

/** The title without its trailing `@name`, and the name; the title as it was when there is none. */
export function splitOwner(title: string): { title: string; owner?: string } {
  const m = TRAILING_OWNER.exec(title);
  if (!m) return { title };
  const rest = title.slice(0, m.index).trimEnd();
  // "@alice" alone is a title, not an owner of an untitled item.
  return rest === '' ? { title } : { title: rest, owner: m[1]!.replace(/[._-]+$/, '') };
}
