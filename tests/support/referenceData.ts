import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { groupOrders, type CustomerOrders, type OrderRow } from '../../src-main/analytics/history';

/**
 * The public data sets in ../shared/data (see its README) as the analytics engine reads them.
 * Tests that need them fail with a message naming the folder when it is missing.
 */
export const SHARED_DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export function sharedFile(name: string): string {
  const file = resolve(SHARED_DATA, name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the reference data must sit in ../shared/data beside the checkout.`);
  }
  return file;
}

function csvRows(name: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(sharedFile(name), 'utf8').trim(), {
    skipEmptyLines: true,
  });
  return parsed.data.slice(1);
}

/** cdnow_customers_summary.csv: x, t_x, T in weeks for the 2,357 customers of the CDNOW sample. */
export function cdnowSummary(): { id: number; x: number; tx: number; T: number }[] {
  return csvRows('cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
  }));
}

/** cdnow_customers_summary_with_transactions.csv: the same plus zbar, the mean repeat spend (0 when x = 0). */
export function cdnowSummaryWithSpend(): { id: number; x: number; tx: number; T: number; zbar: number }[] {
  return csvRows('cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
    zbar: Number(zbar),
  }));
}

/** Local midnight of a calendar date. */
export const localMidnight = (year: number, month: number, day: number) =>
  new Date(year, month - 1, day).getTime();

/**
 * CDNOW_sample.txt (no header: master id, sample id, YYYYMMDD, #CDs, dollars) as histories: one
 * paid order per row at local midnight of its date, amounts in cents. 1997-01-01 to 1998-06-30.
 */
export function cdnowSampleHistories(): CustomerOrders[] {
  const rows: OrderRow[] = [];
  for (const line of readFileSync(sharedFile('CDNOW_sample.txt'), 'utf8').split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const date = fields[2]!;
    rows.push({
      customerId: Number(fields[1]),
      at: localMidnight(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))),
      cents: Math.round(Number(fields[4]) * 100),
      refunded: false,
    });
  }
  return groupOrders(rows);
}

/** CDNOW's calibration period ends on 1997-09-30 (week 39); the holdout runs to 1998-06-30 (week 78). */
export const CDNOW_CALIBRATION_END = localMidnight(1997, 10, 1);
export const CDNOW_HOLDOUT_END = localMidnight(1998, 7, 1);

/**
 * online_retail_uci.csv cleaned as the RFM literature does (analytics.md §1.1): lines with a
 * customer, no `C` invoices, quantity and unit price above 0; each invoice one paid order at its
 * time (local), amount = Σ quantity × unit price in pence. 4,338 customers.
 */
export function onlineRetailHistories(): CustomerOrders[] {
  const text = readFileSync(sharedFile('online_retail_uci.csv'), 'utf8');
  const [header, ...lines] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const column = (name: string) => header!.indexOf(name);
  const [invoiceAt, quantityAt, dateAt, priceAt, customerAt] = [
    'InvoiceNo',
    'Quantity',
    'InvoiceDate',
    'UnitPrice',
    'CustomerID',
  ].map(column) as [number, number, number, number, number];
  const invoices = new Map<string, OrderRow>();
  for (const line of lines) {
    const invoice = line[invoiceAt]!;
    const customer = line[customerAt]!;
    const quantity = Number(line[quantityAt]);
    const price = Number(line[priceAt]);
    if (customer === '' || invoice.startsWith('C') || !(quantity > 0) || !(price > 0)) continue;
    let order = invoices.get(invoice);
    if (!order) {
      const [date, time] = line[dateAt]!.split(' ') as [string, string];
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const [hours, minutes, seconds = 0] = time.split(':').map(Number) as [number, number, number?];
      order = {
        customerId: Math.round(Number(customer)),
        at: new Date(year, month - 1, day, hours, minutes, seconds).getTime(),
        cents: 0,
        refunded: false,
      };
      invoices.set(invoice, order);
    }
    order.cents += Math.round(quantity * price * 100);
  }
  return groupOrders(invoices.values());
}

/** The day after the last Online Retail invoice (2011-12-09): the usual RFM reference date. */
export const ONLINE_RETAIL_AS_OF = localMidnight(2011, 12, 10);
