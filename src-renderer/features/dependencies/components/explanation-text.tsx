/**
 * The explanation in words, linked to the graph both ways: pointing at (or focusing) a
 * sentence highlights the nodes it talks about, clicking pins that highlight; sentences that
 * mention the selected node are marked.
 */
import type { ExplanationDto } from '@contract';

/** The explanation and the linked highlight state. */
export interface ExplanationTextProps {
  readonly explanation: ExplanationDto;
  readonly selected: string | null;
  /** The pinned line (clicked), and the one under the pointer. */
  readonly pinnedLine: number | null;
  readonly hoverLine: number | null;
  readonly onHover: (line: number | null) => void;
  readonly onPin: (line: number | null) => void;
}

/** Lines and hints in one list (hints numbered after the lines). */
export function explanationItems(e: ExplanationDto): { text: string; nodeIds: readonly string[]; hint: boolean }[] {
  return [...e.lines.map((l) => ({ text: l.text, nodeIds: l.nodeIds, hint: false })), ...e.hints.map((h) => ({ text: h.text, nodeIds: h.nodeIds, hint: true }))];
}

/** The explanation's sentences and hints, each a button linked to its graph nodes. */
export function ExplanationText({ explanation, selected, pinnedLine, hoverLine, onHover, onPin }: ExplanationTextProps) {
  const items = explanationItems(explanation);
  return (
    <section className="deps-side deps-explanation" aria-labelledby="deps-why-title" data-testid="deps-explanation">
      <h2 id="deps-why-title">Why it cannot be resolved</h2>
      <ol className="deps-lines" onMouseLeave={() => onHover(null)}>
        {items.map((l, i) =>
          l.text === '' ? (
            <li key={i} className="deps-line-gap" aria-hidden="true" />
          ) : (
            <li key={i} className={l.hint ? 'deps-hint' : undefined}>
              <button
                type="button"
                className={`deps-line${i === pinnedLine ? ' is-pinned' : ''}${i === hoverLine ? ' is-hover' : ''}${selected && l.nodeIds.includes(selected) ? ' mentions-selected' : ''}`}
                aria-pressed={i === pinnedLine}
                data-node-ids={l.nodeIds.join(' ')}
                onMouseEnter={() => onHover(i)}
                onFocus={() => onHover(i)}
                onBlur={() => onHover(null)}
                onClick={() => onPin(i === pinnedLine ? null : i)}
              >
                {l.hint ? <strong>hint: </strong> : null}
                {l.text}
              </button>
            </li>
          ),
        )}
      </ol>
      <p className="muted small">Point at a sentence to see its packages in the graph; select a node to see the sentences about it.</p>
    </section>
  );
}
