/**
 * Everything a step needs: the values read from the buffer (react-query, keyed by the text),
 * the file's diagnostics (the same query the editor uses), and edit functions that go through
 * the contract and land in the shared buffer.
 */
import type { DiagnosticDto, QuickFixDto, ValuesPatchDto, WizardReadDto } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { client } from '../../../api/client';
import { useDiagnostics } from '../../project/hooks/use-diagnostics';
import { applyTextEdits } from '../lib/text-edits';
import { useWizardUi, type WizardUi } from '../store';
import { draftOf, transformBuffer, useDraft } from './use-buffer';

export type WizardValues = Extract<WizardReadDto, { ok: true }>;

export interface WizardApi {
  readonly folder: string;
  readonly newProject: boolean;
  readonly text: string | undefined;
  /** Values of the current text (the last good read while a new one is computed). */
  readonly read: WizardReadDto | undefined;
  readonly diagnostics: readonly DiagnosticDto[];
  /** The text the diagnostics were computed for. */
  readonly validatedText: string | null;
  readonly ui: WizardUi;
  setUi(change: Partial<WizardUi>): void;
  /** Apply a step's values (format-preserving edits on the server). */
  apply(patch: ValuesPatchDto): Promise<void>;
  /** Replace the text through any contract call that returns `{ text }`. */
  transform(fn: (text: string) => Promise<{ text: string }>): Promise<void>;
  /** Apply a quick fix computed for `validatedText`. */
  fix(fix: QuickFixDto): Promise<void>;
}

export function useWizardState(folder: string, newProject: boolean): WizardApi {
  const text = useDraft(folder);
  const [ui, setUi] = useWizardUi(folder);
  const read = useQuery({
    queryKey: ['wizard', 'read', text],
    queryFn: () => client.wizard.read({ text: text ?? '' }),
    enabled: text !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 10_000,
  });
  const diagnostics = useDiagnostics(folder, text);
  const run = async (fn: (t: string) => Promise<string>) => {
    try {
      await transformBuffer(folder, fn);
      setUi({ error: null });
    } catch (err) {
      setUi({ error: err });
    }
  };
  const layout = ui.layout;
  return {
    folder,
    newProject,
    text,
    read: read.data,
    diagnostics: diagnostics.data?.diagnostics ?? [],
    validatedText: diagnostics.data?.text ?? null,
    ui,
    setUi,
    apply: (patch) => run(async (t) => (await client.wizard.apply({ text: t, patch: newProject ? { layout, ...patch } : patch })).text),
    transform: (fn) => run(async (t) => (await fn(t)).text),
    fix: (fix) =>
      run(async (t) => {
        const validated = diagnostics.data?.text;
        if (validated !== t || draftOf(folder) !== t) throw new Error('The file changed since it was checked; wait for the new check and try again.');
        return applyTextEdits(t, fix.edits);
      }),
  };
}

export const WizardContext = createContext<WizardApi | null>(null);

/** The wizard of the enclosing ProjectWizard. */
export function useWizard(): WizardApi {
  const w = useContext(WizardContext);
  if (!w) throw new Error('useWizard outside ProjectWizard');
  return w;
}

/** The values when the text reads (null while it is not valid TOML). */
export function useValues(): WizardValues | null {
  const r = useWizard().read;
  return r?.ok ? r : null;
}
