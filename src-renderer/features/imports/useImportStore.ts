import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  Delimiter,
  ImportKind,
  ImportOptionsInput,
  ImportPreview,
  ImportSummary,
  ImportTemplate,
  TextEncoding,
} from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { mappingReducer, type Mapping, type MappingAction } from './mappingState';
import { cancelJob, NO_PROGRESS, runJob, type JobProgress } from './runJob';
import { uploadFile } from './uploadFile';

export const IMPORT_STEPS = ['file', 'reading', 'mapping', 'check', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** How the file is read; anything left out is detected by the backend. */
export interface ReadSettings {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  headerRow?: number;
}

export interface RunningJob {
  jobId: string;
  mode: 'dryRun' | 'commit';
  progress: JobProgress;
}

export interface ImportState {
  step: ImportStep;
  kind: ImportKind;
  /** The staged file: chosen and uploaded. */
  file: { fileId: string; fileName: string } | null;
  /** Bytes sent so far while a file uploads. */
  upload: { done: number; total: number } | null;
  reading: ReadSettings;
  preview: ImportPreview | null;
  previewing: boolean;
  mapping: Mapping;
  options: ImportOptionsInput;
  templates: ImportTemplate[];
  job: RunningJob | null;
  /** The last dry run, for the Check step. */
  checked: ImportSummary | null;
  /** The committed import, for the Result step. */
  committed: ImportSummary | null;
  /** What went wrong on the current step (shown there, translated). */
  error: ApiError | null;
  setKind: (kind: ImportKind) => void;
  /** Uploads and previews a file; on success the wizard moves to Reading. */
  chooseFile: (file: File) => Promise<void>;
  /** Reads the staged file again with other settings (encoding, delimiter, header row). */
  reread: (patch: ReadSettings) => Promise<void>;
  goTo: (step: ImportStep) => void;
  updateMapping: (action: MappingAction) => void;
  setOptions: (patch: Partial<ImportOptionsInput>) => void;
  loadTemplates: () => Promise<void>;
  applyTemplate: (id: number) => void;
  /** Saves the current mapping and options under a name; rejects with an ApiError for the form. */
  saveTemplate: (name: string) => Promise<void>;
  /** The dry run: nothing is written. */
  check: () => Promise<void>;
  commit: () => Promise<void>;
  cancel: () => Promise<void>;
  /** Back to an empty File step, keeping the kind. */
  startOver: () => void;
}

const EMPTY = {
  step: 'file' as const,
  file: null,
  upload: null,
  reading: {},
  preview: null,
  previewing: false,
  mapping: [],
  options: {},
  job: null,
  checked: null,
  committed: null,
  error: null,
};

export function createImportStore(api: ApiClient) {
  return createStore<ImportState>()((set, get) => {
    const preview = async (fileId: string, kind: ImportKind, reading: ReadSettings) => {
      // A newer preview (another file, kind or setting) may start meanwhile: only the latest one counts.
      const current = () => {
        const state = get();
        return state.file?.fileId === fileId && state.kind === kind && state.reading === reading;
      };
      set({ previewing: true, error: null });
      try {
        const result = await api.invoke('imports.preview', { fileId, kind, ...reading });
        if (!current()) return false;
        set({ preview: result, mapping: result.mapping, previewing: false, checked: null });
        return true;
      } catch (error) {
        if (current()) set({ previewing: false, error: toApiError(error) });
        return false;
      }
    };

    /** Everything a dry run and a commit of the same file share. */
    const runInput = (jobId: string) => {
      const { file, kind, preview: read, mapping, options } = get();
      if (!file || !read) return null;
      return {
        fileId: file.fileId,
        kind,
        encoding: read.encoding,
        delimiter: read.delimiter,
        headerRow: read.headerRow,
        jobId,
        mapping: [...mapping],
        options,
      };
    };

    const run = async (mode: RunningJob['mode']) => {
      if (get().job) return;
      const jobId = crypto.randomUUID();
      const input = runInput(jobId);
      if (!input) return;
      set({ job: { jobId, mode, progress: NO_PROGRESS }, error: null });
      const onProgress = (progress: JobProgress) => {
        const job = get().job;
        if (job?.jobId === jobId) set({ job: { ...job, progress } });
      };
      try {
        const summary = await runJob(
          api,
          jobId,
          () => api.invoke(mode === 'dryRun' ? 'imports.dryRun' : 'imports.commit', input),
          onProgress,
        );
        set(
          mode === 'dryRun'
            ? { job: null, checked: summary }
            : { job: null, committed: summary, step: 'result' },
        );
      } catch (error) {
        const failure = toApiError(error);
        if (failure.code === 'CANCELLED') {
          // A cancelled dry run returns to the mapping; a cancelled commit to its (still valid) check.
          set({ job: null, step: mode === 'dryRun' ? 'mapping' : 'check' });
          showToast({
            message: mode === 'dryRun' ? 'imports.toast.checkCancelled' : 'imports.toast.importCancelled',
          });
        } else {
          set({ job: null, error: failure });
        }
      }
    };

    return {
      ...EMPTY,
      kind: 'customers',
      templates: [],

      setKind: (kind) => {
        const { file, reading } = get();
        set({ kind, templates: [] });
        // The suggestions depend on the kind: read the staged file again for the new one.
        if (file) void preview(file.fileId, kind, reading);
      },

      chooseFile: async (chosen) => {
        if (get().upload) return;
        const kind = get().kind;
        set({ ...EMPTY, upload: { done: 0, total: chosen.size } });
        let fileId: string;
        try {
          fileId = await uploadFile(api, chosen, (done, total) => set({ upload: { done, total } }));
        } catch (error) {
          set({ upload: null, error: toApiError(error) });
          return;
        }
        const reading: ReadSettings = {};
        set({ upload: null, file: { fileId, fileName: chosen.name }, reading });
        if (await preview(fileId, kind, reading)) set({ step: 'reading' });
        // A file the backend refuses (Excel, binary, empty) is chosen again from scratch.
        else if (get().error && get().file?.fileId === fileId) set({ file: null });
      },

      reread: async (patch) => {
        const file = get().file;
        if (!file) return;
        const reading = { ...get().reading, ...patch };
        set({ reading });
        await preview(file.fileId, get().kind, reading);
      },

      goTo: (step) => set({ step, error: null }),

      updateMapping: (action) => set({ mapping: mappingReducer(get().mapping, action), checked: null }),

      setOptions: (patch) => set({ options: { ...get().options, ...patch }, checked: null }),

      loadTemplates: async () => {
        const kind = get().kind;
        try {
          const templates = await api.invoke('importTemplates.list', { kind });
          if (get().kind === kind) set({ templates });
        } catch (error) {
          showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
        }
      },

      applyTemplate: (id) => {
        const { templates, preview: read, options } = get();
        const template = templates.find((candidate) => candidate.id === id);
        if (!template || !read) return;
        const headers = read.columns.map((column) => column.header);
        set({
          mapping: mappingReducer(get().mapping, { type: 'template', template, headers }),
          options: { ...options, ...template.options },
          checked: null,
        });
        showToast({ message: 'imports.toast.templateApplied', params: { name: template.name } });
      },

      saveTemplate: async (name) => {
        const { kind, preview: read, mapping, options } = get();
        if (!read) return;
        const saved = await api.invoke('importTemplates.save', {
          name,
          kind,
          headers: read.columns.map((column) => column.header),
          mapping: [...mapping],
          options,
        });
        showToast({ message: 'imports.toast.templateSaved', params: { name: saved.name } });
        await get().loadTemplates();
      },

      check: async () => {
        set({ step: 'check', checked: null });
        await run('dryRun');
      },

      commit: () => run('commit'),

      cancel: () => cancelJob(api, get().job),

      startOver: () => set({ ...EMPTY }),
    };
  });
}

export function useImportStore<T>(selector: (state: ImportState) => T): T {
  return useStore(useAppStores().imports, selector);
}
