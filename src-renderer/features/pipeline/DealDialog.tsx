import { useShallow } from 'zustand/react/shallow';
import { dealPatch, type Deal, type DealStage } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { Dialog } from '../../components/Dialog';
import { TaskListCard } from '../followups/TaskListCard';
import { PageStatus } from '../../components/PageStatus';
import { SaveCancelActions } from '../../forms/SaveCancelActions';
import { choiceName } from '../customers/choiceName';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { useQuickForm } from '../customers/useQuickForm';
import { DealFields, describeDealIssue } from './DealFields';
import { type DealFormat, useDealFormat } from './dealFormat';
import { DEAL_FORM_FIELDS, dealFieldOf, dealFormValues, toPatch } from './dealForm';
import { DealHistory } from './DealHistory';
import { stageNameById } from './stageName';
import { useDealEditorStore } from './useDealEditorStore';
import { useDealStagesStore } from './useDealStagesStore';
import { winReasonText } from './winReasons';

/** Where the deal stands: customer, stage or outcome, time in stage, P(win) and why. */
function DealFacts({
  deal,
  stages,
  format,
}: {
  deal: Deal;
  stages: readonly DealStage[];
  format: DealFormat;
}) {
  const { t } = format;
  const { sources } = useCustomerOptions();
  const stage = stages.find((candidate) => candidate.id === deal.stageId);
  return (
    <dl className="deal-facts">
      <dt>{t('pipeline.form.customer')}</dt>
      <dd>
        <a href={hrefFor('customer', deal.customerId)}>{deal.customerName}</a>
        {deal.customerCompany ? <span className="muted"> · {deal.customerCompany}</span> : null}
      </dd>
      <dt>{t('pipeline.facts.status')}</dt>
      <dd>
        {deal.status === 'open'
          ? t('pipeline.facts.inStage', {
              stage: stageNameById(t, stages, deal.stageId),
              days: deal.daysInStage,
            })
          : t(`pipeline.facts.${deal.status}`, { date: deal.closedOn ? format.day(deal.closedOn) : '' })}
      </dd>
      <dt>{t('pipeline.facts.probability')}</dt>
      <dd>
        {format.percent(deal.probability)}
        {stage && deal.probabilityOverridden
          ? ` ${t('pipeline.facts.stageDefault', { percent: format.percent(stage.probability) })}`
          : ''}
      </dd>
      {deal.winProbability !== null ? (
        <>
          <dt>{t('pipeline.facts.winProbability')}</dt>
          <dd>
            {format.share(deal.winProbability)}
            {deal.winReasons.length > 0 ? (
              <ul className="win-reasons">
                {deal.winReasons.map((reason, index) => (
                  <li key={index}>
                    {winReasonText(t, reason, (key) => choiceName(t, 'source', sources, key))}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function DealEditForm({ deal, stages }: { deal: Deal; stages: readonly DealStage[] }) {
  const format = useDealFormat();
  const { t } = format;
  const { update, dismiss, askClose, reopen, remove } = useDealEditorStore(
    useShallow((s) => ({
      update: s.update,
      dismiss: s.dismiss,
      askClose: s.askClose,
      reopen: s.reopen,
      remove: s.remove,
    })),
  );
  const { currency } = useCustomerOptions();
  const { values, errors, change, submit, formError, saving, formRef } = useQuickForm({
    fields: DEAL_FORM_FIELDS,
    initial: dealFormValues(deal, { currency }),
    schema: dealPatch,
    build: toPatch,
    fieldOf: dealFieldOf,
    describe: (field, issue) => describeDealIssue(t, field, issue),
    send: (patch) => update(deal.id, patch),
    onDone: () => undefined,
  });
  const stage = stages.find((candidate) => candidate.id === deal.stageId);

  return (
    <>
      <DealFacts deal={deal} stages={stages} format={format} />
      <div className="deal-actions" role="toolbar" aria-label={t('pipeline.dialog.actions')}>
        {deal.status === 'open' ? (
          <>
            <button type="button" className="button" onClick={() => askClose(deal, 'won')}>
              {t('pipeline.move.won')}
            </button>
            <button type="button" className="button" onClick={() => askClose(deal, 'lost')}>
              {t('pipeline.move.lost')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => void reopen(deal.id)}>
            {t('pipeline.dialog.reopen')}
          </button>
        )}
        <button type="button" className="button button-danger-quiet" onClick={() => void remove(deal)}>
          {t('common.delete')}
        </button>
      </div>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
          <DealFields
            values={values}
            errors={errors}
            change={change}
            stageProbability={stage?.probability ?? null}
          />
        </div>
        {formError ? (
          <p className="form-error form-error-bottom" role="alert">
            {formError}
          </p>
        ) : null}
        <SaveCancelActions saving={saving} onCancel={dismiss} />
      </form>
    </>
  );
}

/** One deal: every field, its stage history, and closing, reopening or deleting it. */
export function DealDialog() {
  const t = useDealFormat().t;
  const { detail, loading, error, openId, dismiss } = useDealEditorStore(
    useShallow((s) => ({
      detail: s.detail,
      loading: s.loading,
      error: s.error,
      openId: s.openId,
      dismiss: s.dismiss,
    })),
  );
  const stages = useDealStagesStore((s) => s.stages);
  const open = useDealEditorStore((s) => s.open);
  if (openId === null) return null;
  const deal = detail?.deal;
  return (
    <Dialog title={deal ? deal.title : t('pipeline.dialog.title')} onClose={dismiss}>
      {deal && detail ? (
        <div className="deal-dialog">
          {/* A fresh form for each saved version: what another door changed shows, not stale text. */}
          <DealEditForm key={deal.updatedAt} deal={deal} stages={stages} />
          <TaskListCard
            owner="dealId"
            ownerId={deal.id}
            seed={{
              customerId: deal.customerId,
              customerName: deal.customerName,
              dealId: deal.id,
              dealTitle: deal.title,
            }}
            title="followups.deal.title"
            none="followups.deal.none"
          />
          <DealHistory history={detail.history} stages={stages} />
        </div>
      ) : (
        <PageStatus loading={loading} error={error} onRetry={() => void open(openId)} />
      )}
    </Dialog>
  );
}
