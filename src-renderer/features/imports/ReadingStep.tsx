import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DELIMITERS, TEXT_ENCODINGS, type Delimiter, type TextEncoding } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { StepNav } from './StepNav';
import { columnName, ENCODING_NAMES } from './importLabels';
import { ImportErrorAlert } from './ImportErrorAlert';
import { PreviewTable } from './PreviewTable';
import { useImportStore } from './useImportStore';

/** Header rows the owner can pick: none, or one of the first lines. */
const HEADER_ROWS = Array.from({ length: 21 }, (_, index) => index);

const DELIMITER_KEYS: Record<Delimiter, 'comma' | 'semicolon' | 'tab' | 'pipe' | 'fullWidthComma'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  '，': 'fullWidthComma',
};

interface SettingProps {
  label: string;
  value: string;
  disabled: boolean;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
}

/** One of the reading settings; changing it reads the file again. */
function ReadingSetting({ label, value, disabled, options, onChange, hint }: SettingProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/** Step 2: how the file was read (encoding, delimiter, header row), with a preview to check it by eye. */
export function ReadingStep() {
  const { t, formatDateTime } = useI18n(useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime })));
  const { preview, previewing, error, reread, goTo } = useImportStore(
    useShallow((s) => ({
      preview: s.preview,
      previewing: s.previewing,
      error: s.error,
      reread: s.reread,
      goTo: s.goTo,
    })),
  );
  if (!preview) return null;
  const csv = preview.format === 'csv';

  return (
    <div className="import-step">
      <p>
        {t('imports.reading.file', { file: preview.fileName })}{' '}
        <span className="muted">{t(`imports.reading.format.${preview.format}`)}</span>
      </p>
      {preview.previousImport ? (
        <p className="import-warning" role="status">
          {t(preview.previousImport.undone ? 'imports.reading.importedUndone' : 'imports.reading.imported', {
            date: formatDateTime(preview.previousImport.at),
          })}
        </p>
      ) : null}

      <div className="import-settings">
        <ReadingSetting
          label={t('imports.reading.encoding')}
          value={preview.encoding}
          disabled={previewing}
          options={TEXT_ENCODINGS.map((encoding) => ({ value: encoding, label: ENCODING_NAMES[encoding] }))}
          onChange={(value) => void reread({ encoding: value as TextEncoding })}
          hint={t(`imports.reading.detected.${preview.encodingSource}`, {
            encoding: ENCODING_NAMES[preview.encoding],
          })}
        />
        {csv ? (
          <>
            <ReadingSetting
              label={t('imports.reading.delimiter')}
              value={preview.delimiter}
              disabled={previewing}
              options={DELIMITERS.map((delimiter) => ({
                value: delimiter,
                label: t(`imports.delimiter.${DELIMITER_KEYS[delimiter]}`),
              }))}
              onChange={(value) => void reread({ delimiter: value as Delimiter })}
            />
            <ReadingSetting
              label={t('imports.reading.headerRow')}
              value={String(preview.headerRow)}
              disabled={previewing}
              options={HEADER_ROWS.map((row) => ({
                value: String(row),
                label: row === 0 ? t('imports.reading.noHeader') : t('imports.reading.line', { line: row }),
              }))}
              onChange={(value) => void reread({ headerRow: Number(value) })}
            />
          </>
        ) : null}
      </div>

      <ImportErrorAlert error={error} />

      {preview.headerProblems.length > 0 ? (
        <ul className="import-warning" aria-label={t('imports.reading.headerProblems')}>
          {preview.headerProblems.map((problem) => {
            const column = preview.columns[problem.column];
            return (
              <li key={`${problem.code}-${problem.column}`}>
                {t(`imports.headerProblem.${problem.code}`, {
                  column: columnName(t, column?.header ?? '', problem.column),
                  n: problem.column + 1,
                })}
              </li>
            );
          })}
        </ul>
      ) : null}

      <h2 className="import-subheading">{t('imports.reading.previewTitle')}</h2>
      {preview.columns.length === 0 ? (
        <p className="muted">{t('imports.reading.noRows')}</p>
      ) : (
        <PreviewTable preview={preview} />
      )}

      <StepNav
        onBack={() => goTo('file')}
        next={{
          label: t('imports.reading.next'),
          disabled: previewing || preview.columns.length === 0,
          onClick: () => goTo('mapping'),
        }}
      />
    </div>
  );
}
