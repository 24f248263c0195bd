/**
 * Undo history per open file: a bounded stack of text states, each with the label and edits
 * of the change that produced it (a wizard step, a quick fix, a burst of typing).
 */
import type { TextEdit } from '../types';

export interface HistoryEntry {
  readonly text: string;
  readonly label: string;
  /** Edits that turned the previous state into this one (relative to the previous text). */
  readonly edits: readonly TextEdit[];
  /** Consecutive records with the same key (e.g. typing in one field) replace each other. */
  readonly coalesceKey?: string;
}

export interface RecordOptions {
  readonly label?: string;
  readonly edits?: readonly TextEdit[];
  readonly coalesceKey?: string;
}

/** Undo/redo over text states of one file; the oldest states are dropped beyond `limit`. */
export class UndoHistory {
  private readonly past: HistoryEntry[] = [];
  private readonly future: HistoryEntry[] = [];
  private present: HistoryEntry;
  private savedText: string;
  readonly limit: number;

  constructor(initialText: string, limit = 200) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
    this.present = { text: initialText, label: 'loaded', edits: [] };
    this.savedText = initialText;
    this.limit = limit;
  }

  get text(): string {
    return this.present.text;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** True when the current text differs from the last saved (or loaded) text. */
  get dirty(): boolean {
    return this.present.text !== this.savedText;
  }

  /** Labels of the undoable changes, oldest first. */
  get undoLabels(): readonly string[] {
    // Each undo reverts the change that produced the current state: past[1..] and present.
    return this.past.length ? [...this.past.slice(1), this.present].map((e) => e.label) : [];
  }

  /** Record a new state; a no-op when the text did not change. Clears the redo stack. */
  record(text: string, opts: RecordOptions = {}): void {
    if (text === this.present.text) return;
    const entry: HistoryEntry = { text, label: opts.label ?? 'edit', edits: opts.edits ?? [], coalesceKey: opts.coalesceKey };
    this.future.length = 0;
    if (opts.coalesceKey !== undefined && this.present.coalesceKey === opts.coalesceKey && this.past.length > 0) {
      this.present = { ...entry, edits: [] };
      return;
    }
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.present = entry;
  }

  /** Step back; returns the restored text, or null when there is nothing to undo. */
  undo(): string | null {
    const prev = this.past.pop();
    if (!prev) return null;
    this.future.push(this.present);
    this.present = prev;
    return prev.text;
  }

  /** Step forward again; returns the restored text, or null when there is nothing to redo. */
  redo(): string | null {
    const next = this.future.pop();
    if (!next) return null;
    this.past.push(this.present);
    this.present = next;
    return next.text;
  }

  /** The current text was written to disk. */
  markSaved(): void {
    this.savedText = this.present.text;
  }

  /**
   * The file was replaced from outside (reload or merge): the new text becomes a new state, so
   * the user's edits before it remain reachable with undo.
   */
  replaceAll(text: string, label = 'reloaded from disk'): void {
    this.record(text, { label });
  }
}

/** One history per open file, keyed by absolute path. */
export class UndoHistories {
  private readonly byPath = new Map<string, UndoHistory>();
  constructor(private readonly limit = 200) {}

  open(path: string, text: string): UndoHistory {
    const h = new UndoHistory(text, this.limit);
    this.byPath.set(path, h);
    return h;
  }

  get(path: string): UndoHistory | undefined {
    return this.byPath.get(path);
  }

  close(path: string): void {
    this.byPath.delete(path);
  }
}
