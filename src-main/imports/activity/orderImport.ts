import { newUid } from '../../core/uid';
import { ORDER_STATUSES } from '../../../src-shared/contract/activityTerms';
import { refreshAllStats, refreshCustomerStats } from '../../activity/stats';
import { amountCell, instantCell, integerCell, textCell } from '../cells';
import type { MappedRow } from '../columns';
import { CustomerStateWriter } from '../customers/customerWrites';
import {
  WRITE_CHECK_EVERY,
  type CommitContext,
  type KindCounts,
  type KindImport,
  type KindImportContext,
} from '../kindImport';
import { CustomerResolver, customerIdOf, customerKeyOf, type CustomerRef } from './customerResolver';

type OrderStatus = (typeof ORDER_STATUSES)[number];

interface PlannedLine {
  sku: string | null;
  description: string;
  quantity: number;
  unitPriceCents: number;
}

interface PlannedOrder {
  customer: CustomerRef;
  invoice: string | null;
  orderedAt: number;
  currency: string;
  status: OrderStatus;
  /** An explicit order total; without one the amount is the lines' sum. */
  amountCents: number | null;
  description: string | null;
  channel: string | null;
  lines: PlannedLine[];
  /** The order's first row: what a rejection of the whole order shows and stores. */
  firstRow: MappedRow;
}

const STATUS_WORDS: Record<string, OrderStatus> = {
  paid: 'paid',
  completed: 'paid',
  complete: 'paid',
  已付款: 'paid',
  已支付: 'paid',
  已完成: 'paid',
  交易成功: 'paid',
  refunded: 'refunded',
  refund: 'refunded',
  returned: 'refunded',
  已退款: 'refunded',
  退款: 'refunded',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  已取消: 'cancelled',
  取消: 'cancelled',
  交易关闭: 'cancelled',
};

const LINE_TARGETS = ['sku', 'lineDescription', 'quantity', 'unitPrice'] as const;
const CANCELLATION = /^C\d/i;

/** With this many customers touched, one pass over all of them beats per-customer updates. */
const REFRESH_ALL_ABOVE = 2_000;

/**
 * Orders from a file. Rows with the same invoice number are the lines of one order (the Online
 * Retail shape); `C…` invoices are cancellations, imported as refunds or skipped. An invoice that
 * the customer already has is skipped, so importing the same file twice adds nothing.
 */
export class OrderImport implements KindImport {
  private readonly resolver: CustomerResolver;
  private orders: PlannedOrder[] = [];
  /** Planned orders by customer + invoice number. */
  private readonly byInvoice = new Map<string, PlannedOrder>();
  /** Invoices the customers already have (customer id + number): importing a file twice adds nothing. */
  private readonly knownInvoices: Set<string>;
  /** Customer + invoice keys of this file found among them. */
  private readonly knownOrders = new Set<string>();
  private readonly skippedCancellations = new Set<string>();
  /** Invoice numbers with a refused line, and those whose orders were dropped for it. */
  private readonly spoiledInvoices = new Set<string>();
  private readonly voidedInvoices = new Set<string>();
  private skipped = 0;
  /** Product texts (SKU, line description), one string each: see textCell. */
  private readonly productTexts = new Map<string, string>();

  constructor(private readonly context: KindImportContext) {
    const { sqlite, options, cells } = context;
    this.resolver = new CustomerResolver(sqlite, options.customerBy, options.createMissingCustomers, cells);
    this.knownInvoices = new Set(
      (
        sqlite
          .prepare(
            'SELECT customer_id AS id, external_ref AS ref FROM orders WHERE external_ref IS NOT NULL AND deleted_at IS NULL',
          )
          .all() as { id: number; ref: string }[]
      ).map((row) => `${row.id}\u001f${row.ref}`),
    );
  }

  add(row: MappedRow): void {
    const invoice = textCell(row, 'invoice', 100);
    // A `C123…` invoice is a cancellation in files that say nothing else (Online Retail); a status
    // column, when the file has one, is what the order is (our own export writes it).
    const cancellation = invoice !== null && CANCELLATION.test(invoice) && row.text('status') === '';
    this.resolver.requireReference(row);
    if (cancellation && this.context.options.cancellations === 'skip') {
      if (!this.skippedCancellations.has(invoice)) this.skipped++;
      this.skippedCancellations.add(invoice);
      return;
    }
    const orderedAt = instantCell(row, 'orderedAt', this.context.cells);
    if (orderedAt === null) row.reject('required', 'orderedAt');
    const line = this.readLine(row);
    const amount = amountCell(row, 'amount');
    const customer = this.resolver.resolve(row);
    // An invoice number belongs to one customer: the same number on another customer's row is
    // another order, not a line of this one.
    const key = invoice === null ? null : `${customerKeyOf(customer)}\u001f${invoice}`;
    if (key !== null && this.knownOrders.has(key)) return;
    const existing = key === null ? undefined : this.byInvoice.get(key);
    if (existing) {
      if (line) existing.lines.push(line);
      if (existing.amountCents === null && amount) existing.amountCents = amount.cents;
      return;
    }
    if (
      key !== null &&
      'existing' in customer &&
      this.knownInvoices.has(`${customer.existing}\u001f${invoice}`)
    ) {
      this.knownOrders.add(key);
      this.skipped++;
      return;
    }
    const order: PlannedOrder = {
      customer,
      invoice,
      orderedAt,
      currency: this.currencyOf(row, amount?.currency ?? null),
      status: cancellation ? 'refunded' : this.statusOf(row),
      amountCents: amount?.cents ?? null,
      description: textCell(row, 'description', 500),
      channel: textCell(row, 'channel', 100),
      lines: line ? [line] : [],
      firstRow: row.detached(),
    };
    if (order.amountCents === null && order.lines.length === 0) row.reject('required', 'amount');
    this.orders.push(order);
    if (key !== null) this.byInvoice.set(key, order);
  }

  /** A refused line spoils its invoice: the order is not imported with a line missing. */
  rowRejected(row: MappedRow): void {
    const invoice = row.text('invoice');
    if (invoice !== '') this.spoiledInvoices.add(invoice);
  }

  voidedRows(): ((row: MappedRow) => string | null) | null {
    if (this.voidedInvoices.size === 0) return null;
    return (row) => (this.voidedInvoices.has(row.text('invoice')) ? 'invoice' : null);
  }

  /**
   * Orders of a spoiled invoice are dropped whole (the other lines are refused by a second read);
   * so is an order whose lines add up below zero, which is not a sale (decision 23).
   */
  finish(): void {
    this.orders = this.orders.filter((order) => {
      const spoiled = order.invoice !== null && this.spoiledInvoices.has(order.invoice);
      if (!spoiled && amountOf(order) >= 0) return true;
      if (!spoiled)
        this.context.cells.problems.reject(
          order.firstRow.row,
          order.firstRow.problem('negative_amount', null),
        );
      if (order.invoice !== null) this.voidedInvoices.add(order.invoice);
      return false;
    });
  }

  counts(): KindCounts {
    return {
      create: this.orders.length,
      update: 0,
      skip: this.skipped,
      refunds: this.orders.filter((order) => order.status === 'refunded').length,
      customersCreated: this.resolver.newCustomers.length,
    };
  }

  commit(write: CommitContext): { createdTagIds: number[] } {
    const { sqlite, region, settings } = this.context;
    this.resolver.createPlanned(new CustomerStateWriter(sqlite, region), write);
    const insertOrder = sqlite.prepare(
      `INSERT INTO orders (uid, created_at, updated_at, customer_id, ordered_at, amount_cents, currency, status,
         description, channel, external_ref, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One statement per order, its lines as a JSON array: a third of the time of one INSERT per
    // line for the 400,000 lines of the Online Retail file.
    const insertLines = sqlite.prepare(
      `INSERT INTO order_lines (order_id, position, sku, description, quantity, unit_price_cents)
       SELECT ?, key, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`,
    );
    const customers = new Set<number>();
    this.orders.forEach((order, index) => {
      const customerId = customerIdOf(order.customer);
      customers.add(customerId);
      const orderId = Number(
        insertOrder.run(
          newUid(),
          write.now,
          write.now,
          customerId,
          order.orderedAt,
          amountOf(order),
          order.currency,
          order.status,
          order.description,
          order.channel,
          order.invoice,
          write.batchId,
        ).lastInsertRowid,
      );
      if (order.lines.length > 0) {
        const lines = order.lines.map((line) => [
          line.sku,
          line.description,
          line.quantity,
          line.unitPriceCents,
        ]);
        insertLines.run(orderId, JSON.stringify(lines));
      }
      if ((index + 1) % WRITE_CHECK_EVERY === 0) {
        write.checkCancelled();
        write.progress(index + 1, this.orders.length);
      }
    });
    if (customers.size > REFRESH_ALL_ABOVE) refreshAllStats(sqlite, settings.currency);
    else refreshCustomerStats(sqlite, [...customers], settings.currency);
    write.progress(this.orders.length, this.orders.length);
    return { createdTagIds: [] };
  }

  /** The row's order line; none when the line cells are all blank (an order exported without lines). */
  private readLine(row: MappedRow): PlannedLine | null {
    // Without a unit price column the file has orders, not lines (a product column is then ignored).
    if (!row.columns.has('unitPrice')) return null;
    if (!LINE_TARGETS.some((target) => row.text(target) !== '')) return null;
    const price = amountCell(row, 'unitPrice', { allowNegative: true });
    if (price === null) row.reject('required', 'unitPrice');
    const quantity = row.columns.has('quantity') ? integerCell(row, 'quantity', 'quantity') : 1;
    if (quantity === null) row.reject('required', 'quantity');
    const sku = textCell(row, 'sku', 100, this.productTexts);
    return {
      sku,
      description: textCell(row, 'lineDescription', 500, this.productTexts) ?? sku ?? '',
      quantity,
      unitPriceCents: price.cents,
    };
  }

  private currencyOf(row: MappedRow, fromAmount: string | null): string {
    const text = row.text('currency').toUpperCase();
    if (text !== '' && !/^[A-Z]{3}$/.test(text)) row.reject('option', 'currency');
    return text || fromAmount || this.context.options.currency || this.context.settings.currency;
  }

  private statusOf(row: MappedRow): OrderStatus {
    const text = row.text('status').toLowerCase();
    if (text === '') return 'paid';
    const status = STATUS_WORDS[text];
    if (!status) row.reject('option', 'status');
    return status;
  }
}

/** Refunds are stored as positive amounts with status `refunded` (decision 23). */
function amountOf(order: PlannedOrder): number {
  const sum =
    order.amountCents ?? order.lines.reduce((total, line) => total + line.quantity * line.unitPriceCents, 0);
  return order.status === 'refunded' ? Math.abs(sum) : sum;
}
