import { useId, useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { SaveCancelActions } from '../../forms/SaveCancelActions';
import { ImportErrorAlert } from './ImportErrorAlert';
import { useImportStore } from './useImportStore';

/** "Save mapping as…": the current mapping and options under a name, suggested again for the same headers. */
export function SaveTemplateDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const inputId = useId();
  const errorId = useId();
  const saveTemplate = useImportStore((s) => s.saveTemplate);
  const suggested = useImportStore((s) => s.preview?.template?.name ?? s.preview?.fileName ?? '');
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await saveTemplate(name);
      onClose();
    } catch (failure) {
      setError(toApiError(failure));
      setSaving(false);
    }
  };

  const nameIssue = error?.issues.find((issue) => issue.path === 'name');
  return (
    <Dialog title={t('imports.template.title')} onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="hint">{t('imports.template.hint')}</p>
        <div className={nameIssue ? 'field field-invalid' : 'field'}>
          <label htmlFor={inputId}>{t('imports.template.name')}</label>
          <input
            id={inputId}
            data-autofocus
            value={name}
            maxLength={100}
            aria-invalid={nameIssue ? true : undefined}
            aria-describedby={nameIssue ? errorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {nameIssue ? (
            <p id={errorId} className="field-error">
              {describeIssue(t, nameIssue)}
            </p>
          ) : null}
        </div>
        <ImportErrorAlert error={nameIssue ? null : error} />
        <SaveCancelActions saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
