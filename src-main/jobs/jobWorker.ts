import { parentPort } from 'node:worker_threads';
import { AppError, fromUnknown } from '../core/errors';
import { openWorkerConnection } from '../db/connection';
import type { JobContext, JobPhase } from './context';
import { runJob } from './jobs';
import type { WorkerInput, WorkerMessage } from './runner';
import { startWorker } from './startWorker';

/** Progress is sent at most this often; the last figure of a phase always goes out. */
const PROGRESS_EVERY_MS = 100;

/** A job in its worker thread (jobs/worker.ts): its own connection, progress, cancel, helpers. */
export async function runJobWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const cancelFlag = new Int32Array(input.cancelFlag);

  const sqlite = openWorkerConnection(input.dbFile);
  // A commit past 1,000 WAL pages also copies the whole WAL into the database file (SQLite's
  // automatic checkpoint): a third of a second after an import of 100,000 customers, with the rows
  // already safe in the WAL. This connection checkpoints once the owner has heard the job ended.
  sqlite.pragma('wal_autocheckpoint = 0');
  let lastSent = 0;
  const context: JobContext = {
    sqlite,
    clock: { now: () => input.now },
    dataDir: input.dataDir,
    progress(phase: JobPhase, done: number, total: number) {
      const now = Date.now();
      if (now - lastSent < PROGRESS_EVERY_MS && done < total) return;
      lastSent = now;
      post({ type: 'progress', phase, done, total });
    },
    checkCancelled() {
      if (Atomics.load(cancelFlag, 0) === 1)
        throw new AppError('CANCELLED', 'Cancelled. Nothing was changed.');
    },
    startHelper: (data, transferList, resourceLimits) =>
      startWorker(input.workerFile, data, { transferList, resourceLimits }),
  };

  let message: WorkerMessage;
  try {
    message = { type: 'done', result: await runJob(context, input.job) };
  } catch (error) {
    const appError = fromUnknown(error);
    const detail = appError.code === 'INTERNAL' ? String((error as Error)?.stack ?? error) : undefined;
    message = { type: 'failed', error: appError.toBody(), detail };
  } finally {
    // A failed or cancelled job's open transaction rolls back here, before anyone hears it ended,
    // so a save right after a Cancel never meets a lock still held.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
  post(message);
  // PASSIVE: never waits for, nor blocks, the app's own reads and writes meanwhile.
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  sqlite.close();
}
