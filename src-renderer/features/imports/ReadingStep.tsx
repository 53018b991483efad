import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DELIMITERS, TEXT_ENCODINGS, type Delimiter, type TextEncoding } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { columnName, describeImportError, ENCODING_NAMES } from './importLabels';
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

/** Step 2: how the file was read (encoding, delimiter, header row), with a preview to check it by eye. */
export function ReadingStep() {
  const { t, formatDateTime } = useI18n(useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime })));
  const ids = { encoding: useId(), delimiter: useId(), headerRow: useId() };
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
        <div className="field">
          <label htmlFor={ids.encoding}>{t('imports.reading.encoding')}</label>
          <select
            id={ids.encoding}
            value={preview.encoding}
            disabled={previewing}
            onChange={(event) => void reread({ encoding: event.target.value as TextEncoding })}
          >
            {TEXT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {ENCODING_NAMES[encoding]}
              </option>
            ))}
          </select>
          <p className="hint">
            {t(`imports.reading.detected.${preview.encodingSource}`, {
              encoding: ENCODING_NAMES[preview.encoding],
            })}
          </p>
        </div>
        {csv ? (
          <>
            <div className="field">
              <label htmlFor={ids.delimiter}>{t('imports.reading.delimiter')}</label>
              <select
                id={ids.delimiter}
                value={preview.delimiter}
                disabled={previewing}
                onChange={(event) => void reread({ delimiter: event.target.value as Delimiter })}
              >
                {DELIMITERS.map((delimiter) => (
                  <option key={delimiter} value={delimiter}>
                    {t(`imports.delimiter.${DELIMITER_KEYS[delimiter]}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.headerRow}>{t('imports.reading.headerRow')}</label>
              <select
                id={ids.headerRow}
                value={preview.headerRow}
                disabled={previewing}
                onChange={(event) => void reread({ headerRow: Number(event.target.value) })}
              >
                {HEADER_ROWS.map((row) => (
                  <option key={row} value={row}>
                    {row === 0 ? t('imports.reading.noHeader') : t('imports.reading.line', { line: row })}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
      </div>

      {error ? (
        <p className="form-error" role="alert">
          {describeImportError(t, error)}
        </p>
      ) : null}

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

      <div className="form-actions">
        <button type="button" className="button form-actions-start" onClick={() => goTo('file')}>
          {t('imports.back')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={previewing || preview.columns.length === 0}
          onClick={() => goTo('mapping')}
        >
          {t('imports.reading.next')}
        </button>
      </div>
    </div>
  );
}
