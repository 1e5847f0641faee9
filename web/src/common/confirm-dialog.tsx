import { useEffect, useId, useRef } from 'react';

/**
 * A modal question with two answers, in the app's language. The native `<dialog>` keeps focus inside
 * while open, closes on Escape (as the safe answer) and gives focus back to where it was.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const answer = (then: () => void) => () => {
    ref.current?.close();
    then();
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-message`}
      onCancel={(e) => {
        e.preventDefault();
        answer(onCancel)();
      }}
    >
      <h2 id={`${ids}-title`}>{title}</h2>
      <p id={`${ids}-message`}>{message}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={answer(onCancel)}>
          {cancelLabel}
        </button>
        <button type="button" className="danger" onClick={answer(onConfirm)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
