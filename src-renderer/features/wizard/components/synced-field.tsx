/**
 * Text fields that show the file's value and write back what the user types: a short pause,
 * leaving the field or Enter commits it. While the user has uncommitted typing the field keeps
 * it; otherwise it follows the file, so edits made in the editor appear here.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

const DELAY_MS = 400;

function useSynced(external: string, commit: (value: string) => void) {
  const [local, setLocal] = useState(external);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ local, external, commit });
  latest.current = { local, external, commit };

  useEffect(() => {
    if (timer.current === null) setLocal(external);
  }, [external]);
  useEffect(() => () => flush(), []);

  function flush() {
    if (timer.current === null) return;
    clearTimeout(timer.current);
    timer.current = null;
    const { local: v, external: e, commit: c } = latest.current;
    if (v !== e) c(v);
  }
  const change = (v: string) => {
    setLocal(v);
    latest.current.local = v;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, DELAY_MS);
  };
  return { local, change, flush };
}

export interface SyncedFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly hint?: ReactNode;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly invalid?: boolean;
  readonly testId?: string;
  readonly list?: string;
  /** Read-only (e.g. the key is listed in `dynamic`: the build backend sets it). */
  readonly disabled?: boolean;
}

export function SyncedField({ label, value, onCommit, hint, placeholder, multiline, rows, invalid, testId, list, disabled }: SyncedFieldProps) {
  const id = useId();
  const { local, change, flush } = useSynced(value, onCommit);
  const common = {
    id,
    value: local,
    placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-testid': testId,
    readOnly: disabled,
    onBlur: flush,
  };
  return (
    <div className="wz-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          list={list}
          spellCheck={false}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') flush();
          }}
        />
      )}
      {hint ? (
        <div id={`${id}-hint`} className="wz-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
