import type { QuickFixDto } from '@contract';

/** One button per quick fix; a fix that needs the user's confirmation says so with an ellipsis. */
export function FixButtons({ fixes, disabled, onFix, className }: { readonly fixes: readonly QuickFixDto[]; readonly disabled: boolean; readonly onFix: (f: QuickFixDto) => void; readonly className: string }) {
  if (fixes.length === 0) return null;
  return (
    <span className={className}>
      {fixes.map((f) => (
        <button key={f.title} type="button" disabled={disabled} onClick={() => onFix(f)}>
          {f.confirmation ? `${f.title}…` : f.title}
        </button>
      ))}
    </span>
  );
}
