import {
  BUILT_IN_LOST_REASONS,
  BUILT_IN_SOURCES,
  BUILT_IN_STAGES,
  type ChoiceOption,
} from '../../../src-shared/contract';
import type { MessageKey, Translate } from '../../i18n/useI18n';

export type ChoiceListKind = 'source' | 'stage' | 'lostReason';

export const BUILT_IN: Record<ChoiceListKind, readonly string[]> = {
  source: BUILT_IN_SOURCES,
  stage: BUILT_IN_STAGES,
  lostReason: BUILT_IN_LOST_REASONS,
};

/**
 * The name an entry of an editable list (lead sources, lifecycle stages, why deals are lost) shows under: the owner's
 * own label when they gave one (renamed built-ins too), the translated name of a built-in, else its key.
 */
export function choiceLabel(t: Translate, listKind: ChoiceListKind, option: ChoiceOption): string {
  if (option.label) return option.label;
  if (BUILT_IN[listKind].includes(option.key)) return t(`choice.${listKind}.${option.key}` as MessageKey);
  return option.key;
}
