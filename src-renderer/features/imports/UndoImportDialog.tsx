import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import { useImportHistoryStore } from './useImportHistoryStore';

export interface UndoTarget {
  importId: number;
  fileName: string;
}

/** Undo cannot itself be undone: say what it does before doing it. */
export function UndoImportDialog({ target, onClose }: { target: UndoTarget; onClose: () => void }) {
  const t = useT();
  const undo = useImportHistoryStore((s) => s.undo);
  const [undoing, setUndoing] = useState(false);
  return (
    <Dialog title={t('imports.undo.title', { file: target.fileName })} onClose={onClose}>
      <p>{t('imports.undo.body')}</p>
      <div className="form-actions">
        {/* Focus starts on the harmless choice: Enter must not undo by accident. */}
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={undoing}
          onClick={() => {
            setUndoing(true);
            void undo(target.importId, target.fileName).then(onClose);
          }}
        >
          {undoing ? t('imports.undo.running') : t('imports.undo.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
