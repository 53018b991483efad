import type Database from 'better-sqlite3';
import type { MessagePort, ResourceLimits, Worker } from 'node:worker_threads';
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
  /**
   * Starts a helper thread on the worker's own file, in the role `data.role` names (jobs/worker.ts);
   * absent where a job runs without a worker file. A helper is an accelerator: the job stops it.
   */
  startHelper?(data: { role: string }, transfer: MessagePort[], limits: ResourceLimits): Worker;
}
