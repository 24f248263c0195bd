/**
 * The Simple Repository API client: project pages from an index (PEP 503 HTML or PEP 691 JSON,
 * chosen by content negotiation) over http(s) or file://, parsed into ProjectPages.
 *
 * PEP 691 negotiation: the Accept header lists the formats with q-values (JSON preferred, as
 * pip and uv do); the response's Content-Type decides the parser, and a `vnd.pypi.simple.vN`
 * with N ≠ 1 is refused (PEP 629: unknown major version). Pages are fetched once per client
 * (concurrent callers share the request).
 */
import { normalizeName } from '../../standards/names';
import { IndexError } from './errors';
import { Fetcher } from './fetcher';
import type { FetcherOptions } from './fetcher';
import type { ProjectPage } from './model';
import { parseHtmlProjectPage } from './parse-html';
import { parseJsonProjectPage } from './parse-json';

export const JSON_V1 = 'application/vnd.pypi.simple.v1+json';
export const HTML_V1 = 'application/vnd.pypi.simple.v1+html';

/** Which page format to ask for. */
export type PageFormat = 'any' | 'json' | 'html';

/** Accept headers per format (q-values per RFC 9110 §12.5.1; JSON first as PEP 691 suggests). */
export const ACCEPT: Readonly<Record<PageFormat, string>> = {
  any: `${JSON_V1}, ${HTML_V1};q=0.2, text/html;q=0.01`,
  json: JSON_V1,
  html: `${HTML_V1}, text/html;q=0.01`,
};

/** Size limits (bytes). */
export interface ClientLimits {
  readonly maxPageBytes: number;
  readonly maxMetadataBytes: number;
  readonly maxFileBytes: number;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimits = Object.freeze({
  maxPageBytes: 100 * 1024 ** 2,
  maxMetadataBytes: 16 * 1024 ** 2,
  maxFileBytes: 4 * 1024 ** 3,
});

export interface IndexClientOptions extends FetcherOptions {
  readonly limits?: Partial<ClientLimits>;
  /** Default page format (per call overridable). */
  readonly format?: PageFormat;
}

/** Ensure an index URL ends with `/` so project names resolve below it. */
export function indexBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The project page URL (PEP 503: `<index>/<normalized-name>/`). */
export function projectUrl(indexUrl: string, name: string): string {
  return new URL(`${encodeURIComponent(normalizeName(name))}/`, indexBase(indexUrl)).href;
}

function parserFor(contentType: string | undefined, body: Buffer, url: string): 'json' | 'html' {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const versioned = /^application\/vnd\.pypi\.simple\.(v\d+|latest)\+(json|html)$/.exec(mime);
  if (versioned) {
    if (versioned[1] !== 'v1' && versioned[1] !== 'latest') {
      throw new IndexError('UNSUPPORTED_API_VERSION', url, `Server answered ${mime}; this client understands Simple API v1`);
    }
    return versioned[2] as 'json' | 'html';
  }
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'application/json') return 'json';
  if (mime === '' || mime === 'application/octet-stream') {
    // No type (a file:// tree, a bare static server): sniff.
    const first = body.subarray(0, 64).toString('utf8').trimStart();
    return first.startsWith('{') ? 'json' : 'html';
  }
  throw new IndexError('CONTENT_TYPE', url, `Unexpected Content-Type ${JSON.stringify(mime)} for a project page`);
}

export class IndexClient {
  readonly fetcher: Fetcher;
  readonly limits: ClientLimits;
  private readonly pages = new Map<string, Promise<ProjectPage | null>>();

  constructor(readonly options: IndexClientOptions = {}) {
    this.fetcher = new Fetcher(options);
    this.limits = { ...DEFAULT_CLIENT_LIMITS, ...options.limits };
  }

  /** The project's page on `indexUrl`, or null when the index has no such project (404/410). */
  projectPage(indexUrl: string, name: string, opts: { signal?: AbortSignal; format?: PageFormat } = {}): Promise<ProjectPage | null> {
    const format = opts.format ?? this.options.format ?? 'any';
    const url = projectUrl(indexUrl, name);
    const key = `${format} ${url}`;
    let page = this.pages.get(key);
    if (!page) {
      page = this.load(url, normalizeName(name), format, opts.signal);
      this.pages.set(key, page);
      // A failure (or a cancellation) must not poison later calls.
      page.catch(() => this.pages.delete(key));
    }
    return page;
  }

  /** Forget pages read in this session (the disk cache stays). */
  forgetPages(): void {
    this.pages.clear();
  }

  private async load(url: string, project: string, format: PageFormat, signal?: AbortSignal): Promise<ProjectPage | null> {
    const accept = ACCEPT[format];
    const res = await this.fetcher.get(url, { headers: { accept }, variant: accept, maxBytes: this.limits.maxPageBytes, ...(signal ? { signal } : {}) });
    if (res.status === 404 || res.status === 410) return null;
    if (res.status !== 200) throw new IndexError('HTTP_STATUS', res.url, `Index answered HTTP ${res.status}`);
    const kind = parserFor(res.headers['content-type'], res.body, res.url);
    return kind === 'json' ? parseJsonProjectPage(res.body, res.url, project) : parseHtmlProjectPage(res.body, res.url, project);
  }
}
