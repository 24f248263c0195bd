import { describe, expect, it } from 'vitest';
import { MemoryProvider, type MemoryIndex } from './memory-provider';
import { checkTargets, defaultTargetMatrix } from './multi-env';

const INDEX: MemoryIndex = {
  app: { '1.0': { requiresDist: ['winlib ; sys_platform == "win32"', 'fast'] } },
  winlib: { '1.0': { files: [{ filename: 'winlib-1.0-cp312-cp312-win_amd64.whl', kind: 'wheel' }] } },
  fast: { '1.0': { requiresPython: '>=3.10' }, '2.0': { requiresPython: '>=3.12' } },
};

describe('checkTargets', () => {
  it('uses CPython 3.9-3.14 on Linux, macOS and Windows by default', () => {
    const ids = defaultTargetMatrix().map((t) => t.id);
    expect(ids).toHaveLength(18);
    expect(ids).toContain('cp39-manylinux_2_28_x86_64');
    expect(ids).toContain('cp314-win_amd64');
    expect(ids).toContain('cp313-macosx_14_0_arm64');
  });

  it('reports which targets fail and why, and groups identical resolutions', async () => {
    const provider = new MemoryProvider(INDEX);
    const seen: string[] = [];
    const report = await checkTargets(provider, { requirements: ['app'] }, defaultTargetMatrix(), { onTarget: (o) => seen.push(o.id) });
    expect(seen).toHaveLength(18);
    // Python 3.9 has no `fast`; Windows needs cp312 wheels of winlib (only 3.12 has them).
    expect(report.failing).toEqual(['cp39-manylinux_2_28_x86_64', 'cp39-macosx_14_0_arm64', 'cp39-win_amd64', 'cp310-win_amd64', 'cp311-win_amd64', 'cp313-win_amd64', 'cp314-win_amd64']);
    const py39 = report.outcomes.find((o) => o.id === 'cp39-manylinux_2_28_x86_64');
    expect(py39?.hints.map((h) => h.kind)).toContain('requires-python');
    const win313 = report.outcomes.find((o) => o.id === 'cp313-win_amd64');
    expect(win313?.reason).toMatch(/winlib/);
    const groups = report.groups.map((g) => `${g.pins.join(' ')} @ ${g.ids.length}`);
    expect(groups).toEqual(['app==1.0 fast==1.0 @ 4', 'app==1.0 fast==2.0 @ 6', 'app==1.0 fast==2.0 winlib==1.0 @ 1']);
    // One cache across targets: each project is listed once.
    expect(provider.calls.listVersions).toBe(3);
  });
});
