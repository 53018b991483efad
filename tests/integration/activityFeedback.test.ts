import { describe, expect, it } from 'vitest';
import type { Customer, FeedbackEntry, FeedbackSummary } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const dispatch = (channel: string, input: unknown) => t.backend.dispatch(channel, input);
  const customer = (name = 'Ann') => call<Customer>('customers.create', { name });
  const answer = (
    customerId: number,
    kind: 'csat' | 'nps',
    score: number,
    answeredAt = '2026-01-10T10:00:00Z',
  ) => call<FeedbackEntry>('feedback.create', { customerId, kind, score, answeredAt });
  const summary = (input: object = {}) => call<FeedbackSummary>('feedback.summary', input);
  return { t, call, dispatch, customer, answer, summary };
}

describe('feedback.summary arithmetic', () => {
  it('NPS of 10,9,9,8,7,6,0 is 3 promoters, 2 passives, 2 detractors: (3 − 2) / 7 × 100 ≈ 14.29', async () => {
    const { customer, answer, summary } = setup();
    const ann = await customer();
    for (const score of [10, 9, 9, 8, 7, 6, 0]) await answer(ann.id, 'nps', score);
    const { nps } = await summary();
    expect(nps).toMatchObject({ responses: 7, promoters: 3, passives: 2, detractors: 2 });
    expect(nps.score).toBeCloseTo(14.29, 2);
  });

  it('CSAT of 1,2,3,4,5 is 2 satisfied of 5 = 40 %', async () => {
    const { customer, answer, summary } = setup();
    const ann = await customer();
    for (const score of [1, 2, 3, 4, 5]) await answer(ann.id, 'csat', score);
    expect((await summary()).csat).toEqual({ responses: 5, satisfied: 2, percent: 40 });
  });

  it('an NPS of only detractors is −100, and CSAT and NPS do not mix', async () => {
    const { customer, answer, summary } = setup();
    const ann = await customer();
    await answer(ann.id, 'nps', 3);
    await answer(ann.id, 'nps', 6);
    await answer(ann.id, 'csat', 5);
    const result = await summary();
    expect(result.nps).toMatchObject({ responses: 2, detractors: 2, score: -100 });
    expect(result.csat).toEqual({ responses: 1, satisfied: 1, percent: 100 });
  });

  it('is null, not 0, when there are no answers', async () => {
    const { summary } = setup();
    expect(await summary()).toEqual({
      csat: { responses: 0, satisfied: 0, percent: null },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    });
  });

  it('counts one customer or everyone, in a period from inclusive to exclusive, without deleted answers', async () => {
    const { call, customer, answer, summary } = setup();
    const ann = await customer('Ann');
    const bob = await customer('Bob');
    await answer(ann.id, 'csat', 5, '2026-01-01T00:00:00Z');
    await answer(ann.id, 'csat', 1, '2026-01-31T23:59:59Z');
    await answer(ann.id, 'csat', 5, '2026-02-01T00:00:00Z');
    const deleted = await answer(bob.id, 'csat', 2, '2026-01-15T00:00:00Z');
    await answer(bob.id, 'csat', 4, '2026-01-16T00:00:00Z');
    await call('feedback.delete', { id: deleted.id });
    const january = { from: '2026-01-01T08:00:00+08:00', to: '2026-02-01T00:00:00Z' };
    expect((await summary(january)).csat).toEqual({ responses: 3, satisfied: 2, percent: (2 / 3) * 100 });
    expect((await summary({ ...january, customerId: ann.id })).csat).toEqual({
      responses: 2,
      satisfied: 1,
      percent: 50,
    });
    expect((await summary({ customerId: ann.id })).csat.responses).toBe(3);
    await call('feedback.restore', { id: deleted.id });
    expect((await summary({ customerId: bob.id })).csat).toEqual({ responses: 2, satisfied: 1, percent: 50 });
  });

  it('overall leaves out customers in the trash; their own summary still counts them', async () => {
    const { call, customer, answer, summary } = setup();
    const ann = await customer('Ann');
    const bob = await customer('Bob');
    await answer(ann.id, 'nps', 10);
    await answer(bob.id, 'nps', 0);
    await call('customers.delete', { id: bob.id });
    expect((await summary()).nps).toMatchObject({ responses: 1, score: 100 });
    expect((await summary({ customerId: bob.id })).nps).toMatchObject({ responses: 1, score: -100 });
  });

  it('refuses a period that ends before it starts, naming to', async () => {
    const { dispatch } = setup();
    const error = errorOf(
      await dispatch('feedback.summary', { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      'VALIDATION',
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual(['to']);
  });

  it('answers NOT_FOUND for a customer that does not exist', async () => {
    const { dispatch } = setup();
    errorOf(await dispatch('feedback.summary', { customerId: 777 }), 'NOT_FOUND');
  });
});

describe('feedback.create refuses scores out of range, naming score', () => {
  async function refused(kind: string, score: number) {
    const { dispatch, customer, summary } = setup();
    const ann = await customer();
    const error = errorOf(
      await dispatch('feedback.create', {
        customerId: ann.id,
        kind,
        score,
        answeredAt: '2026-01-10T10:00:00Z',
      }),
      'VALIDATION',
    );
    expect(error.issues?.map((issue) => issue.path)).toEqual(['score']);
    const stored = await summary();
    expect(stored.csat.responses + stored.nps.responses).toBe(0);
    return error;
  }

  it('a CSAT score of 0', async () => {
    await refused('csat', 0);
  });

  it('a CSAT score of 6', async () => {
    const error = await refused('csat', 6);
    expect(error.message).toMatch(/1 to 5/);
  });

  it('an NPS score of 11', async () => {
    const error = await refused('nps', 11);
    expect(error.issues?.[0]).toMatchObject({ code: 'too_long', params: { max: 10 } });
  });
});
