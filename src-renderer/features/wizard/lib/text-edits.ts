/**
 * Apply a quick fix's text edits (UTF-16 offsets into the text they were computed for) to that
 * text, in the renderer, so a fix chosen in the wizard lands in the shared editor buffer.
 */
import type { TextEditDto } from '@contract';

export function applyTextEdits(text: string, edits: readonly Pick<TextEditDto, 'start' | 'end' | 'newText'>[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.start < 0 || e.end < e.start || e.end > text.length || e.end > limit) throw new Error('overlapping or out-of-range edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
