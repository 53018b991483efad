import { BUILT_IN_DEAL_STAGES, type DealStage } from '../../../src-shared/contract';
import type { MessageKey, Translate } from '../../i18n/useI18n';

const BUILT_IN_KEYS: readonly string[] = BUILT_IN_DEAL_STAGES.map((stage) => stage.key);

/**
 * A stage's name as the owner sees it: their own label when they gave one, the translated name of an
 * untouched built-in stage (so it follows the UI language), else the stored key.
 */
export function stageName(t: Translate, stage: Pick<DealStage, 'key' | 'label'>): string {
  if (stage.label) return stage.label;
  if (stage.key !== null && BUILT_IN_KEYS.includes(stage.key)) {
    return t(`pipeline.stage.${stage.key}` as MessageKey);
  }
  return stage.key ?? '';
}

/** The name of a stage by id, for records that only carry the id (history, timeline, forecast rows). */
export function stageNameById(t: Translate, stages: readonly DealStage[], id: number | null): string {
  const stage = id === null ? undefined : stages.find((candidate) => candidate.id === id);
  return stage ? stageName(t, stage) : t('pipeline.stage.unknown');
}
