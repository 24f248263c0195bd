/**
 * Hints after an explanation: the concrete reason behind facts a user can act on —
 * Requires-Python, yanked versions (PEP 592), missing wheels or source distributions,
 * pre-releases the policy excluded, unknown projects. Each carries the graph node ids of the
 * incompatibility and package it is about.
 */
import { baseName } from '../solver/package-key';
import type { FailureReport, TreeNode } from './failure';
import { termText } from './ranges';

/** One hint. */
export interface Hint {
  readonly kind: 'requires-python' | 'yanked' | 'wheels' | 'sdist' | 'prerelease' | 'not-found' | 'metadata';
  readonly text: string;
  readonly nodeIds: readonly string[];
}

function hintFor(n: TreeNode, report: FailureReport): Hint | null {
  const t = n.terms[0];
  if (!t) return null;
  const ids = [`inc:${n.id}`, `pkg:${t.pkg}`];
  const who = termText(t.pkg, t.set);
  const name = baseName(t.pkg);
  const c = n.cause;
  if (c.kind === 'not-found') {
    return { kind: 'not-found', text: `\`${name}\` is not in the package index: check the spelling of the name and the index URL(s).`, nodeIds: ids };
  }
  if (c.kind === 'no-versions') {
    const pre = (report.excludedPrereleases.get(name) ?? []).filter((v) => t.set.contains(v));
    if (pre.length === 0) return null;
    const list = pre.slice(-3).map((v) => `${name}==${v.toString()}`).join(', ');
    return { kind: 'prerelease', text: `Pre-releases of \`${name}\` match (${list}) but pre-releases are disallowed; allow them (\`--prerelease allow\`) to use them.`, nodeIds: ids };
  }
  if (c.kind !== 'unavailable') return null;
  const r = c.reason;
  switch (r.type) {
    case 'requires-python':
      return {
        kind: 'requires-python',
        text: `${who} requires Python${r.specifier}, but the target Python is ${r.python} (${report.target.label}). Resolve for a Python version that satisfies it, or require a version of \`${name}\` that supports ${r.python}.`,
        nodeIds: ids,
      };
    case 'yanked':
      return {
        kind: 'yanked',
        text: `${who} was yanked${r.reason ? ` (reason: ${r.reason})` : ''}. A yanked version is only used when you pin it exactly (\`${who.replace(/^([^=<>!~]+).*$/, '$1')}==${c.versions[0]?.toString() ?? ''}\`), per PEP 592.`,
        nodeIds: ids,
      };
    case 'no-matching-wheel': {
      const what = r.mismatch === 'python' ? 'Python implementation tag' : r.mismatch === 'abi' ? 'Python ABI tag' : 'platform tag';
      const found = r.found.map((f) => `\`${f}\``).join(', ');
      return {
        kind: 'wheels',
        text: `The target (${report.target.label}) needs wheels tagged like \`${r.example}\`, but we only found wheels for \`${name}\` (${c.versions.map((v) => `v${v.toString()}`).join(', ')}) with the following ${what}${r.found.length === 1 ? '' : 's'}: ${found}.`,
        nodeIds: ids,
      };
    }
    case 'no-wheels-no-build':
      return { kind: 'wheels', text: `Wheels are required for \`${name}\` because building from source is disabled for \`${name}\` (no-build), and ${who} has no usable wheel.`, nodeIds: ids };
    case 'no-sdist-no-binary':
      return { kind: 'sdist', text: `A source distribution is required for \`${name}\` because using pre-built wheels is disabled for \`${name}\` (no-binary), and ${who} has none.`, nodeIds: ids };
    case 'invalid-metadata':
    case 'metadata-unavailable':
      return { kind: 'metadata', text: `The metadata of ${who} could not be used: ${r.message}`, nodeIds: ids };
  }
}

/** Hints for a failure, one per distinct text, in tree order. */
export function collectHints(report: FailureReport): Hint[] {
  const out: Hint[] = [];
  const seen = new Set<string>();
  const ids = [...report.tree.nodes.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const h = hintFor(report.tree.nodes.get(id) as TreeNode, report);
    if (h && !seen.has(h.text)) {
      seen.add(h.text);
      out.push(h);
    }
  }
  return out;
}
