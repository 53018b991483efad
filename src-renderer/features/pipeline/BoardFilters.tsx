import { useState } from 'react';
import { useT } from '../../i18n/useI18n';
import { Field } from '../customers/Field';
import {
  activeFilterCount,
  EMPTY_BOARD_FILTERS,
  type BoardFilterDraft,
  type BoardFilterProblem,
} from './boardFilters';
import { CloseMonthFilter, SourceFilter } from './filterFields';

interface BoardFiltersProps {
  draft: BoardFilterDraft;
  staleDays: number;
  /** Amounts the page could not read, marked at their box. */
  problems: readonly BoardFilterProblem[];
  onChange: (draft: BoardFilterDraft) => void;
}

/** Source, value range, expected close month and "stale only"; each change applies at once. */
export function BoardFilters({ draft, staleDays, problems, onChange }: BoardFiltersProps) {
  const t = useT();
  // Amounts apply when the owner leaves the box or presses Enter, not on every digit.
  const [amounts, setAmounts] = useState({ valueMin: draft.valueMin, valueMax: draft.valueMax });
  const applyAmounts = () => {
    if (amounts.valueMin !== draft.valueMin || amounts.valueMax !== draft.valueMax) {
      onChange({ ...draft, ...amounts });
    }
  };
  const amount = (name: 'valueMin' | 'valueMax') => (
    <Field
      label={t(`pipeline.filter.${name}`)}
      error={problems.includes(name) ? t('pipeline.form.valueInvalid') : undefined}
    >
      {(control) => (
        <input
          {...control}
          name={name}
          inputMode="decimal"
          value={amounts[name]}
          onChange={(event) => setAmounts({ ...amounts, [name]: event.target.value })}
          onBlur={applyAmounts}
          onKeyDown={(event) => {
            if (event.key === 'Enter') applyAmounts();
          }}
        />
      )}
    </Field>
  );
  return (
    <form
      className="board-filters"
      aria-label={t('pipeline.filter.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <SourceFilter value={draft.source} onChange={(source) => onChange({ ...draft, source })} />
      {amount('valueMin')}
      {amount('valueMax')}
      <CloseMonthFilter
        value={draft.closeMonth}
        onChange={(closeMonth) => onChange({ ...draft, closeMonth })}
      />
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={draft.staleOnly}
          onChange={(event) => onChange({ ...draft, staleOnly: event.target.checked })}
        />
        {t('pipeline.filter.stale', { days: staleDays })}
      </label>
      {activeFilterCount(draft) > 0 ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setAmounts({ valueMin: '', valueMax: '' });
            onChange(EMPTY_BOARD_FILTERS);
          }}
        >
          {t('pipeline.filter.clear')}
        </button>
      ) : null}
    </form>
  );
}
