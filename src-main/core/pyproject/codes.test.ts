import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from './codes';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}

describe('diagnostic codes', () => {
  it('lists every code the validators emit, and nothing else', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const used = new Set<string>();
    for (const f of sources(dir)) {
      if (f.endsWith('codes.ts')) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(/'(PW-[A-Z0-9]+-\d{3})'/g)) used.add(m[1] as string);
    }
    expect([...used].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });
});
