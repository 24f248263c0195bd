/** PEP 503 name normalization, for the summary (the full names module lives in core/standards). */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
