/**
 * UI-only state of the wizard, per project folder: whether it is open, the current step, and the
 * new-project choices that live outside pyproject.toml (layout, tests folder, copyright holder).
 */
import { create } from 'zustand';
import type { StepId } from './lib/steps';

export interface WizardUi {
  readonly open: boolean;
  readonly step: StepId;
  readonly layout: 'src' | 'flat';
  readonly tests: boolean;
  readonly holder: string;
  /** The last failed wizard edit, shown until the next one succeeds. */
  readonly error: unknown;
}

const DEFAULT: WizardUi = { open: true, step: 'name', layout: 'src', tests: false, holder: '', error: null };

interface WizardState {
  readonly byFolder: Readonly<Record<string, WizardUi>>;
  update(folder: string, change: Partial<WizardUi>): void;
}

export const useWizardStore = create<WizardState>((set) => ({
  byFolder: {},
  update: (folder, change) => set((s) => ({ byFolder: { ...s.byFolder, [folder]: { ...DEFAULT, ...s.byFolder[folder], ...change } } })),
}));

/** The wizard state of `folder` and its updater. */
export function useWizardUi(folder: string): [WizardUi, (change: Partial<WizardUi>) => void] {
  const ui = useWizardStore((s) => s.byFolder[folder]) ?? DEFAULT;
  const update = useWizardStore((s) => s.update);
  return [ui, (change) => update(folder, change)];
}
