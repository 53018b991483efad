import type Database from 'better-sqlite3';
import { newUid } from '../core/uid';
import type { CustomerFieldsParsed, CustomerScalarField } from '../../src-shared/contract';
import { CUSTOMER_SCALAR_FIELDS } from '../../src-shared/contract/customerTerms';
import { canonicalEmail, normalizePhone, phoneSearchText, type NormalizedPhone } from './contacts';
import {
  searchDocumentOf,
  searchDocumentsHere,
  type SearchDocument,
  type SearchDocumentSource,
  type SearchText,
} from './searchDocument';
import { nameSortKey } from './sortKey';

/** `jobTitle` -> `job_title`: the customers table names a field's column in snake_case. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;
export type ScalarColumn = SnakeCase<CustomerScalarField>;

export const scalarColumn = (field: CustomerScalarField) =>
  field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as ScalarColumn;

/** The scalar columns a customer form edits, in the order the statements below bind them. */
export const SCALAR_COLUMNS = CUSTOMER_SCALAR_FIELDS.map(scalarColumn);

const FIELD_COLUMNS = CUSTOMER_SCALAR_FIELDS.map((field) => [field, scalarColumn(field)] as const);

/** The form's scalar fields keyed by column, as the statements below bind them. */
export function scalarValues(fields: CustomerFieldsParsed): Record<ScalarColumn, string | null> {
  const values = {} as Record<ScalarColumn, string | null>;
  for (const [field, column] of FIELD_COLUMNS) values[column] = fields[field];
  return values;
}

/** What a customer's search rows are built from; `contacts` is its emails and phones as search text. */
interface SearchSource extends SearchText {
  contacts: string;
}

const contactsText = (emails: string[], phones: NormalizedPhone[]) =>
  [emails.join(' '), ...phones.map(phoneSearchText)].join(' ');

/** FTS5's own default, and the buffer a bulk load of at least BULK_HASH_ROWS customers gets. */
const DEFAULT_HASH_BYTES = 1024 * 1024;
const BULK_HASH_BYTES = 4 * 1024 * 1024;
const BULK_HASH_ROWS = 10_000;

/**
 * The low-level writes of a customer and everything derived from it (contacts, tags, sort key,
 * search row), as prepared statements: the service, the demo generator, imports and merges all
 * write through here, inside a transaction their caller opened, so derived data cannot drift.
 */
export class CustomerRecords {
  private readonly statements;

  /** Set between `beginBulk` and `endBulk`: search rows written after the customers. */
  private pendingIndex: { id: number; source: SearchSource }[] | null = null;

  constructor(private readonly sqlite: Database.Database) {
    const scalarNames = SCALAR_COLUMNS.join(', ');
    this.statements = {
      // Positional, not named, parameters: binding 22 names means 22 property lookups by freshly
      // made strings per row, and was the largest allocation of a 100,000-customer import.
      insert: sqlite.prepare(
        `INSERT INTO customers (uid, created_at, updated_at, name_sort, consent_at, custom_values, external_id, batch_id, email, phone, ${scalarNames})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${SCALAR_COLUMNS.map(() => '?').join(', ')})`,
      ),
      deleteContacts: sqlite.prepare('DELETE FROM customer_contacts WHERE customer_id = ?'),
      insertContact: sqlite.prepare(
        `INSERT INTO customer_contacts (customer_id, kind, position, value, normalized, valid)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      setPrimaryContacts: sqlite.prepare('UPDATE customers SET email = ?, phone = ? WHERE id = ?'),
      deleteTags: sqlite.prepare('DELETE FROM customer_tags WHERE customer_id = ?'),
      deleteLiveTags: sqlite.prepare(
        `DELETE FROM customer_tags WHERE customer_id = ?
           AND tag_id IN (SELECT id FROM tags WHERE deleted_at IS NULL)`,
      ),
      insertTag: sqlite.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)'),
      searchSource: sqlite.prepare(
        `SELECT name, company, wechat, notes,
           (SELECT group_concat(value, ' ') FROM customer_contacts WHERE customer_id = c.id AND kind = 'email') AS emails
         FROM customers c WHERE id = ?`,
      ),
      phonesOf: sqlite.prepare(
        `SELECT value, normalized AS e164, valid FROM customer_contacts
         WHERE customer_id = ? AND kind = 'phone' ORDER BY position`,
      ),
      deleteSearch: sqlite.prepare('DELETE FROM customer_search WHERE rowid = ?'),
      deleteShortSearch: sqlite.prepare('DELETE FROM customer_short_search WHERE rowid = ?'),
      insertShortSearch: sqlite.prepare(
        'INSERT INTO customer_short_search (rowid, starts, grams) VALUES (?, ?, ?)',
      ),
      insertSearch: sqlite.prepare(
        `INSERT INTO customer_search (rowid, name, pinyin, company, contacts, wechat, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvent: sqlite.prepare(
        'INSERT INTO customer_events (customer_id, kind, at, data, batch_id) VALUES (?, ?, ?, ?, ?)',
      ),
    };
  }

  /** Inserts a customer with contacts, tags and search row; returns the new id. */
  insert(
    fields: CustomerFieldsParsed,
    context: {
      now: number;
      region: string | null;
      uid?: string;
      /** Set by imports: the owner's key from another system, and the batch that created the row. */
      externalId?: string | null;
      batchId?: number;
    },
  ): number {
    // run() + lastInsertRowid, not RETURNING: RETURNING costs ~6x the insert itself (an ephemeral
    // table per execution), which dominated loading 100,000 demo customers.
    const values: (string | number | null)[] = [
      context.uid ?? newUid(),
      context.now,
      context.now,
      nameSortKey(fields.name),
      fields.consent === 'unknown' ? null : context.now,
      JSON.stringify(fields.custom),
      context.externalId ?? null,
      context.batchId ?? null,
      // The primary copies on the row; writeContacts drops only repeats, so the first stays first.
      fields.emails[0] ?? null,
      fields.phones[0]?.trim() ?? null,
    ];
    for (const [field] of FIELD_COLUMNS) values.push(fields[field]);
    const { lastInsertRowid } = this.statements.insert.run(values);
    const id = Number(lastInsertRowid);
    // A new row has nothing to delete or read back: contacts, tags and the search rows are
    // written straight from the fields (a third of the cost of an import per customer).
    const { emails, phones } = this.writeContacts(id, fields.emails, fields.phones, context.region);
    for (const tagId of fields.tagIds) this.statements.insertTag.run(id, tagId);
    // The contacts as text now: a bulk load holds 100,000 of these, and two small arrays each
    // (room for 17 entries once pushed to) weighed ~30 MB more than the string.
    const source = {
      name: fields.name,
      company: fields.company,
      wechat: fields.wechat,
      notes: fields.notes,
      contacts: contactsText(emails, phones),
    };
    if (this.pendingIndex) this.pendingIndex.push({ id, source });
    else this.index(id, source);
    return id;
  }

  /** Replaces a customer's emails and phones (first = primary) and the primary copies on the row. */
  setContacts(customerId: number, emails: string[], phones: string[], region: string | null): void {
    this.statements.deleteContacts.run(customerId);
    this.writeContacts(customerId, emails, phones, region);
    this.statements.setPrimaryContacts.run(emails[0] ?? null, phones[0]?.trim() ?? null, customerId);
  }

  /** Inserts contact rows (duplicates dropped); returns what was written. */
  private writeContacts(
    customerId: number,
    emails: string[],
    phones: string[],
    region: string | null,
  ): { emails: string[]; phones: NormalizedPhone[] } {
    const written = { emails: [] as string[], phones: [] as NormalizedPhone[] };
    const seenEmails = new Set<string>();
    let position = 0;
    for (const email of emails) {
      if (seenEmails.has(email.toLowerCase())) continue;
      seenEmails.add(email.toLowerCase());
      this.statements.insertContact.run(customerId, 'email', position++, email, canonicalEmail(email), 1);
      written.emails.push(email);
    }
    const seenPhones = new Set<string>();
    for (const typed of phones) {
      const phone = normalizePhone(typed, region);
      const identity = phone.e164 ?? phone.value;
      if (seenPhones.has(identity)) continue;
      seenPhones.add(identity);
      this.statements.insertContact.run(
        customerId,
        'phone',
        position++,
        phone.value,
        phone.e164,
        phone.valid ? 1 : 0,
      );
      written.phones.push(phone);
    }
    return written;
  }

  /**
   * Sets the customer's tags to `tagIds`. Links to hidden (deleted) tags are kept unless
   * `exactly` is set: a form that never showed them must not erase them, or restoring the tag
   * would no longer bring it back on this customer.
   */
  setTags(customerId: number, tagIds: number[], options: { exactly?: boolean } = {}): void {
    if (options.exactly) this.statements.deleteTags.run(customerId);
    else this.statements.deleteLiveTags.run(customerId);
    for (const tagId of tagIds) this.statements.insertTag.run(customerId, tagId);
  }

  /** Rewrites the customer's full-text row from what is stored now. */
  reindex(customerId: number): void {
    const source = this.statements.searchSource.get(customerId) as
      | {
          name: string;
          company: string | null;
          wechat: string | null;
          notes: string | null;
          emails: string | null;
        }
      | undefined;
    this.removeFromIndex(customerId);
    if (!source) return;
    const phones = (
      this.statements.phonesOf.all(customerId) as { value: string; e164: string | null; valid: number }[]
    ).map((row): NormalizedPhone => ({ value: row.value, e164: row.e164, valid: row.valid === 1 }));
    this.index(customerId, {
      ...source,
      contacts: contactsText(source.emails ? [source.emails] : [], phones),
    });
  }

  /**
   * For many inserts in one transaction (an import): the search rows are written in one pass
   * after the customers rather than interleaved with them, which more than halves their cost
   * (the full-text index's pages stay in the cache). Call `endBulk` before the transaction ends.
   */
  beginBulk(): void {
    this.pendingIndex = [];
  }

  /**
   * Writes the search rows held back since `beginBulk`, their documents from `source` (an import
   * makes them on a second thread); `written` is called after each (progress, cancel).
   */
  endBulk(written?: () => void, source: SearchDocumentSource = searchDocumentsHere): void {
    const pending = this.pendingIndex ?? [];
    this.pendingIndex = null;
    // FTS5 flushes its pending terms to a new segment (and merges segments) each time they pass
    // `hashsize`, 1 MB by default; for a bulk load a larger buffer means fewer, larger segments
    // (~20 % less time for 100,000 customers). 4 MB did as well as 8 MB within the noise, with
    // ~8 MB less at the import's peak. The setting is stored with the table: restored after.
    const bulk = pending.length >= BULK_HASH_ROWS;
    if (bulk) this.setSearchHashSize(BULK_HASH_BYTES);
    const made = source.documents(pending.length, (row) => pending[row]!.source)[Symbol.iterator]();
    for (let i = 0; i < pending.length; i++) {
      const { id, source } = pending[i]!;
      const document = made.next();
      if (document.done) throw new Error(`No search document for row ${i} of ${pending.length}`);
      this.index(id, source, document.value);
      // Let the written entry go: the plan is still alive, its search sources need not be.
      pending[i] = undefined as never;
      written?.();
    }
    if (bulk) this.setSearchHashSize(DEFAULT_HASH_BYTES);
  }

  private setSearchHashSize(bytes: number): void {
    // A bound JS number is a REAL, which FTS5 refuses for an integer setting: written out instead.
    for (const table of ['customer_search', 'customer_short_search']) {
      this.sqlite.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`);
    }
  }

  /** Writes the search rows of a customer that has none. */
  private index(
    customerId: number,
    source: SearchSource,
    document: SearchDocument = searchDocumentOf(source),
  ): void {
    this.statements.insertSearch.run(
      customerId,
      source.name,
      document.pinyin,
      source.company ?? '',
      source.contacts,
      source.wechat ?? '',
      source.notes ?? '',
    );
    this.statements.insertShortSearch.run(customerId, document.starts, document.grams);
  }

  removeFromIndex(customerId: number): void {
    this.statements.deleteSearch.run(customerId);
    this.statements.deleteShortSearch.run(customerId);
  }

  /** Adds a line to the customer's timeline (stage changes, tags, merges). */
  recordEvent(
    customerId: number,
    kind: string,
    at: number,
    data: Record<string, unknown> = {},
    batchId: number | null = null,
  ): void {
    this.statements.insertEvent.run(customerId, kind, at, JSON.stringify(data), batchId);
  }

  /**
   * Fills what a customer saved by an older version lacks (sort key, contact rows, search row).
   * Migrations are SQL and cannot compute pinyin, so this runs at open; it finds nothing to do
   * once every row has a sort key.
   */
  backfill(region: string | null): number {
    const stale = this.sqlite
      .prepare("SELECT id, name, email, phone FROM customers WHERE name_sort = ''")
      .all() as { id: number; name: string; email: string | null; phone: string | null }[];
    if (stale.length === 0) return 0;
    const setSortKey = this.sqlite.prepare('UPDATE customers SET name_sort = ? WHERE id = ?');
    this.sqlite.transaction(() => {
      for (const row of stale) {
        setSortKey.run(nameSortKey(row.name), row.id);
        this.setContacts(row.id, row.email ? [row.email] : [], row.phone ? [row.phone] : [], region);
        this.reindex(row.id);
      }
    })();
    return stale.length;
  }
}
