import { useT } from '../i18n/useI18n';

/** The end of a dialog's form: Cancel, and Save (which says "Saving…" and stays disabled meanwhile). */
export function SaveCancelActions({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? t('common.saving') : t('common.save')}
      </button>
    </div>
  );
}
