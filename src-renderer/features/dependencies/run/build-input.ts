/**
 * Requests from the form, "what if" variants of a resolution, and the changes that write a
 * result back to where the requirements came from (pyproject.toml items or pasted lines).
 */
import type { CheckInput, DependenciesOptions, ResolutionOutcome, ResolveInput, RootRequirement, SuggestionDto, TargetInput } from '@contract';
import { effectiveSource, type FormState } from '../store';

/** The parts every request shares. */
export type CommonInput = Pick<ResolveInput, 'source' | 'index' | 'prerelease' | 'strategy'>;

/** Index URLs of the form (the defaults when untouched). */
export function indexUrls(form: FormState, options: DependenciesOptions | undefined): string[] {
  const text = form.indexText ?? (options?.defaultIndexUrls ?? []).join('\n');
  return text
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
}

/** Whether to use the machine's local index (on by default when there is one). */
export function useLocalIndex(form: FormState, options: DependenciesOptions | undefined): boolean {
  return form.useLocal ?? (options?.localIndexes.length ?? 0) > 0;
}

/** The target the form names. */
export function targetInput(form: FormState, options: DependenciesOptions | undefined): TargetInput {
  if (form.targetMode === 'custom') return { kind: 'custom', python: form.customPython.trim(), ...(form.customPlatform.trim() ? { platform: form.customPlatform.trim() } : {}) };
  return { kind: 'named', id: form.targetId ?? options?.defaultTargetId ?? 'cp312-manylinux_2_28_x86_64' };
}

/** The common part of a request; null with a reason when the form cannot make one. */
export function commonInput(form: FormState, ctx: { options: DependenciesOptions | undefined; folder: string | null; projectText: string | undefined }): { input: CommonInput } | { problem: string } {
  let source: CommonInput['source'];
  if (effectiveSource(form, ctx.folder) === 'project') {
    if (!ctx.folder) return { problem: 'Open a project first (Project workspace), or paste requirements.' };
    source = {
      kind: 'project',
      folder: ctx.folder,
      ...(ctx.projectText !== undefined ? { text: ctx.projectText } : {}),
      dependencies: form.includeDependencies,
      extras: [...form.extras],
      groups: [...form.groups],
    };
  } else {
    if (!form.pasted.trim()) return { problem: 'Paste at least one requirement.' };
    source = { kind: 'requirements', text: form.pasted };
  }
  return {
    input: {
      source,
      index: { urls: indexUrls(form, ctx.options), useLocal: useLocalIndex(form, ctx.options), strategy: form.indexStrategy, offline: form.offline },
      prerelease: form.prerelease,
      strategy: form.strategy,
    },
  };
}

/** A resolution request (with suggestions). */
export function resolveInput(common: CommonInput, target: TargetInput): ResolveInput {
  return { ...common, target, suggest: true };
}

/** A multi-environment check request. */
export function checkInput(common: CommonInput, targets: TargetInput[]): CheckInput {
  return { ...common, targets };
}

/**
 * A "what if" run: the previous request with the root requirements edited or dropped, and
 * extra constraints added. Dropped project requirements are remembered so "apply" can remove
 * them from pyproject.toml.
 */
export function whatIf(
  base: ResolveInput,
  outcome: ResolutionOutcome,
  edits: Readonly<Record<number, string | null>>,
  extraConstraints: string,
  previouslyDropped: readonly RootRequirement[],
  patch: Partial<Pick<ResolveInput, 'prerelease' | 'target'>> = {},
): { input: ResolveInput; dropped: RootRequirement[] } {
  const kept: RootRequirement[] = [];
  const dropped: RootRequirement[] = [...previouslyDropped];
  outcome.requirements.forEach((r, i) => {
    const e = edits[i];
    if (e === null) dropped.push(r);
    else if (e !== undefined && e.trim() !== '') kept.push({ text: e.trim(), origin: r.origin });
    else kept.push(r);
  });
  const constraints = [...outcome.constraints, ...extraConstraints.split('\n').map((c) => c.trim()).filter(Boolean)];
  return { input: { ...base, ...patch, source: { kind: 'list', requirements: kept }, constraints }, dropped };
}

/** A suggestion as a "what if" run. */
export function suggestionRun(base: ResolveInput, outcome: ResolutionOutcome, s: SuggestionDto, dropped: readonly RootRequirement[], retarget: (python: string) => TargetInput): { input: ResolveInput; dropped: RootRequirement[] } {
  const edits: Record<number, string | null> = {};
  if (s.requirementIndex !== null) edits[s.requirementIndex] = s.to;
  return whatIf(base, outcome, edits, '', dropped, { ...(s.prerelease ? { prerelease: s.prerelease } : {}), ...(s.python ? { target: retarget(s.python) } : {}) });
}

/** One change to a pyproject.toml item. */
export interface PyprojectChange {
  readonly path: (string | number)[];
  readonly from: string;
  readonly to: string | null;
}

/** The pyproject.toml changes that make the file say what `requirements` say. */
export function pyprojectChanges(requirements: readonly RootRequirement[], dropped: readonly RootRequirement[]): PyprojectChange[] {
  const out: PyprojectChange[] = [];
  for (const r of requirements) if (r.origin?.kind === 'pyproject' && !r.origin.derived && r.origin.text !== r.text) out.push({ path: r.origin.path, from: r.origin.text, to: r.text });
  for (const r of dropped) if (r.origin?.kind === 'pyproject' && !r.origin.derived) out.push({ path: r.origin.path, from: r.origin.text, to: null });
  return out;
}

/** Pasted text with the same edits applied line by line; null when a line no longer matches. */
export function applyToPasted(text: string, requirements: readonly RootRequirement[], dropped: readonly RootRequirement[]): string | null {
  const lines = text.split('\n');
  const changes: { line: number; from: string; to: string | null }[] = [];
  for (const r of requirements) if (r.origin?.kind === 'pasted' && r.origin.text !== r.text) changes.push({ line: r.origin.line, from: r.origin.text, to: r.text });
  for (const r of dropped) if (r.origin?.kind === 'pasted') changes.push({ line: r.origin.line, from: r.origin.text, to: null });
  // Bottom-up, so removing a line does not move the ones still to change.
  changes.sort((a, b) => b.line - a.line);
  for (const c of changes) {
    const current = lines[c.line - 1];
    if (current === undefined || !current.includes(c.from)) return null;
    if (c.to === null) lines.splice(c.line - 1, 1);
    else lines[c.line - 1] = current.replace(c.from, c.to);
  }
  return lines.join('\n');
}
