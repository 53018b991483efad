import type { DealStage, StageChange } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { stageNameById } from './stageName';

/** Every stage change of a deal, newest first: when it entered each stage and how it ended. */
export function DealHistory({ history, stages }: { history: StageChange[]; stages: readonly DealStage[] }) {
  const t = useI18n((s) => s.t);
  const formatDateTime = useI18n((s) => s.formatDateTime);
  const describe = (change: StageChange) => {
    if (change.status !== 'open') return t(`pipeline.history.${change.status}`);
    if (change.fromStageId === null) {
      return t('pipeline.history.created', { stage: stageNameById(t, stages, change.toStageId) });
    }
    return t('pipeline.history.moved', {
      from: stageNameById(t, stages, change.fromStageId),
      to: stageNameById(t, stages, change.toStageId),
    });
  };
  return (
    <section aria-labelledby="deal-history">
      <h3 id="deal-history" className="form-section">
        {t('pipeline.history.title')}
      </h3>
      <ol className="deal-history">
        {[...history].reverse().map((change, index) => (
          <li key={index}>
            <time dateTime={change.at}>{formatDateTime(change.at)}</time> <span>{describe(change)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
