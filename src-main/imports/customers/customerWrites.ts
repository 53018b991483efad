import type Database from 'better-sqlite3';
import { newUid } from '../../core/uid';
import type { CustomerFieldsParsed, CustomerScalarField } from '../../../src-shared/contract';
import { CustomerRecords, SCALAR_COLUMNS, scalarColumn } from '../../customers/records';
import { nameSortKey } from '../../customers/sortKey';
import type { CustomerState } from './existingCustomers';

/** A new tag an import names gets this colour; the owner can change it in Settings. */
const IMPORTED_TAG_COLOR = '#64748b';

/**
 * The customer writes an import and its undo need, over CustomerRecords so contacts, tags and
 * the search rows stay derived exactly as the forms derive them.
 */
export class CustomerStateWriter {
  readonly records: CustomerRecords;
  private readonly update;
  private readonly insertTag;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly region: string | null,
  ) {
    this.records = new CustomerRecords(sqlite);
    const assignments = SCALAR_COLUMNS.map((column) => `${column} = @${column}`).join(', ');
    this.update = sqlite.prepare(
      `UPDATE customers SET ${assignments}, external_id = @external_id, custom_values = @custom_values,
         name_sort = @name_sort, consent_at = @consent_at, updated_at = @updated_at WHERE id = @id`,
    );
    this.insertTag = sqlite.prepare(
      'INSERT INTO tags (uid, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)',
    );
  }

  create(state: CustomerState, context: { now: number; batchId: number }): number {
    return this.records.insert(fieldsOf(state), {
      now: context.now,
      region: this.region,
      externalId: state.externalId,
      batchId: context.batchId,
    });
  }

  /** Writes the whole state over customer `id`, stamping `updatedAt` (the import's now, or the before-image's time). */
  overwrite(id: number, state: CustomerState, updatedAt: number): void {
    const scalars = Object.fromEntries(
      Object.entries(state.scalars).map(([field, value]) => [scalarColumn(field as never), value]),
    );
    this.update.run({
      ...scalars,
      id,
      external_id: state.externalId,
      custom_values: JSON.stringify(state.custom),
      name_sort: nameSortKey(state.scalars.name ?? ''),
      // A consent the import changed is dated by the import; a restored one keeps its own date.
      consent_at:
        state.consentAt !== undefined
          ? state.consentAt
          : state.scalars.consent === 'unknown'
            ? null
            : updatedAt,
      updated_at: updatedAt,
    });
    this.records.setContacts(id, state.emails, state.phones, this.region);
    this.records.setTags(id, state.tagIds, { exactly: true });
    this.records.reindex(id);
  }

  createTag(name: string, now: number): number {
    return Number(this.insertTag.run(newUid(), now, now, name, IMPORTED_TAG_COLOR).lastInsertRowid);
  }
}

/**
 * Field by field rather than `{ ...state.scalars, ... }`: spreading and then adding properties
 * makes V8 rebuild the object's shape each time (~3 µs, a third of a second per 100,000 rows).
 * The type names every field, so a new one cannot be forgotten here.
 */
function fieldsOf(state: CustomerState): CustomerFieldsParsed {
  const scalars = state.scalars as Record<CustomerScalarField, string | null> & CustomerFieldsParsed;
  return {
    name: scalars.name ?? '',
    company: scalars.company,
    jobTitle: scalars.jobTitle,
    wechat: scalars.wechat,
    country: scalars.country,
    province: scalars.province,
    city: scalars.city,
    street: scalars.street,
    postcode: scalars.postcode,
    source: scalars.source,
    stage: scalars.stage,
    birthday: scalars.birthday,
    notes: scalars.notes,
    consent: (scalars.consent ?? 'unknown') as CustomerFieldsParsed['consent'],
    emails: state.emails,
    phones: state.phones,
    tagIds: state.tagIds,
    custom: state.custom,
  };
}
