/**
 * Every CLI sub-command, one file each. To add one: write `commands/<name>.ts` exporting
 * `register(program: Command): void`, then add it to this list (one line).
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const COMMANDS: readonly (() => Promise<{ register: Register }>)[] = [
  () => import('./serve'),
  () => import('./check'),
  () => import('./license'),
];
