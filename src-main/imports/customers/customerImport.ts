import type { KindCounts, CommitContext, KindImport, KindImportContext } from '../kindImport';
import { WRITE_CHECK_EVERY } from '../kindImport';
import type { MappedRow } from '../columns';
import { readCustomerDraft, type CustomerReadContext } from './customerDraft';
import { CustomerPlanner, type PlannedCustomer } from './customerPlan';
import { deferIndexes } from '../../db/bulkLoad';
import { CustomerStateWriter } from './customerWrites';
import { SearchDocumentHelper } from './searchDocumentHelper';

const BULK_CREATE_THRESHOLD = 20_000;
/** The uniqueness check, and the index updates look contacts up by. */
const KEPT_INDEXES = ['customers_uid_unique', 'customer_contacts_customer_idx'];

/** Customers from a file: create, update by policy, or skip; updates keep a before-image for undo. */
export class CustomerImport implements KindImport {
  private readonly planner: CustomerPlanner;
  private readonly readContext: CustomerReadContext;

  constructor(private readonly context: KindImportContext) {
    this.planner = new CustomerPlanner(
      context.sqlite,
      { matchBy: context.options.matchBy, onMatch: context.options.onMatch, region: context.region },
      context.cells.problems,
    );
    // The cell context is shared, not copied: the date order it holds may be settled later.
    this.readContext = Object.assign(context.cells, {
      settings: context.settings,
      customFields: context.customFields,
      today: context.today,
    });
  }

  add(row: MappedRow): void {
    this.planner.add(readCustomerDraft(row, this.readContext));
  }

  finish(): void {
    this.planner.finish();
  }

  counts(): KindCounts {
    return {
      create: this.planner.creates.length,
      update: this.planner.updates.size,
      skip: this.planner.skipped,
      refunds: 0,
      customersCreated: this.planner.creates.length,
    };
  }

  commit(write: CommitContext): { createdTagIds: number[] } {
    const { sqlite, region } = this.context;
    const writer = new CustomerStateWriter(sqlite, region);
    const newTags = new Map<string, number>();
    const resolveTags = (planned: PlannedCustomer) => {
      for (const name of planned.newTagNames) {
        const key = name.normalize('NFKC').trim().toLowerCase();
        let id = newTags.get(key);
        if (id === undefined) newTags.set(key, (id = writer.createTag(name, write.now)));
        if (!planned.state.tagIds.includes(id)) planned.state.tagIds.push(id);
      }
    };
    const saveBefore = sqlite.prepare(
      'INSERT INTO import_updates (import_id, customer_id, before, written_at) VALUES (?, ?, ?, ?)',
    );
    // Past ~30,000 rows, keeping every index current row by row means random page writes that no
    // longer fit the cache: build them once at the end instead (what the demo loader does).
    const rebuildIndexes =
      this.planner.creates.length > BULK_CREATE_THRESHOLD
        ? deferIndexes(sqlite, ['customers', 'customer_contacts'], KEPT_INDEXES)
        : null;
    // Each new customer is a step twice: its row and contacts, then (after all of them) its search rows.
    const total = 2 * this.planner.creates.length + this.planner.updates.size;
    let done = 0;
    const step = () => {
      if (++done % WRITE_CHECK_EVERY === 0) {
        write.checkCancelled();
        write.progress(done, total);
      }
    };
    const { creates } = this.planner;
    const searchDocuments =
      creates.length > BULK_CREATE_THRESHOLD ? SearchDocumentHelper.start(write.startHelper) : null;
    try {
      writer.records.beginBulk();
      for (let i = 0; i < creates.length; i++) {
        const planned = creates[i]!;
        resolveTags(planned);
        writer.create(planned.state, write);
        // Written: what the search rows still need is held by the writer; the rest of this
        // customer's plan can go (100,000 of them are ~50 MB the commit would otherwise carry).
        creates[i] = undefined as never;
        step();
      }
      writer.records.endBulk(step, searchDocuments ?? undefined);
    } finally {
      searchDocuments?.stop();
    }
    for (const update of this.planner.updates.values()) {
      resolveTags(update);
      saveBefore.run(write.importId, update.customerId, JSON.stringify(update.before), write.now);
      writer.overwrite(update.customerId, update.state, write.now);
      step();
    }
    rebuildIndexes?.();
    write.progress(total, total);
    return { createdTagIds: [...newTags.values()] };
  }
}
