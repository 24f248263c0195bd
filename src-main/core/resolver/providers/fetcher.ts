/**
 * Cached, bounded, observable fetching: the one place the index client touches the network.
 *
 * http(s) responses go through the on-disk HTTP cache (fresh → served; stale with validators
 * → conditional request; 304 → served from cache); offline mode serves whatever is cached and
 * fails with OFFLINE_MISS otherwise. file:// URLs are read directly (never cached: they are
 * already local). Every network request passes through one TaskQueue, so prefetching cannot
 * exceed the concurrency limit, and is counted for progress.
 */
import { conditionalHeaders, isFresh, isStorable, keptHeaders, mergeRevalidated } from './cache-policy';
import type { StoredResponse } from './cache-policy';
import { IndexError, redactUrl } from './errors';
import { HttpCache } from './http-cache';
import { TaskQueue } from './queue';
import { reapplyCredentials, stripCredentials, transportFetch } from './transport';
import type { TransportResponse } from './transport';

/** Progress, as it happens. */
export type FetchEvent =
  | { readonly kind: 'request'; readonly url: string }
  | { readonly kind: 'response'; readonly url: string; readonly status: number; readonly bytes: number }
  | { readonly kind: 'bytes'; readonly url: string; readonly bytes: number }
  | { readonly kind: 'cache-hit'; readonly url: string; readonly revalidated: boolean };

/** Running totals. */
export interface FetchStats {
  /** Requests sent over the network (http/https). */
  requests: number;
  /** Bytes received over the network. */
  bytes: number;
  /** Responses served from the cache without a request. */
  cacheHits: number;
  /** Responses revalidated with a 304. */
  revalidated: number;
  /** Local files read (file:// URLs). */
  fileReads: number;
}

export interface FetcherOptions {
  /** Folder of the on-disk cache; null disables it. */
  readonly cacheDir?: string | null;
  /** Never use the network; serve from the cache or fail with OFFLINE_MISS. */
  readonly offline?: boolean;
  /** Revalidate every cached response, even fresh ones. */
  readonly refresh?: boolean;
  /** Most concurrent network requests (default 8). */
  readonly concurrency?: number;
  /** Longest wait for headers or the next chunk (default 30 s). */
  readonly idleTimeoutMs?: number;
  readonly onEvent?: (e: FetchEvent) => void;
  /** Clock (tests). */
  readonly now?: () => number;
}

export interface FetchOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  /** Use the HTTP cache for this request (default true; range requests never are). */
  readonly cache?: boolean;
  /** Extra key material (e.g. the Accept header: pages vary by Accept). */
  readonly variant?: string;
  readonly sink?: (chunk: Buffer) => Promise<void> | void;
  readonly acceptStatus?: (status: number) => boolean;
}

export interface FetchResult extends TransportResponse {
  readonly fromCache: boolean;
}

export class Fetcher {
  readonly stats: FetchStats = { requests: 0, bytes: 0, cacheHits: 0, revalidated: 0, fileReads: 0 };
  readonly cache: HttpCache | null;
  readonly queue: TaskQueue;
  readonly offline: boolean;

  constructor(readonly options: FetcherOptions = {}) {
    this.cache = options.cacheDir ? new HttpCache(options.cacheDir) : null;
    this.queue = new TaskQueue(options.concurrency ?? 8);
    this.offline = options.offline ?? false;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private emit(e: FetchEvent): void {
    this.options.onEvent?.(e);
  }

  /** A network (or local file) request, through the queue, counted. */
  private async send(url: string, opts: FetchOptions, extraHeaders: Record<string, string> = {}): Promise<TransportResponse> {
    const local = url.startsWith('file:');
    if (!local && this.offline) throw new IndexError('OFFLINE_MISS', url, 'Offline mode and no cached copy');
    const task = async (): Promise<TransportResponse> => {
      if (local) this.stats.fileReads++;
      else {
        this.stats.requests++;
        this.emit({ kind: 'request', url });
      }
      const res = await transportFetch({
        url,
        headers: { ...opts.headers, ...extraHeaders },
        maxBytes: opts.maxBytes,
        idleTimeoutMs: this.options.idleTimeoutMs ?? 30_000,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.sink ? { sink: opts.sink } : {}),
        ...(opts.acceptStatus ? { acceptStatus: opts.acceptStatus } : {}),
        onBytes: (n) => {
          if (local) return;
          this.stats.bytes += n;
          this.emit({ kind: 'bytes', url, bytes: n });
        },
      });
      if (!local) this.emit({ kind: 'response', url, status: res.status, bytes: res.bytes });
      return res;
    };
    return local ? task() : this.queue.run(task, opts.signal);
  }

  private fromStored(body: Buffer, meta: StoredResponse, revalidated: boolean, requestUrl: string): FetchResult {
    if (revalidated) this.stats.revalidated++;
    else this.stats.cacheHits++;
    this.emit({ kind: 'cache-hit', url: meta.url, revalidated });
    return { status: meta.status, url: reapplyCredentials(meta.url, requestUrl), headers: meta.headers, body, bytes: body.length, fromCache: true };
  }

  /** GET `url`, honouring the cache; statuses are returned, transport failures thrown. */
  async get(url: string, opts: FetchOptions): Promise<FetchResult> {
    const cache = this.cache && (opts.cache ?? true) && !opts.sink && !opts.acceptStatus && !url.startsWith('file:') ? this.cache : null;
    if (!cache) return { ...(await this.send(url, opts)), fromCache: false };
    // Keys are stored in clear in the cache index: never with a password in them.
    const key = `http:${opts.variant ?? ''}:${redactUrl(url)}`;
    const stored = await cache.get(key);
    if (stored && (this.offline || (!this.options.refresh && isFresh(stored.meta, this.now())))) return this.fromStored(stored.body, stored.meta, false, url);
    if (this.offline) throw new IndexError('OFFLINE_MISS', url, 'Offline mode and no cached copy');
    const res = await this.send(url, opts, stored ? conditionalHeaders(stored.meta) : {});
    if (res.status === 304 && stored) {
      const meta = mergeRevalidated(stored.meta, res.headers, this.now());
      await cache.refresh(key, stored.body, meta);
      return this.fromStored(stored.body, meta, true, url);
    }
    if (isStorable(res.status, res.headers)) {
      await cache.put(key, res.body, { url: stripCredentials(res.url), status: res.status, headers: keptHeaders(res.headers), storedAt: this.now() });
    } else if (stored && res.status === 200) {
      await cache.delete(key);
    }
    return { ...res, fromCache: false };
  }

  /** An immutable cached blob (metadata by hash), or null. */
  async getBlob(key: string): Promise<Buffer | null> {
    if (!this.cache) return null;
    const blob = await this.cache.getBlob(key);
    if (blob) {
      this.stats.cacheHits++;
      this.emit({ kind: 'cache-hit', url: key, revalidated: false });
    }
    return blob;
  }

  async putBlob(key: string, data: Buffer): Promise<void> {
    await this.cache?.putBlob(key, data);
  }
}
