/** Display helpers for the Releases workspace (sizes, times, copyable snippets). */

/** Bytes as B, KiB, MiB or GiB with one decimal. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** An ISO timestamp in the user's locale (the exact value stays in the title attribute). */
export function formatTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString();
}

/**
 * A `~/.pypirc` section for the local index. It never holds a secret: twine asks for the
 * password (a token from the Tokens section) or reads TWINE_PASSWORD.
 */
export function pypircSnippet(uploadUrl: string): string {
  return [
    '[distutils]',
    'index-servers =',
    '    packwright-local',
    '',
    '[packwright-local]',
    `repository = ${uploadUrl}`,
    'username = __token__',
    '# password: a token from the Tokens section (twine prompts for it, or set TWINE_PASSWORD)',
    '',
  ].join('\n');
}

/** Shell-safe single quoting for shown commands. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
