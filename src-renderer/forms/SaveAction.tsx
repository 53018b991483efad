import { useT } from '../i18n/useI18n';

/** The end of a settings card's form: Save, which says "Saving…" and stays disabled meanwhile. */
export function SaveAction({ busy }: { busy: boolean }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
    </div>
  );
}
