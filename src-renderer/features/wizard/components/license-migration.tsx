/**
 * "Migrate" for legacy license metadata (a `license = { text | file }` table, `License ::`
 * classifiers). PEP 639: tools must not fill `license` from them "without informing the user and
 * requiring unambiguous, affirmative user action" — so the proposal is shown, the user picks and
 * confirms, and only then the file changes.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { client } from '../../../api/client';
import { useWizard } from '../hooks/use-wizard';

export function LicenseMigration({ table, classifiers }: { readonly table: boolean; readonly classifiers: boolean }) {
  const w = useWizard();
  const id = useId();
  const text = w.text ?? '';
  const q = useQuery({ queryKey: ['wizard', 'license', 'migration', text, w.newProject], queryFn: () => client.wizard.license.migration({ text, folder: w.newProject ? null : w.folder }), staleTime: Infinity });
  const [choice, setChoice] = useState<string | null>(null);
  const [custom, setCustom] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const p = q.data;
  if (!p || p.status === 'nothing-to-migrate' && p.removeClassifiers.length === 0) return null;
  const picked = choice === '' ? custom.trim() : (choice ?? p.expression ?? '');
  return (
    <section className="wz-migration" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Migrate to a license expression (PEP 639)</h4>
      <p className="small">
        This file declares its license the deprecated way ({[table ? 'a license table' : null, classifiers ? 'License :: classifiers' : null].filter(Boolean).join(' and ')}). Current tools expect an SPDX expression in <code>license</code>; setuptools 77+ refuses License classifiers beside it, and PyPI rejects the combination.
      </p>
      {p.warnings.map((m, i) => (
        <p key={i} className={m.severity === 'prominent' ? 'wz-prominent' : m.severity === 'warning' ? 'wz-warn' : 'muted small'} role={m.severity === 'prominent' ? 'alert' : undefined}>
          {m.message}
        </p>
      ))}
      {p.choices.map((c, i) => (
        <p key={i} className="small">
          {c.subject ? <code>{c.subject}</code> : null} {c.reason}
        </p>
      ))}
      <fieldset>
        <legend>License to write</legend>
        {p.options.map((o) => (
          <label key={o} className="wz-radio">
            <input type="radio" name={`${id}-opt`} checked={picked === o && choice !== ''} onChange={() => setChoice(o)} /> <code>{o}</code>
          </label>
        ))}
        <label className="wz-radio">
          <input type="radio" name={`${id}-opt`} checked={choice === ''} onChange={() => setChoice('')} /> Another expression:
          <input type="text" aria-label="Another license expression" value={custom} onChange={(e) => { setCustom(e.target.value); setChoice(''); }} />
        </label>
      </fieldset>
      {p.removeClassifiers.length ? <p className="small">These classifiers will be removed: {p.removeClassifiers.map((c) => <code key={c}>{c}</code>)}</p> : null}
      <label className="wz-check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I confirm that <code>{picked || '…'}</code> is the license of every file this project ships
      </label>
      <button
        type="button"
        className="primary-inline"
        disabled={!confirmed || !picked}
        onClick={() => {
          void w.transform((t) => client.wizard.license.migrate({ text: t, folder: w.newProject ? null : w.folder, expression: picked, confirmed: true }));
          setConfirmed(false);
        }}
      >
        Migrate
      </button>
    </section>
  );
}
