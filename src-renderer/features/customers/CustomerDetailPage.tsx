import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useGlobalShortcut } from '../../app/useGlobalShortcut';
import { useRouteStore } from '../../app/useRouteStore';
import { PageStatus } from '../../components/PageStatus';
import { CustomerAnalyticsCard } from '../analytics/CustomerAnalyticsCard';
import { CustomerTasksCard } from '../followups/CustomerTasksCard';
import { CustomerDealsCard } from '../pipeline/CustomerDealsCard';
import { stageNameById } from '../pipeline/stageName';
import { useDealStagesStore } from '../pipeline/useDealStagesStore';
import { VcardButton } from '../exports/VcardButton';
import { useI18n } from '../../i18n/useI18n';
import { choiceName } from './choiceName';
import { ConversationForm } from './ConversationForm';
import { CustomerForm } from './CustomerForm';
import { CustomerHeader } from './CustomerHeader';
import { FeedbackForm } from './FeedbackForm';
import { formatMoney } from './money';
import { OrderForm } from './OrderForm';
import { Timeline } from './Timeline';
import type { EntryContext } from './TimelineEntry';
import { useCustomerDetailStore } from './useCustomerDetailStore';
import { useCustomerOptions } from './useCustomerOptions';
import { useCustomerStore } from './useCustomerStore';

type OpenDialog = 'conversation' | 'order' | 'feedback' | 'edit' | null;

/** Customer 360 (`#/customers/<id>`): the header facts, the quick forms and the timeline. */
export function CustomerDetailPage() {
  const { t, locale, formatDateTime } = useI18n(
    useShallow((s) => ({ t: s.t, locale: s.locale, formatDateTime: s.formatDateTime })),
  );
  const id = useRouteStore((s) => s.route.id);
  const navigate = useRouteStore((s) => s.navigate);
  const { overview, scores, loading, error } = useCustomerDetailStore(
    useShallow((s) => ({ overview: s.overview, scores: s.scores, loading: s.loading, error: s.error })),
  );
  const { open, close, refresh, setStage, deleteItem } = useCustomerDetailStore(
    useShallow((s) => ({
      open: s.open,
      close: s.close,
      refresh: s.refresh,
      setStage: s.setStage,
      deleteItem: s.deleteItem,
    })),
  );
  const { stages, tags } = useCustomerOptions();
  const moveToTrash = useCustomerStore((s) => s.moveToTrash);
  const dealStages = useDealStagesStore((s) => s.stages);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  useEffect(() => {
    if (id === null) return;
    void open(id);
    return close;
  }, [id, open, close]);

  // Ctrl/Cmd+L: the owner is on the phone and wants to note it down now.
  useGlobalShortcut('l', () => setDialog('conversation'), overview !== null && dialog === null, {
    mod: true,
  });

  const context = useMemo<EntryContext>(
    () => ({
      t,
      formatDateTime,
      money: (cents, currency) => formatMoney(locale, cents, currency),
      stageName: (key) => (key === null ? t('customer.noStage') : choiceName(t, 'stage', stages, key)),
      tagName: (tagId) => tags.find((tag) => tag.id === tagId)?.name ?? null,
      dealStageName: (stageId) => stageNameById(t, dealStages, stageId),
      onDelete: (item) => void deleteItem(item),
    }),
    [t, formatDateTime, locale, stages, tags, dealStages, deleteItem],
  );

  if (id === null || !overview || overview.customer.id !== id) {
    return <PageStatus loading={loading} error={error} onRetry={() => void refresh()} />;
  }
  const { customer } = overview;
  const closeDialog = () => setDialog(null);

  return (
    <div className="customer-page">
      <CustomerHeader overview={overview} onStageChange={(stage) => void setStage(stage)} />
      <CustomerAnalyticsCard scores={scores} />
      <CustomerTasksCard customerId={customer.id} customerName={customer.name} />
      <CustomerDealsCard customerId={customer.id} customerName={customer.name} />
      <div className="customer-actions" role="toolbar" aria-label={t('customer.actionsLabel')}>
        <button type="button" className="button button-primary" onClick={() => setDialog('conversation')}>
          {t('customer.logConversation')}
          <kbd className="shortcut" aria-hidden="true">
            {t('customer.logConversationShortcut')}
          </kbd>
        </button>
        <button type="button" className="button" onClick={() => setDialog('order')}>
          {t('customer.addOrder')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('feedback')}>
          {t('customer.addFeedback')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('edit')}>
          {t('customer.edit')}
        </button>
        <VcardButton customerId={customer.id} />
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => {
            navigate('customers');
            void moveToTrash(customer);
          }}
        >
          {t('customer.delete')}
        </button>
      </div>
      <Timeline context={context} />

      {dialog === 'conversation' ? <ConversationForm customerId={customer.id} onClose={closeDialog} /> : null}
      {dialog === 'order' ? <OrderForm customerId={customer.id} onClose={closeDialog} /> : null}
      {dialog === 'feedback' ? <FeedbackForm customerId={customer.id} onClose={closeDialog} /> : null}
      {dialog === 'edit' ? (
        <CustomerForm customer={customer} onClose={closeDialog} onSaved={() => void refresh()} />
      ) : null}
    </div>
  );
}
