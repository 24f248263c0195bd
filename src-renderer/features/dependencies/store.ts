/**
 * UI-only state of the Dependencies workspace: the input form (kept while the user visits other
 * workspaces), the "what if" edits, and how the result is being explored (selection, the
 * sentence under the pointer, search, filters). Results themselves are server state
 * (run/use-dependency-run.ts).
 */
import { create } from 'zustand';

export type SourceKind = 'project' | 'pasted';
export type PrereleasePolicy = 'prefer-stable' | 'allow' | 'disallow';
export type Strategy = 'highest' | 'lowest' | 'lowest-direct';
export type IndexStrategy = 'first-index' | 'unsafe-first-match' | 'unsafe-best-match';
/** The source in effect. */
export function effectiveSource(form: Pick<FormState, 'source'>, folder: string | null): SourceKind {
  return form.source ?? (folder ? 'project' : 'pasted');
}

export type GraphFilter = 'all' | 'direct' | 'path';

/** The input form. */
export interface FormState {
  /** null: the open project when there is one, else pasted text. */
  readonly source: SourceKind | null;
  readonly pasted: string;
  readonly includeDependencies: boolean;
  readonly extras: readonly string[];
  readonly groups: readonly string[];
  readonly targetMode: 'named' | 'custom';
  /** null: the default target from the options. */
  readonly targetId: string | null;
  readonly customPython: string;
  readonly customPlatform: string;
  /** Index URLs, one per line; null: the defaults from the options. */
  readonly indexText: string | null;
  /** null: on when the machine has a local index. */
  readonly useLocal: boolean | null;
  readonly prerelease: PrereleasePolicy;
  readonly strategy: Strategy;
  readonly indexStrategy: IndexStrategy;
  readonly offline: boolean;
}

/** How the result is explored. */
export interface ExploreState {
  readonly selected: string | null;
  /** Index of the explanation line under the pointer or focus. */
  readonly activeLine: number | null;
  readonly search: string;
  readonly filter: GraphFilter;
  readonly showDerivation: boolean;
  /** "What if" edits of the root requirements by index: new text, or null = dropped. */
  readonly edits: Readonly<Record<number, string | null>>;
  /** Extra constraints for "what if" (one per line). */
  readonly extraConstraints: string;
  /** The matrix row whose failure is shown. */
  readonly matrixTarget: string | null;
}

interface DependenciesUi extends FormState, ExploreState {
  setForm(patch: Partial<FormState>): void;
  setExplore(patch: Partial<ExploreState>): void;
  setEdit(index: number, text: string | null | undefined): void;
  /** A new result: forget the selection and the edits made for the previous one. */
  resetExplore(): void;
}

const EXPLORE: ExploreState = {
  selected: null,
  activeLine: null,
  search: '',
  filter: 'all',
  showDerivation: true,
  edits: {},
  extraConstraints: '',
  matrixTarget: null,
};

/** The workspace's UI store. */
export const useDependenciesUi = create<DependenciesUi>((set) => ({
  source: null,
  pasted: '',
  includeDependencies: true,
  extras: [],
  groups: [],
  targetMode: 'named',
  targetId: null,
  customPython: '3.12',
  customPlatform: '',
  indexText: null,
  useLocal: null,
  prerelease: 'prefer-stable',
  strategy: 'highest',
  indexStrategy: 'first-index',
  offline: false,
  ...EXPLORE,
  setForm: (patch) => set(patch),
  setExplore: (patch) => set(patch),
  setEdit: (index, text) =>
    set((s) => {
      const edits = { ...s.edits };
      if (text === undefined) delete edits[index];
      else edits[index] = text;
      return { edits };
    }),
  resetExplore: () => set({ ...EXPLORE }),
}));
