/**
 * The license expression builder: a text field with autocomplete for SPDX ids, exceptions and
 * operators (AND, OR, WITH, parentheses, LicenseRef-), the canonical form shown live, and every
 * error explained at its position with near matches (packaging.licenses rules, PEP 639).
 */
import type { BackendIdDto, LicenseCheckDto } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { client } from '../../../api/client';
import { insertAt } from './license-builder-insert';

export interface LicenseBuilderProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly backend: BackendIdDto | null;
  readonly current: string | null;
  readonly onUse: (canonical: string) => void;
  readonly onRemove: () => void;
}

const OPERATORS = ['AND', 'OR', 'WITH', '(', ')', 'LicenseRef-'] as const;

function Explanation({ check, text }: { readonly check: LicenseCheckDto; readonly text: string }) {
  if (check.ok) {
    return (
      <div className="wz-license-ok" data-testid="license-canonical">
        <div>
          Canonical form: <code>{check.canonical}</code>
          {check.changed ? <span className="muted small"> (written in this form: PEP 639 asks for the SPDX spelling)</span> : null}
        </div>
        <ul className="wz-parts">
          {check.parts.map((p) => (
            <li key={`${p.kind}-${p.id}`}>
              <code>{p.id}</code> {p.name ? `— ${p.name}` : p.kind === 'license-ref' ? '— your own license: ship its text in a file listed in license-files' : p.kind === 'exception' ? '— license exception' : ''}
              {p.osiApproved ? <span className="wz-tag">OSI approved</span> : null}
              {p.family ? <span className="wz-tag">{p.family.replace(/-/g, ' ')}</span> : null}
            </li>
          ))}
        </ul>
        {check.warnings.map((w) => (
          <p key={`${w.offset}-${w.message}`} className="wz-warn">
            {w.message}
          </p>
        ))}
        {check.backendNote ? <p className="muted small">{check.backendNote}</p> : null}
      </div>
    );
  }
  const start = Math.min(check.offset, text.length);
  const end = Math.min(text.length, start + Math.max(check.length, 1));
  return (
    <div className="wz-license-error" role="alert" data-testid="license-error">
      <p>{check.message}</p>
      {text ? (
        <p className="wz-expr">
          <code>
            {text.slice(0, start)}
            <mark>{text.slice(start, end) || ' '}</mark>
            {text.slice(end)}
          </code>
        </p>
      ) : null}
      {check.hint ? <p className="hint">{check.hint}</p> : null}
      <p className="muted small">setuptools, hatchling and PyPI would say: {check.packagingMessage}</p>
    </div>
  );
}

export function LicenseBuilder({ value, onChange, backend, current, onUse, onRemove }: LicenseBuilderProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const check = useQuery({ queryKey: ['wizard', 'license', 'check', value, backend], queryFn: () => client.wizard.license.check({ expression: value, backend }), enabled: value.trim() !== '', placeholderData: keepPreviousData, staleTime: Infinity });
  const complete = useQuery({ queryKey: ['wizard', 'license', 'complete', value, cursor], queryFn: () => client.wizard.license.complete({ text: value, cursor }), enabled: open, placeholderData: keepPreviousData, staleTime: Infinity });
  const items = open ? (complete.data?.items ?? []).slice(0, 12) : [];

  const setText = (text: string, at: number) => {
    onChange(text);
    setCursor(at);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };
  const accept = (i: number) => {
    const item = items[i];
    const c = complete.data;
    if (!item || !c) return;
    const text = `${value.slice(0, c.from)}${item.insertText}${value.slice(c.to)}`;
    setText(text, c.from + item.insertText.length);
    setOpen(false);
  };
  const result = value.trim() ? check.data : undefined;
  const ok = result?.ok === true && !check.isPlaceholderData;
  return (
    <div className="wz-license-builder">
      <div className="wz-field wz-combo">
        <label htmlFor={id}>License expression</label>
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={items.length ? `${id}-opt-${active}` : undefined}
          spellCheck={false}
          autoComplete="off"
          value={value}
          placeholder="MIT, Apache-2.0, MIT OR Apache-2.0, GPL-3.0-or-later …"
          onChange={(e) => {
            onChange(e.target.value);
            setCursor(e.target.selectionStart ?? e.target.value.length);
            setOpen(true);
            setActive(0);
          }}
          onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? value.length)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (items.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
            } else if (items.length && (e.key === 'Enter' || e.key === 'Tab') && open) {
              e.preventDefault();
              accept(active);
            } else if (e.key === 'Escape') setOpen(false);
            else if (e.key === 'Enter' && ok && result.ok) onUse(result.canonical);
          }}
        />
        {items.length > 0 ? (
          <ul id={`${id}-list`} role="listbox" className="completions wz-completions" aria-label="License suggestions">
            {items.map((it, i) => (
              <li key={`${it.kind}-${it.label}`} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => accept(i)}>
                <span>{it.label}</span> {it.detail ? <span className="muted small">{it.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="wz-operators" role="group" aria-label="Insert an operator">
        {OPERATORS.map((op) => (
          <button
            key={op}
            type="button"
            onClick={() => {
              const r = insertAt(value, cursor, op);
              setText(r.text, r.cursor);
              input.current?.focus();
            }}
          >
            {op}
          </button>
        ))}
      </div>
      <div aria-live="polite">{result ? <Explanation check={result} text={value} /> : <p className="muted small">No license set. Pick one above or type an SPDX expression.</p>}</div>
      {result && !result.ok && result.suggestions.length ? (
        <div className="wz-suggest" role="group" aria-label="Did you mean">
          {result.suggestions.map((s) => (
            <button key={s} type="button" onClick={() => onChange(`${value.slice(0, result.offset)}${s}${value.slice(result.offset + result.length)}`)}>
              Use {s}
            </button>
          ))}
        </div>
      ) : null}
      <div className="wz-actions">
        <button type="button" className="primary-inline" disabled={!ok || (result.ok && result.canonical === current)} onClick={() => result?.ok && onUse(result.canonical)}>
          Use this license
        </button>
        {current ? (
          <button type="button" onClick={onRemove}>
            Remove the license
          </button>
        ) : null}
      </div>
    </div>
  );
}
