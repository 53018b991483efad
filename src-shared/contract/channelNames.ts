/**
 * Every channel name, without the schemas: the sandboxed preload's allow-list must not import
 * zod (a sandboxed preload can only require `electron`). `contract` is checked against this list
 * at compile time, and tests/unit/contract.test.ts checks the reverse.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'customers.create',
  'customers.update',
  'customers.get',
  'customers.list',
  'customers.delete',
  'customers.restore',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
