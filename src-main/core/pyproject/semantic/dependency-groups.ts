/**
 * PEP 735 `[dependency-groups]`: group names compared after normalization, include tables with
 * exactly one `include-group` key naming an existing group, and no include cycles
 * (https://packaging.python.org/en/latest/specifications/dependency-groups/).
 */
import { normalizeName } from '../../standards/names';
import { isTable, type CheckContext } from './context';

export function checkDependencyGroups(c: CheckContext): void {
  const groups = c.doc.value['dependency-groups'];
  if (!isTable(groups)) return;
  const rule = 'PEP 735';
  // "Tools SHOULD error if Dependency Group names do not match" after normalization.
  const byNorm = new Map<string, string>();
  for (const name of Object.keys(groups)) {
    const norm = normalizeName(name);
    const first = byNorm.get(norm);
    if (first !== undefined) {
      c.report({ code: 'PW-PEP735-001', message: `The dependency groups \`${first}\` and \`${name}\` have the same normalized name \`${norm}\`; group names must be unique.`, path: ['dependency-groups', name], part: 'key', rule });
    } else byNorm.set(norm, name);
  }
  // Edges of the include graph, by normalized name, with where each include is written.
  const edges = new Map<string, { target: string; index: number; from: string }[]>();
  for (const [name, list] of Object.entries(groups)) {
    if (!Array.isArray(list)) continue;
    const out: { target: string; index: number; from: string }[] = [];
    list.forEach((item, i) => {
      if (!isTable(item)) return;
      const path = ['dependency-groups', name, i];
      const keys = Object.keys(item);
      if (!('include-group' in item)) {
        if (keys.length === 0) c.report({ code: 'PW-PEP735-004', message: 'An include table needs exactly one key, `include-group`, naming another group.', path, rule });
        return;
      }
      const target = item['include-group'];
      if (typeof target !== 'string') return;
      if (!byNorm.has(normalizeName(target))) {
        c.report({ code: 'PW-PEP735-002', message: `\`${target}\` is not a dependency group in this file; an include must name an existing group.`, path: [...path, 'include-group'], rule });
        return;
      }
      out.push({ target: normalizeName(target), index: i, from: name });
    });
    edges.set(normalizeName(name), out);
  }
  reportCycles(c, edges, byNorm);
  // PEP 735: tools MAY warn when a group shares its name with an extra.
  const extras = c.project?.['optional-dependencies'];
  if (isTable(extras)) {
    const extraNames = new Set(Object.keys(extras).map(normalizeName));
    for (const name of Object.keys(groups)) {
      if (extraNames.has(normalizeName(name))) {
        c.report({ code: 'PW-PEP735-005', severity: 'info', message: `The dependency group \`${name}\` has the same name as an extra; tools that install both may confuse them.`, path: ['dependency-groups', name], part: 'key', rule });
      }
    }
  }
}

/** Depth-first search; each include that closes a cycle is reported once, with the cycle. */
function reportCycles(c: CheckContext, edges: Map<string, { target: string; index: number; from: string }[]>, names: Map<string, string>): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const e of edges.get(node) ?? []) {
      const s = state.get(e.target);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(e.target)), e.target].map((n) => names.get(n) ?? n);
        const key = `${e.from}#${e.index}`;
        if (!reported.has(key)) {
          reported.add(key);
          c.report({
            code: 'PW-PEP735-003',
            message: `Dependency groups include each other in a cycle (${cycle.join(' → ')}); PEP 735 forbids include cycles.`,
            path: ['dependency-groups', e.from, e.index],
            rule: 'PEP 735',
          });
        }
      } else if (s === undefined) visit(e.target);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
}
