import type {
  ChannelOutput,
  DownloadFile,
  ImportSummary,
  Language,
  ParsedInput,
  Settings,
} from '../../src-shared/contract';
import { generateDemo } from '../demo/generate';
import { runAnalytics, type AnalyticsJob, type AnalyticsJobResult } from '../insights/runAnalytics';
import { runExport } from '../exports/runExport';
import { runImport, type ImportJob } from '../imports/runImport';
import { undoImport, type UndoImportJob } from '../imports/undoImport';
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

export async function runJob(ctx: JobContext, job: Job): Promise<unknown> {
  switch (job.type) {
    case 'import':
      return runImport(ctx, job);
    case 'undoImport':
      return undoImport(ctx, job);
    case 'export':
      return runExport(ctx, job.input, job.env);
    case 'analytics':
      return runAnalytics(ctx, job);
    case 'demo':
      return generateDemo(
        { sqlite: ctx.sqlite, settings: job.env.settings },
        { ...job.input, now: ctx.clock.now() },
      );
  }
}
