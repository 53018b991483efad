import type { Settings } from '../../src-shared/contract';
import type { HandlerSlice } from '../backend/dispatcher';
import type { EventHub } from '../core/events';
import type { JobRunner } from '../jobs/runner';
import type { ImportTemplates } from './mapping/templates';
import type { ImportService } from './service';

type ImportChannel =
  | 'imports.upload'
  | 'imports.preview'
  | 'imports.dryRun'
  | 'imports.commit'
  | 'imports.list'
  | 'imports.undo'
  | 'imports.rejects'
  | 'importTemplates.list'
  | 'importTemplates.save'
  | 'importTemplates.delete'
  | 'exports.run'
  | 'jobs.cancel';

export function importHandlers(deps: {
  imports: ImportService;
  templates: ImportTemplates;
  jobs: JobRunner;
  settings: { get(): Settings };
  events: EventHub;
}): HandlerSlice<ImportChannel> {
  const { imports, templates, jobs, settings, events } = deps;
  const announced = <T>(result: T): T => {
    events.emit({ type: 'data.changed', payload: { entity: 'imports' } });
    return result;
  };
  return {
    'imports.upload': (input) => imports.upload(input),
    'imports.preview': (input) => imports.preview(input),
    'imports.dryRun': (input) => imports.run(input, true),
    'imports.commit': (input) => imports.run(input, false),
    'imports.list': () => imports.list(),
    'imports.undo': ({ importId }) => imports.undo(importId),
    'imports.rejects': ({ importId, language }) => imports.rejects(importId, language),
    'importTemplates.list': ({ kind }) => templates.list(kind),
    'importTemplates.save': (input) => announced(templates.save(input)),
    'importTemplates.delete': ({ id }) => announced(templates.delete(id)),
    'exports.run': (input) =>
      jobs.run(input.jobId, {
        type: 'export',
        input,
        env: { language: input.language ?? settings.get().language ?? 'zh-CN' },
      }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
