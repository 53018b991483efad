import { useState, type FormEvent, type ReactNode } from 'react';
import { SEGMENT_KEYS, type CustomerFilters as Filters } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { clusterLabel, segmentName } from '../analytics/analyticsFormat';
import { clusterProfilesOf, useLatestRun } from '../analytics/useLatestRun';
import { choiceLabel } from '../settings/choiceLabel';
import { TagChip } from './TagChip';
import { CustomFieldConditions } from './CustomFieldConditions';
import { Field } from './Field';
import {
  draftFromFilters,
  filtersFromDraft,
  type DraftErrors,
  type FilterDraft,
  type Tristate,
} from './filterDraft';
import { useCustomerOptions } from './useCustomerOptions';

interface Props {
  id: string;
  filters: Filters;
  onApply: (filters: Filters) => void;
  onClose: () => void;
}

/** A group of checkboxes for an "any of" condition. */
function CheckList<V extends string | number>(props: {
  legend: string;
  options: { value: V; label: ReactNode }[];
  checked: V[];
  empty: string;
  onChange: (checked: V[]) => void;
}) {
  return (
    <fieldset className="filter-group">
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <p className="muted">{props.empty}</p> : null}
      {props.options.map((option) => (
        <label key={option.value} className="check">
          <input
            type="checkbox"
            checked={props.checked.includes(option.value)}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? [...props.checked, option.value]
                  : props.checked.filter((value) => value !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The filter form: edits a draft; "Apply" checks it and sends the filters to the server. */
export function CustomerFilters({ id, filters, onApply, onClose }: Props) {
  const t = useT();
  const options = useCustomerOptions();
  const profiles = clusterProfilesOf(useLatestRun());
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilters(filters, options.currency));
  const [errors, setErrors] = useState<DraftErrors>({});
  const change = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = filtersFromDraft(draft, options.currency);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    onApply(result.filters);
  };

  const tristate = (key: 'hasEmail' | 'hasPhone') => (
    <Field label={t(`customerList.filter.${key}`)}>
      {(control) => (
        <select
          {...control}
          value={draft[key]}
          onChange={(event) => change(key, event.target.value as Tristate)}
        >
          <option value="any">{t('customerList.filter.any')}</option>
          <option value="yes">{t('customerList.filter.yes')}</option>
          <option value="no">{t('customerList.filter.no')}</option>
        </select>
      )}
    </Field>
  );

  const input = (
    key:
      | 'cities'
      | 'revenueMin'
      | 'revenueMax'
      | 'lastContactAfter'
      | 'lastContactBefore'
      | 'churnRiskMin'
      | 'clvMin',
    type = 'text',
  ) => {
    const error = key in errors ? errors[key as keyof DraftErrors] : undefined;
    return (
      <Field label={t(`customerList.filter.${key}`)} error={error ? t(error) : undefined}>
        {(control) => (
          <input
            {...control}
            name={key}
            type={type}
            inputMode={
              ['revenueMin', 'revenueMax', 'churnRiskMin', 'clvMin'].includes(key) ? 'decimal' : undefined
            }
            autoComplete="off"
            value={draft[key]}
            onChange={(event) => change(key, event.target.value)}
          />
        )}
      </Field>
    );
  };

  return (
    <form
      id={id}
      className="filter-panel"
      noValidate
      onSubmit={submit}
      aria-label={t('customerList.filter.title')}
    >
      <div className="filter-grid">
        <CheckList
          legend={t('customer.field.tags')}
          options={options.tags.map((tag) => ({
            value: tag.id,
            label: <TagChip name={tag.name} color={tag.color} />,
          }))}
          checked={draft.tagIds}
          empty={t('customerList.filter.noTags')}
          onChange={(value) => change('tagIds', value)}
        />
        <CheckList
          legend={t('customer.field.stage')}
          options={options.stages.map((option) => ({
            value: option.key,
            label: choiceLabel(t, 'stage', option),
          }))}
          checked={draft.stages}
          empty={t('customerList.filter.noChoices')}
          onChange={(value) => change('stages', value)}
        />
        <CheckList
          legend={t('customer.field.source')}
          options={options.sources.map((option) => ({
            value: option.key,
            label: choiceLabel(t, 'source', option),
          }))}
          checked={draft.sources}
          empty={t('customerList.filter.noChoices')}
          onChange={(value) => change('sources', value)}
        />
        <div className="filter-group">
          {input('cities')}
          <p className="hint">{t('customerList.filter.citiesHint')}</p>
          {tristate('hasEmail')}
          {tristate('hasPhone')}
        </div>
        <div className="filter-group">
          {input('lastContactAfter', 'date')}
          {input('lastContactBefore', 'date')}
        </div>
        <div className="filter-group">
          {input('revenueMin')}
          {input('revenueMax')}
        </div>
        <CheckList
          legend={t('customerList.column.segment')}
          options={SEGMENT_KEYS.map((key) => ({ value: key, label: segmentName(t, key) }))}
          checked={draft.segments}
          empty={t('customerList.filter.noChoices')}
          onChange={(value) => change('segments', value)}
        />
        <CheckList
          legend={t('customerList.column.cluster')}
          options={profiles.map((profile) => ({
            value: profile.index,
            label: clusterLabel(t, profile.index, profiles),
          }))}
          checked={draft.clusters}
          empty={t('customerList.filter.noAnalysis')}
          onChange={(value) => change('clusters', value)}
        />
        <div className="filter-group">
          {input('churnRiskMin')}
          <p className="hint">{t('customerList.filter.churnRiskHint')}</p>
          {input('clvMin')}
        </div>
        <fieldset className="filter-group filter-group-wide">
          <legend>{t('customer.form.section.custom')}</legend>
          <CustomFieldConditions
            fields={options.customFields}
            conditions={draft.custom}
            onChange={(value) => change('custom', value)}
          />
        </fieldset>
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button form-actions-start"
          onClick={() => {
            setDraft(draftFromFilters({}, options.currency));
            setErrors({});
          }}
        >
          {t('customerList.filter.clearForm')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="submit" className="button button-primary">
          {t('customerList.filter.apply')}
        </button>
      </div>
    </form>
  );
}
