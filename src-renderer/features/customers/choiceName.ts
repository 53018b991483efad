import type { ChoiceOption } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';
import { choiceLabel } from '../settings/choiceLabel';

/**
 * The name of a stored source or stage key. A key no longer in Settings' list (the owner removed it,
 * the record still has it) is shown as stored rather than hidden.
 */
export function choiceName(
  t: Translate,
  kind: 'source' | 'stage',
  options: readonly ChoiceOption[],
  key: string,
): string {
  const option = options.find((candidate) => candidate.key === key);
  return option ? choiceLabel(t, kind, option) : key;
}
