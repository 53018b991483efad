import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DealLink } from './DealLink';
import { useDealFormat } from './dealFormat';
import { stageNameById } from './stageName';
import { useCustomerDealsStore } from './useCustomerDealsStore';
import { useDealEditorStore } from './useDealEditorStore';
import { useDealStagesStore } from './useDealStagesStore';

/** The customer page's Deals card: every deal of theirs, open or closed, and "New deal" for them. */
export function CustomerDealsCard({
  customerId,
  customerName,
}: {
  customerId: number;
  customerName: string;
}) {
  const format = useDealFormat();
  const { t } = format;
  const { deals, loaded, show } = useCustomerDealsStore(
    useShallow((s) => ({ deals: s.deals, loaded: s.loaded && s.customerId === customerId, show: s.show })),
  );
  const startNew = useDealEditorStore((s) => s.startNew);
  const { stages, ensureStages } = useDealStagesStore(
    useShallow((s) => ({ stages: s.stages, ensureStages: s.ensureLoaded })),
  );
  useEffect(() => {
    void ensureStages();
    void show(customerId);
  }, [customerId, show, ensureStages]);
  // Leaving the page stops the card from following a customer nobody looks at.
  useEffect(() => () => void show(null), [show]);

  return (
    <section className="card customer-deals" aria-labelledby="customer-deals">
      <div className="card-heading">
        <h2 id="customer-deals">{t('pipeline.customer.title')}</h2>
        <button type="button" className="button" onClick={() => startNew({ customerId, customerName })}>
          {t('pipeline.customer.new')}
        </button>
      </div>
      {loaded && deals.length === 0 ? <p className="muted">{t('pipeline.customer.none')}</p> : null}
      {deals.length > 0 ? (
        <ul className="customer-deal-list">
          {deals.map((deal) => (
            <DealLink
              key={deal.id}
              deal={deal}
              facts={[
                format.money(deal.valueCents, deal.currency),
                deal.status === 'open'
                  ? stageNameById(t, stages, deal.stageId)
                  : t(`pipeline.outcome.${deal.status}`),
              ].join(' · ')}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
