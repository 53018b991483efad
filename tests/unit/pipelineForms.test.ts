import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src-shared/contract';
import { boardFiltersToInput, EMPTY_BOARD_FILTERS } from '../../src-renderer/features/pipeline/boardFilters';
import {
  dealFieldOf,
  dealFormValues,
  parseSignedAmount,
  toCreateInput,
  toPatch,
} from '../../src-renderer/features/pipeline/dealForm';
import { clickedAheadMonth, forecastMonths } from '../../src-renderer/features/pipeline/forecastChart';
import { stageName } from '../../src-renderer/features/pipeline/stageName';
import { DEFAULT_LIST_FILTERS, listInput } from '../../src-renderer/features/pipeline/dealListInput';
import { en } from '../../src-renderer/i18n/en';
import type { Translate } from '../../src-renderer/i18n/useI18n';

const t: Translate = (key) => en[key];

describe('board filters -> deals.list filters', () => {
  it('filters nothing while blank', () => {
    expect(boardFiltersToInput(EMPTY_BOARD_FILTERS, 'CNY', 14)).toEqual({
      filters: { statuses: ['open'] },
      problems: [],
    });
  });

  it('reads amounts in major units, the month and the stale days', () => {
    const draft = {
      source: 'referral',
      valueMin: '1,000',
      valueMax: '2500.50',
      closeMonth: '2027-01',
      staleOnly: true,
    };
    expect(boardFiltersToInput(draft, 'CNY', 21).filters).toEqual({
      statuses: ['open'],
      sources: ['referral'],
      valueMinCents: 100_000,
      valueMaxCents: 250_050,
      closeMonth: '2027-01',
      staleDays: 21,
    });
  });

  it('reports an amount it cannot read instead of applying half a filter', () => {
    const result = boardFiltersToInput({ ...EMPTY_BOARD_FILTERS, valueMin: '12abc' }, 'CNY', 14);
    expect(result.filters.valueMinCents).toBeUndefined();
    expect(result.problems).toEqual(['valueMin']);
  });
});

describe('the deal form', () => {
  it('reads signed amounts exactly, in the currency’s minor units', () => {
    expect(parseSignedAmount('12,500.50', 'CNY')).toBe(1_250_050);
    expect(parseSignedAmount('-120', 'CNY')).toBe(-12_000);
    expect(parseSignedAmount('1500', 'JPY')).toBe(1_500);
    expect(parseSignedAmount('1.234', 'CNY')).toBeNaN();
    expect(parseSignedAmount('abc', 'CNY')).toBeNaN();
  });

  it('builds a create input, naming what only the form can see', () => {
    const values = {
      ...dealFormValues(null, { currency: 'cny', customerId: 7, stageId: 3 }),
      title: 'Fit-out',
    };
    const empty = toCreateInput(values);
    expect(empty.issues.map((issue) => [issue.path, issue.code])).toEqual([['value', 'required']]);
    const ok = toCreateInput({ ...values, value: '12,000', expectedClose: '2027-01-15' });
    expect(ok.issues).toEqual([]);
    expect(ok.input).toMatchObject({
      title: 'Fit-out',
      customerId: 7,
      stageId: 3,
      valueCents: 1_200_000,
      currency: 'CNY',
      probability: null,
      expectedClose: '2027-01-15',
    });
    expect(toCreateInput({ ...values, customerId: '', value: '1' }).issues[0]?.path).toBe('customerId');
  });

  it('edits a deal with its own values and sends them back unchanged', () => {
    const deal = {
      title: 'Fit-out',
      customerId: 7,
      stageId: 3,
      valueCents: 1_250_050,
      currency: 'CNY',
      probability: 35,
      probabilityOverridden: true,
      expectedClose: null,
      source: 'referral',
      nextStep: 'Call',
      nextStepDate: '2027-01-02',
      notes: null,
    } as Deal;
    const values = dealFormValues(deal, { currency: 'USD' });
    expect(values.value).toBe('12500.50');
    expect(values.probability).toBe('35');
    expect(toPatch(values).input).toMatchObject({
      valueCents: 1_250_050,
      probability: 35,
      source: 'referral',
    });
    // The stage default is not copied into the box: a blank box keeps following the stage.
    expect(dealFormValues({ ...deal, probabilityOverridden: false }, { currency: 'CNY' }).probability).toBe(
      '',
    );
  });

  it('shows server issues at the field typed into', () => {
    expect(dealFieldOf('valueCents')).toBe('value');
    expect(dealFieldOf('patch.expectedClose')).toBe('expectedClose');
    expect(dealFieldOf('id')).toBeUndefined();
  });
});

describe('stage names', () => {
  it('translate untouched built-ins and keep the owner’s own names', () => {
    expect(stageName(t, { key: 'proposal', label: null })).toBe('Proposal');
    expect(stageName(t, { key: 'proposal', label: 'Quote sent' })).toBe('Quote sent');
    expect(stageName(t, { key: null, label: 'Pilot' })).toBe('Pilot');
  });
});

describe('the forecast chart', () => {
  const forecast = {
    past: [{ month: '2026-11' }, { month: '2026-12' }],
    ahead: [{ month: '2026-12' }, { month: '2027-01' }],
  } as Parameters<typeof forecastMonths>[0];

  it('lays the past and coming months on one axis, the current month once', () => {
    expect(forecastMonths(forecast)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('opens a month from a weighted bar only', () => {
    expect(clickedAheadMonth(forecast, { seriesIndex: 1, dataIndex: 2 })).toBe('2027-01');
    expect(clickedAheadMonth(forecast, { seriesIndex: 0, dataIndex: 1 })).toBeNull();
    expect(clickedAheadMonth(forecast, { seriesIndex: 1, dataIndex: 0 })).toBeNull();
  });
});

describe('the deal list filters -> deals.list input', () => {
  it('sends only the filters that are on', () => {
    expect(listInput(DEFAULT_LIST_FILTERS, undefined)).toEqual({
      statuses: ['open'],
      stageIds: undefined,
      sources: undefined,
      closeMonth: undefined,
      sort: 'position',
      direction: 'asc',
    });
    expect(
      listInput(
        { statuses: ['won', 'lost'], stageId: 4, source: 'event', closeMonth: '2027-02' },
        { field: 'value', direction: 'desc' },
      ),
    ).toMatchObject({
      statuses: ['won', 'lost'],
      stageIds: [4],
      sources: ['event'],
      closeMonth: '2027-02',
      sort: 'value',
    });
  });
});
