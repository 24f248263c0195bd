/**
 * Access log: one JSON object per line, in request-completion order.
 *
 * Secrets never reach it: the Authorization header is not logged (only the public token id of
 * a recognised token), and the capability part of stage URLs is shortened to 4 characters.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export interface AccessEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly bytes: number;
  /** Response Content-Type ('' when none). */
  readonly type: string;
  readonly ms: number;
  readonly ua: string;
  /** Public id of the API token used, '-' when none. */
  readonly token: string;
}

/** Replace capability URLs' secret part (`/stage/<token>/…`) with a short prefix. */
export function redactPath(path: string): string {
  return path.replace(/^\/stage\/([^/]{4})[^/]*/, '/stage/$1…').replace(/([?&](?:token|password)=)[^&]*/gi, '$1…');
}

export class AccessLog {
  private readonly stream: WriteStream | null;

  constructor(
    file: string | null,
    private readonly echo: ((line: string) => void) | null = null,
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true });
    this.stream = file ? createWriteStream(file, { flags: 'a' }) : null;
  }

  write(entry: AccessEntry): void {
    const line = JSON.stringify({ ...entry, path: redactPath(entry.path) });
    this.stream?.write(`${line}\n`);
    this.echo?.(line);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.stream ? this.stream.end(resolve) : resolve()));
  }
}
