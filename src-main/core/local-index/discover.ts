/**
 * Find the machine's local PEP 503 file index (for offline integration tests and benchmarks).
 *
 * Order: PACKWRIGHT_LOCAL_INDEX (one or more paths or file:// URLs, separated by
 * whitespace, as pip's extra-index-url), then pip's own configuration (`pip config list`: index-url,
 * extra-index-url), keeping only file:// indexes whose folder exists. Never a hard-coded path.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalIndex {
  /** Absolute folder of the PEP 503 `simple/` root (one sub-folder per normalized project). */
  readonly simpleDir: string;
  /** Where it was found. */
  readonly source: 'env' | 'pip-config';
}

function toDir(entry: string): string | null {
  const trimmed = entry.trim().replace(/^['"]|['"]$/g, '');
  if (!trimmed) return null;
  let dir: string;
  if (trimmed.startsWith('file://')) {
    try {
      dir = fileURLToPath(trimmed);
    } catch {
      return null;
    }
  } else if (trimmed.startsWith('/')) {
    dir = trimmed;
  } else {
    return null;
  }
  dir = dir.replace(/\/+$/, '');
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

/** Parse `pip config list` output lines like `global.extra-index-url='file:///a file:///b'`. */
export function parsePipConfigList(text: string): string[] {
  const urls: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[^=]*\.(index-url|extra-index-url)='?([^']*)'?$/.exec(line.trim());
    if (m?.[2]) urls.push(...m[2].split(/\s+/).filter(Boolean));
  }
  return urls;
}

/** All local file indexes, in configuration order; empty when none is configured. */
export async function discoverLocalIndexes(env: NodeJS.ProcessEnv = process.env): Promise<LocalIndex[]> {
  const fromEnv = env.PACKWRIGHT_LOCAL_INDEX;
  if (fromEnv) {
    return fromEnv
      .split(/\s+/)
      .map(toDir)
      .filter((d): d is string => d !== null)
      .map((simpleDir) => ({ simpleDir, source: 'env' as const }));
  }
  const python = env.PACKWRIGHT_PYTHON ?? 'python3';
  let out = '';
  try {
    out = (await run(python, ['-m', 'pip', 'config', 'list'], { timeout: 20_000 })).stdout;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const found: LocalIndex[] = [];
  for (const url of parsePipConfigList(out)) {
    const dir = toDir(url);
    if (dir && !seen.has(dir)) {
      seen.add(dir);
      found.push({ simpleDir: dir, source: 'pip-config' });
    }
  }
  return found;
}
