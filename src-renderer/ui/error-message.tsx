import { describeError } from '../lib/errors';

/** An error as a sentence and, when the Node side gave one, a hint. */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  const e = describeError(error);
  return (
    <div className="error-message" role="alert">
      <strong>{e.message}</strong>
      {e.hint ? <p className="hint">{e.hint}</p> : null}
    </div>
  );
}
