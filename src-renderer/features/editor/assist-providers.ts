/**
 * Hover docs and completions for TOML, answered by the Node side (schema, classifiers, SPDX,
 * backends) through the contract. Registered once per page.
 */
import type { CompletionItemDto } from '@contract';
import { client } from '../../api/client';
import { monaco } from './monaco';
import { TOML_LANGUAGE_ID } from './toml-language';

const KIND: Record<CompletionItemDto['kind'], monaco.languages.CompletionItemKind> = {
  key: monaco.languages.CompletionItemKind.Property,
  table: monaco.languages.CompletionItemKind.Module,
  value: monaco.languages.CompletionItemKind.EnumMember,
  classifier: monaco.languages.CompletionItemKind.Value,
  license: monaco.languages.CompletionItemKind.Constant,
  operator: monaco.languages.CompletionItemKind.Operator,
  backend: monaco.languages.CompletionItemKind.Module,
};

let registered = false;

export function registerAssistProviders(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerHoverProvider(TOML_LANGUAGE_ID, {
    async provideHover(model, position) {
      const text = model.getValue();
      const h = await client.pyproject.hover({ text, offset: model.getOffsetAt(position) }).catch(() => null);
      if (!h || model.getValue() !== text) return null;
      const range = monaco.Range.fromPositions(model.getPositionAt(h.from), model.getPositionAt(h.to));
      return { range, contents: [{ value: h.markdown, isTrusted: false }] };
    },
  });
  monaco.languages.registerCompletionItemProvider(TOML_LANGUAGE_ID, {
    triggerCharacters: ['"', '[', '.', ' ', ':'],
    async provideCompletionItems(model, position) {
      const text = model.getValue();
      const items = await client.pyproject.complete({ text, offset: model.getOffsetAt(position) }).catch(() => []);
      return {
        suggestions: items.map((c) => ({
          label: c.label,
          insertText: c.insertText,
          kind: KIND[c.kind],
          ...(c.detail ? { detail: c.detail } : {}),
          ...(c.documentation ? { documentation: { value: c.documentation } } : {}),
          ...(c.deprecated ? { tags: [monaco.languages.CompletionItemTag.Deprecated] } : {}),
          ...(c.sort ? { sortText: c.sort } : {}),
          range: monaco.Range.fromPositions(model.getPositionAt(c.from), model.getPositionAt(c.to)),
        })),
      };
    },
  });
}
