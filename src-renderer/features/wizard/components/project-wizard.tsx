/**
 * The wizard in the Project workspace: for a folder without pyproject.toml, an offer to create a
 * project (then the new-project wizard beside the editor); for an existing file, the wizard beside
 * the editor, editing it in place.
 */
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { client } from '../../../api/client';
import { ErrorMessage } from '../../../ui/error-message';
import { useEditorStore } from '../../project/editor-store';
import { startBuffer } from '../hooks/use-buffer';
import { useWizardState, WizardContext } from '../hooks/use-wizard';
import { useWizardUi } from '../store';
import { WizardPanel } from './wizard-panel';
import '../wizard.css';

export interface ProjectWizardProps {
  readonly folder: string;
  readonly status: 'ok' | 'invalid-toml' | 'missing';
  /** The pyproject.toml editor, rendered beside the wizard. */
  readonly editor: ReactNode;
}

function Columns({ folder, newProject, editor }: { readonly folder: string; readonly newProject: boolean; readonly editor: ReactNode }) {
  const w = useWizardState(folder, newProject);
  return (
    <WizardContext.Provider value={w}>
      <div className={`wizard-layout${w.ui.open ? '' : ' wizard-closed'}`}>
        {w.ui.open ? (
          <WizardPanel />
        ) : (
          <button type="button" className="wz-show" onClick={() => w.setUi({ open: true })}>
            Show the wizard
          </button>
        )}
        <div className="wizard-editor">{editor}</div>
      </div>
    </WizardContext.Provider>
  );
}

export function ProjectWizard({ folder, status, editor }: ProjectWizardProps) {
  const hasBuffer = useEditorStore((s) => s.buffers[folder] !== undefined && s.buffers[folder].draft !== '');
  const [, setUi] = useWizardUi(folder);
  const start = useMutation({
    mutationFn: () => client.wizard.start({ folder }),
    onSuccess: (s) => {
      startBuffer(folder, s.text);
      setUi({ open: true, step: 'name', layout: s.layout });
    },
  });
  if (status === 'missing' && !hasBuffer) {
    return (
      <div className="wz-start">
        <p>Start a new Python project here: the wizard asks for the name, license, dependencies and build backend, shows the pyproject.toml as you go, and writes it with the package folder, README and LICENSE.</p>
        <button type="button" className="primary" onClick={() => start.mutate()} disabled={start.isPending}>
          Create a new project
        </button>
        {start.isError ? <ErrorMessage error={start.error} /> : null}
      </div>
    );
  }
  return <Columns folder={folder} newProject={status === 'missing'} editor={editor} />;
}
