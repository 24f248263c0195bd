/**
 * The raw pyproject.toml in Monaco (loaded lazily: Monaco is the heaviest part of the bundle),
 * live diagnostics with quick fixes, Save, and the conflict choices when the file changed on
 * disk meanwhile.
 */
import type { QuickFixDto } from '@contract';
import { lazy, Suspense, useRef, useState } from 'react';
import { ErrorMessage } from '../../../ui/error-message';
import type { FixRequest, RevealRequest } from '../../editor/toml-editor';
import { useDiagnostics } from '../hooks/use-diagnostics';
import { usePyprojectBuffer } from '../hooks/use-pyproject-buffer';
import { ConfirmFix } from '../../../ui/confirm-fix';
import { ConflictBanner } from './conflict-banner';
import { ProblemsList } from './problems-list';

const TomlEditor = lazy(() => import('../../editor/toml-editor').then((m) => ({ default: m.TomlEditor })));

export function PyprojectEditor({ folder, diskVersion }: { readonly folder: string; readonly diskVersion: string | null }) {
  const buf = usePyprojectBuffer(folder, diskVersion);
  const { load, buffer, dirty, edit, save } = buf;
  const diagnostics = useDiagnostics(folder, buffer?.draft);
  const [pending, setPending] = useState<{ fix: QuickFixDto; apply: () => void } | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [applyRequest, setApplyRequest] = useState<FixRequest | null>(null);
  const seq = useRef(0);

  if (load.isError) return <ErrorMessage error={load.error} />;
  if (!buffer) return <p className="muted">Loading pyproject.toml…</p>;
  const validated = diagnostics.data ?? null;
  const current = validated !== null && validated.text === buffer.draft;
  const requestFix = (fix: QuickFixDto) => {
    if (!validated) return;
    const apply = () => setApplyRequest({ fix, text: validated.text, seq: ++seq.current });
    if (fix.confirmation) setPending({ fix, apply });
    else apply();
  };

  return (
    <section className="editor-pane" aria-label="pyproject.toml editor" data-validated={current ? 'current' : 'stale'}>
      <div className="editor-toolbar">
        <span className="muted" data-testid="editor-state">{dirty ? 'Unsaved changes' : 'Saved'}</span>
        <button type="button" className="primary-inline" onClick={() => save.mutate()} disabled={!dirty || save.isPending || buffer.conflict !== null}>
          Save
        </button>
      </div>
      {save.isError ? <ErrorMessage error={save.error} /> : null}
      {buffer.conflict ? <ConflictBanner buffer={buf} /> : null}
      {pending ? (
        <ConfirmFix
          fix={pending.fix}
          onConfirm={() => {
            pending.apply();
            setPending(null);
          }}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <Suspense fallback={<p className="muted">Loading editor…</p>}>
        <div
          className="editor-frame"
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 's') {
              e.preventDefault();
              if (dirty && !buffer.conflict) save.mutate();
            }
          }}
        >
          <TomlEditor
            value={buffer.draft}
            onChange={edit}
            validated={validated}
            onConfirmFix={(fix, apply) => setPending({ fix, apply })}
            reveal={reveal}
            applyRequest={applyRequest}
          />
        </div>
      </Suspense>
      <h2 className="problems-title">
        Problems{validated ? ` (${validated.diagnostics.length})` : ''}
        {diagnostics.isFetching ? <span className="muted small"> checking…</span> : null}
      </h2>
      {diagnostics.isError ? <ErrorMessage error={diagnostics.error} /> : null}
      {validated ? (
        <ProblemsList
          diagnostics={validated.diagnostics}
          fixesCurrent={current}
          onReveal={(d) => setReveal({ line: d.range.start.line, column: d.range.start.column, seq: ++seq.current })}
          onFix={requestFix}
        />
      ) : null}
    </section>
  );
}
