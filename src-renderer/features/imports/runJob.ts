import type { ChannelOutput, JOB_PHASES } from '../../../src-shared/contract';
import type { ApiClient } from '../../api';

export interface JobProgress {
  phase: (typeof JOB_PHASES)[number] | null;
  done: number;
  total: number;
}

export const NO_PROGRESS: JobProgress = { phase: null, done: 0, total: 0 };

/**
 * Runs a long job (dry run, commit, export) under a client-chosen id, reporting the backend's
 * `jobs.progress` events for that id while it runs. The id is known before the call starts, so
 * Cancel can name the job at once.
 */
export async function runJob<T>(
  api: ApiClient,
  jobId: string,
  start: () => Promise<T>,
  onProgress: (progress: JobProgress) => void,
): Promise<T> {
  const stop = api.onEvent((event) => {
    if (event.type !== 'jobs.progress' || event.payload.jobId !== jobId) return;
    const { phase, done, total } = event.payload;
    onProgress({ phase, done, total });
  });
  try {
    return await start();
  } finally {
    stop();
  }
}

/** Asks the backend to stop a job; the job's own call then rejects with CANCELLED. */
export function cancelJob(api: ApiClient, jobId: string): Promise<ChannelOutput<'jobs.cancel'>> {
  return api.invoke('jobs.cancel', { jobId });
}
