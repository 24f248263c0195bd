/**
 * Targets for the Dependencies workspace: the standards core's predefined environments (PEP 425
 * tags + PEP 508 marker values per interpreter and platform) offered in a picker, custom ones
 * from a Python version and a platform, and the default multi-environment matrix.
 */
import type { TargetInput } from '../../contract';
import { defaultTargetMatrix, targetFromStrings } from '../resolver';
import type { NamedTargetInput } from '../resolver';
import { findPredefinedTarget, PREDEFINED_TARGETS, targetId, targetLabel, type TargetEnvironment } from '../standards/tags';

/** A target ready to resolve for. */
export interface ChosenTarget extends NamedTargetInput {
  readonly target: TargetEnvironment;
}

/** Thrown for a target the user named that does not exist or does not parse. */
export class TargetInputError extends Error {
  readonly code = 'BAD_REQUEST';
}

/** The target a request names. */
export function chooseTarget(input: TargetInput): ChosenTarget {
  if (input.kind === 'named') {
    const t = findPredefinedTarget(input.id);
    if (!t) throw new TargetInputError(`unknown target ${JSON.stringify(input.id)}`);
    return t;
  }
  let target: TargetEnvironment;
  try {
    target = targetFromStrings(input.python, input.platform?.trim() || undefined);
  } catch (e) {
    throw new TargetInputError(`cannot build a target from Python ${input.python} and platform ${JSON.stringify(input.platform ?? '')}: ${(e as Error).message}`);
  }
  return { id: targetId(target), label: targetLabel(target), target };
}

/** The targets of a check (the default matrix when none is given). */
export function chooseTargets(inputs: readonly TargetInput[]): ChosenTarget[] {
  return inputs.length === 0 ? defaultTargetMatrix() : inputs.map(chooseTarget);
}

/**
 * A default target for this machine's OS: CPython `python` (`X.Y`, e.g. the python3 on PATH,
 * as the CLI and uv default to) when it is one of the predefined targets, else CPython 3.12.
 */
export function defaultTargetId(platform: NodeJS.Platform = process.platform, arch: string = process.arch, python = '3.12'): string {
  const os =
    platform === 'darwin'
      ? arch === 'x64' ? 'macosx_13_0_x86_64' : 'macosx_14_0_arm64'
      : platform === 'win32'
        ? arch === 'arm64' ? 'win_arm64' : 'win_amd64'
        : arch === 'arm64' ? 'manylinux_2_28_aarch64' : 'manylinux_2_28_x86_64';
  const [major, minor] = python.split('.');
  const wanted = `cp${major}${minor}-${os}`;
  return findPredefinedTarget(wanted) ? wanted : `cp312-${os}`;
}

/** The picker's entries. */
export function targetChoices(): { id: string; label: string; python: string; os: string }[] {
  return PREDEFINED_TARGETS.map((t) => ({ id: t.id, label: t.label, python: t.target.pythonVersion.join('.'), os: t.target.platform.os }));
}

/** The ids of the default matrix. */
export function matrixTargetIds(): string[] {
  return defaultTargetMatrix().map((t) => t.id);
}
