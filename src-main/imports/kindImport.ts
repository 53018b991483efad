import type Database from 'better-sqlite3';
import type { ImportOptions, Settings } from '../../src-shared/contract';
import type { JobContext } from '../jobs/context';
import type { CellContext } from './cells';
import type { MappedRow } from './columns';
import type { CustomFieldInfo } from './customers/customerDraft';

/** What one kind of import (customers, orders, conversations) does with the rows of a file. */
export interface KindImport {
  /** Reads and plans one row; throws RowRejected when the row cannot be imported. */
  add(row: MappedRow): void;
  /** Called once after the last row. */
  finish(): void;
  /** Hears of every refused row (after `add` threw, or before it was tried). */
  rowRejected?(row: MappedRow): void;
  /**
   * After `finish`, when rows the importer accepted were given up on since (their invoice lost a
   * line): tells such a row by the target to name in the reason (null for the others). Null when
   * there are none, so the file is not read a second time for nothing.
   */
  voidedRows?(): ((row: MappedRow) => string | null) | null;
  counts(): KindCounts;
  /**
   * Writes the plan inside the caller's transaction; returns the tags it had to create (undo
   * removes them). The plan is used up: what has been written may be let go on the way (counts
   * must be read before).
   */
  commit(write: CommitContext): { createdTagIds: number[] };
}

export interface KindCounts {
  create: number;
  update: number;
  skip: number;
  refunds: number;
  customersCreated: number;
}

export interface CommitContext {
  now: number;
  batchId: number;
  importId: number;
  progress(done: number, total: number): void;
  checkCancelled(): void;
  /** The job's helper threads, where it has them (jobs/context.ts). */
  startHelper?: JobContext['startHelper'];
}

export interface KindImportContext {
  sqlite: Database.Database;
  options: ImportOptions;
  settings: Settings;
  region: string | null;
  cells: CellContext;
  customFields: Map<number, CustomFieldInfo>;
  today: string;
}

/** Row progress and cancel checks while writing, every this many rows. */
export const WRITE_CHECK_EVERY = 500;
