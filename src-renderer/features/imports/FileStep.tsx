import { useId, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IMPORT_KINDS } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { ImportErrorAlert } from './ImportErrorAlert';
import { JobProgressBar } from './JobProgressBar';
import { useImportStore } from './useImportStore';

/** What the file input offers; anything else is still read, and refused by the backend if it is not text. */
const ACCEPTED = '.csv,.tsv,.txt,.vcf';

/** Step 1: what is being imported, and the file: dropped on the zone or chosen in the file dialog. */
export function FileStep() {
  const t = useT();
  const inputId = useId();
  const { kind, file, upload, previewing, error, setKind, chooseFile, goTo } = useImportStore(
    useShallow((s) => ({
      kind: s.kind,
      file: s.file,
      upload: s.upload,
      previewing: s.previewing,
      error: s.error,
      setKind: s.setKind,
      chooseFile: s.chooseFile,
      goTo: s.goTo,
    })),
  );
  const [dragging, setDragging] = useState(false);
  const busy = upload !== null || previewing;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !busy) void chooseFile(dropped);
  };

  return (
    <div className="import-step">
      <fieldset className="import-kinds">
        <legend>{t('imports.file.kind')}</legend>
        {IMPORT_KINDS.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="import-kind"
              value={option}
              checked={kind === option}
              disabled={busy}
              onChange={() => setKind(option)}
            />
            {t(`imports.kind.${option}`)}
          </label>
        ))}
      </fieldset>

      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('imports.file.drop')}</p>
        {/* The input stays in the tab order behind its label; in Electron it opens the native file dialog. */}
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept={ACCEPTED}
          disabled={busy}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) still fires a change.
            event.target.value = '';
            if (chosen) void chooseFile(chosen);
          }}
        />
        <label htmlFor={inputId} className="button button-primary drop-zone-button">
          {t('imports.file.choose')}
        </label>
        <p className="muted">{t('imports.file.formats')}</p>
      </div>

      {upload ? (
        <JobProgressBar
          label={t('imports.file.uploading')}
          progress={{ phase: null, done: upload.done, total: upload.total }}
        />
      ) : previewing ? (
        <p aria-busy="true">{t('imports.file.reading')}</p>
      ) : null}

      <ImportErrorAlert error={error} />

      {file && !busy ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => goTo('reading')}>
            {t('imports.file.continue', { file: file.fileName })}
          </button>
        </div>
      ) : null}
    </div>
  );
}
