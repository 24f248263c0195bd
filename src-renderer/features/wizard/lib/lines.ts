/**
 * One-item-per-line text for list fields (optional dependencies, dependency groups, keywords):
 * blank lines are dropped; in dependency groups `include: NAME` stands for
 * `{ include-group = "NAME" }` (PEP 735).
 */
export type GroupItem = string | { readonly includeGroup: string };

export function toLines(items: readonly GroupItem[]): string {
  return items.map((i) => (typeof i === 'string' ? i : `include: ${i.includeGroup}`)).join('\n');
}

export function fromLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function groupFromLines(text: string): GroupItem[] {
  return fromLines(text).map((l) => {
    const m = /^include:\s*(.+)$/i.exec(l);
    return m?.[1] ? { includeGroup: m[1].trim() } : l;
  });
}

/** Comma-separated keywords. */
export function keywordsFromText(text: string): string[] {
  return text.split(',').map((k) => k.trim()).filter(Boolean);
}
