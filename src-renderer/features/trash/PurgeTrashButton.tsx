import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import { useSettingsStore } from '../settings/useSettingsStore';
import { useTrashStore } from './useTrashStore';

/**
 * Erasing is the one action that cannot be undone, so unlike delete (decisions #12) it asks first,
 * and says exactly what goes: customers older than the Settings age, with all their history.
 */
export function PurgeTrashButton() {
  const t = useT();
  const days = useSettingsStore((s) => s.settings?.trashPurgeDays ?? null);
  const purge = useTrashStore((s) => s.purge);
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  if (days === null) return null;

  const confirm = async () => {
    setWorking(true);
    await purge();
    setWorking(false);
    setAsking(false);
  };

  return (
    <>
      <button type="button" className="button button-danger-quiet" onClick={() => setAsking(true)}>
        {t('trash.purge.button', { days })}
      </button>
      {asking ? (
        <Dialog title={t('trash.purge.title')} onClose={() => setAsking(false)}>
          <p>{t('trash.purge.body', { days })}</p>
          <div className="form-actions">
            <button type="button" className="button" data-autofocus onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={working}
              onClick={() => void confirm()}
            >
              {t('trash.purge.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
