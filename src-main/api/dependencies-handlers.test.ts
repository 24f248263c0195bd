/**
 * `dependencies.*` through the real router (in-process oRPC client) with the resolver on its
 * thread, against PEP 503 file trees of metadata-only wheels (and an HTTP server for
 * cancellation): conflict → explanation + conflict graph + verified suggestions; "what if" →
 * success graph; project inputs with extras and groups; a fix written into the buffer text; a
 * multi-environment matrix; cancel.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DependenciesEventSchema, type DependenciesEvent, type OpEvent, type ResolveInput } from '../contract';
import { buildIndexTree } from '../core/resolver/providers/testing/build-tree';
import { startTestServer, type TestServer } from '../core/resolver/providers/testing/test-server';
import { createServices, type Services } from '../core/services';
import { dependenciesHost } from './dependencies-handlers';
import { router } from './router';

let services: Services;
let client: ReturnType<typeof createRouterClient<typeof router, Record<never, never>>>;
let indexUrl: string;
let http: TestServer;
const target = { kind: 'named' as const, id: 'cp312-manylinux_2_28_x86_64' };

const DISTS = [
  { name: 'pw-a', version: '1.0', requiresDist: ['pw-c<2'] },
  { name: 'pw-a', version: '2.0', requiresDist: ['pw-c>=2'] },
  { name: 'pw-b', version: '1.0', requiresDist: ['pw-c>=2'] },
  { name: 'pw-c', version: '1.0' },
  { name: 'pw-c', version: '2.0' },
  { name: 'pw-new', version: '1.0', requiresPython: '>=3.11' },
  { name: 'pw-tool', version: '3.0', requiresDist: ['pw-c'] },
];

beforeAll(async () => {
  const tree = await buildIndexTree(mkdtempSync(join(tmpdir(), 'pw-deps-index-')), DISTS);
  indexUrl = tree.simpleUrl;
  http = await startTestServer({ root: tree.root });
  services = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'pw-deps-data-')) });
  client = createRouterClient(router, { context: { services, shell: { kind: 'browser' } } });
});

afterAll(async () => {
  services.dispose();
  await (await dependenciesHost(services)).dispose();
  await http.close();
});

async function events(opId: string): Promise<{ data: DependenciesEvent[]; end: OpEvent; progress: string[] }> {
  const data: DependenciesEvent[] = [];
  const progress: string[] = [];
  for await (const ev of await client.ops.events({ opId, after: -1 })) {
    if (ev.kind === 'data') data.push(DependenciesEventSchema.parse(ev.payload));
    if (ev.kind === 'progress') progress.push(ev.title);
    if (ev.kind === 'done' || ev.kind === 'error') return { data, end: ev, progress };
  }
  throw new Error('the event stream ended without done/error');
}

const resolveInput = (source: ResolveInput['source'], extra: Partial<ResolveInput> = {}): ResolveInput => ({ source, target, index: { urls: [indexUrl] }, ...extra });

function result(data: DependenciesEvent[]) {
  const r = data.find((d) => d.type === 'result');
  if (r?.type !== 'result') throw new Error('no result event');
  return r.outcome;
}

describe('dependencies.resolve', () => {
  it('runs on the resolver thread', async () => {
    expect((await dependenciesHost(services)).threaded).toBe(true);
  });

  it('explains a conflict with a linked conflict graph, then verified suggestions', async () => {
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'requirements', text: 'pw-a<2   # old\npw-b\n' }));
    const { data, end, progress } = await events(opId);
    expect(end.kind).toBe('done');
    expect(progress.length).toBeGreaterThan(0);
    const outcome = result(data);
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.requirements.map((r) => r.text)).toEqual(['pw-a<2', 'pw-b']);
    expect(outcome.requirements[0]?.origin).toEqual({ kind: 'pasted', line: 1, text: 'pw-a<2' });
    expect(outcome.explanation.text).toMatch(/pw-a<2/);
    expect(outcome.explanation.text).toMatch(/pw-c/);
    const ids = new Set(outcome.graph.nodes.map((n) => n.id));
    expect(ids.has('req:0') && ids.has('req:1') && ids.has('pkg:pw-c')).toBe(true);
    for (const line of outcome.explanation.lines) for (const id of line.nodeIds) expect(ids.has(id), id).toBe(true);
    const sug = data.find((d) => d.type === 'suggestions');
    if (sug?.type !== 'suggestions') throw new Error('no suggestions');
    expect(sug.suggestions.length).toBeGreaterThan(0);
    expect(sug.suggestions[0]).toMatchObject({ requirementIndex: 0, from: 'pw-a<2' });
    expect(sug.suggestions[0]?.pins).toContain('pw-c==2.0');
  });

  it('re-resolves a "what if" list and returns the dependency graph', async () => {
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'list', requirements: [{ text: 'pw-a', origin: null }, { text: 'pw-b', origin: null }] }));
    const outcome = result((await events(opId)).data);
    if (!outcome.ok) throw new Error(outcome.explanation.text);
    expect(outcome.pins.map((p) => `${p.name}==${p.version}`)).toEqual(['pw-a==2.0', 'pw-b==1.0', 'pw-c==2.0']);
    expect(outcome.graph.nodes.map((n) => n.id)).toContain('root');
    expect(outcome.graph.edges.filter((e) => e.to === 'pkg:pw-c').map((e) => e.from).sort()).toEqual(['pkg:pw-a', 'pkg:pw-b']);
  });

  it('reports bad input as BAD_REQUEST with a hint', async () => {
    await expect(client.dependencies.resolve(resolveInput({ kind: 'requirements', text: '# nothing\n' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(client.dependencies.resolve(resolveInput({ kind: 'requirements', text: 'x' }, { target: { kind: 'named', id: 'nope' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'requirements', text: 'pw-a >= = 1' }));
    const { end } = await events(opId);
    expect(end).toMatchObject({ kind: 'error', error: { code: 'BAD_REQUEST' } });
  });

  it('cancels a resolution that is waiting on a slow index', async () => {
    http.hooks.set('/simple/pw-c/', () => true); // never answers
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'requirements', text: 'pw-a' }, { index: { urls: [`${http.url}simple/`] } }));
    const stream = events(opId);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    expect(await client.ops.cancel({ opId })).toEqual({ cancelled: true });
    const { end } = await stream;
    expect(end).toMatchObject({ kind: 'done', cancelled: true });
    expect(performance.now() - t0).toBeLessThan(1500);
    http.hooks.delete('/simple/pw-c/');
  });
});

describe('project inputs and fixes', () => {
  const PYPROJECT = `[project]
name = "demo-app"
version = "0.1"
requires-python = ">=3.10"
dependencies = [
  "pw-a<2",  # keep this comment
  "pw-b",
]

[project.optional-dependencies]
tools = ["pw-tool"]
all = ["demo-app[tools]"]

[dependency-groups]
dev = [{ include-group = "lint" }, "pw-c"]
lint = ["pw-tool>=3"]
`;

  it('reads dependencies, extras (self-references expanded) and groups (include-group)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pw-deps-proj-'));
    writeFileSync(join(folder, 'pyproject.toml'), PYPROJECT);
    const inputs = await client.dependencies.projectInputs({ folder });
    expect(inputs.dependencies).toEqual([
      { text: 'pw-a<2', path: ['project', 'dependencies', 0] },
      { text: 'pw-b', path: ['project', 'dependencies', 1] },
    ]);
    expect(inputs.groups.find((g) => g.name === 'dev')?.includes).toEqual(['lint']);
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'project', folder, dependencies: false, extras: ['all'], groups: ['dev'] }));
    const outcome = result((await events(opId)).data);
    expect(outcome.requirements.map((r) => [r.text, r.origin?.kind === 'pyproject' ? r.origin.from : null])).toEqual([
      ['pw-tool', 'extra tools'],
      ['pw-c', 'group dev'],
      ['pw-tool>=3', 'group lint'],
    ]);
    expect(outcome.ok).toBe(true);
  });

  it('applies a fix to the buffer text, keeping the comment, and refuses a stale one', async () => {
    const r = await client.dependencies.applyFix({ text: PYPROJECT, changes: [{ path: ['project', 'dependencies', 0], from: 'pw-a<2', to: 'pw-a<=2.0' }] });
    expect(r.text).toBe(PYPROJECT.replace('"pw-a<2",', '"pw-a<=2.0",'));
    expect(r.edits.length).toBeGreaterThan(0);
    const dropped = await client.dependencies.applyFix({ text: PYPROJECT, changes: [{ path: ['project', 'dependencies', 1], from: 'pw-b', to: null }] });
    expect(dropped.text).not.toContain('"pw-b"');
    expect(dropped.text).toContain('# keep this comment');
    await expect(client.dependencies.applyFix({ text: PYPROJECT, changes: [{ path: ['project', 'dependencies', 0], from: 'pw-zzz', to: 'x' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('warns when the target Python is outside the project requires-python', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pw-deps-proj-'));
    writeFileSync(join(folder, 'pyproject.toml'), PYPROJECT);
    const { opId } = await client.dependencies.resolve(resolveInput({ kind: 'project', folder, text: PYPROJECT.replace('"pw-a<2",', '"pw-a",') }, { target: { kind: 'custom', python: '3.9' } }));
    const outcome = result((await events(opId)).data);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.join('\n')).toMatch(/requires-python \(>=3\.10\) excludes the target's Python 3\.9/);
  });
});

describe('dependencies.check', () => {
  it('resolves for each environment and says which fail and why', async () => {
    const targets = ['cp310-manylinux_2_28_x86_64', 'cp312-win_amd64'].map((id) => ({ kind: 'named' as const, id }));
    const { opId } = await client.dependencies.check({ source: { kind: 'requirements', text: 'pw-new' }, targets, index: { urls: [indexUrl] } });
    const { data, end } = await events(opId);
    expect(end.kind).toBe('done');
    const perTarget = data.filter((d) => d.type === 'target');
    expect(perTarget.map((d) => (d.type === 'target' ? [d.outcome.id, d.outcome.ok] : null))).toEqual([
      ['cp310-manylinux_2_28_x86_64', false],
      ['cp312-win_amd64', true],
    ]);
    const failed = perTarget[0];
    if (failed?.type !== 'target') throw new Error('no target');
    expect(failed.outcome.reason).toMatch(/requires Python>=3\.11/);
    expect(failed.outcome.failure?.graph.nodes.length).toBeGreaterThan(0);
    expect(data.at(-1)).toMatchObject({ type: 'matrix', failing: ['cp310-manylinux_2_28_x86_64'] });
  });

  it('marks targets outside the project\'s requires-python', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pw-deps-proj-'));
    writeFileSync(join(folder, 'pyproject.toml'), '[project]\nname = "p"\nrequires-python = ">=3.11"\ndependencies = ["pw-c"]\n');
    const targets = ['cp310-manylinux_2_28_x86_64', 'cp312-manylinux_2_28_x86_64'].map((id) => ({ kind: 'named' as const, id }));
    const { opId } = await client.dependencies.check({ source: { kind: 'project', folder }, targets, index: { urls: [indexUrl] } });
    const flags = (await events(opId)).data.flatMap((d) => (d.type === 'target' ? [[d.outcome.id, d.outcome.ok, d.outcome.outsideRequiresPython ?? false]] : []));
    expect(flags).toEqual([
      ['cp310-manylinux_2_28_x86_64', true, true],
      ['cp312-manylinux_2_28_x86_64', true, false],
    ]);
  });

  it('lists options: targets, the default matrix, index defaults', async () => {
    const o = await client.dependencies.options();
    expect(o.targets.some((t) => t.id === o.defaultTargetId)).toBe(true);
    expect(o.matrixTargetIds.length).toBe(18);
    expect(o.localIndexes.length > 0 || o.defaultIndexUrls.length > 0).toBe(true);
  });
});
