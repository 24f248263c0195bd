import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge3 } from './merge3';

/** Random line edits of a base: replace, insert or delete lines. */
const edited = (lines: readonly string[]) =>
  fc.array(fc.tuple(fc.constantFrom('replace', 'insert', 'delete'), fc.nat(20), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((ops) => {
    const out = [...lines];
    for (const [op, at, s] of ops) {
      const i = out.length ? at % out.length : 0;
      if (op === 'insert') out.splice(i, 0, `new ${s}`);
      else if (op === 'delete' && out.length) out.splice(i, 1);
      else if (out.length) out[i] = `changed ${s}`;
    }
    return out;
  });
const join = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');

const base = 'a = 1\nb = 2\nc = 3\nd = 4\n';

describe('merge3 (diff3)', () => {
  it('takes changes from both sides when they touch different lines', () => {
    const r = merge3(base, base.replace('a = 1', 'a = 10'), base.replace('d = 4', 'd = 40'));
    expect(r).toMatchObject({ clean: true, text: 'a = 10\nb = 2\nc = 3\nd = 40\n' });
  });

  it('takes an identical change once', () => {
    const both = base.replace('b = 2', 'b = 20');
    expect(merge3(base, both, both)).toMatchObject({ clean: true, text: both });
  });

  it('reports a conflict with both sides and the base, dropping nothing', () => {
    const r = merge3(base, base.replace('b = 2', 'b = "ours"'), base.replace('b = 2', 'b = "theirs"'));
    expect(r.clean).toBe(false);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ ours: 'b = "ours"\n', theirs: 'b = "theirs"\n', base: 'b = 2\n' });
    expect(r.text).toContain('<<<<<<< ours');
    expect(r.text).toContain('b = "ours"');
    expect(r.text).toContain('b = "theirs"');
    const lines = r.text.split('\n');
    expect(lines[(r.conflicts[0]?.startLine ?? 0) - 1]).toMatch(/^<<<<<<< /);
    expect(lines[(r.conflicts[0]?.endLine ?? 0) - 1]).toMatch(/^>>>>>>> /);
  });

  it('merges insertions at different places, and reports both sides inserting at one place', () => {
    expect(merge3(base, `x = 0\n${base}`, `${base}e = 5\n`)).toMatchObject({ clean: true, text: `x = 0\n${base}e = 5\n` });
    const r = merge3(base, `${base}e = 5\n`, `${base}f = 6\n`);
    expect(r.clean).toBe(false);
    expect(r.text).toContain('e = 5');
    expect(r.text).toContain('f = 6');
  });

  it('handles deletions and files without a final newline', () => {
    expect(merge3(base, base.replace('c = 3\n', ''), base.replace('a = 1', 'a = 0'))).toMatchObject({ clean: true, text: 'a = 0\nb = 2\nd = 4\n' });
    const r = merge3('x', 'y', 'z');
    expect(r.clean).toBe(false);
    expect(r.text).toBe('<<<<<<< ours (your edits)\ny\n||||||| base (as loaded)\nx\n=======\nz\n>>>>>>> theirs (on disk)\n');
  });

  it('never drops a line either side added, and takes one-sided changes whole (property)', () => {
    const base = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', '[t]', ''), { maxLength: 12 });
    fc.assert(
      fc.property(base.chain((b) => fc.tuple(fc.constant(b), edited(b), edited(b))), ([b, o, t]) => {
        const r = merge3(join(b), join(o), join(t));
        if (join(o) === join(b)) expect(r.text).toBe(join(t));
        if (join(t) === join(b)) expect(r.text).toBe(join(o));
        const merged = r.text.split('\n');
        for (const line of [...o, ...t]) if (!b.includes(line)) expect(merged).toContain(line);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
