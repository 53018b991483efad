import { randomUUID } from 'node:crypto';
import type { HandlerSlice } from '../backend/dispatcher';
import type { EventHub } from '../core/events';
import type { JobRunner } from '../jobs/runner';
import type { SettingsService } from '../settings/service';

export function demoHandlers(deps: {
  jobs: JobRunner;
  events: EventHub;
  settings: SettingsService;
}): HandlerSlice<'demo.load'> {
  return {
    // In the worker: 100,000 demo customers take most of a minute, which must not freeze the window.
    'demo.load': async (input) => {
      const counts = await deps.jobs.run(randomUUID(), {
        type: 'demo',
        input,
        env: { settings: deps.settings.get() },
      });
      deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      deps.events.emit({ type: 'data.changed', payload: { entity: 'tags' } });
      deps.events.emit({ type: 'data.changed', payload: { entity: 'deals' } });
      return counts;
    },
  };
}
