import { describe, expect, it } from 'vitest';
import { isFresh, parseCacheControl } from './cache-policy';
import { buildZip } from './testing/zip-writer';
import { findCentralDirectory, parseContentRange } from './zip-tail';

describe('central directory location (APPNOTE 4.3.14-4.3.16)', () => {
  const zip = buildZip([{ name: 'a.txt', data: 'hello' }, { name: 'b.txt', data: 'world' }], 'a comment');

  it('finds it from any tail that holds the end record, comment included', () => {
    for (const len of [zip.length, 80]) {
      const found = findCentralDirectory(zip.subarray(zip.length - len), zip.length);
      expect(found).toEqual({ kind: 'found', cdOffset: 2 * 30 + 10 + 10, cdSize: 2 * 46 + 10, entries: 2 });
    }
    expect(findCentralDirectory(zip.subarray(0, 40), zip.length).kind).toBe('not-found');
  });

  it('reads ZIP64 records, asking for the record when it lies outside the tail', () => {
    const cdOffset = 6_000_000_000;
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(70_000n, 32);
    rec.writeBigUInt64LE(5_000_000n, 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const recordAt = cdOffset + 5_000_000;
    locator.writeBigUInt64LE(BigInt(recordAt), 8);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
    const total = recordAt + 56 + 20 + 22;
    const withRecord = Buffer.concat([rec, locator, eocd]);
    expect(findCentralDirectory(withRecord, total)).toEqual({ kind: 'found', cdOffset, cdSize: 5_000_000, entries: 70_000 });
    const tailOnly = Buffer.concat([locator, eocd]);
    expect(findCentralDirectory(tailOnly, total)).toEqual({ kind: 'need-zip64-record', offset: recordAt });
    expect(findCentralDirectory(tailOnly, total, rec)).toMatchObject({ kind: 'found', cdOffset });
  });

  it('parses Content-Range and rejects impossible ones', () => {
    expect(parseContentRange('bytes 10-19/100')).toEqual({ start: 10, end: 19, total: 100 });
    expect(parseContentRange('bytes 10-19/*')).toBeNull();
    expect(parseContentRange('bytes 20-10/100')).toBeNull();
    expect(parseContentRange('bytes 0-100/100')).toBeNull();
  });
});

describe('Cache-Control freshness (RFC 9111, RFC 8246)', () => {
  const stored = (headers: Record<string, string>, storedAt = 0) => ({ url: 'u', status: 200, headers, storedAt });
  it('honours max-age, Age, no-cache, immutable and Expires', () => {
    expect(parseCacheControl('Max-Age=60, no-cache, IMMUTABLE')).toEqual({ maxAge: 60, noCache: true, noStore: false, immutable: true });
    expect(isFresh(stored({ 'cache-control': 'max-age=60' }), 59_000)).toBe(true);
    expect(isFresh(stored({ 'cache-control': 'max-age=60' }), 61_000)).toBe(false);
    expect(isFresh(stored({ 'cache-control': 'max-age=60', age: '30' }), 31_000)).toBe(false);
    expect(isFresh(stored({ 'cache-control': 'max-age=600, no-cache' }), 1)).toBe(false);
    expect(isFresh(stored({ 'cache-control': 'immutable' }), 1e12)).toBe(true);
    expect(isFresh(stored({ etag: '"x"' }), 1)).toBe(false);
    const date = 'Wed, 01 Jan 2025 00:00:00 GMT';
    expect(isFresh(stored({ date, expires: 'Wed, 01 Jan 2025 00:10:00 GMT' }), 300_000)).toBe(true);
    expect(isFresh(stored({ date, expires: '0' }), 1)).toBe(false);
  });
});
