import { useT } from '../../i18n/useI18n';

interface QuickFormFooterProps {
  /** Already translated: a problem no single field shows (the server refused, a whole-form rule). */
  formError: string | null;
  saving: boolean;
  onCancel: () => void;
}

/** The end of every quick form: its form-level error, Cancel and Save. */
export function QuickFormFooter({ formError, saving, onCancel }: QuickFormFooterProps) {
  const t = useT();
  return (
    <>
      {formError ? (
        <p className="form-error form-error-bottom" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </>
  );
}
