import type { z } from 'zod';
import type { ChannelName } from './channelNames';
import { activityChannels } from './activity';
import { analyticsChannels } from './analytics';
import { appChannels } from './app';
import { customerChannels } from './customers';
import { dealChannels } from './deals';
import { duplicateChannels } from './duplicates';
import { importChannels } from './imports';
import { organizeChannels } from './organize';
import { taskChannels } from './tasks';
import { pushEvents } from './events';

export * from './activity';
export * from './analytics';
export * from './app';
export * from './channelNames';
export * from './customers';
export * from './deals';
export * from './duplicates';
export * from './errors';
export * from './events';
export * from './fields';
export * from './imports';
export * from './issues';
export * from './organize';
export * from './tasks';

/** The whole request/response contract: channel name (`domain.action`) -> zod input and output. */
export const contract = {
  ...appChannels,
  ...customerChannels,
  ...activityChannels,
  ...organizeChannels,
  ...duplicateChannels,
  ...importChannels,
  ...analyticsChannels,
  ...dealChannels,
  ...taskChannels,
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { PushEvent, PushEventType } from './events';
export { pushEvents };
