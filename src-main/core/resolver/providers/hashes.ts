/**
 * File and metadata hash checks (PEP 503 `#<name>=<hex>`, PEP 691 `hashes`, PEP 658/714
 * metadata hashes): pick the strongest algorithm Node supports among those offered, and
 * compare in constant form (lower-case hex).
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { IndexError } from './errors';

/** hashlib names Node can compute, strongest first (PEP 503 allows any hashlib algorithm). */
const PREFERRED = ['sha512', 'sha384', 'sha256', 'sha224', 'sha3_512', 'sha3_384', 'sha3_256', 'sha3_224', 'sha1', 'md5'] as const;
const NODE_NAME: Readonly<Record<string, string>> = { sha3_512: 'sha3-512', sha3_384: 'sha3-384', sha3_256: 'sha3-256', sha3_224: 'sha3-224' };

/** The strongest offered hash we can check, or null. */
export function pickHash(hashes: Readonly<Record<string, string>>): { name: string; hex: string } | null {
  for (const name of PREFERRED) {
    const hex = hashes[name];
    if (hex !== undefined) return { name, hex: hex.toLowerCase() };
  }
  return null;
}

/** An incremental hasher for the picked algorithm. */
export function hasherFor(name: string): Hash {
  return createHash(NODE_NAME[name] ?? name);
}

/** Throw HASH_MISMATCH when `data` does not match the strongest offered hash. */
export function verifyHashes(data: Uint8Array, hashes: Readonly<Record<string, string>>, url: string, what: string): void {
  const picked = pickHash(hashes);
  if (!picked) return;
  const actual = hasherFor(picked.name).update(data).digest('hex');
  if (actual !== picked.hex) throw new IndexError('HASH_MISMATCH', url, `${what} has ${picked.name} ${actual}, the index says ${picked.hex}`);
}

/** The sha256 of some bytes, hex (the key of immutable cache entries). */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
