import type Database from 'better-sqlite3';
import { effectiveRegion } from '../../src-shared/contract';
import type { HandlerSlice } from '../backend/dispatcher';
import type { Clock } from '../core/clock';
import { invalidFields, notFound } from '../core/errors';
import type { SettingsService } from '../settings/service';
import type { DuplicateFinder } from './finder';
import type { CustomerMerge } from './merge';

export interface DuplicateHandlerDeps {
  sqlite: Database.Database;
  clock: Clock;
  settings: SettingsService;
  finder: DuplicateFinder;
  merge: CustomerMerge;
}

export function duplicateHandlers(
  deps: DuplicateHandlerDeps,
): HandlerSlice<'duplicates.check' | 'duplicates.list' | 'duplicates.dismiss' | 'customers.merge'> {
  const { sqlite, clock, settings, finder, merge } = deps;
  const exists = sqlite.prepare('SELECT 1 FROM customers WHERE id = ?');
  return {
    // Phones typed while checking are read with the same region they will be saved with.
    'duplicates.check': (input) => finder.check(input, effectiveRegion(settings.get())),
    'duplicates.list': ({ limit }) => ({ pairs: finder.list(limit) }),
    /** `dismissed` is false when the pair had already been dismissed. */
    'duplicates.dismiss': ({ aId, bId }) => {
      if (aId === bId) {
        throw invalidFields([
          { path: 'bId', code: 'invalid', message: 'A customer is not a duplicate of itself' },
        ]);
      }
      for (const id of [aId, bId]) if (!exists.get(id)) throw notFound('Customer', id);
      return { dismissed: finder.dismiss(aId, bId, clock.now()) };
    },
    'customers.merge': ({ keepId, mergeId, takeFromMerged, takeCustomFromMerged }) => ({
      ...merge.merge(keepId, mergeId, { fields: takeFromMerged, custom: takeCustomFromMerged }),
      keptId: keepId,
      mergedId: mergeId,
    }),
  };
}
