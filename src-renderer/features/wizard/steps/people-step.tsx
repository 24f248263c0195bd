/** Authors and maintainers: `{ name, email }` tables (either may be left out, not both). */
import type { PersonDto } from '@contract';
import { useId, useState } from 'react';
import { SyncedField } from '../components/synced-field';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

function AddPerson({ singular, onAdd }: { readonly singular: string; readonly onAdd: (p: PersonDto) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const add = () => {
    if (!name.trim() && !email.trim()) return;
    onAdd({ ...(name.trim() ? { name: name.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) });
    setName('');
    setEmail('');
  };
  return (
    <div className="wz-person wz-add">
      <div className="wz-field">
        <label htmlFor={`${id}-n`}>New {singular}: name</label>
        <input id={`${id}-n`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="wz-field">
        <label htmlFor={`${id}-e`}>New {singular}: email</label>
        <input id={`${id}-e`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
      </div>
      <button type="button" onClick={add} disabled={!name.trim() && !email.trim()}>
        Add {singular}
      </button>
    </div>
  );
}

function People({ title, people, onChange }: { readonly title: string; readonly people: readonly PersonDto[]; readonly onChange: (p: PersonDto[]) => void }) {
  const set = (i: number, change: Partial<PersonDto>) => onChange(people.map((p, j) => (i === j ? { ...p, ...change } : p)));
  const singular = title.replace(/s$/, '').toLowerCase();
  return (
    <fieldset className="wz-people">
      <legend>{title}</legend>
      {people.map((p, i) => (
        <div key={i} className="wz-person">
          <SyncedField label={`Name of ${singular} ${i + 1}`} value={p.name ?? ''} onCommit={(s) => set(i, { name: s.trim() || undefined })} />
          <SyncedField label={`Email of ${singular} ${i + 1}`} value={p.email ?? ''} onCommit={(s) => set(i, { email: s.trim() || undefined })} />
          <button type="button" className="wz-remove" aria-label={`Remove ${singular} ${i + 1}`} onClick={() => onChange(people.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <AddPerson singular={singular} onAdd={(p) => onChange([...people, p])} />
    </fieldset>
  );
}

export function PeopleStep() {
  const w = useWizard();
  const v = useValues();
  if (!v) return null;
  return (
    <>
      <People title="Authors" people={v.values.authors} onChange={(authors) => void w.apply({ authors })} />
      <People title="Maintainers" people={v.values.maintainers} onChange={(maintainers) => void w.apply({ maintainers })} />
      <p className="muted small">Names must not contain commas; emails must be valid. Both are optional, but each entry needs one.</p>
      <StepProblems step="people" />
    </>
  );
}
