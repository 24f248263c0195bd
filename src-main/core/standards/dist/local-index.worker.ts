/**
 * Worker for the local-index integration test: reads and fully verifies one wheel per
 * message and answers with a summary (run under `--import tsx`).
 */
import { parentPort } from 'node:worker_threads';
import { validateCoreMetadata } from '../metadata';
import { readWheel } from './wheel';

export interface WheelSummary {
  readonly path: string;
  readonly error?: string;
  readonly files?: number;
  readonly bytes?: number;
  readonly tags?: number;
  readonly name?: string;
  readonly version?: string;
  readonly recordRows?: number;
  readonly problems?: readonly string[];
  readonly metadataProblems?: readonly string[];
  readonly filenameError?: string;
}

const port = parentPort;
if (port) {
  port.on('message', (path: string | null) => {
    if (path === null) {
      port.close();
      return;
    }
    readWheel(path).then(
      (w) =>
        port.postMessage({
          path,
          files: w.verified?.files,
          bytes: w.verified?.bytes,
          tags: w.filename?.tags.length ?? 0,
          name: w.metadata.fields.name,
          version: w.metadata.fields.version,
          recordRows: w.record.length,
          problems: w.problems.map((p) => `${p.code} ${p.path ?? ''} ${p.message}`),
          metadataProblems: validateCoreMetadata(w.metadata).map((p) => `${p.field}: ${p.message}`),
          ...(w.filenameError ? { filenameError: w.filenameError.message } : {}),
        } satisfies WheelSummary),
      (e: unknown) => port.postMessage({ path, error: `${(e as { code?: string }).code ?? ''} ${(e as Error).message}` } satisfies WheelSummary),
    );
  });
}
