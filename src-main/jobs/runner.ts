import type { Worker } from 'node:worker_threads';
import type { ErrorBody } from '../../src-shared/contract';
import { AppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { JobPhase } from './context';
import type { Job, JobResult } from './jobs';
import { startWorker } from './startWorker';

/** What the worker sends back: throttled progress, then exactly one `done` or `failed`. */
export type WorkerMessage =
  | { type: 'progress'; phase: JobPhase; done: number; total: number }
  | { type: 'done'; result: unknown }
  /** `detail`: the stack of an unexpected failure, for the log (never shown to the owner). */
  | { type: 'failed'; error: ErrorBody; detail?: string };

/** What the worker is started with (`workerData`). */
export interface WorkerInput {
  /** This worker's own file, which helper threads of the job run too. */
  workerFile: string;
  dbFile: string;
  dataDir: string;
  /** The job's "now": one instant for every row it writes, and the fake clock in tests. */
  now: number;
  job: Job;
  /** Int32 slot 0 becomes 1 when the owner cancels. */
  cancelFlag: SharedArrayBuffer;
}

/**
 * An analytics run first runs with this much old-generation heap. V8 collects only as the heap
 * nears its limit, which on a 24 GB laptop is ~4 GB: a run over 1,000,000 orders let ~150 MB of
 * dead arrays pile up before its first full collection, and the app's memory with it (peak
 * 547 MB; 430 MB capped, for 5 % more time). A run that truly needs more runs out of memory;
 * its connection closes with the worker, SQLite rolls back whatever it had open
 * (tests/integration/jobRunner.test.ts), and it runs once more under V8's own limit.
 * An import's plan is live data, so a tight cap would only collect it over and over. Its cap is
 * loose instead, ~5x what 100,000 customers hold: V8 grows the heap by larger steps the higher the
 * limit, and under 1 GB rather than ~4 GB the commit's peak was ~40 MB lower (334–374 MB against
 * 383–401, budget 400) in the same time (640 MB did no better). A bigger import runs again under V8's own limit.
 */
const ANALYTICS_HEAP_CAP_MB = 256;
const IMPORT_HEAP_CAP_MB = 1024;
const heapCapOf = (job: Job): number | undefined =>
  job.type === 'analytics' ? ANALYTICS_HEAP_CAP_MB : job.type === 'import' ? IMPORT_HEAP_CAP_MB : undefined;

const outOfMemory = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

const isCancelled = (running: Running) => Atomics.load(running.flag, 0) === 1;

/** After a cancel, a job stuck in one long statement is stopped by force; SQLite rolls it back. */
const FORCE_STOP_AFTER_MS = 10_000;

interface Running {
  /** The current attempt's worker (null only before the first one starts). */
  worker: Worker | null;
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
      /** The first attempt's heap cap per job (tests set a tiny one); default: analytics capped. */
      heapCapMb?: (job: Job) => number | undefined;
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
    const running: Running = { worker: null, flag: new Int32Array(cancelFlag), writes: writes(job) };
    this.running.set(jobId, running);
    const attempt = (heapLimitMb: number | undefined) =>
      this.attempt<J>(jobId, job, running, cancelFlag, heapLimitMb);
    const cap = (this.options.heapCapMb ?? heapCapOf)(job);
    return attempt(cap)
      .catch((error: unknown) => {
        // Every job is all-or-nothing (its transaction rolled back as the worker died), so
        // running it again is safe; unless it was cancelled or the backend is closing.
        const again =
          cap !== undefined &&
          outOfMemory(error) &&
          this.running.get(jobId) === running &&
          !isCancelled(running);
        if (!again) {
          if (!outOfMemory(error)) throw error;
          throw isCancelled(running)
            ? new AppError('CANCELLED', 'Cancelled. Nothing was changed.')
            : new AppError('INTERNAL', 'The background job ran out of memory. Nothing was changed.');
        }
        this.options.logger.warn(
          `background job needed more than ${cap} MB; running it again without the cap`,
          {
            type: job.type,
          },
        );
        return attempt(undefined);
      })
      .finally(() => {
        if (this.running.get(jobId) === running) this.running.delete(jobId);
      });
  }

  /** One worker for the job: resolves with its result, rejects with its failure. */
  private attempt<J extends Job>(
    jobId: string,
    job: J,
    running: Running,
    cancelFlag: SharedArrayBuffer,
    heapLimitMb: number | undefined,
  ): Promise<JobResult<J>> {
    const input: WorkerInput = {
      workerFile: this.options.workerFile,
      dbFile: this.options.dbFile,
      dataDir: this.options.dataDir,
      now: this.options.now(),
      job,
      cancelFlag,
    };
    const worker = startWorker(this.options.workerFile, input, {
      resourceLimits: heapLimitMb === undefined ? {} : { maxOldGenerationSizeMb: heapLimitMb },
    });
    running.worker = worker;
    return new Promise<JobResult<J>>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
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
        settle(() =>
          reject(
            isCancelled(running)
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
    const { worker } = job;
    if (!worker) return true;
    const timer = setTimeout(() => void worker.terminate(), FORCE_STOP_AFTER_MS);
    timer.unref();
    worker.once('exit', () => clearTimeout(timer));
    return true;
  }

  /** Stops every job (the backend is closing); their transactions roll back. */
  async stopAll(): Promise<void> {
    const workers = [...this.running.values()].flatMap((job) => (job.worker ? [job.worker] : []));
    this.running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
