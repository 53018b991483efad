import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { contract, type DealStage } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { stageName } from '../pipeline/stageName';
import { useDealStagesStore } from '../pipeline/useDealStagesStore';
import { StagePickDialog } from '../pipeline/StagePickDialog';
import { checkLocally, useFormErrors, type DescribeIssue } from './useFormErrors';

const STAGE_FIELDS = ['label', 'probability'] as const;
type StageField = (typeof STAGE_FIELDS)[number];

/** "" or "abc" is not a number: NaN fails the schema and is named at its field. */
const asPercent = (text: string) =>
  text.trim() === '' ? Number.NaN : Number(text.trim().replace(/[%％]$/, ''));

/**
 * A stage's name and default probability as typed, their field errors, and the two boxes that edit
 * them: a stage's row and the "add stage" form are the same two fields.
 */
function useStageDraft(initialLabel: string, initialProbability: string) {
  const t = useT();
  const [label, setLabel] = useState(initialLabel);
  const [probability, setProbability] = useState(initialProbability);
  const describe: DescribeIssue<StageField> = (field, issue) =>
    field === 'probability' ? t('pipeline.form.probabilityInvalid') : t(`issue.${issue.code}`, issue.params);
  const form = useFormErrors(STAGE_FIELDS, describe);
  const fields = (namePrefix: string, nameLabel: string, rowClasses = false) => (
    <>
      <TextField
        name={`${namePrefix}-label`}
        label={nameLabel}
        className={rowClasses ? 'choice-name' : undefined}
        value={label}
        maxLength={60}
        error={form.errors.label}
        onChange={(value) => {
          setLabel(value);
          form.clear('label');
        }}
      />
      <TextField
        name={`${namePrefix}-probability`}
        label={t('pipeline.settings.probability')}
        className={rowClasses ? 'stage-probability' : undefined}
        value={probability}
        maxLength={4}
        error={form.errors.probability}
        onChange={(value) => {
          setProbability(value);
          form.clear('probability');
        }}
      />
    </>
  );
  const reset = () => {
    setLabel('');
    setProbability('');
  };
  return { label, probability, form, fields, reset };
}

interface StageRowProps {
  stage: DealStage;
  index: number;
  count: number;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (stage: DealStage) => void;
}

/** One stage: its name and default probability (saved together), up, down and remove. */
function StageRow({ stage, index, count, onMove, onRemove }: StageRowProps) {
  const t = useT();
  const update = useDealStagesStore((s) => s.update);
  const shownName = stageName(t, stage);
  const { label, probability, form, fields } = useStageDraft(shownName, String(stage.probability));
  const dirty = label !== shownName || probability !== String(stage.probability);

  const save = async () => {
    // An untouched built-in name is not sent: it keeps following the UI language.
    const patch = {
      ...(label !== shownName ? { label } : {}),
      probability: asPercent(probability),
    };
    const schema = contract['dealStages.update'].input;
    await form.submit(
      checkLocally(schema, { id: stage.id, patch }).map((issue) => ({
        ...issue,
        path: issue.path.replace(/^patch\./, ''),
      })),
      () => update(stage.id, patch),
    );
  };

  return (
    <li className="organize-row stage-row">
      {fields(`stage-${stage.id}`, t('pipeline.settings.nameAria', { position: index + 1 }), true)}
      <span className="organize-actions">
        <button type="button" className="button" disabled={!dirty || form.busy} onClick={() => void save()}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings.lists.moveUp', { name: shownName })}
          disabled={index === 0}
          onClick={() => onMove(index, -1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings.lists.moveDown', { name: shownName })}
          disabled={index === count - 1}
          onClick={() => onMove(index, 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings.lists.remove', { name: shownName })}
          // The board needs at least one open stage to put deals in.
          disabled={count === 1}
          onClick={() => onRemove(stage)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </span>
      <span className="muted stage-count">
        {t('pipeline.settings.openDeals', { count: stage.openDeals })}
      </span>
    </li>
  );
}

/** "Add stage": a name and its default probability, added at the end of the board. */
function AddStageForm() {
  const t = useT();
  const create = useDealStagesStore((s) => s.create);
  const { label, probability, form, fields, reset } = useStageDraft('', '');
  const submit = async () => {
    const input = { label, probability: asPercent(probability) };
    const done = await form.submit(checkLocally(contract['dealStages.create'].input, input), () =>
      create(input),
    );
    if (done) reset();
  };
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {fields('stage-new', t('pipeline.settings.newStage'))}
      <div className="inline-form-actions">
        <button type="submit" className="button" disabled={form.busy}>
          {t('settings.lists.add')}
        </button>
      </div>
    </form>
  );
}

/** Settings' pipeline stages: rename, default probability, reorder, add, and remove with a new home for deals. */
export function PipelineStagesSection() {
  const t = useT();
  const { stages, ensureLoaded, reorder, remove } = useDealStagesStore(
    useShallow((s) => ({
      stages: s.stages,
      ensureLoaded: s.ensureLoaded,
      reorder: s.reorder,
      remove: s.remove,
    })),
  );
  const [removing, setRemoving] = useState<DealStage | null>(null);
  useEffect(() => void ensureLoaded(), [ensureLoaded]);

  const move = (index: number, by: -1 | 1) => {
    const ids = stages.map((stage) => stage.id);
    const [id] = ids.splice(index, 1);
    if (id !== undefined) ids.splice(index + by, 0, id);
    void reorder(ids);
  };
  const removeStage = async (stage: DealStage, moveTo?: number) => {
    setRemoving(null);
    try {
      await remove(stage.id, moveTo);
    } catch {
      // Refused (CONFLICT: deals arrived meanwhile): ask where they go, with the fresh count.
      await ensureLoaded();
      setRemoving(stage);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-pipeline-stages">
      <h2 id="settings-pipeline-stages">{t('pipeline.settings.stagesTitle')}</h2>
      <p className="hint">{t('pipeline.settings.stagesHint')}</p>
      <ol className="organize-list">
        {stages.map((stage, index) => (
          <StageRow
            key={`${stage.id}:${stage.label}:${stage.probability}`}
            stage={stage}
            index={index}
            count={stages.length}
            onMove={move}
            onRemove={(target) => (target.openDeals > 0 ? setRemoving(target) : void removeStage(target))}
          />
        ))}
      </ol>
      <AddStageForm />
      {removing ? (
        <StagePickDialog
          title={t('pipeline.settings.removeTitle', { name: stageName(t, removing) })}
          label={t('pipeline.settings.moveTo')}
          stages={stages.filter((stage) => stage.id !== removing.id)}
          confirm={t('pipeline.settings.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          onPick={(moveTo) => void removeStage(removing, moveTo)}
        >
          <p>
            {t('pipeline.settings.removeBody', { name: stageName(t, removing), count: removing.openDeals })}
          </p>
        </StagePickDialog>
      ) : null}
    </section>
  );
}
