import type { ReactNode } from 'react';
import type { CustomerAnalyticsFacts } from '../../../src-shared/contract';
import type { MessageKey, Translate } from '../../i18n/useI18n';
import type { AnalyticsColumn } from './analyticsColumnIds';
import { formatMoney } from './money';

export const ANALYTICS_COLUMN_LABELS: Record<AnalyticsColumn, MessageKey> = {
  segment: 'customerList.column.segment',
  cluster: 'customerList.column.cluster',
  churnRisk: 'customerList.column.churnRisk',
  clv: 'customerList.column.clv',
};

export const ANALYTICS_COLUMN_WIDTHS: Record<AnalyticsColumn, number> = {
  segment: 140,
  cluster: 160,
  churnRisk: 110,
  clv: 120,
};

export interface AnalyticsCellFormat {
  t: Translate;
  locale: string;
  /** The run's currency: lifetime value is counted in it. */
  currency: string;
  /** A cluster's name as the Clusters page writes it. */
  clusterLabel: (index: number) => string;
}

/** One analytics cell; a customer without a paid order (or a list before the first run) shows a dash. */
export function analyticsCell(
  id: AnalyticsColumn,
  facts: CustomerAnalyticsFacts | null,
  f: AnalyticsCellFormat,
): ReactNode {
  const empty = <span className="muted">{f.t('table.emptyCell')}</span>;
  if (!facts) return empty;
  switch (id) {
    case 'segment':
      return f.t(`analytics.segment.${facts.segment}`);
    case 'cluster':
      return facts.cluster === null ? empty : f.clusterLabel(facts.cluster);
    case 'churnRisk':
      return facts.churnRisk === null
        ? empty
        : new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 0 }).format(
            facts.churnRisk,
          );
    case 'clv':
      return facts.clvCents === null ? empty : formatMoney(f.locale, Math.round(facts.clvCents), f.currency);
  }
}
