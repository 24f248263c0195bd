/**
 * Starting a new project: defaults from the folder name and the user's git identity (as
 * `hatch new` and `uv init` take the author from git's user.name / user.email).
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { repairName } from '../pyproject/semantic/name-version';
import { generatePyproject } from './generate';
import { defaultAnswers, type Person, type WizardAnswers } from './model';

const run = promisify(execFile);

async function gitConfig(key: string, cwd: string): Promise<string | undefined> {
  try {
    const v = (await run('git', ['config', '--get', key], { cwd, timeout: 5_000 })).stdout.trim();
    return v || undefined;
  } catch {
    return undefined;
  }
}

/** The author from git's configuration, when set. */
export async function gitAuthor(cwd: string): Promise<Person | undefined> {
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/** Defaults and the first pyproject.toml text for a new project in `folder`. */
export async function startProject(folder: string, opts: { readonly author?: Person | null } = {}): Promise<{ answers: WizardAnswers; text: string }> {
  const name = repairName(basename(folder)) || 'my-project';
  const author = opts.author === undefined ? await gitAuthor(folder) : (opts.author ?? undefined);
  const answers = defaultAnswers(name, author ? { author } : {});
  return { answers, text: generatePyproject(answers) };
}
