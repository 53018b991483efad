import type { WinModelStatus } from '../../../src-shared/contract';
import type { AnalyticsFormat } from '../analytics/analyticsFormat';

/**
 * Whether P(win) is learned from the owner's own closed deals. Without a model the board weights by
 * stage defaults, and this says why and what it takes (20 closed deals, at least 3 won and 3 lost).
 */
export function ModelStatusPanel({ model, format }: { model: WinModelStatus; format: AnalyticsFormat }) {
  const { t } = format;
  return (
    <section className="card analytics-section" aria-labelledby="forecast-model">
      <h2 id="forecast-model">{t('pipeline.model.title')}</h2>
      {model.ok ? (
        <>
          <p>{t('pipeline.model.learned', { closed: model.closed, won: model.won, lost: model.lost })}</p>
          <p className="muted">
            {model.auc !== null
              ? t('pipeline.model.auc', { auc: format.number(model.auc, 2) })
              : t('pipeline.model.noAuc')}
          </p>
        </>
      ) : (
        <>
          <p>
            {t(model.reason === 'one_outcome' ? 'pipeline.model.oneOutcome' : 'pipeline.model.tooFew', {
              closed: model.closed,
              won: model.won,
              lost: model.lost,
            })}
          </p>
          <p className="muted">
            {t('pipeline.model.needs', { needed: model.needed, perOutcome: model.neededPerOutcome })}
          </p>
        </>
      )}
    </section>
  );
}
