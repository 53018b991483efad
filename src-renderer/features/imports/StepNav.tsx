import { useT } from '../../i18n/useI18n';

interface Props {
  onBack: () => void;
  /** Defaults to "Back". */
  backLabel?: string;
  backDisabled?: boolean;
  /** The step's primary action; left out while there is nothing to go on with. */
  next?: { label: string; disabled: boolean; onClick: () => void };
}

/** The foot of a wizard step: Back on the left, the step's primary action on the right. */
export function StepNav({ onBack, backLabel, backDisabled = false, next }: Props) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="button" className="button form-actions-start" disabled={backDisabled} onClick={onBack}>
        {backLabel ?? t('imports.back')}
      </button>
      {next ? (
        <button
          type="button"
          className="button button-primary"
          disabled={next.disabled}
          onClick={next.onClick}
        >
          {next.label}
        </button>
      ) : null}
    </div>
  );
}
