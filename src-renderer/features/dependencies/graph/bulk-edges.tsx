/**
 * Edges of big graphs drawn as one SVG path in the flow's viewport (instead of one SVG element
 * per edge): a thousand-node graph then renders in a fraction of the time. Highlighted edges
 * are still drawn as regular edges on top, with their labels.
 */
import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import type { Placed } from './elk-graph';

/** Edges, node positions and sizes; highlighted edges to leave out. */
export interface BulkEdgesProps {
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string }[];
  readonly positions: Readonly<Record<string, Placed>>;
  readonly sizes: ReadonlyMap<string, { width: number; height: number }>;
  /** Edges drawn elsewhere (highlighted). */
  readonly skip: ReadonlySet<string> | null;
  readonly dim: boolean;
}

/** Straight lines from each source's bottom centre to each target's top centre. */
export function bulkPath(edges: BulkEdgesProps['edges'], positions: BulkEdgesProps['positions'], sizes: BulkEdgesProps['sizes'], skip: ReadonlySet<string> | null): string {
  let d = '';
  for (const e of edges) {
    if (skip?.has(e.id)) continue;
    const s = positions[e.from];
    const t = positions[e.to];
    const ss = sizes.get(e.from);
    const ts = sizes.get(e.to);
    if (!s || !t || !ss || !ts) continue;
    d += `M${(s.x + ss.width / 2).toFixed(1)} ${(s.y + ss.height).toFixed(1)}L${(t.x + ts.width / 2).toFixed(1)} ${t.y.toFixed(1)}`;
  }
  return d;
}

/** All (non-highlighted) edges as one SVG path in the viewport. */
export function BulkEdges({ edges, positions, sizes, skip, dim }: BulkEdgesProps) {
  const d = useMemo(() => bulkPath(edges, positions, sizes, skip), [edges, positions, sizes, skip]);
  return (
    <ViewportPortal>
      <svg className={`dep-bulk-edges${dim ? ' is-dim' : ''}`} width={1} height={1} aria-hidden="true">
        <path d={d} />
      </svg>
    </ViewportPortal>
  );
}
