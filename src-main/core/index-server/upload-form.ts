/**
 * Streaming parse of a legacy upload (`multipart/form-data`, as twine sends it).
 *
 * Text fields are kept (bounded); the `content` part is hashed and written to a temp file as it
 * arrives, never buffered whole. When `content` exceeds the size limit, parsing stops at once
 * (the caller answers and closes the connection), so an oversized body costs neither memory nor
 * disk beyond the limit.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { createTemp, type BlobLayout, type TempFile } from './blobs';
import { MultiDigest, type FileDigests } from './digests';

export interface UploadedContent {
  readonly filename: string;
  /** The part's Content-Type ('' when absent). */
  readonly contentType: string;
  readonly tmp: TempFile;
  readonly size: number;
  readonly digests: FileDigests;
}

export interface ParsedUpload {
  /** Text fields by name, values in arrival order. */
  readonly fields: Map<string, string[]>;
  /** Names of non-`content` parts sent as files (PyPI: "<field>: Should not be a tuple."). */
  readonly fileFields: string[];
  readonly content: UploadedContent | null;
  /** `content` went over `maxFileSize`; reading stopped. */
  readonly tooLarge: boolean;
  /** A text field went over `maxFieldBytes`. */
  readonly fieldTooLarge: boolean;
}

export interface UploadLimits {
  readonly maxFileSize: number;
  readonly maxFieldBytes: number;
  readonly maxFields: number;
}

/** Parse the request; rejects on malformed multipart data. */
export function parseUpload(req: IncomingMessage, layout: BlobLayout, limits: UploadLimits): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxFileSize, fieldSize: limits.maxFieldBytes, fields: limits.maxFields, parts: limits.maxFields + 4 },
        preservePath: true,
      });
    } catch (err) {
      reject(err);
      return;
    }
    const fields = new Map<string, string[]>();
    const fileFields: string[] = [];
    let content: UploadedContent | null = null;
    let tooLarge = false;
    let fieldTooLarge = false;
    let settled = false;
    const pending: Promise<void>[] = [];
    const temps: TempFile[] = [];

    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      if (err) {
        for (const t of temps) void t.discard();
        reject(err);
      } else {
        resolve({ fields, fileFields, content, tooLarge, fieldTooLarge });
      }
    };

    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fieldTooLarge = true;
      const list = fields.get(name);
      if (list) list.push(value);
      else fields.set(name, [value]);
    });

    bb.on('file', (name, stream, info) => {
      if (name !== 'content' || content || tooLarge) {
        if (name !== 'content' && name !== 'gpg_signature') fileFields.push(name);
        stream.resume();
        return;
      }
      const job = (async () => {
        const tmp = await createTemp(layout);
        temps.push(tmp);
        const digest = new MultiDigest();
        let over = false;
        stream.on('limit', () => {
          over = true;
        });
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (over || settled) break;
          digest.update(chunk);
          await tmp.write(chunk);
        }
        if (over || (stream as unknown as { truncated?: boolean }).truncated) {
          tooLarge = true;
          await tmp.discard();
          finish();
          return;
        }
        await tmp.finish();
        // `preservePath` keeps what the client sent, so '/' and '\' reach the filename checks.
        content = { filename: info.filename ?? '', contentType: info.mimeType ?? '', tmp, size: digest.size, digests: digest.digest() };
      })();
      pending.push(job.catch((err: unknown) => finish(err)));
    });

    bb.on('close', () => {
      void Promise.all(pending).then(() => finish());
    });
    bb.on('error', (err) => finish(err));
    req.on('error', (err) => finish(err));
    req.on('aborted', () => finish(new Error('client aborted the upload')));
    req.pipe(bb);
  });
}
