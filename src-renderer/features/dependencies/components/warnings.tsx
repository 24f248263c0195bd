/** Notes about the input and the indexes (ignored lines, missing extras, requires-python). */
export function Warnings({ warnings }: { readonly warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <details className="deps-warnings-box">
      <summary>
        {warnings.length} note{warnings.length === 1 ? '' : 's'}
      </summary>
      <ul className="deps-warnings">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
