/** A labelled read-only value (URL, command, snippet) with a Copy button. */
import { useRef, useState } from 'react';

async function copy(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (e.g. an insecure origin): select the text so Ctrl+C works.
    if (fallback) window.getSelection()?.selectAllChildren(fallback);
    return false;
  }
}

export function CopyText({ label, value, multiline = false, testId }: { readonly label: string; readonly value: string; readonly multiline?: boolean; readonly testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const el = useRef<HTMLPreElement>(null);
  return (
    <div className="copy-text">
      <span className="copy-label">{label}</span>
      {multiline ? (
        <pre className="copy-value" data-testid={testId} ref={el}>
          {value}
        </pre>
      ) : (
        <code className="copy-value" data-testid={testId} ref={el}>
          {value}
        </code>
      )}
      <button type="button" className="small-button" aria-label={`Copy ${label}`} onClick={() => void copy(value, el.current).then((ok) => setState(ok ? 'copied' : 'selected'))}>
        {state === 'copied' ? 'Copied' : state === 'selected' ? 'Selected' : 'Copy'}
      </button>
    </div>
  );
}
