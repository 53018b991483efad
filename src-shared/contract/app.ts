import { z } from 'zod';
import { noInput } from './fields';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const settings = z.object({
  /** null until the owner picks one: the UI then follows the OS locale. */
  language: z.enum(LANGUAGES).nullable(),
});
export type Settings = z.infer<typeof settings>;

export const settingsUpdateInput = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
});

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
} as const;
