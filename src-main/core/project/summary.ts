/**
 * Read a project folder's pyproject.toml into the summary the Project view shows.
 *
 * Syntax errors are reported with 1-based line and column (TOML v1.0.0, as pyproject.toml
 * requires). Values are read leniently here: deep validation is core/pyproject's job.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectSummary } from '../../contract';
import { parseDocument } from '../pyproject/toml/parse';
import { normalizeName } from '../standards/names';
import { backendFamily } from './backends';

export const PYPROJECT = 'pyproject.toml';

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function table(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Summarise already-read text (pure; used by the reader and by tests). */
export function summarizePyproject(folder: string, text: string, modifiedAt: string | null): ProjectSummary {
  const file = join(folder, PYPROJECT);
  const empty = { folder, file, modifiedAt, name: null, normalizedName: null, version: null, dynamic: [], requiresPython: null, backend: null };
  // The same parser and wording as the validator, so the summary and the Problems list agree.
  const parsed = parseDocument(text);
  if (parsed.syntaxError || !parsed.value) {
    const e = parsed.syntaxError;
    return { ...empty, status: 'invalid-toml', tomlError: { message: e?.message ?? 'invalid TOML', line: e?.range.start.line ?? 1, column: e?.range.start.column ?? 1 } };
  }
  const doc = parsed.value as Record<string, unknown>;
  const project = table(doc.project);
  const buildSystem = doc['build-system'] === undefined ? null : table(doc['build-system']);
  const name = str(project.name);
  const buildBackend = buildSystem ? str(buildSystem['build-backend']) : null;
  return {
    folder,
    file,
    modifiedAt,
    status: 'ok',
    name,
    normalizedName: name === null ? null : normalizeName(name),
    version: str(project.version),
    dynamic: strings(project.dynamic),
    requiresPython: str(project['requires-python']),
    backend: { buildBackend, family: backendFamily(buildBackend), requires: buildSystem ? strings(buildSystem.requires) : [] },
    tomlError: null,
  };
}

/** Read `<folder>/pyproject.toml`; status `missing` when the folder has none. */
export async function readProjectSummary(folder: string): Promise<ProjectSummary> {
  const file = join(folder, PYPROJECT);
  let text: string;
  let modifiedAt: string;
  try {
    const [t, s] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    text = t;
    modifiedAt = s.mtime.toISOString();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { folder, file, status: 'missing', name: null, normalizedName: null, version: null, dynamic: [], requiresPython: null, backend: null, tomlError: null, modifiedAt: null };
    }
    throw err;
  }
  return summarizePyproject(folder, text, modifiedAt);
}
