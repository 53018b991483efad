import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportHistoryEntry } from '../../../src-shared/contract';
import { PageStatus } from '../../components/PageStatus';
import { useI18n } from '../../i18n/useI18n';
import { saveDownload } from './downloadFile';
import { UndoImportDialog, type UndoTarget } from './UndoImportDialog';
import { useImportHistoryStore } from './useImportHistoryStore';

const COUNTS = ['create', 'update', 'skip', 'reject'] as const;

function HistoryRow({ entry, onUndo }: { entry: ImportHistoryEntry; onUndo: (target: UndoTarget) => void }) {
  const { t, formatDateTime, formatNumber } = useI18n(
    useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime, formatNumber: s.formatNumber })),
  );
  const fetchRejects = useImportHistoryStore((s) => s.fetchRejects);
  const file = entry.fileName;
  return (
    <tr className={entry.undoneAt ? 'import-undone' : undefined}>
      <th scope="row">{file}</th>
      <td>{t(`imports.kind.${entry.kind}`)}</td>
      <td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </td>
      {COUNTS.map((count) => (
        <td key={count} className="numeric">
          {formatNumber(entry.counts[count])}
        </td>
      ))}
      <td>
        {entry.undoneAt ? (
          <span className="muted">
            {t('imports.history.undoneAt', { date: formatDateTime(entry.undoneAt) })}
          </span>
        ) : (
          <span>{t('imports.history.active')}</span>
        )}
      </td>
      <td className="import-history-actions">
        {entry.counts.reject > 0 ? (
          <button
            type="button"
            className="button button-small"
            aria-label={t('imports.history.rejectsAria', { file })}
            onClick={() => void fetchRejects(entry.id).then((file) => file && saveDownload(file))}
          >
            {t('imports.rejects.download')}
          </button>
        ) : null}
        {entry.undoneAt ? null : (
          <button
            type="button"
            className="button button-small button-danger-quiet"
            aria-label={t('imports.history.undoAria', { file })}
            onClick={() => onUndo({ importId: entry.id, fileName: file })}
          >
            {t('imports.undo.button')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Every import as a batch, newest first: what it did, and Undo or the rejected rows for each. */
export function ImportHistory() {
  const t = useI18n((s) => s.t);
  const { entries, loaded, loading, error, load } = useImportHistoryStore(
    useShallow((s) => ({
      entries: s.entries,
      loaded: s.loaded,
      loading: s.loading,
      error: s.error,
      load: s.load,
    })),
  );
  const [undoing, setUndoing] = useState<UndoTarget | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('imports.history.title')}</h2>
      {!loaded ? (
        <PageStatus loading={loading} error={error} onRetry={() => void load()} />
      ) : entries.length === 0 ? (
        <p className="muted">{t('imports.history.empty')}</p>
      ) : (
        <div className="import-table-scroll">
          <table className="import-table">
            <caption className="visually-hidden">{t('imports.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.history.file')}</th>
                <th scope="col">{t('imports.history.kind')}</th>
                <th scope="col">{t('imports.history.when')}</th>
                {COUNTS.map((count) => (
                  <th key={count} scope="col" className="numeric">
                    {t(`imports.history.${count}`)}
                  </th>
                ))}
                <th scope="col">{t('imports.history.state')}</th>
                <th scope="col">{t('customers.field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} onUndo={setUndoing} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undoing ? <UndoImportDialog target={undoing} onClose={() => setUndoing(null)} /> : null}
    </section>
  );
}
