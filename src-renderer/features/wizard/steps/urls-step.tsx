/** Project URLs (labels are free text; PyPI recognizes Homepage, Documentation, Repository, Issues, Changelog). */
import { KeyValueEditor } from '../components/key-value-editor';
import { StepProblems } from '../components/step-problems';
import { useValues, useWizard } from '../hooks/use-wizard';

export function UrlsStep() {
  const w = useWizard();
  const v = useValues();
  if (!v) return null;
  return (
    <>
      <KeyValueEditor title="Project URLs" table={v.values.urls} keyLabel="Label" valueLabel="URL" valuePlaceholder="https://github.com/you/project" addLabel="Add URL" onChange={(urls) => void w.apply({ urls })} />
      <p className="muted small">Well-known labels PyPI shows with icons: Homepage, Documentation, Repository, Issues, Changelog. Only real addresses: no placeholders.</p>
      <StepProblems step="urls" />
    </>
  );
}
