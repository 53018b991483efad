import type {
  ChannelOutput,
  DownloadFile,
  ImportSummary,
  Language,
  ParsedInput,
  Settings,
} from '../../src-shared/contract';
import type { AnalyticsJob, AnalyticsJobResult } from '../insights/runAnalytics';
import type { ImportJob } from '../imports/runImport';
import type { UndoImportJob } from '../imports/undoImport';
import type { JobContext } from './context';

export interface ExportJob {
  type: 'export';
  input: ParsedInput<'exports.run'>;
  env: { language: Language };
}

export interface DemoJob {
  type: 'demo';
  input: ParsedInput<'demo.load'>;
  env: { settings: Settings };
}

/** Everything the worker can be asked to do; each is a plain function of a JobContext. */
export type Job = ImportJob | UndoImportJob | ExportJob | DemoJob | AnalyticsJob;

export type JobResult<J extends Job> = J extends ImportJob
  ? ImportSummary
  : J extends UndoImportJob
    ? { importId: number; restored: number; kept: number }
    : J extends DemoJob
      ? ChannelOutput<'demo.load'>
      : J extends AnalyticsJob
        ? AnalyticsJobResult
        : DownloadFile;

/**
 * Each kind of job loads only its own code: a worker starts for every job, and an analytics run
 * has no use for the importer's phone metadata and pinyin dictionary (~0.5 s of loading).
 */
export async function runJob(ctx: JobContext, job: Job): Promise<unknown> {
  switch (job.type) {
    case 'import':
      return (await import('../imports/runImport')).runImport(ctx, job);
    case 'undoImport':
      return (await import('../imports/undoImport')).undoImport(ctx, job);
    case 'export':
      return (await import('../exports/runExport')).runExport(ctx, job.input, job.env);
    case 'analytics':
      return (await import('../insights/runAnalytics')).runAnalytics(ctx, job);
    case 'demo': {
      const { generateDemo } = await import('../demo/generate');
      return generateDemo(
        { sqlite: ctx.sqlite, settings: job.env.settings },
        { ...job.input, now: ctx.clock.now() },
      );
    }
  }
}
