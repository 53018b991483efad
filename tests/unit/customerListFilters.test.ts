import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../src-shared/contract';
import {
  customCondition,
  draftFromFilters,
  filtersFromDraft,
  type FilterDraft,
} from '../../src-renderer/features/customers/filterDraft';
import { sameDefinition } from '../../src-renderer/features/customers/savedViewDefinition';
import { en } from '../../src-renderer/i18n/en';
import { zhCN } from '../../src-renderer/i18n/zh-CN';

const blank = (): FilterDraft => draftFromFilters({}, 'CNY');
const field = (type: CustomFieldDefinition['type']): CustomFieldDefinition => ({
  id: 7,
  label: 'Volume',
  type,
  options: ['A', 'B'],
  position: 0,
});

describe('the filter form -> the filters sent to the server', () => {
  it('sends only what was filled in, with amounts in cents and cities as a list', () => {
    const result = filtersFromDraft(
      {
        ...blank(),
        stages: ['customer'],
        cities: ' Shanghai，北京、 Shanghai ,',
        hasPhone: 'no',
        revenueMin: '1,200.5',
        lastContactAfter: '2026-01-01',
      },
      'CNY',
    );
    expect(result.filters).toEqual({
      stages: ['customer'],
      cities: ['Shanghai', '北京'],
      hasPhone: false,
      revenueMinCents: 120_050,
      lastContactAfter: '2026-01-01',
    });
    expect(filtersFromDraft(blank(), 'CNY').filters).toEqual({});
  });

  it('reads saved filters back into the same form', () => {
    const filters = { cities: ['Shanghai', 'Hangzhou'], revenueMaxCents: 99_950, hasEmail: true };
    const draft = draftFromFilters(filters, 'CNY');
    expect(draft).toMatchObject({ cities: 'Shanghai, Hangzhou', revenueMax: '999.5', hasEmail: 'yes' });
    expect(filtersFromDraft(draft, 'CNY').filters).toEqual(filters);
  });

  it.each([
    ['letters', { revenueMin: '12abc' }, 'revenueMin', 'customerList.filter.amountInvalid'],
    ['a minus sign', { revenueMax: '-5' }, 'revenueMax', 'customerList.filter.amountInvalid'],
    [
      'more decimals than the currency has',
      { revenueMin: '1.234' },
      'revenueMin',
      'customerList.filter.amountInvalid',
    ],
    [
      'min above max',
      { revenueMin: '500', revenueMax: '100' },
      'revenueMax',
      'customerList.filter.revenueRange',
    ],
    [
      'after not before "before"',
      { lastContactAfter: '2026-03-01', lastContactBefore: '2026-02-01' },
      'lastContactAfter',
      'customerList.filter.dateRange',
    ],
    [
      'a city longer than the database keeps',
      { cities: 'x'.repeat(101) },
      'cities',
      'customerList.filter.citiesInvalid',
    ],
  ] as const)('refuses %s with a message at that field, sending nothing', (_case, typed, at, key) => {
    const result = filtersFromDraft({ ...blank(), ...typed }, 'CNY');
    expect(result.filters).toBeNull();
    expect(result.errors).toEqual({ [at]: key });
    // The owner reads it in either language.
    expect(en[key]).toBeTruthy();
    expect(zhCN[key]).toBeTruthy();
  });

  it('whole-unit currencies take no decimals', () => {
    expect(filtersFromDraft({ ...blank(), revenueMin: '1200' }, 'JPY').filters).toEqual({
      revenueMinCents: 1200,
    });
    expect(filtersFromDraft({ ...blank(), revenueMin: '12.5' }, 'JPY').errors).toEqual({
      revenueMin: 'customerList.filter.amountInvalid',
    });
  });
});

describe('custom-field conditions', () => {
  it('turns numbers into numbers and needs no value for empty / filled in', () => {
    expect(customCondition(field('number'), 'gte', '1,000')).toEqual({
      condition: { fieldId: 7, op: 'gte', value: 1000 },
      error: null,
    });
    expect(customCondition(field('text'), 'notEmpty', '')).toEqual({
      condition: { fieldId: 7, op: 'notEmpty' },
      error: null,
    });
  });

  it.each([
    ['a missing value', field('text'), 'contains', '  ', 'customerList.filter.valueRequired'],
    ['a number field given words', field('number'), 'eq', 'many', 'issue.number'],
    ['a date field given a non-date', field('date'), 'gte', 'next week', 'issue.date'],
  ] as const)('refuses %s with a message', (_case, definition, op, text, key) => {
    expect(customCondition(definition, op, text)).toEqual({ condition: null, error: key });
  });
});

describe('saved view definitions', () => {
  it('compare by content, not by the order keys were written in', () => {
    const a = { filters: { stages: ['lead'], cities: ['Shanghai'] }, sort: null, columns: ['name'] };
    const b = { columns: ['name'], sort: null, filters: { cities: ['Shanghai'], stages: ['lead'] } };
    expect(sameDefinition(a, b)).toBe(true);
    expect(sameDefinition(a, { ...b, columns: ['name', 'city'] })).toBe(false);
  });
});
