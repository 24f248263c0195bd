import { describe, expect, it } from 'vitest';
import type { MemoryIndex } from '../memory-provider';
import { BRANCHING, solveIndex } from '../testing/fixtures';
import type { ResolveResult } from '../types';
import { conflictGraph, resolutionGraph } from './graph';

function graphOf(r: ResolveResult) {
  if (r.ok) throw new Error('expected a failure');
  return conflictGraph(r.failure);
}

const CASES: [string, MemoryIndex, string[]][] = [
  ['branching', BRANCHING, ['foo>=1,<2']],
  ['linear', { a: { '1.0': { requiresDist: ['b==2.0'] } }, b: { '1.0': {}, '2.0': {} } }, ['a', 'b==1.0']],
  ['missing', { a: { '1.0': { requiresDist: ['c'] }, '2.0': {} }, b: { '1.0': { requiresDist: ['a==1.0'] } } }, ['a', 'b']],
  ['python', { a: { '1.0': { requiresPython: '>=3.13' } } }, ['a ; python_version >= "3"']],
];

describe('conflictGraph', () => {
  it.each(CASES)('%s: sentence ids and graph nodes are consistent both ways', async (_name, index, reqs) => {
    const g = graphOf(await solveIndex(index, reqs));
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.size).toBe(g.nodes.length);
    expect(ids.has(g.root)).toBe(true);
    for (const e of g.edges) {
      expect(ids.has(e.from), e.id).toBe(true);
      expect(ids.has(e.to), e.id).toBe(true);
    }
    const lines = [...g.explanation.lines, ...g.explanation.hints];
    for (const line of lines) for (const id of line.nodeIds) expect(ids.has(id), `${id} in "${line.text}"`).toBe(true);
    // Each package a sentence names is among its ids; each package node is named by a sentence.
    const pkgs = g.nodes.filter((n) => n.kind === 'package');
    for (const line of g.explanation.lines) {
      for (const p of pkgs) if (new RegExp(`(^|[\\s(])${p.label.replace(/[[\]]/g, '\\$&')}([=<>!~\\s,.]|$)`).test(line.text)) expect(line.nodeIds, `${p.id} in "${line.text}"`).toContain(p.id);
    }
    for (const p of pkgs) expect(lines.some((l) => l.nodeIds.includes(p.id)), p.id).toBe(true);
    // Every incompatibility node is explained by some sentence; conclusions point at their causes.
    for (const n of g.nodes.filter((x) => x.kind === 'incompatibility')) expect(lines.some((l) => l.nodeIds.includes(n.id)), n.id).toBe(true);
    for (const n of g.nodes.filter((x) => x.kind === 'incompatibility' && !x.external)) expect(g.edges.filter((e) => e.from === n.id && e.kind === 'derived-from')).toHaveLength(2);
    // The user's requirements are nodes with depends-on edges to their packages.
    const req = g.nodes.find((n) => n.kind === 'requirement');
    expect(req).toBeDefined();
    expect(g.edges.some((e) => e.from === req?.id && e.kind === 'depends-on')).toBe(true);
  });

  it('is deterministic', async () => {
    const a = JSON.stringify(graphOf(await solveIndex(BRANCHING, ['foo>=1,<2'])));
    const b = JSON.stringify(graphOf(await solveIndex(BRANCHING, ['foo>=1,<2'])));
    expect(a).toBe(b);
  });
});

describe('resolutionGraph', () => {
  it('links the root and pins by the requirements that brought them in', async () => {
    const r = await solveIndex({ a: { '1.0': { requiresDist: ['b>=1'] } }, b: { '1.0': {} } }, ['a']);
    if (!r.ok) throw new Error('expected success');
    const g = resolutionGraph(r);
    expect(g.nodes.map((n) => n.id)).toEqual(['root', 'pkg:a', 'pkg:b']);
    expect(g.edges.map((e) => `${e.from}->${e.to} ${e.label ?? ''}`)).toEqual(['root->pkg:a a', 'pkg:a->pkg:b b>=1']);
  });
});
