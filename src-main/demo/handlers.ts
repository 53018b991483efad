import type Database from 'better-sqlite3';
import type { HandlerSlice } from '../backend/dispatcher';
import type { Clock } from '../core/clock';
import type { EventHub } from '../core/events';
import type { SettingsService } from '../settings/service';
import { generateDemo } from './generate';

export function demoHandlers(deps: {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
}): HandlerSlice<'demo.load'> {
  return {
    // Runs synchronously on the caller's thread for now: in the desktop app that is the Electron
    // main thread. The first-run button loads 300 customers (~0.15 s); a large demo is the CLI's
    // job, where blocking is fine. A large load from the window would need a worker thread.
    'demo.load': ({ customers, ordersPerCustomer, seed }) => {
      const counts = generateDemo(
        { sqlite: deps.sqlite, settings: deps.settings.get() },
        { customers, ordersPerCustomer, seed, now: deps.clock.now() },
      );
      deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      deps.events.emit({ type: 'data.changed', payload: { entity: 'tags' } });
      return counts;
    },
  };
}
