import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { Deal } from '../../../src-shared/contract';
import type { DealFormat } from './dealFormat';
import { shortcutDirection, type MoveDirection } from './keyboardMove';
import { DEAL_DRAG_TYPE, useDragStore } from './useDragStore';

interface DealCardProps {
  deal: Deal;
  format: DealFormat;
  /** The id of the board's visible shortcut hint, read out with every card. */
  hintId: string;
  onOpen: (deal: Deal) => void;
  onKeyMove: (deal: Deal, direction: MoveDirection) => void;
  onMoveMenu: (deal: Deal) => void;
}

/**
 * One deal on the board. The card itself takes the focus: Enter opens it, the shortcuts move it, and
 * "Move…" offers every stage and the two outcomes. Dragging it is the mouse's way to do the same.
 */
export const DealCard = memo(function DealCard({
  deal,
  format,
  hintId,
  onOpen,
  onKeyMove,
  onMoveMenu,
}: DealCardProps) {
  const { t } = format;
  const dragging = useDragStore((s) => s.draggingId === deal.id);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(deal);
      return;
    }
    const direction = shortcutDirection(event);
    if (!direction) return;
    event.preventDefault();
    onKeyMove(deal, direction);
  };

  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(DEAL_DRAG_TYPE, String(deal.id));
    event.dataTransfer.effectAllowed = 'move';
    useDragStore.getState().start(deal.id);
  };

  const customer = deal.customerCompany ?? deal.customerName;
  return (
    <article
      className={`deal-card${dragging ? ' deal-card-dragging' : ''}`}
      tabIndex={0}
      draggable
      data-deal-id={deal.id}
      aria-roledescription={t('pipeline.card.role')}
      aria-label={t('pipeline.card.label', { title: deal.title, customer })}
      aria-describedby={hintId}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown [ ]"
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('button')) onOpen(deal);
      }}
      onDragStart={onDragStart}
      onDragEnd={() => useDragStore.getState().end()}
    >
      <div className="deal-card-top">
        <h3 className="deal-card-title">{deal.title}</h3>
        <button
          type="button"
          className="icon-button deal-card-menu"
          aria-haspopup="dialog"
          aria-label={t('pipeline.card.moveAria', { title: deal.title })}
          title={t('pipeline.card.moveHint')}
          onClick={() => onMoveMenu(deal)}
        >
          <span aria-hidden="true">⇄</span>
        </button>
      </div>
      <p className="deal-card-customer muted">{customer}</p>
      <p className="deal-card-value">
        <span className="strong">{format.money(deal.valueCents, deal.currency)}</span>
        <span className="muted">
          {' '}
          {format.percent(deal.probability)}
          {deal.winProbability !== null
            ? ` · ${t('pipeline.card.winProbability', { percent: format.share(deal.winProbability) })}`
            : ''}
        </span>
      </p>
      <p className="deal-card-facts muted">
        <span>{t('pipeline.card.daysInStage', { days: deal.daysInStage })}</span>
        {deal.nextStepDate ? (
          <span className={deal.nextStepOverdue ? 'deal-overdue' : undefined}>
            {t(deal.nextStepOverdue ? 'pipeline.card.nextStepOverdue' : 'pipeline.card.nextStep', {
              date: format.day(deal.nextStepDate),
            })}
          </span>
        ) : null}
      </p>
    </article>
  );
});
