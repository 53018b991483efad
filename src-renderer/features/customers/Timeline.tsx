import { useShallow } from 'zustand/react/shallow';
import { TIMELINE_KINDS, timelineItemId, type TimelineKind } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { TimelineEntry, type EntryContext } from './TimelineEntry';
import { useCustomerDetailStore } from './useCustomerDetailStore';

/** Orders, conversations, feedback and changes, newest first, filterable by kind, paged with "show more". */
export function Timeline({ context }: { context: EntryContext }) {
  const t = useT();
  const { items, hasMore, kinds, loadingMore, loading } = useCustomerDetailStore(
    useShallow((s) => ({
      items: s.items,
      hasMore: s.hasMore,
      kinds: s.kinds,
      loadingMore: s.loadingMore,
      loading: s.loading,
    })),
  );
  const { setKinds, loadMore } = useCustomerDetailStore(
    useShallow((s) => ({ setKinds: s.setKinds, loadMore: s.loadMore })),
  );

  const toggle = (kind: TimelineKind) => {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
    // Every kind picked is the same as none picked: show the "Everything" chip as the active one.
    setKinds(next.length === TIMELINE_KINDS.length ? [] : next);
  };

  return (
    <section className="timeline card" aria-labelledby="timeline-title">
      <header className="timeline-header">
        <h2 id="timeline-title">{t('customer.timeline.title')}</h2>
        <div className="kind-filter" role="group" aria-label={t('customer.timeline.filter')}>
          <button
            type="button"
            className="kind-chip"
            aria-pressed={kinds.length === 0}
            onClick={() => setKinds([])}
          >
            {t('customer.timeline.all')}
          </button>
          {TIMELINE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="kind-chip"
              aria-pressed={kinds.includes(kind)}
              onClick={() => toggle(kind)}
            >
              {t(`customer.timeline.kind.${kind}`)}
            </button>
          ))}
        </div>
      </header>
      {items.length === 0 && !loading ? <p className="muted">{t('customer.timeline.empty')}</p> : null}
      <ol
        className="timeline-list"
        aria-label={t('customer.timeline.title')}
        aria-busy={loading || undefined}
      >
        {items.map((item) => (
          <TimelineEntry key={`${item.kind}-${timelineItemId(item)}`} item={item} context={context} />
        ))}
      </ol>
      {hasMore ? (
        <button type="button" className="button" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('customer.timeline.loadingMore') : t('customer.timeline.more')}
        </button>
      ) : null}
    </section>
  );
}
