import type { Deal, DealStage } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import { stageName } from './stageName';
import type { DealOutcome } from './useDealEditorStore';

interface MoveDealDialogProps {
  deal: Deal;
  stages: readonly DealStage[];
  onMove: (stageId: number) => void;
  onOutcome: (outcome: DealOutcome) => void;
  onClose: () => void;
}

/**
 * "Move to stage…": every stage and the two outcomes as buttons, the keyboard's (and a screen
 * reader's) way to do what a drag does. The deal's own stage is shown, not offered.
 */
export function MoveDealDialog({ deal, stages, onMove, onOutcome, onClose }: MoveDealDialogProps) {
  const t = useT();
  // The focus starts on the next stage, the move asked for most; on the last stage, on Won.
  const next = stages[stages.findIndex((stage) => stage.id === deal.stageId) + 1];
  return (
    <Dialog title={t('pipeline.move.title', { title: deal.title })} onClose={onClose}>
      <ul className="move-options" aria-label={t('pipeline.move.stages')}>
        {stages.map((stage) => {
          const current = stage.id === deal.stageId;
          return (
            <li key={stage.id}>
              <button
                type="button"
                className="button move-option"
                disabled={current}
                aria-current={current ? 'true' : undefined}
                data-autofocus={stage.id === next?.id ? true : undefined}
                onClick={() => onMove(stage.id)}
              >
                {stageName(t, stage)}
                {current ? <span className="muted"> {t('pipeline.move.current')}</span> : null}
              </button>
            </li>
          );
        })}
        {(['won', 'lost'] as const).map((outcome) => (
          <li key={outcome}>
            <button
              type="button"
              className={`button move-option move-${outcome}`}
              data-autofocus={outcome === 'won' && !next ? true : undefined}
              onClick={() => onOutcome(outcome)}
            >
              {t(`pipeline.move.${outcome}`)}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
