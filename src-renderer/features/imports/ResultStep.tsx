import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hrefFor } from '../../app/useRouteStore';
import { useT } from '../../i18n/useI18n';
import { saveDownload } from './downloadFile';
import { RowProblems } from './ProblemTable';
import { SummaryCounts } from './SummaryCounts';
import { UndoImportDialog } from './UndoImportDialog';
import { useImportHistoryStore } from './useImportHistoryStore';
import { useImportStore } from './useImportStore';

/** Step 5: what the import did, with the way back (Undo) and the rows to fix (download). */
export function ResultStep() {
  const t = useT();
  const { kind, committed, fileName, startOver } = useImportStore(
    useShallow((s) => ({
      kind: s.kind,
      committed: s.committed,
      fileName: s.file?.fileName ?? '',
      startOver: s.startOver,
    })),
  );
  const { entries, fetchRejects } = useImportHistoryStore(
    useShallow((s) => ({ entries: s.entries, fetchRejects: s.fetchRejects })),
  );
  const [confirmUndo, setConfirmUndo] = useState(false);
  if (!committed) return null;
  const { importId } = committed;
  // The history knows whether it has been undone since (here, or from another window).
  const undone = entries.some((entry) => entry.id === importId && entry.undoneAt !== null);

  return (
    <div className="import-step">
      <p role="status" className="import-done">
        {undone
          ? t('imports.result.undone', { file: fileName })
          : t('imports.result.done', { file: fileName })}
      </p>
      <SummaryCounts summary={committed} kind={kind} />
      <RowProblems summary={committed} />
      <div className="form-actions">
        <button type="button" className="button form-actions-start" onClick={startOver}>
          {t('imports.result.another')}
        </button>
        {kind === 'customers' ? (
          <a className="button" href={hrefFor('customers')}>
            {t('imports.result.openCustomers')}
          </a>
        ) : null}
        {importId !== null && committed.counts.reject > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => void fetchRejects(importId).then((file) => file && saveDownload(file))}
          >
            {t('imports.rejects.download')}
          </button>
        ) : null}
        {importId !== null && !undone ? (
          <button type="button" className="button button-danger-quiet" onClick={() => setConfirmUndo(true)}>
            {t('imports.undo.button')}
          </button>
        ) : null}
      </div>
      {confirmUndo && importId !== null ? (
        <UndoImportDialog target={{ importId, fileName }} onClose={() => setConfirmUndo(false)} />
      ) : null}
    </div>
  );
}
