import { useState, type DragEvent } from 'react';
import type { DealFormat } from './dealFormat';
import type { DealOutcome } from './useDealEditorStore';
import { DEAL_DRAG_TYPE, useDragStore } from './useDragStore';

interface OutcomeTargetProps {
  outcome: DealOutcome;
  format: DealFormat;
  /** A card dropped here: the page asks for the close date (and, when lost, the reason). */
  onDrop: (dealId: number, outcome: DealOutcome) => void;
}

/** Won and Lost, the board's last two drop targets: not stages, the end of a deal. */
export function OutcomeTarget({ outcome, format, onDrop }: OutcomeTargetProps) {
  const { t } = format;
  const [over, setOver] = useState(false);
  return (
    <section
      className={`board-outcome board-outcome-${outcome}${over ? ' board-outcome-over' : ''}`}
      aria-label={t(`pipeline.outcome.${outcome}`)}
      data-outcome={outcome}
      onDragOver={(event: DragEvent<HTMLElement>) => {
        if (!event.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = Number(event.dataTransfer.getData(DEAL_DRAG_TYPE)) || useDragStore.getState().draggingId;
        useDragStore.getState().end();
        if (id) onDrop(id, outcome);
      }}
    >
      <h2>{t(`pipeline.outcome.${outcome}`)}</h2>
      <p className="muted">{t(`pipeline.outcome.${outcome}Hint`)}</p>
    </section>
  );
}
