import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AnalyticsRun } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { cancelJob, NO_PROGRESS, type JobProgress } from '../imports/runJob';
import type { Dashboard } from './dashboardKpis';

export interface AnalyticsState {
  /** The latest finished run; it stays while a new one computes. Null before the first. */
  run: AnalyticsRun | null;
  dashboard: Dashboard | null;
  /** The run being computed now — the owner's or an automatic one — and how far it is. */
  job: { jobId: string; progress: JobProgress } | null;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  /** The latest run and the home page's figures (on arrival, and after every `analytics` change). */
  load: () => Promise<void>;
  ensureLoaded: () => Promise<void>;
  /** "Run now": always computes; failures and a cancel end in a toast. */
  runNow: () => Promise<void>;
  cancel: () => Promise<void>;
}

function toastError(error: unknown): void {
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
}

export function createAnalyticsStore(api: ApiClient) {
  // Pushes and "Run now" overlap: only the newest load may write.
  let latest = 0;
  // The run this page started: a load that raced ahead of its first progress must not hide its bar.
  let ownJobId: string | null = null;
  // Runs known to have ended: a progress event that arrives late must not bring their bar back.
  const ended = new Set<string>();

  const store = createStore<AnalyticsState>()((set, get) => {
    const load = async () => {
      const request = ++latest;
      set({ loading: true });
      try {
        const [answer, dashboard] = await Promise.all([
          api.invoke('analytics.latest', {}),
          api.invoke('analytics.dashboard', {}),
        ]);
        if (request !== latest) return;
        const runningJobId = answer.runningJobId ?? ownJobId;
        const current = get().job;
        if (current && current.jobId !== runningJobId) ended.add(current.jobId);
        const job =
          runningJobId === null
            ? null
            : current?.jobId === runningJobId
              ? current
              : { jobId: runningJobId, progress: NO_PROGRESS };
        set({ run: answer.run, dashboard, job, loaded: true, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };

    return {
      run: null,
      dashboard: null,
      job: null,
      loaded: false,
      loading: false,
      error: null,
      load,
      ensureLoaded: async () => {
        if (!get().loaded && !get().loading) await load();
      },

      runNow: async () => {
        if (get().job) return;
        const jobId = crypto.randomUUID();
        ownJobId = jobId;
        set({ job: { jobId, progress: NO_PROGRESS } });
        try {
          const run = await api.invoke('analytics.run', { jobId });
          set({ run });
          showToast({ message: 'analytics.toast.done' });
        } catch (error) {
          const failure = toApiError(error);
          if (failure.code === 'CANCELLED') showToast({ message: 'analytics.toast.cancelled' });
          else if (failure.code === 'CONFLICT') showToast({ message: 'analytics.toast.alreadyRunning' });
          else toastError(error);
        } finally {
          ownJobId = null;
          ended.add(jobId);
          if (get().job?.jobId === jobId) set({ job: null });
          await load();
        }
      },

      cancel: () => cancelJob(api, get().job),
    };
  });

  // Progress of any analytics run (the doors also start them on their own, after changes).
  api.onEvent((event) => {
    if (event.type !== 'jobs.progress' || event.payload.phase !== 'analyzing') return;
    const { jobId, phase, done, total } = event.payload;
    const current = store.getState().job;
    if (ended.has(jobId) || (current && current.jobId !== jobId)) return;
    // The last stage reported means done: the run's own `data.changed` takes the bar away.
    store.setState({ job: { jobId, progress: { phase, done, total } } });
  });
  return store;
}

export function useAnalyticsStore<T>(selector: (state: AnalyticsState) => T): T {
  return useStore(useAppStores().analytics, selector);
}
