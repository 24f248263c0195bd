/** The open project: name, version, requires-python and build backend, or the TOML error. */
import type { ProjectSummary } from '@contract';
import { ErrorMessage } from '../../../ui/error-message';
import { ProjectWizard } from '../../wizard';
import { useProjectSummary } from '../hooks/use-project-summary';
import { useProjectUi } from '../store';
import { PyprojectEditor } from './pyproject-editor';

function Field({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

function Details({ s }: { readonly s: ProjectSummary }) {
  if (s.status === 'missing') {
    return <p role="status">There is no pyproject.toml in this folder yet.</p>;
  }
  if (s.status === 'invalid-toml' && s.tomlError) {
    return (
      <div className="toml-error" role="alert" data-testid="toml-error">
        <strong>
          pyproject.toml is not valid TOML (line {s.tomlError.line}, column {s.tomlError.column})
        </strong>
        <p>{s.tomlError.message}</p>
      </div>
    );
  }
  const version = s.version ?? (s.dynamic.includes('version') ? 'dynamic (set by the build backend)' : 'not set');
  const backend = s.backend?.buildBackend
    ? `${s.backend.buildBackend}${s.backend.family ? ` (${s.backend.family})` : ''}`
    : 'none declared (pip falls back to setuptools)';
  return (
    <dl className="summary">
      <Field label="Name" value={s.name ?? 'not set'} testId="project-name" />
      {s.normalizedName && s.normalizedName !== s.name ? <Field label="Normalized name" value={s.normalizedName} testId="project-normalized-name" /> : null}
      <Field label="Version" value={version} testId="project-version" />
      <Field label="Requires Python" value={s.requiresPython ?? 'not set'} testId="project-requires-python" />
      <Field label="Build backend" value={backend} testId="project-backend" />
    </dl>
  );
}

export function ProjectOverview({ folder }: { readonly folder: string }) {
  const summary = useProjectSummary(folder);
  const close = useProjectUi((s) => s.setFolder);
  return (
    <section className="panel" aria-labelledby="project-title">
      <div className="panel-title">
        <h1 id="project-title">{summary.data?.name ?? folder.split('/').pop()}</h1>
        <button type="button" onClick={() => close(null)}>
          Open another project
        </button>
      </div>
      <p className="muted path" data-testid="project-file">{summary.data?.file ?? folder}</p>
      {summary.isError ? <ErrorMessage error={summary.error} /> : null}
      {summary.data ? <Details s={summary.data} /> : null}
      <p className="muted small">Changes made to pyproject.toml outside Packwright appear here as you save them.</p>
      {summary.data ? (
        <ProjectWizard folder={folder} status={summary.data.status} editor={<PyprojectEditor folder={folder} diskVersion={summary.data.modifiedAt} />} />
      ) : null}
    </section>
  );
}
