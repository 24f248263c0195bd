import { toAppError } from './errors';

/** Run a handler body, mapping anything core throws into the typed envelope. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}
