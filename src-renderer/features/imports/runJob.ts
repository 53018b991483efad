import type { JOB_PHASES } from '../../../src-shared/contract';
import { toApiError, type ApiClient } from '../../api';
import { showToast } from '../../components/useToastStore';

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

/**
 * Asks the backend to stop the running job, if any; the job's own call then rejects with CANCELLED.
 * A refused cancel is shown as a toast: the job goes on and its progress bar stays.
 */
export async function cancelJob(api: ApiClient, job: { jobId: string } | null): Promise<void> {
  if (!job) return;
  try {
    await api.invoke('jobs.cancel', { jobId: job.jobId });
  } catch (error) {
    showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
  }
}
