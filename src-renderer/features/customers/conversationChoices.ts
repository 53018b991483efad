import { CONVERSATION_KINDS, DIRECTIONS } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';

/** A conversation's kinds as a select's choices, named as the timeline names them. */
export const conversationKindChoices = (t: Translate) =>
  CONVERSATION_KINDS.map((kind) => ({ value: kind, label: t(`customer.conversation.kind.${kind}`) }));

/** A conversation's directions as a select's choices. */
export const directionChoices = (t: Translate) =>
  DIRECTIONS.map((direction) => ({
    value: direction,
    label: t(`customer.conversation.direction.${direction}`),
  }));
