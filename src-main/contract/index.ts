/**
 * Public surface of the contract. The renderer imports only from here.
 *
 * PROCEDURES lists every procedure path; STREAMS the ones that return event iterators.
 * The Electron preload and IPC adapter use these lists as allow-lists.
 */
import type { ContractRouterClient } from '@orpc/contract';
import { contract } from './router';

export { contract } from './router';
export type { Contract } from './router';
export * from './app';
export * from './dependencies';
export * from './errors';
export * from './ops';
export * from './project';
export * from './pyproject';
export * from './releases';
export * from './preload-api';
export * from './procedures';
export * from './wizard';

export type PackwrightClient = ContractRouterClient<typeof contract>;

/** Find a contract procedure by its dotted path (undefined when unknown). */
export function procedureAt(path: string): unknown {
  let node: unknown = contract;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
