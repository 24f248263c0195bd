/** The editor feature: Monaco with TOML support. */
export { CodeEditor, type CodeEditorProps } from './code-editor';
export { monaco } from './monaco';
