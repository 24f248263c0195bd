import { describe, expect, it } from 'vitest';
import type { OpEvent, ResolutionOutcome, ResolveInput } from '@contract';
import { failed, IDLE, isBusy, reduce, started, starting } from './run-state';

const input: ResolveInput = { source: { kind: 'project', folder: '/p' }, target: { kind: 'named', id: 't' }, index: { urls: [] } };
const stats = { steps: 1, decisions: 1, backtracks: 0, conflicts: 0, incompatibilities: 1, packagesListed: 1, metadataFetched: 1, elapsedMs: 5 };
const failure: ResolutionOutcome = {
  ok: false,
  target: { label: 'CPython 3.12', python: '3.12' },
  requirements: [{ text: 'a<2', origin: null }],
  constraints: [],
  stats,
  warnings: [],
  explanation: { lines: [], hints: [], text: '' },
  graph: { nodes: [], edges: [], root: 'inc:1' },
};
const ev = (seq: number, body: Record<string, unknown>): OpEvent => ({ opId: 'op-1', seq, ...body }) as OpEvent;

describe('run state', () => {
  it('follows a failing resolution: progress, counters, result, suggestions, done', () => {
    let s = started(starting(IDLE, { kind: 'resolve', input, dropped: [] }), 'op-1');
    expect(isBusy(s)).toBe(true);
    expect(s.projectFolder).toBe('/p');
    s = reduce(s, ev(0, { kind: 'progress', title: 'Resolving', fraction: null }), 1);
    s = reduce(s, ev(1, { kind: 'data', payload: { type: 'stats', stats } }), 2);
    s = reduce(s, ev(2, { kind: 'data', payload: { type: 'result', outcome: failure } }), 3);
    expect(s).toMatchObject({ progress: 'Resolving', outcome: failure, suggestions: null, resultAt: 3 });
    s = reduce(s, ev(3, { kind: 'data', payload: { type: 'suggestions', suggestions: [], elapsedMs: 1 } }), 4);
    s = reduce(s, ev(4, { kind: 'done', cancelled: false }), 5);
    expect(s).toMatchObject({ status: 'done', suggestions: [], progress: null });
    expect(isBusy(s)).toBe(false);
  });

  it('keeps the previous outcome and the project folder through a "what if" run', () => {
    const done = { ...reduce(started(starting(IDLE, { kind: 'resolve', input, dropped: [] }), 'op-1'), ev(0, { kind: 'data', payload: { type: 'result', outcome: failure } }), 1), status: 'done' as const };
    const next = starting(done, { kind: 'resolve', input: { ...input, source: { kind: 'list', requirements: [] } }, dropped: [{ text: 'b', origin: null }] });
    expect(next).toMatchObject({ status: 'starting', outcome: failure, projectFolder: '/p', dropped: [{ text: 'b', origin: null }] });
  });

  it('records cancellation, errors and ignores malformed data', () => {
    const s = started(starting(IDLE, { kind: 'resolve', input, dropped: [] }), 'op-1');
    expect(reduce(s, ev(0, { kind: 'done', cancelled: true }), 1).status).toBe('cancelled');
    expect(reduce(s, ev(0, { kind: 'error', error: { code: 'BAD_REQUEST', message: 'no' } }), 1)).toMatchObject({ status: 'error', error: { code: 'BAD_REQUEST' } });
    expect(reduce(s, ev(0, { kind: 'data', payload: { type: 'nonsense' } }), 1)).toBe(s);
    expect(failed(s, new Error('boom'))).toMatchObject({ status: 'error', error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('collects per-target outcomes of a check', () => {
    let s = started(starting(IDLE, { kind: 'check', input: { source: { kind: 'requirements', text: 'x' }, index: { urls: [] } } }), 'op-2');
    const outcome = { id: 't1', label: 'T1', ok: true, pins: ['x==1'], reason: null, hints: [], error: null, failure: null };
    s = reduce(s, ev(0, { kind: 'data', payload: { type: 'target', index: 0, total: 2, outcome } }), 1);
    s = reduce(s, ev(1, { kind: 'data', payload: { type: 'matrix', requirements: [], failing: [], groups: [{ ids: ['t1'], pins: ['x==1'] }] } }), 2);
    expect(s).toMatchObject({ kind: 'check', targets: [outcome], targetTotal: 2, matrix: { failing: [] } });
  });
});
