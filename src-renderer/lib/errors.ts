/** Turn whatever a call threw into the contract's error shape for display. */
import { toErrorShape, type AppErrorShape } from '@contract';

export function describeError(err: unknown): AppErrorShape {
  return toErrorShape(err);
}
