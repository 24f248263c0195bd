/**
 * The resolution as a tree (WAI-ARIA tree pattern): your requirements → direct packages →
 * their dependencies. Arrow keys move and expand/collapse, Enter selects, Home/End jump; a
 * package already above in the same branch is shown as a cycle, not expanded again. Selecting
 * a package elsewhere expands the tree down to it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphEdgeDto, GraphNodeDto } from '@contract';
import { chainsTo, type EdgeIndex } from '../graph/paths';

interface Row {
  readonly key: string;
  readonly id: string;
  readonly level: number;
  readonly parentKey: string | null;
  readonly hasChildren: boolean;
  readonly cycle: boolean;
  readonly via: string | null;
}

/** The success graph, its edge index, and the shared selection, filter and search. */
export interface DependencyTreeProps {
  readonly nodes: readonly GraphNodeDto[];
  readonly edges: readonly GraphEdgeDto[];
  readonly index: EdgeIndex;
  readonly selected: string | null;
  readonly visible: ReadonlySet<string> | null;
  readonly matches: ReadonlySet<string>;
  readonly onSelect: (id: string) => void;
}

/** The dependency tree (WAI-ARIA tree). */
export function DependencyTree(props: DependencyTreeProps) {
  const { nodes, edges, index, selected, onSelect } = props;
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
  const children = useMemo(() => {
    const m = new Map<string, GraphEdgeDto[]>();
    for (const e of edges) {
      if (e.kind !== 'depends-on') continue;
      const list = m.get(e.from) ?? [];
      list.push(e);
      m.set(e.from, list);
    }
    for (const list of m.values()) list.sort((a, b) => (labels.get(a.to) ?? '').localeCompare(labels.get(b.to) ?? ''));
    return m;
  }, [edges, labels]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(['root']));
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (id: string, key: string, level: number, ancestors: string[], via: string | null, parentKey: string | null): void => {
      if (props.visible && !props.visible.has(id)) return;
      const cycle = ancestors.includes(id);
      const kids = cycle ? [] : (children.get(id) ?? []);
      out.push({ key, id, level, parentKey, hasChildren: kids.length > 0, cycle, via });
      if (!expanded.has(key)) return;
      for (const e of kids) walk(e.to, `${key}/${e.to}`, level + 1, [...ancestors, id], e.label ?? null, key);
    };
    walk('root', 'root', 1, [], null, null);
    return out;
  }, [children, expanded, props.visible]);

  // Reveal the selection: expand the shortest chain from the root to it.
  useEffect(() => {
    if (!selected || selected === 'root') return;
    const chain = chainsTo(index, selected, 1)[0];
    if (!chain || chain[0] !== 'root') return;
    const keys = chain.slice(0, -1).map((_, i) => chain.slice(0, i + 1).join('/'));
    setExpanded((prev) => new Set([...prev, ...keys]));
    setFocusKey(chain.join('/'));
  }, [selected, index]);

  useEffect(() => {
    if (!focusKey) return;
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusKey, rows]);

  const current = rows.find((r) => r.key === focusKey) ?? rows[0];
  const setOpen = (key: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  const focusRow = (r: Row | undefined) => {
    if (!r) return;
    setFocusKey(r.key);
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(r.key)}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!current) return;
    const i = rows.indexOf(current);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(rows[i + 1]),
      ArrowUp: () => focusRow(rows[i - 1]),
      Home: () => focusRow(rows[0]),
      End: () => focusRow(rows[rows.length - 1]),
      ArrowRight: () => (current.hasChildren && !expanded.has(current.key) ? setOpen(current.key, true) : focusRow(rows[i + 1]?.parentKey === current.key ? rows[i + 1] : undefined)),
      ArrowLeft: () => (expanded.has(current.key) && current.hasChildren ? setOpen(current.key, false) : focusRow(rows.find((r) => r.key === current.parentKey))),
      Enter: () => onSelect(current.id),
      ' ': () => onSelect(current.id),
    };
    const act = keys[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };

  return (
    <ul className="deps-tree" role="tree" aria-label="Dependency tree" ref={listRef} onKeyDown={onKeyDown} data-testid="deps-tree">
      {rows.map((r) => {
        const open = expanded.has(r.key);
        return (
          <li
            key={r.key}
            data-key={r.key}
            role="treeitem"
            aria-level={r.level}
            aria-expanded={r.hasChildren ? open : undefined}
            aria-selected={r.id === selected}
            tabIndex={r === current ? 0 : -1}
            className={`deps-tree-row${r.id === selected ? ' is-selected' : ''}${props.matches.has(r.id) ? ' is-match' : ''}`}
            style={{ paddingLeft: `${(r.level - 1) * 1.1 + 0.3}rem` }}
            onClick={() => {
              setFocusKey(r.key);
              onSelect(r.id);
            }}
            onFocus={() => setFocusKey(r.key)}
          >
            <span
              className="deps-tree-twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                if (r.hasChildren) setOpen(r.key, !open);
              }}
            >
              {r.hasChildren ? (open ? '▾' : '▸') : '·'}
            </span>
            <span className="deps-tree-label">{labels.get(r.id) ?? r.id}</span>
            {r.cycle ? <span className="muted small"> (cycle)</span> : null}
            {r.via && r.level > 1 ? <span className="muted small"> {r.via}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
