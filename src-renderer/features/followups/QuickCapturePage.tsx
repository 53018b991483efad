import { useEffect, useRef } from 'react';
import { useRouteStore } from '../../app/useRouteStore';
import { useI18n, useT } from '../../i18n/useI18n';
import { useSettingsStore } from '../settings/useSettingsStore';
import { QuickCaptureForm } from './QuickCaptureForm';
import { dayLabel } from './dueDays';
import { useQuickCaptureStore } from './useQuickCaptureStore';

/**
 * Leaves the capture: the desktop's small window closes (it exists only for this); in a browser tab
 * the owner goes back where they came from, or to Today when the tab opened here.
 */
function useLeave(): () => void {
  const door = useSettingsStore((s) => s.info?.door);
  const navigate = useRouteStore((s) => s.navigate);
  return () => {
    if (door === 'electron') window.close();
    else if (window.history.length > 1) window.history.back();
    else navigate('today');
  };
}

/** Esc leaves, unless something inside took it first (the customer list closing, an IME). */
function useEscapeToLeave(leave: () => void): void {
  const latest = useRef(leave);
  useEffect(() => {
    latest.current = leave;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** What was just saved, and the way to the next one. */
function CaptureSaved({ onLeave }: { onLeave: () => void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const saved = useQuickCaptureStore((s) => s.saved);
  const logAnother = useQuickCaptureStore((s) => s.logAnother);
  const another = useRef<HTMLButtonElement>(null);
  // Enter right after saving logs the next one: the window stays a keyboard tool.
  useEffect(() => another.current?.focus(), []);
  if (!saved) return null;
  return (
    <section className="capture-saved" role="status" aria-labelledby="capture-saved-title">
      <h2 id="capture-saved-title">{t('followups.capture.saved')}</h2>
      <p>
        {t('followups.capture.savedConversation', {
          kind: t(`customer.conversation.kind.${saved.conversation.kind}`),
        })}
      </p>
      {saved.task ? (
        <p>
          {t('followups.capture.savedFollowUp', {
            title: saved.task.title,
            date: dayLabel(saved.task.dueDate, locale),
          })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onLeave}>
          {t('common.close')}
        </button>
        <button ref={another} type="button" className="button button-primary" onClick={logAnother}>
          {t('followups.capture.another')}
        </button>
      </div>
    </section>
  );
}

/** `#/capture`: the quick-capture window's one page, laid out for about 420×520 without the sidebar. */
export function QuickCapturePage() {
  const t = useT();
  const saved = useQuickCaptureStore((s) => s.saved !== null);
  const leave = useLeave();
  useEscapeToLeave(leave);
  return (
    <div className="capture">
      <h1>{t('nav.capture')}</h1>
      {saved ? <CaptureSaved onLeave={leave} /> : <QuickCaptureForm />}
    </div>
  );
}
