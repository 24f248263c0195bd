/**
 * Failure explanations in words: Dart pub's error-reporting walk over the derivation graph
 * (`doc/solver.md` §Error Reporting) with uv's phrasing. Shared sub-derivations (derived
 * incompatibilities that cause two or more others) get a number when first written and are
 * referred to as "(n)" afterwards; a linear chain reads as one "Because …, we can conclude …"
 * sentence followed by "And because …" ones. The user's requirements are named as "you
 * require …", ranges are collapsed onto the versions that exist, and hints follow.
 *
 * Every line carries the ids of the graph nodes it talks about (see graph.ts: `inc:<id>`,
 * `pkg:<key>`, `req:<index>`), so a UI can link sentences and nodes both ways.
 */
import { collapseNoVersions } from './collapse';
import { Describer, type Phrase } from './describe';
import type { FailureReport, TreeNode } from './failure';
import { collectHints, type Hint } from './hints';

/** One line of an explanation. */
export interface ExplanationLine {
  readonly text: string;
  /** The line's number when later lines refer to it. */
  readonly number?: number;
  /** Graph node ids this line talks about. */
  readonly nodeIds: readonly string[];
}

/** A complete explanation: numbered lines, then hints. */
export interface Explanation {
  readonly lines: readonly ExplanationLine[];
  readonly hints: readonly Hint[];
  /** Everything as plain text (lines, a blank line, `hint: …` paragraphs). */
  readonly text: string;
}

interface MutableLine {
  text: string;
  number?: number;
  nodeIds: string[];
}

/** Graph node ids for a phrase. */
export function phraseIds(p: Phrase): string[] {
  return [...p.pkgs.map((k) => `pkg:${k}`), ...p.reqs.map((i) => `req:${i}`)];
}

class Writer {
  readonly lines: MutableLine[] = [];
  private readonly numbers = new Map<number, number>();
  private readonly refCount = new Map<number, number>();
  private nextNumber = 1;
  private readonly d: Describer;

  constructor(private readonly report: FailureReport) {
    this.d = new Describer(report);
    for (const n of report.tree.nodes.values()) {
      if (n.cause.kind !== 'derived') continue;
      for (const c of [n.cause.left, n.cause.right]) this.refCount.set(c, (this.refCount.get(c) ?? 0) + 1);
    }
  }

  private node(id: number): TreeNode {
    const n = this.report.tree.nodes.get(id);
    if (!n) throw new Error(`[BUG] derivation node ${id} missing`);
    return n;
  }

  private derived(n: TreeNode): boolean {
    return n.cause.kind === 'derived';
  }

  private causes(n: TreeNode): [TreeNode, TreeNode] {
    if (n.cause.kind !== 'derived') throw new Error('[BUG] not derived');
    return [this.node(n.cause.left), this.node(n.cause.right)];
  }

  private ref(n: TreeNode): Phrase {
    const p = this.d.conclusion(n);
    return { ...p, text: `${p.text} (${this.numbers.get(n.id)})` };
  }

  private write(n: TreeNode, parts: Phrase[], text: string, extraIds: number[]): void {
    const ids = new Set<string>([`inc:${n.id}`, ...extraIds.map((i) => `inc:${i}`)]);
    for (const p of parts) for (const id of phraseIds(p)) ids.add(id);
    const line: MutableLine = { text, nodeIds: [...ids] };
    this.lines.push(line);
    if ((this.refCount.get(n.id) ?? 0) > 1 && !this.numbers.has(n.id)) {
      line.number = this.nextNumber++;
      this.numbers.set(n.id, line.number);
    }
  }

  private ensureNumbered(n: TreeNode): void {
    if (this.numbers.has(n.id)) return;
    const last = this.lines[this.lines.length - 1];
    if (!last) return;
    last.number ??= this.nextNumber++;
    this.numbers.set(n.id, last.number);
  }

  visit(n: TreeNode): void {
    const concl = this.d.conclusion(n);
    const so = `we can conclude that ${concl.text}`;
    if (!this.derived(n)) {
      const e = this.d.external(n);
      this.write(n, [e, concl], `Because ${e.text}, ${so}.`, []);
      return;
    }
    const [c1, c2] = this.causes(n);
    if (this.derived(c1) && this.derived(c2)) {
      const l1 = this.numbers.has(c1.id);
      const l2 = this.numbers.has(c2.id);
      if (l1 && l2) {
        const r1 = this.ref(c1);
        const r2 = this.ref(c2);
        this.write(n, [r1, r2, concl], `Because we know from ${r1.text} and ${r2.text}, ${so}.`, [c1.id, c2.id]);
      } else if (l1 || l2) {
        const [withLine, without] = l1 ? [c1, c2] : [c2, c1];
        this.visit(without);
        const r = this.ref(withLine);
        this.write(n, [r, concl], `And because we know from ${r.text}, ${so}.`, [withLine.id, without.id]);
      } else {
        const simple = [c1, c2].find((c) => this.causes(c).every((x) => !this.derived(x)));
        if (simple) {
          const complex = simple === c1 ? c2 : c1;
          this.visit(complex);
          this.visit(simple);
          this.write(n, [concl], `Thus, ${concl.text}.`, [c1.id, c2.id]);
        } else {
          this.visit(c1);
          this.ensureNumbered(c1);
          this.lines.push({ text: '', nodeIds: [] });
          this.visit(c2);
          const r = this.ref(c1);
          this.write(n, [r, concl], `And because we know from ${r.text}, ${so}.`, [c1.id, c2.id]);
        }
      }
      return;
    }
    if (this.derived(c1) || this.derived(c2)) {
      const [derived, external] = this.derived(c1) ? [c1, c2] : [c2, c1];
      const e = this.d.external(external);
      if (this.numbers.has(derived.id)) {
        const r = this.ref(derived);
        this.write(n, [e, r, concl], `Because ${e.text} and we know from ${r.text}, ${so}.`, [external.id, derived.id]);
        return;
      }
      const [d1, d2] = this.causes(derived);
      const derivedCauses = [d1, d2].filter((x) => this.derived(x));
      const prior = derivedCauses.length === 1 ? (derivedCauses[0] as TreeNode) : undefined;
      if (prior && !this.numbers.has(prior.id) && (this.refCount.get(derived.id) ?? 0) <= 1) {
        const priorExternal = prior === d1 ? d2 : d1;
        this.visit(prior);
        const pe = this.d.external(priorExternal);
        this.write(n, [pe, e, concl], `And because ${combine(pe.text, e.text)}, ${so}.`, [priorExternal.id, external.id, derived.id]);
        return;
      }
      this.visit(derived);
      this.write(n, [e, concl], `And because ${e.text}, ${so}.`, [external.id, derived.id]);
      return;
    }
    const e1 = this.d.external(c1);
    const e2 = this.d.external(c2);
    this.write(n, [e1, e2, concl], `Because ${combine(e1.text, e2.text)}, ${so}.`, [c1.id, c2.id]);
  }
}

/**
 * Join two facts, the user's own requirement first ("you require a and b" when both are).
 */
function combine(a: string, b: string): string {
  const p = 'you require ';
  if (a.startsWith(p) && b.startsWith(p)) return `${a} and ${b.slice(p.length)}`;
  if (b.startsWith(p)) return `${b} and ${a}`;
  return `${a} and ${b}`;
}

/** Explain a failure: lines (with numbers and node ids) and hints. */
export function explainFailure(full: FailureReport): Explanation {
  const report: FailureReport = { ...full, tree: collapseNoVersions(full) };
  const w = new Writer(report);
  const root = report.tree.nodes.get(report.tree.root);
  if (root) w.visit(root);
  const lines: ExplanationLine[] = w.lines.map((l) => ({ text: l.number !== undefined ? `${l.text} (${l.number})` : l.text, ...(l.number !== undefined ? { number: l.number } : {}), nodeIds: l.nodeIds }));
  const hints = collectHints(report);
  const text = [...lines.map((l) => l.text), ...(hints.length > 0 ? ['', ...hints.map((h) => `hint: ${h.text}`)] : [])].join('\n');
  return { lines, hints, text };
}
