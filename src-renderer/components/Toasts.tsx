import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { AUTO_DISMISS_MS, useToastStore, type Toast } from './useToastStore';

function ToastItem({ toast }: { toast: Toast }) {
  const t = useI18n((state) => state.t);
  const dismiss = useToastStore((state) => state.dismiss);
  // Hovering or focusing a toast holds it, so an Undo button does not vanish under the pointer or the Tab key.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (toast.tone === 'error' || held) return;
    const timer = setTimeout(() => dismiss(toast.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [toast, held, dismiss]);

  const action = toast.action;
  return (
    <li
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="toast-message">{t(toast.message, toast.params)}</span>
      {action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            dismiss(toast.id);
            void action.run();
          }}
        >
          {t(action.label)}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button toast-dismiss"
        aria-label={t('common.dismiss')}
        onClick={() => dismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** The toast stack, bottom right. Messages are translated at render time, so they follow a language switch. */
export function Toasts() {
  const t = useI18n((state) => state.t);
  const toasts = useToastStore((state) => state.toasts);
  return (
    <section className="toasts" aria-label={t('common.notifications')}>
      {/* One live region that exists from the start, so screen readers announce toasts added to it. */}
      <ol aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}
