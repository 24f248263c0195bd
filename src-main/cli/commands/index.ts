/**
 * Every CLI sub-command, one file each, keyed by its name. To add one: write
 * `commands/<name>.ts` exporting `register(program: Command): void`, then add one line here:
 * `name: () => import('./file'),`. Only the command being run is loaded (fast start-up);
 * `--help` loads them all.
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;
export type CommandLoader = () => Promise<{ register: Register }>;

export const COMMANDS: Readonly<Record<string, CommandLoader>> = {
  serve: () => import('./serve'),
  check: () => import('./check'),
  index: () => import('./index-server'),
  license: () => import('./license'),
  resolve: () => import('./resolve'),
};
