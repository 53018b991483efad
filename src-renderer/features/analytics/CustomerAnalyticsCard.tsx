import type { CustomerScores } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { useAnalyticsFormat } from './AnalyticsPage';
import { actionText, asOfText, churnReasonText, clusterLabel, segmentName } from './analyticsFormat';
import { clusterProfilesOf, useLatestRun } from './useLatestRun';
import { StatList, type Stat } from '../../components/StatList';

/**
 * One customer's figures from the latest run, on their page: segment and what to do, cluster,
 * churn risk and why, chance of still being active, expected orders and lifetime value. Nothing is
 * shown before a run, or for a customer without a paid order.
 */
export function CustomerAnalyticsCard({ scores }: { scores: CustomerScores | null }) {
  const run = useLatestRun();
  const format = useAnalyticsFormat(run?.params.currency ?? 'CNY');
  if (!scores || !run) return null;
  const { t } = format;
  const none = t('table.emptyCell');
  const profiles = clusterProfilesOf(run);
  const segmentAction = run.segments.find((segment) => segment.key === scores.segment)?.action;
  const reasons = scores.churnReasons
    .map((reason) => churnReasonText(t, reason))
    .filter((text): text is string => text !== null);
  const facts: Stat[] = [
    [
      t('analytics.card.segment'),
      segmentName(t, scores.segment),
      segmentAction ? actionText(t, segmentAction) : undefined,
    ],
    [t('analytics.card.cluster'), scores.cluster === null ? none : clusterLabel(t, scores.cluster, profiles)],
    [
      t('analytics.card.churnRisk'),
      scores.churnRisk === null ? none : format.percent(scores.churnRisk),
      reasons.join(t('analytics.card.reasonSeparator')) || undefined,
    ],
    [t('analytics.card.pAlive'), scores.pAlive === null ? none : format.percent(scores.pAlive)],
    [
      t('analytics.card.expectedOrders', { days: run.params.horizonDays }),
      scores.expectedOrders === null ? none : format.number(scores.expectedOrders, 2),
    ],
    [
      t('analytics.card.clv', { months: run.params.clvMonths }),
      scores.clvCents === null ? none : format.money(scores.clvCents),
    ],
  ];
  return (
    <section className="customer-analytics card" aria-labelledby="customer-analytics-title">
      <div className="section-header">
        <h2 id="customer-analytics-title">{t('analytics.card.title')}</h2>
        <span className="muted">
          {asOfText(format, { asOf: scores.asOf, asOfSource: run.asOfSource })} ·{' '}
          <a href={hrefFor('segments')}>{t('analytics.card.more')}</a>
        </span>
      </div>
      <StatList stats={facts} />
    </section>
  );
}
