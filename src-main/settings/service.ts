import {
  BUILT_IN_SOURCES,
  BUILT_IN_LOST_REASONS,
  BUILT_IN_STAGES,
  DEFAULT_STALE_DAYS,
  settings as settingsSchema,
  type ParsedInput,
  type Settings,
} from '../../src-shared/contract';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

export const DEFAULT_SETTINGS: Settings = {
  language: null,
  defaultRegion: null,
  currency: 'CNY',
  trashPurgeDays: 30,
  customerSources: BUILT_IN_SOURCES.map((key) => ({ key, label: null })),
  customerStages: BUILT_IN_STAGES.map((key) => ({ key, label: null })),
  churnHorizonDays: 90,
  // A small shop's gross margin; the owner sets their own (Settings → Analytics).
  marginPercent: 30,
  // ~12.7 % a year, lifetimes' default.
  monthlyDiscountPercent: 1,
  clvMonths: 12,
  dealLostReasons: BUILT_IN_LOST_REASONS.map((key) => ({ key, label: null })),
  dealStaleDays: DEFAULT_STALE_DAYS,
  taskRemindTime: '09:00',
  birthdayReminderDays: 3,
  keepInTray: true,
  startAtLogin: false,
  quickCaptureShortcut: 'CommandOrControl+Shift+K',
};

/** Owner preferences, stored in the database so every door (desktop, web, CLI) sees the same ones. */
export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventHub,
  ) {}

  get(): Settings {
    const result: Settings = { ...DEFAULT_SETTINGS };
    const shape = settingsSchema.shape;
    for (const row of this.db.select().from(settings).all()) {
      if (!Object.prototype.hasOwnProperty.call(shape, row.key)) continue;
      const key = row.key as keyof Settings;
      // A value written by a newer version that this one does not understand falls back to the default.
      const parsed = shape[key].safeParse(JSON.parse(row.value));
      if (parsed.success) Object.assign(result, { [key]: parsed.data });
    }
    return result;
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
