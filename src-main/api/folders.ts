/** Checks on folders named by the user, shared by the procedure handlers. */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { appError } from './errors';

/** A folder the user named: absolute, existing, a directory. */
export async function checkFolder(folder: string): Promise<string> {
  if (!isAbsolute(folder)) {
    throw appError('BAD_REQUEST', `"${folder}" is not an absolute path.`, { hint: 'Type the full path, starting with /.' });
  }
  const abs = resolve(folder);
  let s;
  try {
    s = await stat(abs);
  } catch {
    throw appError('NOT_FOUND', `No folder at ${abs}.`, { hint: 'Check the path, or pick another folder.' });
  }
  if (!s.isDirectory()) throw appError('NOT_A_DIRECTORY', `${abs} is a file, not a folder.`, { hint: 'Open the folder that contains pyproject.toml.' });
  return abs;
}
