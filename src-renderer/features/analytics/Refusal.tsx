import type { ModelRefusal } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { refusalText, type AnalyticsModel } from './analyticsFormat';

/** A model that gave no result says why, in a sentence with what it needs: never a blank chart. */
export function Refusal({
  title,
  model,
  refusal,
}: {
  title: string;
  model: AnalyticsModel;
  refusal: ModelRefusal;
}) {
  const t = useT();
  return (
    <section className="card analytics-refusal" role="note">
      <h2>{title}</h2>
      <p>{refusalText(t, model, refusal)}</p>
    </section>
  );
}
