import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  CUSTOMER_TARGETS,
  EXPORT_ENCODINGS,
  EXPORT_KINDS,
  type CustomerFilters,
  type ExportInput,
} from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { showToast } from '../../components/useToastStore';
import { describeError } from '../../i18n/describe';
import { useI18n } from '../../i18n/useI18n';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { saveDownload } from '../imports/downloadFile';
import { ENCODING_NAMES, targetLabel } from '../imports/importLabels';
import { JobProgressBar } from '../imports/JobProgressBar';
import { useExportStore } from './useExportStore';

type Kind = (typeof EXPORT_KINDS)[number];
type Scope = 'all' | 'filter' | 'selected';

interface Props {
  /** The list's current filters; offered as a scope when any is set. */
  filters: CustomerFilters;
  filtered: boolean;
  /** Rows ticked in the list; offered (and chosen first) when there are any. */
  selectedIds: readonly number[];
  onClose: () => void;
}

/** Export customers, orders or conversations as CSV (or customers as vCard), then download the file. */
export function ExportDialog({ filters, filtered, selectedIds, onClose }: Props) {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  const ids = { version: useId(), columns: useId() };
  const { customFields } = useCustomerOptions();
  const { job, error, run, cancel, clearError } = useExportStore(
    useShallow((s) => ({
      job: s.job,
      error: s.error,
      run: s.run,
      cancel: s.cancel,
      clearError: s.clearError,
    })),
  );
  // Closing (Esc, ×) while the file is being written stops it: nobody would receive the download.
  const close = () => {
    if (job) void cancel();
    clearError();
    onClose();
  };
  const allColumns = [...CUSTOMER_TARGETS, ...customFields.map((field) => `custom:${field.id}`)];
  const [kind, setKind] = useState<Kind>('customers');
  const [format, setFormat] = useState<'csv' | 'vcard'>('csv');
  const [vcardVersion, setVcardVersion] = useState<'4.0' | '3.0'>('4.0');
  const [encoding, setEncoding] = useState<(typeof EXPORT_ENCODINGS)[number]>('utf-8');
  const [scope, setScope] = useState<Scope>(
    selectedIds.length > 0 ? 'selected' : filtered ? 'filter' : 'all',
  );
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const vcard = kind === 'customers' && format === 'vcard';
  const columns = allColumns.filter((column) => !unchecked.has(column));

  const scopes: { value: Scope; label: string }[] = [
    { value: 'all', label: t('exports.scope.all') },
    ...(filtered ? [{ value: 'filter' as const, label: t('exports.scope.filter') }] : []),
    ...(selectedIds.length > 0
      ? [{ value: 'selected' as const, label: t('exports.scope.selected', { count: selectedIds.length }) }]
      : []),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: Omit<ExportInput, 'jobId'> = {
      kind,
      format: vcard ? 'vcard' : 'csv',
      encoding,
      vcardVersion,
      // Header names in the owner's language; the import recognises both languages.
      language: locale,
      scope:
        scope === 'selected'
          ? { type: 'ids', ids: [...selectedIds] }
          : scope === 'filter'
            ? { type: 'filter', filters }
            : { type: 'all' },
      // Every column is the default: only a narrowed choice is sent.
      columns: kind === 'customers' && !vcard && unchecked.size > 0 ? columns : undefined,
    };
    const file = await run(input);
    if (!file) return;
    saveDownload(file);
    showToast({ message: 'exports.toast.done', params: { file: file.fileName } });
    close();
  };

  const toggleColumn = (column: string) => {
    const next = new Set(unchecked);
    if (!next.delete(column)) next.add(column);
    setUnchecked(next);
  };

  return (
    <Dialog title={t('exports.title')} onClose={close}>
      <form className="form export-form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('exports.kind')}</legend>
          {EXPORT_KINDS.map((option) => (
            <label key={option} className="check">
              <input
                type="radio"
                name="export-kind"
                checked={kind === option}
                data-autofocus={option === kind ? true : undefined}
                onChange={() => setKind(option)}
              />
              {t(`imports.kind.${option}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('exports.format')}</legend>
          <label className="check">
            <input type="radio" name="export-format" checked={!vcard} onChange={() => setFormat('csv')} />
            {t('exports.format.csv')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="export-format"
              checked={vcard}
              disabled={kind !== 'customers'}
              onChange={() => setFormat('vcard')}
            />
            {t('exports.format.vcard')}
          </label>
        </fieldset>
        {vcard ? (
          <div className="field">
            <label htmlFor={ids.version}>{t('exports.vcardVersion')}</label>
            <select
              id={ids.version}
              value={vcardVersion}
              onChange={(event) => setVcardVersion(event.target.value as '4.0' | '3.0')}
            >
              <option value="4.0">{t('exports.vcard4')}</option>
              <option value="3.0">{t('exports.vcard3')}</option>
            </select>
          </div>
        ) : (
          <fieldset>
            <legend>{t('exports.encoding')}</legend>
            {EXPORT_ENCODINGS.map((option) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name="export-encoding"
                  checked={encoding === option}
                  onChange={() => setEncoding(option)}
                />
                {t(`exports.encoding.${option}`, { name: ENCODING_NAMES[option] })}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('exports.scope')}</legend>
          {scopes.map((option) => (
            <label key={option.value} className="check">
              <input
                type="radio"
                name="export-scope"
                checked={scope === option.value}
                onChange={() => setScope(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {kind === 'customers' && !vcard ? (
          <fieldset className="export-columns" aria-describedby={ids.columns}>
            <legend>{t('exports.columns')}</legend>
            <p id={ids.columns} className="hint">
              {t('exports.columnsHint')}
            </p>
            <ul>
              {allColumns.map((column) => (
                <li key={column}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={!unchecked.has(column)}
                      onChange={() => toggleColumn(column)}
                    />
                    {targetLabel(t, column, customFields)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {job ? (
          <JobProgressBar
            label={t('exports.running')}
            progress={job.progress}
            onCancel={() => void cancel()}
          />
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {describeError(t, error.code)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={close} disabled={job !== null}>
            {t('common.close')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={job !== null || (kind === 'customers' && !vcard && columns.length === 0)}
          >
            {t('exports.run')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
