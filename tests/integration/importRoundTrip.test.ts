import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomFieldDefinition, Settings, Tag } from '../../src-shared/contract';
import { caller } from '../support/envelopes';
import { encodeFile } from '../support/importCalls';
import { at, bytesOf, customersSeen, exportFile, importWhole, withoutActivity } from '../support/roundTrip';
import { openTempBackend, useBackendCalls, type TempBackend } from '../support/tempBackend';

/**
 * The promise of issue 4: what SoloCRM exports, SoloCRM imports back without losing anything.
 * One source database with every kind of value is exported once per format; each test imports
 * an export into a fresh database with the preview's own suggestions and compares what the owner
 * sees there with what they had, field by field (ids, uids and timestamps aside).
 */

type Call = ReturnType<typeof caller>;

const OWN_SOURCE = { key: 'douyin', label: '抖音直播间' };
const OWN_STAGE = { key: 'vip_trial', label: 'VIP 试用' };
const CUSTOM_FIELDS = [
  { label: '喜好', type: 'text' },
  { label: '积分', type: 'number' },
  { label: '首次到店', type: 'date' },
  { label: '会员等级', type: 'select', options: ['银卡', '金卡', '钻石卡'] },
] as const;

/** The lists and custom fields a database needs before it can hold the seeded customers. */
async function prepareOrganisation(call: Call): Promise<Map<string, number>> {
  const settings = await call<Settings>('settings.get');
  await call('settings.update', {
    customerSources: [...settings.customerSources, OWN_SOURCE],
    customerStages: [...settings.customerStages, OWN_STAGE],
  });
  const ids = new Map<string, number>();
  for (const field of CUSTOM_FIELDS) {
    const created = await call<CustomFieldDefinition>('customFields.create', field);
    ids.set(field.label, created.id);
  }
  return ids;
}

/** The customers, orders and conversations whose export must come back unchanged. */
async function seed(call: Call) {
  const fieldIds = await prepareOrganisation(call);
  const custom = (values: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(values).map(([label, value]) => [String(fieldIds.get(label)), value]));
  const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#d4380d' });
  const wholesale = await call<Tag>('tags.create', { name: '批发客户', color: '#1d39c4' });

  const zhang = await call<Customer>('customers.create', {
    name: '张三丰 🐉',
    company: '杭州小店（总部）',
    jobTitle: '店长',
    emails: ['zhangsan@example.com', 'zs.backup@example.cn'],
    // The second one is no number anywhere: kept exactly as typed and flagged.
    phones: ['138 0013 8000', '12345'],
    wechat: 'zhang_sanfeng',
    country: '中国',
    province: '浙江省',
    city: '杭州',
    street: '西湖区文三路 90 号, 3 楼',
    postcode: '310012',
    source: 'referral',
    stage: OWN_STAGE.key,
    birthday: '1985-02-28',
    notes: '老客户，喜欢绿茶。\n第二行："引号", 逗号\n第三行',
    tagIds: [vip.id, wholesale.id],
    custom: custom({ 喜好: '龙井, 碧螺春', 积分: 1234.5, 首次到店: '2020-05-01', 会员等级: '金卡' }),
  });
  const formulas = [
    ['=SUM(A1:A3)', 'equals@example.com', '+86 139 0013 9000'],
    ['+1 for the blue one', 'plus@example.com', '021 6234 5678'],
    ['-5% discount agreed', 'minus@example.com', '13700137000'],
    ['@mention me on WeChat', 'at@example.com', '+44 20 7946 0958'],
  ] as const;
  const others: Customer[] = [];
  for (const [index, [notes, email, phone]] of formulas.entries()) {
    others.push(
      await call<Customer>('customers.create', {
        // A WeChat-style handle: a name that starts with a formula trigger too.
        name: ['李四', 'Anna Müller', 'Ольга', '@王小明😀'][index],
        emails: [email],
        phones: [phone],
        source: index === 0 ? OWN_SOURCE.key : 'website',
        stage: 'customer',
        notes,
        tagIds: index === 1 ? [vip.id] : [],
        custom: index === 2 ? custom({ 积分: -3, 会员等级: '银卡' }) : {},
      }),
    );
  }

  await call('orders.create', {
    customerId: zhang.id,
    orderedAt: at(2025, 3, 1, 10, 15),
    externalRef: 'INV-1001',
    channel: '淘宝',
    description: '春季订单',
    lines: [
      { sku: 'TEA-01', description: '龙井 250g', quantity: 2, unitPriceCents: 12_800 },
      { sku: null, description: '礼盒, 红色', quantity: 1, unitPriceCents: 1_500 },
      // A returned item inside a paid order: a negative quantity on one line.
      { sku: 'TEA-01', description: '退回一盒', quantity: -1, unitPriceCents: 12_800 },
    ],
  });
  // A total below the lines' sum (a discount): the total is what the owner was paid.
  await call('orders.create', {
    customerId: zhang.id,
    orderedAt: at(2025, 6, 18, 20, 0),
    externalRef: 'INV-1002',
    amountCents: 20_000,
    currency: 'USD',
    status: 'refunded',
    lines: [{ sku: 'TEA-02', description: '碧螺春', quantity: 3, unitPriceCents: 7_000 }],
  });
  await call('orders.create', {
    customerId: others[1]!.id,
    orderedAt: at(2025, 7, 2, 9, 5),
    externalRef: 'WEB-77',
    status: 'cancelled',
    lines: [{ sku: 'CUP-9', description: '=cup "deluxe"', quantity: 1, unitPriceCents: 9_900 }],
  });

  await call('conversations.create', {
    customerId: zhang.id,
    kind: 'call',
    direction: 'inbound',
    occurredAt: at(2025, 3, 2, 14, 30),
    subject: '问发货时间',
    body: '客户问：什么时候发货？\n答：明天。',
    durationMinutes: 12,
  });
  await call('conversations.create', {
    customerId: others[3]!.id,
    kind: 'wechat',
    direction: 'outbound',
    occurredAt: at(2025, 4, 5, 8, 0),
    body: '+ 新品到了 🍵',
  });
  await call('conversations.create', {
    customerId: others[2]!.id,
    kind: 'note',
    occurredAt: at(2025, 4, 6, 18, 45),
    subject: '-',
  });
}

let source: TempBackend;
let sourceCall: Call;
let original: Record<string, unknown>;

beforeAll(async () => {
  source = openTempBackend();
  sourceCall = caller(() => source.backend);
  await seed(sourceCall);
  // The only field the contract cannot set: an external ID, which comes from an import.
  const withId = encodeFile('Name,Email,Customer ID\nAnna Müller,plus@example.com,SHOP-0042\n', 'utf8');
  await importWhole(sourceCall, withId, 'ids.csv', 'customers', { onMatch: 'fill' });
  original = await customersSeen(sourceCall);
}, 60_000);

afterAll(() => source?.cleanup());

/** A fresh database with the same lists and custom fields (the owner's set-up, not their data). */
async function freshBackend() {
  const { call } = useBackendCalls();
  await prepareOrganisation(call);
  return call;
}

describe('the export reopens losslessly through import', () => {
  it('the seeded database has what the round trip must keep', () => {
    // A guard on the fixture itself: an unverifiable phone, formulas, emoji, custom values.
    const zhang = original['张三丰 🐉'] as Customer;
    expect(zhang.phones[1]).toEqual({ value: '12345', e164: null, valid: false });
    expect(zhang.custom).toEqual({
      喜好: '龙井, 碧螺春',
      积分: 1234.5,
      首次到店: '2020-05-01',
      会员等级: '金卡',
    });
    expect(Object.keys(original)).toHaveLength(5);
  });

  for (const [encoding, language] of [
    ['utf-8', 'zh-CN'],
    ['utf-8', 'en'],
    ['gb18030', 'zh-CN'],
    ['gb18030', 'en'],
  ] as const) {
    it(`customers in ${encoding} with ${language} headers come back field by field`, async () => {
      const file = await exportFile(sourceCall, { kind: 'customers', encoding, language });
      const bytes = bytesOf(file);
      if (encoding === 'utf-8') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const call = await freshBackend();
      const { preview, summary } = await importWhole(call, bytes, file.fileName, 'customers');
      expect(preview.encoding).toBe(encoding);
      expect(summary.counts).toMatchObject({ rows: 5, create: 5, reject: 0 });
      expect(withoutActivity(await customersSeen(call))).toEqual(withoutActivity(original));
    });
  }

  it('a second export from the imported database is the same file, external ID included', async () => {
    const first = await exportFile(sourceCall, { kind: 'customers', language: 'en' });
    const call = await freshBackend();
    await importWhole(call, bytesOf(first), first.fileName, 'customers');
    const second = await exportFile(call, { kind: 'customers', language: 'en' });
    const text = bytesOf(second).toString('utf8');
    expect(text).toContain('SHOP-0042');
    expect(text).toBe(bytesOf(first).toString('utf8'));
  });

  for (const customerBy of [['email'], ['phone'], ['externalId', 'email']] as const) {
    it(`orders and conversations find their customers by ${customerBy.join(' then ')} and come back whole`, async () => {
      const customers = await exportFile(sourceCall, { kind: 'customers', language: 'zh-CN' });
      const orders = await exportFile(sourceCall, { kind: 'orders', language: 'zh-CN' });
      const talks = await exportFile(sourceCall, { kind: 'conversations', language: 'zh-CN' });
      const call = await freshBackend();
      await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
      const options = { customerBy: [...customerBy] };
      const orderImport = await importWhole(call, bytesOf(orders), orders.fileName, 'orders', options);
      expect(orderImport.summary.counts).toMatchObject({ rows: 5, create: 3, reject: 0 });
      expect(orderImport.summary.customersCreated).toBe(0);
      const talkImport = await importWhole(call, bytesOf(talks), talks.fileName, 'conversations', options);
      expect(talkImport.summary.counts).toMatchObject({ rows: 3, create: 3, reject: 0 });
      expect(await customersSeen(call)).toEqual(original);
    });
  }

  it('importing the same orders export again adds no order twice', async () => {
    const customers = await exportFile(sourceCall, { kind: 'customers', language: 'en' });
    const orders = await exportFile(sourceCall, { kind: 'orders', language: 'en' });
    const call = await freshBackend();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    await importWhole(call, bytesOf(orders), orders.fileName, 'orders');
    const again = await importWhole(call, bytesOf(orders), orders.fileName, 'orders');
    expect(again.summary.counts).toMatchObject({ create: 0, skip: 3 });
    expect(again.preview.previousImport).not.toBeNull();
  });
});

/** What a phone's contacts app carries: no custom fields, lists or orders. */
function cardFields(seen: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(seen).map(([name, value]) => {
      const customer = value as Customer;
      return [
        name,
        {
          emails: customer.emails,
          // Valid numbers travel as E.164 (`tel:` URIs); one that is no number travels as typed.
          phones: customer.phones.map((phone) => phone.e164 ?? phone.value),
          company: customer.company,
          jobTitle: customer.jobTitle,
          notes: customer.notes,
          birthday: customer.birthday,
          wechat: customer.wechat,
          street: customer.street,
          city: customer.city,
          province: customer.province,
          postcode: customer.postcode,
          country: customer.country,
          tags: (customer.tags as unknown as string[]).slice().sort(),
        },
      ];
    }),
  );
}

describe('vCard round trip', () => {
  for (const vcardVersion of ['4.0', '3.0'] as const) {
    it(`a vCard ${vcardVersion} export imports into a fresh database with every contact field`, async () => {
      const file = await exportFile(sourceCall, { kind: 'customers', format: 'vcard', vcardVersion });
      expect(file.fileName).toMatch(/\.vcf$/);
      const bytes = bytesOf(file);
      expect(bytes.toString('utf8')).toContain(`VERSION:${vcardVersion}`);
      const { call } = useBackendCalls();
      const { preview, summary } = await importWhole(call, bytes, file.fileName, 'customers');
      expect(preview.format).toBe('vcard');
      expect(summary.counts).toMatchObject({ rows: 5, create: 5, reject: 0 });
      expect(cardFields(await customersSeen(call))).toEqual(cardFields(original));
    });
  }
});
