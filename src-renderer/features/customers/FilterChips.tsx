import { useShallow } from 'zustand/react/shallow';
import type { ChoiceOption, CustomerFilters } from '../../../src-shared/contract';
import { useI18n, type Translate } from '../../i18n/useI18n';
import { clusterLabel, segmentName } from '../analytics/analyticsFormat';
import { clusterProfilesOf, useLatestRun } from '../analytics/useLatestRun';
import { choiceLabel } from '../settings/choiceLabel';
import { formatMoney } from './money';
import { useCustomerOptions } from './useCustomerOptions';

interface Chip {
  key: string;
  label: string;
  without: CustomerFilters;
}

const omit = (filters: CustomerFilters, ...keys: (keyof CustomerFilters)[]): CustomerFilters => {
  const copy = { ...filters };
  for (const key of keys) delete copy[key];
  return copy;
};

function choiceNames(t: Translate, kind: 'stage' | 'source', list: ChoiceOption[], keys: string[] = []) {
  return keys.map((key) =>
    choiceLabel(t, kind, list.find((option) => option.key === key) ?? { key, label: key }),
  );
}

/** A calendar day (`YYYY-MM-DD`) in the reader's style; read in UTC, so the day never shifts. */
function formatDay(locale: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The filters in force, one removable chip per condition. */
export function FilterChips({
  filters,
  onChange,
}: {
  filters: CustomerFilters;
  onChange: (f: CustomerFilters) => void;
}) {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  const options = useCustomerOptions();
  const profiles = clusterProfilesOf(useLatestRun());
  const chips: Chip[] = [];
  const add = (key: string, name: string, value: string, without: CustomerFilters) =>
    chips.push({ key, label: t('customerList.chip.label', { name, value }), without });

  // "Any of" conditions: one chip each, naming every value.
  const anyOf = [
    [
      'tagIds',
      'customer.field.tags',
      (filters.tagIds ?? []).map((id) => options.tags.find((tag) => tag.id === id)?.name ?? `#${id}`),
    ],
    ['stages', 'customer.field.stage', choiceNames(t, 'stage', options.stages, filters.stages)],
    ['sources', 'customer.field.source', choiceNames(t, 'source', options.sources, filters.sources)],
    ['cities', 'customer.field.city', filters.cities ?? []],
    ['segments', 'customerList.column.segment', (filters.segments ?? []).map((key) => segmentName(t, key))],
    [
      'clusters',
      'customerList.column.cluster',
      (filters.clusters ?? []).map((index) => clusterLabel(t, index, profiles)),
    ],
  ] as const;
  for (const [key, label, names] of anyOf) {
    if (names.length > 0)
      add(key, t(label), names.join(t('customerList.chip.separator')), omit(filters, key));
  }
  for (const key of ['hasEmail', 'hasPhone'] as const) {
    const value = filters[key];
    if (value !== undefined) {
      add(
        key,
        t(`customerList.filter.${key}`),
        t(value ? 'customerList.filter.yes' : 'customerList.filter.no'),
        omit(filters, key),
      );
    }
  }
  for (const key of ['lastContactAfter', 'lastContactBefore'] as const) {
    const value = filters[key];
    if (value) add(key, t(`customerList.filter.${key}`), formatDay(locale, value), omit(filters, key));
  }
  for (const [key, label] of [
    ['revenueMinCents', 'customerList.filter.revenueMin'],
    ['revenueMaxCents', 'customerList.filter.revenueMax'],
  ] as const) {
    const value = filters[key];
    if (value !== undefined)
      add(key, t(label), formatMoney(locale, value, options.currency), omit(filters, key));
  }
  if (filters.churnRiskMin !== undefined) {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    add(
      'churnRiskMin',
      t('customerList.chip.churnRiskMin'),
      percent.format(filters.churnRiskMin),
      omit(filters, 'churnRiskMin'),
    );
  }
  if (filters.churnRiskMax !== undefined) {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    add(
      'churnRiskMax',
      t('customerList.chip.churnRiskMax'),
      percent.format(filters.churnRiskMax),
      omit(filters, 'churnRiskMax'),
    );
  }
  // Periods opened from a chart (a month of revenue, a recency state): one chip each, an open end as "…".
  for (const [key, label, fromKey, beforeKey] of [
    ['ordered', 'customerList.chip.ordered', 'orderedFrom', 'orderedBefore'],
    ['lastOrder', 'customerList.chip.lastOrder', 'lastOrderFrom', 'lastOrderBefore'],
  ] as const) {
    if (!filters[fromKey] && !filters[beforeKey]) continue;
    const from = filters[fromKey] ? formatDay(locale, filters[fromKey]) : '…';
    const before = filters[beforeKey] ? formatDay(locale, filters[beforeKey]) : '…';
    add(key, t(label), t('customerList.chip.period', { from, before }), omit(filters, fromKey, beforeKey));
  }
  if (filters.clvMinCents !== undefined) {
    add(
      'clvMinCents',
      t('customerList.filter.clvMin'),
      formatMoney(locale, filters.clvMinCents, options.currency),
      omit(filters, 'clvMinCents'),
    );
  }
  (filters.custom ?? []).forEach((condition, index) => {
    const field = options.customFields.find((candidate) => candidate.id === condition.fieldId)?.label ?? '?';
    const rest = (filters.custom ?? []).filter((_, other) => other !== index);
    chips.push({
      key: `custom-${index}`,
      label: t(`customerList.filter.op.${condition.op}`, { field, value: String(condition.value ?? '') }),
      without: rest.length ? { ...filters, custom: rest } : omit(filters, 'custom'),
    });
  });

  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label={t('customerList.chip.listLabel')}>
      {chips.map((chip) => (
        <li key={chip.key} className="filter-chip">
          <span>{chip.label}</span>
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={t('customerList.chip.remove', { filter: chip.label })}
            onClick={() => onChange(chip.without)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button-small" onClick={() => onChange({})}>
          {t('customerList.chip.clearAll')}
        </button>
      </li>
    </ul>
  );
}
