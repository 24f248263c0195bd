/**
 * The on-disk cache (cacache: content-addressed, safe for concurrent writers and processes).
 *
 * Two kinds of entries: HTTP responses under their request key, with their headers for the
 * rules in cache-policy.ts; and immutable blobs (metadata by content hash, METADATA read from a
 * wheel of known hash) that never need revalidation.
 */
import cacache from 'cacache';
import type { StoredResponse } from './cache-policy';

const PREFIX = 'packwright-index:v1:';

export class HttpCache {
  constructor(readonly dir: string) {}

  /** A stored HTTP response, or null. */
  async get(key: string): Promise<{ body: Buffer; meta: StoredResponse } | null> {
    try {
      const hit = await cacache.get(this.dir, PREFIX + key);
      return { body: hit.data, meta: hit.metadata as StoredResponse };
    } catch {
      return null;
    }
  }

  async put(key: string, body: Buffer, meta: StoredResponse): Promise<void> {
    await cacache.put(this.dir, PREFIX + key, body, { metadata: meta });
  }

  /** Record new headers for the same body (after a 304). */
  async refresh(key: string, body: Buffer, meta: StoredResponse): Promise<void> {
    await this.put(key, body, meta);
  }

  async delete(key: string): Promise<void> {
    await cacache.rm.entry(this.dir, PREFIX + key).catch(() => undefined);
  }

  /** An immutable blob, or null. */
  async getBlob(key: string): Promise<Buffer | null> {
    try {
      return (await cacache.get(this.dir, `${PREFIX}blob:${key}`)).data;
    } catch {
      return null;
    }
  }

  async putBlob(key: string, data: Buffer): Promise<void> {
    await cacache.put(this.dir, `${PREFIX}blob:${key}`, data);
  }
}
