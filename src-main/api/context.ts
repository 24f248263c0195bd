/** What every procedure handler receives: the core services and the shell's capabilities. */
import type { Shell } from '../contract';
import type { Services } from '../core/services';

export interface ShellAdapter {
  readonly kind: Shell;
  /** Native folder picker; absent in browser mode. */
  readonly pickFolder?: () => Promise<string | null>;
}

export interface ApiContext {
  readonly services: Services;
  readonly shell: ShellAdapter;
}
