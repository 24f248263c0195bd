/** "What if": edit or drop any of the root requirements, add constraints, re-resolve. */
import type { RootRequirement } from '@contract';
import { useDependenciesUi } from '../store';
import { originText } from './node-details';

/** The "what if" editor of the root requirements. */
export function WhatIfPanel({ requirements, busy, onRun }: { readonly requirements: readonly RootRequirement[]; readonly busy: boolean; readonly onRun: () => void }) {
  const { edits, extraConstraints, setEdit, setExplore } = useDependenciesUi();
  const changed = Object.keys(edits).length > 0 || extraConstraints.trim() !== '';
  return (
    <details className="deps-whatif" open={changed || undefined}>
      <summary>What if… (edit the requirements and re-resolve)</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onRun();
        }}
      >
        <ol className="deps-whatif-list">
          {requirements.map((r, i) => {
            const e = edits[i];
            const dropped = e === null;
            return (
              <li key={`${i}-${r.text}`}>
                <input
                  aria-label={`Requirement ${i + 1} (${originText(r)})`}
                  value={dropped ? r.text : (e ?? r.text)}
                  disabled={dropped}
                  spellCheck={false}
                  onChange={(ev) => setEdit(i, ev.target.value === r.text ? undefined : ev.target.value)}
                />
                <label className="check">
                  <input type="checkbox" checked={dropped} onChange={(ev) => setEdit(i, ev.target.checked ? null : undefined)} />
                  drop
                </label>
                <span className="muted small">{originText(r)}</span>
              </li>
            );
          })}
        </ol>
        <label className="field-label" htmlFor="deps-whatif-constraints">
          Extra constraints, one per line (limit versions without adding packages)
        </label>
        <textarea id="deps-whatif-constraints" className="deps-textarea" rows={2} spellCheck={false} value={extraConstraints} onChange={(e) => setExplore({ extraConstraints: e.target.value })} />
        <div className="deps-actions">
          <button type="submit" className="primary-inline" disabled={busy || !changed}>
            Re-resolve with these changes
          </button>
        </div>
      </form>
    </details>
  );
}
