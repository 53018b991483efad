import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useI18n';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons under the content; forms usually render their own footer inside `children`. */
  footer?: ReactNode;
}

/**
 * A modal over the native <dialog>: the browser gives us the focus trap, the top layer, inert
 * background and focus return on close. Mount it to open it, unmount it to close it. Esc closes.
 * The first descendant marked `data-autofocus` gets the focus when it opens.
 */
export function Dialog({ title, onClose, children, footer }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: let the owner decide (it unmounts us) instead of the browser closing behind React's back.
        event.preventDefault();
        onClose();
      }}
      onClose={(event) => {
        // Only a close we did not ask for (the browser's own Esc handling) needs reporting; a dialog
        // that is open again by the time the event arrives (StrictMode remount) is not closed.
        if (!event.currentTarget.open) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
