import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { stageTotals, type Deal, type DealStage } from '../../../src-shared/contract';
import { DealCard } from './DealCard';
import type { DealFormat } from './dealFormat';
import { dropBeforeId, dropIndex } from './dropPosition';
import type { MoveDirection } from './keyboardMove';
import { DEAL_DRAG_TYPE, useDragStore } from './useDragStore';

/** A card's slot: the card (board.css keeps it this tall) and the gap under it. */
export const CARD_SLOT = 124;
/** Cards drawn beyond the visible ones, so a quick scroll does not outrun drawing. */
const OVERSCAN = 3;

interface BoardColumnProps {
  stage: DealStage;
  name: string;
  deals: Deal[];
  /** The owner's currency: the column's sums add only deals in it (never across currencies). */
  currency: string;
  format: DealFormat;
  hintId: string;
  focusId: number | null;
  onFocused: () => void;
  onOpen: (deal: Deal) => void;
  onKeyMove: (deal: Deal, direction: MoveDirection) => void;
  onMoveMenu: (deal: Deal) => void;
  onDrop: (dealId: number, stageId: number, beforeId: number | null) => void;
  onQuickAdd: (stageId: number) => void;
}

/**
 * One stage: its sums, a "+" to add a deal in it, and its cards. Only the cards in view exist in the
 * page (2,000 deals stay a few dozen elements); a drop finds its slot from the pointer's height.
 */
export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const { stage, deals, format, focusId, onFocused } = props;
  const { t } = format;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState<number | null>(null);
  const sums = useMemo(
    () => stageTotals(deals.filter((deal) => deal.currency === props.currency)),
    [deals, props.currency],
  );

  const virtualizer = useVirtualizer({
    count: deals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_SLOT,
    overscan: OVERSCAN,
  });

  // After a keyboard move the card is redrawn here: bring it into view and give it the focus back.
  const focusIndex = focusId === null ? -1 : deals.findIndex((deal) => deal.id === focusId);
  useEffect(() => {
    if (focusIndex === -1) return;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-deal-id="${focusId}"]`)?.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusIndex, focusId, virtualizer, onFocused]);

  const slotAt = (event: DragEvent<HTMLElement>) => {
    const box = scrollRef.current!;
    const offset = event.clientY - box.getBoundingClientRect().top + box.scrollTop;
    return dropIndex(offset, CARD_SLOT, deals.length);
  };

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    // Only a new slot re-renders the column: dragover fires every few milliseconds.
    const slot = slotAt(event);
    if (slot !== hint) setHint(slot);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setHint(null);
    const id = Number(event.dataTransfer.getData(DEAL_DRAG_TYPE)) || useDragStore.getState().draggingId;
    useDragStore.getState().end();
    if (!id) return;
    const before = dropBeforeId(
      deals.map((deal) => deal.id),
      slotAt(event),
      id,
    );
    if (before !== 'stay') props.onDrop(id, stage.id, before);
  };

  const items = virtualizer.getVirtualItems();
  const headingId = `board-column-${stage.id}`;
  return (
    <section
      className={`board-column${hint !== null ? ' board-column-over' : ''}`}
      aria-labelledby={headingId}
      data-stage-id={stage.id}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHint(null);
      }}
      onDrop={onDrop}
    >
      <header className="board-column-header">
        <div className="board-column-title">
          <h2 id={headingId}>{props.name}</h2>
          <span className="board-count" aria-label={t('pipeline.column.countAria', { count: deals.length })}>
            {deals.length}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('pipeline.column.addAria', { stage: props.name })}
            title={t('pipeline.column.add')}
            onClick={() => props.onQuickAdd(stage.id)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <p className="board-column-sums muted">
          {t('pipeline.column.sums', {
            total: format.money(sums.totalCents, props.currency),
            weighted: format.money(sums.weightedCents, props.currency),
          })}
        </p>
        <p className="board-column-sums muted">
          {t('pipeline.column.defaultProbability', { percent: format.percent(stage.probability) })}
        </p>
      </header>
      <div ref={scrollRef} className="board-column-cards">
        <div className="board-column-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const deal = deals[item.index]!;
            return (
              <div key={deal.id} className="board-slot" style={{ transform: `translateY(${item.start}px)` }}>
                <DealCard
                  deal={deal}
                  format={format}
                  hintId={props.hintId}
                  onOpen={props.onOpen}
                  onKeyMove={props.onKeyMove}
                  onMoveMenu={props.onMoveMenu}
                />
              </div>
            );
          })}
          {hint !== null ? (
            <div
              className="board-drop-line"
              aria-hidden="true"
              style={{ transform: `translateY(${hint * CARD_SLOT - 6}px)` }}
            />
          ) : null}
        </div>
        {deals.length === 0 ? <p className="board-empty muted">{t('pipeline.column.empty')}</p> : null}
      </div>
    </section>
  );
});
