import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { DownloadFile, ExportInput } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { cancelJob, NO_PROGRESS, runJob, type JobProgress } from '../imports/runJob';

export interface ExportState {
  /** The export running now, if any. */
  job: { jobId: string; progress: JobProgress } | null;
  error: ApiError | null;
  /** Writes the file; resolves with it for the dialog to save, or null when cancelled or failed. */
  run: (input: Omit<ExportInput, 'jobId'>) => Promise<DownloadFile | null>;
  cancel: () => Promise<void>;
  clearError: () => void;
}

export function createExportStore(api: ApiClient) {
  return createStore<ExportState>()((set, get) => ({
    job: null,
    error: null,

    run: async (input) => {
      if (get().job) return null;
      const jobId = crypto.randomUUID();
      set({ job: { jobId, progress: NO_PROGRESS }, error: null });
      try {
        const file = await runJob(
          api,
          jobId,
          () => api.invoke('exports.run', { ...input, jobId }),
          (progress) => {
            if (get().job?.jobId === jobId) set({ job: { jobId, progress } });
          },
        );
        set({ job: null });
        return file;
      } catch (error) {
        const failure = toApiError(error);
        set({ job: null, error: failure.code === 'CANCELLED' ? null : failure });
        if (failure.code === 'CANCELLED') showToast({ message: 'exports.toast.cancelled' });
        return null;
      }
    },

    cancel: () => cancelJob(api, get().job),

    clearError: () => set({ error: null }),
  }));
}

export function useExportStore<T>(selector: (state: ExportState) => T): T {
  return useStore(useAppStores().exports, selector);
}
