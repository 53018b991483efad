import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerRowView, DuplicatePair } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useI18n } from '../../i18n/useI18n';
import { MergeDialog } from './MergeDialog';
import { useDuplicatesStore } from './useDuplicatesStore';

const TwinsIcon = () => (
  <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5">
    <circle cx="8" cy="8" r="3" />
    <circle cx="16" cy="8" r="3" />
    <path d="M3 19c0-3 2.2-5 5-5s5 2 5 5M11 19c0-3 2.2-5 5-5s5 2 5 5" />
  </svg>
);

/** One side of a pair: the facts that tell two people apart, the name linking to their page. */
function Person({ customer }: { customer: CustomerRowView }) {
  const { t, formatDateTime } = useI18n(useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime })));
  const facts = [customer.company, customer.city, customer.email, customer.phone].filter(Boolean);
  return (
    <div className="duplicate-person">
      <a className="duplicate-name" href={hrefFor('customer', customer.id)}>
        {customer.name}
      </a>
      {facts.length > 0 ? <span className="muted">{facts.join(' · ')}</span> : null}
      <span className="muted">{t('duplicates.added', { date: formatDateTime(customer.createdAt) })}</span>
    </div>
  );
}

function PairItem({ pair }: { pair: DuplicatePair }) {
  const t = useI18n((s) => s.t);
  const { dismiss, openMerge } = useDuplicatesStore(
    useShallow((s) => ({ dismiss: s.dismiss, openMerge: s.openMerge })),
  );
  const names = { a: pair.a.name, b: pair.b.name };
  return (
    <li className="duplicate-pair">
      <div className="duplicate-people">
        <Person customer={pair.a} />
        <Person customer={pair.b} />
      </div>
      <div className="duplicate-why">
        <ul className="duplicate-reasons">
          {pair.reasons.map((reason) => (
            <li key={`${reason.reason}:${reason.value}`}>
              {t(`duplicates.reason.${reason.reason}`, { value: reason.value })}
            </li>
          ))}
        </ul>
        <span className="duplicate-score">{t('duplicates.score', { score: pair.score })}</span>
      </div>
      <div className="duplicate-actions">
        <button
          type="button"
          className="button"
          aria-label={t('duplicates.dismissAria', names)}
          onClick={() => void dismiss(pair)}
        >
          {t('duplicates.dismiss')}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-label={t('duplicates.mergeAria', names)}
          onClick={() => void openMerge(pair)}
        >
          {t('duplicates.merge')}
        </button>
      </div>
    </li>
  );
}

/** Candidate pairs, strongest first: merge them, or say they are different people. */
export function DuplicatesPage() {
  const t = useI18n((s) => s.t);
  const { pairs, loaded, loading, error, load, forget } = useDuplicatesStore(
    useShallow((s) => ({
      pairs: s.pairs,
      loaded: s.loaded,
      loading: s.loading,
      error: s.error,
      load: s.load,
      forget: s.forget,
    })),
  );

  useEffect(() => {
    void load();
    return forget;
  }, [load, forget]);

  return (
    <>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      {!loaded ? (
        <PageStatus loading={loading} error={error} onRetry={() => void load()} />
      ) : pairs.length === 0 ? (
        <EmptyState
          icon={<TwinsIcon />}
          title={t('duplicates.empty.title')}
          body={t('duplicates.empty.body')}
        />
      ) : (
        <ul className="duplicate-list" aria-label={t('duplicates.listLabel')}>
          {pairs.map((pair) => (
            <PairItem key={`${pair.a.id}-${pair.b.id}`} pair={pair} />
          ))}
        </ul>
      )}
      <MergeDialog />
    </>
  );
}
