import { z } from 'zod';
import { currencyCode, noInput } from './fields';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * An entry of an editable list (lead sources, lifecycle stages). Built-in entries have a fixed
 * `key` and `label: null` (the UI shows its translated name); the owner's own entries carry a label.
 */
export const choiceOption = z.object({ key: z.string(), label: z.string().nullable() });
export type ChoiceOption = z.infer<typeof choiceOption>;

export const BUILT_IN_SOURCES = [
  'website',
  'social',
  'email',
  'referral',
  'event',
  'offline',
  'other',
] as const;
export const BUILT_IN_STAGES = ['lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned'] as const;

const choiceKey = z.string().regex(/^[a-z0-9_-]{1,40}$/);
const choiceList = z
  .array(z.strictObject({ key: choiceKey, label: z.string().trim().min(1).max(60).nullable() }))
  .min(1)
  .max(50)
  .refine((list) => new Set(list.map((option) => option.key)).size === list.length, {
    message: 'Each entry needs its own key',
    params: { issue: 'invalid' },
  });

export const settings = z.object({
  /** null until the owner picks one: the UI then follows the OS locale. */
  language: z.enum(LANGUAGES).nullable(),
  /**
   * Country (ISO 3166 alpha-2) assumed for phone numbers typed without `+`. null = derived:
   * CN unless the UI is English (see `effectiveRegion`).
   */
  defaultRegion: z.string().nullable(),
  /** The currency new orders get and revenue columns are counted in. */
  currency: z.string(),
  trashPurgeDays: z.number().int(),
  customerSources: z.array(choiceOption),
  customerStages: z.array(choiceOption),
  /** Analytics: a customer has churned after this many days without an order (the churn label's horizon). */
  churnHorizonDays: z.number().int(),
  /** Analytics: the share of revenue that is profit, for lifetime value. */
  marginPercent: z.number(),
  /** Analytics: the monthly discount rate lifetime value is discounted at. */
  monthlyDiscountPercent: z.number(),
  /** Analytics: how many months ahead lifetime value looks. */
  clvMonths: z.number().int(),
  /** Pipeline: why deals are lost (built-in keys of BUILT_IN_LOST_REASONS or the owner's own). */
  dealLostReasons: z.array(choiceOption),
  /** Pipeline: an open deal with no activity for this many days is stale. */
  dealStaleDays: z.number().int(),
  /** Follow-ups: when an all-day task reminds (`HH:MM`, local). */
  taskRemindTime: z.string(),
  /** Follow-ups: remind this many days before each customer's birthday; null = no birthday reminders. */
  birthdayReminderDays: z.number().int().nullable(),
  /** Desktop: closing the window keeps SoloCRM in the tray so reminders keep coming. */
  keepInTray: z.boolean(),
  /** Desktop: start SoloCRM (in the tray) when the owner logs in. */
  startAtLogin: z.boolean(),
  /** Desktop: the global shortcut of the quick-capture window (Electron accelerator); null = none. */
  quickCaptureShortcut: z.string().nullable(),
});
export type Settings = z.infer<typeof settings>;

export const settingsUpdateInput = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
  defaultRegion: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  currency: currencyCode.optional(),
  trashPurgeDays: z.number().int().min(1).max(3650).optional(),
  customerSources: choiceList.optional(),
  customerStages: choiceList.optional(),
  churnHorizonDays: z.number().int().min(7).max(730).optional(),
  marginPercent: z.number().min(0).max(100).optional(),
  monthlyDiscountPercent: z.number().min(0).max(20).optional(),
  clvMonths: z.number().int().min(1).max(60).optional(),
  dealLostReasons: choiceList.optional(),
  dealStaleDays: z.number().int().min(1).max(365).optional(),
  taskRemindTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  birthdayReminderDays: z.number().int().min(0).max(60).nullable().optional(),
  keepInTray: z.boolean().optional(),
  startAtLogin: z.boolean().optional(),
  quickCaptureShortcut: z.string().trim().min(1).max(60).nullable().optional(),
});

/** The region phone numbers are read in when the owner has not chosen one. */
export function effectiveRegion(value: Pick<Settings, 'defaultRegion' | 'language'>): string | null {
  if (value.defaultRegion) return value.defaultRegion;
  return value.language === 'en' ? null : 'CN';
}

export const DOORS = ['electron', 'web', 'cli', 'test'] as const;
export type Door = (typeof DOORS)[number];

export const appInfo = z.object({
  version: z.string(),
  door: z.enum(DOORS),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const appChannels = {
  'app.info': { input: noInput, output: appInfo },
  'settings.get': { input: noInput, output: settings },
  'settings.update': { input: settingsUpdateInput, output: settings },
  /**
   * Fills an empty database with a seeded, realistic dataset (what `solocrm demo` does): the same
   * seed gives the same data. Refused with CONFLICT when customers already exist.
   */
  'demo.load': {
    input: z
      .strictObject({
        customers: z.number().int().min(1).max(200_000).default(300),
        /** Average orders per customer over the dataset (default 5). */
        ordersPerCustomer: z.number().int().min(0).max(50).optional(),
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
      })
      .default({ customers: 300 }),
    output: z.object({
      customers: z.number().int(),
      orders: z.number().int(),
      conversations: z.number().int(),
      feedback: z.number().int(),
    }),
  },
} as const;
