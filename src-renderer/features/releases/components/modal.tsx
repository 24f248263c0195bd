/**
 * A modal dialog on the native `<dialog>` element: focus is trapped and Escape closes it, both
 * by the browser. Closing (Escape, Cancel or done) calls `onClose`; the parent unmounts it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Modal({ title, onClose, children, tone = 'normal' }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode; readonly tone?: 'normal' | 'danger' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal ${tone === 'danger' ? 'modal-danger' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
