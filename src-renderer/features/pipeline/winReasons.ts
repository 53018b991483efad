import type { WinReason } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';

/** A learned reason in words: the fact ("Large value", "Source: Referral") and which way it pushes. */
export function winReasonText(t: Translate, reason: WinReason, sourceName: (key: string) => string): string {
  const fact =
    reason.feature === 'source'
      ? t('pipeline.feature.source', {
          source: reason.source ? sourceName(reason.source) : t('pipeline.noSource'),
        })
      : t(`pipeline.feature.${reason.feature}`);
  return t(reason.effect >= 0 ? 'pipeline.reason.raises' : 'pipeline.reason.lowers', { fact });
}
