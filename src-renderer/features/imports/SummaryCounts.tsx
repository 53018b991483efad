import type { ImportKind, ImportSummary } from '../../../src-shared/contract';
import { useShallow } from 'zustand/react/shallow';
import { useI18n } from '../../i18n/useI18n';

const COUNTS = ['rows', 'create', 'update', 'skip', 'reject', 'warn'] as const;

/** The numbers of a dry run or an import, worded for what was (or would be) done. */
export function SummaryCounts({ summary, kind }: { summary: ImportSummary; kind: ImportKind }) {
  const { t, formatNumber } = useI18n(useShallow((s) => ({ t: s.t, formatNumber: s.formatNumber })));
  const tense = summary.dryRun ? 'will' : 'did';
  return (
    <dl className="import-counts">
      {COUNTS.map((count) => (
        <div key={count} className={`import-count import-count-${count}`}>
          <dt>{t(`imports.count.${tense}.${count}`)}</dt>
          <dd>{formatNumber(summary.counts[count])}</dd>
        </div>
      ))}
      {kind === 'orders' ? (
        <div className="import-count">
          <dt>{t(`imports.count.${tense}.refunds`)}</dt>
          <dd>{formatNumber(summary.refunds)}</dd>
        </div>
      ) : null}
      {kind !== 'customers' ? (
        <div className="import-count">
          <dt>{t(`imports.count.${tense}.customersCreated`)}</dt>
          <dd>{formatNumber(summary.customersCreated)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
