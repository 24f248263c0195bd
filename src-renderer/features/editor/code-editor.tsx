/**
 * A Monaco editor for one text model, following the OS theme. The parent owns the text: edits
 * are reported through `onChange`, and a `value` that differs from the model (an edit made by the
 * wizard or a reload) is applied as a minimal edit, keeping the undo stack and cursor.
 */
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';
import { minimalEdit } from './minimal-edit';
import { registerToml } from './register-toml';

export interface CodeEditorProps {
  readonly value: string;
  readonly language: 'toml';
  readonly ariaLabel: string;
  readonly onChange: (text: string) => void;
  /** Called once with the editor, for features such as markers and code actions. */
  readonly onReady?: (editor: monaco.editor.IStandaloneCodeEditor) => void;
}

function osTheme(): 'vs' | 'vs-dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}

export function CodeEditor({ value, language, ariaLabel, onChange, onReady }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    registerToml();
    const editor = monaco.editor.create(host.current, {
      value,
      language,
      ariaLabel,
      theme: osTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 4,
      renderWhitespace: 'selection',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const sub = editor.onDidChangeModelContent(() => onChangeRef.current(editor.getValue()));
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => monaco.editor.setTheme(osTheme());
    media.addEventListener('change', onTheme);
    onReady?.(editor);
    return () => {
      media.removeEventListener('change', onTheme);
      sub.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // The editor is created once; later values arrive through the effect below.
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const edit = minimalEdit(model.getValue(), value);
    if (!edit) return;
    const range = monaco.Range.fromPositions(model.getPositionAt(edit.start), model.getPositionAt(edit.end));
    editor.pushUndoStop();
    editor.executeEdits('packwright', [{ range, text: edit.text }]);
    editor.pushUndoStop();
  }, [value]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
