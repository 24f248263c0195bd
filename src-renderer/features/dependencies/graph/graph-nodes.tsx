/**
 * How graph nodes look: the root, the user's requirements, packages (with the version ranges
 * the derivation names, or the pinned version), and incompatibilities (facts, and conclusions
 * drawn dashed). Sizes are estimated from the labels so ELK can lay them out before rendering.
 */
import { Handle, Position, type Node, type NodeHandle, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GraphNodeDto } from '@contract';
import { estimateSize } from './elk-graph';

/** What a node shows. */
export interface DepNodeData extends Record<string, unknown> {
  readonly kind: GraphNodeDto['kind'];
  readonly label: string;
  readonly detail: string | null;
  readonly variant: string;
  /** Render handle elements (small graphs; see nodeHandles). */
  readonly handles: boolean;
}

export type DepNode = Node<DepNodeData, 'dep'>;

/** The words on a node: label and an optional second line. */
export function nodeText(n: GraphNodeDto): { label: string; detail: string | null; variant: string } {
  switch (n.kind) {
    case 'root':
      return { label: n.label, detail: null, variant: 'root' };
    case 'requirement':
      return { label: n.label, detail: 'your requirement', variant: 'requirement' };
    case 'package': {
      const ranges = (n.ranges ?? []).filter((r) => r !== n.label);
      // A success graph's package label already carries its version.
      const detail = n.label.includes('==') ? null : ranges.join(' · ') || null;
      return { label: n.label, detail, variant: 'package' };
    }
    case 'incompatibility':
      return { label: n.label, detail: null, variant: n.isRoot ? 'conclusion-root' : n.external ? 'fact' : 'conclusion' };
  }
}

/** A node's box. */
export function nodeSize(n: GraphNodeDto): { width: number; height: number } {
  const t = nodeText(n);
  return estimateSize(t.label, t.detail, n.kind === 'incompatibility' ? 250 : 230);
}

/** An accessible name for a node. */
export function nodeAriaLabel(n: GraphNodeDto): string {
  const t = nodeText(n);
  const what = n.kind === 'incompatibility' ? (n.external ? 'fact' : 'conclusion') : n.kind;
  return `${what}: ${t.label}${t.detail ? ` (${t.detail})` : ''}`;
}

/**
 * Where edges attach (top centre in, bottom centre out), declared up front so edges are drawn
 * in the first frame, before the handle elements are measured. Measuring replaces these with
 * the handle elements found, hence the same handles in the DOM of small graphs; big graphs skip
 * them (a thousand nodes render faster) since their edges are drawn in bulk, and the few
 * highlighted ones come with new node objects, which bring these declared handles back.
 */
export function nodeHandles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Top, x: width / 2 - 0.5, y: 0, width: 1, height: 1 },
    { type: 'source', position: Position.Bottom, x: width / 2 - 0.5, y: height - 1, width: 1, height: 1 },
  ];
}

function DepNodeView({ data }: NodeProps<DepNode>) {
  return (
    <div className={`dep-node dep-node-${data.variant}`}>
      {data.handles ? <Handle type="target" position={Position.Top} isConnectable={false} /> : null}
      <div className="dep-node-label">{data.label}</div>
      {data.detail ? <div className="dep-node-detail">{data.detail}</div> : null}
      {data.handles ? <Handle type="source" position={Position.Bottom} isConnectable={false} /> : null}
    </div>
  );
}

/** The node types for ReactFlow. */
export const NODE_TYPES = { dep: memo(DepNodeView) };
