import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, SearchHit } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

async function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const add = (fields: object) => call<Customer>('customers.create', fields);
  const find = async (query: string) => {
    const result = await call<{ hits: SearchHit[]; tookMs: number }>('customers.search', { query });
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
    return result.hits;
  };
  const names = async (query: string) => (await find(query)).map((hit) => hit.customer.name);
  const zhang = await add({
    name: '张三',
    company: '杭州茶叶贸易有限公司',
    emails: ['zhang.san@example.com'],
    phones: ['+86 138 0013 8000'],
    wechat: 'tea_lover_88',
    notes: '喜欢龙井，每年清明前订货',
  });
  const anna = await add({ name: 'Anna Li', company: 'Acme Trading', phones: ['021 6234 5678'] });
  const zhao = await add({ name: '赵四', notes: 'Prefers WeChat over email' });
  return { t, call, add, find, names, zhang, anna, zhao };
}

describe('customers.search finds a customer by any fragment', () => {
  it.each([
    ['pinyin initials', 'zs'],
    ['full pinyin', 'zhangsan'],
    ['pinyin with the space people type', 'zhang san'],
    ['the two-character name', '张三'],
    ['one character of the name', '三'],
    ['a fragment of the company', '茶叶贸易'],
    ['an email fragment', 'zhang.san@'],
    ['a phone fragment, digits only', '13800'],
    ['the phone typed with spaces', '138 0013'],
    ['the national number typed differently', '138-0013-8000'],
    ['a WeChat id fragment', 'tea_lover'],
    ['a two-character word in the notes', '龙井'],
    ['a longer phrase in the notes', '每年清明前'],
  ])('%s (%s) finds 张三', async (_label, query) => {
    const { names } = await setup();
    expect(await names(query)).toContain('张三');
  });

  it('finds Latin names case-insensitively and by landline digits', async () => {
    const { names } = await setup();
    expect(await names('anna')).toEqual(['Anna Li']);
    expect(await names('ACME')).toEqual(['Anna Li']);
    expect(await names('62345678')).toEqual(['Anna Li']);
  });

  it('finds names in other scripts whatever their case, and treats % and _ as text', async () => {
    const { add, names } = await setup();
    await add({ name: 'Ольга Müller', company: '100%_Natural' });
    await add({ name: 'Olga Miller', company: '100 Natural' });
    expect(await names('ольга')).toEqual(['Ольга Müller']);
    expect(await names('MÜLLER')).toEqual(['Ольга Müller']);
    expect(await names('0%_n')).toEqual(['Ольга Müller']);
    expect(await names('0%_')).toEqual(['Ольга Müller']);
  });

  it('says where it matched, and gives an excerpt of a note as plain text', async () => {
    const { find } = await setup();
    const [byPinyin] = await find('zs');
    expect(byPinyin).toMatchObject({ matchedIn: 'pinyin' });
    const [bySyllables] = await find('zhang s');
    expect(bySyllables).toMatchObject({ matchedIn: 'pinyin', customer: { name: '张三' } });
    const [byNote] = await find('WeChat over');
    expect(byNote).toMatchObject({ matchedIn: 'notes', excerpt: 'Prefers WeChat over email' });
  });

  it('ranks a name match above a note that mentions the same text', async () => {
    const { add, names } = await setup();
    await add({ name: 'Someone', notes: 'Met Anna Li at the fair' });
    expect(await names('Anna Li')).toEqual(['Anna Li', 'Someone']);
  });

  it('lists matches in the same field newest first, and stops at the limit', async () => {
    const { add, call } = await setup();
    for (const name of ['Tea House One', 'Tea House Two', 'Tea House Three']) await add({ name });
    const found = async (limit: number) =>
      (await call<{ hits: SearchHit[] }>('customers.search', { query: 'tea house', limit })).hits.map(
        (hit) => hit.customer.name,
      );
    expect(await found(20)).toEqual(['Tea House Three', 'Tea House Two', 'Tea House One']);
    expect(await found(2)).toEqual(['Tea House Three', 'Tea House Two']);
  });

  it('does not find customers in the trash, and finds them again when restored', async () => {
    const { call, names, zhang } = await setup();
    // 赵四 (Zhao Si) also reads as "zs".
    expect(await names('zs')).toEqual(['张三', '赵四']);
    await call('customers.delete', { id: zhang.id });
    expect(await names('zs')).toEqual(['赵四']);
    expect(await names('13800')).toEqual([]);
    await call('customers.restore', { id: zhang.id });
    expect(await names('zs')).toEqual(['张三', '赵四']);
  });

  it('follows edits: the old name and phone stop matching, the new ones match', async () => {
    const { call, names, zhang } = await setup();
    await call('customers.update', { id: zhang.id, patch: { name: '李四', phones: ['139 1111 2222'] } });
    expect(await names('zhangsan')).toEqual([]);
    expect(await names('13800')).toEqual([]);
    expect(await names('lisi')).toEqual(['李四']);
    expect(await names('1391111')).toEqual(['李四']);
  });

  it('treats quotes and FTS operators in the query as text, not syntax', async () => {
    const { names } = await setup();
    for (const query of ['"', 'zhang" OR "x', 'NEAR(a b)', '*', 'a:b', '(']) {
      expect(Array.isArray(await names(query))).toBe(true);
    }
  });

  it('refuses an empty query naming the field', async () => {
    const { t } = await setup();
    const error = errorOf(await t.backend.dispatch('customers.search', { query: '   ' }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'query', code: 'required' })]);
  });
});

describe('the customer list', () => {
  it('sorts Chinese names by pinyin, before Latin names, in the order Intl.Collator("zh-CN") gives', async () => {
    const { add, call } = await setup();
    for (const name of ['王五', '阿强', 'bob', '曾小贤']) await add({ name });
    const page = await call<CustomerPage>('customers.list', { sort: { field: 'name', direction: 'asc' } });
    const expected = page.rows.map((row) => row.name).sort(new Intl.Collator('zh-CN').compare);
    expect(page.rows.map((row) => row.name)).toEqual(expected);
    expect(page.rows.map((row) => row.name).slice(0, 3)).toEqual(['阿强', '曾小贤', '王五']);
  });

  it('filters by stage, source, city and whether there is an email or a phone', async () => {
    const { add, call } = await setup();
    await add({ name: 'Lead A', stage: 'lead', source: 'referral', city: '上海', emails: ['a@a.cn'] });
    await add({ name: 'Lead B', stage: 'lead', source: 'website', city: '北京' });
    await add({ name: 'Loyal C', stage: 'loyal', source: 'referral', city: '上海', phones: ['13900001111'] });
    const names = async (filters: object) =>
      (
        await call<CustomerPage>('customers.list', { filters, sort: { field: 'name', direction: 'asc' } })
      ).rows.map((row) => row.name);
    expect(await names({ stages: ['lead'] })).toEqual(['Lead A', 'Lead B']);
    expect(await names({ stages: ['lead', 'loyal'], cities: ['上海'] })).toEqual(['Lead A', 'Loyal C']);
    expect(await names({ sources: ['referral'], hasEmail: true })).toEqual(['Lead A']);
    expect(await names({ stages: ['lead', 'loyal'], hasPhone: false })).toEqual(['Lead A', 'Lead B']);
    expect((await call<CustomerPage>('customers.list', { filters: { stages: ['churned'] } })).total).toBe(0);
  });
});
