/**
 * The wizard's steps, and which parts of pyproject.toml each one edits (data paths), so every
 * diagnostic of the file shows up in the step that can fix it.
 */
import type { DiagnosticDto } from '@contract';

export type StepId = 'name' | 'readme' | 'people' | 'license' | 'classifiers' | 'dependencies' | 'scripts' | 'urls' | 'build' | 'create';

export interface StepInfo {
  readonly id: StepId;
  readonly title: string;
  /** Data paths (prefixes) owned by the step. */
  readonly paths: readonly (readonly string[])[];
  /** Only while creating a new project. */
  readonly newOnly?: boolean;
}

export const STEPS: readonly StepInfo[] = [
  { id: 'name', title: 'Name and version', paths: [['project', 'name'], ['project', 'version'], ['project', 'description']] },
  { id: 'readme', title: 'Readme and Python', paths: [['project', 'readme'], ['project', 'requires-python'], ['project', 'keywords']] },
  { id: 'people', title: 'Authors and maintainers', paths: [['project', 'authors'], ['project', 'maintainers']] },
  { id: 'license', title: 'License', paths: [['project', 'license'], ['project', 'license-files']] },
  { id: 'classifiers', title: 'Classifiers', paths: [['project', 'classifiers']] },
  { id: 'dependencies', title: 'Dependencies', paths: [['project', 'dependencies'], ['project', 'optional-dependencies'], ['dependency-groups']] },
  { id: 'scripts', title: 'Scripts and entry points', paths: [['project', 'scripts'], ['project', 'gui-scripts'], ['project', 'entry-points']] },
  { id: 'urls', title: 'URLs', paths: [['project', 'urls']] },
  { id: 'build', title: 'Build backend', paths: [['build-system'], ['tool']] },
  { id: 'create', title: 'Create the project', paths: [], newOnly: true },
];

const startsWith = (path: readonly (string | number)[], prefix: readonly string[]): boolean => prefix.every((p, i) => path[i] === p);

/** The step that owns a diagnostic's path (null for file-level ones, e.g. TOML syntax). */
export function stepOf(d: Pick<DiagnosticDto, 'path'>): StepId | null {
  for (const s of STEPS) if (s.paths.some((p) => startsWith(d.path, p))) return s.id;
  return null;
}

/** The diagnostics a step shows, errors first. */
export function diagnosticsFor(step: StepId, diagnostics: readonly DiagnosticDto[]): DiagnosticDto[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return diagnostics.filter((d) => stepOf(d) === step).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** Steps shown for a new or an existing project. */
export function visibleSteps(newProject: boolean): StepInfo[] {
  return STEPS.filter((s) => newProject || !s.newOnly);
}
