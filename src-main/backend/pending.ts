import { AppError } from '../core/errors';
import type { Handlers } from './dispatcher';

/**
 * Channels declared in the contract whose domain is still being built: they answer INTERNAL
 * instead of breaking the build. Each domain removes its names from here when it lands.
 */
const PENDING = [
  'demo.load',
  'customers.bulk',
  'views.list',
  'views.create',
  'views.update',
  'views.delete',
  'customers.overview',
  'customers.timeline',
  'orders.create',
  'orders.update',
  'orders.delete',
  'orders.restore',
  'conversations.create',
  'conversations.update',
  'conversations.delete',
  'conversations.restore',
  'feedback.create',
  'feedback.delete',
  'feedback.restore',
  'feedback.summary',
  'tags.list',
  'tags.create',
  'tags.update',
  'tags.delete',
  'tags.restore',
  'customFields.list',
  'customFields.create',
  'customFields.update',
  'customFields.delete',
  'customFields.restore',
  'duplicates.check',
  'duplicates.list',
  'duplicates.dismiss',
  'customers.merge',
] as const;

export type PendingChannel = (typeof PENDING)[number];

export function pendingHandlers(): Pick<Handlers, PendingChannel> {
  const notYet = () => {
    throw new AppError('INTERNAL', 'This part of SoloCRM is not built yet.');
  };
  return Object.fromEntries(PENDING.map((name) => [name, notYet])) as unknown as Pick<Handlers, PendingChannel>;
}
