import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorBody } from '../../src-shared/contract';
import { AppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { JobPhase } from './context';
import type { Job, JobResult } from './jobs';

/** What the worker sends back: throttled progress, then exactly one `done` or `failed`. */
export type WorkerMessage =
  | { type: 'progress'; phase: JobPhase; done: number; total: number }
  | { type: 'done'; result: unknown }
  /** `detail`: the stack of an unexpected failure, for the log (never shown to the owner). */
  | { type: 'failed'; error: ErrorBody; detail?: string };

/** What the worker is started with (`workerData`). */
export interface WorkerInput {
  dbFile: string;
  dataDir: string;
  /** The job's "now": one instant for every row it writes, and the fake clock in tests. */
  now: number;
  job: Job;
  /** Int32 slot 0 becomes 1 when the owner cancels. */
  cancelFlag: SharedArrayBuffer;
}

/** After a cancel, a job stuck in one long statement is stopped by force; SQLite rolls it back. */
const FORCE_STOP_AFTER_MS = 10_000;

interface Running {
  worker: Worker;
  flag: Int32Array;
  writes: boolean;
}

/**
 * Jobs that change the owner's records. An analytics run writes only its own results, in one
 * short transaction at the end, so it never holds up an import (and is not held up by one).
 */
const writes = (job: Job) =>
  job.type === 'import' ? !job.dryRun : job.type !== 'export' && job.type !== 'analytics';

/**
 * Runs heavy jobs (imports, exports, undoing an import) in a worker thread with its own
 * database connection, so the Electron main thread (and the web door's event loop) stays free.
 * Jobs are keyed by a client-chosen id, which is what `jobs.cancel` names.
 */
export class JobRunner {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly options: {
      workerFile: string;
      dbFile: string;
      dataDir: string;
      now: () => number;
      logger: Logger;
      onProgress: (jobId: string, phase: JobPhase, done: number, total: number) => void;
    },
  ) {}

  run<J extends Job>(jobId: string, job: J): Promise<JobResult<J>> {
    if (this.running.has(jobId)) {
      return Promise.reject(new AppError('CONFLICT', `Job ${jobId} is already running.`));
    }
    // Two imports planned side by side would both create the same rows; an undo under a running
    // import would be written over. One writing job at a time; dry runs and exports only read.
    if (writes(job) && [...this.running.values()].some((running) => running.writes)) {
      return Promise.reject(
        new AppError(
          'CONFLICT',
          'Another import, undo or demo load is still running. Try again when it has finished.',
        ),
      );
    }
    const cancelFlag = new SharedArrayBuffer(4);
    const input: WorkerInput = {
      dbFile: this.options.dbFile,
      dataDir: this.options.dataDir,
      now: this.options.now(),
      job,
      cancelFlag,
    };
    const worker = startWorker(this.options.workerFile, input);
    this.running.set(jobId, { worker, flag: new Int32Array(cancelFlag), writes: writes(job) });
    return new Promise<JobResult<J>>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(jobId);
        outcome();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          this.options.onProgress(jobId, message.phase, message.done, message.total);
        } else if (message.type === 'done') {
          settle(() => resolve(message.result as JobResult<J>));
        } else {
          const { code, message: text, issues } = message.error;
          if (message.detail) this.options.logger.error(`background job failed`, message.detail);
          settle(() => reject(new AppError(code, text, issues)));
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => {
        const cancelled = Atomics.load(new Int32Array(cancelFlag), 0) === 1;
        settle(() =>
          reject(
            cancelled
              ? new AppError('CANCELLED', 'Cancelled. Nothing was changed.')
              : new AppError('INTERNAL', `The background job stopped unexpectedly (exit code ${code}).`),
          ),
        );
      });
    });
  }

  /** Asks a running job to stop; false when no job has that id (it already finished). */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    Atomics.store(job.flag, 0, 1);
    const timer = setTimeout(() => void job.worker.terminate(), FORCE_STOP_AFTER_MS);
    timer.unref();
    job.worker.once('exit', () => clearTimeout(timer));
    return true;
  }

  /** Stops every job (the backend is closing); their transactions roll back. */
  async stopAll(): Promise<void> {
    const workers = [...this.running.values()].map((job) => job.worker);
    this.running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * The built app runs out/main/worker.js. Tests run the TypeScript source, which plain Node cannot
 * load in a worker: there a one-line bootstrap registers tsx first.
 */
function startWorker(file: string, workerData: WorkerInput): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData });
  const url = JSON.stringify(pathToFileURL(file).href);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
