import type Database from 'better-sqlite3';
import type { CustomerScalarField, ImportOptions } from '../../../src-shared/contract';
import { canonicalEmail, normalizePhone } from '../../customers/contacts';
import type { ProblemLog } from '../problemLog';
import type { CustomerDraft } from './customerDraft';
import {
  emptyCustomerState,
  ExistingCustomers,
  matchKeys,
  sameName,
  type CustomerState,
} from './existingCustomers';

/** A customer the import will write: its full state, plus tags it names that do not exist yet. */
export interface PlannedCustomer {
  state: CustomerState;
  /** A plain list, not a Set: almost always empty, and an empty Set costs ~300 bytes per customer. */
  newTagNames: string[];
  line: number;
}

export interface PlannedUpdate extends PlannedCustomer {
  customerId: number;
  before: CustomerState;
}

const fold = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/**
 * Decides, row by row, what the import does with each customer: create it, change an existing
 * one by the owner's policy (skip / fill empty fields / overwrite / create anyway), or skip it.
 * A customer named twice in the same file is flagged and the policy applies against the first.
 */
export class CustomerPlanner {
  readonly creates: PlannedCustomer[] = [];
  readonly updates = new Map<number, PlannedUpdate>();
  skipped = 0;
  private readonly existing: ExistingCustomers;
  private readonly inFile = new Map<string, PlannedCustomer>();
  private readonly tagIdsByName = new Map<string, number>();

  constructor(
    sqlite: Database.Database,
    private readonly options: Pick<ImportOptions, 'matchBy' | 'onMatch'> & { region: string | null },
    private readonly problems: ProblemLog,
  ) {
    this.existing = new ExistingCustomers(sqlite, options.matchBy);
    const tags = sqlite.prepare('SELECT id, name FROM tags WHERE deleted_at IS NULL ORDER BY id').all() as {
      id: number;
      name: string;
    }[];
    for (const tag of tags)
      if (!this.tagIdsByName.has(fold(tag.name))) this.tagIdsByName.set(fold(tag.name), tag.id);
  }

  add(draft: CustomerDraft): void {
    const { onMatch, matchBy, region } = this.options;
    const keys = matchKeys(draft, matchBy, region);
    const earlier = this.earlierInFile(draft, keys);
    if (earlier) this.problems.warn(draft.row.problem('duplicate_in_file', null));
    if (earlier && onMatch !== 'create') {
      if (onMatch === 'skip') this.skipped++;
      else this.merge(earlier, draft, onMatch);
      this.remember(keys, earlier);
      return;
    }
    const existingId =
      onMatch === 'create'
        ? null
        : this.existing.find(keys, { externalId: draft.externalId, name: draft.scalars.name });
    if (existingId !== null) {
      const already = this.updates.get(existingId);
      if (onMatch === 'skip' && !already) {
        this.skipped++;
        return;
      }
      const planned = already ?? this.startUpdate(existingId, draft.row.line);
      // `create` never gets here: it matched nothing on purpose.
      if (onMatch === 'fill' || onMatch === 'overwrite') this.merge(planned, draft, onMatch);
      this.remember(keys, planned);
      return;
    }
    const planned: PlannedCustomer = {
      state: emptyCustomerState(),
      newTagNames: [],
      line: draft.row.line,
    };
    this.merge(planned, draft, 'overwrite');
    this.creates.push(planned);
    this.remember(keys, planned);
  }

  /**
   * Updates that change nothing are skips: the dry run counts them that way. The lookups by match
   * key are done with: dropped, or they would keep every planned customer alive through the
   * commit, which lets each go as soon as it is written (~100 MB for 100,000 customers).
   */
  finish(): void {
    this.inFile.clear();
    this.existing.release();
    for (const [id, update] of this.updates) {
      if (!changed(update.before, update)) {
        this.updates.delete(id);
        this.skipped++;
      }
    }
  }

  /**
   * The customer an earlier row of the file planned under one of these keys: not one with
   * another external ID, and by phone only under the same name. A plain loop: this runs for
   * each of 100,000 rows, and the closure and arrays of a map/find were garbage each time.
   */
  private earlierInFile(draft: CustomerDraft, keys: string[]): PlannedCustomer | undefined {
    for (const key of keys) {
      const planned = this.inFile.get(key);
      if (planned === undefined) continue;
      const theirs = planned.state.externalId;
      if (draft.externalId && theirs && theirs !== draft.externalId) continue;
      if (key.startsWith('p:') && !sameName(draft.scalars.name, planned.state.scalars.name)) continue;
      return planned;
    }
    return undefined;
  }

  private startUpdate(customerId: number, line: number): PlannedUpdate {
    const before = this.existing.state(customerId);
    const planned: PlannedUpdate = {
      customerId,
      before,
      state: structuredClone(before),
      newTagNames: [],
      line,
    };
    this.updates.set(customerId, planned);
    return planned;
  }

  private remember(keys: string[], planned: PlannedCustomer) {
    for (const key of keys) if (!this.inFile.has(key)) this.inFile.set(key, planned);
  }

  /** `fill` sets only what is empty; `overwrite` lets every value the row has win. Lists gain entries. */
  private merge(planned: PlannedCustomer, draft: CustomerDraft, mode: 'fill' | 'overwrite') {
    const { state } = planned;
    const take = (current: unknown) =>
      mode === 'overwrite' || current === null || current === undefined || current === '';
    // for…in rather than Object.entries: no array of pairs per row (100,000 rows).
    for (const key in draft.scalars) {
      const field = key as CustomerScalarField;
      const value = draft.scalars[field]!;
      // `consent` is never empty ('unknown'): fill may only settle an unknown one.
      const current =
        field === 'consent' && state.scalars.consent === 'unknown' ? null : state.scalars[field];
      if (!take(current) || current === value) continue;
      state.scalars[field] = value;
      if (field === 'consent') delete state.consentAt;
    }
    if (draft.externalId !== null && take(state.externalId)) state.externalId = draft.externalId;
    for (const key in draft.custom) if (take(state.custom[key])) state.custom[key] = draft.custom[key]!;
    state.emails = withNew(state.emails, draft.emails, canonicalEmail);
    const phoneIdentity = (phone: string) => normalizePhone(phone, this.options.region).e164 ?? phone.trim();
    state.phones = withNew(state.phones, draft.phones, phoneIdentity);
    for (const name of draft.tagNames) {
      const id = this.tagIdsByName.get(fold(name));
      if (id === undefined) {
        if (!planned.newTagNames.includes(name)) planned.newTagNames.push(name);
      } else if (!state.tagIds.includes(id)) state.tagIds = [...state.tagIds, id];
    }
  }
}

/**
 * `list` with the entries of `more` it lacks (same identity), as a new array of exactly that
 * length: a plan holds 100,000 of these, and an array grown by push keeps room for 17.
 */
function withNew(list: string[], more: string[], identity: (value: string) => string): string[] {
  // A new customer's first row (most rows): its one value is all there is; the draft's own array
  // (exactly that long, and garbage otherwise) is kept.
  if (list.length === 0 && more.length <= 1) return more;
  const seen = new Set(list.map(identity));
  const added = more.filter((value) => {
    const key = identity(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return added.length === 0 ? list : list.concat(added);
}

function changed(before: CustomerState, planned: PlannedCustomer): boolean {
  if (planned.newTagNames.length > 0) return true;
  const { updatedAt: _before, ...a } = before;
  const { updatedAt: _after, ...b } = planned.state;
  return JSON.stringify(a) !== JSON.stringify(b);
}
