/**
 * The wizard beside the editor: step navigation (with each step's error count), the current
 * step, Back/Next. Every step edits the shared buffer; the editor shows the same text.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../../ui/error-message';
import { useWizard } from '../hooks/use-wizard';
import { diagnosticsFor, visibleSteps, type StepId } from '../lib/steps';
import { BuildStep } from '../steps/build-step';
import { ClassifiersStep } from '../steps/classifiers-step';
import { CreateStep } from '../steps/create-step';
import { DependenciesStep } from '../steps/dependencies-step';
import { LicenseStep } from '../steps/license-step';
import { NameStep } from '../steps/name-step';
import { PeopleStep } from '../steps/people-step';
import { ReadmeStep } from '../steps/readme-step';
import { ScriptsStep } from '../steps/scripts-step';
import { UrlsStep } from '../steps/urls-step';

const BODY: Record<StepId, () => ReactNode> = {
  name: () => <NameStep />,
  readme: () => <ReadmeStep />,
  people: () => <PeopleStep />,
  license: () => <LicenseStep />,
  classifiers: () => <ClassifiersStep />,
  dependencies: () => <DependenciesStep />,
  scripts: () => <ScriptsStep />,
  urls: () => <UrlsStep />,
  build: () => <BuildStep />,
  create: () => <CreateStep />,
};

export function WizardPanel() {
  const w = useWizard();
  const steps = visibleSteps(w.newProject);
  const index = Math.max(0, steps.findIndex((s) => s.id === w.ui.step));
  const step = steps[index] ?? steps[0];
  if (!step) return null;
  const go = (i: number) => {
    const s = steps[i];
    if (s) w.setUi({ step: s.id });
  };
  return (
    <section className="wz-panel" aria-labelledby="wizard-title" data-testid="wizard">
      <div className="wz-head">
        <h2 id="wizard-title">{w.newProject ? 'New project' : 'Project wizard'}</h2>
        <button type="button" className="link small" onClick={() => w.setUi({ open: false })}>
          Hide wizard
        </button>
      </div>
      <nav aria-label="Wizard steps">
        <ol className="wz-steps">
          {steps.map((s, i) => {
            const problems = diagnosticsFor(s.id, w.diagnostics).filter((d) => d.severity === 'error').length;
            return (
              <li key={s.id}>
                <button type="button" aria-current={s.id === step.id ? 'step' : undefined} onClick={() => go(i)} aria-label={`${i + 1}. ${s.title}${problems ? `, ${problems} error${problems === 1 ? '' : 's'}` : ''}`}>
                  <span className="wz-num">{i + 1}</span> {s.title}
                  {problems ? <span className="wz-badge" aria-hidden="true">⚠ {problems}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="wz-body" role="region" aria-labelledby="wizard-step-title">
        <h3 id="wizard-step-title">{step.title}</h3>
        {w.read && !w.read.ok ? (
          <div className="toml-error" role="alert">
            <strong>pyproject.toml is not valid TOML (line {w.read.line}, column {w.read.column}).</strong>
            <p>{w.read.message} Fix it in the editor; the wizard follows.</p>
          </div>
        ) : w.read?.ok && w.read.unreadable.length ? (
          <p className="wz-warn">The wizard cannot show {w.read.unreadable.join(', ')}: the value has the wrong type. Fix it in the editor.</p>
        ) : null}
        {w.ui.error ? <ErrorMessage error={w.ui.error} /> : null}
        {BODY[step.id]()}
      </div>
      <div className="wz-nav">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          Back
        </button>
        <span className="muted small">
          Step {index + 1} of {steps.length}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index === steps.length - 1}>
          Next
        </button>
      </div>
    </section>
  );
}
