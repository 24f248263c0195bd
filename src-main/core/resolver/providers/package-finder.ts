/**
 * Several indexes plus find-links locations, combined by an explicit strategy (the index
 * strategies of uv; pip only has the last):
 * - `first-index`: the first index (in the order given) that lists the project is the only one
 *   used for it — uv's default, and the defence against dependency confusion;
 * - `unsafe-first-match`: all indexes are read; each version comes from the first index that
 *   lists it;
 * - `unsafe-best-match`: all files of all indexes are merged (pip's behaviour).
 * Find-links files are always added (as pip and uv do). A file name seen twice keeps its first
 * listing.
 */
import { normalizeName } from '../../standards/names';
import { FindLinksLocation, findLinksUrl } from './find-links';
import type { IndexClient, PageFormat } from './index-client';
import { isIndexError } from './errors';
import type { IndexFileEntry, ProjectPage } from './model';

export type IndexStrategy = 'first-index' | 'unsafe-first-match' | 'unsafe-best-match';

export interface IndexSources {
  /** Index URLs (`…/simple/`), highest priority first. */
  readonly indexes: readonly string[];
  /** Folders (paths or file:// URLs) or HTML pages of distribution files. */
  readonly findLinks?: readonly string[];
  /** Default `first-index`. */
  readonly strategy?: IndexStrategy;
  /** Page format asked of each index (default: negotiated, JSON preferred). */
  readonly format?: PageFormat;
}

/** Where a project's files came from. */
export interface ProjectFiles {
  readonly name: string;
  readonly files: readonly IndexFileEntry[];
  /** The index pages read (null where the index does not have the project). */
  readonly pages: readonly { readonly index: string; readonly page: ProjectPage | null }[];
  /** False when no index and no find-links location has the project. */
  readonly found: boolean;
  readonly warnings: readonly string[];
}

function dedupe(files: readonly IndexFileEntry[]): IndexFileEntry[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    if (seen.has(f.filename)) return false;
    seen.add(f.filename);
    return true;
  });
}

export class PackageFinder {
  private readonly findLinks: FindLinksLocation[];
  /** Indexes that could not be reached, with the reason (skipped from then on). */
  private readonly unreachable = new Map<string, string>();

  constructor(
    readonly client: IndexClient,
    readonly sources: IndexSources,
  ) {
    this.findLinks = (sources.findLinks ?? []).map((l) => new FindLinksLocation(findLinksUrl(l), client));
  }

  get strategy(): IndexStrategy {
    return this.sources.strategy ?? 'first-index';
  }

  private fetchPage(index: string, name: string, signal?: AbortSignal): Promise<ProjectPage | null> {
    return this.client.projectPage(index, name, { ...(signal ? { signal } : {}), ...(this.sources.format ? { format: this.sources.format } : {}) });
  }

  /**
   * An index that cannot be reached (DNS, refused connection, timeout) is skipped with a
   * warning when other sources remain, as pip does ("Could not fetch URL …"), so an offline
   * machine still resolves from its local index; with nothing else to ask, the error stands.
   */
  private async page(index: string, name: string, signal?: AbortSignal): Promise<ProjectPage | null> {
    if (this.unreachable.has(index)) return null;
    try {
      return await this.fetchPage(index, name, signal);
    } catch (err) {
      const others = this.sources.indexes.some((i) => i !== index && !this.unreachable.has(i)) || this.findLinks.length > 0;
      if (!others || !isIndexError(err, 'NETWORK', 'TIMEOUT')) throw err;
      this.unreachable.set(index, err.message);
      return null;
    }
  }

  /** Warnings about skipped indexes (one per index). */
  get skippedIndexes(): readonly string[] {
    return [...this.unreachable].map(([index, why]) => `index ${index} could not be reached and was skipped: ${why}`);
  }

  /** Every file of `name` the sources offer, combined by the strategy. */
  async projectFiles(rawName: string, signal?: AbortSignal): Promise<ProjectFiles> {
    const name = normalizeName(rawName);
    const pages: { index: string; page: ProjectPage | null }[] = [];
    const linked = Promise.all(this.findLinks.map((l) => l.filesFor(name, signal)));
    if (this.strategy === 'first-index') {
      // Sequential on purpose: later indexes are not even asked once one has the project.
      for (const index of this.sources.indexes) {
        const page = await this.page(index, name, signal);
        pages.push({ index, page });
        if (page && page.files.length > 0) break;
      }
    } else {
      const all = await Promise.all(this.sources.indexes.map((index) => this.page(index, name, signal)));
      all.forEach((page, i) => pages.push({ index: this.sources.indexes[i] as string, page }));
    }
    let files: IndexFileEntry[] = [];
    if (this.strategy === 'unsafe-first-match') {
      const owner = new Map<string, number>();
      pages.forEach(({ page }, i) => page?.files.forEach((f) => f.version !== null && !owner.has(f.version) && owner.set(f.version, i)));
      pages.forEach(({ page }, i) => page?.files.forEach((f) => (f.version === null || owner.get(f.version) === i) && files.push(f)));
    } else {
      for (const { page } of pages) if (page) files.push(...page.files);
    }
    files = dedupe([...files, ...(await linked).flat()]);
    const warnings = [...pages.flatMap(({ page }) => page?.warnings ?? []), ...this.skippedIndexes];
    return { name, files, pages, found: files.length > 0 || pages.some((p) => p.page !== null), warnings };
  }
}
