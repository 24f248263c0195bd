import { describe, expect, it } from 'vitest';
import type { DependenciesOptions, ResolutionOutcome, ResolveInput } from '@contract';
import type { FormState } from '../store';
import { applyToPasted, commonInput, pyprojectChanges, suggestionRun, targetInput, whatIf } from './build-input';

const form: FormState = {
  source: 'pasted',
  pasted: 'a<2\nb',
  includeDependencies: true,
  extras: [],
  groups: ['dev'],
  targetMode: 'named',
  targetId: null,
  customPython: '3.11',
  customPlatform: ' win_amd64 ',
  indexText: null,
  useLocal: null,
  prerelease: 'prefer-stable',
  strategy: 'highest',
  indexStrategy: 'first-index',
  offline: false,
};
const options: DependenciesOptions = {
  targets: [],
  defaultTargetId: 'cp312-manylinux_2_28_x86_64',
  matrixTargetIds: [],
  localIndexes: [{ url: 'file:///idx/', source: 'pip-config' }],
  defaultIndexUrls: [],
};

const base: ResolveInput = { source: { kind: 'requirements', text: 'a<2\nb' }, target: { kind: 'named', id: 't' }, index: { urls: [] } };
const pyOrigin = (i: number, text: string) => ({ kind: 'pyproject' as const, path: ['project', 'dependencies', i], text, from: 'dependencies' });
const outcome = {
  ok: false,
  requirements: [
    { text: 'a<2', origin: pyOrigin(0, 'a<2') },
    { text: 'b', origin: pyOrigin(1, 'b') },
    { text: 'c', origin: { kind: 'pasted' as const, line: 3, text: 'c' } },
  ],
  constraints: ['x<9'],
} as unknown as ResolutionOutcome;

describe('inputs from the form', () => {
  it('pasted text, the local index by default, the default target', () => {
    const r = commonInput(form, { options, folder: null, projectText: undefined });
    expect(r).toEqual({ input: { source: { kind: 'requirements', text: 'a<2\nb' }, index: { urls: [], useLocal: true, strategy: 'first-index', offline: false }, prerelease: 'prefer-stable', strategy: 'highest' } });
    expect(targetInput(form, options)).toEqual({ kind: 'named', id: 'cp312-manylinux_2_28_x86_64' });
    expect(targetInput({ ...form, targetMode: 'custom' }, options)).toEqual({ kind: 'custom', python: '3.11', platform: 'win_amd64' });
  });

  it('the open project with its buffer text; a reason when there is nothing to resolve', () => {
    const r = commonInput({ ...form, source: 'project', indexText: 'https://a/simple\n https://b/simple ' }, { options, folder: '/p', projectText: 'T' });
    expect(r).toMatchObject({ input: { source: { kind: 'project', folder: '/p', text: 'T', dependencies: true, extras: [], groups: ['dev'] }, index: { urls: ['https://a/simple', 'https://b/simple'] } } });
    expect(commonInput({ ...form, source: 'project' }, { options, folder: null, projectText: undefined })).toHaveProperty('problem');
    // Untouched, the source is the open project when there is one.
    expect(commonInput({ ...form, source: null }, { options, folder: '/p', projectText: undefined })).toMatchObject({ input: { source: { kind: 'project', folder: '/p' } } });
    expect(commonInput({ ...form, source: null }, { options, folder: null, projectText: undefined })).toMatchObject({ input: { source: { kind: 'requirements' } } });
    expect(commonInput({ ...form, pasted: '  ' }, { options, folder: null, projectText: undefined })).toHaveProperty('problem');
  });
});

describe('"what if"', () => {
  it('edits, drops and constraints become an explicit list; dropped items are remembered', () => {
    const r = whatIf(base, outcome, { 0: 'a', 1: null }, 'd<3\n', []);
    expect(r.input.source).toEqual({ kind: 'list', requirements: [{ text: 'a', origin: pyOrigin(0, 'a<2') }, outcome.requirements[2]] });
    expect(r.input.constraints).toEqual(['x<9', 'd<3']);
    expect(r.dropped).toEqual([outcome.requirements[1]]);
    expect(pyprojectChanges((r.input.source as { requirements: ResolutionOutcome['requirements'] }).requirements, r.dropped)).toEqual([
      { path: ['project', 'dependencies', 0], from: 'a<2', to: 'a' },
      { path: ['project', 'dependencies', 1], from: 'b', to: null },
    ]);
  });

  it('a suggestion for another Python retargets; pre-release suggestions change the policy', () => {
    const s = { kind: 'change-python' as const, description: '', requirementIndex: null, from: null, to: null, requirements: [], python: '3.13', cost: 2.5, pins: [] };
    expect(suggestionRun(base, outcome, s, [], (py) => ({ kind: 'custom', python: py })).input.target).toEqual({ kind: 'custom', python: '3.13' });
    const pre = { ...s, kind: 'allow-prereleases' as const, python: undefined, prerelease: 'allow' as const };
    expect(suggestionRun(base, outcome, pre, [], () => base.target).input.prerelease).toBe('allow');
  });

  it('pasted lines are changed bottom-up; a line that moved makes it refuse', () => {
    const reqs = [{ text: 'c>=1', origin: { kind: 'pasted' as const, line: 3, text: 'c' } }];
    const dropped = [{ text: 'a<2', origin: { kind: 'pasted' as const, line: 1, text: 'a<2' } }];
    expect(applyToPasted('a<2\nb\nc  # note\n', reqs, dropped)).toBe('b\nc>=1  # note\n');
    expect(applyToPasted('zzz\n', reqs, [])).toBeNull();
  });
});
