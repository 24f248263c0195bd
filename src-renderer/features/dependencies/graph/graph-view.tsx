/**
 * An interactive graph (@xyflow/react) laid out by ELK in a Web Worker. Nodes are focusable
 * (Tab) and selectable with the pointer or Enter/Space; selection and highlights come from the
 * caller, so the same view serves the dependency graph and the conflict graph.
 *
 * Timing for the benchmark: `data-layout-ms` (the worker round trip) and `data-render-ms`
 * (from `since`, when the result arrived, to the first frame painted after the laid-out nodes
 * were committed to the DOM).
 */
import '@xyflow/react/dist/style.css';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphEdgeDto, GraphNodeDto } from '@contract';
import { NODE_TYPES, nodeAriaLabel, nodeSize, nodeText, type DepNode } from './graph-nodes';
import type { Highlight } from './paths';
import { useLayout } from './use-layout';

export interface GraphViewProps {
  readonly nodes: readonly GraphNodeDto[];
  readonly edges: readonly GraphEdgeDto[];
  /** What to emphasise (everything else is dimmed); null: nothing. */
  readonly highlight: Highlight | null;
  readonly selected: string | null;
  /** Search matches. */
  readonly matches: ReadonlySet<string>;
  readonly onSelect: (id: string | null) => void;
  readonly label: string;
  readonly testId: string;
  /** performance.now() when the data arrived. */
  readonly since: number | null;
  /** Show edge labels of highlighted edges only (big graphs) or always. */
  readonly edgeLabels: 'always' | 'highlighted';
}

function nodeClass(id: string, p: GraphViewProps): string {
  const parts: string[] = [];
  if (id === p.selected) parts.push('is-selected');
  if (p.highlight) parts.push(p.highlight.nodes.has(id) ? 'is-path' : 'is-dim');
  if (p.matches.has(id)) parts.push('is-match');
  return parts.join(' ');
}

function Flow(props: GraphViewProps) {
  const { nodes, edges, highlight, onSelect } = props;
  const sized = useMemo(() => nodes.map((n) => ({ id: n.id, ...nodeSize(n) })), [nodes]);
  const layout = useLayout(sized, edges);
  const flow = useReactFlow();
  const [rendered, setRendered] = useState<{ key: string; ms: number } | null>(null);
  const measuredFor = useRef<string>('');

  const rfNodes: DepNode[] = useMemo(() => {
    if (!layout.positions) return [];
    return nodes.map((n, i) => {
      const size = sized[i] as { width: number; height: number };
      return {
        id: n.id,
        type: 'dep' as const,
        position: layout.positions?.[n.id] ?? { x: 0, y: 0 },
        data: { kind: n.kind, ...nodeText(n) },
        // Sizes as estimated for the layout, so fitting the view needs no measuring pass.
        width: size.width,
        height: size.height,
        style: { width: size.width },
        className: nodeClass(n.id, props),
        ariaLabel: nodeAriaLabel(n),
        draggable: false,
        connectable: false,
      };
    });
    // props fields used by nodeClass are listed explicitly
  }, [layout.positions, nodes, sized, props.selected, props.highlight, props.matches]);

  const rfEdges: Edge[] = useMemo(
    () =>
      edges.map((e) => {
        const on = highlight?.edges.has(e.id) ?? false;
        const showLabel = e.label !== undefined && (props.edgeLabels === 'always' || on);
        return {
          id: e.id,
          source: e.from,
          target: e.to,
          className: `dep-edge dep-edge-${e.kind}${on ? ' is-path' : highlight ? ' is-dim' : ''}`,
          ...(showLabel ? { label: e.label } : {}),
          ...(e.kind === 'depends-on' ? { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } } : {}),
          focusable: false,
        };
      }),
    [edges, highlight, props.edgeLabels],
  );

  // Runs after the laid-out nodes are committed; the next frame is the first one painted.
  useEffect(() => {
    if (!layout.positions || rfNodes.length === 0 || measuredFor.current === layout.key) return;
    measuredFor.current = layout.key;
    const since = props.since;
    requestAnimationFrame(() => {
      void flow.fitView({ padding: 0.08, maxZoom: 1.2 });
      requestAnimationFrame(() => setRendered({ key: layout.key, ms: since === null ? 0 : performance.now() - since }));
    });
  }, [layout.positions, layout.key, rfNodes.length, flow, props.since]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    if (!el?.dataset.id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(el.dataset.id);
    } else if (e.key === 'Escape') onSelect(null);
  };

  const state = layout.error ? 'error' : !layout.positions ? 'layout' : rendered?.key === layout.key ? 'ready' : 'rendering';
  return (
    <div
      className="graph-view"
      role="group"
      aria-label={props.label}
      data-testid={props.testId}
      data-graph-state={state}
      data-node-count={nodes.length}
      data-layout-ms={layout.ms !== null ? Math.round(layout.ms) : undefined}
      data-render-ms={rendered?.key === layout.key ? Math.round(rendered.ms) : undefined}
      onKeyDown={onKeyDown}
    >
      {layout.error ? <p role="alert">The graph could not be laid out: {layout.error}</p> : null}
      {!layout.positions && !layout.error ? <p className="graph-status muted" role="status">Laying out {nodes.length} nodes…</p> : null}
      <ReactFlow
        nodes={rfNodes}
        edges={rfEdges}
        nodeTypes={NODE_TYPES}
        onNodeClick={(_, n) => onSelect(n.id)}
        onPaneClick={() => onSelect(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        colorMode="system"
        minZoom={0.02}
        maxZoom={2}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export function GraphView(props: GraphViewProps) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}
