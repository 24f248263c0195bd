/**
 * A path field with folder completion (ARIA combobox): ↓/↑ move through suggestions, Tab or →
 * completes the highlighted one, Enter opens the typed (or highlighted) folder.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useFolderCompletion } from '../hooks/use-folder-completion';

export interface FolderFieldProps {
  readonly onOpen: (folder: string) => void;
  readonly busy: boolean;
}

export function FolderField({ onOpen, busy }: FolderFieldProps) {
  const [value, setValue] = useState('');
  const [active, setActive] = useState(-1);
  const listId = useId();
  const completion = useFolderCompletion(value);
  const entries = (completion.data?.entries ?? []).filter((e) => e !== value.replace(/\/$/, ''));
  const open = entries.length > 0 && value.length > 0;

  const complete = (entry: string) => {
    setValue(`${entry}/`);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, entries.length - 1));
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if ((e.key === 'Tab' || e.key === 'ArrowRight') && open && active >= 0) {
      e.preventDefault();
      complete(entries[active] as string);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = active >= 0 ? entries[active] : value;
      if (chosen) onOpen(chosen.length > 1 ? chosen.replace(/\/$/, '') : chosen);
    } else if (e.key === 'Escape') {
      setActive(-1);
    }
  };

  return (
    <form
      className="folder-field"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onOpen(value.length > 1 ? value.replace(/\/$/, '') : value);
      }}
    >
      <label htmlFor={`${listId}-input`}>Project folder</label>
      <div className="combo">
        <input
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          placeholder="/path/to/your/project"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={busy || !value}>
          Open
        </button>
      </div>
      {open ? (
        <ul id={listId} role="listbox" className="completions" aria-label="Matching folders">
          {entries.map((entry, i) => (
            <li
              key={entry}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                complete(entry);
              }}
            >
              {entry}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
