import { describe, expect, it } from 'vitest';
import { chainsTo, EdgeIndex, highlightFor, searchNodes } from './paths';

const e = (from: string, to: string, kind = 'depends-on') => ({ id: `${kind}:${from}->${to}`, from, to, kind });

// root → a → c, root → b → c → d, and a cycle d → c.
const SUCCESS = new EdgeIndex([e('root', 'pkg:a'), e('root', 'pkg:b'), e('pkg:a', 'pkg:c'), e('pkg:b', 'pkg:c'), e('pkg:c', 'pkg:d'), e('pkg:d', 'pkg:c')]);

describe('highlightFor', () => {
  it('a package: every path from the root down to it', () => {
    const h = highlightFor(SUCCESS, 'pkg:c');
    expect([...h.nodes].sort()).toEqual(['pkg:a', 'pkg:b', 'pkg:c', 'pkg:d', 'root']);
    expect(h.edges.has('depends-on:root->pkg:a')).toBe(true);
  });

  it('a requirement: what it brings in; an incompatibility: its derivation and the packages it is about', () => {
    const conflict = new EdgeIndex([
      e('req:0', 'pkg:a'),
      e('pkg:a', 'pkg:c'),
      e('inc:5', 'inc:3', 'derived-from'),
      e('inc:5', 'inc:4', 'derived-from'),
      e('inc:3', 'pkg:a', 'about'),
      e('inc:4', 'pkg:b', 'about'),
      e('inc:9', 'pkg:z', 'about'),
    ]);
    expect([...highlightFor(conflict, 'req:0').nodes].sort()).toEqual(['pkg:a', 'pkg:c', 'req:0']);
    expect([...highlightFor(conflict, 'inc:5').nodes].sort()).toEqual(['inc:3', 'inc:4', 'inc:5', 'pkg:a', 'pkg:b']);
  });
});

describe('chainsTo', () => {
  it('lists the chains from the root, shortest first, without looping through cycles', () => {
    expect(chainsTo(SUCCESS, 'pkg:d')).toEqual([
      ['root', 'pkg:a', 'pkg:c', 'pkg:d'],
      ['root', 'pkg:b', 'pkg:c', 'pkg:d'],
    ]);
    expect(chainsTo(SUCCESS, 'pkg:d', 1)).toHaveLength(1);
  });

  it('stays bounded on graphs with very many paths', () => {
    // 30 layers of 2 nodes, each linked to both nodes of the next layer: 2^30 paths.
    const edges = [e('root', 'L0a'), e('root', 'L0b')];
    for (let i = 0; i < 30; i++) for (const x of ['a', 'b']) for (const y of ['a', 'b']) edges.push(e(`L${i}${x}`, `L${i + 1}${y}`));
    const chains = chainsTo(new EdgeIndex(edges), 'L30a', 5);
    expect(chains).toHaveLength(5);
    expect(chains[0]).toHaveLength(32);
  });
});

describe('searchNodes', () => {
  it('matches labels case-insensitively; an empty query matches nothing', () => {
    const nodes = [{ id: 'pkg:a', label: 'Requests==2.0' }, { id: 'pkg:b', label: 'urllib3==2.2' }];
    expect(searchNodes(nodes, 'REQ')).toEqual(['pkg:a']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });
});
