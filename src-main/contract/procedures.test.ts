import { describe, expect, it } from 'vitest';
import { contract, PROCEDURES, STREAMS } from './index';

function paths(node: unknown, prefix = ''): string[] {
  if (typeof node === 'object' && node !== null && '~orpc' in node) return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe('contract allow-lists', () => {
  it('PROCEDURES lists exactly the contract procedures', () => {
    expect([...PROCEDURES].sort()).toEqual(paths(contract).sort());
  });

  it('STREAMS are exactly the procedures whose output is an event iterator', () => {
    const streaming = paths(contract).filter((p) => {
      let node: unknown = contract;
      for (const k of p.split('.')) node = (node as Record<string, unknown>)[k];
      const schema = (node as { '~orpc': { outputSchema?: { '~standard'?: { vendor?: string } } } })['~orpc'].outputSchema;
      return schema?.['~standard']?.vendor === 'orpc';
    });
    expect([...STREAMS].sort()).toEqual(streaming.sort());
  });
});
