import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { BIG_GRAPH, estimateSize, layoutEdges, positionsOf, toElkGraph } from './elk-graph';

const node = (id: string) => ({ id, width: 100, height: 30 });
const edge = (from: string, to: string) => ({ id: `${from}->${to}`, from, to });

describe('layoutEdges', () => {
  it('drops self-loops, duplicates and edges to unknown nodes', () => {
    const nodes = ['a', 'b'].map(node);
    expect(layoutEdges(nodes, [edge('a', 'b'), edge('a', 'b'), edge('a', 'a'), edge('a', 'zz')]).map((e) => e.id)).toEqual(['a->b']);
  });

  it('lays out big graphs along a breadth-first spanning forest that reaches every node', () => {
    const n = BIG_GRAPH + 50;
    const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`));
    const edges = [];
    for (let i = 1; i < n; i++) edges.push(edge(`n${Math.floor((i - 1) / 2)}`, `n${i}`), edge('n0', `n${i}`));
    edges.push(edge(`n${n - 1}`, 'n1')); // a cycle back up
    const tree = layoutEdges(nodes, edges);
    expect(tree).toHaveLength(n - 1);
    expect(new Set(tree.map((e) => e.to)).size).toBe(n - 1);
    // Breadth-first from n0: every node hangs directly under n0 (its nearest parent).
    expect(tree.every((e) => e.from === 'n0')).toBe(true);
  });
});

describe('estimateSize', () => {
  it('widens with the label up to a maximum, then wraps into more lines', () => {
    const short = estimateSize('a==1', null, 230);
    const long = estimateSize('x'.repeat(80), null, 230);
    expect(short.width).toBeLessThan(long.width);
    expect(long.width).toBe(230);
    expect(long.height).toBeGreaterThan(short.height);
  });
});

describe('ELK layered layout', () => {
  it('places every node, top to bottom along the edges, without overlaps', async () => {
    const nodes = ['root', 'a', 'b', 'c'].map(node);
    const laid = await new ELK().layout(toElkGraph(nodes, [edge('root', 'a'), edge('root', 'b'), edge('a', 'c'), edge('b', 'c')]));
    const { positions } = positionsOf(laid);
    expect(Object.keys(positions).sort()).toEqual(['a', 'b', 'c', 'root']);
    const p = (id: string) => positions[id] as { x: number; y: number };
    expect(p('a').y).toBeGreaterThan(p('root').y);
    expect(p('c').y).toBeGreaterThan(p('a').y);
    expect(Math.abs(p('a').x - p('b').x)).toBeGreaterThanOrEqual(100);
  });
});
