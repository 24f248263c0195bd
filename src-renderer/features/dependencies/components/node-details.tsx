/**
 * The selected node of the conflict graph: where its requirement came from (your requirement
 * in pyproject.toml or the pasted text; for a package, the chains of requirements that lead to
 * it), and "what if" right there — edit or drop the requirement, or constrain the package, and
 * re-resolve at once.
 */
import type { GraphEdgeDto, GraphNodeDto, RootRequirement } from '@contract';
import { useEffect, useMemo, useState } from 'react';
import { chainsTo, type EdgeIndex } from '../graph/paths';

/** The selected node, the graph around it, and the "what if" callbacks. */
export interface NodeDetailsProps {
  readonly node: GraphNodeDto;
  readonly nodes: readonly GraphNodeDto[];
  readonly edges: readonly GraphEdgeDto[];
  readonly index: EdgeIndex;
  readonly requirements: readonly RootRequirement[];
  readonly busy: boolean;
  readonly onSelect: (id: string) => void;
  /** Re-resolve with requirement `index` replaced (null: dropped). */
  readonly onEdit: (index: number, text: string | null) => void;
  /** Re-resolve with an extra constraint. */
  readonly onConstrain: (constraint: string) => void;
}

/** Where a root requirement came from, in words. */
export function originText(r: RootRequirement | undefined): string {
  if (!r?.origin) return 'typed in a "what if"';
  if (r.origin.kind === 'pasted') return `pasted text, line ${r.origin.line}`;
  const table = r.origin.from === 'dependencies' ? '[project] dependencies' : r.origin.from;
  return `pyproject.toml, ${table}${r.origin.derived ? ' (through the project\'s own extra)' : ''}`;
}

function RequirementDetails({ index, requirement, busy, onEdit }: { index: number; requirement: RootRequirement | undefined; busy: boolean; onEdit: NodeDetailsProps['onEdit'] }) {
  const [text, setText] = useState(requirement?.text ?? '');
  useEffect(() => setText(requirement?.text ?? ''), [requirement?.text]);
  return (
    <>
      <p>
        Your requirement <code>{requirement?.text}</code>, from {originText(requirement)}.
      </p>
      <form
        className="deps-edit"
        onSubmit={(e) => {
          e.preventDefault();
          onEdit(index, text.trim() || null);
        }}
      >
        <label className="field-label" htmlFor="deps-node-edit">
          What if this requirement were
        </label>
        <input id="deps-node-edit" value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        <div className="deps-actions">
          <button type="submit" className="primary-inline" disabled={busy || text.trim() === requirement?.text}>
            Re-resolve
          </button>
          <button type="button" disabled={busy} onClick={() => onEdit(index, null)}>
            Drop it and re-resolve
          </button>
        </div>
      </form>
    </>
  );
}

/** Details of the selected conflict-graph node. */
export function NodeDetails(props: NodeDetailsProps) {
  const { node, nodes, edges, index, onSelect } = props;
  const [constraint, setConstraint] = useState('');
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
  const chains = useMemo(() => (node.kind === 'package' ? chainsTo(index, node.id, 6) : []), [index, node]);
  useEffect(() => setConstraint(node.kind === 'package' ? `${node.label}` : ''), [node]);
  const label = (id: string) => labels.get(id) ?? id;
  const edgeLabel = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to && e.kind === 'depends-on')?.label;
  return (
    <section className="deps-side deps-details" aria-label="Selected node" data-testid="deps-node-details">
      <h2>
        {node.kind === 'requirement' ? 'Requirement' : node.kind === 'package' ? 'Package' : node.isRoot ? 'Conclusion' : node.external ? 'Fact' : 'Conclusion'}:{' '}
        <code>{node.label}</code>
      </h2>
      {node.kind === 'requirement' ? (
        <RequirementDetails index={Number(node.id.slice(4))} requirement={props.requirements[Number(node.id.slice(4))]} busy={props.busy} onEdit={props.onEdit} />
      ) : null}
      {node.kind === 'package' ? (
        <>
          {node.ranges?.length ? <p className="small">Versions the derivation talks about: {node.ranges.join(', ')}</p> : null}
          <p className="small">Where its requirements come from:</p>
          <ol className="deps-chains">
            {chains.map((chain) => (
              <li key={chain.join('>')}>
                {chain.map((id, i) => (
                  <span key={id}>
                    <button type="button" className="link-inline" onClick={() => onSelect(id)}>
                      {id.startsWith('req:') ? `you require ${label(id)}` : label(id)}
                    </button>
                    {chain[i + 1] && !id.startsWith('req:') ? <span className="muted"> ({edgeLabel(id, chain[i + 1] as string)}) → </span> : chain[i + 1] ? <span className="muted"> → </span> : null}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          <form
            className="deps-edit"
            onSubmit={(e) => {
              e.preventDefault();
              if (constraint.trim()) props.onConstrain(constraint.trim());
            }}
          >
            <label className="field-label" htmlFor="deps-node-constraint">
              What if its versions were constrained to
            </label>
            <input id="deps-node-constraint" value={constraint} spellCheck={false} onChange={(e) => setConstraint(e.target.value)} />
            <div className="deps-actions">
              <button type="submit" disabled={props.busy || !constraint.trim()}>
                Re-resolve with this constraint
              </button>
            </div>
          </form>
        </>
      ) : null}
      {node.kind === 'incompatibility' ? <p className="small">{node.external ? `A fact from the index (${node.cause ?? 'dependency'}).` : 'Concluded from the two incompatibilities below it in the graph.'}</p> : null}
    </section>
  );
}
