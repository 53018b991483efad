import { settings as settingsSchema, type Settings, type ParsedInput } from '../../src-shared/contract';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

const DEFAULTS: Settings = { language: null };

/** Owner preferences, stored in the database so every door (desktop, web, CLI) sees the same ones. */
export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventHub,
  ) {}

  get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const row of this.db.select().from(settings).all()) stored[row.key] = JSON.parse(row.value);
    // A value written by a newer version that this one does not understand falls back to the default.
    const parsed = settingsSchema.partial().safeParse(stored);
    return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
  }

  update(patch: ParsedInput<'settings.update'>): Settings {
    this.db.transaction((tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const json = JSON.stringify(value);
        tx.insert(settings)
          .values({ key, value: json })
          .onConflictDoUpdate({ target: settings.key, set: { value: json } })
          .run();
      }
    });
    this.events.emit({ type: 'data.changed', payload: { entity: 'settings' } });
    return this.get();
  }
}
