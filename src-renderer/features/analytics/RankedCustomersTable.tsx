import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ChannelOutput } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { PageStatus } from '../../components/PageStatus';
import { churnReasonText, segmentName, type AnalyticsFormat } from './analyticsFormat';
import { useRankedCustomersStore, type RankedList } from './useRankedCustomersStore';

type Row = ChannelOutput<'analytics.customers'>['rows'][number];
export type RankedColumn = 'risk' | 'clv' | 'reasons' | 'pAlive' | 'expectedOrders' | 'spend' | 'segment';

const HEADERS = {
  risk: 'analytics.ranked.risk',
  clv: 'analytics.ranked.clv',
  reasons: 'analytics.ranked.reasons',
  pAlive: 'analytics.ranked.pAlive',
  expectedOrders: 'analytics.ranked.expectedOrders',
  spend: 'analytics.ranked.spend',
  segment: 'analytics.ranked.segment',
} as const;

const NUMERIC = new Set<RankedColumn>(['risk', 'clv', 'pAlive', 'expectedOrders', 'spend']);

function cell(column: RankedColumn, row: Row, format: AnalyticsFormat): ReactNode {
  const { scores } = row;
  const none = format.t('table.emptyCell');
  switch (column) {
    case 'risk':
      return scores.churnRisk === null ? none : format.percent(scores.churnRisk);
    case 'clv':
      return scores.clvCents === null ? none : format.money(scores.clvCents);
    case 'pAlive':
      return scores.pAlive === null ? none : format.percent(scores.pAlive);
    case 'expectedOrders':
      return scores.expectedOrders === null ? none : format.number(scores.expectedOrders, 2);
    case 'spend':
      return format.money(scores.monetaryCents);
    case 'segment':
      return segmentName(format.t, scores.segment);
    case 'reasons': {
      const reasons = scores.churnReasons
        .map((reason) => churnReasonText(format.t, reason))
        .filter((text): text is string => text !== null);
      return reasons.length ? (
        <ul className="reason-list">
          {reasons.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        none
      );
    }
  }
}

/** A ranked list of customers from the latest run, each name a link to the customer's page. */
export function RankedCustomersTable({
  list,
  columns,
  caption,
  format,
}: {
  list: RankedList;
  columns: RankedColumn[];
  caption: string;
  format: AnalyticsFormat;
}) {
  const { t } = format;
  const { ranked, loading, error, load } = useRankedCustomersStore(
    useShallow((s) => ({
      ranked: s.lists[list],
      loading: s.loading[list] ?? false,
      error: s.errors[list] ?? null,
      load: s.load,
    })),
  );
  useEffect(() => {
    void load(list);
  }, [load, list]);

  if (!ranked) return <PageStatus loading={loading} error={error} onRetry={() => void load(list)} />;
  if (ranked.rows.length === 0) return <p className="muted">{t('analytics.ranked.empty')}</p>;
  return (
    <div className="import-table-scroll analytics-table-scroll">
      <table className="import-table analytics-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('analytics.ranked.rank')}
            </th>
            <th scope="col">{t('analytics.ranked.name')}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className={NUMERIC.has(column) ? 'numeric' : undefined}>
                {t(HEADERS[column])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.rows.map((row, index) => (
            <tr key={row.customerId}>
              <td className="numeric">{format.number(index + 1)}</td>
              <th scope="row">
                <a href={hrefFor('customer', row.customerId)}>{row.name}</a>
                {row.company ? <span className="cell-hint muted">{row.company}</span> : null}
              </th>
              {columns.map((column) => (
                <td key={column} className={NUMERIC.has(column) ? 'numeric' : undefined}>
                  {cell(column, row, format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
