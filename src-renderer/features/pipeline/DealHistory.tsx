import type { DealStage, StageChange } from '../../../src-shared/contract';
import { useI18n } from '../../i18n/useI18n';
import { stageNameById } from './stageName';

/** Every stage change of a deal, newest first: when it entered each stage and how it ended. */
export function DealHistory({ history, stages }: { history: StageChange[]; stages: readonly DealStage[] }) {
  const t = useI18n((s) => s.t);
  const formatDateTime = useI18n((s) => s.formatDateTime);
  /** `index` counts from the oldest: only the first change out of nowhere is the creation. */
  const describe = (change: StageChange, index: number) => {
    if (change.status !== 'open') return t(`pipeline.history.${change.status}`);
    if (change.fromStageId === null) {
      // A reopened deal comes back from its outcome, which is no stage: the same shape as creation.
      return t(index === 0 ? 'pipeline.history.created' : 'pipeline.history.reopened', {
        stage: stageNameById(t, stages, change.toStageId),
      });
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
        {history
          .map((change, index) => ({ change, text: describe(change, index) }))
          .reverse()
          .map(({ change, text }, index) => (
            <li key={index}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time> <span>{text}</span>
            </li>
          ))}
      </ol>
    </section>
  );
}
