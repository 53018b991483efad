import type Database from 'better-sqlite3';
import { effectiveRegion, type Settings } from '../../src-shared/contract';
import { refreshAllStats } from '../activity/stats';
import { AppError } from '../core/errors';
import { CustomerRecords } from '../customers/records';
import { deferIndexes } from '../db/bulkLoad';
import { planHistory, type History } from './history';
import { writePipeline } from './pipelineWriter';
import { formatMobile, makePerson, type DemoPerson, type PersonContext } from './people';
import { Random } from './random';
import { TAGS } from './vocabulary';

export interface DemoOptions {
  customers: number;
  /** Average orders per customer over the whole dataset (default 5). */
  ordersPerCustomer?: number;
  seed?: number;
  /** The end of the three years of history (the clock's now). */
  now: number;
}

export interface DemoCounts {
  customers: number;
  orders: number;
  conversations: number;
  feedback: number;
  /** Deals of the pipeline, open and closed (about one per six customers). */
  deals: number;
  tags: number;
  /** Pairs planted for the Duplicates page: same phone typed differently, same Gmail with dots, same name and company. */
  duplicates: number;
}

export const DEFAULT_SEED = 20_260_101;
/** Negative = KiB: 64 MB, only while the demo loads. */
const DEMO_CACHE_KIB = -65_536;
const DUPLICATE_KINDS = ['phone', 'gmail', 'company'] as const;
/** The tables a demo fills. */
const BULK_TABLES = [
  'customers',
  'customer_contacts',
  'customer_tags',
  'customer_events',
  'orders',
  'order_lines',
  'conversations',
  'feedback',
];
type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/**
 * Fills an empty database with a realistic, seeded dataset (same seed, same data). Everything is
 * written in one transaction through prepared statements, and the derived customer columns are
 * refreshed with one set-based UPDATE at the end: 100,000 customers with ~500,000 orders take
 * about 45 s on two cores, mostly in SQLite (full-text rows, indexes, commit).
 * Refuses (CONFLICT, nothing written) when the database already has customers, even in the trash.
 */
export function generateDemo(
  store: { sqlite: Database.Database; settings: Settings },
  options: DemoOptions,
): DemoCounts {
  const { sqlite, settings } = store;
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const ordersPerCustomer = options.ordersPerCustomer ?? 5;
  const writer = new DemoWriter(sqlite, settings.currency, random, options.now);
  const context: PersonContext = {
    random,
    region: effectiveRegion(settings),
    usedEmails: new Set(),
    usedPhones: new Set(),
  };
  const duplicateCount = options.customers < 20 ? 0 : Math.max(3, Math.round(options.customers / 2000));
  const originals = pickOriginals(random, options.customers - duplicateCount, duplicateCount);

  // The whole load is one transaction (~450 MB at 100,000 customers), far past SQLite's default
  // 2 MB page cache, so dirty pages spill to the WAL mid-transaction. A 64 MB cache for the load
  // spills less (100,000 customers: 48 s -> 45 s, RSS 276 -> 340 MB; 256 MB bought 42 s for
  // 548 MB). Restored afterwards.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${DEMO_CACHE_KIB}`);
  try {
    return sqlite.transaction((): DemoCounts => {
      const existing = (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
      if (existing > 0) {
        throw new AppError(
          'CONFLICT',
          `Demo data only goes into an empty database; this one already has ${existing} customer(s) (the trash counts too).`,
        );
      }
      const tagIds = writer.ensureTags();
      // CustomerRecords reads contacts back by customer while writing: that index stays.
      const rebuildIndexes = deferIndexes(sqlite, BULK_TABLES, ['customer_contacts_customer_idx']);
      const kept = new Map<number, DemoPerson>();
      for (let index = 0; index < options.customers - duplicateCount; index++) {
        const kind = originals.get(index);
        const person = makePerson(context, {
          gmail: kind === 'gmail',
          mobile: kind === 'phone',
          company: kind === 'company',
        });
        if (kind) kept.set(index, person);
        const history = planHistory({
          random,
          now: options.now,
          ordersPerCustomer,
          chinese: person.chinese,
          company: person.fields.company !== null,
        });
        writer.write(person, history, tagsFor(random, person, history, tagIds), context.region);
      }
      for (const [index, kind] of originals) {
        const twin = plantDuplicate(context, kept.get(index)!, kind);
        const history = planHistory({
          random,
          now: options.now,
          ordersPerCustomer,
          chinese: twin.chinese,
          company: twin.fields.company !== null,
          segment: 'oneOff',
        });
        writer.write(twin, history, [], context.region);
      }
      rebuildIndexes();
      refreshAllStats(sqlite, settings.currency);
      // After the stats: whether a demo deal was won leans on the customer's paid orders.
      const deals = writePipeline(sqlite, {
        random,
        now: options.now,
        currency: settings.currency,
        lostReasons: settings.dealLostReasons.map((reason) => reason.key),
        uid: () => writer.uid(),
      });
      return { ...writer.counts, deals, tags: tagIds.size, duplicates: duplicateCount };
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Which earlier customers get a planted twin, and how the twin resembles them. */
function pickOriginals(random: Random, pool: number, count: number): Map<number, DuplicateKind> {
  const chosen = new Map<number, DuplicateKind>();
  while (chosen.size < count) {
    const index = random.int(0, pool - 1);
    if (!chosen.has(index)) chosen.set(index, DUPLICATE_KINDS[chosen.size % DUPLICATE_KINDS.length]!);
  }
  return chosen;
}

/** A second record of the same person, entered again later with one detail typed differently. */
function plantDuplicate(context: PersonContext, original: DemoPerson, kind: DuplicateKind): DemoPerson {
  const fresh = makePerson(context);
  const same = original.fields;
  const fields = {
    ...fresh.fields,
    name: same.name,
    city: same.city,
    province: same.province,
    country: same.country,
  };
  if (kind === 'phone') {
    const digits = same.phones[0]!.replace(/\D/g, '').slice(-11);
    const style = [0, 1, 2, 3].find(
      (candidate) => formatMobile(digits, candidate, context.region) !== same.phones[0],
    )!;
    fields.phones = [formatMobile(digits, style, context.region)];
    fields.emails = [];
  } else if (kind === 'gmail') {
    const [local, domain] = same.emails[0]!.split('@') as [string, string];
    const middle = Math.floor(local.length / 2);
    const retyped = local.includes('.')
      ? local.replaceAll('.', '')
      : `${local.slice(0, middle)}.${local.slice(middle)}`;
    fields.emails = [`${retyped}${context.random.chance(0.5) ? '+shop' : ''}@${domain}`];
    fields.phones = [];
  } else {
    fields.company = same.company;
  }
  return { ...fresh, chinese: original.chinese, city: original.city, fields };
}

function tagsFor(
  random: Random,
  person: DemoPerson,
  history: History,
  tagIds: Map<string, number>,
): number[] {
  const names: string[] = [];
  const { segment } = history;
  if (segment === 'loyal' && random.chance(0.4)) names.push('VIP');
  if ((segment === 'loyal' || segment === 'occasional') && random.chance(0.35)) names.push('回头客');
  if (person.fields.company && random.chance(0.2)) names.push('批发');
  if (person.fields.company && random.chance(0.4)) names.push('企业客户');
  if (!person.city.domestic) names.push('海外');
  if (random.chance(0.08)) names.push('价格敏感');
  if (history.feedback.some((entry) => (entry.kind === 'csat' ? entry.score <= 2 : entry.score <= 4)))
    names.push('投诉过');
  if (person.fields.consent === 'yes' && random.chance(0.5)) names.push('Newsletter');
  return names.map((name) => tagIds.get(name)!);
}

/** The prepared statements a demo writes through; customers themselves go through CustomerRecords. */
class DemoWriter {
  readonly counts = { customers: 0, orders: 0, conversations: 0, feedback: 0 };
  private readonly records: CustomerRecords;
  private readonly statements;
  private orderNumber = 0;
  private rowNumber = 0;

  constructor(
    sqlite: Database.Database,
    private readonly currency: string,
    private readonly random: Random,
    private readonly loadedAt: number,
  ) {
    this.records = new CustomerRecords(sqlite);
    this.statements = {
      findTag: sqlite.prepare('SELECT id FROM tags WHERE lower(name) = lower(?) AND deleted_at IS NULL'),
      insertTag: sqlite.prepare(
        'INSERT INTO tags (uid, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?) RETURNING id',
      ),
      insertOrder: sqlite.prepare(
        `INSERT INTO orders (uid, created_at, updated_at, customer_id, ordered_at, amount_cents, currency, status,
           description, channel, external_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertLine: sqlite.prepare(
        `INSERT INTO order_lines (order_id, position, sku, description, quantity, unit_price_cents)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertConversation: sqlite.prepare(
        `INSERT INTO conversations (uid, created_at, updated_at, customer_id, kind, direction, occurred_at, subject,
           body, duration_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertConversationSearch: sqlite.prepare(
        'INSERT INTO conversation_search (rowid, subject, body, customer_id) VALUES (?, ?, ?, ?)',
      ),
      insertFeedback: sqlite.prepare(
        `INSERT INTO feedback (uid, created_at, updated_at, customer_id, kind, score, answered_at, comment)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Every row's uid carries the load's time and a sequence number (see Random.uuidV7). */
  uid(): string {
    return this.random.uuidV7(this.loadedAt, this.rowNumber++);
  }

  /** The demo's tags, reusing any the owner already made with the same name. */
  ensureTags(): Map<string, number> {
    const now = this.loadedAt;
    return new Map(
      TAGS.map(([name, color]) => {
        const found = this.statements.findTag.get(name) as { id: number } | undefined;
        const id =
          found?.id ??
          (this.statements.insertTag.get(this.uid(), now, now, name, color) as { id: number }).id;
        return [name, id];
      }),
    );
  }

  write(person: DemoPerson, history: History, tagIds: number[], region: string | null): void {
    const { statements } = this;
    const customerId = this.records.insert(
      { ...person.fields, stage: history.stage, tagIds },
      { now: history.createdAt, region, uid: this.uid() },
    );
    this.records.recordEvent(customerId, 'created', history.createdAt);
    this.counts.customers++;
    for (const order of history.orders) {
      const amount = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
      const year = new Date(order.at).getUTCFullYear();
      const { lastInsertRowid } = statements.insertOrder.run(
        this.uid(),
        order.at,
        order.at,
        customerId,
        order.at,
        amount,
        this.currency,
        order.status,
        order.lines.map((line) => line.description).join(', '),
        order.channel,
        `SO-${year}-${String(++this.orderNumber).padStart(6, '0')}`,
      );
      // Line items only where they say more than the description and amount already do.
      const itemized = order.lines.length > 1 || order.lines[0]!.quantity > 1;
      if (itemized)
        order.lines.forEach((line, position) =>
          statements.insertLine.run(
            lastInsertRowid,
            position,
            line.sku,
            line.description,
            line.quantity,
            line.unitPriceCents,
          ),
        );
      this.counts.orders++;
    }
    for (const talk of history.conversations) {
      const { lastInsertRowid } = statements.insertConversation.run(
        this.uid(),
        talk.at,
        talk.at,
        customerId,
        talk.kind,
        talk.direction,
        talk.at,
        talk.subject,
        talk.body,
        talk.durationMinutes,
      );
      statements.insertConversationSearch.run(lastInsertRowid, talk.subject, talk.body, customerId);
      this.counts.conversations++;
    }
    for (const entry of history.feedback) {
      statements.insertFeedback.run(
        this.uid(),
        entry.at,
        entry.at,
        customerId,
        entry.kind,
        entry.score,
        entry.at,
        entry.comment,
      );
      this.counts.feedback++;
    }
  }
}
