/**
 * Pasted requirements: one PEP 508 requirement per line, in the subset of pip's
 * requirements-file format that needs no file system (pip "Requirements File Format"):
 * `#` comments (at the start of a line or after whitespace), blank lines, and `\`
 * continuations. Option lines (`-r`, `-c`, `--index-url`, …) are not followed; each is
 * reported so the user knows it was ignored. `-e`/`--editable` lines are reported too.
 */

/** One requirement line, with its 1-based line number. */
export interface PastedRequirement {
  readonly text: string;
  readonly line: number;
}

/** Split pasted text into requirements and notes about ignored lines. */
export function parseRequirementsText(text: string): { requirements: PastedRequirement[]; ignored: string[] } {
  const requirements: PastedRequirement[] = [];
  const ignored: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i] ?? '';
    // pip joins continuation lines before stripping comments.
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] ?? '');
    const stripped = line.replace(/(^|\s)#.*$/, '').trim();
    if (stripped === '') continue;
    if (stripped.startsWith('-')) {
      ignored.push(`line ${start + 1}: option \`${stripped}\` is not supported here and was ignored`);
      continue;
    }
    requirements.push({ text: stripped, line: start + 1 });
  }
  return { requirements, ignored };
}
