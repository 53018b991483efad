import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalEmail } from '../../src-main/customers/contacts';
import {
  BUILT_IN_LOST_REASONS,
  BUILT_IN_SOURCES,
  BUILT_IN_STAGES,
  type ChannelOutput,
  type Customer,
} from '../../src-shared/contract';
import { caller, dataOf, errorOf } from '../support/envelopes';
import { CLOCK_START, openTempBackend, useTempBackend, type TempBackend } from '../support/tempBackend';

const DAY = 86_400_000;
type Counts = ChannelOutput<'demo.load'>;

/** A read-only look at the file, for facts no channel reports (row counts, the FTS table). */
function inspect(handle: TempBackend) {
  const sqlite = new Database(handle.dbFile, { readonly: true });
  return {
    all: <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T,
    close: () => sqlite.close(),
  };
}

describe('a 1,500-customer demo (seed 7)', () => {
  let handle: TempBackend;
  let db: ReturnType<typeof inspect>;
  let counts: Counts;

  beforeAll(async () => {
    handle = openTempBackend();
    // A non-default currency: every order and the revenue column must follow the setting.
    dataOf(await handle.backend.dispatch('settings.update', { currency: 'USD' }));
    counts = dataOf<Counts>(await handle.backend.dispatch('demo.load', { customers: 1500, seed: 7 }));
    db = inspect(handle);
  });
  afterAll(() => {
    db.close();
    handle.cleanup();
  });

  it('reports what it wrote, about five orders per customer', () => {
    const count = (table: string) => db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
    expect(counts.customers).toBe(1500);
    expect(count('customers')).toBe(1500);
    expect(counts.orders).toBe(count('orders'));
    expect(counts.orders / counts.customers).toBeGreaterThan(4);
    expect(counts.orders / counts.customers).toBeLessThan(6);
    expect(counts.conversations).toBe(count('conversations'));
    expect(counts.feedback).toBe(count('feedback'));
    expect(counts.feedback).toBeGreaterThan(0);
  });

  it('mixes Chinese (~60%) and English names, with Chinese and international cities', () => {
    const names = db.all<{ name: string }>('SELECT name FROM customers').map((row) => row.name);
    const chinese = names.filter((name) => /^\p{Script=Han}+$/u.test(name)).length / names.length;
    expect(chinese).toBeGreaterThan(0.5);
    expect(chinese).toBeLessThan(0.7);
    expect(
      names.filter((name) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name)).length / names.length,
    ).toBeGreaterThan(0.3);
    const places = db.all<{ city: string; province: string | null; country: string }>(
      'SELECT DISTINCT city, province, country FROM customers',
    );
    expect(places).toContainEqual({ city: '杭州', province: '浙江省', country: '中国' });
    expect(places.some((place) => place.country === 'United Kingdom')).toBe(true);
  });

  it('gives realistic emails and phones: qq.com, 163.com, Gmail; CN mobiles, landlines, +1/+44', () => {
    const domains = new Set(
      db
        .all<{ value: string }>("SELECT value FROM customer_contacts WHERE kind = 'email'")
        .map((row) => row.value.split('@')[1]),
    );
    for (const domain of ['qq.com', '163.com', 'gmail.com']) expect(domains).toContain(domain);
    const phones = db.all<{ normalized: string | null; valid: number }>(
      "SELECT normalized, valid FROM customer_contacts WHERE kind = 'phone'",
    );
    expect(phones.filter((phone) => phone.valid === 1).length / phones.length).toBeGreaterThan(0.95);
    expect(phones.some((phone) => /^\+861[358]\d{9}$/.test(phone.normalized ?? ''))).toBe(true);
    expect(phones.some((phone) => /^\+86(10|2\d|[3-9]\d\d)\d{7,8}$/.test(phone.normalized ?? ''))).toBe(true);
    expect(phones.some((phone) => phone.normalized?.startsWith('+1'))).toBe(true);
    expect(phones.some((phone) => phone.normalized?.startsWith('+44'))).toBe(true);
    expect(
      db.get<{ n: number }>('SELECT count(*) AS n FROM customers WHERE wechat IS NOT NULL').n,
    ).toBeGreaterThan(300);
  });

  it('uses only the built-in stages and sources, and tags customers with the demo tags', async () => {
    const stages = db.all<{ stage: string }>('SELECT DISTINCT stage FROM customers').map((row) => row.stage);
    const sources = db
      .all<{ source: string }>('SELECT DISTINCT source FROM customers')
      .map((row) => row.source);
    expect(new Set(stages)).toEqual(new Set(BUILT_IN_STAGES));
    for (const source of sources) expect(BUILT_IN_SOURCES).toContain(source);
    const tags = await caller(() => handle.backend)<{ name: string; customerCount: number }[]>('tags.list');
    expect(tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['VIP', '批发', '回头客', '海外']));
    expect(tags.length).toBeGreaterThanOrEqual(8);
    for (const tag of tags) expect(tag.customerCount).toBeGreaterThan(0);
  });

  it('spans three years of orders ending at now, in the setting currency, some refunded or cancelled', () => {
    const range = db.get<{ first: number; last: number }>(
      'SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders',
    );
    expect(range.last).toBeLessThanOrEqual(CLOCK_START);
    expect(CLOCK_START - range.last).toBeLessThan(3 * DAY);
    expect(CLOCK_START - range.first).toBeGreaterThan(1000 * DAY);
    expect(CLOCK_START - range.first).toBeLessThanOrEqual(3 * 365 * DAY);
    expect(db.all<{ currency: string }>('SELECT DISTINCT currency FROM orders')).toEqual([
      { currency: 'USD' },
    ]);
    const statuses = Object.fromEntries(
      db
        .all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM orders GROUP BY status')
        .map((row) => [row.status, row.n]),
    );
    expect(statuses.refunded).toBeGreaterThan(0);
    expect(statuses.cancelled).toBeGreaterThan(0);
    expect(statuses.paid! / counts.orders).toBeGreaterThan(0.9);
  });

  it('has seasons: November and 618 above an ordinary month, Spring Festival below', () => {
    const perDay = (from: string, to: string) =>
      db.get<{ n: number }>(
        'SELECT count(*) AS n FROM orders WHERE ordered_at >= ? AND ordered_at < ?',
        Date.parse(from),
        Date.parse(to),
      ).n /
      ((Date.parse(to) - Date.parse(from)) / DAY);
    const ordinary = perDay('2025-03-01', '2025-05-01');
    expect(perDay('2024-11-01', '2024-11-12')).toBeGreaterThan(2 * ordinary);
    expect(perDay('2025-06-01', '2025-06-19')).toBeGreaterThan(1.5 * ordinary);
    expect(perDay('2025-01-22', '2025-02-04')).toBeLessThan(0.6 * ordinary);
  });

  it('has loyal regulars, one-off buyers and customers whose orders stopped months ago', () => {
    const perCustomer = db.all<{ orders: number; last: number | null; stage: string }>(
      `SELECT count(o.id) AS orders, max(o.ordered_at) AS last, c.stage FROM customers c
       LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id`,
    );
    expect(perCustomer.filter((row) => row.orders >= 10).length).toBeGreaterThan(100);
    expect(perCustomer.filter((row) => row.orders === 1).length).toBeGreaterThan(300);
    expect(perCustomer.filter((row) => row.orders === 0).length).toBeGreaterThan(50);
    const lapsed = perCustomer.filter(
      (row) => row.last !== null && CLOCK_START - row.last > 120 * DAY && row.orders >= 3,
    );
    expect(lapsed.length).toBeGreaterThan(100);
    expect(
      lapsed.filter((row) => row.stage === 'at_risk' || row.stage === 'churned').length / lapsed.length,
    ).toBeGreaterThan(0.5);
  });

  it('keeps the derived columns in step with the orders and conversations', () => {
    const drift = db.get<{ n: number }>(
      `SELECT count(*) AS n FROM customers c WHERE revenue_cents IS NOT
         (SELECT coalesce(sum(amount_cents), 0) FROM orders WHERE customer_id = c.id AND status = 'paid')
       OR last_contact_at IS NOT (SELECT max(occurred_at) FROM conversations WHERE customer_id = c.id)`,
    );
    expect(drift.n).toBe(0);
  });

  it('indexes every conversation for search, so conversation text finds the customer', async () => {
    const indexed = db.get<{ n: number }>('SELECT count(*) AS n FROM conversation_search').n;
    expect(indexed).toBe(counts.conversations);
    const result = await caller(() => handle.backend)<ChannelOutput<'customers.search'>>('customers.search', {
      query: 'tracking number',
    });
    expect(result.hits.some((hit) => hit.matchedIn === 'conversation')).toBe(true);
  });

  it('has CSAT answers 1–5 and NPS answers 0–10 for a fraction of customers', () => {
    const ranges = db.all<{ kind: string; low: number; high: number; people: number }>(
      'SELECT kind, min(score) AS low, max(score) AS high, count(DISTINCT customer_id) AS people FROM feedback GROUP BY kind ORDER BY kind',
    );
    expect(ranges.map(({ kind, low, high }) => ({ kind, low, high }))).toEqual([
      { kind: 'csat', low: 1, high: 5 },
      { kind: 'nps', low: expect.any(Number), high: 10 },
    ]);
    // Detractors (0–6) exist, so NPS is not trivially 100.
    expect(ranges[1]!.low).toBeGreaterThanOrEqual(0);
    expect(ranges[1]!.low).toBeLessThanOrEqual(6);
    const people = db.get<{ n: number }>('SELECT count(DISTINCT customer_id) AS n FROM feedback').n;
    expect(people / 1500).toBeGreaterThan(0.05);
    expect(people / 1500).toBeLessThan(0.4);
  });

  it('plants duplicates: one phone typed two ways, one Gmail with and without dots, same name and company', () => {
    const samePhone = db.all<{ a: string; b: string }>(
      `SELECT x.value AS a, y.value AS b FROM customer_contacts x JOIN customer_contacts y
         ON x.kind = 'phone' AND y.kind = 'phone' AND x.normalized = y.normalized AND x.customer_id < y.customer_id`,
    );
    expect(samePhone.some((pair) => pair.a !== pair.b)).toBe(true);
    const emails = db.all<{ customer_id: number; value: string }>(
      "SELECT customer_id, value FROM customer_contacts WHERE kind = 'email' AND value LIKE '%@gmail.com'",
    );
    const byMailbox = new Map<string, Set<string>>();
    for (const { value } of emails) {
      const typed = byMailbox.get(canonicalEmail(value)) ?? new Set();
      typed.add(value);
      byMailbox.set(canonicalEmail(value), typed);
    }
    expect([...byMailbox.values()].some((typed) => typed.size > 1)).toBe(true);
    const sameNameCompany = db.get<{ n: number }>(
      `SELECT count(*) AS n FROM customers x JOIN customers y
         ON x.name = y.name AND x.company = y.company AND x.id < y.id`,
    ).n;
    expect(sameNameCompany).toBeGreaterThan(0);
  });
});

describe('the demo pipeline (same 1,500-customer demo, seed 7)', () => {
  let handle: TempBackend;
  let db: ReturnType<typeof inspect>;
  const today = new Date(CLOCK_START).toISOString().slice(0, 10);

  beforeAll(async () => {
    handle = openTempBackend();
    dataOf(await handle.backend.dispatch('settings.update', { currency: 'USD' }));
    dataOf(await handle.backend.dispatch('demo.load', { customers: 1500, seed: 7 }));
    db = inspect(handle);
  });
  afterAll(() => {
    db.close();
    handle.cleanup();
  });

  it('has about one deal per six customers, each for a different customer, in the setting currency', () => {
    const deals = db.get<{ n: number; customers: number }>(
      'SELECT count(*) AS n, count(DISTINCT customer_id) AS customers FROM deals',
    );
    expect(deals).toEqual({ n: 250, customers: 250 });
    expect(db.all('SELECT DISTINCT currency FROM deals')).toEqual([{ currency: 'USD' }]);
  });

  it('spreads open deals over every stage, more in the early ones, closing over the coming months', async () => {
    const perStage = db.all<{ n: number }>(
      `SELECT count(d.id) AS n FROM deal_stages s LEFT JOIN deals d ON d.stage_id = s.id AND d.status = 'open'
       GROUP BY s.id ORDER BY s.position`,
    );
    expect(perStage.every((stage) => stage.n > 0)).toBe(true);
    expect(perStage[0]!.n).toBeGreaterThan(perStage.at(-1)!.n);
    const forecast = await caller(() => handle.backend)<ChannelOutput<'deals.forecast'>>('deals.forecast');
    const open = perStage.reduce((sum, stage) => sum + stage.n, 0);
    const ahead = forecast.ahead.reduce((sum, month) => sum + month.count, 0);
    expect(ahead / open).toBeGreaterThan(0.6);
    expect(forecast.ahead.filter((month) => month.count > 0).length).toBeGreaterThanOrEqual(5);
    expect(forecast.undated.count + forecast.overdue.count).toBeGreaterThan(0);
    expect(forecast.stale.length / open).toBeGreaterThan(0.1);
    expect(forecast.stale.length / open).toBeLessThan(0.5);
  });

  it('has won and lost deals closed in the last six months, the lost ones with a reason from the list', () => {
    const closed = db.all<{ status: string; n: number; first: string; last: string; reasons: number }>(
      `SELECT status, count(*) AS n, min(closed_on) AS first, max(closed_on) AS last,
         count(lost_reason) AS reasons FROM deals WHERE status <> 'open' GROUP BY status ORDER BY status`,
    );
    const sixMonthsAgo = new Date(CLOCK_START - 183 * DAY).toISOString().slice(0, 10);
    for (const outcome of closed) {
      expect(outcome.n).toBeGreaterThanOrEqual(20);
      expect(outcome.first >= sixMonthsAgo && outcome.last < today).toBe(true);
    }
    expect(closed.map(({ status, reasons }) => [status, reasons])).toEqual([
      ['lost', closed[0]!.n],
      ['won', 0],
    ]);
    const reasons = db.all<{ lost_reason: string }>(
      'SELECT DISTINCT lost_reason FROM deals WHERE lost_reason IS NOT NULL',
    );
    for (const { lost_reason } of reasons) expect(BUILT_IN_LOST_REASONS).toContain(lost_reason);
  });

  it("keeps every deal's stage history in step with its stage, its times and its timeline", () => {
    const drift = db.get<{ n: number }>(
      `SELECT count(*) AS n FROM deals d WHERE
         (SELECT to_stage_id FROM deal_stage_history WHERE deal_id = d.id ORDER BY at, id LIMIT 1) IS NULL
         OR (SELECT at FROM deal_stage_history WHERE deal_id = d.id ORDER BY at, id LIMIT 1) <> d.created_at
         OR (SELECT max(at) FROM deal_stage_history WHERE deal_id = d.id) <> d.last_activity_at
         OR (SELECT to_stage_id FROM deal_stage_history WHERE deal_id = d.id AND to_stage_id IS NOT NULL
             ORDER BY at DESC, id DESC LIMIT 1) <> d.stage_id
         OR (d.status <> 'open' AND (SELECT status || ':' || from_stage_id FROM deal_stage_history
             WHERE deal_id = d.id ORDER BY at DESC, id DESC LIMIT 1) <> d.status || ':' || d.stage_id)
         OR d.created_at < (SELECT created_at FROM customers WHERE id = d.customer_id)
         OR d.last_activity_at > @now OR d.expected_close < date(d.created_at / 1000, 'unixepoch', 'localtime')`,
      { now: CLOCK_START },
    );
    expect(drift.n).toBe(0);
    const counts = db.get<{ history: number; events: number }>(
      `SELECT (SELECT count(*) FROM deal_stage_history) AS history,
         (SELECT count(*) FROM customer_events WHERE kind LIKE 'deal_%') AS events`,
    );
    expect(counts.events).toBe(counts.history);
  });

  it('learns P(win) from the closed deals, so open deals show one', async () => {
    const call = caller(() => handle.backend);
    expect(await call('deals.model')).toMatchObject({ ok: true });
    const { deals } = await call<ChannelOutput<'deals.list'>>('deals.list', { limit: 50 });
    expect(deals.every((deal) => deal.winProbability !== null && deal.winReasons.length > 0)).toBe(true);
  });
});

describe('demo.load', () => {
  it('gives the same data for the same seed, and different data for another', async () => {
    const load = async (seed: number) => {
      const handle = useTempBackend();
      dataOf(await handle.backend.dispatch('demo.load', { customers: 60, seed }));
      const db = inspect(handle);
      const rows = db.all(
        `SELECT c.uid, c.name, c.company, c.email, c.phone, c.city, c.stage, c.revenue_cents,
           (SELECT group_concat(ordered_at || ':' || amount_cents) FROM orders WHERE customer_id = c.id) AS orders,
           (SELECT group_concat(d.uid || ':' || d.title || ':' || d.value_cents || ':' || d.status || ':' || d.stage_id)
            FROM deals d WHERE d.customer_id = c.id) AS deals
         FROM customers c ORDER BY c.id`,
      );
      db.close();
      return rows;
    };
    const first = await load(42);
    expect(await load(42)).toEqual(first);
    expect(await load(43)).not.toEqual(first);
  });

  it('refuses with CONFLICT when customers exist, naming why, and adds nothing', async () => {
    const { backend } = useTempBackend();
    const call = caller(() => backend);
    await call('customers.create', { name: '张三' });
    const error = errorOf(await backend.dispatch('demo.load', { customers: 20 }), 'CONFLICT');
    expect(error.message).toMatch(/empty database.*1 customer/);
    const page = await call<{ total: number }>('customers.list', {});
    expect(page.total).toBe(1);
    expect(await call<unknown[]>('tags.list')).toEqual([]);
  });

  it('counts customers in the trash too: a trashed customer still blocks it', async () => {
    const handle = useTempBackend();
    const call = caller(() => handle.backend);
    const created = await call<Customer>('customers.create', { name: 'Ann' });
    await call('customers.delete', { id: created.id });
    errorOf(await handle.backend.dispatch('demo.load', { customers: 20 }), 'CONFLICT');
    const db = inspect(handle);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM customers').n).toBe(1);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM orders').n).toBe(0);
    db.close();
  });

  it('--orders-per-customer sets the average; 0 gives customers without orders, all still leads or prospects', async () => {
    const few = useTempBackend();
    const two = dataOf<Counts>(
      await few.backend.dispatch('demo.load', { customers: 400, ordersPerCustomer: 2 }),
    );
    expect(two.orders / two.customers).toBeGreaterThan(1.5);
    expect(two.orders / two.customers).toBeLessThan(2.5);

    const none = useTempBackend();
    const zero = dataOf<Counts>(
      await none.backend.dispatch('demo.load', { customers: 100, ordersPerCustomer: 0 }),
    );
    expect(zero.orders).toBe(0);
    const db = inspect(none);
    const stages = db.all<{ stage: string }>('SELECT DISTINCT stage FROM customers ORDER BY stage');
    expect(stages).toEqual([{ stage: 'lead' }, { stage: 'prospect' }]);
    db.close();
  });

  it('never dates a conversation or order after now, or a conversation before the customer existed', async () => {
    const handle = useTempBackend();
    dataOf(await handle.backend.dispatch('demo.load', { customers: 300 }));
    const db = inspect(handle);
    const late = db.get<{ n: number }>(
      `SELECT (SELECT count(*) FROM orders WHERE ordered_at > @now) + (SELECT count(*) FROM conversations WHERE occurred_at > @now)
         + (SELECT count(*) FROM feedback WHERE answered_at > @now) AS n`,
      { now: CLOCK_START },
    ).n;
    const early = db.get<{ n: number }>(
      'SELECT count(*) AS n FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.occurred_at < c.created_at',
    ).n;
    db.close();
    expect({ late, early }).toEqual({ late: 0, early: 0 });
  });

  it('refuses zero customers as VALIDATION naming the field', async () => {
    const { backend } = useTempBackend();
    const error = errorOf(await backend.dispatch('demo.load', { customers: 0 }), 'VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['customers']);
  });

  it('loads 300 customers by default (the first-run button) and tells the open lists to refetch', async () => {
    const { backend } = useTempBackend();
    const seen: unknown[] = [];
    backend.subscribe((event) => seen.push(event));
    const counts = dataOf<Counts>(await backend.dispatch('demo.load', undefined));
    expect(counts.customers).toBe(300);
    expect(seen).toContainEqual({ type: 'data.changed', payload: { entity: 'customers' } });
    expect(seen).toContainEqual({ type: 'data.changed', payload: { entity: 'deals' } });
    // Enough closed deals for a new owner to see a learned P(win) on the board.
    expect(dataOf(await backend.dispatch('deals.model', {}))).toMatchObject({ ok: true });
  });
});
