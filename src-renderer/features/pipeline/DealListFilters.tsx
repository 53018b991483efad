import { DEAL_STATUSES, type DealStage, type DealStatus } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { Field } from '../customers/Field';
import { CloseMonthFilter, SourceFilter } from './filterFields';
import { stageName } from './stageName';
import type { DealListFilters as Filters } from './dealListInput';

interface DealListFiltersProps {
  filters: Filters;
  stages: readonly DealStage[];
  onChange: (filters: Filters) => void;
}

/** Status (open, won, lost: any mix), stage, source and the expected close month. */
export function DealListFilters({ filters, stages, onChange }: DealListFiltersProps) {
  const t = useT();
  const toggleStatus = (status: DealStatus) => {
    const next = filters.statuses.includes(status)
      ? filters.statuses.filter((other) => other !== status)
      : [...filters.statuses, status];
    // At least one status: a list of no deals at all is never what was meant.
    if (next.length > 0) onChange({ ...filters, statuses: next });
  };
  return (
    <form
      className="board-filters"
      aria-label={t('pipeline.filter.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="status-filter">
        <legend>{t('pipeline.filter.status')}</legend>
        {DEAL_STATUSES.map((status) => (
          <label key={status} className="checkbox-field">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={() => toggleStatus(status)}
            />
            {t(`pipeline.status.${status}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('pipeline.form.stage')}>
        {(control) => (
          <select
            {...control}
            value={filters.stageId ?? ''}
            onChange={(event) =>
              onChange({ ...filters, stageId: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">{t('pipeline.filter.any')}</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stageName(t, stage)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SourceFilter value={filters.source} onChange={(source) => onChange({ ...filters, source })} />
      <CloseMonthFilter
        value={filters.closeMonth}
        onChange={(closeMonth) => onChange({ ...filters, closeMonth })}
      />
    </form>
  );
}
