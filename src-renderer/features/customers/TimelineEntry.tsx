import type { ReactNode } from 'react';
import type { TimelineItem } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';
import type { DeletableItem } from './useCustomerDetailStore';

export interface EntryContext {
  t: Translate;
  formatDateTime: (iso: string) => string;
  money: (cents: number, currency: string) => string;
  stageName: (key: string | null) => string;
  tagName: (id: number) => string | null;
  /** A pipeline stage by id (deal events carry ids; a removed stage reads "unknown stage"). */
  dealStageName: (id: number | null) => string;
  onDelete: (item: DeletableItem) => void;
}

function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button timeline-delete"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

/** One line of the timeline: what happened, when, and the plain text the owner wrote (never HTML). */
export function TimelineEntry({ item, context }: { item: TimelineItem; context: EntryContext }) {
  const { t, formatDateTime } = context;
  let badge: string;
  let heading: ReactNode;
  let body: ReactNode = null;
  let remove: ReactNode = null;

  switch (item.kind) {
    case 'order': {
      const { order } = item;
      badge = t('customer.timeline.kind.order');
      heading = (
        <>
          {t('customer.order.heading', { amount: context.money(order.amountCents, order.currency) })}
          <span className={`status status-${order.status}`}>
            {t(`customer.order.status.${order.status}`)}
          </span>
        </>
      );
      body = (
        <>
          {order.description ? <p className="timeline-text">{order.description}</p> : null}
          {order.externalRef || order.channel ? (
            <p className="muted">
              {[
                order.externalRef ? t('customer.order.ref', { ref: order.externalRef }) : null,
                order.channel ? t('customer.order.channel', { channel: order.channel }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
          {order.lines.length > 0 ? (
            <ul className="order-lines" aria-label={t('customer.order.lines')}>
              {order.lines.map((line, index) => (
                <li key={index}>
                  <span>
                    {t('customer.order.line', { quantity: line.quantity, description: line.description })}
                  </span>
                  <span>{context.money(line.unitPriceCents * line.quantity, order.currency)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      );
      remove = <DeleteButton label={t('customer.order.deleteAria')} onClick={() => context.onDelete(item)} />;
      break;
    }
    case 'conversation': {
      const { conversation } = item;
      badge = t(`customer.conversation.kind.${conversation.kind}`);
      const facts = [
        conversation.direction ? t(`customer.conversation.direction.${conversation.direction}`) : null,
        conversation.durationMinutes !== null
          ? t('customer.conversation.duration', { minutes: conversation.durationMinutes })
          : null,
      ].filter(Boolean);
      heading = (
        <>
          {conversation.subject ?? t(`customer.conversation.kind.${conversation.kind}`)}
          {facts.length > 0 ? <span className="muted timeline-facts">{facts.join(' · ')}</span> : null}
        </>
      );
      // Plain text in a text node; line breaks are kept by CSS (white-space: pre-wrap), not by markup.
      body = conversation.body ? <p className="timeline-text timeline-body">{conversation.body}</p> : null;
      remove = (
        <DeleteButton label={t('customer.conversation.deleteAria')} onClick={() => context.onDelete(item)} />
      );
      break;
    }
    case 'feedback': {
      const { feedback } = item;
      badge = t('customer.timeline.kind.feedback');
      heading = t(`customer.feedback.${feedback.kind}`, { score: feedback.score });
      body = feedback.comment ? <p className="timeline-text timeline-body">{feedback.comment}</p> : null;
      break;
    }
    case 'event':
      badge = t('customer.timeline.kind.event');
      heading = describeEvent(item.event, context);
      break;
  }

  return (
    <li className={`timeline-item timeline-${item.kind}`}>
      <div className="timeline-meta">
        <span className={`timeline-badge badge-${item.kind}`}>{badge}</span>
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
      </div>
      <div className="timeline-content">
        <p className="timeline-heading">{heading}</p>
        {body}
      </div>
      {remove}
    </li>
  );
}

function describeEvent(
  event: Extract<TimelineItem, { kind: 'event' }>['event'],
  { t, stageName, tagName, dealStageName, money }: EntryContext,
): string {
  const text = (key: string) => (typeof event.data[key] === 'string' ? (event.data[key] as string) : null);
  const id = (key: string) => (typeof event.data[key] === 'number' ? (event.data[key] as number) : null);
  const deal = () => ({
    title: text('title') ?? '',
    value: money(id('valueCents') ?? 0, text('currency') ?? 'CNY'),
  });
  switch (event.kind) {
    case 'deal_created':
      return t('pipeline.event.deal_created', {
        ...deal(),
        stage: dealStageName(id('stageId') ?? id('toStageId')),
      });
    case 'deal_stage_changed':
      return t('pipeline.event.deal_stage_changed', {
        ...deal(),
        from: dealStageName(id('fromStageId')),
        to: dealStageName(id('toStageId')),
      });
    case 'deal_won':
    case 'deal_lost':
    case 'deal_reopened':
      return t(`pipeline.event.${event.kind}`, deal());
    case 'created':
      return t('customer.event.created');
    case 'stage_changed':
      return t('customer.event.stage_changed', { from: stageName(text('from')), to: stageName(text('to')) });
    case 'tag_added':
    case 'tag_removed': {
      const id = event.data.tagId;
      const name = typeof id === 'number' ? tagName(id) : null;
      return t(`customer.event.${event.kind}`, { tag: name ?? t('customer.event.unknownTag') });
    }
    case 'merged':
      return t('customer.event.merged', { name: text('otherName') ?? t('customer.event.someone') });
    default:
      return t('customer.event.other');
  }
}
