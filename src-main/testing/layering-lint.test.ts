/** The layering rules bite: ESLint (the project's own config) rejects forbidden imports. */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint', () => {
  it('fails when core imports electron or react', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'src-main/core/x/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", 'src-main/core/x/bad.ts')).toContain('no-restricted-imports');
  });

  it('fails when the contract imports Node built-ins', async () => {
    expect(await ruleIds("import { readFile } from 'node:fs';\nexport const r = readFile;\n", 'src-main/contract/bad.ts')).toContain('no-restricted-imports');
  });

  it('fails when the renderer imports src-main beyond the contract', async () => {
    expect(await ruleIds("import { createServices } from '../../src-main/core/services';\nexport const c = createServices;\n", 'src-renderer/app/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { contract } from '../../src-main/contract';\nexport const c = contract;\n", 'src-renderer/app/ok.ts')).not.toContain('no-restricted-imports');
  });

  it('fails when ipcMain is used outside the IPC adapter', async () => {
    expect(await ruleIds("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src-main/electron/other.ts')).toContain('no-restricted-syntax');
  });

  it('accepts clean core code', async () => {
    expect(await ruleIds("import { join } from 'node:path';\nexport const j = join;\n", 'src-main/core/x/ok.ts')).toEqual([]);
  });
});
