/**
 * The pyproject.toml editor: CodeEditor plus diagnostics as markers, quick fixes as code
 * actions, and "reveal this position" requests from the Problems list. Lazy-loaded with Monaco.
 */
import type { DiagnosticDto, QuickFixDto } from '@contract';
import { useEffect, useRef } from 'react';
import { CodeEditor } from './code-editor';
import { registerAssistProviders } from './assist-providers';
import { applyFix, registerQuickFixes, showDiagnostics } from './diagnostics';
import type { monaco } from './monaco';

export interface RevealRequest {
  readonly line: number;
  readonly column: number;
  readonly seq: number;
}

export interface FixRequest {
  readonly fix: QuickFixDto;
  /** The text the fix was computed for; the fix is refused when the model moved on. */
  readonly text: string;
  readonly seq: number;
}

export interface TomlEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Diagnostics and the exact text they were computed for. */
  readonly validated: { readonly text: string; readonly diagnostics: readonly DiagnosticDto[] } | null;
  readonly onConfirmFix: (fix: QuickFixDto, apply: () => void) => void;
  readonly reveal: RevealRequest | null;
  readonly applyRequest: FixRequest | null;
}

export function TomlEditor({ value, onChange, validated, onConfirmFix, reveal, applyRequest }: TomlEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const confirmRef = useRef(onConfirmFix);
  confirmRef.current = onConfirmFix;

  const onReady = (editor: monaco.editor.IStandaloneCodeEditor) => {
    editorRef.current = editor;
    registerQuickFixes((fix, apply) => confirmRef.current(fix, apply));
    registerAssistProviders();
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && validated) showDiagnostics(model, validated.text, validated.diagnostics);
  }, [validated]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    editor.revealPositionInCenter({ lineNumber: reveal.line, column: reveal.column });
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && applyRequest && model.getValue() === applyRequest.text) applyFix(model, applyRequest.fix);
  }, [applyRequest]);

  return <CodeEditor value={value} language="toml" ariaLabel="pyproject.toml" onChange={onChange} onReady={onReady} />;
}
