/** Readme file, requires-python and keywords. */
import { useId } from 'react';
import { SyncedField } from '../components/synced-field';
import { StepProblems } from '../components/step-problems';
import { keywordsFromText } from '../lib/lines';
import { useValues, useWizard } from '../hooks/use-wizard';
import { DYNAMIC } from './name-step';

const PYTHONS = ['>=3.10', '>=3.11', '>=3.12', '>=3.13', '>=3.9'];

export function ReadmeStep() {
  const w = useWizard();
  const v = useValues();
  const listId = useId();
  if (!v) return null;
  const readme = v.values.readme ?? '';
  return (
    <>
      <SyncedField
        label="Readme file"
        value={readme}
        onCommit={(s) => void w.apply({ readme: s.trim() })}
        placeholder="README.md"
        disabled={v.dynamic.includes('readme')}
        hint={v.dynamic.includes('readme') ? DYNAMIC : readme && !/\.(md|rst|txt)$/i.test(readme) ? 'Use a .md or .rst file so PyPI knows how to render it.' : 'Shown as the project page on PyPI (.md: Markdown, .rst: reStructuredText).'}
      />
      <SyncedField
        label="Requires Python"
        value={v.values.requiresPython ?? ''}
        list={listId}
        onCommit={(s) => void w.apply({ requiresPython: s.trim() })}
        disabled={v.dynamic.includes('requires-python')}
        hint="The oldest Python your code runs on, as a lower bound (>=3.10). Avoid upper bounds: they break installs on new Pythons."
      />
      <datalist id={listId}>
        {PYTHONS.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <SyncedField label="Keywords" value={v.values.keywords.join(', ')} onCommit={(s) => void w.apply({ keywords: keywordsFromText(s) })} hint="Comma-separated; they help people find the project." />
      <StepProblems step="readme" />
    </>
  );
}
