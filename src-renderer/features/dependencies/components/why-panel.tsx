/**
 * "Why is this package here?" for the selected package, like `npm explain`: each chain from your
 * requirements down to it, with the requirement each step declares, and the pin's details.
 */
import type { GraphEdgeDto, GraphNodeDto, PinDto } from '@contract';
import { useMemo } from 'react';
import { chainsTo, type EdgeIndex } from '../graph/paths';

/** The selection, the success graph and its pins. */
export interface WhyPanelProps {
  readonly selected: string | null;
  readonly nodes: readonly GraphNodeDto[];
  readonly edges: readonly GraphEdgeDto[];
  readonly index: EdgeIndex;
  readonly pins: readonly PinDto[];
  readonly onSelect: (id: string) => void;
}

/** The `npm explain`-style panel. */
export function WhyPanel({ selected, nodes, edges, index, pins, onSelect }: WhyPanelProps) {
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
  const chains = useMemo(() => (selected ? chainsTo(index, selected, 8) : []), [index, selected]);
  const edgeLabel = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to && e.kind === 'depends-on')?.label;
  if (!selected || selected === 'root') {
    return (
      <section className="deps-side" aria-label="Why is a package here">
        <h2>Why is it here?</h2>
        <p className="muted">Select a package in the graph or the tree to see the path from your requirements to it.</p>
      </section>
    );
  }
  const pin = pins.find((p) => `pkg:${p.name}` === selected);
  return (
    <section className="deps-side" aria-label="Why is a package here" data-testid="deps-why">
      <h2>
        Why is <code>{labels.get(selected) ?? selected}</code> here?
      </h2>
      {pin ? (
        <p className="small">
          {pin.direct ? 'You require it directly. ' : ''}
          {pin.extras.length ? `Extras: ${pin.extras.join(', ')}. ` : ''}
          {pin.yanked ? <strong>This version is yanked (PEP 592). </strong> : null}
          Required by {pin.parents.length} {pin.parents.length === 1 ? 'requirement' : 'requirements'}.
        </p>
      ) : null}
      <ol className="deps-chains">
        {chains.map((chain) => (
          <li key={chain.join('>')}>
            {chain.map((id, i) => {
              const next = chain[i + 1];
              const via = next ? edgeLabel(id, next) : undefined;
              return (
                <span key={id} className="deps-chain-step">
                  <button type="button" className="link-inline" onClick={() => onSelect(id)}>
                    {id === 'root' ? 'your requirements' : (labels.get(id) ?? id)}
                  </button>
                  {next ? <span className="muted"> {via ? `requires ${via}` : ''} → </span> : null}
                </span>
              );
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
