/**
 * The single smallest replacement turning `before` into `after` (common prefix and suffix kept),
 * so an outside change lands in the editor as an edit, not a reload: the cursor, undo stack and
 * markers elsewhere survive.
 */
export interface MinimalEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function minimalEdit(before: string, after: string): MinimalEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair.
  if (start > 0 && start < before.length && /[\uDC00-\uDFFF]/.test(before[start] ?? '')) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && /[\uDC00-\uDFFF]/.test(before[endB] ?? '')) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}
