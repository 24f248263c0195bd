/**
 * An interactive graph (@xyflow/react) laid out by ELK in a Web Worker. Nodes are focusable
 * (Tab) and selectable with the pointer or Enter/Space; selection and highlights come from the
 * caller, so the same view serves the dependency graph and the conflict graph.
 *
 * The flow is mounted once the layout is known, with the viewport already fitted to it and
 * the nodes' sizes and edge anchors declared, so the first frame shows the whole graph with no
 * measuring pass; big graphs draw their edges as one path (bulk-edges.tsx).
 *
 * Timing for the benchmark: `data-layout-ms` (ELK in the worker) and `data-render-ms` (from
 * `since`, when the result arrived, to the first frame painted with the laid-out graph).
 */
import '@xyflow/react/dist/style.css';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, type Edge, type Viewport } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphEdgeDto, GraphNodeDto } from '@contract';
import { BulkEdges } from './bulk-edges';
import { NODE_TYPES, nodeAriaLabel, nodeHandles, nodeSize, nodeText, type DepNode } from './graph-nodes';
import { layoutGraph, layoutKey } from './layout-client';
import type { Placed } from './elk-graph';
import type { Highlight } from './paths';
import { useLayout, type LayoutState } from './use-layout';

/** The graph, what to highlight, and the selection callback. */
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
  /** Show edge labels always, or on highlighted edges only (big graphs). */
  readonly edgeLabels: 'always' | 'highlighted';
}

/** Above this many edges, edges are drawn in bulk. */
const BIG_EDGES = 400;
const MIN_ZOOM = 0.02;

/** Node boxes for the layout. */
export function sizedNodes(nodes: readonly GraphNodeDto[]): { id: string; width: number; height: number }[] {
  return nodes.map((n) => ({ id: n.id, ...nodeSize(n) }));
}

/** Start laying out a graph as soon as it arrives (the view then finds it in the cache). */
export function prefetchLayout(nodes: readonly GraphNodeDto[], edges: readonly GraphEdgeDto[]): void {
  const sized = sizedNodes(nodes);
  void layoutGraph(layoutKey(sized, edges), sized, edges);
}

/** The viewport that shows a `width`×`height` graph whole in a `w`×`h` box. */
export function fittedViewport(width: number, height: number, w: number, h: number, padding = 24): Viewport {
  const zoom = Math.max(MIN_ZOOM, Math.min(1.2, (w - 2 * padding) / Math.max(width, 1), (h - 2 * padding) / Math.max(height, 1)));
  return { x: (w - width * zoom) / 2, y: Math.max(padding, (h - height * zoom) / 2), zoom };
}

function nodeClass(id: string, p: GraphViewProps): string {
  const parts: string[] = [];
  if (id === p.selected) parts.push('is-selected');
  if (p.highlight) parts.push(p.highlight.nodes.has(id) ? 'is-path' : 'is-dim');
  if (p.matches.has(id)) parts.push('is-match');
  return parts.join(' ');
}

/** The flow's nodes: laid out, sized, with their edge anchors and highlight classes. */
function buildNodes(p: GraphViewProps, sizes: ReadonlyMap<string, { width: number; height: number }>, positions: Readonly<Record<string, Placed>>): DepNode[] {
  const handles = p.edges.length <= BIG_EDGES;
  return p.nodes.map((n) => {
    const size = sizes.get(n.id) ?? { width: 100, height: 30 };
    return {
      id: n.id,
      type: 'dep' as const,
      position: positions[n.id] ?? { x: 0, y: 0 },
      data: { kind: n.kind, ...nodeText(n), handles },
      width: size.width,
      height: size.height,
      handles: nodeHandles(size.width, size.height),
      style: { width: size.width, minHeight: size.height },
      className: nodeClass(n.id, p),
      ariaLabel: nodeAriaLabel(n),
      draggable: false,
      connectable: false,
    };
  });
}

/** The flow's edges (big graphs: the highlighted ones only; the rest are drawn in bulk). */
function buildEdges(p: GraphViewProps): Edge[] {
  const big = p.edges.length > BIG_EDGES;
  return p.edges
    .filter((e) => !big || p.highlight?.edges.has(e.id))
    .map((e) => {
      const on = p.highlight?.edges.has(e.id) ?? false;
      const showLabel = e.label !== undefined && (p.edgeLabels === 'always' || on);
      return {
        id: e.id,
        source: e.from,
        target: e.to,
        className: `dep-edge dep-edge-${e.kind}${on ? ' is-path' : p.highlight ? ' is-dim' : ''}`,
        ...(showLabel ? { label: e.label } : {}),
        ...(e.kind === 'depends-on' ? { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } } : {}),
        focusable: false,
      };
    });
}

interface CanvasProps extends GraphViewProps {
  readonly layout: LayoutState;
  readonly sizes: ReadonlyMap<string, { width: number; height: number }>;
  readonly viewport: Viewport;
  readonly onPainted: () => void;
}

function Canvas(props: CanvasProps) {
  const { nodes, edges, highlight, layout, sizes, onSelect } = props;
  const positions = layout.positions ?? {};
  const big = edges.length > BIG_EDGES;
  const rfNodes = useMemo(
    () => buildNodes(props, sizes, positions),
    // props fields used by nodeClass are listed explicitly
    [nodes, sizes, positions, props.selected, props.highlight, props.matches],
  );
  const rfEdges = useMemo(() => buildEdges(props), [edges, highlight, props.edgeLabels]);
  const painted = useRef(false);
  useEffect(() => {
    if (painted.current) return;
    painted.current = true;
    performance.mark('pw-graph:committed');
    requestAnimationFrame(() => requestAnimationFrame(props.onPainted));
  }, [props.onPainted]);

  return (
    <ReactFlow
      nodes={rfNodes}
      edges={rfEdges}
      nodeTypes={NODE_TYPES}
      defaultViewport={props.viewport}
      onNodeClick={(_, n) => onSelect(n.id)}
      onPaneClick={() => onSelect(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesFocusable={false}
      colorMode="system"
      minZoom={MIN_ZOOM}
      maxZoom={2}
    >
      {big ? <BulkEdges edges={edges} positions={positions} sizes={sizes} skip={highlight?.edges ?? null} dim={highlight !== null} /> : null}
      <Background gap={24} size={1} />
      <Controls showInteractive={false} fitViewOptions={{ padding: 0.08, maxZoom: 1.2 }} />
    </ReactFlow>
  );
}

/** The graph view: waits for the layout, then mounts the flow. */
export function GraphView(props: GraphViewProps) {
  const { nodes, edges, onSelect } = props;
  const sized = useMemo(() => sizedNodes(nodes), [nodes]);
  const sizes = useMemo(() => new Map(sized.map((s) => [s.id, { width: s.width, height: s.height }])), [sized]);
  const layout = useLayout(sized, edges);
  const box = useRef<HTMLDivElement>(null);
  const [boxSize, setBoxSize] = useState<{ w: number; h: number } | null>(null);
  const [rendered, setRendered] = useState<{ key: string; ms: number } | null>(null);
  useLayoutEffect(() => {
    const r = box.current?.getBoundingClientRect();
    if (r) setBoxSize({ w: r.width, h: r.height });
  }, []);
  const viewport = useMemo(() => fittedViewport(layout.width, layout.height, boxSize?.w ?? 800, boxSize?.h ?? 540), [layout.width, layout.height, boxSize]);
  const key = layout.key;
  const since = props.since;
  // Used only when a new flow is created (one per layout).
  const initial = useMemo(
    () => (layout.positions ? { nodes: buildNodes(props, sizes, layout.positions), edges: buildEdges(props) } : null),
    // a new layout is the only time the initial content matters
    [key, layout.positions],
  );
  const onPainted = useMemo(
    () => () => {
      performance.mark('pw-graph:painted');
      setRendered({ key, ms: since === null ? 0 : performance.now() - since });
    },
    [key, since],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    if (!el?.dataset.id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(el.dataset.id);
    } else if (e.key === 'Escape') onSelect(null);
  };

  const state = layout.error ? 'error' : !layout.positions ? 'layout' : rendered?.key === key ? 'ready' : 'rendering';
  return (
    <div
      ref={box}
      className="graph-view"
      role="group"
      aria-label={props.label}
      data-testid={props.testId}
      data-graph-state={state}
      data-node-count={nodes.length}
      data-layout-ms={layout.ms !== null ? Math.round(layout.ms) : undefined}
      data-render-ms={rendered?.key === key ? Math.round(rendered.ms) : undefined}
      onKeyDown={onKeyDown}
    >
      {layout.error ? <p role="alert">The graph could not be laid out: {layout.error}</p> : null}
      {!layout.positions && !layout.error ? (
        <p className="graph-status muted" role="status">
          Laying out {nodes.length} nodes…
        </p>
      ) : null}
      {layout.positions && boxSize ? (
        // A new graph mounts a new flow whose store starts with the laid-out nodes and edges
        // (so edges are drawn in the first frame) and a viewport fitted to them.
        <ReactFlowProvider key={key} initialNodes={initial?.nodes} initialEdges={initial?.edges}>
          <Canvas {...props} layout={layout} sizes={sizes} viewport={viewport} onPainted={onPainted} />
        </ReactFlowProvider>
      ) : null}
    </div>
  );
}
