/**
 * Trove classifiers as a searchable tree (pypa/trove-classifiers): tick to add, untick to
 * remove. Classifiers PyPI would reject — unknown, deprecated — are listed with the file's
 * diagnostics and their fixes. `License ::` ones are deprecated by PEP 639: the license step
 * replaces them.
 */
import type { ClassifierNodeDto } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { client } from '../../../api/client';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

function matches(node: ClassifierNodeDto, words: readonly string[]): boolean {
  const p = node.path.toLowerCase();
  return words.every((w) => p.includes(w)) || node.children.some((c) => matches(c, words));
}

function Node({ node, selected, words, toggle }: { readonly node: ClassifierNodeDto; readonly selected: ReadonlySet<string>; readonly words: readonly string[]; readonly toggle: (path: string, on: boolean) => void }) {
  const visible = node.children.filter((c) => words.length === 0 || matches(c, words));
  const count = [...selected].filter((s) => s.startsWith(`${node.path} :: `)).length;
  const box = node.selectable ? (
    <label className="wz-check">
      <input type="checkbox" aria-label={node.path} checked={selected.has(node.path)} disabled={node.licenseClassifier} onChange={(e) => toggle(node.path, e.target.checked)} />
      <span>{node.children.length ? `${node.label} (this classifier itself)` : node.label}</span>
    </label>
  ) : (
    <span>{node.label}</span>
  );
  if (node.children.length === 0) return <li>{box}</li>;
  return (
    <li>
      <details open={words.length > 0 || undefined}>
        <summary>
          {node.label}
          {count ? <span className="wz-tag">{count} selected</span> : null}
          {node.licenseClassifier ? <span className="muted small"> — deprecated: use the License step (PEP 639)</span> : null}
        </summary>
        {node.selectable ? <div className="wz-self">{box}</div> : null}
        <ul>
          {visible.map((c) => (
            <Node key={c.path} node={c} selected={selected} words={words} toggle={toggle} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function ClassifiersStep() {
  const w = useWizard();
  const v = useValues();
  const id = useId();
  const [query, setQuery] = useState('');
  const tree = useQuery({ queryKey: ['wizard', 'classifiers'], queryFn: () => client.wizard.classifiers(), staleTime: Infinity });
  const words = useMemo(() => query.toLowerCase().split(/\s+/).filter(Boolean), [query]);
  if (!v) return null;
  const current = v.values.classifiers;
  const selected = new Set(current);
  const toggle = (path: string, on: boolean) => void w.apply({ classifiers: on ? [...current, path] : current.filter((c) => c !== path) });
  const roots = (tree.data?.roots ?? []).filter((r) => words.length === 0 || matches(r, words));
  const deprecated = words.length ? (tree.data?.deprecated ?? []).filter((d) => words.every((x) => d.classifier.toLowerCase().includes(x))) : [];
  return (
    <>
      <StepProblems step="classifiers" />
      {current.length ? (
        <ul className="wz-chips" aria-label="Selected classifiers">
          {current.map((c, i) => (
            <li key={`${c}-${i}`}>
              <span>{c}</span>
              <button type="button" aria-label={`Remove classifier ${c}`} onClick={() => void w.apply({ classifiers: current.filter((_, j) => j !== i) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No classifiers yet. They help people find the project on PyPI (Python versions, audience, topic).</p>
      )}
      <div className="wz-field">
        <label htmlFor={id}>Search classifiers</label>
        <input id={id} type="search" value={query} placeholder="python 3.12, typed, web" onChange={(e) => setQuery(e.target.value)} />
      </div>
      {deprecated.length ? (
        <ul className="wz-deprecated" aria-label="Deprecated classifiers">
          {deprecated.map((d) => (
            <li key={d.classifier}>
              <span className="wz-bad">Deprecated, PyPI rejects it:</span> {d.classifier}
              {d.replacements.map((r) => (
                <button key={r} type="button" disabled={selected.has(r)} onClick={() => toggle(r, true)}>
                  Add {r} instead
                </button>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="wz-tree" aria-label={`Trove classifiers ${tree.data?.version ?? ''}`}>
        {roots.map((r) => (
          <Node key={r.path} node={r} selected={selected} words={words} toggle={toggle} />
        ))}
      </ul>
    </>
  );
}
