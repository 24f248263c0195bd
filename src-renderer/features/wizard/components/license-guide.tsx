/**
 * The guided license choice: what others may do with the code (family), whether an express
 * patent grant matters, and what the declared dependencies' licenses already require.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { client } from '../../../api/client';
import { useCatalogue } from '../hooks/use-catalogue';

type Family = 'public-domain-like' | 'permissive' | 'weak-copyleft' | 'strong-copyleft';
const ORDER: readonly Family[] = ['public-domain-like', 'permissive', 'weak-copyleft', 'strong-copyleft'];

function DependencyLicenses({ dependencies }: { readonly dependencies: readonly string[] }) {
  const q = useQuery({ queryKey: ['wizard', 'dependencyLicenses', dependencies], queryFn: () => client.wizard.dependencyLicenses({ requirements: [...dependencies] }), enabled: dependencies.length > 0, staleTime: 5 * 60_000 });
  if (dependencies.length === 0) return null;
  if (!q.data) return <p className="muted small">Looking up your dependencies' licenses…</p>;
  const strictest = q.data.reduce<Family | null>((acc, d) => {
    const f = d.family as Family | null;
    return f && (acc === null || ORDER.indexOf(f) > ORDER.indexOf(acc)) ? f : acc;
  }, null);
  return (
    <div className="wz-dep-licenses">
      <h4>Your dependencies' licenses</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">Dependency</th>
            <th scope="col">License</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {q.data.map((d) => (
            <tr key={d.requirement}>
              <td>
                {d.project}
                {d.version ? <span className="muted small"> {d.version}</span> : null}
              </td>
              <td>{d.expression ? <code>{d.expression}</code> : d.text ? <span title="not an SPDX expression">{d.text}</span> : <span className="muted">{d.source === 'not-found' ? 'not on the index' : 'unknown'}</span>}</td>
              <td>{d.family ? d.family.replace(/-/g, ' ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {strictest === 'strong-copyleft' ? (
        <p className="wz-warn">A dependency is under a strong copyleft license: if you distribute your program together with it, the combined work must be offered under compatible terms (GPL-family licenses, or permissive ones that are GPL-compatible such as MIT or Apache-2.0 for GPL-3.0).</p>
      ) : strictest === 'weak-copyleft' ? (
        <p className="muted small">A dependency is under a weak copyleft license: you may use any license for your own code; changes to that dependency stay under its license.</p>
      ) : null}
    </div>
  );
}

export function LicenseGuide({ dependencies, onPick }: { readonly dependencies: readonly string[]; readonly onPick: (expression: string) => void }) {
  const id = useId();
  const catalogue = useCatalogue();
  const [family, setFamily] = useState<Family>('permissive');
  const [patent, setPatent] = useState(false);
  const suggestions = useQuery({ queryKey: ['wizard', 'license', 'suggest', family, patent], queryFn: () => client.wizard.license.suggest({ family, ...(patent ? { patentGrant: true } : {}) }), staleTime: Infinity });
  return (
    <div className="wz-guide">
      <fieldset>
        <legend>What may others do with your code?</legend>
        {(catalogue.data?.licenseFamilies ?? []).map((f) => (
          <label key={f.family} className="wz-radio">
            <input type="radio" name={`${id}-family`} value={f.family} checked={family === f.family} onChange={() => setFamily(f.family as Family)} />
            <span>
              <strong>{f.title}</strong> <span className="muted small">{f.summary}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="wz-check">
        <input type="checkbox" checked={patent} onChange={(e) => setPatent(e.target.checked)} /> Contributors must grant users an express patent license
      </label>
      <ul className="wz-suggestions" aria-label="Suggested licenses">
        {(suggestions.data ?? []).map((s) => (
          <li key={s.expression}>
            <button type="button" onClick={() => onPick(s.expression)} aria-label={`Choose ${s.expression}`}>
              {s.expression}
            </button>
            <span className="small">
              {s.explanation}
              {s.osiApproved ? <span className="wz-tag">OSI approved</span> : null}
            </span>
          </li>
        ))}
        {suggestions.data?.length === 0 ? <li className="muted small">No common license of this kind has an express patent grant.</li> : null}
      </ul>
      <DependencyLicenses dependencies={dependencies} />
    </div>
  );
}
