import { useT } from '../../i18n/useI18n';
import { saveDownload } from '../imports/downloadFile';
import { useExportStore } from './useExportStore';

/** One customer's contact card, for the owner's phone (vCard 3.0: what older phones read). */
export function VcardButton({ customerId }: { customerId: number }) {
  const t = useT();
  const run = useExportStore((s) => s.run);
  const busy = useExportStore((s) => s.job !== null);
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() =>
        void run({
          kind: 'customers',
          format: 'vcard',
          vcardVersion: '3.0',
          scope: { type: 'ids', ids: [customerId] },
        }).then((file) => file && saveDownload(file))
      }
    >
      {t('exports.vcardOne')}
    </button>
  );
}
