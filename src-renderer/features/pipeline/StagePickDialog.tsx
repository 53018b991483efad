import { useId, useState, type ReactNode } from 'react';
import type { DealStage } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import { stageName } from './stageName';

interface StagePickDialogProps {
  title: string;
  /** What happens, said before the choice (optional). */
  children?: ReactNode;
  label: string;
  stages: readonly DealStage[];
  confirm: string;
  /** The confirm button's look: a removal is red. */
  danger?: boolean;
  onPick: (stageId: number) => void;
  onClose: () => void;
}

/** One question with a stage for its answer: where selected deals go, where a removed stage's deals go. */
export function StagePickDialog(props: StagePickDialogProps) {
  const t = useT();
  const id = useId();
  const [stageId, setStageId] = useState(String(props.stages[0]?.id ?? ''));
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (stageId) props.onPick(Number(stageId));
        }}
      >
        {props.children}
        <div className="field">
          <label htmlFor={id}>{props.label}</label>
          <select id={id} data-autofocus value={stageId} onChange={(event) => setStageId(event.target.value)}>
            {props.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stageName(t, stage)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={props.danger ? 'button button-danger' : 'button button-primary'}>
            {props.confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
