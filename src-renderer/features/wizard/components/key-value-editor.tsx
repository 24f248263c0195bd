/**
 * A table of `name = "value"` strings (scripts, URLs, entry points): one row per key, edited in
 * place; a row for a new key; removing a key removes its line from the file.
 */
import { useId, useState } from 'react';
import { SyncedField } from './synced-field';

export interface KeyValueEditorProps {
  readonly title: string;
  readonly table: Readonly<Record<string, string>>;
  readonly keyLabel: string;
  readonly valueLabel: string;
  readonly valuePlaceholder: string;
  readonly onChange: (table: Record<string, string>) => void;
  readonly addLabel?: string;
}

export function KeyValueEditor({ title, table, keyLabel, valueLabel, valuePlaceholder, onChange, addLabel }: KeyValueEditorProps) {
  const id = useId();
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const entries = Object.entries(table);
  const add = () => {
    const k = newKey.trim();
    if (!k || !newValue.trim()) return;
    onChange({ ...table, [k]: newValue.trim() });
    setNewKey('');
    setNewValue('');
  };
  return (
    <fieldset className="wz-kv">
      <legend>{title}</legend>
      {entries.length === 0 ? <p className="muted small">None yet.</p> : null}
      {entries.map(([k, v]) => (
        <div key={k} className="wz-kv-row">
          <SyncedField label={`${valueLabel} for ${k}`} value={v} onCommit={(nv) => onChange({ ...table, [k]: nv })} />
          <button
            type="button"
            className="wz-remove"
            aria-label={`Remove ${k}`}
            onClick={() => {
              const next = { ...table };
              delete next[k];
              onChange(next);
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="wz-kv-add">
        <div className="wz-field">
          <label htmlFor={`${id}-k`}>{keyLabel}</label>
          <input id={`${id}-k`} type="text" value={newKey} spellCheck={false} onChange={(e) => setNewKey(e.target.value)} />
        </div>
        <div className="wz-field">
          <label htmlFor={`${id}-v`}>{valueLabel}</label>
          <input
            id={`${id}-v`}
            type="text"
            value={newValue}
            spellCheck={false}
            placeholder={valuePlaceholder}
            onChange={(e) => setNewValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
        </div>
        <button type="button" onClick={add} disabled={!newKey.trim() || !newValue.trim()}>
          {addLabel ?? 'Add'}
        </button>
      </div>
    </fieldset>
  );
}
