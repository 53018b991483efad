import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import type { JOB_PHASES } from '../../src-shared/contract/events';

export type JobPhase = (typeof JOB_PHASES)[number];

/**
 * What a job running in the worker gets: its own connection to the database file, the clock,
 * a progress reporter (throttled by the runner) and the cancel check. A job that sees
 * `checkCancelled()` throw lets the error propagate: its transaction rolls back.
 */
export interface JobContext {
  sqlite: Database.Database;
  clock: Clock;
  /** The data folder (staged uploads live in it). */
  dataDir: string;
  progress(phase: JobPhase, done: number, total: number): void;
  checkCancelled(): void;
}
