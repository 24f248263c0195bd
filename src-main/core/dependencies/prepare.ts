/**
 * From a request of the Dependencies workspace to a job: the root requirements (from the
 * project's pyproject.toml, pasted text, or an explicit "what if" list) and where packages come
 * from (index URLs, find-links, the machine's local index, the default index).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IndexInput, ResolveSource, RootRequirement } from '../../contract';
import { discoverLocalIndexes, type LocalIndex } from '../local-index/discover';
import { readProjectRequirements, selectRequirements } from './project-requirements';
import type { IndexSetup } from './provider-pool';
import { parseRequirementsText } from './requirements-text';
import { JobInputError } from './errors';

/** PyPI's Simple API: the default when nothing else is configured. */
export const DEFAULT_INDEX_URL = 'https://pypi.org/simple/';

/** The root requirements of a source, notes about what was skipped, and the project's Requires-Python. */
export interface PreparedSource {
  readonly requirements: RootRequirement[];
  readonly warnings: string[];
  readonly projectRequiresPython: string | null;
}

/** Read a project's pyproject.toml text ('' when missing). */
export async function readPyproject(folder: string): Promise<{ file: string; exists: boolean; text: string }> {
  const file = join(folder, 'pyproject.toml');
  try {
    return { file, exists: true, text: await readFile(file, 'utf8') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, exists: false, text: '' };
    throw err;
  }
}

/** Turn a source into root requirements. `folder` of a project source must already be checked. */
export async function prepareSource(source: ResolveSource): Promise<PreparedSource> {
  if (source.kind === 'list') {
    return { requirements: source.requirements.filter((r) => r.text.trim() !== ''), warnings: [], projectRequiresPython: null };
  }
  if (source.kind === 'requirements') {
    const { requirements, ignored } = parseRequirementsText(source.text);
    if (requirements.length === 0) throw new JobInputError('BAD_REQUEST', 'There are no requirements to resolve.', 'Paste one PEP 508 requirement per line, e.g. `requests>=2.31`.');
    return { requirements: requirements.map((r) => ({ text: r.text, origin: { kind: 'pasted', line: r.line, text: r.text } })), warnings: ignored, projectRequiresPython: null };
  }
  const text = source.text ?? (await readPyproject(source.folder)).text;
  const info = readProjectRequirements(text);
  const { requirements, problems } = selectRequirements(info, source);
  if (requirements.length === 0) {
    throw new JobInputError('BAD_REQUEST', 'The selected parts of the project declare no requirements.', 'Add dependencies to [project] dependencies, or select an extra or a dependency group.');
  }
  return { requirements, warnings: [...info.problems, ...problems], projectRequiresPython: info.requiresPython };
}

let localCache: Promise<LocalIndex[]> | null = null;

/** The machine's local indexes (discovered once per process). */
export function localIndexes(): Promise<LocalIndex[]> {
  localCache ??= discoverLocalIndexes().catch(() => []);
  return localCache;
}

/** A file:// URL for a local index folder. */
export function localIndexUrl(l: LocalIndex): string {
  return `${pathToFileURL(l.simpleDir).href}/`;
}

function checkUrl(u: string): string {
  let url: URL;
  try {
    url = new URL(u.trim());
  } catch {
    throw new JobInputError('BAD_REQUEST', `Not a URL: ${JSON.stringify(u)}`, 'Give index URLs like https://pypi.org/simple/ or file:///path/to/simple/.');
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new JobInputError('BAD_REQUEST', `Unsupported index URL scheme ${url.protocol}`, 'Use http(s):// or file://.');
  return url.href;
}

/** Where packages come from for a request. */
export async function prepareIndex(input: IndexInput, cacheDir: string | null): Promise<IndexSetup> {
  const urls = input.urls.map((u) => u.trim()).filter(Boolean).map(checkUrl);
  if (input.useLocal) for (const l of await localIndexes()) urls.push(localIndexUrl(l));
  const findLinks = input.findLinks.map((l) => l.trim()).filter(Boolean);
  const indexes = [...new Set(urls)];
  if (indexes.length === 0 && findLinks.length === 0) indexes.push(DEFAULT_INDEX_URL);
  return { indexes, findLinks, strategy: input.strategy, offline: input.offline, cacheDir };
}
