/** PEP 639: license metadata is never changed without the user's explicit, affirmative choice. */
import type { QuickFixDto } from '@contract';
import { useId } from 'react';

export function ConfirmFix({ fix, onConfirm, onCancel }: { readonly fix: QuickFixDto; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const id = useId();
  return (
    <div className="confirm-fix" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <strong id={`${id}-title`}>{fix.title}?</strong>
      <p id={`${id}-text`}>{fix.confirmation}</p>
      <div className="actions">
        <button type="button" className="primary-inline" onClick={onConfirm}>
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
