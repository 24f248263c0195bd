/** Test helper: capture what a CLI command writes to stdout and stderr (restore with vi.restoreAllMocks). */
import { vi } from 'vitest';

export function captureOutput(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  return { out: () => out, err: () => err };
}
