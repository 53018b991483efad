import { asc, eq, inArray } from 'drizzle-orm';
import type { Order, ParsedInput } from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { invalidFields, notFound } from '../core/errors';
import type { Db } from '../db/open';
import { orderLines, orders, type OrderRow } from '../db/schema';
import { ActivityService, sentOnly } from './activityService';
import { epochOf, type ActivityDeps } from './context';

type OrderFields = ParsedInput<'orders.create'>;
type OrderPatch = ParsedInput<'orders.update'>['patch'];
type LineInput = OrderFields['lines'][number];

/** The same bound as the contract's `cents`: a sum of lines must not escape it either. */
const MAX_CENTS = 1_000_000_000_000;

/**
 * Orders: the purchase history the customer page and analytics read.
 *
 * Amount rules. A refund is a status (`refunded`), not a negative amount, so an order's amount
 * is never below 0 whatever its status: analytics can sum amounts by status without sign games.
 * Lines may have a negative quantity (a returned item or a discount line inside one order) as
 * long as the order's total stays at 0 or more. An explicit `amountCents` wins over the lines
 * (it may include shipping or tax the lines do not list); without it the amount is the lines' sum.
 */
export class OrderService extends ActivityService<Order> {
  constructor(deps: ActivityDeps) {
    super(deps, { table: 'orders', noun: 'Order', feedsStats: true, read: readOrder });
  }

  create(fields: OrderFields): Order {
    const amountCents = orderAmount(fields.amountCents, fields.lines, 'amountCents');
    if (amountCents === undefined) {
      throw invalidFields([
        { path: 'amountCents', code: 'required', message: 'Give the order an amount or at least one line' },
      ]);
    }
    return this.insertFor(fields.customerId, (base) => {
      const row = this.deps.db
        .insert(orders)
        .values({
          ...base,
          orderedAt: epochOf(fields.orderedAt),
          amountCents,
          currency: fields.currency ?? this.deps.settings.get().currency,
          status: fields.status,
          description: fields.description,
          channel: fields.channel,
          externalRef: fields.externalRef,
        })
        .returning({ id: orders.id })
        .get();
      this.writeLines(row.id, fields.lines);
      return row.id;
    });
  }

  /** Only what the patch sends changes; new lines replace the old ones and, without an amount, set it. */
  update(id: number, patch: OrderPatch): Order {
    const { db, clock } = this.deps;
    return this.edit(
      id,
      () => db.select().from(orders).where(eq(orders.id, id)).get(),
      () => {
        const amountCents = orderAmount(patch.amountCents, patch.lines ?? [], 'patch.amountCents');
        const { lines, orderedAt, amountCents: _amount, ...scalars } = patch;
        db.update(orders)
          .set({
            ...sentOnly(scalars),
            ...(orderedAt !== undefined ? { orderedAt: epochOf(orderedAt) } : {}),
            ...(amountCents !== undefined ? { amountCents } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(orders.id, id))
          .run();
        if (lines !== undefined) {
          db.delete(orderLines).where(eq(orderLines.orderId, id)).run();
          this.writeLines(id, lines);
        }
      },
    );
  }

  private writeLines(orderId: number, lines: LineInput[]): void {
    if (lines.length === 0) return;
    this.deps.db
      .insert(orderLines)
      .values(
        lines.map((line, position) => ({
          orderId,
          position,
          sku: line.sku,
          description: line.description,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
        })),
      )
      .run();
  }
}

/**
 * The amount to store: the explicit one, else the lines' sum, else undefined (nothing to go on).
 * Refuses a negative or out-of-range result, naming `path`.
 */
function orderAmount(explicit: number | undefined, lines: LineInput[], path: string): number | undefined {
  const amount =
    explicit ??
    (lines.length > 0
      ? lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
      : undefined);
  if (amount === undefined) return undefined;
  if (amount < 0) {
    throw invalidFields([
      {
        path,
        code: 'too_small',
        message: 'An order amount cannot be negative; record a refund with the status "refunded"',
        params: { min: 0 },
      },
    ]);
  }
  if (amount > MAX_CENTS) {
    throw invalidFields([
      { path, code: 'too_long', message: 'The order amount is too large', params: { max: MAX_CENTS } },
    ]);
  }
  return amount;
}

/** Orders with their lines (two queries whatever the count), in the order given. */
export function toOrders(db: Db, rows: OrderRow[]): Order[] {
  const ids = rows.map((row) => row.id);
  const lines =
    ids.length === 0
      ? []
      : db
          .select()
          .from(orderLines)
          .where(inArray(orderLines.orderId, ids))
          .orderBy(asc(orderLines.orderId), asc(orderLines.position))
          .all();
  const byOrder = new Map<number, Order['lines']>();
  for (const line of lines) {
    const list = byOrder.get(line.orderId) ?? [];
    list.push({
      sku: line.sku,
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
    });
    byOrder.set(line.orderId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    uid: row.uid,
    customerId: row.customerId,
    orderedAt: toIso(row.orderedAt),
    amountCents: row.amountCents,
    currency: row.currency,
    status: row.status,
    description: row.description,
    channel: row.channel,
    externalRef: row.externalRef,
    lines: byOrder.get(row.id) ?? [],
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  }));
}

export function readOrder(db: Db, id: number): Order {
  const row = db.select().from(orders).where(eq(orders.id, id)).get();
  if (!row) throw notFound('Order', id);
  return toOrders(db, [row])[0] as Order;
}
