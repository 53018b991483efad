import type Database from 'better-sqlite3';
import type { CustomerKey } from '../../../src-shared/contract';
import { CUSTOMER_LIMITS } from '../../../src-shared/contract/customerTerms';
import { canonicalEmail, normalizePhone } from '../../customers/contacts';
import { emailCells, phoneCells, textCell, type CellContext } from '../cells';
import type { MappedRow } from '../columns';
import { normalizeExternalId } from '../customers/customerDraft';
import { emptyCustomerState, type CustomerState } from '../customers/existingCustomers';
import type { CustomerStateWriter } from '../customers/customerWrites';

/** Whose row it is: an existing customer, or one the import creates (shared by all rows naming it). */
export type CustomerRef = { existing: number } | { planned: PlannedNewCustomer };

export interface PlannedNewCustomer {
  /** Tells planned customers apart before they have ids. */
  key: number;
  state: CustomerState;
  /** Set when written. */
  id?: number;
}

const REFERENCE_TARGETS = ['customerExternalId', 'customerEmail', 'customerPhone', 'customerName'] as const;

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/**
 * Finds the customer an order or conversation row belongs to, by the keys the owner chose in
 * their order (external ID, email, phone, name). Names match only when exactly one live
 * customer has that name: two 张伟 are not a key.
 */
export class CustomerResolver {
  private readonly byKey = new Map<string, number>();
  private readonly ambiguousNames = new Set<string>();
  private readonly planned = new Map<string, PlannedNewCustomer>();
  readonly newCustomers: PlannedNewCustomer[] = [];

  constructor(
    sqlite: Database.Database,
    private readonly keys: readonly CustomerKey[],
    private readonly createMissing: boolean,
    private readonly cells: CellContext,
  ) {
    const load = (sql: string, prefix: string, unique = false) => {
      for (const row of sqlite.prepare(sql).all() as { id: number; key: string }[]) {
        const key = `${prefix}:${prefix === 'n' ? fold(row.key) : row.key}`;
        if (unique && this.byKey.has(key) && this.byKey.get(key) !== row.id) this.ambiguousNames.add(key);
        if (!this.byKey.has(key)) this.byKey.set(key, row.id);
      }
    };
    const live = 'JOIN customers c ON c.id = k.customer_id AND c.deleted_at IS NULL';
    if (keys.includes('externalId')) {
      load(
        'SELECT id, external_id AS key FROM customers WHERE deleted_at IS NULL AND external_id IS NOT NULL ORDER BY id',
        'x',
      );
    }
    if (keys.includes('email')) {
      load(
        `SELECT k.customer_id AS id, k.normalized AS key FROM customer_contacts k ${live} WHERE k.kind = 'email' ORDER BY k.customer_id`,
        'e',
      );
    }
    if (keys.includes('phone')) {
      load(
        `SELECT k.customer_id AS id, k.normalized AS key FROM customer_contacts k ${live}
         WHERE k.kind = 'phone' AND k.normalized IS NOT NULL ORDER BY k.customer_id`,
        'p',
      );
    }
    if (keys.includes('name'))
      load('SELECT id, name AS key FROM customers WHERE deleted_at IS NULL ORDER BY id', 'n', true);
  }

  /** Rejects a row that names no customer at all, before anything else of it is read. */
  requireReference(row: MappedRow): void {
    const named = REFERENCE_TARGETS.some((target) => row.text(target) !== '');
    if (!named)
      row.reject('no_customer', REFERENCE_TARGETS.find((target) => row.columns.has(target)) ?? null);
  }

  /** The row's customer; rejects the row when it names none, or one that does not exist and may not be created. */
  resolve(row: MappedRow): CustomerRef {
    const externalId = normalizeExternalId(textCell(row, 'customerExternalId', 100));
    const email = emailCells(row, 'customerEmail')[0] ?? null;
    const phone = phoneCells(row, 'customerPhone', this.cells)[0] ?? null;
    const name = textCell(row, 'customerName', CUSTOMER_LIMITS.name);
    if (!externalId && !email && !phone && !name) {
      row.reject('no_customer', REFERENCE_TARGETS.find((target) => row.columns.has(target)) ?? null);
    }
    const candidates: Record<CustomerKey, string | null> = {
      externalId: externalId && `x:${externalId}`,
      email: email && `e:${canonicalEmail(email)}`,
      phone: phone && prefixed('p', normalizePhone(phone, this.cells.region).e164),
      name: name && `n:${fold(name)}`,
    };
    const keys = this.keys.map((key) => candidates[key]).filter((key): key is string => key !== null);
    for (const key of keys) {
      const id = this.byKey.get(key);
      if (id !== undefined && !this.ambiguousNames.has(key)) return { existing: id };
    }
    for (const key of keys) {
      const planned = this.planned.get(key);
      if (planned) return { planned };
    }
    if (!this.createMissing || keys.length === 0) {
      row.reject('unknown_customer', REFERENCE_TARGETS.find((target) => row.text(target) !== '') ?? null);
    }
    const planned: PlannedNewCustomer = {
      key: this.newCustomers.length,
      state: emptyCustomerState(),
    };
    // A file with only a customer number (the Online Retail file) names the customer by it.
    planned.state.scalars.name = name ?? externalId ?? email ?? phone;
    planned.state.scalars.country = textCell(row, 'customerCountry', CUSTOMER_LIMITS.country);
    planned.state.externalId = externalId;
    if (email) planned.state.emails.push(email);
    if (phone) planned.state.phones.push(phone);
    for (const key of keys) this.planned.set(key, planned);
    this.newCustomers.push(planned);
    return { planned };
  }

  /** Writes the customers the import creates (before their orders or conversations). */
  createPlanned(writer: CustomerStateWriter, context: { now: number; batchId: number }): void {
    for (const planned of this.newCustomers) planned.id = writer.create(planned.state, context);
  }
}

/** The same string for every row of the same customer, existing or about to be created. */
export const customerKeyOf = (ref: CustomerRef): string =>
  'existing' in ref ? `e${ref.existing}` : `p${ref.planned.key}`;

export const customerIdOf = (ref: CustomerRef): number =>
  'existing' in ref ? ref.existing : (ref.planned.id as number);

function prefixed(prefix: string, value: string | null): string | null {
  return value === null ? null : `${prefix}:${value}`;
}
