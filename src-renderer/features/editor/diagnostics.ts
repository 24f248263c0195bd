/**
 * Diagnostics in Monaco: markers for each finding, and its quick fixes as code actions.
 *
 * Fixes are text edits on the exact text that was validated, so they are offered only while
 * the model still holds that text. A fix that PEP 639 (or another rule) says the user must
 * confirm is not applied by the code action: it asks through `onConfirm` first.
 */
import type { DiagnosticDto, QuickFixDto } from '@contract';
import { monaco } from './monaco';
import { TOML_LANGUAGE_ID } from './toml-language';

const OWNER = 'packwright';
const CONFIRM_COMMAND = 'packwright.confirmQuickFix';

interface ModelState {
  readonly text: string;
  readonly diagnostics: readonly DiagnosticDto[];
}

const state = new WeakMap<monaco.editor.ITextModel, ModelState>();
let confirmHandler: ((fix: QuickFixDto, apply: () => void) => void) | null = null;
let registered = false;

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

function toRange(d: { range: DiagnosticDto['range'] }): monaco.IRange {
  return { startLineNumber: d.range.start.line, startColumn: d.range.start.column, endLineNumber: d.range.end.line, endColumn: d.range.end.column };
}

/** Apply a fix's edits to the model as one undoable step. */
export function applyFix(model: monaco.editor.ITextModel, fix: QuickFixDto): void {
  model.pushStackElement();
  model.pushEditOperations([], fix.edits.map((e) => ({ range: toRange(e), text: e.newText })), () => null);
  model.pushStackElement();
}

/** Show `diagnostics` (computed for `text`) on the model. */
export function showDiagnostics(model: monaco.editor.ITextModel, text: string, diagnostics: readonly DiagnosticDto[]): void {
  state.set(model, { text, diagnostics });
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    diagnostics.map((d) => ({
      ...toRange(d),
      severity: SEVERITY[d.severity],
      message: d.message,
      code: d.code,
      source: d.rule ?? 'Packwright',
    })),
  );
}

/** Register the code-action provider once; `onConfirm` decides on fixes that need consent. */
export function registerQuickFixes(onConfirm: (fix: QuickFixDto, apply: () => void) => void): void {
  confirmHandler = onConfirm;
  if (registered) return;
  registered = true;
  monaco.editor.registerCommand(CONFIRM_COMMAND, (_accessor, model: monaco.editor.ITextModel, fix: QuickFixDto) => {
    confirmHandler?.(fix, () => applyFix(model, fix));
  });
  monaco.languages.registerCodeActionProvider(TOML_LANGUAGE_ID, {
    provideCodeActions(model, range) {
      const s = state.get(model);
      if (!s || s.text !== model.getValue()) return { actions: [], dispose: () => undefined };
      const actions: monaco.languages.CodeAction[] = [];
      for (const d of s.diagnostics) {
        const r = monaco.Range.lift(toRange(d));
        if (!r.intersectRanges(range) && !r.containsRange(range)) continue;
        const marker = { ...toRange(d), severity: SEVERITY[d.severity], message: d.message, code: d.code };
        for (const fix of d.fixes) {
          actions.push(
            fix.confirmation
              ? { title: `${fix.title}…`, kind: 'quickfix', diagnostics: [marker], command: { id: CONFIRM_COMMAND, title: fix.title, arguments: [model, fix] } }
              : {
                  title: fix.title,
                  kind: 'quickfix',
                  diagnostics: [marker],
                  isPreferred: fix.isPreferred ?? false,
                  edit: { edits: fix.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toRange(e), text: e.newText } })) },
                },
          );
        }
      }
      return { actions, dispose: () => undefined };
    },
  });
}
