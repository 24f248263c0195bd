import { describe, expect, it } from 'vitest';
import { UndoHistories, UndoHistory } from './undo-history';

describe('UndoHistory', () => {
  it('undoes and redoes text states', () => {
    const h = new UndoHistory('a');
    h.record('ab', { label: 'type b' });
    h.record('abc', { label: 'type c' });
    expect(h.undoLabels).toEqual(['type b', 'type c']);
    expect(h.undo()).toBe('ab');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('ab');
    h.record('abX');
    expect(h.canRedo).toBe(false);
    expect(h.text).toBe('abX');
  });

  it('is bounded', () => {
    const h = new UndoHistory('0', 3);
    for (let i = 1; i <= 10; i++) h.record(String(i));
    let n = 0;
    while (h.undo() !== null) n++;
    expect(n).toBe(3);
    expect(h.text).toBe('7');
  });

  it('coalesces consecutive records with the same key and ignores no-op records', () => {
    const h = new UndoHistory('');
    h.record('h', { coalesceKey: 'name' });
    h.record('he', { coalesceKey: 'name' });
    h.record('hel', { coalesceKey: 'name' });
    h.record('hel', { coalesceKey: 'other' });
    expect(h.undo()).toBe('');
  });

  it('tracks the saved state and keeps edits reachable after a reload', () => {
    const h = new UndoHistory('v1');
    h.record('v1 edited');
    expect(h.dirty).toBe(true);
    h.markSaved();
    expect(h.dirty).toBe(false);
    h.replaceAll('v2 from disk');
    expect(h.undo()).toBe('v1 edited');
  });

  it('keeps one history per open file', () => {
    const all = new UndoHistories();
    all.open('/a/pyproject.toml', 'x').record('y');
    all.open('/b/pyproject.toml', 'p');
    expect(all.get('/a/pyproject.toml')?.text).toBe('y');
    expect(all.get('/b/pyproject.toml')?.canUndo).toBe(false);
    all.close('/a/pyproject.toml');
    expect(all.get('/a/pyproject.toml')).toBeUndefined();
  });
});
