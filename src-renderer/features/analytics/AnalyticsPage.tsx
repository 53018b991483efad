import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AnalyticsRun } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useI18n } from '../../i18n/useI18n';
import { useCustomerStore } from '../customers/useCustomerStore';
import { JobProgressBar } from '../imports/JobProgressBar';
import { analyticsFormat, asOfText, type AnalyticsFormat } from './analyticsFormat';
import { useAnalyticsStore } from './useAnalyticsStore';

interface AnalyticsPageProps {
  title: string;
  /** The page's figures, drawn from the latest run (kept on screen while a new one computes). */
  children: (run: AnalyticsRun, format: AnalyticsFormat) => ReactNode;
}

const ChartIcon = () => (
  <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5">
    <path d="M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3M20 16V6" />
  </svg>
);

/** Figures in the run's currency, in the reader's language. */
export function useAnalyticsFormat(currency: string): AnalyticsFormat {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  return useMemo(() => analyticsFormat(t, locale, currency), [t, locale, currency]);
}

/** "Run now"; while any run computes (this page's or an automatic one) it waits for that one. */
function RunNowButton() {
  const { t } = useI18n(useShallow((s) => ({ t: s.t })));
  const { running, runNow } = useAnalyticsStore(
    useShallow((s) => ({ running: s.job !== null, runNow: s.runNow })),
  );
  return (
    <button type="button" className="button button-primary" disabled={running} onClick={() => void runNow()}>
      {t(running ? 'analytics.runningShort' : 'analytics.runNow')}
    </button>
  );
}

/** The running analysis: its stages as a progress bar, and Cancel. */
function RunProgress() {
  const { t } = useI18n(useShallow((s) => ({ t: s.t })));
  const { job, cancel } = useAnalyticsStore(useShallow((s) => ({ job: s.job, cancel: s.cancel })));
  if (!job) return null;
  return (
    <div className="analytics-run card">
      <JobProgressBar label={t('analytics.running')} progress={job.progress} onCancel={() => void cancel()} />
    </div>
  );
}

/** Before anything can be shown: no run yet, or nothing with an order to analyse. */
function NothingYet({ run }: { run: AnalyticsRun | null }) {
  const { t } = useI18n(useShallow((s) => ({ t: s.t })));
  const { job, runNow, dashboard } = useAnalyticsStore(
    useShallow((s) => ({ job: s.job, runNow: s.runNow, dashboard: s.dashboard })),
  );
  const loadDemo = useCustomerStore((s) => s.loadDemo);
  const [demoLoading, setDemoLoading] = useState(false);
  // Demo data only goes into an empty database (demo.load refuses otherwise).
  const noCustomers = dashboard?.customers === 0;
  return (
    <EmptyState
      icon={<ChartIcon />}
      title={t(run ? 'analytics.empty.noOrdersTitle' : 'analytics.empty.noRunTitle')}
      body={t(run ? 'analytics.empty.noOrdersBody' : 'analytics.empty.noRunBody')}
      action={
        <div className="empty-state-buttons">
          {run === null ? (
            <button
              type="button"
              className="button button-primary button-large"
              disabled={job !== null}
              onClick={() => void runNow()}
            >
              {t('analytics.runNow')}
            </button>
          ) : null}
          {noCustomers ? (
            <button
              type="button"
              className="button button-primary button-large"
              disabled={demoLoading}
              onClick={() => {
                setDemoLoading(true);
                void loadDemo().finally(() => setDemoLoading(false));
              }}
            >
              {demoLoading ? t('customerList.demo.loading') : t('customerList.demo.load')}
            </button>
          ) : null}
          <a className="button button-large" href={hrefFor('import')}>
            {t('imports.fromEmptyList')}
          </a>
        </div>
      }
    />
  );
}

/**
 * The frame of every analytics page: the title, "as of <day>" with the reason for that day, Run
 * now (or the running analysis and Cancel), and the page's figures once there is a run with orders.
 */
export function AnalyticsPage({ title, children }: AnalyticsPageProps) {
  const { t } = useI18n(useShallow((s) => ({ t: s.t })));
  const { run, loaded, loading, error, load } = useAnalyticsStore(
    useShallow((s) => ({ run: s.run, loaded: s.loaded, loading: s.loading, error: s.error, load: s.load })),
  );
  const format = useAnalyticsFormat(run?.params.currency ?? 'CNY');

  // Always refetch on arrival: a run may have finished while the page was not shown.
  useEffect(() => {
    void load();
  }, [load]);

  const hasFigures = run !== null && run.counts.customersWithOrders > 0;
  return (
    <div className="analytics-page">
      <PageHeader
        title={title}
        subtitle={
          hasFigures
            ? `${asOfText(format, run)} · ${t('analytics.basedOn', { count: run.counts.customersWithOrders })}`
            : undefined
        }
        actions={<RunNowButton />}
      />
      <RunProgress />
      {!loaded ? (
        <PageStatus loading={loading} error={error} onRetry={() => void load()} />
      ) : hasFigures ? (
        children(run, format)
      ) : (
        <NothingYet run={run} />
      )}
    </div>
  );
}
