/** PEP 639: license metadata is never changed without the user's explicit, affirmative choice. */
import type { QuickFixDto } from '@contract';

export function ConfirmFix({ fix, onConfirm, onCancel }: { readonly fix: QuickFixDto; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  return (
    <div className="confirm-fix" role="alertdialog" aria-labelledby="confirm-fix-title" aria-describedby="confirm-fix-text">
      <strong id="confirm-fix-title">{fix.title}?</strong>
      <p id="confirm-fix-text">{fix.confirmation}</p>
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
